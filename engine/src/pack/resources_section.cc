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
  r.CheckKeys(node,
              {"id", "name", "type", "services", "location", "serves", "capacity", "accepts", "hours", "documents",
               "contact", "illustrative", "doc"},
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
    } else if (k == "type") {
      res.type = r.String(v, what + " type").value_or("");
    } else if (k == "hours") {
      res.hours = r.String(v, what + " hours").value_or("");
    } else if (k == "documents") {
      for (const LocatedString& d : r.StringList(v, what + " documents")) res.documents.push_back(d.value);
    } else if (k == "illustrative") {
      res.illustrative = r.Bool(v, what + " illustrative").value_or(false);
    } else if (k == "contact") {
      if (v.IsScalar()) {
        res.phone = v.Scalar();
        continue;
      }
      if (!r.ExpectMap(v, what + " contact")) continue;
      r.CheckKeys(v, {"phone", "email", "address"}, what + " contact");
      for (const auto& f : v) {
        std::optional<std::string> text = r.String(f.second, what + " contact " + f.first.Scalar());
        if (!text) continue;
        if (f.first.Scalar() == "phone") res.phone = *text;
        if (f.first.Scalar() == "email") res.email = *text;
        if (f.first.Scalar() == "address" && res.address.empty()) res.address = *text;
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
        if (lk == "desa") res.desa = r.String(f.second, what + " desa").value_or("");
        if (lk == "address") res.address = r.String(f.second, what + " address").value_or("");
      }
    } else if (k == "serves") {
      if (!r.ExpectMap(v, what + " serves")) continue;
      r.CheckKeys(v, {"kecamatan", "province"}, what + " serves");
      for (const auto& f : v) {
        if (f.first.Scalar() == "province") {
          res.serves_province = r.Bool(f.second, what + " serves province").value_or(false);
          continue;
        }
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

// places: { kecamatan: { Bancar: { lat: .., lon: .. } }, desa: { Bancar/Banjarejo: { lat: .., lon: .. } } }
void ReadPlaces(const YAML::Node& node, YamlReader& r, PackModel& model) {
  if (!r.ExpectMap(node, "places")) return;
  r.CheckKeys(node, {"kecamatan", "desa"}, "places");
  for (const auto& level : node) {
    const std::string& kind = level.first.Scalar();
    if (kind != "kecamatan" && kind != "desa") continue;
    if (!r.ExpectMap(level.second, "places " + kind)) continue;
    for (const auto& kv : level.second) {
      PlaceDecl p;
      const std::string& name = kv.first.Scalar();
      std::string what = absl::StrCat("place '", name, "'");
      p.loc = r.LocOf(kv.first);
      if (kind == "kecamatan") {
        p.kecamatan = name;
      } else if (std::size_t slash = name.find('/'); slash != std::string::npos) {
        p.kecamatan = name.substr(0, slash);
        p.desa = name.substr(slash + 1);
      } else {
        r.Error(kv.first, DiagnosticCode::kBadValue, absl::StrCat(what, ": a desa is written KECAMATAN/DESA"),
                {"help: two kecamatan may have desa of the same name"});
        continue;
      }
      for (const PlaceDecl& other : model.places) {
        if (other.kecamatan == p.kecamatan && other.desa == p.desa) {
          r.Error(kv.first, DiagnosticCode::kDuplicateName, absl::StrCat(what, " is given twice"));
          p.kecamatan.clear();
        }
      }
      if (p.kecamatan.empty() || !r.ExpectMap(kv.second, what)) continue;
      r.CheckKeys(kv.second, {"lat", "lon"}, what);
      std::optional<YAML::Node> lat = r.Required(kv.second, "lat", what);
      std::optional<YAML::Node> lon = r.Required(kv.second, "lon", what);
      if (!lat || !lon) continue;
      std::optional<double> la = ReadCoordinate(*lat, r, what + " lat", 90);
      std::optional<double> lo = ReadCoordinate(*lon, r, what + " lon", 180);
      if (!la || !lo) continue;
      p.lat = *la;
      p.lon = *lo;
      model.places.push_back(std::move(p));
    }
  }
}

void ReadResources(const YAML::Node& node, YamlReader& r, PackModel& model) {
  if (!r.ExpectSeq(node, "resources")) return;
  for (const YAML::Node& n : node) ReadResource(n, r, model);
}

void ReadQuotas(const YAML::Node& node, YamlReader& r, PackModel& model) {
  if (!r.ExpectSeq(node, "quotas")) return;
  for (const auto& entry : node) {
    if (!r.ExpectMap(entry, "a quota")) continue;
    r.CheckKeys(entry, {"program", "places", "doc"}, "a quota");
    QuotaDecl q;
    q.loc = r.LocOf(entry);
    std::optional<YAML::Node> program = r.Required(entry, "program", "a quota");
    std::optional<YAML::Node> places = r.Required(entry, "places", "a quota");
    if (!program || !places) continue;
    std::optional<std::string> p = r.String(*program, "a quota's program");
    std::optional<std::string> t = r.String(*places, "a quota's places");
    if (!p || !t) continue;
    q.program = {*p, r.LocOf(*program)};
    q.places = {*t, r.LocOf(*places)};
    for (const auto& kv : entry) {
      if (kv.first.Scalar() == "doc") q.doc = r.String(kv.second, "a quota's doc").value_or("");
    }
    for (const QuotaDecl& other : model.quotas) {
      if (other.program.value == q.program.value) {
        r.Error(*program, DiagnosticCode::kDuplicateName,
                absl::StrCat("program '", q.program.value, "' has a quota already"),
                RedeclarationNotes(model, other.loc, q.loc));
        q.program.value.clear();
      }
    }
    if (!q.program.value.empty()) model.quotas.push_back(std::move(q));
  }
}

}  // namespace layak::pack
