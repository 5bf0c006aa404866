#include "refer/directory.h"

#include <algorithm>
#include <cstdint>

#include "refer/referral.h"

namespace layak::refer {
namespace {

int IndexOf(const std::vector<std::string>& names, const std::string& name) {
  auto it = std::find(names.begin(), names.end(), name);
  return it == names.end() ? -1 : static_cast<int>(it - names.begin());
}

}  // namespace

Directory::Directory(const ir::Module& m, const pack::PackModel& model, const std::vector<pack::ResourceDecl>& extra,
                     const std::vector<int>& accepts_root)
    : kec_(m.FindField("kecamatan", ir::Scope::kHousehold)), desa_(m.FindField("desa", ir::Scope::kHousehold)) {
  if (kec_ >= 0 && m.fields[static_cast<std::size_t>(kec_)].type.kind == ir::Type::kEnum) {
    kec_names_ = m.domains[static_cast<std::size_t>(m.fields[static_cast<std::size_t>(kec_)].type.domain)].values;
  }
  kec_place_.resize(kec_names_.size());
  desa_by_kec_.resize(kec_names_.size());
  for (std::size_t k = 0; k < kec_names_.size(); ++k) {
    kec_place_[k].kec = static_cast<int>(k);
    kec_place_[k].loc = static_cast<int>(k);
  }
  for (const pack::PlaceDecl& p : model.places) {
    int k = IndexOf(kec_names_, p.kecamatan);
    if (k < 0) continue;
    if (p.desa.empty()) {
      Located& at = kec_place_[static_cast<std::size_t>(k)];
      at.lat = p.lat;
      at.lon = p.lon;
      at.known = true;
      continue;
    }
    auto [it, added] =
        desa_by_kec_[static_cast<std::size_t>(k)].try_emplace(p.desa, static_cast<int32_t>(desa_place_.size()));
    if (added) desa_place_.emplace_back();
    // A later entry for the same desa wins, as a later key of a map would.
    desa_place_[static_cast<std::size_t>(it->second)] = {k, static_cast<int>(kec_names_.size()) + it->second, p.lat,
                                                         p.lon, true};
  }
  auto add = [&](const std::vector<std::string>& services, bool everywhere, std::optional<double> lat,
                 std::optional<double> lon, int accepts, const std::vector<pack::LocatedString>& listed,
                 std::optional<int64_t> capacity, const std::string& id) {
    Resource& res = resources_.emplace_back();
    res.everywhere = everywhere;
    res.lat = lat;
    res.lon = lon;
    res.accepts_root = accepts;
    res.capacity = capacity ? *capacity : -1;
    res.id = id;
    res.serves.assign(kec_names_.size(), everywhere ? 1 : 0);
    for (const pack::LocatedString& k : listed) {
      int i = IndexOf(kec_names_, k.value);
      if (i >= 0) res.serves[static_cast<std::size_t>(i)] = 1;
    }
    const auto r = static_cast<int32_t>(resources_.size() - 1);
    for (const std::string& sv : services) {
      auto [it, added] = service_index_.try_emplace(sv, static_cast<int32_t>(offering_.size()));
      if (added) offering_.emplace_back();
      offering_[static_cast<std::size_t>(it->second)].push_back(r);
    }
  };
  for (std::size_t r = 0; r < m.resources.size(); ++r) {
    const ir::Resource& res = m.resources[r];
    const pack::ResourceDecl& d = model.resources[r];
    add(res.services, res.serves_all || d.serves_province, res.lat, res.lon, accepts_root[r], d.serves_kecamatan,
        res.capacity, res.id);
  }
  for (const pack::ResourceDecl& d : extra) {
    std::vector<std::string> services;
    for (const pack::LocatedString& sv : d.services) services.push_back(sv.value);
    add(services, d.serves_all || d.serves_province, d.lat, d.lon, -1, d.serves_kecamatan, d.capacity, d.id);
  }
}

Located Directory::Locate(const data::CaseloadData& data, std::size_t row) const {
  const data::Table& t = data.table(ir::Scope::kHousehold);
  if (kec_ < 0 || !t.present[static_cast<std::size_t>(kec_)]) return {};
  const data::Column& kc = t.columns[static_cast<std::size_t>(kec_)];
  if (!kc.valid(row)) return {};
  const auto k = static_cast<std::size_t>(kc.value(row));
  if (k >= kec_place_.size()) return {};
  if (desa_ >= 0 && !desa_place_.empty() && t.present[static_cast<std::size_t>(desa_)]) {
    const data::Column& dc = t.columns[static_cast<std::size_t>(desa_)];
    if (dc.valid(row)) {
      auto it = desa_by_kec_[k].find(dc.text(row));
      if (it != desa_by_kec_[k].end()) return desa_place_[static_cast<std::size_t>(it->second)];
    }
  }
  return kec_place_[k];
}

int32_t Directory::Service(const std::string& name) const {
  auto it = service_index_.find(name);
  return it == service_index_.end() ? -1 : it->second;
}

void Directory::Rank(const Located& at, int32_t svc, Ranked* out) const {
  out->entries.clear();
  out->accepting.clear();
  out->by_pattern.clear();
  out->mask = 0;
  out->list = -1;
  out->plain = true;
  out->any_catchment_unknown = false;
  out->made = true;
  for (int32_t r : offering_[static_cast<std::size_t>(svc)]) {
    const Resource& res = resources_[static_cast<std::size_t>(r)];
    Base b{r, -1, false};
    if (!res.everywhere) {
      if (at.kec < 0) {
        b.catchment_unknown = true;
      } else if (!res.serves[static_cast<std::size_t>(at.kec)]) {
        continue;
      }
    }
    if (at.known && res.lat && res.lon) b.km = HaversineKm(at.lat, at.lon, *res.lat, *res.lon);
    out->plain &= !b.catchment_unknown && res.accepts_root < 0;
    out->any_catchment_unknown |= b.catchment_unknown;
    out->entries.push_back(b);
  }
  std::sort(out->entries.begin(), out->entries.end(), [&](const Base& a, const Base& b) {
    if (a.catchment_unknown != b.catchment_unknown) return !a.catchment_unknown;
    if ((a.km < 0) != (b.km < 0)) return a.km >= 0;
    if (a.km != b.km) return a.km < b.km;
    int64_t ca = resources_[static_cast<std::size_t>(a.r)].capacity;
    int64_t cb = resources_[static_cast<std::size_t>(b.r)].capacity;
    if (ca != cb) return (ca < 0 ? INT64_MAX : ca) > (cb < 0 ? INT64_MAX : cb);
    return resources_[static_cast<std::size_t>(a.r)].id < resources_[static_cast<std::size_t>(b.r)].id;
  });
  for (std::size_t k = 0; k < out->entries.size(); ++k) {
    if (resources_[static_cast<std::size_t>(out->entries[k].r)].accepts_root >= 0) {
      out->accepting.push_back(static_cast<int32_t>(k));
    }
  }
}

}  // namespace layak::refer
