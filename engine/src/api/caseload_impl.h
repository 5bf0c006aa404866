// What a public layak::Caseload and layak::Plan hold.
#ifndef LAYAK_API_CASELOAD_IMPL_H_
#define LAYAK_API_CASELOAD_IMPL_H_

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "data/caseload_data.h"
#include "data/staging.h"
#include "eval/plan.h"
#include "io/csv_reader.h"
#include "layak/caseload.h"
#include "layak/evaluate.h"

namespace layak {

class CaseloadImpl {
 public:
  std::unique_ptr<data::CaseloadData> data;
};

// The public read options in the readers' terms.
absl::StatusOr<io::ReadOptions> ToInternal(const ir::Module& m, const ReadOptions& o);
// Finishes a staging into a ReadResult (caseload, errors, rejects, counts).
ReadResult FinishRead(data::Staging& staging, std::vector<std::string> notes);

class PlanImpl {
 public:
  std::shared_ptr<const RulePack> pack;
  eval::Plan plan;
  std::string provenance;
};

}  // namespace layak

#endif  // LAYAK_API_CASELOAD_IMPL_H_
