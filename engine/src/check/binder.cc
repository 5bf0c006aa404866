// Binder core: parsing each expression once, dispatch by AST node kind,
// literals, names (fields, definitions, derived fields, parameters, as_of)
// with cycle detection, and the helpers the operator and call rules share.
#include "check/binder.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "util/edit_distance.h"

namespace layak::check {

using expr::NodeKind;

Binder::Binder(const pack::PackModel& model, ir::Module& module, util::DiagnosticSink& sink, const LoadOptions& options)
    : model_(model), module_(module), sink_(sink), options_(options) {}

int Binder::AddExpr(const pack::ExprSource& source) {
  module_.exprs.push_back(source);
  parsed_.emplace_back();
  return static_cast<int>(module_.exprs.size() - 1);
}

void Binder::ReportAt(int expr, uint32_t begin, uint32_t end, DiagnosticCode code, std::string message,
                      std::vector<std::string> notes) {
  const pack::ExprSource& src = module_.exprs[expr];
  pack::Loc loc = pack::LocateSpan(src, begin, end);
  Diagnostic d = util::MakeDiagnostic(model_.files[loc.file], loc.offset, loc.length, code, std::move(message));
  for (std::string& note : notes) {
    if (!note.empty()) d.notes.push_back(std::move(note));
  }
  sink_.Report(std::move(d));
}

void Binder::Error(expr::NodeIndex n, DiagnosticCode code, std::string message, std::vector<std::string> notes) {
  const expr::Span& span = Ast(n).span;
  ReportAt(frame_.expr, span.begin, span.end, code, std::move(message), std::move(notes));
}

NodeId Binder::BindExpr(int expr, const BindContext& ctx) {
  if (!parsed_[expr]) {
    expr::ParseLimits limits{options_.max_expression_length, options_.max_nesting_depth};
    parsed_[expr] = std::make_unique<expr::ParseResult>(expr::ParseExpression(module_.exprs[expr].text, limits));
    if (const auto& err = parsed_[expr]->error) {
      ReportAt(expr, err->span.begin, err->span.end, err->code, err->message, err->notes);
    }
  }
  const expr::ParseResult& parsed = *parsed_[expr];
  if (!parsed.ok()) return -1;
  Frame saved = frame_;
  frame_ = Frame{expr, &parsed.ast};
  NodeId id = Bind(parsed.ast.root, ctx);
  frame_ = saved;
  return id;
}

NodeId Binder::BindExpecting(int expr, const BindContext& ctx, ir::Type want, const std::string& what) {
  NodeId id = BindExpr(expr, ctx);
  if (id < 0) return -1;
  const expr::Ast& ast = parsed_[expr]->ast;
  Frame saved = frame_;
  frame_ = Frame{expr, &ast};
  if (want == ir::Type::kInt && Ir(id).type.kind == ir::Type::kNumber) {
    Error(ast.root, DiagnosticCode::kTypeMismatch,
          absl::StrCat(what, " must be int (whole rupiah), but this is number"),
          {"help: wrap it in round(...), floor(...) or ceil(...)"});
    id = -1;
  } else if (!RequireType(id, ast.root, want, what)) {
    id = -1;
  }
  frame_ = saved;
  return id;
}

NodeId Binder::Bind(expr::NodeIndex n, const BindContext& ctx) {
  // Definitions are inlined, so their expressions' depths add up along a
  // chain of uses: the total is bounded here, where the stack is spent.
  if (bind_depth_ >= kMaxBindDepth) {
    if (!bind_depth_reported_) {
      bind_depth_reported_ = true;
      Error(
          n, DiagnosticCode::kTooDeep,
          absl::StrCat("expression nested more than ", kMaxBindDepth, " levels deep, counting the definitions it uses"),
          {"help: shorten long chains of operators, or of definitions that use one another"});
    }
    return -1;
  }
  ++bind_depth_;
  NodeId id = BindNode(n, ctx);
  --bind_depth_;
  return id;
}

NodeId Binder::BindNode(expr::NodeIndex n, const BindContext& ctx) {
  switch (Ast(n).kind) {
    case NodeKind::kBool:
    case NodeKind::kInt:
    case NodeKind::kNumber:
    case NodeKind::kString:
    case NodeKind::kDate:
      return BindLiteral(n);
    case NodeKind::kList:
      Error(n, DiagnosticCode::kListOutsideIn, "a list can only follow 'in' or be the argument of count_true",
            {"help: write 'x in [a, b]'"});
      return -1;
    case NodeKind::kName:
      return BindName(n, ctx);
    case NodeKind::kCall:
      return BindCall(n, ctx);
    case NodeKind::kUnary:
      return BindUnary(n, ctx);
    case NodeKind::kBinary:
      if (Ast(n).op == expr::Op::kIn || Ast(n).op == expr::Op::kNotIn) return BindIn(n, ctx);
      return BindBinary(n, ctx);
    case NodeKind::kIf:
      return BindIf(n, ctx);
    case NodeKind::kRange:
      Error(n, DiagnosticCode::kRangeOutsideIn, "a range 'a..b' can only follow 'in'");
      return -1;
  }
  return -1;
}

NodeId Binder::Make(ir::Op op, TypeRef type, std::vector<NodeId> args, expr::NodeIndex at, int64_t value,
                    std::string text, std::optional<Scope> scope) {
  ir::Node node;
  node.op = op;
  node.type = type;
  node.value = value;
  node.text = std::move(text);
  node.scope = Scope::kHousehold;
  for (NodeId a : args) {
    if (Ir(a).scope == Scope::kMember) node.scope = Scope::kMember;
  }
  if (scope) node.scope = *scope;
  node.args = std::move(args);
  if (at >= 0 && frame_.ast != nullptr) {
    node.origin = ir::Origin{frame_.expr, Ast(at).span.begin, Ast(at).span.end};
  }
  return module_.Intern(std::move(node));
}

NodeId Binder::Const(TypeRef type, int64_t value, expr::NodeIndex at, std::string text) {
  return Make(ir::Op::kConst, type, {}, at, value, std::move(text));
}

NodeId Binder::BindLiteral(expr::NodeIndex n) {
  const expr::Node& a = Ast(n);
  switch (a.kind) {
    case NodeKind::kBool:
      return Const({ir::Type::kBool}, a.bool_value ? 1 : 0, n);
    case NodeKind::kInt:
      return Const({ir::Type::kInt}, a.int_value, n);
    case NodeKind::kNumber:
      return Const({ir::Type::kNumber}, a.int_value, n);
    case NodeKind::kString:
      return Const({ir::Type::kString}, 0, n, a.text);
    case NodeKind::kDate:
      return Const({ir::Type::kDate}, a.int_value, n);
    default:
      return -1;
  }
}

int Binder::FindDefinition(const std::string& name, Scope scope) const {
  const auto& index = model_.definition_index[static_cast<int>(scope)];
  auto it = index.find(name);
  return it == index.end() ? -1 : it->second;
}

std::vector<std::string> Binder::VisibleNames(const BindContext& ctx) const {
  std::vector<std::string> names{"as_of"};
  for (const ir::Field& f : module_.fields) {
    if (f.scope == Scope::kHousehold || ctx.scope == Scope::kMember) names.push_back(f.name);
  }
  for (const pack::DefinitionDecl& d : model_.definitions) {
    if (d.scope == Scope::kHousehold || ctx.scope == Scope::kMember) names.push_back(d.name);
  }
  return names;
}

// Binds something that is bound once for all uses (a definition or a derived
// field): memoised, and a use while it is being bound is a cycle, reported
// with the path from the repeated name.
NodeId Binder::BindOnce(Memo& memo, int index, const std::string& name, Scope scope, int expr, const char* kind,
                        expr::NodeIndex use, bool report_at_use) {
  int& state = memo.state[index];
  if (state == 2) return memo.node[index];
  if (state == 1) {
    auto first = std::find(binding_stack_.begin(), binding_stack_.end(), name);
    std::vector<std::string> path(first, binding_stack_.end());
    path.push_back(name);
    if (report_at_use) {
      Error(use, DiagnosticCode::kDefinitionCycle,
            absl::StrCat(kind, " '", name, "' depends on itself: ", absl::StrJoin(path, " -> ")));
    }
    return -1;
  }
  if (static_cast<int>(binding_stack_.size()) >= options_.max_definition_depth) {
    // Each level costs stack; a generated chain of thousands would overflow it.
    if (report_at_use && !definition_depth_reported_) {
      definition_depth_reported_ = true;
      Error(use, DiagnosticCode::kTooDeep,
            absl::StrCat("definitions and derived fields nested more than ", options_.max_definition_depth, " deep (",
                         binding_stack_.front(), " -> ... -> ", binding_stack_.back(), " -> ", name, ")"),
            {"note: LoadOptions::max_definition_depth sets the limit"});
    }
    return -1;
  }
  state = 1;
  binding_stack_.push_back(name);
  BindContext ctx;
  ctx.scope = scope;
  NodeId id = BindExpr(expr, ctx);
  binding_stack_.pop_back();
  memo.state[index] = 2;
  memo.node[index] = id;
  return id;
}

NodeId Binder::BindDefinition(int def, expr::NodeIndex use, bool report_at_use) {
  const pack::DefinitionDecl& decl = model_.definitions[def];
  return BindOnce(defs_, def, decl.name, decl.scope, def_expr_[def], "definition", use, report_at_use);
}

NodeId Binder::BindDerived(int field, expr::NodeIndex use, bool report_at_use) {
  const ir::Field& f = module_.fields[field];
  bool first_time = derived_.state[field] == 0;
  NodeId id = BindOnce(derived_, field, f.name, f.scope, derive_expr_[field], "derived field", use, report_at_use);
  if (!first_time) return id;
  if (id >= 0 && Ir(id).type != f.type) {
    const pack::ExprSource& src = module_.exprs[derive_expr_[field]];
    ReportAt(derive_expr_[field], 0, static_cast<uint32_t>(src.text.size()), DiagnosticCode::kTypeMismatch,
             absl::StrCat("field '", f.name, "' is declared ", module_.TypeName(f.type), " but derives ",
                          module_.TypeName(Ir(id).type)));
    id = -1;
  }
  derived_.node[field] = id;
  module_.fields[field].derive = id;
  return id;
}

NodeId Binder::BindName(expr::NodeIndex n, const BindContext& ctx) {
  const std::string& text = Ast(n).text;
  std::vector<std::string> parts = absl::StrSplit(text, '.');
  auto use_field = [&](int field) -> NodeId {
    const ir::Field& f = module_.fields[field];
    if (derive_expr_.count(field)) return BindDerived(field, n, true);
    return Make(ir::Op::kField, f.type, {}, n, field, "", f.scope);
  };
  auto use_def = [&](int def) -> NodeId { return BindDefinition(def, n, true); };
  auto member_outside = [&](const std::string& name) {
    Error(n, DiagnosticCode::kMemberOutsideQuantifier,
          absl::StrCat("'", name, "' is a member field, and here is household scope"),
          {absl::StrCat("help: use a quantifier, e.g. any(members, ", name, " ...) or count(members, ...)")});
    return -1;
  };
  if (parts.size() == 1) {
    const std::string& name = parts[0];
    if (name == "as_of") return Make(ir::Op::kAsOf, {ir::Type::kDate}, {}, n);
    if (name == "members") {
      Error(n, DiagnosticCode::kMisplacedMembers, "'members' can only be the first argument of a quantifier",
            {"help: write any(members, ...), count(members, ...), sum(members, ...)"});
      return -1;
    }
    if (name == "params" || name == "household" || name == "member") {
      Error(n, DiagnosticCode::kUnknownName, absl::StrCat("'", name, "' needs a name after it: ", name, ".NAME"));
      return -1;
    }
    if (ctx.scope == Scope::kMember) {
      if (int f = module_.FindField(name, Scope::kMember); f >= 0) return use_field(f);
      if (int d = FindDefinition(name, Scope::kMember); d >= 0) return use_def(d);
    }
    if (int f = module_.FindField(name, Scope::kHousehold); f >= 0) return use_field(f);
    if (int d = FindDefinition(name, Scope::kHousehold); d >= 0) return use_def(d);
    if (module_.FindField(name, Scope::kMember) >= 0 || FindDefinition(name, Scope::kMember) >= 0) {
      return member_outside(name);
    }
    Error(n, DiagnosticCode::kUnknownName, absl::StrCat("unknown name '", name, "'"),
          {util::DidYouMean(name, VisibleNames(ctx))});
    return -1;
  }
  if (parts.size() == 2 && parts[0] == "params") {
    for (std::size_t i = 0; i < module_.params.size(); ++i) {
      if (module_.params[i].name == parts[1]) {
        // A table parameter reads the household's key: the node depends on it.
        std::vector<NodeId> key;
        if (int k = module_.params[i].key_field; k >= 0) {
          NodeId f = use_field(k);
          if (f < 0) return -1;
          key.push_back(f);
        }
        return Make(ir::Op::kParam, module_.params[i].type, std::move(key), n, static_cast<int64_t>(i), "",
                    Scope::kHousehold);
      }
    }
    std::vector<std::string> names;
    for (const ir::Param& p : module_.params) names.push_back(p.name);
    Error(n, DiagnosticCode::kUnknownParameter, absl::StrCat("unknown parameter '", parts[1], "'"),
          {util::DidYouMean(parts[1], names)});
    return -1;
  }
  if (parts.size() == 2 && (parts[0] == "household" || parts[0] == "member")) {
    Scope scope = parts[0] == "household" ? Scope::kHousehold : Scope::kMember;
    if (scope == Scope::kMember && ctx.scope != Scope::kMember) return member_outside(text);
    if (int f = module_.FindField(parts[1], scope); f >= 0) return use_field(f);
    if (int d = FindDefinition(parts[1], scope); d >= 0) return use_def(d);
    std::vector<std::string> names;
    for (const ir::Field& f : module_.fields) {
      if (f.scope == scope) names.push_back(f.name);
    }
    Error(n, DiagnosticCode::kUnknownName, absl::StrCat("unknown ", parts[0], " field '", parts[1], "'"),
          {util::DidYouMean(parts[1], names)});
    return -1;
  }
  Error(n, DiagnosticCode::kUnknownName, absl::StrCat("unknown name '", text, "'"),
        {"note: dotted names start with household., member. or params."});
  return -1;
}

}  // namespace layak::check
