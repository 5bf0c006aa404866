// Small AST helpers: operator spellings and node text.
#include "expr/ast.h"

namespace layak::expr {

std::string Ast::Text(NodeIndex i) const {
  const Span& s = node(i).span;
  return source.substr(s.begin, s.end - s.begin);
}

const char* OpSpelling(Op op) {
  switch (op) {
    case Op::kNone:
      return "?";
    case Op::kNot:
      return "not";
    case Op::kNeg:
      return "-";
    case Op::kOr:
      return "or";
    case Op::kAnd:
      return "and";
    case Op::kEq:
      return "==";
    case Op::kNe:
      return "!=";
    case Op::kLt:
      return "<";
    case Op::kLe:
      return "<=";
    case Op::kGt:
      return ">";
    case Op::kGe:
      return ">=";
    case Op::kIn:
      return "in";
    case Op::kNotIn:
      return "not in";
    case Op::kDefault:
      return "??";
    case Op::kAdd:
      return "+";
    case Op::kSub:
      return "-";
    case Op::kMul:
      return "*";
    case Op::kDiv:
      return "/";
    case Op::kMod:
      return "%";
  }
  return "?";
}

}  // namespace layak::expr
