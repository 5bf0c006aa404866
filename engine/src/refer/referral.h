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

// Why a row is what it is; ReasonText() renders it. Rows keep codes, not
// text, so that ranking a whole caseload allocates no string per row.
enum class Why : uint8_t {
  kOffers,           // a candidate: offers the service, serves the place
  kNoOffer,          // no resource offers the service
  kNoServeAccept,    // resources offer it, none serves or accepts the household
  kChoice,           // assigned: choice `rank` of `of` by distance
  kNoPlace,          // waiting: no place left in the catchment
  kNoAccept,         // waiting: no resource accepts
  kDataMissing,      // waiting: the facts in `missing` would decide
  kQuotaCandidate,   // a quota's pool for the household's key value
  kQuotaKeyUnknown,  // the quota's key is not known for the household
  kQuotaPlace,       // assigned a place of the pool
  kQuotaFull,        // waiting: the pool is full
  kQuotaNone,        // waiting: the table has no row (nor default) for the key
};

// One row: a household, what calls for the service, and one resource (or
// none, with why). Trivially copyable: a caseload has millions.
struct Referral {
  uint32_t household = 0;
  bool from_need = true;         // else from a program the household is eligible for
  bool accepts_unknown = false;  // the resource's accepts rule or catchment is undecided
  bool place_unknown = false;    // its catchment is: the household's kecamatan is not known
  Why why = Why::kOffers;
  int32_t source = -1;                   // need or program index
  const std::string* service = nullptr;  // owned by the module (or a static, for quotas)
  int32_t resource = -1;
  int32_t rank = 0;         // 1-based within the service; 0 when there is no resource
  int32_t of = 0;           // kChoice: how many resources could place it
  int32_t pool = -1;        // quota rows: ReferResult::pools
  double distance_km = -1;  // < 0 when unknown
  const char* status = "";  // candidate, unknown, assigned, waiting, none
  int32_t missing = -1;     // ReferResult::missing: facts that would decide an unknown accepts rule, catchment or key
};

// A quota's pool, as rows' reasons name it.
struct PoolText {
  std::string key_field, key;
  int64_t places = 0;
  bool listed = false;
};

// The result of a referral run. Resources are the pack's, then the extra ones,
// then the quota pools.
struct ReferResult {
  // The rows: households in input order; per household, needs, programs,
  // quotas. One part per ranking thread, in order: kept apart, not copied
  // into one vector.
  std::vector<std::vector<Referral>> parts;
  std::vector<std::vector<std::string>> missing;  // lists of facts, as rows' `missing` index them
  std::vector<int64_t> load;                      // with assignment: places used per resource
  std::vector<int64_t> capacity;
  std::vector<std::string> resource_id, resource_name;
  std::vector<uint8_t> reach;  // per resource: 0 its kecamatan list, 1 the kabupaten, 2 the province
  std::vector<PoolText> pools;
};

// Every row, in order.
template <typename F>
void ForEachRow(const ReferResult& r, F f) {
  for (const std::vector<Referral>& part : r.parts) {
    for (const Referral& row : part) f(row);
  }
}

// The facts that would decide `row` (empty: none).
const std::vector<std::string>& MissingOf(const ReferResult& r, const Referral& row);

// The row's reason in words ("offers rutilahu; serves the kabupaten").
std::string ReasonText(const ir::Module& m, const ReferResult& result, const Referral& row);
// The same, written over `out` (whose storage is reused).
void ReasonText(const ir::Module& m, const ReferResult& result, const Referral& row, std::string* out);

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
