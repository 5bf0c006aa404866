// Typing rules of the operators: logic, comparison, `in`, `??`, arithmetic,
// `if`; and the coercions between them (int -> number, string literal ->
// enum value). A type error points at the operand whose type is wrong.
#include "absl/strings/str_cat.h"
#include "check/binder.h"
#include "util/decimal.h"
#include "util/edit_distance.h"

namespace layak::check {

using ir::Op;
using ir::Type;

namespace {

bool IsNumeric(Type t) { return t == Type::kInt || t == Type::kNumber; }

Op ComparisonOp(expr::Op op) {
  switch (op) {
    case expr::Op::kEq:
      return Op::kEq;
    case expr::Op::kNe:
      return Op::kNe;
    case expr::Op::kLt:
      return Op::kLt;
    case expr::Op::kLe:
      return Op::kLe;
    case expr::Op::kGt:
      return Op::kGt;
    default:
      return Op::kGe;
  }
}

}  // namespace

bool Binder::RequireType(NodeId node, expr::NodeIndex at, Type want, const std::string& what) {
  if (Ir(node).type.kind == want) return true;
  Error(at, DiagnosticCode::kTypeMismatch,
        absl::StrCat(what, " must be ", module_.TypeName({want}), ", but this is ", TypeName(node)));
  return false;
}

bool Binder::RequireNumeric(NodeId node, expr::NodeIndex at, const std::string& what) {
  if (IsNumeric(Ir(node).type.kind)) return true;
  std::vector<std::string> notes;
  if (Ir(node).type.kind == Type::kDate) {
    notes.push_back("help: for dates use days_between, months_between or years_between");
  }
  Error(at, DiagnosticCode::kTypeMismatch,
        absl::StrCat(what, " must be a number (int or number), but this is ", TypeName(node)), notes);
  return false;
}

NodeId Binder::Coerce(NodeId node, expr::NodeIndex at, TypeRef target, const std::string& what) {
  const ir::Node& n = Ir(node);
  if (n.type == target) return node;
  if (n.type.kind == Type::kInt && target.kind == Type::kNumber) {
    if (n.op == Op::kConst) return Const(target, n.value * util::kDecimalScale, at);
    return Make(Op::kToNumber, target, {node}, at);
  }
  if (n.op == Op::kConst && n.type.kind == Type::kString && (target.kind == Type::kEnum || target.kind == Type::kSet)) {
    const ir::Domain& domain = module_.domains[target.domain];
    for (std::size_t i = 0; i < domain.values.size(); ++i) {
      if (domain.values[i] == n.text) return Const({Type::kEnum, target.domain}, static_cast<int64_t>(i), at);
    }
    std::string values;
    for (const std::string& v : domain.values) values += (values.empty() ? "" : ", ") + v;
    Error(at, DiagnosticCode::kUnknownEnumValue,
          absl::StrCat("'", n.text, "' is not a value of ", target.kind == Type::kSet ? "set" : "enum", " field '",
                       domain.field, "'"),
          {util::DidYouMean(n.text, domain.values), "note: its values are " + values});
    return -1;
  }
  Error(at, DiagnosticCode::kTypeMismatch,
        absl::StrCat(what, ": expected ", module_.TypeName(target), ", but this is ", TypeName(node)));
  return -1;
}

bool Binder::Unify(NodeId* a, expr::NodeIndex at_a, NodeId* b, expr::NodeIndex at_b, const std::string& what) {
  TypeRef ta = Ir(*a).type, tb = Ir(*b).type;
  if (ta == tb) return true;
  // Enums meet string literals; ints meet numbers. The literal side converts.
  if (tb.kind == Type::kEnum && Ir(*a).op == Op::kConst && ta.kind == Type::kString) {
    *a = Coerce(*a, at_a, tb, what);
    return *a >= 0;
  }
  if (ta.kind == Type::kEnum || (ta.kind == Type::kNumber && tb.kind == Type::kInt)) {
    *b = Coerce(*b, at_b, ta, what);
    return *b >= 0;
  }
  if (ta.kind == Type::kInt && tb.kind == Type::kNumber) {
    *a = Coerce(*a, at_a, tb, what);
    return *a >= 0;
  }
  Error(at_b, DiagnosticCode::kTypeMismatch,
        absl::StrCat(what, ": the left side is ", TypeName(*a), " but this is ", TypeName(*b)));
  return false;
}

NodeId Binder::BindUnary(expr::NodeIndex n, const BindContext& ctx) {
  expr::NodeIndex operand = Ast(n).children[0];
  NodeId x = Bind(operand, ctx);
  if (x < 0) return -1;
  if (Ast(n).op == expr::Op::kNot) {
    if (!RequireType(x, operand, Type::kBool, "the operand of 'not'")) return -1;
    return Make(Op::kNot, {Type::kBool}, {x}, n);
  }
  if (!RequireNumeric(x, operand, "the operand of '-'")) return -1;
  return Make(Op::kNeg, Ir(x).type, {x}, n);
}

NodeId Binder::BindIf(expr::NodeIndex n, const BindContext& ctx) {
  const auto& c = Ast(n).children;
  NodeId cond = Bind(c[0], ctx), a = Bind(c[1], ctx), b = Bind(c[2], ctx);
  if (cond < 0 || a < 0 || b < 0) return -1;
  if (!RequireType(cond, c[0], Type::kBool, "the condition of 'if'")) return -1;
  TypeRef ta = Ir(a).type, tb = Ir(b).type;
  bool compatible = ta == tb || (IsNumeric(ta.kind) && IsNumeric(tb.kind)) ||
                    (ta.kind == Type::kEnum && tb.kind == Type::kString) ||
                    (tb.kind == Type::kEnum && ta.kind == Type::kString);
  if (!compatible) {
    Error(c[2], DiagnosticCode::kBranchMismatch,
          absl::StrCat("'if' branches must have one type: 'then' gives ", TypeName(a), ", 'else' gives ", TypeName(b)));
    return -1;
  }
  if (!Unify(&a, c[1], &b, c[2], "'if' branches")) return -1;
  return Make(Op::kIf, Ir(a).type, {cond, a, b}, n);
}

NodeId Binder::BindBinary(expr::NodeIndex n, const BindContext& ctx) {
  const expr::Node& node = Ast(n);
  expr::NodeIndex l = node.children[0], r = node.children[1];
  NodeId a = Bind(l, ctx), b = Bind(r, ctx);
  if (a < 0 || b < 0) return -1;
  std::string op = expr::OpSpelling(node.op);
  switch (node.op) {
    case expr::Op::kAnd:
    case expr::Op::kOr:
      if (!RequireType(a, l, Type::kBool, "the left side of '" + op + "'") ||
          !RequireType(b, r, Type::kBool, "the right side of '" + op + "'")) {
        return -1;
      }
      return Make(node.op == expr::Op::kAnd ? Op::kAnd : Op::kOr, {Type::kBool}, {a, b}, n);
    case expr::Op::kDefault: {
      TypeRef ta = Ir(a).type, tb = Ir(b).type;
      if (!(ta == tb || (IsNumeric(ta.kind) && IsNumeric(tb.kind)) ||
            (ta.kind == Type::kEnum && tb.kind == Type::kString))) {
        Error(r, DiagnosticCode::kBranchMismatch,
              absl::StrCat("the default after '??' must have the type of the value before it (", TypeName(a),
                           "), but this is ", TypeName(b)));
        return -1;
      }
      if (!Unify(&a, l, &b, r, "'??'")) return -1;
      return Make(Op::kDefault, Ir(a).type, {a, b}, n);
    }
    case expr::Op::kEq:
    case expr::Op::kNe:
    case expr::Op::kLt:
    case expr::Op::kLe:
    case expr::Op::kGt:
    case expr::Op::kGe: {
      bool ordered = node.op != expr::Op::kEq && node.op != expr::Op::kNe;
      for (auto [id, at] : {std::pair{a, l}, std::pair{b, r}}) {
        Type k = Ir(id).type.kind;
        if (k == Type::kSet) {
          Error(at, DiagnosticCode::kTypeMismatch, absl::StrCat("a set cannot be compared with '", op, "'"),
                {"help: test membership with 'value' in set_field"});
          return -1;
        }
        if (ordered && !IsNumeric(k) && k != Type::kDate &&
            !(k == Type::kString && Ir(id).op == Op::kConst && Ir(id == a ? b : a).type.kind == Type::kEnum)) {
          std::vector<std::string> notes;
          if (k == Type::kEnum) {
            notes.push_back("help: enum values are unordered; list the accepted ones: x in ['a', 'b']");
          }
          Error(at, DiagnosticCode::kUnorderedType,
                absl::StrCat("'", op, "' needs numbers or dates, but this is ", TypeName(id)), notes);
          return -1;
        }
      }
      if (!Unify(&a, l, &b, r, "comparison")) return -1;
      if (ordered && Ir(a).type.kind == Type::kEnum) {
        Error(l, DiagnosticCode::kUnorderedType,
              absl::StrCat("'", op, "' needs numbers or dates, but this is ", TypeName(a)),
              {"help: enum values are unordered; list the accepted ones: x in ['a', 'b']"});
        return -1;
      }
      return Make(ComparisonOp(node.op), {Type::kBool}, {a, b}, n);
    }
    case expr::Op::kAdd:
    case expr::Op::kSub:
    case expr::Op::kMul:
    case expr::Op::kDiv: {
      if (!RequireNumeric(a, l, "the left side of '" + op + "'") ||
          !RequireNumeric(b, r, "the right side of '" + op + "'")) {
        return -1;
      }
      bool to_number =
          node.op == expr::Op::kDiv || Ir(a).type.kind == Type::kNumber || Ir(b).type.kind == Type::kNumber;
      TypeRef t{to_number ? Type::kNumber : Type::kInt};
      a = Coerce(a, l, t, op);
      b = Coerce(b, r, t, op);
      if (a < 0 || b < 0) return -1;
      Op irop = node.op == expr::Op::kAdd   ? Op::kAdd
                : node.op == expr::Op::kSub ? Op::kSub
                : node.op == expr::Op::kMul ? Op::kMul
                                            : Op::kDiv;
      return Make(irop, t, {a, b}, n);
    }
    case expr::Op::kMod:
      if (!RequireType(a, l, Type::kInt, "the left side of '%'") ||
          !RequireType(b, r, Type::kInt, "the right side of '%'")) {
        return -1;
      }
      return Make(Op::kMod, {Type::kInt}, {a, b}, n);
    default:
      return -1;
  }
}

NodeId Binder::BindConstantOperand(expr::NodeIndex n, const BindContext& ctx, const std::string& what) {
  const expr::Node& a = Ast(n);
  bool literal = a.kind == expr::NodeKind::kBool || a.kind == expr::NodeKind::kInt ||
                 a.kind == expr::NodeKind::kNumber || a.kind == expr::NodeKind::kString ||
                 a.kind == expr::NodeKind::kDate;
  bool negative_literal =
      a.kind == expr::NodeKind::kUnary && a.op == expr::Op::kNeg &&
      (Ast(a.children[0]).kind == expr::NodeKind::kInt || Ast(a.children[0]).kind == expr::NodeKind::kNumber);
  bool param = a.kind == expr::NodeKind::kName && a.text.rfind("params.", 0) == 0;
  if (!literal && !negative_literal && !param) {
    Error(n, DiagnosticCode::kNotConstant, absl::StrCat(what, " must be a constant or a parameter (params.NAME)"),
          {"help: compare with a computed value using '==' or '<=' instead"});
    return -1;
  }
  NodeId id = Bind(n, ctx);
  if (id >= 0 && Ir(id).op == ir::Op::kParam && !Ir(id).args.empty()) {
    const ir::Param& p = module_.params[static_cast<std::size_t>(Ir(id).value)];
    Error(n, DiagnosticCode::kNotConstant,
          absl::StrCat(what, " must be a constant, but parameter '", p.name, "' is a table keyed by '",
                       module_.fields[static_cast<std::size_t>(p.key_field)].name, "': its value differs by household"),
          {"help: compare with it using '==' or '<=' instead"});
    return -1;
  }
  if (id >= 0 && negative_literal) {
    const ir::Node& inner = Ir(Ir(id).args[0]);
    id = Const(inner.type, -inner.value, n);
  }
  return id;
}

NodeId Binder::BindIn(expr::NodeIndex n, const BindContext& ctx) {
  const expr::Node& node = Ast(n);
  expr::NodeIndex l = node.children[0], r = node.children[1];
  const expr::Node& rhs = Ast(r);
  NodeId x = Bind(l, ctx);
  if (x < 0) return -1;
  NodeId result = -1;
  if (rhs.kind == expr::NodeKind::kList) {
    if (Ir(x).type.kind == Type::kSet) {
      Error(l, DiagnosticCode::kTypeMismatch, "a set cannot be the left side of 'in [...]'",
            {"help: test each value: 'a' in S or 'b' in S"});
      return -1;
    }
    std::vector<NodeId> args{x};
    bool ok = true;
    for (expr::NodeIndex e : rhs.children) {
      NodeId v = BindConstantOperand(e, ctx, "a list element");
      if (v >= 0 && Ir(x).type.kind == Type::kInt && Ir(v).type.kind == Type::kNumber) {
        x = Coerce(x, l, Ir(v).type, "in");
        args[0] = x;
      }
      if (v >= 0) v = Coerce(v, e, Ir(x).type, "list element");
      if (v < 0) {
        ok = false;
        continue;
      }
      args.push_back(v);
    }
    if (!ok || x < 0) return -1;
    // Elements were coerced one by one; ints listed before a decimal follow x now.
    for (std::size_t i = 1; i < args.size(); ++i) {
      if (Ir(args[i]).type != Ir(x).type) args[i] = Coerce(args[i], rhs.children[i - 1], Ir(x).type, "list element");
      if (args[i] < 0) return -1;
    }
    result = Make(Op::kInList, {Type::kBool}, std::move(args), n);
  } else if (rhs.kind == expr::NodeKind::kRange) {
    expr::NodeIndex lo_at = rhs.children[0], hi_at = rhs.children[1];
    NodeId lo = BindConstantOperand(lo_at, ctx, "a range bound");
    NodeId hi = BindConstantOperand(hi_at, ctx, "a range bound");
    if (lo < 0 || hi < 0) return -1;
    Type k = Ir(x).type.kind;
    if (!IsNumeric(k) && k != Type::kDate) {
      Error(l, DiagnosticCode::kUnorderedType,
            absl::StrCat("a range needs a number or a date on the left, but this is ", TypeName(x)));
      return -1;
    }
    if (k == Type::kInt && (Ir(lo).type.kind == Type::kNumber || Ir(hi).type.kind == Type::kNumber)) {
      x = Coerce(x, l, {Type::kNumber}, "in");
    }
    lo = Coerce(lo, lo_at, Ir(x).type, "range bound");
    hi = Coerce(hi, hi_at, Ir(x).type, "range bound");
    if (x < 0 || lo < 0 || hi < 0) return -1;
    if (Ir(lo).op == Op::kConst && Ir(hi).op == Op::kConst && Ir(lo).value > Ir(hi).value) {
      Error(r, DiagnosticCode::kEmptyRange,
            absl::StrCat("the range ", frame_.ast->Text(r), " is empty: its low bound is above its high bound"),
            {absl::StrCat("help: write ", frame_.ast->Text(hi_at), "..", frame_.ast->Text(lo_at))});
      return -1;
    }
    result = Make(Op::kInRange, {Type::kBool}, {x, lo, hi}, n);
  } else {
    NodeId set = Bind(r, ctx);
    if (set < 0) return -1;
    if (Ir(set).type.kind != Type::kSet) {
      Error(r, DiagnosticCode::kTypeMismatch,
            absl::StrCat("the right side of 'in' must be a list [...], a range a..b or a set field, but this is ",
                         TypeName(set)));
      return -1;
    }
    TypeRef element{Type::kEnum, Ir(set).type.domain};
    // A literal is checked against the set's values (and named as a set's).
    if (Ir(x).type != element) {
      x = Coerce(x, l, Ir(x).op == Op::kConst ? Ir(set).type : element, "the value tested with 'in'");
    }
    if (x < 0) return -1;
    result = Make(Op::kInSet, {Type::kBool}, {x, set}, n);
  }
  if (node.op == expr::Op::kNotIn) result = Make(Op::kNot, {Type::kBool}, {result}, n);
  return result;
}

}  // namespace layak::check
