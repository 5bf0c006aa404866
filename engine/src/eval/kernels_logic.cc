// Kleene logic: not, and, or, if, ??, known() and a program's status.
#include "eval/kernels.h"

namespace layak::eval {

namespace {

bool SameValue(Ctx& c, const Instr& i, int64_t a, int64_t b) {
  if (i.type.kind == ir::Type::kString) return StringOf(c.plan, c.data, a) == StringOf(c.plan, c.data, b);
  return a == b;
}

// Branch-free Kleene logic on 0/1 values, written so that it vectorises:
// for `or` a known true decides, for `and` a known false.
template <bool kOr>
void AndOr(const int64_t* __restrict av, const uint8_t* __restrict ak, const int64_t* __restrict bv,
           const uint8_t* __restrict bk, int64_t* __restrict v, uint8_t* __restrict k, std::size_t n) {
  for (std::size_t j = 0; j < n; ++j) {
    const int64_t a = ak[j], b = bk[j];
    const int64_t x = kOr ? av[j] : 1 - av[j];  // 1 when this side decides
    const int64_t y = kOr ? bv[j] : 1 - bv[j];
    const int64_t decided = (a & x) | (b & y);
    k[j] = static_cast<uint8_t>(decided | (a & b));
    v[j] = kOr ? decided : 1 - decided;
  }
}

}  // namespace

LAYAK_KERNEL void LogicKernel(Ctx& c, int32_t r) {
  const Instr& i = c.plan.instr(r);
  const std::size_t n = c.Rows(i);
  int64_t* v = c.s.values(r);
  uint8_t* k = c.s.known(r);
  switch (i.op) {
    case POp::kNot: {
      const int64_t* __restrict av = c.s.values(i.a);
      const uint8_t* __restrict ak = c.s.known(i.a);
      int64_t* __restrict vv = v;
      uint8_t* __restrict kk = k;
      for (std::size_t j = 0; j < n; ++j) {
        vv[j] = av[j] ^ 1;
        kk[j] = ak[j];
      }
      break;
    }
    case POp::kAnd:
      AndOr<false>(c.s.values(i.a), c.s.known(i.a), c.s.values(i.b), c.s.known(i.b), v, k, n);
      break;
    case POp::kOr:
      AndOr<true>(c.s.values(i.a), c.s.known(i.a), c.s.values(i.b), c.s.known(i.b), v, k, n);
      break;
    case POp::kStatus: {
      int64_t* __restrict vv = v;
      uint8_t* __restrict kk = k;
      for (std::size_t j = 0; j < n; ++j) {
        vv[j] = 1;
        kk[j] = 1;
      }
      for (int32_t a : i.args) {
        const int64_t* __restrict av = c.s.values(a);
        const uint8_t* __restrict ak = c.s.known(a);
        for (std::size_t j = 0; j < n; ++j) {
          const int64_t ka = ak[j], kj = kk[j];
          const int64_t f = (ka & (1 - av[j])) | (kj & (1 - vv[j]));  // a known false so far
          vv[j] = 1 - f;
          kk[j] = static_cast<uint8_t>(f | (kj & ka));
        }
      }
      break;
    }
    case POp::kIf: {
      const int64_t* __restrict cv = c.s.values(i.a);
      const uint8_t* __restrict ck = c.s.known(i.a);
      const int64_t* __restrict av = c.s.values(i.b);
      const uint8_t* __restrict ak = c.s.known(i.b);
      const int64_t* __restrict bv = c.s.values(i.c);
      const uint8_t* __restrict bk = c.s.known(i.c);
      int64_t* __restrict vv = v;
      uint8_t* __restrict kk = k;
      if (i.type.kind == ir::Type::kString) {
        for (std::size_t j = 0; j < n; ++j) {
          if (ck[j]) {
            bool t = cv[j] != 0;
            vv[j] = t ? av[j] : bv[j];
            kk[j] = t ? ak[j] : bk[j];
          } else {
            // Unknown condition: known only when both branches agree.
            vv[j] = av[j];
            kk[j] = static_cast<uint8_t>(ak[j] && bk[j] && SameValue(c, i, av[j], bv[j]));
          }
        }
        break;
      }
      for (std::size_t j = 0; j < n; ++j) {
        // Unknown condition: known only when both branches are known and agree.
        const int64_t kc = ck[j], t = cv[j] != 0;
        const int64_t take_b = kc & (1 - t), take_a = kc & t;
        const int64_t mask = -take_b;
        const int64_t agree = static_cast<int64_t>(ak[j]) & bk[j] & static_cast<int64_t>(av[j] == bv[j]);
        vv[j] = (av[j] & ~mask) | (bv[j] & mask);
        kk[j] = static_cast<uint8_t>((take_a & ak[j]) | (take_b & bk[j]) | ((1 - kc) & agree));
      }
      break;
    }
    case POp::kDefault: {
      const int64_t* __restrict av = c.s.values(i.a);
      const uint8_t* __restrict ak = c.s.known(i.a);
      const int64_t* __restrict bv = c.s.values(i.b);
      const uint8_t* __restrict bk = c.s.known(i.b);
      int64_t* __restrict vv = v;
      uint8_t* __restrict kk = k;
      for (std::size_t j = 0; j < n; ++j) {
        const int64_t mask = static_cast<int64_t>(ak[j]) - 1;  // all ones when a is unknown
        vv[j] = (av[j] & ~mask) | (bv[j] & mask);
        kk[j] = ak[j] | bk[j];
      }
      break;
    }
    case POp::kKnown: {
      const uint8_t* __restrict ak = c.s.known(i.a);
      int64_t* __restrict vv = v;
      uint8_t* __restrict kk = k;
      for (std::size_t j = 0; j < n; ++j) {
        vv[j] = ak[j];
        kk[j] = 1;
      }
      break;
    }
    default:
      break;
  }
}

}  // namespace layak::eval
