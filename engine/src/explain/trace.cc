// TraceHousehold: a batch of one through the evaluator, then a walk over the
// registers under each clause to find the inputs that decided it.
#include "explain/trace.h"

#include <algorithm>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "run/writers.h"
#include "util/civil_date.h"
#include "util/decimal.h"

namespace layak::explain {
namespace {

using eval::Instr;
using eval::POp;

bool IsComparison(POp op) {
  return op == POp::kEq || op == POp::kNe || op == POp::kLt || op == POp::kLe || op == POp::kGt || op == POp::kGe;
}

// The pack text an IR node was written as (first occurrence, after hash-consing).
std::string NodeText(const ir::Module& m, ir::NodeId id) {
  if (id < 0) return "";
  const ir::Node& n = m.node(id);
  if (n.origin.expr < 0) return "";
  const std::string& text = m.exprs[static_cast<std::size_t>(n.origin.expr)].text;
  if (n.origin.end > text.size() || n.origin.begin >= n.origin.end) return "";
  return text.substr(n.origin.begin, n.origin.end - n.origin.begin);
}

// Derived fields by the IR node of their expression: an input such as age
// is reported as itself, not as the birth date under it.
using DerivedFields = absl::flat_hash_map<ir::NodeId, int32_t>;

DerivedFields DerivedFieldsOf(const ir::Module& m) {
  DerivedFields out;
  for (std::size_t f = 0; f < m.fields.size(); ++f) {
    if (m.fields[f].derive >= 0) out[m.fields[f].derive] = static_cast<int32_t>(f);
  }
  return out;
}

class InputWalker {
 public:
  InputWalker(const eval::Plan& plan, const data::CaseloadData& data, const eval::Scratch& s,
              const DerivedFields& derived)
      : plan_(plan), data_(data), s_(s), derived_(derived) {}

  // Inputs under `reg` at `row` (a household row, or a member row when the
  // register is at member scope); member_row < 0: every member of the household.
  void Walk(int32_t reg, std::size_t hh_row, int64_t member_row, std::vector<InputValue>* out) {
    if (!seen_.insert({reg, member_row}).second) return;
    const Instr& i = plan_.instr(reg);
    if (i.scope == pack::Scope::kMember && member_row < 0) {
      for (uint32_t m = s_.moff[hh_row]; m < s_.moff[hh_row + 1]; ++m) Walk(reg, hh_row, m, out);
      return;
    }
    auto derived = derived_.find(i.node);
    if (i.op == POp::kField || derived != derived_.end()) {
      int32_t field = i.op == POp::kField ? static_cast<int32_t>(i.imm) : derived->second;
      std::size_t row = i.scope == pack::Scope::kMember ? static_cast<std::size_t>(member_row) : hh_row;
      InputValue v;
      v.field = field;
      v.member = i.scope == pack::Scope::kMember ? static_cast<int>(row - s_.moff[hh_row] + 1) : 0;
      v.known = s_.known(reg)[row] != 0;
      if (v.known) v.value = FormatRegister(plan_, data_, s_, reg, row);
      for (const InputValue& o : *out) {
        if (o.field == v.field && o.member == v.member) return;
      }
      out->push_back(std::move(v));
      return;
    }
    if (i.op == POp::kStatus) {  // eligible("X"): X's status is the input; X has its own trace
      std::size_t row = i.scope == pack::Scope::kMember ? static_cast<std::size_t>(member_row) : hh_row;
      InputValue v;
      v.program = i.program;
      v.member = i.scope == pack::Scope::kMember ? static_cast<int>(row - s_.moff[hh_row] + 1) : 0;
      v.known = true;
      v.value = eval::StatusName(eval::StatusAt(s_, reg, row));
      out->push_back(std::move(v));
      return;
    }
    if (i.op == POp::kConst) return;
    if (i.op == POp::kBroadcast) {
      Walk(i.a, hh_row, -1, out);
      return;
    }
    // From household scope, member-scope operands are read for every member.
    int64_t next = i.scope == pack::Scope::kHousehold ? -1 : member_row;
    for (int32_t a : {i.a, i.b, i.c}) {
      if (a >= 0) Walk(a, hh_row, next, out);
    }
    for (int32_t a : i.args) Walk(a, hh_row, next, out);
  }

 private:
  struct PairHash {
    std::size_t operator()(const std::pair<int32_t, int64_t>& p) const {
      return std::hash<int64_t>()((static_cast<int64_t>(p.first) << 32) ^ p.second);
    }
  };
  const eval::Plan& plan_;
  const data::CaseloadData& data_;
  const eval::Scratch& s_;
  const DerivedFields& derived_;
  absl::flat_hash_set<std::pair<int32_t, int64_t>, PairHash> seen_;
};

// `text` with each `params.NAME` under register `reg` replaced by its value
// on the as-of date: a reader wants "desil <= 4", not the parameter's name.
std::string WithParamValues(const eval::Plan& plan, const data::CaseloadData& data, const eval::Scratch& s, int32_t reg,
                            std::string text) {
  std::vector<int32_t> stack = {reg};
  absl::flat_hash_set<int32_t> seen;
  while (!stack.empty()) {
    int32_t r = stack.back();
    stack.pop_back();
    if (!seen.insert(r).second) continue;
    const Instr& i = plan.instr(r);
    if ((i.op == POp::kConst || i.op == POp::kLookup) && i.node >= 0 &&
        plan.module->node(i.node).op == ir::Op::kParam) {
      const std::string& name = plan.module->params[static_cast<std::size_t>(plan.module->node(i.node).value)].name;
      std::string value = FormatRegister(plan, data, s, r, 0);
      if (i.type.kind == ir::Type::kString || i.type.kind == ir::Type::kEnum) value = absl::StrCat("'", value, "'");
      text = absl::StrReplaceAll(text, {{absl::StrCat("params.", name), value}});
      continue;
    }
    if (i.op == POp::kStatus) continue;
    for (int32_t a : {i.a, i.b, i.c}) {
      if (a >= 0) stack.push_back(a);
    }
    for (int32_t a : i.args) stack.push_back(a);
  }
  return text;
}

void TraceClauses(const eval::Plan& plan, const data::CaseloadData& data, const eval::Scratch& s,
                  const DerivedFields& derived_fields, const eval::PlanProgram& pp, std::size_t row, ProgramTrace* t) {
  const ir::Program& prog = plan.module->programs[static_cast<std::size_t>(pp.index)];
  bool member = pp.unit == pack::Scope::kMember;
  std::size_t hh = member ? s.mhh[row] : row;
  int failed = 0, unknown = 0;
  for (std::size_t k = 0; k < pp.clauses.size(); ++k) {
    ClauseTrace c;
    c.clause = static_cast<int32_t>(k);
    c.value = eval::StatusAt(s, pp.clauses[k], row);
    failed += c.value == eval::Status::kIneligible ? 1 : 0;
    unknown += c.value == eval::Status::kUnknown ? 1 : 0;
    InputWalker(plan, data, s, derived_fields)
        .Walk(pp.clauses[k], hh, member ? static_cast<int64_t>(row) : -1, &c.inputs);
    std::sort(c.inputs.begin(), c.inputs.end(), [](const InputValue& a, const InputValue& b) {
      if (a.member != b.member) return a.member < b.member;
      return a.program != b.program ? a.program < b.program : a.field < b.field;
    });
    if (c.value == eval::Status::kUnknown) {
      std::vector<std::string> errors;
      eval::CollectMissing(plan, s, pp.clauses[k], row, "", &c.missing, &errors);
    }
    t->clauses.push_back(std::move(c));
  }
  if (failed != 1 || unknown != 0) return;
  // One clause alone failed: say what it needs and what the value is now.
  for (ClauseTrace& c : t->clauses) {
    if (c.value != eval::Status::kIneligible) continue;
    int32_t reg = pp.clauses[static_cast<std::size_t>(c.clause)];
    auto at = [&](int32_t r) { return plan.instr(r).scope == pack::Scope::kMember || !member ? row : hh; };
    // In `a and b` with one side false, that side is what must change; a
    // household value read per person is the household's.
    while (plan.instr(reg).op == POp::kAnd || plan.instr(reg).op == POp::kBroadcast) {
      const Instr& i = plan.instr(reg);
      if (i.op == POp::kBroadcast) {
        reg = i.a;
        continue;
      }
      bool a_false = s.known(i.a)[at(i.a)] && s.values(i.a)[at(i.a)] == 0;
      bool b_false = s.known(i.b)[at(i.b)] && s.values(i.b)[at(i.b)] == 0;
      if (a_false == b_false) break;
      reg = a_false ? i.a : i.b;
    }
    const Instr& i = plan.instr(reg);
    c.needs = WithParamValues(plan, data, s, reg, NodeText(*plan.module, i.node));
    if (!IsComparison(i.op)) continue;
    if (plan.instr(i.a).op == POp::kConst || !s.known(i.a)[at(i.a)]) continue;
    c.now = FormatRegister(plan, data, s, i.a, at(i.a));
    // A field, or a derived field such as age, is named by the clause itself.
    bool derived = derived_fields.contains(plan.instr(i.a).node);
    if (plan.instr(i.a).op != POp::kField && !derived) c.now_operand = NodeText(*plan.module, plan.instr(i.a).node);
  }
}

}  // namespace

std::string FormatRegister(const eval::Plan& plan, const data::CaseloadData& data, const eval::Scratch& s, int32_t reg,
                           std::size_t row) {
  if (!s.known(reg)[row]) return "";
  const Instr& i = plan.instr(reg);
  int64_t v = s.values(reg)[row];
  switch (i.type.kind) {
    case ir::Type::kBool:
      return v != 0 ? "true" : "false";
    case ir::Type::kInt:
      if (i.interval && s.hi(reg)[row] != v) return absl::StrCat(v, "..", s.hi(reg)[row]);
      return absl::StrCat(v);
    case ir::Type::kNumber:
      return util::FormatScaledDecimal(v);
    case ir::Type::kDate:
      return util::FormatIsoDate(static_cast<int32_t>(v));
    case ir::Type::kString:
      return std::string(eval::StringOf(plan, data, v));
    case ir::Type::kEnum: {
      const auto& values = plan.module->domains[static_cast<std::size_t>(i.type.domain)].values;
      return v >= 0 && static_cast<std::size_t>(v) < values.size() ? values[static_cast<std::size_t>(v)] : "?";
    }
    case ir::Type::kSet: {
      const auto& values = plan.module->domains[static_cast<std::size_t>(i.type.domain)].values;
      std::vector<std::string> items;
      for (std::size_t b = 0; b < values.size() && b < 64; ++b) {
        if ((static_cast<uint64_t>(v) >> b) & 1U) items.push_back(values[b]);
      }
      return items.empty() ? "{}" : absl::StrJoin(items, "|");
    }
  }
  return "";
}

Trace TraceHousehold(const eval::Plan& plan, const data::CaseloadData& data, std::size_t h, eval::Scratch* s) {
  eval::EvaluateBatch(plan, data, h, 1, s);
  Trace t;
  t.household_id = std::string(data.HouseholdKey(h));
  t.as_of = plan.as_of;
  t.members = s->moff[1] - s->moff[0];
  int member_key = data.key_field(pack::Scope::kMember);
  const DerivedFields derived = DerivedFieldsOf(*plan.module);
  for (std::size_t p = 0; p < plan.programs.size(); ++p) {
    const eval::PlanProgram& pp = plan.programs[p];
    bool member = pp.unit == pack::Scope::kMember;
    uint32_t begin = member ? s->moff[0] : 0, end = member ? s->moff[1] : 1;
    for (uint32_t row = begin; row < end; ++row) {
      ProgramTrace& pt = t.programs.emplace_back();
      pt.program = static_cast<int32_t>(p);
      pt.in_force = pp.in_force;
      if (member) {
        pt.member = static_cast<int>(row - begin + 1);
        if (member_key >= 0) run::AppendKey(data, pack::Scope::kMember, s->m0 + row, &pt.member_id);
      }
      eval::ResultAt(plan, data, *s, static_cast<int32_t>(p), row, &pt.result);
      if (pp.in_force) TraceClauses(plan, data, *s, derived, pp, row, &pt);
    }
  }
  return t;
}

}  // namespace layak::explain
