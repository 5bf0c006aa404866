#include "eval/plan.h"

#include <algorithm>
#include <atomic>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "util/civil_date.h"

namespace layak::eval {

namespace {

POp FromIr(ir::Op op) {
  switch (op) {
    case ir::Op::kNot:
      return POp::kNot;
    case ir::Op::kAnd:
      return POp::kAnd;
    case ir::Op::kOr:
      return POp::kOr;
    case ir::Op::kIf:
      return POp::kIf;
    case ir::Op::kDefault:
      return POp::kDefault;
    case ir::Op::kKnown:
      return POp::kKnown;
    case ir::Op::kEq:
      return POp::kEq;
    case ir::Op::kNe:
      return POp::kNe;
    case ir::Op::kLt:
      return POp::kLt;
    case ir::Op::kLe:
      return POp::kLe;
    case ir::Op::kGt:
      return POp::kGt;
    case ir::Op::kGe:
      return POp::kGe;
    case ir::Op::kInRange:
      return POp::kInRange;
    case ir::Op::kInSet:
      return POp::kInSet;
    case ir::Op::kAdd:
      return POp::kAdd;
    case ir::Op::kSub:
      return POp::kSub;
    case ir::Op::kMul:
      return POp::kMul;
    case ir::Op::kDiv:
      return POp::kDiv;
    case ir::Op::kMod:
      return POp::kMod;
    case ir::Op::kNeg:
      return POp::kNeg;
    case ir::Op::kToNumber:
      return POp::kToNumber;
    case ir::Op::kAny:
      return POp::kAny;
    case ir::Op::kAll:
      return POp::kAll;
    case ir::Op::kNone:
      return POp::kNone;
    case ir::Op::kCount:
      return POp::kCount;
    case ir::Op::kCountMembers:
      return POp::kCountMembers;
    case ir::Op::kSum:
      return POp::kSum;
    case ir::Op::kMinOf:
      return POp::kMinOf;
    case ir::Op::kMaxOf:
      return POp::kMaxOf;
    case ir::Op::kYearsBetween:
      return POp::kYearsBetween;
    case ir::Op::kMonthsBetween:
      return POp::kMonthsBetween;
    case ir::Op::kDaysBetween:
      return POp::kDaysBetween;
    case ir::Op::kMin:
      return POp::kMin;
    case ir::Op::kMax:
      return POp::kMax;
    case ir::Op::kAbs:
      return POp::kAbs;
    case ir::Op::kRound:
      return POp::kRound;
    case ir::Op::kFloor:
      return POp::kFloor;
    case ir::Op::kCeil:
      return POp::kCeil;
    default:
      return POp::kConst;  // handled by the compiler itself
  }
}

class Compiler {
 public:
  Compiler(const ir::Module& module, int32_t as_of, const ParamOverrides& overrides)
      : m_(module), overrides_(overrides) {
    plan_.module = &module;
    static std::atomic<uint64_t> next_id{1};
    plan_.id = next_id.fetch_add(1);
    plan_.as_of = as_of;
    plan_.field_used[0].assign(module.fields.size(), 0);
    plan_.field_used[1].assign(module.fields.size(), 0);
  }

  absl::StatusOr<Plan> Run(const std::vector<ir::NodeId>& roots) {
    plan_.programs.resize(m_.programs.size());
    for (int32_t p : m_.evaluation_order) {
      if (auto s = CompileProgram(p); !s.ok()) return s;
    }
    program_ = -1;
    for (ir::NodeId root : roots) {
      auto r = Compile(root, m_.node(root).scope);
      if (!r.ok()) return r.status();
      plan_.roots.push_back(*r);
    }
    MarkStatusInputs();
    return std::move(plan_);
  }

 private:
  absl::Status CompileProgram(int32_t p) {
    const ir::Program& prog = m_.programs[static_cast<std::size_t>(p)];
    PlanProgram& out = plan_.programs[static_cast<std::size_t>(p)];
    out.index = p;
    out.unit = prog.unit;
    out.in_force =
        (!prog.valid_from || plan_.as_of >= *prog.valid_from) && (!prog.valid_to || plan_.as_of <= *prog.valid_to);
    program_ = p;
    if (!out.in_force) {
      Instr i;
      i.op = POp::kConst;
      i.scope = prog.unit;
      i.type = {ir::Type::kBool, -1};
      i.imm = 0;
      i.program = p;
      out.status = Emit(std::move(i));
      return absl::OkStatus();
    }
    Instr status;
    status.op = POp::kStatus;
    status.scope = prog.unit;
    status.type = {ir::Type::kBool, -1};
    status.program = p;
    for (const ir::Clause& clause : prog.criteria) {
      auto r = Compile(clause.when, prog.unit);
      if (!r.ok()) return r.status();
      out.clauses.push_back(*r);
      status.args.push_back(*r);
    }
    out.status = Emit(std::move(status));
    if (prog.benefit >= 0) {
      auto r = Compile(prog.benefit, prog.unit);
      if (!r.ok()) return r.status();
      out.benefit = *r;
    }
    return absl::OkStatus();
  }

  // Arguments come before their users, so one backward sweep marks them all.
  void MarkStatusInputs() {
    auto& mark = plan_.for_status;
    mark.assign(plan_.instrs.size(), 0);
    for (const PlanProgram& p : plan_.programs) {
      if (p.status >= 0) mark[static_cast<std::size_t>(p.status)] = 1;
    }
    for (int32_t root : plan_.roots) mark[static_cast<std::size_t>(root)] = 1;
    for (std::size_t r = plan_.instrs.size(); r-- > 0;) {
      if (!mark[r]) continue;
      const Instr& i = plan_.instrs[r];
      for (int32_t a : {i.a, i.b, i.c}) {
        if (a >= 0) mark[static_cast<std::size_t>(a)] = 1;
      }
      for (int32_t a : i.args) mark[static_cast<std::size_t>(a)] = 1;
    }
  }

  int32_t Emit(Instr i) {
    plan_.instrs.push_back(std::move(i));
    return static_cast<int32_t>(plan_.instrs.size() - 1);
  }

  int32_t Broadcast(int32_t reg) {
    auto [it, fresh] = broadcast_.try_emplace(reg, -1);
    if (!fresh) return it->second;
    Instr i;
    i.op = POp::kBroadcast;
    i.scope = Scope::kMember;
    i.type = plan_.instrs[static_cast<std::size_t>(reg)].type;
    i.a = reg;
    i.node = plan_.instrs[static_cast<std::size_t>(reg)].node;
    int32_t r = Emit(std::move(i));
    it->second = r;
    return r;
  }

  // The value of a parameter in force on as_of (an override on every date),
  // or an error naming it and the program.
  absl::StatusOr<const pack::ParamValue*> InForce(int64_t index) {
    const ir::Param& param = m_.params[static_cast<std::size_t>(index)];
    const pack::ParamValue* best = nullptr;
    for (const pack::ParamValue& v : param.values) {
      if (v.from <= plan_.as_of && (best == nullptr || v.from >= best->from)) best = &v;
    }
    if (auto it = overrides_.find(index); it != overrides_.end()) best = &it->second;  // on every date
    if (best != nullptr) return best;
    std::string first;
    for (const pack::ParamValue& v : param.values) {
      if (first.empty() || util::FormatIsoDate(v.from) < first) first = util::FormatIsoDate(v.from);
    }
    return absl::FailedPreconditionError(absl::StrCat(
        "parameter '", param.name, "' has no value on ", util::FormatIsoDate(plan_.as_of),
        first.empty() ? std::string() : absl::StrCat(" (its first value is from ", first, ")"), ", but ",
        program_ < 0
            ? std::string("the expression")
            : absl::StrCat("program ", m_.programs[static_cast<std::size_t>(program_)].id, ", in force on that date,"),
        " reads it"));
  }

  // A parameter's scalar in the register representation.
  int64_t Scalar(const ir::Param& param, const std::string& text, int64_t number) {
    if (param.type.kind == ir::Type::kString || param.type.kind == ir::Type::kEnum) {
      if (param.type.kind == ir::Type::kEnum) {
        const auto& values = m_.domains[static_cast<std::size_t>(param.type.domain)].values;
        for (std::size_t i = 0; i < values.size(); ++i) {
          if (values[i] == text) return static_cast<int64_t>(i);
        }
      }
      return StringConst(text);
    }
    return number;
  }

  // A parameter's value on as_of.
  absl::StatusOr<int64_t> ParamValue(int64_t index, ir::TypeRef* type) {
    const ir::Param& param = m_.params[static_cast<std::size_t>(index)];
    *type = param.type;
    auto best = InForce(index);
    if (!best.ok()) return best.status();
    return Scalar(param, (*best)->text, (*best)->number);
  }

  // A table parameter on as_of as a look-up by the key field's value.
  absl::StatusOr<int64_t> LookupTable(int64_t index) {
    const ir::Param& param = m_.params[static_cast<std::size_t>(index)];
    auto best = InForce(index);
    if (!best.ok()) return best.status();
    Lookup t;
    t.param = static_cast<int32_t>(index);
    const ir::Field& key = m_.fields[static_cast<std::size_t>(param.key_field)];
    t.by_enum = key.type.kind == ir::Type::kEnum;
    if (t.by_enum) {
      const auto& domain = m_.domains[static_cast<std::size_t>(key.type.domain)].values;
      t.enum_value.assign(domain.size(), 0);
      t.enum_known.assign(domain.size(), 0);
      for (const pack::TableEntry& e : (*best)->table) {
        auto it = std::find(domain.begin(), domain.end(), e.key);
        if (it == domain.end()) continue;
        auto d = static_cast<std::size_t>(it - domain.begin());
        t.enum_value[d] = Scalar(param, e.text, e.number);
        t.enum_known[d] = 1;
      }
    } else {
      for (const pack::TableEntry& e : (*best)->table) t.text_value[e.key] = Scalar(param, e.text, e.number);
    }
    if (param.fallback) {
      t.has_fallback = true;
      t.fallback = Scalar(param, param.fallback->text, param.fallback->number);
    }
    plan_.lookups.push_back(std::move(t));
    return static_cast<int64_t>(plan_.lookups.size() - 1);
  }

  int64_t StringConst(const std::string& text) {
    for (std::size_t i = 0; i < plan_.strings.size(); ++i) {
      if (plan_.strings[i] == text) return StringHandle(0, static_cast<int64_t>(i));
    }
    plan_.strings.push_back(text);
    return StringHandle(0, static_cast<int64_t>(plan_.strings.size() - 1));
  }

  // The value of a constant or parameter node (lists, ranges, sum_top's k).
  absl::StatusOr<int64_t> ConstValue(ir::NodeId id) {
    const ir::Node& n = m_.node(id);
    if (n.op == ir::Op::kParam) {
      ir::TypeRef t;
      return ParamValue(n.value, &t);
    }
    if (n.op == ir::Op::kAsOf) return plan_.as_of;
    if (n.type.kind == ir::Type::kString) return StringConst(n.text);
    return n.value;
  }

  absl::StatusOr<int32_t> Compile(ir::NodeId id, Scope use) {
    const ir::Node& n = m_.node(id);
    if (n.scope == Scope::kHousehold && use == Scope::kMember) {
      auto r = Compile(id, Scope::kHousehold);
      if (!r.ok()) return r;
      return Broadcast(*r);
    }
    if (auto it = memo_.find(id); it != memo_.end()) return it->second;
    Instr i;
    i.scope = n.scope;
    i.type = n.type;
    i.node = id;
    // A table parameter (not overridden by one value) is looked up per household.
    if (n.op == ir::Op::kParam && !n.args.empty() && !overrides_.contains(n.value)) {
      i.op = POp::kLookup;
      auto key = Compile(n.args[0], Scope::kHousehold);
      if (!key.ok()) return key;
      i.a = *key;
      auto t = LookupTable(n.value);
      if (!t.ok()) return t.status();
      i.imm = *t;
      int32_t r = Emit(std::move(i));
      memo_[id] = r;
      return r;
    }
    switch (n.op) {
      case ir::Op::kConst:
      case ir::Op::kParam:
      case ir::Op::kAsOf: {
        i.op = POp::kConst;
        auto v = ConstValue(id);
        if (!v.ok()) return v.status();
        i.imm = *v;
        break;
      }
      case ir::Op::kField:
        i.op = POp::kField;
        i.imm = n.value;
        plan_.field_used[static_cast<int>(n.scope)][static_cast<std::size_t>(n.value)] = 1;
        break;
      case ir::Op::kEligible: {
        const PlanProgram& callee = plan_.programs[static_cast<std::size_t>(n.value)];
        int32_t r = callee.status;
        memo_[id] = r;
        return r;
      }
      case ir::Op::kInList: {
        i.op = POp::kInList;
        auto x = Compile(n.args[0], n.scope);
        if (!x.ok()) return x;
        i.a = *x;
        for (std::size_t k = 1; k < n.args.size(); ++k) {
          auto v = ConstValue(n.args[k]);
          if (!v.ok()) return v.status();
          i.list.push_back(*v);
        }
        plan_.max_list = std::max(plan_.max_list, static_cast<int>(i.list.size()));
        break;
      }
      case ir::Op::kSumTop: {
        i.op = POp::kSumTop;
        auto k = ConstValue(n.args[0]);
        if (!k.ok()) return k.status();
        i.imm = *k;
        auto v = Compile(n.args[1], Scope::kMember);
        if (!v.ok()) return v;
        i.a = *v;
        break;
      }
      case ir::Op::kCountTrue:
        i.op = POp::kCountTrue;
        i.interval = true;
        for (ir::NodeId arg : n.args) {
          auto r = Compile(arg, n.scope);
          if (!r.ok()) return r;
          i.args.push_back(*r);
        }
        break;
      default: {
        i.op = FromIr(n.op);
        bool quantifier = i.op == POp::kAny || i.op == POp::kAll || i.op == POp::kNone || i.op == POp::kCount ||
                          i.op == POp::kSum || i.op == POp::kMinOf || i.op == POp::kMaxOf;
        Scope arg_scope = quantifier ? Scope::kMember : n.scope;
        int32_t* slots[3] = {&i.a, &i.b, &i.c};
        for (std::size_t k = 0; k < n.args.size() && k < 3; ++k) {
          auto r = Compile(n.args[k], arg_scope);
          if (!r.ok()) return r;
          *slots[k] = *r;
        }
        if (i.op == POp::kCount) i.interval = true;
        if ((i.op == POp::kAdd || i.op == POp::kSub) && i.type.kind == ir::Type::kInt) {
          i.interval = plan_.instrs[static_cast<std::size_t>(i.a)].interval ||
                       plan_.instrs[static_cast<std::size_t>(i.b)].interval;
        }
        break;
      }
    }
    int32_t r = Emit(std::move(i));
    memo_[id] = r;
    return r;
  }

  const ir::Module& m_;
  Plan plan_;
  int32_t program_ = -1;
  const ParamOverrides& overrides_;
  absl::flat_hash_map<ir::NodeId, int32_t> memo_;
  absl::flat_hash_map<int32_t, int32_t> broadcast_;
};

}  // namespace

absl::StatusOr<Plan> CompilePlan(const ir::Module& module, int32_t as_of, const std::vector<ir::NodeId>& roots,
                                 const ParamOverrides& overrides) {
  return Compiler(module, as_of, overrides).Run(roots);
}

const char* POpName(POp op) {
  static const char* const kNames[] = {"const",
                                       "field",
                                       "broadcast",
                                       "status",
                                       "not",
                                       "and",
                                       "or",
                                       "if",
                                       "default",
                                       "known",
                                       "eq",
                                       "ne",
                                       "lt",
                                       "le",
                                       "gt",
                                       "ge",
                                       "in_list",
                                       "in_range",
                                       "in_set",
                                       "add",
                                       "sub",
                                       "mul",
                                       "div",
                                       "mod",
                                       "neg",
                                       "to_number",
                                       "any",
                                       "all",
                                       "none",
                                       "count",
                                       "count_members",
                                       "sum",
                                       "min_of",
                                       "max_of",
                                       "sum_top",
                                       "count_true",
                                       "years_between",
                                       "months_between",
                                       "days_between",
                                       "min",
                                       "max",
                                       "abs",
                                       "round",
                                       "floor",
                                       "ceil",
                                       "lookup"};
  return kNames[static_cast<int>(op)];
}

}  // namespace layak::eval
