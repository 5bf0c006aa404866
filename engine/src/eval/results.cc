#include "eval/results.h"

#include <algorithm>

#include "absl/strings/str_cat.h"

namespace layak::eval {

const char* StatusName(Status s) {
  switch (s) {
    case Status::kIneligible:
      return "ineligible";
    case Status::kEligible:
      return "eligible";
    case Status::kUnknown:
      return "unknown";
  }
  return "unknown";
}

namespace {

void AddOnce(std::vector<std::string>* list, std::string item) {
  if (std::find(list->begin(), list->end(), item) == list->end()) list->push_back(std::move(item));
}

class Walker {
 public:
  Walker(const Plan& plan, const Scratch& s, std::vector<std::string>* missing, std::vector<std::string>* errors)
      : plan_(plan), s_(s), missing_(missing), errors_(errors) {}

  void Walk(int32_t reg, std::size_t row, const std::string& context) {
    if (s_.known(reg)[row]) return;
    for (const EvalError& e : s_.errors) {
      if (e.reg == reg && e.row == row) {
        const char* what = e.kind == EvalErrorKind::kDivisionByZero ? "division by zero" : "integer overflow";
        AddOnce(errors_, absl::StrCat(what, " in ", context));
        return;
      }
    }
    const Instr& i = plan_.instr(reg);
    switch (i.op) {
      case POp::kConst:
        return;
      case POp::kField: {
        const ir::Field& f = plan_.module->fields[static_cast<std::size_t>(i.imm)];
        if (i.scope == Scope::kHousehold) {
          AddOnce(missing_, f.name);
        } else {
          std::size_t index = row - s_.moff[s_.mhh[row]] + 1;
          AddOnce(missing_, absl::StrCat("members[", index, "].", f.name));
        }
        return;
      }
      case POp::kBroadcast:
        Walk(i.a, s_.mhh[row], context);
        return;
      case POp::kLookup:
        if (s_.known(i.a)[row]) {  // the key is known: the pack's table has no row for it
          const Lookup& t = plan_.lookups[static_cast<std::size_t>(i.imm)];
          const ir::Param& p = plan_.module->params[static_cast<std::size_t>(t.param)];
          AddOnce(errors_,
                  absl::StrCat("parameter '", p.name, "' has no row for this household's ",
                               plan_.module->fields[static_cast<std::size_t>(p.key_field)].name, " in ", context));
          return;
        }
        Walk(i.a, row, context);
        return;
      case POp::kStatus: {
        const ir::Program& prog = plan_.module->programs[static_cast<std::size_t>(i.program)];
        for (std::size_t k = 0; k < i.args.size(); ++k) {
          Walk(i.args[k], row, absl::StrCat("clause '", prog.criteria[k].id, "' of ", prog.id));
        }
        return;
      }
      case POp::kIf:
        if (s_.known(i.a)[row]) {
          Walk(s_.values(i.a)[row] != 0 ? i.b : i.c, row, context);
        } else {
          Walk(i.a, row, context);
        }
        return;
      case POp::kAny:
      case POp::kAll:
      case POp::kNone:
      case POp::kCount:
      case POp::kSum:
      case POp::kMinOf:
      case POp::kMaxOf:
      case POp::kSumTop:
        for (uint32_t m = s_.moff[row]; m < s_.moff[row + 1]; ++m) Walk(i.a, m, context);
        return;
      case POp::kCountTrue:
        for (int32_t a : i.args) Walk(a, row, context);
        return;
      default:
        for (int32_t a : {i.a, i.b, i.c}) {
          if (a >= 0) Walk(a, row, context);
        }
        return;
    }
  }

 private:
  const Plan& plan_;
  const Scratch& s_;
  std::vector<std::string>* missing_;
  std::vector<std::string>* errors_;
};

}  // namespace

void CollectMissing(const Plan& plan, const Scratch& s, int32_t reg, std::size_t row, const std::string& context,
                    std::vector<std::string>* missing, std::vector<std::string>* errors) {
  Walker(plan, s, missing, errors).Walk(reg, row, context);
}

void ResultAt(const Plan& plan, const data::CaseloadData& data, const Scratch& s, int32_t p, std::size_t row,
              RowResult* out) {
  (void)data;
  const PlanProgram& pp = plan.programs[static_cast<std::size_t>(p)];
  const ir::Program& prog = plan.module->programs[static_cast<std::size_t>(p)];
  out->program = p;
  if (pp.unit == Scope::kMember) {
    out->member = static_cast<int64_t>(s.m0 + row);
    out->household = s.h0 + s.mhh[row];
  } else {
    out->member = -1;
    out->household = s.h0 + row;
  }
  out->status = StatusAt(s, pp.status, row);
  out->failed_clauses.clear();
  out->missing_fields.clear();
  out->errors.clear();
  out->has_benefit = false;
  if (!pp.in_force) {
    out->failed_clauses.push_back("valid");
    return;
  }
  if (out->status == Status::kIneligible) {
    for (std::size_t k = 0; k < pp.clauses.size(); ++k) {
      int32_t c = pp.clauses[k];
      if (s.known(c)[row] && s.values(c)[row] == 0) out->failed_clauses.push_back(prog.criteria[k].id);
    }
    return;
  }
  if (out->status == Status::kUnknown) {
    CollectMissing(plan, s, pp.status, row, "", &out->missing_fields, &out->errors);
    return;
  }
  if (pp.benefit >= 0) {
    if (s.known(pp.benefit)[row]) {
      out->has_benefit = true;
      out->benefit = s.values(pp.benefit)[row];
    } else {
      CollectMissing(plan, s, pp.benefit, row, absl::StrCat("the benefit of ", prog.id), &out->missing_fields,
                     &out->errors);
    }
  }
}

}  // namespace layak::eval
