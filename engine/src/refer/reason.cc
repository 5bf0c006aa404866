// ReasonText: a referral row's reason in words.
#include "absl/strings/str_cat.h"
#include "refer/rank.h"
#include "refer/referral.h"

namespace layak::refer {
namespace {

std::string Places(int64_t n) { return absl::StrCat(n, n == 1 ? " place" : " places"); }

}  // namespace

std::string ReasonText(const ir::Module& m, const ReferResult& result, const Referral& row) {
  std::string out;
  ReasonText(m, result, row, &out);
  return out;
}

void ReasonText(const ir::Module& m, const ReferResult& result, const Referral& row, std::string* out) {
  out->clear();
  const std::string& service = row.service != nullptr ? *row.service : QuotaService();
  const PoolText* pool = row.pool >= 0 ? &result.pools[static_cast<std::size_t>(row.pool)] : nullptr;
  switch (row.why) {
    case Why::kOffers: {
      uint8_t reach = result.reach[static_cast<std::size_t>(row.resource)];
      absl::StrAppend(out, "offers ", service,
                      reach == 2   ? "; serves the province"
                      : reach == 1 ? "; serves the kabupaten"
                                   : "; serves the kecamatan",
                      row.place_unknown     ? "; whether it serves this household's kecamatan is not known yet"
                      : row.accepts_unknown ? "; whether it accepts this household is not known yet"
                                            : "");
      return;
    }
    case Why::kNoOffer:
      absl::StrAppend(out, "no resource offers ", service);
      return;
    case Why::kNoServeAccept:
      absl::StrAppend(out, "no resource offering ", service, " serves or accepts this household");
      return;
    case Why::kChoice:
      absl::StrAppend(out, "offers ", service, "; choice ", row.rank, " of ", row.of, " by distance");
      return;
    case Why::kNoPlace:
      out->append("no place left in the catchment");
      return;
    case Why::kNoAccept:
      out->append("no resource accepts");
      return;
    case Why::kDataMissing:
      out->append("data missing");
      return;
    case Why::kQuotaCandidate:
      absl::StrAppend(out, "quota of ", pool->key_field, " ", pool->key, ": ", Places(pool->places),
                      pool->listed ? "" : " (not in the table)");
      return;
    case Why::kQuotaKeyUnknown:
      absl::StrAppend(out, "the quota of ", m.programs[static_cast<std::size_t>(row.source)].id, " is per ",
                      MissingOf(result, row).empty() ? std::string("its key") : MissingOf(result, row)[0],
                      ", which is not known for this household");
      return;
    case Why::kQuotaPlace:
      absl::StrAppend(out, "a place of the quota of ", pool->key_field, " ", pool->key, " (", Places(pool->places),
                      ")");
      return;
    case Why::kQuotaFull:
      absl::StrAppend(out, "no place left in the quota of ", pool->key_field, " ", pool->key, " (",
                      Places(pool->places), ")");
      return;
    case Why::kQuotaNone:
      absl::StrAppend(out, "no quota for ", pool->key_field, " ", pool->key);
      return;
  }
}

}  // namespace layak::refer
