// LintPack: the findings of `layak check --lint`, as warnings.
#include "check/lint.h"

#include <algorithm>
#include <map>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "check/lint_ranges.h"

namespace layak::check {
namespace {

void Warn(const pack::PackModel& model, util::DiagnosticSink& sink, const pack::Loc& loc, DiagnosticCode code,
          std::string message, std::vector<std::string> notes = {}) {
  if (loc.file < 0) return;
  Diagnostic d = util::MakeDiagnostic(model.files[static_cast<std::size_t>(loc.file)], loc.offset, loc.length, code,
                                      std::move(message), Severity::kWarning);
  for (std::string& n : notes) {
    if (!n.empty()) d.notes.push_back(std::move(n));
  }
  sink.Report(std::move(d));
}

// Every node under the rules that run: criteria, benefits, priorities,
// needs and accepts rules (definitions only through their uses).
std::vector<uint8_t> Reachable(const ir::Module& m) {
  std::vector<uint8_t> seen(m.nodes.size(), 0);
  std::vector<ir::NodeId> stack;
  for (const ir::Program& p : m.programs) {
    for (const ir::Clause& c : p.criteria) stack.push_back(c.when);
    stack.push_back(p.benefit);
    stack.push_back(p.priority);
  }
  for (const ir::Need& n : m.needs) stack.push_back(n.when);
  for (const ir::Resource& r : m.resources) stack.push_back(r.accepts);
  while (!stack.empty()) {
    ir::NodeId id = stack.back();
    stack.pop_back();
    if (id < 0 || seen[static_cast<std::size_t>(id)]) continue;
    seen[static_cast<std::size_t>(id)] = 1;
    for (ir::NodeId a : m.node(id).args) stack.push_back(a);
  }
  return seen;
}

// The first protected field under `id` not covered by a justified
// definition, with the derived field or definition it was reached through.
struct ProtectedRead {
  std::string field, through;
};

std::optional<ProtectedRead> FindProtected(const ir::Module& m, ir::NodeId id,
                                           const absl::flat_hash_map<ir::NodeId, std::string>& justified,
                                           const absl::flat_hash_map<ir::NodeId, std::string>& named,
                                           const std::string& through, std::vector<uint8_t>& seen) {
  if (id < 0 || seen[static_cast<std::size_t>(id)]) return std::nullopt;
  seen[static_cast<std::size_t>(id)] = 1;
  if (justified.contains(id)) return std::nullopt;
  const ir::Node& n = m.node(id);
  if (n.op == ir::Op::kField && m.fields[static_cast<std::size_t>(n.value)].is_protected) {
    return ProtectedRead{m.fields[static_cast<std::size_t>(n.value)].name, through};
  }
  auto name = named.find(id);
  const std::string& via = through.empty() && name != named.end() ? name->second : through;
  for (ir::NodeId a : n.args) {
    if (auto found = FindProtected(m, a, justified, named, via, seen)) return found;
  }
  return std::nullopt;
}

}  // namespace

void LintPack(const pack::PackModel& model, const ir::Module& m, util::DiagnosticSink& sink) {
  RangeAnalysis ranges(m);
  absl::flat_hash_map<ir::NodeId, std::string> justified, named;
  for (std::size_t i = 0; i < m.definitions.size() && i < model.definitions.size(); ++i) {
    if (m.definitions[i].node < 0) continue;
    named[m.definitions[i].node] = absl::StrCat("definition '", m.definitions[i].name, "'");
    if (!model.definitions[i].justification.empty()) justified[m.definitions[i].node] = m.definitions[i].name;
  }
  for (const ir::Field& f : m.fields) {
    if (f.derive >= 0) named[f.derive] = absl::StrCat("field '", f.name, "'");
  }
  std::map<std::tuple<int, std::vector<ir::NodeId>, ir::NodeId>, std::string> seen_programs;
  for (std::size_t p = 0; p < m.programs.size() && p < model.programs.size(); ++p) {
    const ir::Program& prog = m.programs[p];
    const pack::ProgramDecl& decl = model.programs[p];
    std::vector<ir::NodeId> whens;
    for (std::size_t k = 0; k < prog.criteria.size() && k < decl.criteria.size(); ++k) {
      const ir::Clause& c = prog.criteria[k];
      const pack::ClauseDecl& cd = decl.criteria[k];
      whens.push_back(c.when);
      if (c.when < 0) continue;
      const Range& r = ranges.Of(c.when);
      std::string what = absl::StrCat("clause '", c.id, "' of ", prog.id);
      if (!r.can_true) {
        Warn(model, sink, cd.when.loc, DiagnosticCode::kLintNeverTrue,
             absl::StrCat(what, " can never be true given the schema's ranges and values"),
             {"note: the program can then never be eligible"});
      } else if (!r.can_false) {
        Warn(model, sink, cd.when.loc, DiagnosticCode::kLintNeverFalse,
             absl::StrCat(what, " can never be false given the schema's ranges and values"),
             {"help: a clause that always holds decides nothing; remove it or check its bounds"});
      }
      if (c.justification.empty()) {
        std::vector<uint8_t> seen(m.nodes.size(), 0);
        if (auto read = FindProtected(m, c.when, justified, named, "", seen)) {
          Warn(model, sink, cd.when.loc, DiagnosticCode::kLintProtectedField,
               absl::StrCat(what, " reads the protected field '", read->field, "'",
                            read->through.empty() ? "" : absl::StrCat(" (through ", read->through, ")"),
                            " without a justification"),
               {"help: add `justification:` saying why this distinction is lawful, or put one on the definition "
                "it uses; the code of ethics of social work forbids distinguishing people by descent, colour, "
                "religion, age, sex or citizenship without one"});
        }
      }
      if (cd.source.empty()) {
        Warn(model, sink, cd.loc, DiagnosticCode::kLintNoSource, absl::StrCat(what, " cites no source"),
             {"help: add `source:` naming the regulation and article, or the guideline"});
      }
    }
    if (whens.empty()) continue;
    std::sort(whens.begin(), whens.end());
    auto key = std::make_tuple(static_cast<int>(prog.unit), whens, prog.benefit);
    auto [it, inserted] = seen_programs.emplace(key, prog.id);
    if (!inserted) {
      Warn(model, sink, decl.loc, DiagnosticCode::kLintSameProgram,
           absl::StrCat("program '", prog.id, "' has the same criteria and benefit as '", it->second, "'"),
           {"help: if one replaces the other, give them disjoint `valid` windows; otherwise remove one"});
    }
  }
  std::vector<uint8_t> reachable = Reachable(m);
  std::vector<uint8_t> param_used(m.params.size(), 0);
  for (std::size_t i = 0; i < m.nodes.size(); ++i) {
    if (reachable[i] && m.nodes[i].op == ir::Op::kParam) param_used[static_cast<std::size_t>(m.nodes[i].value)] = 1;
  }
  for (const ir::Quota& q : m.quotas) param_used[static_cast<std::size_t>(q.param)] = 1;
  for (std::size_t i = 0; i < m.params.size(); ++i) {
    if (param_used[i]) continue;
    auto it = model.parameter_index.find(m.params[i].name);
    if (it == model.parameter_index.end()) continue;
    Warn(model, sink, model.parameters[static_cast<std::size_t>(it->second)].loc, DiagnosticCode::kLintUnusedParameter,
         absl::StrCat("parameter '", m.params[i].name, "' is never used"));
  }
  for (std::size_t i = 0; i < m.definitions.size() && i < model.definitions.size(); ++i) {
    ir::NodeId node = m.definitions[i].node;
    if (node < 0 || reachable[static_cast<std::size_t>(node)]) continue;
    Warn(model, sink, model.definitions[i].loc, DiagnosticCode::kLintUnusedDefinition,
         absl::StrCat("definition '", m.definitions[i].name, "' is never used"));
  }
}

}  // namespace layak::check
