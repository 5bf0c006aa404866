// Ast::DebugString: a prefix dump that makes precedence visible in tests.
// Iterative (explicit stack), so a long operator chain cannot overflow.
#include "expr/ast.h"
#include "util/civil_date.h"
#include "util/decimal.h"

namespace layak::expr {
namespace {

// A pending piece of output: either literal text or a node to print.
struct Item {
  NodeIndex node;
  const char* text;
};

}  // namespace

std::string Ast::DebugString() const {
  if (root < 0) return "<empty>";
  std::string out;
  std::vector<Item> stack{{root, nullptr}};
  while (!stack.empty()) {
    Item item = stack.back();
    stack.pop_back();
    if (item.text != nullptr) {
      out += item.text;
      continue;
    }
    const Node& n = node(item.node);
    // Children are pushed in reverse so they print left to right.
    auto push_children = [&](const char* open, const char* sep, const char* close) {
      out += open;
      stack.push_back({-1, close});
      for (std::size_t k = n.children.size(); k-- > 0;) {
        stack.push_back({n.children[k], nullptr});
        if (k > 0) stack.push_back({-1, sep});
      }
    };
    switch (n.kind) {
      case NodeKind::kBool:
        out += n.bool_value ? "true" : "false";
        break;
      case NodeKind::kInt:
        out += std::to_string(n.int_value);
        break;
      case NodeKind::kNumber:
        out += util::FormatScaledDecimal(n.int_value) + "d";
        break;
      case NodeKind::kString:
        out += "'" + n.text + "'";
        break;
      case NodeKind::kDate:
        out += "date(" + util::FormatIsoDate(static_cast<int32_t>(n.int_value)) + ")";
        break;
      case NodeKind::kName:
        out += n.text;
        break;
      case NodeKind::kList:
        push_children("[", " ", "]");
        break;
      case NodeKind::kCall:
        out += "(" + n.text;
        if (n.children.empty()) {
          out += ")";
        } else {
          push_children(" ", " ", ")");
        }
        break;
      case NodeKind::kUnary:
      case NodeKind::kBinary:
        out += "(";
        out += OpSpelling(n.op);
        push_children(" ", " ", ")");
        break;
      case NodeKind::kRange:
        push_children("(.. ", " ", ")");
        break;
      case NodeKind::kIf:
        push_children("(if ", " ", ")");
        break;
    }
  }
  return out;
}

}  // namespace layak::expr
