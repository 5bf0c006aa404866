// Ranking households: evaluate the plan on them in batches, then turn each
// household's needs and eligible programs into demands, each with its
// ranked candidates. Without assignment every candidate up to
// `top` is a row; with it, each demand is one row and refers to an interned
// candidate list (refer/candidate_lists.h), so that a caseload of millions
// of demands allocates per distinct list, not per demand.
#ifndef LAYAK_REFER_RANK_H_
#define LAYAK_REFER_RANK_H_

#include <cstdint>
#include <string>
#include <vector>

#include "data/caseload_data.h"
#include "eval/plan.h"
#include "ir/ir.h"
#include "refer/assign.h"
#include "refer/candidate_lists.h"
#include "refer/directory.h"
#include "refer/quota.h"
#include "refer/referral.h"

namespace layak::refer {

// What every range reads; nothing in it changes while ranges are ranked.
struct RankContext {
  const ir::Module& m;
  const eval::Plan& plan;
  const data::CaseloadData& data;
  const Directory& dir;
  const ReferOptions& options;
  const std::vector<int>& priority_root;              // per program: index among the plan's roots, or -1
  const std::vector<std::vector<int32_t>>& need_svc;  // per need, per service: the directory's index or -1
  const std::vector<std::vector<int32_t>>& program_svc;
  const QuotaPools& pools;
  const std::vector<std::vector<int32_t>>& pool_of;  // per quota, per household from `first`: its pool or -1
  const std::vector<int32_t>& pool_resource;         // per pool: its index among the resources
  std::size_t first = 0;                             // the first household referred
};

// One batch's rows and, with assignment, its demands (one per row).
struct Ranking {
  std::vector<Referral> rows;
  std::vector<std::vector<std::string>> missing;  // rows' `missing` index these
  std::vector<ListDemand> demands;                // list ids: those of `thread`'s lists
  int32_t thread = -1;                            // the thread that ranked it
};

// Every batch, in input order, and each thread's candidate lists.
struct RankOutput {
  std::vector<Ranking> batches;
  std::vector<CandidateLists> lists;
};

// The service quota rows name ("kuota").
const std::string& QuotaService();

// Ranks households [begin, end) in batches on `threads` threads (the
// calling one among them). The result does not depend on the thread count.
RankOutput RankAll(const RankContext& ctx, std::size_t begin, std::size_t end, std::size_t threads);

}  // namespace layak::refer

#endif  // LAYAK_REFER_RANK_H_
