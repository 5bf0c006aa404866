// OrderPrograms: depth-first topological order of programs over their
// eligible() references, with cycle reports that name the whole cycle.
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "check/check_pack.h"

namespace layak::check {

std::vector<int32_t> OrderPrograms(const ir::Module& module, const std::vector<ProgramEdge>& edges,
                                   const pack::PackModel& model, util::DiagnosticSink& sink) {
  const int n = static_cast<int>(module.programs.size());
  std::vector<std::vector<const ProgramEdge*>> out(n);
  for (const ProgramEdge& e : edges) out[e.from].push_back(&e);
  std::vector<int> state(n, 0);  // 0 new, 1 on the stack, 2 done
  std::vector<int32_t> order;
  // Explicit stack: (program, next edge index).
  for (int start = 0; start < n; ++start) {
    if (state[start] != 0) continue;
    std::vector<std::pair<int, std::size_t>> stack{{start, 0}};
    state[start] = 1;
    while (!stack.empty()) {
      auto& [p, next] = stack.back();
      if (next < out[p].size()) {
        const ProgramEdge* e = out[p][next++];
        if (state[e->to] == 0) {
          state[e->to] = 1;
          stack.push_back({e->to, 0});
        } else if (state[e->to] == 1) {
          std::vector<std::string> path;
          bool in_cycle = false;
          for (const auto& frame : stack) {
            in_cycle = in_cycle || frame.first == e->to;
            if (in_cycle) path.push_back(module.programs[frame.first].id);
          }
          path.push_back(module.programs[e->to].id);
          Diagnostic d = util::MakeDiagnostic(
              model.files[e->loc.file], e->loc.offset, e->loc.length, DiagnosticCode::kProgramCycle,
              absl::StrCat("programs depend on each other in a cycle: ", absl::StrJoin(path, " -> ")));
          d.notes.push_back("note: a program can read another's result only if that one does not read it back");
          sink.Report(std::move(d));
        }
        continue;
      }
      state[p] = 2;
      order.push_back(p);
      stack.pop_back();
    }
  }
  return order;
}

}  // namespace layak::check
