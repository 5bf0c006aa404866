// Kleene logic: not, and, or, if, ??, known() and a program's status.
#include "eval/kernels.h"

namespace layak::eval {

namespace {

bool SameValue(Ctx& c, const Instr& i, int64_t a, int64_t b) {
  if (i.type.kind == ir::Type::kString) return StringOf(c.plan, c.data, a) == StringOf(c.plan, c.data, b);
  return a == b;
}

}  // namespace

void LogicKernel(Ctx& c, int32_t r) {
  const Instr& i = c.plan.instr(r);
  const std::size_t n = c.Rows(i);
  int64_t* v = c.s.values(r);
  uint8_t* k = c.s.known(r);
  switch (i.op) {
    case POp::kNot: {
      const int64_t* av = c.s.values(i.a);
      const uint8_t* ak = c.s.known(i.a);
      for (std::size_t j = 0; j < n; ++j) {
        v[j] = av[j] ^ 1;
        k[j] = ak[j];
      }
      break;
    }
    case POp::kAnd:
    case POp::kOr: {
      // For `or`, a known true decides; for `and`, a known false.
      const int64_t decider = i.op == POp::kOr ? 1 : 0;
      const int64_t* av = c.s.values(i.a);
      const uint8_t* ak = c.s.known(i.a);
      const int64_t* bv = c.s.values(i.b);
      const uint8_t* bk = c.s.known(i.b);
      for (std::size_t j = 0; j < n; ++j) {
        bool decided = (ak[j] && av[j] == decider) || (bk[j] && bv[j] == decider);
        k[j] = static_cast<uint8_t>(decided || (ak[j] && bk[j]));
        v[j] = decided ? decider : (1 - decider);
      }
      break;
    }
    case POp::kStatus: {
      for (std::size_t j = 0; j < n; ++j) {
        v[j] = 1;
        k[j] = 1;
      }
      for (int32_t a : i.args) {
        const int64_t* av = c.s.values(a);
        const uint8_t* ak = c.s.known(a);
        for (std::size_t j = 0; j < n; ++j) {
          bool is_false = ak[j] && av[j] == 0;
          bool was_false = k[j] && v[j] == 0;
          v[j] = (is_false || was_false) ? 0 : 1;
          k[j] = static_cast<uint8_t>(is_false || was_false || (k[j] && ak[j]));
        }
      }
      break;
    }
    case POp::kIf: {
      const int64_t* cv = c.s.values(i.a);
      const uint8_t* ck = c.s.known(i.a);
      const int64_t* av = c.s.values(i.b);
      const uint8_t* ak = c.s.known(i.b);
      const int64_t* bv = c.s.values(i.c);
      const uint8_t* bk = c.s.known(i.c);
      for (std::size_t j = 0; j < n; ++j) {
        if (ck[j]) {
          bool t = cv[j] != 0;
          v[j] = t ? av[j] : bv[j];
          k[j] = t ? ak[j] : bk[j];
        } else {
          // Unknown condition: known only when both branches agree.
          bool same = ak[j] && bk[j] && SameValue(c, i, av[j], bv[j]);
          v[j] = av[j];
          k[j] = static_cast<uint8_t>(same);
        }
      }
      break;
    }
    case POp::kDefault: {
      const int64_t* av = c.s.values(i.a);
      const uint8_t* ak = c.s.known(i.a);
      const int64_t* bv = c.s.values(i.b);
      const uint8_t* bk = c.s.known(i.b);
      for (std::size_t j = 0; j < n; ++j) {
        v[j] = ak[j] ? av[j] : bv[j];
        k[j] = ak[j] ? 1 : bk[j];
      }
      break;
    }
    case POp::kKnown: {
      const uint8_t* ak = c.s.known(i.a);
      for (std::size_t j = 0; j < n; ++j) {
        v[j] = ak[j];
        k[j] = 1;
      }
      break;
    }
    default:
      break;
  }
}

}  // namespace layak::eval
