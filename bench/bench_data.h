// What the benchmarks share: the caseload size they are asked for and the
// bundled Tuban pack, loaded once.
#ifndef LAYAK_BENCH_BENCH_DATA_H_
#define LAYAK_BENCH_BENCH_DATA_H_

#include <cstdlib>
#include <memory>
#include <string>

#include "layak/rule_pack.h"

namespace layak::bench {

// LAYAK_BENCH_HOUSEHOLDS, default 100,000.
inline std::size_t Households() {
  const char* n = std::getenv("LAYAK_BENCH_HOUSEHOLDS");
  return n != nullptr ? std::strtoull(n, nullptr, 10) : 100000;
}

// rules/tuban, or null when it does not load.
inline std::shared_ptr<const RulePack> TubanPack() {
  static std::shared_ptr<const RulePack> pack = [] {
    auto r = LoadRulePack(std::string(LAYAK_SOURCE_DIR) + "/rules/tuban");
    return r.ok() && r->ok() ? std::shared_ptr<const RulePack>(r->ReleasePack()) : nullptr;
  }();
  return pack;
}

}  // namespace layak::bench

#endif  // LAYAK_BENCH_BENCH_DATA_H_
