// RulePackImpl: what a public layak::RulePack holds (layak/rule_pack.h): the
// files and declarations of the pack and its typed IR module.
#ifndef LAYAK_API_RULE_PACK_IMPL_H_
#define LAYAK_API_RULE_PACK_IMPL_H_

#include <memory>
#include <vector>

#include "ir/ir.h"
#include "layak/rule_pack.h"
#include "pack/pack_model.h"

namespace layak {

class RulePackImpl {
 public:
  pack::PackModel model;
  std::unique_ptr<ir::Module> module;
  std::vector<ProgramInfo> programs;
};

}  // namespace layak

#endif  // LAYAK_API_RULE_PACK_IMPL_H_
