// The directory a referral run ranks from: where households are (the
// kecamatan and desa centroids of `places:`), which resources offer each
// service, and which places each resource serves. Built once per run and
// only read by the ranking threads; each thread keeps its own cache of the
// ranked resources per (place, service), since those depend on the place
// only.
#ifndef LAYAK_REFER_DIRECTORY_H_
#define LAYAK_REFER_DIRECTORY_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "data/caseload_data.h"
#include "ir/ir.h"
#include "pack/pack_model.h"

namespace layak::refer {

// Where a household is.
struct Located {
  int kec = -1;  // its kecamatan's enum value; -1 when unknown
  int loc = -1;  // its place (kecamatan, or desa with a centroid); -1 when unknown
  double lat = 0, lon = 0;
  bool known = false;  // lat/lon are a centroid
};

// A resource offering a service to one place, with its distance.
struct Base {
  int32_t r = -1;
  double km = -1;                  // < 0: unknown (no centroid or no location)
  bool catchment_unknown = false;  // the household's kecamatan is not known
};

// The resources ranked for one (place, service).
struct Ranked {
  std::vector<Base> entries;
  bool plain = false;  // no accepts rule, no unknown catchment: the same for every household here
  bool any_catchment_unknown = false;
  std::vector<int32_t> accepting;  // the entries with an accepts rule
  uint64_t mask = 0;               // the ranker's pattern bits of their accepts rules
  // For assignment (the thread's list ids): plain, the placeable list (-2:
  // none); else per pattern of the accepting entries' statuses, the list
  // and whether any of them is undecided.
  int32_t list = -1;
  absl::flat_hash_map<uint64_t, std::pair<int32_t, bool>> by_pattern;
  bool made = false;
};

// Resources and places of a run.
class Directory {
 public:
  // One resource as ranking sees it.
  struct Resource {
    bool everywhere = false;  // the kabupaten or the province
    std::optional<double> lat, lon;
    int accepts_root = -1;        // index among the plan's extra roots, or -1
    std::vector<uint8_t> serves;  // per kecamatan
    int64_t capacity = -1;        // -1: not limited
    std::string id;
  };

  // The pack's resources (accepts_root[r]: their accepts rule's root or -1),
  // then the `extra` ones.
  Directory(const ir::Module& m, const pack::PackModel& model, const std::vector<pack::ResourceDecl>& extra,
            const std::vector<int>& accepts_root);

  // Where household `row` of `data` is.
  Located Locate(const data::CaseloadData& data, std::size_t row) const;
  // The service's index, or -1 when no resource offers it.
  int32_t Service(const std::string& name) const;
  // How many places ranking may meet (kecamatan, desa, and "unknown").
  std::size_t places() const { return kec_place_.size() + desa_place_.size() + 1; }
  std::size_t services() const { return offering_.size(); }
  const std::vector<Resource>& resources() const { return resources_; }

  // The resources offering service `svc` that serve `at` (or may: the
  // kecamatan unknown), those certain to first, each group nearest first,
  // then by more places, then by id.
  void Rank(const Located& at, int32_t svc, Ranked* out) const;

 private:
  int kec_ = -1, desa_ = -1;  // household fields
  std::vector<std::string> kec_names_;
  std::vector<Located> kec_place_;
  std::vector<Located> desa_place_;
  std::vector<absl::flat_hash_map<std::string_view, int32_t>> desa_by_kec_;  // desa name -> desa_place_ index
  std::vector<Resource> resources_;
  absl::flat_hash_map<std::string, int32_t> service_index_;
  std::vector<std::vector<int32_t>> offering_;  // per service: resources, in order
};

}  // namespace layak::refer

#endif  // LAYAK_REFER_DIRECTORY_H_
