// Module bookkeeping: hash-consing of nodes, look-ups, type names.
#include "ir/ir.h"

#include "absl/strings/str_cat.h"

namespace layak::ir {

NodeId Module::Intern(Node node) {
  std::string key =
      absl::StrCat(static_cast<int>(node.op), ":", static_cast<int>(node.type.kind), ":", node.type.domain, ":",
                   static_cast<int>(node.scope), ":", node.value, ":", node.text.size(), ":", node.text, ":");
  for (NodeId a : node.args) absl::StrAppend(&key, a, ",");
  auto [it, inserted] = interned_.emplace(std::move(key), static_cast<NodeId>(nodes.size()));
  if (inserted) nodes.push_back(std::move(node));
  return it->second;
}

void Module::BuildIndex() {
  for (auto& index : field_index_) index.clear();
  program_index_.clear();
  // First declaration wins, as the linear search did.
  for (std::size_t i = 0; i < fields.size(); ++i) {
    field_index_[static_cast<int>(fields[i].scope)].emplace(fields[i].name, static_cast<int>(i));
  }
  for (std::size_t i = 0; i < programs.size(); ++i) program_index_.emplace(programs[i].id, static_cast<int>(i));
}

int Module::FindField(const std::string& name, Scope scope) const {
  const auto& index = field_index_[static_cast<int>(scope)];
  auto it = index.find(name);
  return it == index.end() ? -1 : it->second;
}

int Module::FindProgram(const std::string& id) const {
  auto it = program_index_.find(id);
  return it == program_index_.end() ? -1 : it->second;
}

std::string Module::TypeName(const TypeRef& type) const {
  switch (type.kind) {
    case Type::kBool:
      return "bool";
    case Type::kInt:
      return "int";
    case Type::kNumber:
      return "number";
    case Type::kString:
      return "string";
    case Type::kDate:
      return "date";
    case Type::kEnum:
    case Type::kSet: {
      std::string base = type.kind == Type::kEnum ? "enum" : "set";
      if (type.domain >= 0 && type.domain < static_cast<int>(domains.size())) {
        return absl::StrCat(base, " ", domains[type.domain].field);
      }
      return base;
    }
  }
  return "?";
}

const char* OpName(Op op) {
  switch (op) {
    case Op::kConst:
      return "const";
    case Op::kField:
      return "field";
    case Op::kParam:
      return "param";
    case Op::kAsOf:
      return "as_of";
    case Op::kEligible:
      return "eligible";
    case Op::kNot:
      return "not";
    case Op::kAnd:
      return "and";
    case Op::kOr:
      return "or";
    case Op::kIf:
      return "if";
    case Op::kDefault:
      return "??";
    case Op::kKnown:
      return "known";
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
    case Op::kInList:
      return "in_list";
    case Op::kInRange:
      return "in_range";
    case Op::kInSet:
      return "in_set";
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
    case Op::kNeg:
      return "neg";
    case Op::kToNumber:
      return "to_number";
    case Op::kAny:
      return "any";
    case Op::kAll:
      return "all";
    case Op::kNone:
      return "none";
    case Op::kCount:
      return "count";
    case Op::kCountMembers:
      return "count_members";
    case Op::kSum:
      return "sum";
    case Op::kMinOf:
      return "min_of";
    case Op::kMaxOf:
      return "max_of";
    case Op::kSumTop:
      return "sum_top";
    case Op::kCountTrue:
      return "count_true";
    case Op::kYearsBetween:
      return "years_between";
    case Op::kMonthsBetween:
      return "months_between";
    case Op::kDaysBetween:
      return "days_between";
    case Op::kMin:
      return "min";
    case Op::kMax:
      return "max";
    case Op::kAbs:
      return "abs";
    case Op::kRound:
      return "round";
    case Op::kFloor:
      return "floor";
    case Op::kCeil:
      return "ceil";
  }
  return "?";
}

}  // namespace layak::ir
