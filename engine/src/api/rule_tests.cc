// RunPackTests: each test case becomes a caseload of one household (through
// the public builder, read with the CSV spellings), evaluated and explained
// by the same code as every other run.
#include "layak/rule_tests.h"

#include <algorithm>
#include <map>
#include <set>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "api/rule_pack_impl.h"
#include "layak/caseload.h"
#include "layak/evaluate.h"
#include "util/civil_date.h"
#include "util/decimal.h"

namespace layak {
namespace {

SourceLocation Where(const pack::PackModel& model, const pack::Loc& loc) {
  if (loc.file < 0) return {};
  const util::SourceText& f = model.files[static_cast<std::size_t>(loc.file)];
  util::LineCol lc = f.Locate(loc.offset);
  return {f.path(), lc.line, lc.column, static_cast<int>(loc.length)};
}

// The household of a test as a caseload of one.
absl::StatusOr<Caseload> TestCaseload(const RulePack& pack, const pack::TestDecl& t, std::size_t index) {
  const ir::Module& m = *pack.impl().module;
  CaseloadBuilder b(pack);
  b.SetHouseholdCount(1);
  std::vector<int64_t> of(t.members.size(), 0);
  b.SetMemberHouseholds(of);
  bool has_key = false;
  int key = -1;
  for (std::size_t f = 0; f < m.fields.size(); ++f) {
    if (m.fields[f].key && m.fields[f].scope == ir::Scope::kHousehold) key = static_cast<int>(f);
  }
  for (const pack::TestValue& v : t.household) {
    std::string_view text = v.value ? std::string_view(*v.value) : std::string_view();
    b.SetTexts(v.field, absl::MakeConstSpan(&text, 1));
    has_key |= key >= 0 && v.field == m.fields[static_cast<std::size_t>(key)].name;
  }
  std::string generated = absl::StrCat("test-", index + 1);
  if (key >= 0 && !has_key) {
    std::string_view text = generated;
    b.SetTexts(m.fields[static_cast<std::size_t>(key)].name, absl::MakeConstSpan(&text, 1));
  }
  // One column per member field that some member gives; the others leave it unknown.
  std::map<std::string, std::vector<std::string>> columns;
  for (std::size_t i = 0; i < t.members.size(); ++i) {
    for (const pack::TestValue& v : t.members[i]) {
      auto& col = columns[v.field];
      col.resize(t.members.size());
      if (v.value) col[i] = *v.value;
    }
  }
  for (auto& [field, col] : columns) {
    col.resize(t.members.size());
    std::vector<std::string_view> views(col.begin(), col.end());
    b.SetTexts(field, views);
  }
  return b.Build();
}

struct Actual {
  Status status = Status::kUnknown;
  std::optional<int64_t> benefit;
  std::vector<std::string> failed, missing;
};

std::string Listed(std::vector<std::string> items) {
  std::sort(items.begin(), items.end());
  return absl::StrCat("[", absl::StrJoin(items, ", "), "]");
}

void Compare(const std::string& who, const pack::TestOutcome& want, const Actual& got, std::vector<std::string>* out) {
  if (want.status.value != StatusName(got.status)) {
    std::string detail;
    if (got.status == Status::kIneligible && !got.failed.empty()) {
      detail = absl::StrCat(" (failed: ", Listed(got.failed), ")");
    }
    if (got.status == Status::kUnknown && !got.missing.empty()) {
      detail = absl::StrCat(" (missing: ", Listed(got.missing), ")");
    }
    out->push_back(absl::StrCat(who, ": expected ", want.status.value, ", got ", StatusName(got.status), detail));
  }
  if (want.benefit) {
    util::DecimalError err;
    std::optional<int64_t> v = util::ParseScaledDecimal(want.benefit->value, &err);
    int64_t expected = v ? *v / util::kDecimalScale : -1;
    if (!got.benefit || *got.benefit != expected) {
      out->push_back(absl::StrCat(who, ": expected benefit ", want.benefit->value, ", got ",
                                  got.benefit ? absl::StrCat(*got.benefit) : std::string("none")));
    }
  }
  auto same = [](const std::vector<pack::LocatedString>& want_list, std::vector<std::string> got_list) {
    std::set<std::string> a, b(got_list.begin(), got_list.end());
    for (const auto& w : want_list) a.insert(w.value);
    return a == b;
  };
  auto names = [](const std::vector<pack::LocatedString>& l) {
    std::vector<std::string> v;
    v.reserve(l.size());
    for (const auto& x : l) v.push_back(x.value);
    return v;
  };
  if (want.failed && !same(*want.failed, got.failed)) {
    out->push_back(
        absl::StrCat(who, ": expected failed clauses ", Listed(names(*want.failed)), ", got ", Listed(got.failed)));
  }
  if (want.missing && !same(*want.missing, got.missing)) {
    out->push_back(
        absl::StrCat(who, ": expected missing ", Listed(names(*want.missing)), ", got ", Listed(got.missing)));
  }
}

// A member-level program's household roll-up: eligible if someone is,
// ineligible if everyone is not, unknown otherwise; benefits add up.
Actual RollUp(const std::vector<const ProgramResult*>& people) {
  Actual a;
  bool any_eligible = false, any_unknown = false, benefit_known = true;
  int64_t sum = 0;
  for (const ProgramResult* r : people) {
    any_eligible |= r->status == Status::kEligible;
    any_unknown |= r->status == Status::kUnknown;
    if (r->status == Status::kEligible) {
      if (r->benefit) {
        sum += *r->benefit;
      } else {
        benefit_known = false;
      }
    }
    for (const std::string& f : r->failed_clauses) {
      if (std::find(a.failed.begin(), a.failed.end(), f) == a.failed.end()) a.failed.push_back(f);
    }
    for (const std::string& f : r->missing_fields) {
      if (std::find(a.missing.begin(), a.missing.end(), f) == a.missing.end()) a.missing.push_back(f);
    }
  }
  a.status = any_eligible ? Status::kEligible : any_unknown ? Status::kUnknown : Status::kIneligible;
  if (any_eligible && benefit_known) a.benefit = sum;
  return a;
}

Actual Of(const ProgramResult& r) { return {r.status, r.benefit, r.failed_clauses, r.missing_fields}; }

}  // namespace

absl::StatusOr<TestReport> RunPackTests(const std::shared_ptr<const RulePack>& pack, const TestOptions& options) {
  if (pack == nullptr) return absl::InvalidArgumentError("no pack");
  const pack::PackModel& model = pack->impl().model;
  const ir::Module& m = *pack->impl().module;
  TestReport report;
  std::map<std::pair<std::string, std::string>, std::size_t> coverage_index;
  if (options.coverage) {
    for (std::size_t p = 0; p < model.programs.size(); ++p) {
      for (const pack::ClauseDecl& c : model.programs[p].criteria) {
        coverage_index[{model.programs[p].id, c.id}] = report.coverage.size();
        report.coverage.push_back({model.programs[p].id, c.id, Where(model, c.loc), false, false});
      }
    }
  }
  std::map<std::string, std::shared_ptr<const Plan>> plans;  // by as-of and overrides
  for (std::size_t i = 0; i < model.tests.size(); ++i) {
    const pack::TestDecl& t = model.tests[i];
    if (t.pack && t.pack->value != model.meta.id) {
      ++report.skipped;
      continue;
    }
    TestCaseResult& result = report.cases.emplace_back();
    result.name = t.name;
    result.location = Where(model, t.loc);
    PlanOptions po;
    po.as_of = t.as_of ? util::FormatIsoDate(*t.as_of) : "";
    for (const auto& [name, value] : t.params) po.params.emplace_back(name.value, value.value);
    std::string plan_key = po.as_of;
    for (const auto& [name, value] : po.params) absl::StrAppend(&plan_key, ";", name, "=", value);
    auto& plan = plans[plan_key];
    if (plan == nullptr) {
      auto compiled = CompilePlan(pack, po);
      if (!compiled.ok()) {
        plans.erase(plan_key);
        result.failures.push_back(std::string(compiled.status().message()));
        ++report.failed;
        continue;
      }
      plan = *compiled;
    }
    absl::StatusOr<Caseload> caseload = TestCaseload(*pack, t, i);
    if (!caseload.ok()) {
      result.failures.push_back(absl::StrCat("the test household cannot be built: ", caseload.status().message()));
      ++report.failed;
      continue;
    }
    absl::StatusOr<std::vector<ProgramResult>> results = Evaluate(*plan, *caseload);
    if (!results.ok()) return results.status();
    std::set<std::string> failed_programs;
    for (const pack::TestExpect& e : t.expect) {
      std::vector<const ProgramResult*> rows;
      for (const ProgramResult& r : *results) {
        if (r.program == e.program.value) rows.push_back(&r);
      }
      std::size_t before = result.failures.size();
      int pi = m.FindProgram(e.program.value);
      bool member = pi >= 0 && m.programs[static_cast<std::size_t>(pi)].unit == ir::Scope::kMember;
      if (e.per_member) {
        for (std::size_t k = 0; k < e.members.size() && k < rows.size(); ++k) {
          Compare(absl::StrCat(e.program.value, " person ", k + 1), e.members[k], Of(*rows[k]), &result.failures);
        }
      } else if (member) {
        Compare(e.program.value, *e.outcome, RollUp(rows), &result.failures);
      } else if (!rows.empty()) {
        Compare(e.program.value, *e.outcome, Of(*rows[0]), &result.failures);
      }
      if (result.failures.size() > before) failed_programs.insert(e.program.value);
    }
    result.passed = result.failures.empty();
    ++(result.passed ? report.passed : report.failed);
    if (result.passed && !options.coverage) continue;
    absl::StatusOr<Explanation> ex = Explain(*plan, *caseload, 0, options.language);
    if (!ex.ok()) return ex.status();
    for (const ProgramExplanation& p : ex->programs) {
      for (const ClauseExplanation& c : p.clauses) {
        auto it = coverage_index.find({p.program, c.id});
        if (it == coverage_index.end()) continue;
        report.coverage[it->second].seen_true |= c.value == Status::kEligible;
        report.coverage[it->second].seen_false |= c.value == Status::kIneligible;
      }
    }
    if (!result.passed) {
      std::erase_if(ex->programs, [&](const ProgramExplanation& p) { return !failed_programs.contains(p.program); });
      result.explanation = FormatExplanationText(*ex);
    }
  }
  return report;
}

}  // namespace layak
