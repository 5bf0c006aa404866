#include "eval/eval_fixture.h"

#include <algorithm>
#include <filesystem>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "api/rule_pack_impl.h"
#include "io/jsonl_reader.h"
#include "testing/testing.h"
#include "util/civil_date.h"
#include "util/decimal.h"

namespace layak::testing {

std::vector<SourceFile> PackSources(const std::string& folder) {
  std::string root = SourcePath(folder);
  std::vector<std::string> files;
  for (const auto& e : std::filesystem::recursive_directory_iterator(root)) {
    if (e.is_regular_file() && e.path().extension() == ".yaml") files.push_back(e.path().string());
  }
  std::sort(files.begin(), files.end());
  std::vector<SourceFile> out;
  for (const auto& f : files) out.push_back({f, ReadFileOrDie(f)});
  return out;
}

absl::StatusOr<std::unique_ptr<RulePack>> LoadWithExpression(std::vector<SourceFile> sources,
                                                             const std::string& expression) {
  sources.push_back(
      {"zz_expression.yaml", absl::StrCat("definitions:\n  household:\n    zz_expr: |-\n      ", expression, "\n")});
  auto r = LoadRulePackFromSources(std::move(sources));
  if (!r.ok()) return r.status();
  if (!r->ok()) return absl::InvalidArgumentError(FormatDiagnostics(r->diagnostics));
  return r->ReleasePack();
}

absl::StatusOr<std::unique_ptr<data::CaseloadData>> ReadJsonlText(const ir::Module& module, const std::string& jsonl) {
  data::Staging staging(module);
  io::InputFile file = io::InputFile::FromString("households.jsonl", jsonl);
  std::vector<std::string> notes;
  io::ReadJsonl(file, io::ReadOptions(), &staging, &notes);
  if (!staging.problems().empty()) {
    std::vector<std::string> lines;
    for (const auto& p : staging.problems()) lines.push_back(staging.Render(p));
    return absl::InvalidArgumentError(absl::StrJoin(lines, "\n"));
  }
  std::vector<data::Reject> rejects;
  return staging.Finish(&rejects, nullptr);
}

std::string RenderValue(const eval::Plan& plan, const data::CaseloadData& data, const eval::Scratch& s, int32_t reg,
                        std::size_t row) {
  if (!s.known(reg)[row]) return "unknown";
  const eval::Instr& i = plan.instr(reg);
  int64_t v = s.values(reg)[row];
  switch (i.type.kind) {
    case ir::Type::kBool:
      return v ? "true" : "false";
    case ir::Type::kInt:
      return absl::StrCat(v);
    case ir::Type::kNumber:
      return util::FormatScaledDecimal(v);
    case ir::Type::kDate:
      return util::FormatIsoDate(static_cast<int32_t>(v));
    case ir::Type::kEnum:
      return absl::StrCat("'", plan.module->domains[static_cast<std::size_t>(i.type.domain)].values[v], "'");
    case ir::Type::kString:
      return absl::StrCat("'", std::string(eval::StringOf(plan, data, v)), "'");
    case ir::Type::kSet: {
      std::vector<std::string> parts;
      const auto& values = plan.module->domains[static_cast<std::size_t>(i.type.domain)].values;
      for (std::size_t b = 0; b < values.size(); ++b) {
        if ((static_cast<uint64_t>(v) >> b) & 1) parts.push_back(values[b]);
      }
      return absl::StrCat("{", absl::StrJoin(parts, "|"), "}");
    }
  }
  return "?";
}

}  // namespace layak::testing
