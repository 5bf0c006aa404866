// Public DescribeSchema: the declared fields (pack model) joined with what the
// checked IR says about who reads them.
#include <algorithm>
#include <cstddef>

#include "absl/container/flat_hash_map.h"
#include "api/rule_pack_impl.h"
#include "layak/schema.h"

namespace layak {
namespace {

// Marks every field the node reads, following definitions (already inlined
// as nodes), derived fields and other programs' eligibility.
class ReadCollector {
 public:
  explicit ReadCollector(const ir::Module& m)
      : m_(m), seen_node_(m.nodes.size(), 0), seen_program_(m.programs.size(), 0), reads_(m.fields.size(), 0) {
    // A derived field's uses are its expression, inlined: reaching that node reads the field.
    for (std::size_t f = 0; f < m.fields.size(); ++f) {
      if (m.fields[f].derive >= 0) derived_of_[m.fields[f].derive] = f;
    }
  }

  void Program(std::size_t p) {
    if (seen_program_[p]) return;
    seen_program_[p] = 1;
    const ir::Program& prog = m_.programs[p];
    for (const ir::Clause& c : prog.criteria) Node(c.when);
    Node(prog.benefit);
    Node(prog.priority);
  }
  const std::vector<uint8_t>& reads() const { return reads_; }

 private:
  void Node(ir::NodeId root) {
    std::vector<ir::NodeId> stack = {root};
    while (!stack.empty()) {
      ir::NodeId id = stack.back();
      stack.pop_back();
      if (id < 0 || seen_node_[static_cast<std::size_t>(id)]) continue;
      seen_node_[static_cast<std::size_t>(id)] = 1;
      const ir::Node& n = m_.node(id);
      if (auto d = derived_of_.find(id); d != derived_of_.end()) reads_[d->second] = 1;
      if (n.op == ir::Op::kField) {
        auto f = static_cast<std::size_t>(n.value);
        reads_[f] = 1;
        stack.push_back(m_.fields[f].derive);
      } else if (n.op == ir::Op::kEligible) {
        Program(static_cast<std::size_t>(n.value));
      }
      stack.insert(stack.end(), n.args.begin(), n.args.end());
    }
  }

  const ir::Module& m_;
  std::vector<uint8_t> seen_node_, seen_program_, reads_;
  absl::flat_hash_map<ir::NodeId, std::size_t> derived_of_;
};

// The public enum mirrors the model's, value for value.
static_assert(static_cast<int>(FieldType::kDate) == static_cast<int>(pack::FieldType::kDate));
static_assert(static_cast<int>(FieldType::kSet) == static_cast<int>(pack::FieldType::kSet));
FieldType PublicType(pack::FieldType t) { return static_cast<FieldType>(t); }

}  // namespace

const char* FieldTypeName(FieldType type) { return pack::FieldTypeName(static_cast<pack::FieldType>(type)); }

std::vector<FieldInfo> DescribeSchema(const RulePack& pack) {
  const pack::PackModel& model = pack.impl().model;
  const ir::Module& m = *pack.impl().module;
  // Which fields each program reads: one walk per program, so that a field
  // is listed under every program that depends on it.
  std::vector<std::vector<std::string>> readers(m.fields.size());
  for (std::size_t p = 0; p < m.programs.size(); ++p) {
    ReadCollector c(m);
    c.Program(p);
    for (std::size_t f = 0; f < m.fields.size(); ++f) {
      if (c.reads()[f]) readers[f].push_back(m.programs[p].id);
    }
  }
  std::vector<FieldInfo> out;
  for (pack::Scope scope : {pack::Scope::kHousehold, pack::Scope::kMember}) {
    for (std::size_t f = 0; f < model.fields.size(); ++f) {
      const pack::FieldDecl& d = model.fields[f];
      if (d.scope != scope) continue;
      FieldInfo& i = out.emplace_back();
      i.name = d.name;
      i.level = scope == pack::Scope::kMember ? FieldLevel::kMember : FieldLevel::kHousehold;
      i.type = PublicType(d.type);
      i.values = d.values;
      i.aliases.assign(d.aliases.begin(), d.aliases.end());
      i.min = d.min;
      i.max = d.max;
      i.key = d.key;
      i.is_protected = d.is_protected;
      i.sensitive = d.sensitive;
      i.derived = d.derive.has_value();
      i.doc = d.doc;
      i.label_id = d.label_id;
      i.label_en = d.label_en;
      if (f < readers.size()) i.programs = std::move(readers[f]);
    }
  }
  return out;
}

}  // namespace layak
