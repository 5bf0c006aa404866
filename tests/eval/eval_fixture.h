// Helpers for evaluator tests: load a pack with an extra expression under
// test, read households given as JSON Lines, and evaluate them.
#ifndef LAYAK_TESTS_EVAL_EVAL_FIXTURE_H_
#define LAYAK_TESTS_EVAL_EVAL_FIXTURE_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "data/staging.h"
#include "eval/evaluator.h"
#include "eval/plan.h"
#include "layak/rule_pack.h"

namespace layak::testing {

// Every *.yaml file under `folder` (relative to the source tree), in byte order.
std::vector<SourceFile> PackSources(const std::string& folder);

// A pack plus one household definition `zz_expr` holding `expression`.
absl::StatusOr<std::unique_ptr<RulePack>> LoadWithExpression(std::vector<SourceFile> sources,
                                                             const std::string& expression);

// Reads JSON Lines text into a caseload; fails on any rejected row.
absl::StatusOr<std::unique_ptr<data::CaseloadData>> ReadJsonlText(const ir::Module& module, const std::string& jsonl);

// The rendered value of register `reg` at row `row` ("true", "7.2",
// "'berat'", "2024-02-29", "unknown").
std::string RenderValue(const eval::Plan& plan, const data::CaseloadData& data, const eval::Scratch& s, int32_t reg,
                        std::size_t row);

}  // namespace layak::testing

#endif  // LAYAK_TESTS_EVAL_EVAL_FIXTURE_H_
