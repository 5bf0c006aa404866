// ReadResources and ReadTests: community resources (services, location,
// catchment, capacity, accepts rule) and the pack's rule tests.
#include <cstdlib>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "pack/sections.h"
#include "util/edit_distance.h"

namespace layak::pack {
namespace {

std::optional<double> ReadCoordinate(const YAML::Node& node, YamlReader& r, const std::string& what, double limit) {
  if (!r.ExpectScalar(node, what)) return std::nullopt;
  const std::string& s = node.Scalar();
  char* end = nullptr;
  double v = std::strtod(s.c_str(), &end);
  if (s.empty() || end != s.c_str() + s.size() || v < -limit || v > limit) {
    r.Error(node, DiagnosticCode::kBadValue,
            absl::StrCat(what, " must be a number between ", -limit, " and ", limit, ", found '", s, "'"));
    return std::nullopt;
  }
  return v;
}

void ReadResource(const YAML::Node& node, YamlReader& r, PackModel& model) {
  if (!r.ExpectMap(node, "a resource")) return;
  r.CheckKeys(node, {"id", "name", "services", "location", "serves", "capacity", "accepts", "contact", "doc"},
              "a resource");
  std::optional<YAML::Node> id = r.Required(node, "id", "a resource");
  if (!id) return;
  ResourceDecl res;
  res.id = r.String(*id, "resource id").value_or("");
  res.loc = r.LocOf(*id);
  for (const ResourceDecl& other : model.resources) {
    if (other.id == res.id) {
      r.Error(*id, DiagnosticCode::kDuplicateId, absl::StrCat("resource id '", res.id, "' is used twice"));
      return;
    }
  }
  std::string what = absl::StrCat("resource '", res.id, "'");
  for (const auto& kv : node) {
    const std::string& k = kv.first.Scalar();
    const YAML::Node& v = kv.second;
    if (k == "name") {
      res.name = r.String(v, what + " name").value_or("");
    } else if (k == "services") {
      res.services = r.StringList(v, what + " services");
    } else if (k == "capacity") {
      res.capacity = r.Int(v, what + " capacity");
      if (res.capacity && *res.capacity < 0) {
        r.Error(v, DiagnosticCode::kBadValue, what + " capacity cannot be negative");
      }
    } else if (k == "accepts") {
      res.accepts = r.Expr(v, what + " accepts");
    } else if (k == "location") {
      if (!r.ExpectMap(v, what + " location")) continue;
      r.CheckKeys(v, {"kecamatan", "desa", "address", "lat", "lon"}, what + " location");
      for (const auto& f : v) {
        const std::string& lk = f.first.Scalar();
        if (lk == "kecamatan") {
          res.kecamatan = r.String(f.second, what + " kecamatan").value_or("");
          res.kecamatan_loc = r.LocOf(f.second);
        }
        if (lk == "lat") res.lat = ReadCoordinate(f.second, r, what + " lat", 90);
        if (lk == "lon") res.lon = ReadCoordinate(f.second, r, what + " lon", 180);
      }
    } else if (k == "serves") {
      if (!r.ExpectMap(v, what + " serves")) continue;
      r.CheckKeys(v, {"kecamatan"}, what + " serves");
      for (const auto& f : v) {
        if (f.first.Scalar() != "kecamatan") continue;
        if (f.second.IsScalar() && f.second.Scalar() == "all") {
          res.serves_all = true;
        } else {
          res.serves_all = false;
          res.serves_kecamatan = r.StringList(f.second, what + " serves kecamatan");
        }
      }
    }
  }
  if (res.services.empty()) r.Error(*id, DiagnosticCode::kMissingKey, what + " offers no services");
  model.resources.push_back(std::move(res));
}

// Reads `field: value` pairs of a test household or member; sets may be lists.
std::vector<TestValue> ReadTestValues(const YAML::Node& node, YamlReader& r, const std::string& what,
                                      std::vector<std::vector<TestValue>>* members) {
  std::vector<TestValue> out;
  if (!r.ExpectMap(node, what)) return out;
  for (const auto& kv : node) {
    const std::string& field = kv.first.Scalar();
    if (field == "members" && members != nullptr) {
      if (!r.ExpectSeq(kv.second, what + " members")) continue;
      for (const YAML::Node& m : kv.second) members->push_back(ReadTestValues(m, r, "a test member", nullptr));
      continue;
    }
    TestValue v;
    v.field = field;
    v.loc = r.LocOf(kv.first);
    if (kv.second.IsNull()) {
      out.push_back(std::move(v));
      continue;
    }
    if (kv.second.IsSequence()) {
      std::vector<std::string> items;
      for (const LocatedString& s : r.StringList(kv.second, absl::StrCat(what, " ", field))) items.push_back(s.value);
      v.value = items.empty() ? "{}" : absl::StrJoin(items, "|");
    } else if (r.ExpectScalar(kv.second, absl::StrCat(what, " ", field))) {
      v.value = kv.second.Scalar();
    }
    out.push_back(std::move(v));
  }
  return out;
}

void ReadTest(const YAML::Node& node, YamlReader& r, PackModel& model) {
  if (!r.ExpectMap(node, "a test")) return;
  r.CheckKeys(node, {"name", "as_of", "household", "expect", "pack"}, "a test");
  std::optional<YAML::Node> name = r.Required(node, "name", "a test");
  std::optional<YAML::Node> household = r.Required(node, "household", "a test");
  std::optional<YAML::Node> expect = r.Required(node, "expect", "a test");
  if (!name || !household || !expect) return;
  TestDecl test;
  test.name = r.String(*name, "test name").value_or("");
  test.loc = r.LocOf(*name);
  for (const auto& kv : node) {
    if (kv.first.Scalar() == "as_of") test.as_of = r.Date(kv.second, "test as_of");
  }
  test.household = ReadTestValues(*household, r, "a test household", &test.members);
  if (r.ExpectMap(*expect, "test expect")) {
    for (const auto& kv : *expect) {
      if (!r.ExpectScalar(kv.second, "expected status")) continue;
      test.expect.push_back({{kv.first.Scalar(), r.LocOf(kv.first)}, {kv.second.Scalar(), r.LocOf(kv.second)}});
    }
  }
  model.tests.push_back(std::move(test));
}

}  // namespace

void ReadResources(const YAML::Node& node, YamlReader& r, PackModel& model) {
  if (!r.ExpectSeq(node, "resources")) return;
  for (const YAML::Node& n : node) ReadResource(n, r, model);
}

void ReadTests(const YAML::Node& node, YamlReader& r, PackModel& model) {
  if (!r.ExpectSeq(node, "tests")) return;
  for (const YAML::Node& n : node) ReadTest(n, r, model);
}

}  // namespace layak::pack
