// Module::NodeString and Module::DebugString: the IR dumps golden tests read.
// Iterative, so deeply inlined definitions cannot overflow the stack.
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "ir/ir.h"
#include "util/civil_date.h"
#include "util/decimal.h"

namespace layak::ir {
namespace {

std::string ConstString(const Module& m, const Node& n) {
  switch (n.type.kind) {
    case Type::kBool:
      return n.value ? "true" : "false";
    case Type::kInt:
      return std::to_string(n.value);
    case Type::kNumber:
      return util::FormatScaledDecimal(n.value) + "d";
    case Type::kString:
      return "'" + n.text + "'";
    case Type::kDate:
      return "date(" + util::FormatIsoDate(static_cast<int32_t>(n.value)) + ")";
    case Type::kEnum:
      return "'" + m.domains[n.type.domain].values[n.value] + "'";
    case Type::kSet: {
      std::vector<std::string> names;
      for (std::size_t i = 0; i < m.domains[n.type.domain].values.size(); ++i) {
        if (n.value & (int64_t{1} << i)) names.push_back(m.domains[n.type.domain].values[i]);
      }
      return "{" + absl::StrJoin(names, "|") + "}";
    }
  }
  return "?";
}

}  // namespace

std::string Module::NodeString(NodeId root) const {
  std::string out;
  struct Item {
    NodeId node;
    const char* text;
  };
  std::vector<Item> stack{{root, nullptr}};
  while (!stack.empty()) {
    Item item = stack.back();
    stack.pop_back();
    if (item.text != nullptr) {
      out += item.text;
      continue;
    }
    if (item.node < 0) {
      out += "<invalid>";
      continue;
    }
    const Node& n = node(item.node);
    switch (n.op) {
      case Op::kConst:
        out += ConstString(*this, n);
        continue;
      case Op::kField:
        out += (fields[n.value].scope == Scope::kMember ? "member." : "") + fields[n.value].name;
        continue;
      case Op::kParam:
        out += "params." + params[n.value].name;
        continue;
      case Op::kAsOf:
        out += "as_of";
        continue;
      case Op::kEligible:
        out += "eligible(" + programs[n.value].id + ")";
        continue;
      default:
        break;
    }
    out += "(";
    out += OpName(n.op);
    stack.push_back({-1, ")"});
    for (std::size_t k = n.args.size(); k-- > 0;) {
      stack.push_back({n.args[k], nullptr});
      stack.push_back({-1, " "});
    }
  }
  return out;
}

std::string Module::DebugString() const {
  std::string out;
  for (const Field& f : fields) {
    if (f.derive >= 0) absl::StrAppend(&out, "derive ", f.name, " = ", NodeString(f.derive), "\n");
  }
  for (const Definition& d : definitions) {
    absl::StrAppend(&out, "def ", d.scope == Scope::kMember ? "member." : "", d.name, " = ", NodeString(d.node), "\n");
  }
  for (const Program& p : programs) {
    absl::StrAppend(&out, "program ", p.id, p.unit == Scope::kMember ? " (member)" : "", "\n");
    for (const Clause& c : p.criteria) absl::StrAppend(&out, "  ", c.id, ": ", NodeString(c.when), "\n");
    if (p.benefit >= 0) absl::StrAppend(&out, "  benefit: ", NodeString(p.benefit), "\n");
    if (p.priority >= 0) absl::StrAppend(&out, "  priority: ", NodeString(p.priority), "\n");
  }
  for (const Need& n : needs) absl::StrAppend(&out, "need ", n.id, ": ", NodeString(n.when), "\n");
  for (const Resource& r : resources) {
    if (r.accepts >= 0) absl::StrAppend(&out, "resource ", r.id, " accepts: ", NodeString(r.accepts), "\n");
  }
  absl::StrAppend(&out, "nodes: ", nodes.size(), "\n");
  return out;
}

}  // namespace layak::ir
