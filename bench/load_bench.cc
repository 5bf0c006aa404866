// Whole pack load: read files, parse YAML and expressions, bind, type check
// and build the IR of the bundled pack.
#include <benchmark/benchmark.h>

#include <string>

#include "layak/rule_pack.h"

namespace {

void BM_LoadBundledPack(benchmark::State& state) {
  const std::string path = std::string(LAYAK_SOURCE_DIR) + "/rules/tuban";
  auto first = layak::LoadRulePack(path);
  if (!first.ok() || !first->ok()) {
    state.SkipWithError("rules/tuban does not load cleanly");
    return;
  }
  for (auto _ : state) {
    auto r = layak::LoadRulePack(path);
    benchmark::DoNotOptimize(r);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_LoadBundledPack)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
