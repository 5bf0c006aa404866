// ReadPrograms and ReadNeeds: programs with their criteria, validity window,
// unit, benefit, priority and services; needs with their conditions.
#include "absl/strings/str_cat.h"
#include "pack/sections.h"
#include "util/edit_distance.h"

namespace layak::pack {

void ReadText(const YAML::Node& node, YamlReader& r, const std::string& what, std::string* id, std::string* en) {
  if (node.IsScalar()) {
    *id = node.Scalar();
    return;
  }
  if (!r.ExpectMap(node, what)) return;
  r.CheckKeys(node, {"id", "en"}, what);
  for (const auto& kv : node) {
    std::string* target = kv.first.Scalar() == "id" ? id : en;
    if (std::optional<std::string> s = r.String(kv.second, what)) *target = *s;
  }
}

namespace {

void ReadClause(const YAML::Node& node, YamlReader& r, ProgramDecl& program) {
  std::string what = absl::StrCat("a criterion of program '", program.id, "'");
  if (!r.ExpectMap(node, what)) return;
  r.CheckKeys(node, {"id", "when", "text", "source", "justification"}, what);
  ClauseDecl clause;
  clause.loc = r.LocOf(node);
  std::optional<YAML::Node> id = r.Required(node, "id", what);
  std::optional<YAML::Node> when = r.Required(node, "when", what);
  if (!id || !when) return;
  std::optional<std::string> id_text = r.String(*id, "clause id");
  if (!id_text) return;
  clause.id = *id_text;
  clause.loc = r.LocOf(*id);
  for (const ClauseDecl& c : program.criteria) {
    if (c.id == clause.id) {
      r.Error(*id, DiagnosticCode::kDuplicateId,
              absl::StrCat("clause id '", clause.id, "' used twice in program '", program.id, "'"));
      return;
    }
  }
  std::optional<ExprSource> expr = r.Expr(*when, absl::StrCat("clause '", clause.id, "' when"));
  if (!expr) return;
  clause.when = std::move(*expr);
  for (const auto& kv : node) {
    const std::string& k = kv.first.Scalar();
    if (k == "text") ReadText(kv.second, r, "clause text", &clause.text_id, &clause.text_en);
    if (k == "source") clause.source = r.String(kv.second, "clause source").value_or("");
    if (k == "justification") clause.justification = r.String(kv.second, "clause justification").value_or("");
  }
  program.criteria.push_back(std::move(clause));
}

void ReadProgram(const YAML::Node& node, YamlReader& r, PackModel& model) {
  if (!r.ExpectMap(node, "a program")) return;
  r.CheckKeys(node, {"id", "name", "source", "text", "valid", "unit", "criteria", "benefit", "priority", "services"},
              "a program");
  ProgramDecl program;
  program.loc = r.LocOf(node);
  std::optional<YAML::Node> id = r.Required(node, "id", "a program");
  if (!id) return;
  std::optional<std::string> id_text = r.String(*id, "program id");
  if (!id_text) return;
  std::optional<YAML::Node> criteria = r.Required(node, "criteria", absl::StrCat("program '", *id_text, "'"));
  program.id = *id_text;
  program.loc = r.LocOf(*id);
  if (auto it = model.program_index.find(program.id); it != model.program_index.end()) {
    const ProgramDecl& p = model.programs[it->second];
    std::vector<std::string> notes = RedeclarationNotes(model, p.loc, program.loc);
    if (model.LayerOf(p.loc) < model.LayerOf(program.loc)) {
      notes.push_back("help: a layer cannot change another pack's program; give the narrower program its own id");
    }
    r.Error(*id, DiagnosticCode::kDuplicateId, absl::StrCat("program id '", program.id, "' is used twice"),
            std::move(notes));
    return;
  }
  std::string what = absl::StrCat("program '", program.id, "'");
  for (const auto& kv : node) {
    const std::string& k = kv.first.Scalar();
    const YAML::Node& v = kv.second;
    if (k == "name") {
      program.name = r.String(v, what + " name").value_or("");
    } else if (k == "source") {
      program.source = r.String(v, what + " source").value_or("");
    } else if (k == "text") {
      std::string en;
      ReadText(v, r, what + " text", &program.text, &en);
    } else if (k == "unit") {
      std::optional<std::string> unit = r.String(v, what + " unit");
      if (unit == "member") {
        program.unit = Scope::kMember;
      } else if (unit && *unit != "household") {
        program.unit_invalid = true;  // its expressions are not bound: every member field would cascade
        r.Error(v, DiagnosticCode::kBadUnit,
                absl::StrCat("unit '", *unit, "' of ", what, " is neither household nor member"),
                {util::DidYouMean(*unit, {"household", "member"})});
      }
    } else if (k == "valid") {
      if (!r.ExpectMap(v, what + " valid")) continue;
      r.CheckKeys(v, {"from", "to"}, what + " valid");
      std::optional<YAML::Node> to_node;
      for (const auto& w : v) {
        if (w.first.Scalar() == "from") program.valid_from = r.Date(w.second, what + " valid from");
        if (w.first.Scalar() == "to") {
          program.valid_to = r.Date(w.second, what + " valid to");
          to_node = w.second;
        }
      }
      if (program.valid_from && program.valid_to && *program.valid_from > *program.valid_to) {
        r.Error(*to_node, DiagnosticCode::kBadValidWindow, absl::StrCat(what, " ends before it starts"),
                {"note: both ends of a valid window are inclusive"});
      }
    } else if (k == "benefit") {
      program.benefit = r.Expr(v, what + " benefit");
    } else if (k == "priority") {
      program.priority = r.Expr(v, what + " priority");
    } else if (k == "services") {
      program.services = r.StringList(v, what + " services");
    }
  }
  if (criteria && r.ExpectSeq(*criteria, what + " criteria")) {
    if (criteria->size() == 0) {
      r.Error(*criteria, DiagnosticCode::kMissingKey, absl::StrCat(what, " has an empty list of criteria"),
              {"note: with no criteria every household would be eligible; add at least one clause"});
    }
    for (const YAML::Node& c : *criteria) ReadClause(c, r, program);
  }
  model.program_index[program.id] = static_cast<int>(model.programs.size());
  model.programs.push_back(std::move(program));
}

}  // namespace

void ReadPrograms(const YAML::Node& node, YamlReader& r, PackModel& model) {
  if (!r.ExpectSeq(node, "programs")) return;
  for (const YAML::Node& p : node) ReadProgram(p, r, model);
}

void ReadNeeds(const YAML::Node& node, YamlReader& r, PackModel& model) {
  if (!r.ExpectSeq(node, "needs")) return;
  for (const YAML::Node& n : node) {
    if (!r.ExpectMap(n, "a need")) continue;
    r.CheckKeys(n, {"id", "when", "services", "urgency", "text", "source"}, "a need");
    std::optional<YAML::Node> id = r.Required(n, "id", "a need");
    std::optional<YAML::Node> when = r.Required(n, "when", "a need");
    if (!id || !when) continue;
    NeedDecl need;
    need.id = r.String(*id, "need id").value_or("");
    need.loc = r.LocOf(*id);
    bool duplicate = false;
    for (const NeedDecl& other : model.needs) duplicate |= other.id == need.id;
    if (duplicate) {
      r.Error(*id, DiagnosticCode::kDuplicateId, absl::StrCat("need id '", need.id, "' is used twice"));
      continue;
    }
    std::optional<ExprSource> expr = r.Expr(*when, "need when");
    if (!expr) continue;
    need.when = std::move(*expr);
    for (const auto& kv : n) {
      const std::string& k = kv.first.Scalar();
      if (k == "services") need.services = r.StringList(kv.second, "need services");
      if (k == "urgency") {
        std::optional<std::string> u = r.String(kv.second, "need urgency");
        if (u && *u != "high" && *u != "medium" && *u != "low") {
          r.Error(kv.second, DiagnosticCode::kBadValue, absl::StrCat("urgency '", *u, "' is not high, medium or low"),
                  {util::DidYouMean(*u, {"high", "medium", "low"})});
        } else if (u) {
          need.urgency = *u;
        }
      }
    }
    model.needs.push_back(std::move(need));
  }
}

}  // namespace layak::pack
