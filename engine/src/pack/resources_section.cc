// ReadResources: community resources (services, location,
// catchment, capacity, accepts rule).
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

}  // namespace

void ReadResources(const YAML::Node& node, YamlReader& r, PackModel& model) {
  if (!r.ExpectSeq(node, "resources")) return;
  for (const YAML::Node& n : node) ReadResource(n, r, model);
}

}  // namespace layak::pack
