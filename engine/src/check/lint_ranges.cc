// RangeAnalysis: interval arithmetic and three-way logic over the IR.
#include "check/lint_ranges.h"

#include <algorithm>
#include <cmath>

#include "util/decimal.h"

namespace layak::check {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

Range Bool(bool t, bool f) {
  Range r;
  r.can_true = t;
  r.can_false = f;
  return r;
}

Range Interval(double lo, double hi) {
  Range r;
  r.lo = lo;
  r.hi = hi;
  return r;
}

Range Union(const Range& a, const Range& b) {
  Range r = Bool(a.can_true || b.can_true, a.can_false || b.can_false);
  r.lo = std::min(a.lo, b.lo);
  r.hi = std::max(a.hi, b.hi);
  return r;
}

// inf * 0 is NaN; treat it as unbounded.
double Mul(double a, double b) {
  double v = a * b;
  return std::isnan(v) ? 0 : v;
}

}  // namespace

const Range& RangeAnalysis::Of(ir::NodeId id) {
  auto i = static_cast<std::size_t>(id);
  if (!done_[i]) {
    memo_[i] = Compute(id);
    done_[i] = 1;
  }
  return memo_[i];
}

Range RangeAnalysis::Compute(ir::NodeId id) {
  const ir::Node& n = m_.node(id);
  auto arg = [&](std::size_t k) -> Range { return Of(n.args[k]); };
  const bool numeric =
      n.type.kind == ir::Type::kInt || n.type.kind == ir::Type::kNumber || n.type.kind == ir::Type::kDate;
  switch (n.op) {
    case ir::Op::kConst:
      if (n.type.kind == ir::Type::kBool) return Bool(n.value != 0, n.value == 0);
      if (numeric) return Interval(static_cast<double>(n.value), static_cast<double>(n.value));
      return {};
    case ir::Op::kField: {
      const ir::Field& f = m_.fields[static_cast<std::size_t>(n.value)];
      Range r;
      if (f.min) r.lo = static_cast<double>(*f.min);
      if (f.max) r.hi = static_cast<double>(*f.max);
      return r;
    }
    case ir::Op::kParam: {
      const ir::Param& p = m_.params[static_cast<std::size_t>(n.value)];
      if (p.values.empty()) return {};
      Range r = Bool(false, false);
      r.lo = kInf;
      r.hi = -kInf;
      auto cover = [&](int64_t number) {
        r.can_true |= number != 0;
        r.can_false |= number == 0;
        r.lo = std::min(r.lo, static_cast<double>(number));
        r.hi = std::max(r.hi, static_cast<double>(number));
      };
      for (const pack::ParamValue& v : p.values) {
        if (!v.is_table) cover(v.number);
        for (const pack::TableEntry& e : v.table) cover(e.number);
      }
      if (p.fallback) cover(p.fallback->number);
      if (!numeric && n.type.kind != ir::Type::kBool) return {};
      return r;
    }
    case ir::Op::kNot: {
      Range a = arg(0);
      return Bool(a.can_false, a.can_true);
    }
    case ir::Op::kAnd: {
      Range a = arg(0), b = arg(1);
      return Bool(a.can_true && b.can_true, a.can_false || b.can_false);
    }
    case ir::Op::kOr: {
      Range a = arg(0), b = arg(1);
      return Bool(a.can_true || b.can_true, a.can_false && b.can_false);
    }
    case ir::Op::kIf: {
      Range c = arg(0);
      if (!c.can_false) return arg(1);
      if (!c.can_true) return arg(2);
      return Union(arg(1), arg(2));
    }
    case ir::Op::kDefault:
      return Union(arg(0), arg(1));
    case ir::Op::kEq:
    case ir::Op::kNe:
    case ir::Op::kLt:
    case ir::Op::kLe:
    case ir::Op::kGt:
    case ir::Op::kGe: {
      const ir::Node& lhs = m_.node(n.args[0]);
      bool ordered =
          lhs.type.kind == ir::Type::kInt || lhs.type.kind == ir::Type::kNumber || lhs.type.kind == ir::Type::kDate;
      if (!ordered) return {};
      Range a = arg(0), b = arg(1);
      bool overlap = a.lo <= b.hi && b.lo <= a.hi;
      bool single_equal = a.lo == a.hi && b.lo == b.hi && a.lo == b.lo;
      switch (n.op) {
        case ir::Op::kEq:
          return Bool(overlap, !single_equal);
        case ir::Op::kNe:
          return Bool(!single_equal, overlap);
        case ir::Op::kLt:
          return Bool(a.lo < b.hi, a.hi >= b.lo);
        case ir::Op::kLe:
          return Bool(a.lo <= b.hi, a.hi > b.lo);
        case ir::Op::kGt:
          return Bool(a.hi > b.lo, a.lo <= b.hi);
        default:
          return Bool(a.hi >= b.lo, a.lo < b.hi);
      }
    }
    case ir::Op::kInRange: {
      Range x = arg(0), lo = arg(1), hi = arg(2);
      bool can_true = x.hi >= lo.lo && x.lo <= hi.hi;
      bool always = x.lo >= lo.hi && x.hi <= hi.lo;
      return Bool(can_true, !always);
    }
    case ir::Op::kInList: {
      const ir::Node& x = m_.node(n.args[0]);
      if (x.type.kind != ir::Type::kEnum || x.op != ir::Op::kField) return {};
      // Every declared value listed: never false.
      std::size_t domain = m_.domains[static_cast<std::size_t>(x.type.domain)].values.size();
      std::vector<int64_t> listed;
      for (std::size_t k = 1; k < n.args.size(); ++k) {
        const ir::Node& e = m_.node(n.args[k]);
        if (e.op != ir::Op::kConst) return {};
        listed.push_back(e.value);
      }
      std::sort(listed.begin(), listed.end());
      listed.erase(std::unique(listed.begin(), listed.end()), listed.end());
      return Bool(!listed.empty(), listed.size() < domain);
    }
    case ir::Op::kAdd: {
      Range a = arg(0), b = arg(1);
      return Interval(a.lo + b.lo, a.hi + b.hi);
    }
    case ir::Op::kSub: {
      Range a = arg(0), b = arg(1);
      return Interval(a.lo - b.hi, a.hi - b.lo);
    }
    case ir::Op::kMul: {
      Range a = arg(0), b = arg(1);
      // Numbers are scaled by 10^6: the product of two is scaled once more.
      double scale = n.type.kind == ir::Type::kNumber && m_.node(n.args[0]).type.kind == ir::Type::kNumber &&
                             m_.node(n.args[1]).type.kind == ir::Type::kNumber
                         ? static_cast<double>(util::kDecimalScale)
                         : 1.0;
      double p[4] = {Mul(a.lo, b.lo), Mul(a.lo, b.hi), Mul(a.hi, b.lo), Mul(a.hi, b.hi)};
      return Interval(*std::min_element(p, p + 4) / scale, *std::max_element(p, p + 4) / scale);
    }
    case ir::Op::kNeg: {
      Range a = arg(0);
      return Interval(-a.hi, -a.lo);
    }
    case ir::Op::kToNumber: {
      Range a = arg(0);
      return Interval(a.lo * util::kDecimalScale, a.hi * util::kDecimalScale);
    }
    case ir::Op::kAny: {
      Range p = arg(0);
      return Bool(p.can_true, true);  // no members: false
    }
    case ir::Op::kAll: {
      Range p = arg(0);
      return Bool(true, p.can_false);  // no members: true
    }
    case ir::Op::kNone: {
      Range p = arg(0);
      return Bool(true, p.can_true);
    }
    case ir::Op::kCount: {
      Range p = arg(0);
      return Interval(0, p.can_true ? kInf : 0);
    }
    case ir::Op::kCountMembers:
      return Interval(0, kInf);
    case ir::Op::kMinOf:
    case ir::Op::kMaxOf:
      return arg(0);
    case ir::Op::kCountTrue: {
      double lo = 0, hi = 0;
      for (std::size_t k = 0; k < n.args.size(); ++k) {
        Range a = arg(k);
        lo += a.can_false ? 0 : 1;
        hi += a.can_true ? 1 : 0;
      }
      return Interval(lo, hi);
    }
    case ir::Op::kMin: {
      Range a = arg(0), b = arg(1);
      return Interval(std::min(a.lo, b.lo), std::min(a.hi, b.hi));
    }
    case ir::Op::kMax: {
      Range a = arg(0), b = arg(1);
      return Interval(std::max(a.lo, b.lo), std::max(a.hi, b.hi));
    }
    case ir::Op::kRound:
    case ir::Op::kFloor:
    case ir::Op::kCeil:
      // One unit of slack either way: rounding moves a value by less than that.
      {
        Range a = arg(0);
        double scale = n.type.kind == ir::Type::kInt && m_.node(n.args[0]).type.kind == ir::Type::kNumber
                           ? static_cast<double>(util::kDecimalScale)
                           : 1.0;
        double unit = n.type.kind == ir::Type::kNumber ? static_cast<double>(util::kDecimalScale) : 1.0;
        return Interval(a.lo / scale - unit, a.hi / scale + unit);
      }
    default:
      return {};
  }
}

}  // namespace layak::check
