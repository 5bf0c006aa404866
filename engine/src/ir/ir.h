// The typed IR: every expression of a pack, bound and type-checked, as nodes
// in one flat vector. Identical sub-expressions are one node (hash-consing),
// so a condition shared by several programs is computed once. Produced by
// check/check_pack.h from the pack model; consumed by the plan compiler and
// the vectorised evaluator. Public view: layak/rule_pack.h.
#ifndef LAYAK_IR_IR_H_
#define LAYAK_IR_IR_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "pack/pack_model.h"

namespace layak::ir {

using pack::Scope;

// Value types of the language.
enum class Type : uint8_t { kBool, kInt, kNumber, kString, kDate, kEnum, kSet };

// A type; enums and sets also name their domain (the declared values).
struct TypeRef {
  Type kind = Type::kBool;
  int32_t domain = -1;
  bool operator==(const TypeRef& o) const { return kind == o.kind && domain == o.domain; }
  bool operator!=(const TypeRef& o) const { return !(*this == o); }
};

// Index of a node in Module::nodes; -1 for none.
using NodeId = int32_t;

// IR operations. Values: bool 0/1; int as is; number scaled by 10^6; date as
// days since 1970-01-01; enum as its value's index; set as a bitmask.
enum class Op : uint8_t {
  kConst,     // constant: value (or text for strings)
  kField,     // an input column: value = field index
  kParam,     // a parameter, resolved at plan time for as_of: value = param index
  kAsOf,      // the evaluation date
  kEligible,  // another program's result: value = program index
  kNot,
  kAnd,
  kOr,       // Kleene logic
  kIf,       // args: condition, then, else
  kDefault,  // a ?? b
  kKnown,    // known(x): never unknown
  kEq,
  kNe,
  kLt,
  kLe,
  kGt,
  kGe,       // comparisons of two same-typed args
  kInList,   // args: x, then constant or parameter elements
  kInRange,  // args: x, lo, hi (inclusive)
  kInSet,    // args: enum value, set
  kAdd,
  kSub,
  kMul,
  kDiv,
  kMod,
  kNeg,       // arithmetic; kDiv yields number
  kToNumber,  // int -> number
  kAny,
  kAll,
  kNone,          // quantifiers over members: arg is a member-scope bool
  kCount,         // count(members, p): interval when p has unknowns
  kCountMembers,  // count(members): exact
  kSum,
  kMinOf,
  kMaxOf,      // over members: arg is a member-scope value
  kSumTop,     // args: k (constant or parameter), member-scope value
  kCountTrue,  // count_true([...]): interval when some are unknown
  kYearsBetween,
  kMonthsBetween,
  kDaysBetween,
  kMin,
  kMax,
  kAbs,
  kRound,
  kFloor,
  kCeil,
};

// Where a node came from: an expression of the pack and a span in it.
struct Origin {
  int32_t expr = -1;
  uint32_t begin = 0, end = 0;
};

// One IR node.
struct Node {
  Op op = Op::kConst;
  TypeRef type;
  Scope scope = Scope::kHousehold;  // kMember: one value per member row
  std::vector<NodeId> args;
  int64_t value = 0;
  std::string text;
  Origin origin;  // the first place this node was written
};

// The declared values of an enum or set.
struct Domain {
  std::vector<std::string> values;
  std::string field;  // the first field that declared it, for messages
};

// A schema field. Derived fields have `derive` set and are not input columns.
struct Field {
  std::string name;
  Scope scope = Scope::kHousehold;
  TypeRef type;
  bool key = false, is_protected = false, sensitive = false;
  std::optional<int64_t> min, max;
  std::map<std::string, std::string> aliases;
  NodeId derive = -1;
};

// A parameter with its effective-dated values (all of `type`).
// A table parameter (`key_field` >= 0) has table values: read in an
// expression, it is the row of the household's key value, else `fallback`,
// else unknown.
struct Param {
  std::string name;
  TypeRef type;
  std::vector<pack::ParamValue> values;
  int32_t key_field = -1;  // a household field, enum or string
  std::optional<pack::ParamValue> fallback;
};

// A program whose places are limited per key value by a table parameter.
struct Quota {
  int32_t program = -1;
  int32_t param = -1;
};

// A named expression.
struct Definition {
  std::string name;
  Scope scope = Scope::kHousehold;
  NodeId node = -1;
};

// One criterion of a program.
struct Clause {
  std::string id;
  NodeId when = -1;
  int32_t expr = -1;
  std::string text_id, text_en, source, justification;
};

// A program: criteria in order, optional benefit (int) and priority.
struct Program {
  std::string id, name, source;
  Scope unit = Scope::kHousehold;
  std::optional<int32_t> valid_from, valid_to;
  std::vector<Clause> criteria;
  NodeId benefit = -1, priority = -1;
  std::vector<std::string> services;
  std::vector<int32_t> depends_on;  // programs read through eligible()
};

// A need: a household-scope condition and the services it calls for.
struct Need {
  std::string id;
  NodeId when = -1;
  std::vector<std::string> services;
  std::string urgency;
};

// A resource; `accepts` is a household-scope condition or -1.
struct Resource {
  std::string id, name, kecamatan;
  std::vector<std::string> services;
  NodeId accepts = -1;
  std::optional<int64_t> capacity;
  std::optional<double> lat, lon;
  bool serves_all = true;
  std::vector<std::string> serves_kecamatan;
};

// A whole checked pack in IR form.
class Module {
 public:
  std::vector<Node> nodes;
  std::vector<Domain> domains;
  std::vector<Field> fields;
  std::vector<Param> params;
  std::vector<Definition> definitions;
  std::vector<Program> programs;          // pack order
  std::vector<int32_t> evaluation_order;  // programs, dependencies first
  std::vector<Need> needs;
  std::vector<Resource> resources;
  std::vector<Quota> quotas;
  std::vector<pack::ExprSource> exprs;  // Origin::expr indexes this

  // Adds `node`, or returns the existing identical node (origin aside).
  NodeId Intern(Node node);
  const Node& node(NodeId id) const { return nodes[static_cast<std::size_t>(id)]; }
  // Look-ups by name; -1 when absent. REQUIRES: BuildIndex() after the last
  // field or program was added.
  int FindField(const std::string& name, Scope scope) const;
  int FindProgram(const std::string& id) const;
  void BuildIndex();

  // "bool", "int", "enum disability", ...
  std::string TypeName(const TypeRef& type) const;
  // Prefix dump of one node: (and (<= desil 4) (any age<6)).
  std::string NodeString(NodeId id) const;
  // Every program, need and resource with its nodes; used by golden tests.
  std::string DebugString() const;

 private:
  absl::flat_hash_map<std::string, NodeId> interned_;
  absl::flat_hash_map<std::string, int> field_index_[2];
  absl::flat_hash_map<std::string, int> program_index_;
};

// The operation's name in dumps ("and", "in_list", "sum_top").
const char* OpName(Op op);

}  // namespace layak::ir

#endif  // LAYAK_IR_IR_H_
