// layak/explain.h: a trace (explain/trace.h) put into words, and rendered as
// text for a social worker or as JSON for another system.
#include "layak/explain.h"

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "api/caseload_impl.h"
#include "api/referral_impl.h"
#include "api/rule_pack_impl.h"
#include "explain/trace.h"
#include "run/writers.h"
#include "util/absl_compat.h"
#include "util/civil_date.h"

namespace layak {
namespace {

bool Id(Language l) { return l == Language::kIndonesian; }

// Plain words for a field: its schema label, or its name with spaces.
std::string FieldWords(const pack::PackModel& model, int32_t field, Language lang) {
  const pack::FieldDecl& f = model.fields[static_cast<std::size_t>(field)];
  const std::string& label =
      Id(lang) ? (f.label_id.empty() ? f.label_en : f.label_id) : (f.label_en.empty() ? f.label_id : f.label_en);
  return label.empty() ? absl::StrReplaceAll(f.name, {{"_", " "}}) : label;
}

std::string MemberWords(std::string base, int member, Language lang) {
  if (member == 0) return base;
  return Id(lang) ? absl::StrCat(base, " anggota ke-", member) : absl::StrCat(base, " of member ", member);
}

// "members[2].birth_date" -> "tanggal lahir anggota ke-2".
std::string MissingWords(const pack::PackModel& model, const ir::Module& m, const std::string& name, Language lang) {
  int member = 0;
  std::string field = name;
  if (name.rfind("members[", 0) == 0) {
    std::size_t close = name.find("].");
    if (close != std::string::npos && absl::SimpleAtoi(name.substr(8, close - 8), &member)) {
      field = name.substr(close + 2);
    }
  }
  int f = m.FindField(field, member > 0 ? ir::Scope::kMember : ir::Scope::kHousehold);
  return MemberWords(f < 0 ? field : FieldWords(model, f, lang), member, lang);
}

std::string Pretty(const std::string& expr) {
  return absl::StrReplaceAll(expr, {{"<=", "≤"}, {">=", "≥"}, {"!=", "≠"}});
}

ClauseExplanation ExplainClause(const pack::PackModel& model, const ir::Module& m, const ir::Clause& clause,
                                const explain::ClauseTrace& c, Language lang) {
  ClauseExplanation e;
  e.id = clause.id;
  e.text = Id(lang) ? (clause.text_id.empty() ? clause.text_en : clause.text_id)
                    : (clause.text_en.empty() ? clause.text_id : clause.text_en);
  if (e.text.empty()) e.text = clause.id;
  e.source = clause.source;
  e.expression = clause.expr >= 0 ? m.exprs[static_cast<std::size_t>(clause.expr)].text : "";
  e.value = static_cast<Status>(c.value);
  for (const explain::InputValue& v : c.inputs) {
    if (v.program >= 0) {
      const std::string& id = m.programs[static_cast<std::size_t>(v.program)].id;
      e.inputs.push_back({absl::StrCat("eligible(\"", id, "\")"), id, v.value});
      continue;
    }
    const std::string& name = m.fields[static_cast<std::size_t>(v.field)].name;
    InputExplanation in;
    in.field = v.member == 0 ? name : absl::StrCat("members[", v.member, "].", name);
    in.label = MemberWords(FieldWords(model, v.field, lang), v.member, lang);
    if (v.known) in.value = v.value;
    e.inputs.push_back(std::move(in));
  }
  for (const std::string& missing : c.missing) e.missing.push_back(MissingWords(model, m, missing, lang));
  if (!c.needs.empty()) {
    e.change = absl::StrCat(Id(lang) ? "layak jika " : "eligible if ", Pretty(c.needs));
    if (!c.now.empty()) {
      absl::StrAppend(&e.change, Id(lang) ? "; sekarang " : "; now ",
                      c.now_operand.empty() ? "" : absl::StrCat(Pretty(c.now_operand), " = "), c.now);
    }
  }
  return e;
}

}  // namespace

absl::StatusOr<std::size_t> FindHousehold(const Caseload& caseload, std::string_view id) {
  const data::CaseloadData& data = *caseload.impl().data;
  for (std::size_t h = 0; h < data.households(); ++h) {
    if (data.HouseholdKey(h) == id) return h;
  }
  return absl::NotFoundError(
      absl::StrCat("no household with id '", util::Sv(id), "' in the caseload (", data.households(), " households)"));
}

absl::StatusOr<Explanation> Explain(const Plan& plan, const Caseload& caseload, std::size_t household,
                                    Language language) {
  const eval::Plan& p = plan.impl().plan;
  const data::CaseloadData& data = *caseload.impl().data;
  if (&data.module() != p.module) {
    return absl::InvalidArgumentError("the caseload was read for another pack than the plan's");
  }
  if (household >= data.households()) {
    return absl::OutOfRangeError(
        absl::StrCat("household row ", household, " is past the caseload's ", data.households(), " households"));
  }
  const pack::PackModel& model = plan.pack().impl().model;
  eval::Scratch s;
  explain::Trace t = explain::TraceHousehold(p, data, household, &s);
  Explanation e;
  e.household_id = t.household_id;
  e.as_of = util::FormatIsoDate(t.as_of);
  e.provenance = plan.Provenance();
  e.language = language;
  e.members = t.members;
  for (const explain::ProgramTrace& pt : t.programs) {
    const ir::Program& prog = p.module->programs[static_cast<std::size_t>(pt.program)];
    ProgramExplanation& pe = e.programs.emplace_back();
    pe.program = prog.id;
    pe.name = prog.name;
    pe.source = prog.source;
    pe.member = pt.member;
    pe.member_id = pt.member_id;
    pe.in_force = pt.in_force;
    pe.status = static_cast<Status>(pt.result.status);
    if (pt.result.has_benefit) pe.benefit = pt.result.benefit;
    pe.missing_fields = pt.result.missing_fields;
    for (const std::string& f : pt.result.missing_fields) {
      pe.missing.push_back(MissingWords(model, *p.module, f, language));
    }
    pe.errors = pt.result.errors;
    for (const explain::ClauseTrace& c : pt.clauses) {
      pe.clauses.push_back(
          ExplainClause(model, *p.module, prog.criteria[static_cast<std::size_t>(c.clause)], c, language));
    }
  }
  refer::ReferOptions ro;
  ro.as_of = p.as_of;
  ro.household = static_cast<int64_t>(household);
  auto referrals = refer::Refer(*p.module, model, data, ro);
  if (!referrals.ok()) return referrals.status();
  e.referrals = ToPublicRows(*p.module, data, *referrals);
  for (ReferralRow& r : e.referrals) {
    for (std::string& f : r.missing) f = MissingWords(model, *p.module, f, language);
  }
  return e;
}

}  // namespace layak
