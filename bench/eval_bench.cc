// Evaluation throughput of the Tuban pack: households/s on one thread and on
// several, by share of unknown values, over a caseload made by layak_gen
// (bench/gen) and read once. Reading is measured separately (read_bench).
//
//   build/bench/eval_bench --benchmark_counters_tabular=true
//   LAYAK_BENCH_HOUSEHOLDS=200000 build/bench/eval_bench
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <map>
#include <memory>
#include <string>

#include "api/caseload_impl.h"
#include "api/rule_pack_impl.h"
#include "bench_data.h"
#include "eval/evaluator.h"
#include "layak/caseload.h"
#include "layak/evaluate.h"
#include "layak/explain.h"
#include "layak/rule_tests.h"
#include "run/runner.h"

namespace {

using layak::bench::Households;

std::shared_ptr<const layak::RulePack> Pack() { return layak::bench::TubanPack(); }

// A generated caseload with `unknown_pct`% unknown cells, read once.
const layak::Caseload* Caseload(int unknown_pct) {
  static std::map<int, std::unique_ptr<layak::ReadResult>> cache;
  auto& slot = cache[unknown_pct];
  if (slot == nullptr) {
    std::string dir = std::string(LAYAK_BENCH_TMP) + "/eval_bench_" + std::to_string(Households()) + "_" +
                      std::to_string(unknown_pct);
    std::string cmd = std::string(LAYAK_GEN) + " --format csv --households " + std::to_string(Households()) +
                      " --unknown " + std::to_string(unknown_pct / 100.0) + " --out-dir " + dir + " > /dev/null";
    if (std::system(("test -f " + dir + "/members.csv || " + cmd).c_str()) != 0) return nullptr;
    layak::ReadOptions o;
    o.threads = 2;
    auto r = layak::ReadCsvCaseload(*Pack(), dir + "/households.csv", dir + "/members.csv", o);
    if (!r.ok() || !r->errors.empty()) return nullptr;
    slot = std::make_unique<layak::ReadResult>(std::move(*r));
  }
  return slot->caseload.get();
}

// Evaluation alone, summary counters only: args are threads and unknown %.
void BM_EvaluateTuban(benchmark::State& state) {
  auto pack = Pack();
  const layak::Caseload* c = pack ? Caseload(static_cast<int>(state.range(1))) : nullptr;
  if (c == nullptr) {
    state.SkipWithError("could not load rules/tuban or generate the caseload");
    return;
  }
  auto plan = layak::CompilePlan(pack, {"2026-01-01"});
  if (!plan.ok()) {
    state.SkipWithError(std::string(plan.status().message()).c_str());
    return;
  }
  layak::RunOptions o;
  o.evaluate.threads = static_cast<int>(state.range(0));
  for (auto _ : state) {
    auto s = layak::RunCaseload(**plan, *c, o);
    benchmark::DoNotOptimize(s);
  }
  const auto& p = (*plan)->impl().plan;
  std::size_t member_instrs = 0;
  for (const auto& i : p.instrs) member_instrs += i.scope == layak::pack::Scope::kMember;
  state.counters["households/s"] = benchmark::Counter(
      static_cast<double>(c->households()) * static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
  state.counters["instrs"] = static_cast<double>(p.instrs.size());
  state.counters["member_instrs"] = static_cast<double>(member_instrs);
}
BENCHMARK(BM_EvaluateTuban)
    ->ArgsProduct({{1, 2}, {0, 10, 30}})
    ->ArgNames({"threads", "unknown_pct"})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

// One household through the public API: a batch of one, results built.
void BM_EvaluateOneHousehold(benchmark::State& state) {
  auto pack = Pack();
  const layak::Caseload* c = pack ? Caseload(10) : nullptr;
  if (c == nullptr) {
    state.SkipWithError("no caseload");
    return;
  }
  auto plan = layak::CompilePlan(pack, {"2026-01-01"});
  const auto& p = (*plan)->impl().plan;
  const auto& data = *c->impl().data;
  layak::eval::Scratch s;
  std::size_t h = 0;
  for (auto _ : state) {
    layak::eval::EvaluateBatch(p, data, h, 1, &s);
    benchmark::DoNotOptimize(s.values(p.programs[0].status));
    h = (h + 1) % data.households();
  }
}
BENCHMARK(BM_EvaluateOneHousehold)->Unit(benchmark::kMicrosecond);

// The bundled sample caseload (2,400 realistic Tuban households, every
// schema field), read once: what the README's main command evaluates.
const layak::Caseload* Sample() {
  static std::unique_ptr<layak::ReadResult> read = [] {
    std::string dir = std::string(LAYAK_SOURCE_DIR) + "/rules/tuban/sample";
    auto r = layak::ReadCsvCaseload(*Pack(), dir + "/households.csv", dir + "/members.csv", {});
    return r.ok() && r->errors.empty() ? std::make_unique<layak::ReadResult>(std::move(*r)) : nullptr;
  }();
  return read != nullptr ? read->caseload.get() : nullptr;
}

void BM_EvaluateSample(benchmark::State& state) {
  auto pack = Pack();
  const layak::Caseload* c = pack ? Sample() : nullptr;
  if (c == nullptr) {
    state.SkipWithError("could not read rules/tuban/sample");
    return;
  }
  auto plan = layak::CompilePlan(pack, {"2026-01-01"});
  layak::RunOptions o;
  o.evaluate.threads = 1;
  for (auto _ : state) {
    auto s = layak::RunCaseload(**plan, *c, o);
    benchmark::DoNotOptimize(s);
  }
  state.counters["households/s"] = benchmark::Counter(
      static_cast<double>(c->households()) * static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_EvaluateSample)->Unit(benchmark::kMillisecond);

// One household of the sample through Explain: every program and clause,
// the inputs under each clause, plain words, rendered as text.
void BM_ExplainOneHousehold(benchmark::State& state) {
  auto pack = Pack();
  const layak::Caseload* c = pack ? Sample() : nullptr;
  if (c == nullptr) {
    state.SkipWithError("could not read rules/tuban/sample");
    return;
  }
  auto plan = layak::CompilePlan(pack, {"2026-01-01"});
  std::size_t h = 0;
  for (auto _ : state) {
    auto e = layak::Explain(**plan, *c, h, layak::Language::kIndonesian);
    std::string text = layak::FormatExplanationText(*e);
    benchmark::DoNotOptimize(text);
    h = (h + 1) % c->households();
  }
}
BENCHMARK(BM_ExplainOneHousehold)->Unit(benchmark::kMicrosecond);

// Every rule test of the Tuban pack (plans compiled per as-of date and
// parameter set, each case built, evaluated and compared).
void BM_RunPackTests(benchmark::State& state) {
  auto pack = Pack();
  for (auto _ : state) {
    auto report = layak::RunPackTests(pack);
    if (!report.ok() || report->failed != 0) state.SkipWithError("rule tests failed");
    benchmark::DoNotOptimize(report);
  }
}
BENCHMARK(BM_RunPackTests)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
