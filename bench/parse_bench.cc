// Expression parsing throughput: every expression of the bundled pack, and
// synthetic long and deep ones. Reports expressions/s and bytes/s.
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "api/rule_pack_impl.h"
#include "expr/parser.h"
#include "layak/rule_pack.h"

namespace {

// The expression strings of rules/tuban, loaded once.
const std::vector<std::string>& PackExpressions() {
  static const std::vector<std::string> exprs = [] {
    std::vector<std::string> out;
    auto r = layak::LoadRulePack(std::string(LAYAK_SOURCE_DIR) + "/rules/tuban");
    if (!r.ok() || !r->ok()) return out;
    for (const auto& e : r->pack()->impl().module->exprs) out.push_back(e.text);
    return out;
  }();
  return exprs;
}

void BM_ParsePackExpressions(benchmark::State& state) {
  const auto& exprs = PackExpressions();
  if (exprs.empty()) {
    state.SkipWithError("rules/tuban did not load");
    return;
  }
  // Check the answer once before timing: every expression parses.
  for (const std::string& e : exprs) {
    if (!layak::expr::ParseExpression(e).ok()) {
      state.SkipWithError(("does not parse: " + e).c_str());
      return;
    }
  }
  std::size_t bytes = 0;
  for (const std::string& e : exprs) bytes += e.size();
  for (auto _ : state) {
    for (const std::string& e : exprs) benchmark::DoNotOptimize(layak::expr::ParseExpression(e));
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * exprs.size()));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
}
BENCHMARK(BM_ParsePackExpressions);

void BM_ParseTypicalClause(benchmark::State& state) {
  const std::string e = "desil <= 4 and any(members, age < 6 or pregnant ?? false or disability == 'berat')";
  for (auto _ : state) benchmark::DoNotOptimize(layak::expr::ParseExpression(e));
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * e.size()));
}
BENCHMARK(BM_ParseTypicalClause);

// A flat chain of `n` additions: parsing must stay linear in the length.
void BM_ParseLongChain(benchmark::State& state) {
  std::string e = "a";
  for (int i = 1; i < state.range(0); ++i) e += " + a";
  layak::expr::ParseLimits limits{1u << 20, 64};
  for (auto _ : state) benchmark::DoNotOptimize(layak::expr::ParseExpression(e, limits));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * e.size()));
  state.SetComplexityN(state.range(0));
}
BENCHMARK(BM_ParseLongChain)->RangeMultiplier(4)->Range(16, 4096)->Complexity();

// Rejecting 10,000 nested parentheses must be cheap: the depth guard stops early.
void BM_RejectDeepNesting(benchmark::State& state) {
  std::string e = std::string(10000, '(') + "x" + std::string(10000, ')');
  layak::expr::ParseLimits limits{1u << 20, 64};
  for (auto _ : state) benchmark::DoNotOptimize(layak::expr::ParseExpression(e, limits));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_RejectDeepNesting);

}  // namespace

BENCHMARK_MAIN();
