// What a public layak::Caseload and layak::Plan hold.
#ifndef LAYAK_API_CASELOAD_IMPL_H_
#define LAYAK_API_CASELOAD_IMPL_H_

#include <memory>
#include <string>

#include "data/caseload_data.h"
#include "eval/plan.h"
#include "layak/evaluate.h"

namespace layak {

class CaseloadImpl {
 public:
  std::unique_ptr<data::CaseloadData> data;
};

class PlanImpl {
 public:
  std::shared_ptr<const RulePack> pack;
  eval::Plan plan;
  std::string provenance;
};

}  // namespace layak

#endif  // LAYAK_API_CASELOAD_IMPL_H_
