// Typing rules of calls: the quantifiers over members, count_true, the date
// functions, known, min/max/abs/round/floor/ceil and eligible().
#include "absl/strings/str_cat.h"
#include "check/binder.h"
#include "util/edit_distance.h"

namespace layak::check {

using ir::Op;
using ir::Type;

namespace {

const std::vector<std::string>& FunctionNames() {
  static const std::vector<std::string> kNames = {
      "any",     "all",        "none",          "count",          "sum",          "min",   "max",
      "sum_top", "count_true", "years_between", "months_between", "days_between", "known", "abs",
      "round",   "floor",      "ceil",          "eligible",       "date"};
  return kNames;
}

bool IsQuantifier(const std::string& name) {
  return name == "any" || name == "all" || name == "none" || name == "count" || name == "sum" || name == "min" ||
         name == "max" || name == "sum_top";
}

}  // namespace

NodeId Binder::BindCall(expr::NodeIndex n, const BindContext& ctx) {
  const expr::Node& call = Ast(n);
  const std::string& name = call.text;
  const auto& args = call.children;
  auto arity = [&](std::size_t want, const char* usage) {
    if (args.size() == want) return true;
    Error(n, DiagnosticCode::kArgumentCount,
          absl::StrCat(name, "() takes ", want, " argument", want == 1 ? "" : "s", ", given ", args.size()),
          {absl::StrCat("note: usage: ", usage)});
    return false;
  };
  const std::vector<std::string>& known = FunctionNames();
  if (std::find(known.begin(), known.end(), name) == known.end()) {
    // Checked before the arguments, so a misspelt quantifier does not also
    // report its member fields as out of scope.
    ReportAt(frame_.expr, call.name_span.begin, call.name_span.end, DiagnosticCode::kUnknownFunction,
             absl::StrCat("unknown function '", name, "'"), {util::DidYouMean(name, known)});
    return -1;
  }
  bool first_is_members = !args.empty() && Ast(args[0]).kind == expr::NodeKind::kName && Ast(args[0]).text == "members";
  if (IsQuantifier(name) && (first_is_members || (name != "min" && name != "max"))) {
    return BindQuantifier(n, name, ctx);
  }
  if (name == "eligible") return BindEligible(n, ctx);
  if (name == "count_true") {
    if (!arity(1, "count_true([c1, c2, ...])")) return -1;
    if (Ast(args[0]).kind != expr::NodeKind::kList) {
      Error(args[0], DiagnosticCode::kTypeMismatch, "count_true takes a list of conditions: count_true([c1, c2, ...])");
      return -1;
    }
    std::vector<NodeId> conds;
    conds.reserve(Ast(args[0]).children.size());
    bool ok = true;
    for (expr::NodeIndex c : Ast(args[0]).children) {
      NodeId id = Bind(c, ctx);
      ok = ok && id >= 0 && RequireType(id, c, Type::kBool, "each condition of count_true");
      conds.push_back(id);
    }
    if (!ok) return -1;
    return Make(Op::kCountTrue, {Type::kInt}, std::move(conds), n);
  }
  std::vector<NodeId> bound;
  bound.reserve(args.size());
  for (expr::NodeIndex a : args) bound.push_back(Bind(a, ctx));
  for (NodeId b : bound) {
    if (b < 0) return -1;
  }
  if (name == "years_between" || name == "months_between" || name == "days_between") {
    if (!arity(2, absl::StrCat(name, "(from_date, to_date)").c_str())) return -1;
    if (!RequireType(bound[0], args[0], Type::kDate, "the first argument of " + name) ||
        !RequireType(bound[1], args[1], Type::kDate, "the second argument of " + name)) {
      return -1;
    }
    Op op = name == "years_between"    ? Op::kYearsBetween
            : name == "months_between" ? Op::kMonthsBetween
                                       : Op::kDaysBetween;
    return Make(op, {Type::kInt}, bound, n);
  }
  if (name == "known") {
    if (!arity(1, "known(x)")) return -1;
    return Make(Op::kKnown, {Type::kBool}, bound, n);
  }
  if (name == "min" || name == "max") {
    if (!arity(2, "min(a, b), or min(members, e) over the members")) return -1;
    Type ka = Ir(bound[0]).type.kind;
    if (ka != Type::kDate && !RequireNumeric(bound[0], args[0], "the first argument of " + name)) return -1;
    if (ka == Type::kDate) {
      if (!RequireType(bound[1], args[1], Type::kDate, "the second argument of " + name)) return -1;
    } else if (!RequireNumeric(bound[1], args[1], "the second argument of " + name)) {
      return -1;
    }
    if (!Unify(&bound[0], args[0], &bound[1], args[1], name)) return -1;
    return Make(name == "min" ? Op::kMin : Op::kMax, Ir(bound[0]).type, bound, n);
  }
  if (name == "abs" || name == "round" || name == "floor" || name == "ceil") {
    if (!arity(1, absl::StrCat(name, "(x)").c_str())) return -1;
    if (!RequireNumeric(bound[0], args[0], "the argument of " + name)) return -1;
    if (name == "abs") return Make(Op::kAbs, Ir(bound[0]).type, bound, n);
    if (Ir(bound[0]).type.kind == Type::kInt) return bound[0];  // already whole
    Op op = name == "round" ? Op::kRound : name == "floor" ? Op::kFloor : Op::kCeil;
    return Make(op, {Type::kInt}, bound, n);
  }
  return -1;  // "date" never gets here: the parser turns it into a literal
}

NodeId Binder::BindQuantifier(expr::NodeIndex n, const std::string& name, const BindContext& ctx) {
  const expr::Node& call = Ast(n);
  const auto& args = call.children;
  bool first_is_members = !args.empty() && Ast(args[0]).kind == expr::NodeKind::kName && Ast(args[0]).text == "members";
  std::string usage = name == "sum_top" ? "sum_top(members, k, value)"
                      : name == "count"
                          ? "count(members) or count(members, condition)"
                          : absl::StrCat(name, "(members, ",
                                         name == "any" || name == "all" || name == "none" ? "condition" : "value", ")");
  if (!first_is_members) {
    Error(args.empty() ? n : args[0], DiagnosticCode::kBadArgument,
          absl::StrCat("the first argument of ", name, "() must be 'members'"), {"note: usage: " + usage});
    return -1;
  }
  std::size_t want = name == "sum_top" ? 3 : 2;
  if (!(args.size() == want || (name == "count" && args.size() == 1))) {
    Error(n, DiagnosticCode::kArgumentCount, absl::StrCat(name, "() given ", args.size(), " arguments"),
          {"note: usage: " + usage});
    return -1;
  }
  if (ctx.in_quantifier) {
    Error(n, DiagnosticCode::kNestedQuantifier, absl::StrCat(name, "(members, ...) inside another quantifier"),
          {"note: inside a quantifier, names are the current member's; a household-level count belongs outside it, or "
           "in a household definition"});
    return -1;
  }
  if (name == "count" && args.size() == 1) {
    return Make(Op::kCountMembers, {Type::kInt}, {}, n, 0, "", Scope::kHousehold);
  }
  BindContext inner = ctx;
  inner.scope = Scope::kMember;
  inner.in_quantifier = true;
  expr::NodeIndex body_at = args.back();
  NodeId body = Bind(body_at, inner);
  if (body < 0) return -1;
  if (name == "any" || name == "all" || name == "none" || name == "count") {
    if (!RequireType(body, body_at, Type::kBool, absl::StrCat("the condition of ", name, "()"))) return -1;
    Op op = name == "any" ? Op::kAny : name == "all" ? Op::kAll : name == "none" ? Op::kNone : Op::kCount;
    return Make(op, {op == Op::kCount ? Type::kInt : Type::kBool}, {body}, n, 0, "", Scope::kHousehold);
  }
  Type k = Ir(body).type.kind;
  bool dates_ok = name == "min" || name == "max";
  if (!(k == Type::kInt || k == Type::kNumber || (dates_ok && k == Type::kDate))) {
    Error(body_at, DiagnosticCode::kTypeMismatch,
          absl::StrCat("the value of ", name, "() must be a number", dates_ok ? " or a date" : "", ", but this is ",
                       TypeName(body)));
    return -1;
  }
  if (name == "sum_top") {
    expr::NodeIndex k_at = args[1];
    NodeId kk = BindConstantOperand(k_at, ctx, "k of sum_top");
    if (kk < 0 || !RequireType(kk, k_at, Type::kInt, "k of sum_top")) return -1;
    if (Ir(kk).op == Op::kConst && Ir(kk).value <= 0) {
      Error(k_at, DiagnosticCode::kBadArgument, "k of sum_top must be at least 1");
      return -1;
    }
    return Make(Op::kSumTop, Ir(body).type, {kk, body}, n, 0, "", Scope::kHousehold);
  }
  Op op = name == "sum" ? Op::kSum : name == "min" ? Op::kMinOf : Op::kMaxOf;
  return Make(op, Ir(body).type, {body}, n, 0, "", Scope::kHousehold);
}

NodeId Binder::BindEligible(expr::NodeIndex n, const BindContext& ctx) {
  const auto& args = Ast(n).children;
  if (args.size() != 1 || Ast(args[0]).kind != expr::NodeKind::kString) {
    Error(n, DiagnosticCode::kArgumentCount, "eligible() takes one program id in quotes: eligible(\"PKH\")");
    return -1;
  }
  const std::string& id = Ast(args[0]).text;
  int program = module_.FindProgram(id);
  if (program < 0) {
    std::vector<std::string> ids;
    for (const ir::Program& p : module_.programs) ids.push_back(p.id);
    Error(args[0], DiagnosticCode::kUnknownProgram, absl::StrCat("unknown program '", id, "'"),
          {util::DidYouMean(id, ids)});
    return -1;
  }
  Scope unit = module_.programs[program].unit;
  if (unit == Scope::kMember && ctx.scope != Scope::kMember) {
    Error(n, DiagnosticCode::kMemberProgramAtHousehold,
          absl::StrCat("'", id, "' is decided per member, and here is household scope"),
          {absl::StrCat("help: write any(members, eligible(\"", id, "\"))")});
    return -1;
  }
  if (ctx.program >= 0) {
    const expr::Span& s = Ast(n).span;
    edges_.push_back(ProgramEdge{ctx.program, program, pack::LocateSpan(module_.exprs[frame_.expr], s.begin, s.end)});
  }
  return Make(Op::kEligible, {Type::kBool}, {}, n, program, "", unit);
}

}  // namespace layak::check
