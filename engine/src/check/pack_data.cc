// CheckPackData: the data written inside a pack (test households and their
// expectations, resource locations) is checked at load time like the rules,
// so that a typo in a test is not mistaken for a failing rule later.
#include <algorithm>
#include <cctype>
#include <map>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "check/check_pack.h"
#include "util/civil_date.h"
#include "util/decimal.h"
#include "util/edit_distance.h"

namespace layak::check {
namespace {

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

// A signed decimal in the scaled representation, or nullopt.
std::optional<int64_t> ParseSigned(const std::string& text) {
  bool negative = !text.empty() && text[0] == '-';
  util::DecimalError err;
  std::optional<int64_t> v = util::ParseScaledDecimal(negative ? text.substr(1) : text, &err);
  if (v && negative) *v = -*v;
  return v;
}

std::string EnumProblem(const ir::Module& m, const ir::Field& f, const std::string& value, std::string* help) {
  const auto& values = m.domains[f.type.domain].values;
  if (std::find(values.begin(), values.end(), value) != values.end() || f.aliases.count(value)) return "";
  *help = util::DidYouMean(value, values);
  return absl::StrCat("'", value, "' is not a value of ", f.type.kind == ir::Type::kSet ? "set" : "enum", " field '",
                      f.name, "'");
}

void CheckOutcome(const pack::PackModel& model, const ir::Program& p, util::DiagnosticSink& sink,
                  const pack::TestOutcome& o) {
  const pack::LocatedString& status = o.status;
  if (status.value != "eligible" && status.value != "ineligible" && status.value != "unknown") {
    static const std::map<std::string, std::string> kSynonyms = {{"not_eligible", "ineligible"},
                                                                 {"tidak_layak", "ineligible"},
                                                                 {"layak", "eligible"},
                                                                 {"missing", "unknown"},
                                                                 {"tidak_diketahui", "unknown"}};
    auto synonym = kSynonyms.find(status.value);
    std::string help = synonym != kSynonyms.end()
                           ? "help: did you mean '" + synonym->second + "'?"
                           : util::DidYouMean(status.value, {"eligible", "ineligible", "unknown"});
    ReportAtLoc(model, sink, status.loc, DiagnosticCode::kBadTest,
                absl::StrCat("'", status.value, "' is not a status; use eligible, ineligible or unknown"), {help});
  }
  if (o.benefit && !ParseSigned(o.benefit->value)) {
    ReportAtLoc(model, sink, o.benefit->loc, DiagnosticCode::kBadTest,
                absl::StrCat("expected benefit '", o.benefit->value, "' is not a number"));
  }
  if (o.failed) {
    std::vector<std::string> clauses = {"valid"};
    for (const ir::Clause& c : p.criteria) clauses.push_back(c.id);
    for (const pack::LocatedString& f : *o.failed) {
      if (std::find(clauses.begin(), clauses.end(), f.value) == clauses.end()) {
        ReportAtLoc(model, sink, f.loc, DiagnosticCode::kBadTest,
                    absl::StrCat("program '", p.id, "' has no clause '", f.value, "'"),
                    {util::DidYouMean(f.value, clauses)});
      }
    }
  }
}

void CheckExpect(const pack::PackModel& model, const ir::Module& m, util::DiagnosticSink& sink, const pack::TestDecl& t,
                 const pack::TestExpect& e, const std::vector<std::string>& ids) {
  int pi = m.FindProgram(e.program.value);
  if (pi < 0) {
    ReportAtLoc(model, sink, e.program.loc, DiagnosticCode::kBadTest,
                absl::StrCat("test expects a result of unknown program '", e.program.value, "'"),
                {util::DidYouMean(e.program.value, ids)});
    return;
  }
  const ir::Program& p = m.programs[pi];
  if (e.outcome) CheckOutcome(model, p, sink, *e.outcome);
  if (!e.per_member) return;
  if (p.unit != ir::Scope::kMember) {
    ReportAtLoc(model, sink, e.program.loc, DiagnosticCode::kBadTest,
                absl::StrCat("'", p.id, "' is decided per household; expect one status, not 'members:'"));
    return;
  }
  if (e.members.size() != t.members.size()) {
    ReportAtLoc(model, sink, e.program.loc, DiagnosticCode::kBadTest,
                absl::StrCat("test expects ", e.members.size(), " results of '", p.id, "' but its household has ",
                             t.members.size(), " members"),
                {"help: give one status per member, in member order"});
  }
  for (const pack::TestOutcome& o : e.members) CheckOutcome(model, p, sink, o);
}

}  // namespace

std::string ValueProblem(const ir::Module& m, const ir::Field& f, const std::string& text, std::string* help) {
  switch (f.type.kind) {
    case ir::Type::kBool: {
      static const char* const kSpellings[] = {"true", "false", "1", "0", "ya", "tidak"};
      std::string low = Lower(text);
      for (const char* s : kSpellings) {
        if (low == s) return "";
      }
      return absl::StrCat("'", text, "' is not a bool for field '", f.name, "' (true/false, 1/0, ya/tidak)");
    }
    case ir::Type::kInt:
    case ir::Type::kNumber: {
      std::optional<int64_t> scaled = ParseSigned(text);
      bool whole = scaled && *scaled % util::kDecimalScale == 0;
      if (!scaled || (f.type.kind == ir::Type::kInt && !whole)) {
        return absl::StrCat("'", text, "' is not ", f.type.kind == ir::Type::kInt ? "an integer" : "a number",
                            " for field '", f.name, "'");
      }
      int64_t v = f.type.kind == ir::Type::kInt ? *scaled / util::kDecimalScale : *scaled;
      if ((f.min && v < *f.min) || (f.max && v > *f.max)) {
        return absl::StrCat("'", text, "' is outside the declared range of field '", f.name, "'");
      }
      return "";
    }
    case ir::Type::kDate: {
      std::optional<int32_t> d = util::ParseIsoDate(text);
      if (!d) return absl::StrCat("'", text, "' given for date field '", f.name, "' is not a date YYYY-MM-DD");
      if ((f.min && *d < *f.min) || (f.max && *d > *f.max)) {
        return absl::StrCat("'", text, "' is outside the declared range of field '", f.name, "'");
      }
      return "";
    }
    case ir::Type::kEnum:
      return EnumProblem(m, f, text, help);
    case ir::Type::kSet: {
      if (text == "{}") return "";
      for (const std::string& item : std::vector<std::string>(absl::StrSplit(text, '|'))) {
        std::string problem = EnumProblem(m, f, item, help);
        if (!problem.empty()) return problem;
      }
      return "";
    }
    case ir::Type::kString:
      return "";
  }
  return "";
}

void CheckPackData(const pack::PackModel& model, const ir::Module& m, util::DiagnosticSink& sink) {
  std::vector<std::string> ids;
  for (const ir::Program& p : m.programs) ids.push_back(p.id);
  auto check_values = [&](const std::vector<pack::TestValue>& values, ir::Scope scope) {
    std::vector<std::string> names;
    for (const ir::Field& f : m.fields) {
      if (f.scope == scope) names.push_back(f.name);
    }
    for (const pack::TestValue& v : values) {
      int fi = m.FindField(v.field, scope);
      const char* where = scope == ir::Scope::kHousehold ? "household" : "member";
      if (fi < 0) {
        ReportAtLoc(model, sink, v.loc, DiagnosticCode::kBadTest,
                    absl::StrCat("test sets unknown ", where, " field '", v.field, "'"),
                    {util::DidYouMean(v.field, names)});
        continue;
      }
      const ir::Field& f = m.fields[fi];
      if (f.derive >= 0 || model.fields[fi].derive) {
        ReportAtLoc(model, sink, v.loc, DiagnosticCode::kBadTest,
                    absl::StrCat("'", v.field, "' is derived and cannot be given"),
                    {"help: give the fields it is derived from"});
        continue;
      }
      if (!v.value) continue;
      std::string help;
      std::string problem = ValueProblem(m, f, *v.value, &help);
      if (!problem.empty()) ReportAtLoc(model, sink, v.loc, DiagnosticCode::kBadTest, problem, {help});
    }
  };
  for (const pack::TestDecl& t : model.tests) {
    check_values(t.household, ir::Scope::kHousehold);
    for (const auto& member : t.members) check_values(member, ir::Scope::kMember);
    for (const pack::TestExpect& e : t.expect) CheckExpect(model, m, sink, t, e, ids);
    for (const auto& [name, value] : t.params) {
      if (!model.parameter_index.contains(name.value)) {
        std::vector<std::string> names;
        for (const pack::ParameterDecl& p : model.parameters) names.push_back(p.name);
        ReportAtLoc(model, sink, name.loc, DiagnosticCode::kBadTest,
                    absl::StrCat("test overrides unknown parameter '", name.value, "'"),
                    {util::DidYouMean(name.value, names)});
      }
    }
    if (t.pack) {
      bool known = false;
      std::vector<std::string> packs;
      for (const pack::PackMeta& l : model.layers) {
        known |= l.id == t.pack->value;
        packs.push_back(l.id);
      }
      if (!known) {
        ReportAtLoc(model, sink, t.pack->loc, DiagnosticCode::kBadTest,
                    absl::StrCat("test is for pack '", t.pack->value, "', which is not this pack or one it extends"),
                    {util::DidYouMean(t.pack->value, packs)});
      }
    }
  }
  // Resource locations name kecamatan; when the schema declares them, they must exist.
  int kec = m.FindField("kecamatan", ir::Scope::kHousehold);
  if (kec < 0 || m.fields[kec].type.kind != ir::Type::kEnum) return;
  for (const pack::PlaceDecl& p : model.places) {
    std::string help;
    std::string problem = EnumProblem(m, m.fields[kec], p.kecamatan, &help);
    if (!problem.empty())
      ReportAtLoc(model, sink, p.loc, DiagnosticCode::kBadValue, absl::StrCat("place: ", problem), {help});
  }
  for (const pack::ResourceDecl& r : model.resources) {
    std::vector<pack::LocatedString> names = r.serves_kecamatan;
    if (!r.kecamatan.empty()) names.push_back({r.kecamatan, r.kecamatan_loc});
    for (const pack::LocatedString& k : names) {
      std::string help;
      std::string problem = EnumProblem(m, m.fields[kec], k.value, &help);
      if (!problem.empty()) {
        ReportAtLoc(model, sink, k.loc, DiagnosticCode::kBadValue, absl::StrCat("resource '", r.id, "': ", problem),
                    {help});
      }
    }
  }
}

}  // namespace layak::check
