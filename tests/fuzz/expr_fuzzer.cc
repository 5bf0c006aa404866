// libFuzzer target: the expression parser must never crash, hang or read out
// of bounds, whatever the input; when it accepts, the dump must be printable.
// Built with -DLAYAK_FUZZ=ON (clang). Crashers become rows in tests/regress/.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "expr/parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  layak::expr::ParseResult r = layak::expr::ParseExpression(text);
  if (r.ok()) {
    std::string dump = r.ast.DebugString();
    for (const layak::expr::Node& n : r.ast.nodes) {
      if (n.span.begin > n.span.end || n.span.end > text.size()) __builtin_trap();
    }
    (void)dump;
  } else if (r.error->span.begin > text.size() + 1) {
    __builtin_trap();  // an error must point inside the expression
  }
  return 0;
}
