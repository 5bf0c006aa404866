// The binder and type checker: turns each expression's AST into typed IR
// nodes (ir/ir.h), resolving names in the order DESIGN.md gives (member
// scope inside quantifiers, then household, definitions, params., as_of)
// and checking every operator and call. Errors become diagnostics at the
// offending token; a failed sub-expression yields -1 without further noise.
// Driven by check_pack.cc; rules split across binder.cc (names, literals),
// type_rules.cc (operators) and calls.cc (functions and quantifiers).
#ifndef LAYAK_CHECK_BINDER_H_
#define LAYAK_CHECK_BINDER_H_

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "expr/parser.h"
#include "ir/ir.h"
#include "layak/options.h"
#include "pack/pack_model.h"
#include "util/diagnostics.h"

namespace layak::check {

using ir::NodeId;
using ir::Scope;
using ir::TypeRef;

// Where an expression is being bound.
struct BindContext {
  Scope scope = Scope::kHousehold;
  bool in_quantifier = false;
  int program = -1;  // the program whose expression this is, for eligible() edges
};

// An eligible() reference from one program to another, with its location.
struct ProgramEdge {
  int from = -1, to = -1;
  pack::Loc loc;
};

// Binds and type-checks the expressions of one pack into a Module.
class Binder {
 public:
  Binder(const pack::PackModel& model, ir::Module& module, util::DiagnosticSink& sink, const LoadOptions& options);

  // Registers an expression of the pack; returns its index in module.exprs.
  int AddExpr(const pack::ExprSource& source);
  // Parses (once) and binds expression `expr`; -1 after diagnostics.
  NodeId BindExpr(int expr, const BindContext& ctx);
  // Binds expression `expr` and requires `want` (with a message naming `what`).
  NodeId BindExpecting(int expr, const BindContext& ctx, ir::Type want, const std::string& what);

  // Index of a definition in model.definitions, or -1.
  int FindDefinition(const std::string& name, Scope scope) const;
  // Binds (memoised, cycle-checked) the derive expression of field `field`.
  NodeId BindDerived(int field, expr::NodeIndex use, bool report_at_use);
  // Binds (memoised, cycle-checked) definition `def` of model.definitions.
  NodeId BindDefinition(int def, expr::NodeIndex use, bool report_at_use);
  // Wires the expression index of each definition and derived field.
  void SetDeclExpr(int def, int expr) { def_expr_[def] = expr; }
  void SetDeriveExpr(int field, int expr) { derive_expr_[field] = expr; }

  const std::vector<ProgramEdge>& program_edges() const { return edges_; }

  // Reports at bytes [begin, end) of expression `expr`.
  void ReportAt(int expr, uint32_t begin, uint32_t end, DiagnosticCode code, std::string message,
                std::vector<std::string> notes = {});

 private:
  // The expression being bound: its index and AST.
  struct Frame {
    int expr;
    const expr::Ast* ast;
  };

  NodeId Bind(expr::NodeIndex n, const BindContext& ctx);
  NodeId BindNode(expr::NodeIndex n, const BindContext& ctx);  // Bind without the depth guard
  NodeId BindLiteral(expr::NodeIndex n);
  NodeId BindName(expr::NodeIndex n, const BindContext& ctx);
  NodeId BindBinary(expr::NodeIndex n, const BindContext& ctx);
  NodeId BindUnary(expr::NodeIndex n, const BindContext& ctx);
  NodeId BindIf(expr::NodeIndex n, const BindContext& ctx);
  NodeId BindIn(expr::NodeIndex n, const BindContext& ctx);
  NodeId BindCall(expr::NodeIndex n, const BindContext& ctx);
  NodeId BindQuantifier(expr::NodeIndex n, const std::string& name, const BindContext& ctx);
  NodeId BindEligible(expr::NodeIndex n, const BindContext& ctx);
  NodeId BindConstantOperand(expr::NodeIndex n, const BindContext& ctx, const std::string& what);

  // Makes an IR node whose scope follows from its arguments.
  NodeId Make(ir::Op op, TypeRef type, std::vector<NodeId> args, expr::NodeIndex at, int64_t value = 0,
              std::string text = "", std::optional<Scope> scope = std::nullopt);
  NodeId Const(TypeRef type, int64_t value, expr::NodeIndex at, std::string text = "");
  // Converts `node` (written at `at`) to `target`: int -> number, string
  // literal -> enum value. Reports and returns -1 when it cannot.
  NodeId Coerce(NodeId node, expr::NodeIndex at, TypeRef target, const std::string& what);
  // Unifies two operands for ==, ??, if and the like; false after a diagnostic.
  bool Unify(NodeId* a, expr::NodeIndex at_a, NodeId* b, expr::NodeIndex at_b, const std::string& what);
  bool RequireType(NodeId node, expr::NodeIndex at, ir::Type want, const std::string& what);
  bool RequireNumeric(NodeId node, expr::NodeIndex at, const std::string& what);

  void Error(expr::NodeIndex n, DiagnosticCode code, std::string message, std::vector<std::string> notes = {});
  const expr::Node& Ast(expr::NodeIndex n) const { return frame_.ast->node(n); }
  const ir::Node& Ir(NodeId id) const { return module_.node(id); }
  std::string TypeName(NodeId id) const { return module_.TypeName(Ir(id).type); }
  std::vector<std::string> VisibleNames(const BindContext& ctx) const;

  const pack::PackModel& model_;
  ir::Module& module_;
  util::DiagnosticSink& sink_;
  LoadOptions options_;
  Frame frame_{-1, nullptr};
  std::vector<std::unique_ptr<expr::ParseResult>> parsed_;  // by expr index; null until parsed
  // Memo and cycle state of definitions or derived fields: 0 new, 1 binding, 2 done.
  struct Memo {
    std::map<int, int> state;
    std::map<int, NodeId> node;
  };
  NodeId BindOnce(Memo& memo, int index, const std::string& name, Scope scope, int expr, const char* kind,
                  expr::NodeIndex use, bool report_at_use);
  Memo defs_, derived_;
  std::map<int, int> def_expr_, derive_expr_;
  std::vector<std::string> binding_stack_;  // names being bound, for cycle messages
  bool definition_depth_reported_ = false;
  // Bind() recursion, bounded so that the stack cannot overflow: a level
  // costs 4-6 KiB in ASan builds (1,000 levels overflow a 4 MiB stack, not
  // a 6 MiB one), so 600 stay within half of the usual 8 MiB. Real rules
  // nest a few dozen levels.
  static constexpr int kMaxBindDepth = 600;
  int bind_depth_ = 0;
  bool bind_depth_reported_ = false;
  std::vector<ProgramEdge> edges_;
};

}  // namespace layak::check

#endif  // LAYAK_CHECK_BINDER_H_
