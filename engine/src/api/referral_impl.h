// Internal: referral rows in the public form, shared by Refer and Explain.
#ifndef LAYAK_API_REFERRAL_IMPL_H_
#define LAYAK_API_REFERRAL_IMPL_H_

#include <vector>

#include "data/caseload_data.h"
#include "ir/ir.h"
#include "layak/referral.h"
#include "refer/referral.h"

namespace layak {

// Row `x` of `r` with ids and names in place of indexes, written over `row`
// (whose strings keep their storage).
void ToPublicRow(const ir::Module& m, const data::CaseloadData& data, const refer::ReferResult& r,
                 const refer::Referral& x, ReferralRow* row);

// The rows of `r` with ids and names in place of indexes.
std::vector<ReferralRow> ToPublicRows(const ir::Module& m, const data::CaseloadData& data, const refer::ReferResult& r);

}  // namespace layak

#endif  // LAYAK_API_REFERRAL_IMPL_H_
