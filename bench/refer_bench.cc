// Referral throughput of the Tuban pack against its evaluation, on the same
// generated caseload (layak_gen, read once): ranking alone, ranking plus
// assignment, and `run`'s status-only evaluation, each on 1 and 2 threads.
// Issue 5's target: ranking plus assignment within 3x the evaluation.
//
//   build-rel/bench/refer_bench --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
//   LAYAK_BENCH_HOUSEHOLDS=400000 build-rel/bench/refer_bench
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <memory>
#include <string>

#include "api/caseload_impl.h"
#include "api/rule_pack_impl.h"
#include "bench_data.h"
#include "layak/caseload.h"
#include "layak/evaluate.h"
#include "layak/referral.h"
#include "refer/assign.h"
#include "refer/referral.h"

namespace {

using layak::bench::Households;

std::shared_ptr<const layak::RulePack> Pack() { return layak::bench::TubanPack(); }

const layak::Caseload* Caseload() {
  static std::unique_ptr<layak::ReadResult> read = []() -> std::unique_ptr<layak::ReadResult> {
    std::string dir = std::string(LAYAK_BENCH_TMP) + "/refer_bench_" + std::to_string(Households());
    std::string cmd = std::string(LAYAK_GEN) + " --format csv --households " + std::to_string(Households()) +
                      " --out-dir " + dir + " > /dev/null";
    if (std::system(("test -f " + dir + "/members.csv || " + cmd).c_str()) != 0 || Pack() == nullptr) return nullptr;
    layak::ReadOptions o;
    o.threads = 2;
    auto r = layak::ReadCsvCaseload(*Pack(), dir + "/households.csv", dir + "/members.csv", o);
    if (!r.ok() || !r->errors.empty()) return nullptr;
    return std::make_unique<layak::ReadResult>(std::move(*r));
  }();
  return read ? read->caseload.get() : nullptr;
}

// The baseline: what `layak run --summary` does after reading.
void BM_Evaluate(benchmark::State& state) {
  const layak::Caseload* c = Caseload();
  if (c == nullptr) {
    state.SkipWithError("could not load rules/tuban or generate the caseload");
    return;
  }
  auto plan = layak::CompilePlan(Pack(), {"2026-01-01"});
  layak::RunOptions o;
  o.evaluate.threads = static_cast<int>(state.range(0));
  for (auto _ : state) {
    auto s = layak::RunCaseload(**plan, *c, o);
    benchmark::DoNotOptimize(s);
  }
  state.counters["households/s"] = benchmark::Counter(
      static_cast<double>(c->households()) * static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_Evaluate)->Arg(1)->Arg(2)->ArgName("threads")->Unit(benchmark::kMillisecond)->UseRealTime();

// Ranking (top 3 per service) or ranking plus assignment, rows kept in the
// internal form (the public rows' strings are the writer's cost).
void BM_Refer(benchmark::State& state) {
  const layak::Caseload* c = Caseload();
  if (c == nullptr) {
    state.SkipWithError("could not load rules/tuban or generate the caseload");
    return;
  }
  auto plan = layak::CompilePlan(Pack(), {"2026-01-01"});
  const layak::eval::Plan& p = (*plan)->impl().plan;
  layak::refer::ReferOptions o;
  o.as_of = p.as_of;
  o.threads = static_cast<int>(state.range(0));
  o.assign = state.range(1) != 0;
  std::size_t rows = 0;
  for (auto _ : state) {
    auto r = layak::refer::Refer(*p.module, Pack()->impl().model, *c->impl().data, o);
    if (!r.ok()) {
      state.SkipWithError(std::string(r.status().message()).c_str());
      return;
    }
    rows = 0;
    for (const auto& part : r->parts) rows += part.size();
    benchmark::DoNotOptimize(r);
  }
  state.counters["households/s"] = benchmark::Counter(
      static_cast<double>(c->households()) * static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
  state.counters["rows"] = static_cast<double>(rows);
}
BENCHMARK(BM_Refer)
    ->ArgsProduct({{1, 2}, {0, 1}})
    ->ArgNames({"threads", "assign"})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

// The exact assignment alone: demands in `range(0)` classes over 3 tiers and
// 30 resources, 1,000,000 demands.
void BM_AssignClasses(benchmark::State& state) {
  layak::refer::CandidateLists lists;
  std::vector<layak::refer::ListDemand> demands;
  const auto classes = static_cast<int32_t>(state.range(0));
  std::vector<int32_t> ids(static_cast<std::size_t>(classes));
  for (int32_t k = 0; k < classes; ++k) {
    std::vector<layak::refer::Candidate> c(3);
    for (int32_t j = 0; j < 3; ++j) {
      c[static_cast<std::size_t>(j)] = {(k * 7 + j * 11) % 30, 1000 + ((k * 31 + j * 17) % 977) * 10};
    }
    ids[static_cast<std::size_t>(k)] = lists.Intern(c);
  }
  demands.resize(1000000);
  for (int32_t i = 0; i < 1000000; ++i) {
    demands[static_cast<std::size_t>(i)] = {i % 3, ids[static_cast<std::size_t>(i % classes)]};
  }
  std::vector<int64_t> capacity(30, 20000);
  for (auto _ : state) {
    auto a = layak::refer::Assign(demands, lists, capacity);
    benchmark::DoNotOptimize(a);
  }
}
BENCHMARK(BM_AssignClasses)->Arg(100)->Arg(1000)->Arg(5000)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
