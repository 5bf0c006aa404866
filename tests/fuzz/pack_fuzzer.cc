// libFuzzer target: the whole load (YAML, parse, bind, type check) of a
// one-file pack must never crash; every diagnostic must render.
#include <cstddef>
#include <cstdint>
#include <string>

#include "layak/diagnostic.h"
#include "layak/rule_pack.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  auto result = layak::LoadRulePackFromSources({{"fuzz.yaml", std::move(text)}});
  if (result.ok()) {
    std::string rendered = layak::FormatDiagnostics(result->diagnostics);
    (void)rendered;
  }
  return 0;
}
