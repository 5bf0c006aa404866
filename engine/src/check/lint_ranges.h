// The interval analysis behind the never-true / never-false lint: for every
// IR node, what values it can take for inputs within the schema's declared
// ranges and values (known inputs only: unknown is the evaluator's business).
#ifndef LAYAK_CHECK_LINT_RANGES_H_
#define LAYAK_CHECK_LINT_RANGES_H_

#include <limits>
#include <vector>

#include "ir/ir.h"

namespace layak::check {

// What a node can be: for bools whether it can be true and false; for
// numbers (ints, scaled numbers, dates) an interval, infinite when unbounded.
struct Range {
  bool can_true = true, can_false = true;
  double lo = -std::numeric_limits<double>::infinity();
  double hi = std::numeric_limits<double>::infinity();
};

// Ranges of a module's nodes, computed on demand and memoised.
class RangeAnalysis {
 public:
  explicit RangeAnalysis(const ir::Module& m) : m_(m), memo_(m.nodes.size()), done_(m.nodes.size(), 0) {}
  const Range& Of(ir::NodeId id);

 private:
  Range Compute(ir::NodeId id);
  const ir::Module& m_;
  std::vector<Range> memo_;
  std::vector<uint8_t> done_;
};

}  // namespace layak::check

#endif  // LAYAK_CHECK_LINT_RANGES_H_
