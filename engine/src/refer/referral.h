// Referral: from what a household needs to the resources that can and will
// serve it. For each household, the needs that hold and the services of the
// programs it is eligible for give the services it requires; the resources
// offering each are filtered by catchment and `accepts` (three-valued: a
// resource whose rule is unknown for the household is listed, with the facts
// that would decide it) and ranked by distance (haversine from the desa or
// kecamatan centroid of `places:`), then free capacity, then id. With
// assignment, every demand is placed under capacity (refer/assign.h) or put
// on the waiting list with the reason.
#ifndef LAYAK_REFER_REFERRAL_H_
#define LAYAK_REFER_REFERRAL_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "data/caseload_data.h"
#include "ir/ir.h"
#include "pack/pack_model.h"

namespace layak::refer {

// How to refer.
struct ReferOptions {
  int32_t as_of = 0;       // days since the epoch
  int top = 3;             // ranked resources listed per service
  bool assign = false;     // place demands under capacity
  int64_t household = -1;  // >= 0: refer only this household row (explanations)
  int threads = 0;         // households ranked on this many threads; 0: the cores this process may use
};

// One row: a household, what calls for the service, and one resource (or
// none, with why).
struct Referral {
  std::size_t household = 0;
  bool from_need = true;  // else from a program the household is eligible for
  int32_t source = -1;    // need or program index
  std::string service;
  int32_t resource = -1;
  int rank = 0;                      // 1-based within the service; 0 when there is no resource
  double distance_km = -1;           // < 0 when unknown
  std::string status;                // candidate, unknown (accepts or catchment undecided), assigned, waiting, none
  std::string reason;                // why this resource, or why none
  std::vector<std::string> missing;  // facts that would decide an unknown accepts rule or catchment
};

// The result of a referral run. Resources are the pack's, then the extra ones.
struct ReferResult {
  std::vector<Referral> rows;  // households in input order; per household, needs then programs
  std::vector<int64_t> load;   // with assignment: places used per resource
  std::vector<int64_t> capacity;
  std::vector<std::string> resource_id, resource_name;
};

// Refers every household of `data`.
// `extra` are resources from elsewhere (an HSDS import): no accepts rule.
absl::StatusOr<ReferResult> Refer(const ir::Module& module, const pack::PackModel& model,
                                  const data::CaseloadData& data, const ReferOptions& options,
                                  const std::vector<pack::ResourceDecl>& extra = {});

// The input fields Refer reads (programs, needs, accepts rules, priorities,
// kecamatan and desa).
std::vector<std::string> InputFields(const ir::Module& module, int32_t as_of);

// Great-circle distance in km between two points (degrees).
double HaversineKm(double lat1, double lon1, double lat2, double lon2);

}  // namespace layak::refer

#endif  // LAYAK_REFER_REFERRAL_H_
