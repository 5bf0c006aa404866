// The expression AST: nodes in one flat vector, children by index, every node
// carrying the byte span of its source text. Produced by ParseExpression
// (parser.h), consumed by the binder (check/binder.h).
#ifndef LAYAK_EXPR_AST_H_
#define LAYAK_EXPR_AST_H_

#include <cstdint>
#include <string>
#include <vector>

namespace layak::expr {

// Byte offsets [begin, end) into the expression string.
struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;
};

// Index of a node in Ast::nodes.
using NodeIndex = int32_t;

// What a node is.
enum class NodeKind : uint8_t {
  kBool,    // true / false; bool_value
  kInt,     // integer literal; int_value
  kNumber,  // decimal literal; int_value holds the value scaled by 10^6
  kString,  // 'text' or "text"; text holds the unquoted value
  kDate,    // date("YYYY-MM-DD"); int_value holds days since 1970-01-01
  kList,    // [a, b, ...]; children are the elements
  kName,    // a name or dotted name; text holds it as written ("household.desil")
  kCall,    // f(a, b); text holds the callee, name_span its position
  kUnary,   // op applied to children[0]
  kBinary,  // children[0] op children[1]
  kRange,   // children[0] .. children[1], only as the right side of `in`
  kIf,      // if children[0] then children[1] else children[2]
};

// Operators of kUnary and kBinary nodes.
enum class Op : uint8_t {
  kNone,
  kNot,
  kNeg,  // unary
  kOr,
  kAnd,  // logic
  kEq,
  kNe,
  kLt,
  kLe,
  kGt,
  kGe,
  kIn,
  kNotIn,    // comparison
  kDefault,  // ??
  kAdd,
  kSub,
  kMul,
  kDiv,
  kMod,  // arithmetic
};

// One AST node. Fields other than kind and span are used as NodeKind says.
struct Node {
  NodeKind kind = NodeKind::kBool;
  Op op = Op::kNone;
  Span span;
  Span name_span;  // kCall: the callee's name
  bool bool_value = false;
  int64_t int_value = 0;
  std::string text;
  std::vector<NodeIndex> children;
};

// A parsed expression: its source text and its nodes; `root` is the whole expression.
struct Ast {
  std::string source;
  std::vector<Node> nodes;
  NodeIndex root = -1;

  const Node& node(NodeIndex i) const { return nodes[static_cast<std::size_t>(i)]; }
  // The source text of a node.
  std::string Text(NodeIndex i) const;
  // Compact prefix dump used by tests: (and (<= desil 4) (any members pregnant)).
  std::string DebugString() const;
};

// The operator as written in the language ("and", "<=", "??", "not in").
const char* OpSpelling(Op op);

}  // namespace layak::expr

#endif  // LAYAK_EXPR_AST_H_
