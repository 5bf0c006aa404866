// Caseload reading throughput: the CSV pair and JSON Lines of one generated
// caseload (layak_gen), into the columnar caseload, MB/s of input, on 1 and
// 2 threads (the CSV reader parses blocks in parallel; JSON Lines is read on
// one thread).
//
//   LAYAK_BENCH_HOUSEHOLDS=200000 build-rel/bench/read_bench
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include "layak/caseload.h"

namespace {

std::string Dir() {
  const char* n = std::getenv("LAYAK_BENCH_HOUSEHOLDS");
  std::string households = n != nullptr ? n : "100000";
  std::string dir = std::string(LAYAK_BENCH_TMP) + "/read_bench_" + households;
  std::string cmd = std::string(LAYAK_GEN) + " --format both --unknown 0.1 --households " + households + " --out-dir " +
                    dir + " > /dev/null";
  if (std::system(("test -f " + dir + "/caseload.jsonl || " + cmd).c_str()) != 0) return "";
  return dir;
}

std::shared_ptr<const layak::RulePack> Pack() {
  static std::shared_ptr<const layak::RulePack> pack = [] {
    auto r = layak::LoadRulePack(std::string(LAYAK_SOURCE_DIR) + "/rules/tuban");
    return r.ok() && r->ok() ? std::shared_ptr<const layak::RulePack>(r->ReleasePack()) : nullptr;
  }();
  return pack;
}

void BM_ReadCsvPair(benchmark::State& state) {
  static const std::string dir = Dir();
  if (dir.empty() || Pack() == nullptr) {
    state.SkipWithError("no caseload");
    return;
  }
  layak::ReadOptions o;
  o.threads = static_cast<int>(state.range(0));
  std::size_t bytes =
      std::filesystem::file_size(dir + "/households.csv") + std::filesystem::file_size(dir + "/members.csv");
  for (auto _ : state) {
    auto r = layak::ReadCsvCaseload(*Pack(), dir + "/households.csv", dir + "/members.csv", o);
    if (!r.ok() || !r->errors.empty()) {
      state.SkipWithError("read failed");
      return;
    }
    benchmark::DoNotOptimize(r->caseload->households());
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes) * state.iterations());
}
BENCHMARK(BM_ReadCsvPair)->Arg(1)->Arg(2)->ArgName("threads")->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_ReadJsonl(benchmark::State& state) {
  static const std::string dir = Dir();
  if (dir.empty() || Pack() == nullptr) {
    state.SkipWithError("no caseload");
    return;
  }
  std::size_t bytes = std::filesystem::file_size(dir + "/caseload.jsonl");
  for (auto _ : state) {
    auto r = layak::ReadJsonlCaseload(*Pack(), dir + "/caseload.jsonl");
    if (!r.ok() || !r->errors.empty()) {
      state.SkipWithError("read failed");
      return;
    }
    benchmark::DoNotOptimize(r->caseload->households());
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes) * state.iterations());
}
BENCHMARK(BM_ReadJsonl)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
