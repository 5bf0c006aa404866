// CheckPack: builds the IR module from the pack model: domains and fields,
// parameters, then binds derived fields, definitions, program criteria,
// benefits, priorities, needs and resource rules; orders programs; checks
// that tests name real programs, fields and statuses.
#include "check/check_pack.h"

#include <map>

#include "absl/strings/str_cat.h"
#include "check/lint.h"
#include "util/civil_date.h"
#include "util/edit_distance.h"

namespace layak::check {
namespace {

using pack::FieldType;

ir::Type ToIrType(FieldType t) {
  switch (t) {
    case FieldType::kBool:
      return ir::Type::kBool;
    case FieldType::kInt:
      return ir::Type::kInt;
    case FieldType::kNumber:
      return ir::Type::kNumber;
    case FieldType::kString:
      return ir::Type::kString;
    case FieldType::kEnum:
      return ir::Type::kEnum;
    case FieldType::kSet:
      return ir::Type::kSet;
    case FieldType::kDate:
      return ir::Type::kDate;
  }
  return ir::Type::kString;
}

void BuildFields(const pack::PackModel& model, ir::Module& m, util::DiagnosticSink& sink) {
  for (const pack::FieldDecl& f : model.fields) {
    if (f.scope == ir::Scope::kMember) {
      for (const pack::FieldDecl& h : model.fields) {
        if (h.scope == ir::Scope::kHousehold && h.name == f.name) {
          ReportAtLoc(model, sink, f.loc, DiagnosticCode::kFieldNameClash,
                      absl::StrCat("member field '", f.name, "' has the name of a household field"),
                      {"help: rename one; inside quantifiers household.NAME reaches the household field"});
        }
      }
    }
    ir::Field field;
    field.name = f.name;
    field.scope = f.scope;
    field.type.kind = ToIrType(f.type);
    if (f.type == FieldType::kEnum || f.type == FieldType::kSet) {
      // Fields declaring the same values share a domain, so they compare.
      for (std::size_t d = 0; d < m.domains.size(); ++d) {
        if (m.domains[d].values == f.values) field.type.domain = static_cast<int32_t>(d);
      }
      if (field.type.domain < 0) {
        m.domains.push_back(ir::Domain{f.values, f.name});
        field.type.domain = static_cast<int32_t>(m.domains.size() - 1);
      }
    }
    field.key = f.key;
    field.is_protected = f.is_protected;
    field.sensitive = f.sensitive;
    field.min = f.min;
    field.max = f.max;
    field.aliases = f.aliases;
    m.fields.push_back(std::move(field));
  }
  bool any_household = false, has_key = false;
  for (const pack::FieldDecl& f : model.fields) {
    any_household |= f.scope == ir::Scope::kHousehold;
    has_key |= f.scope == ir::Scope::kHousehold && f.key;
  }
  if (any_household && !has_key && !model.schema_incomplete) {
    for (const pack::FieldDecl& f : model.fields) {
      if (f.scope != ir::Scope::kHousehold) continue;
      ReportAtLoc(model, sink, f.loc, DiagnosticCode::kKeyField, "the household schema has no key field",
                  {"help: mark the household identifier with key: true, e.g. id: { type: string, key: true }"});
      break;
    }
  }
}

// Field and definition names share one namespace per pack: a definition may
// not shadow or be shadowed by a field or a definition of the other scope.
void CheckDefinitionNames(const pack::PackModel& model, util::DiagnosticSink& sink) {
  for (std::size_t i = 0; i < model.definitions.size(); ++i) {
    const pack::DefinitionDecl& d = model.definitions[i];
    for (int scope = 0; scope < 2; ++scope) {
      if (model.field_index[scope].contains(d.name)) {
        ReportAtLoc(model, sink, d.loc, DiagnosticCode::kDuplicateName,
                    absl::StrCat("definition '", d.name, "' has the name of a ",
                                 scope == static_cast<int>(ir::Scope::kHousehold) ? "household" : "member", " field"),
                    {"help: rename the definition; one name must mean one thing"});
      }
    }
    // Reported on the member definition, the later of the two scopes.
    if (d.scope == ir::Scope::kMember &&
        model.definition_index[static_cast<int>(ir::Scope::kHousehold)].contains(d.name)) {
      ReportAtLoc(model, sink, d.loc, DiagnosticCode::kDuplicateName,
                  absl::StrCat("definition '", d.name, "' is defined at both household and member scope"));
    }
  }
}

// Parameters; a table parameter's key must be a household enum or string
// field, and an enum key's rows must name its values (aliases become them).
void BuildParams(const pack::PackModel& model, ir::Module& m, util::DiagnosticSink& sink) {
  for (const pack::ParameterDecl& p : model.parameters) {
    ir::Param param;
    param.name = p.name;
    param.type.kind = ToIrType(p.values.front().type);
    param.values = p.values;
    param.fallback = p.fallback;
    if (p.key) {
      std::string what = absl::StrCat("parameter '", p.name, "'");
      int f = m.FindField(p.key->value, ir::Scope::kHousehold);
      if (f < 0) {
        std::vector<std::string> names;
        for (const ir::Field& field : m.fields) {
          if (field.scope == ir::Scope::kHousehold) names.push_back(field.name);
        }
        ReportAtLoc(model, sink, p.key->loc, DiagnosticCode::kUnknownName,
                    absl::StrCat(what, " is keyed by '", p.key->value, "', which is not a household field"),
                    {util::DidYouMean(p.key->value, names)});
      } else if (const ir::Field& key = m.fields[static_cast<std::size_t>(f)];
                 key.type.kind != ir::Type::kEnum && key.type.kind != ir::Type::kString) {
        ReportAtLoc(model, sink, p.key->loc, DiagnosticCode::kTypeMismatch,
                    absl::StrCat(what, " is keyed by '", key.name, "', a field of type ", m.TypeName(key.type),
                                 "; a key must be an enum or string field"));
      } else {
        param.key_field = f;
        if (key.type.kind == ir::Type::kEnum) {
          const std::vector<std::string>& domain = m.domains[static_cast<std::size_t>(key.type.domain)].values;
          for (pack::ParamValue& v : param.values) {
            for (pack::TableEntry& e : v.table) {
              if (auto alias = key.aliases.find(e.key); alias != key.aliases.end()) e.key = alias->second;
              if (std::find(domain.begin(), domain.end(), e.key) == domain.end()) {
                ReportAtLoc(model, sink, e.loc, DiagnosticCode::kUnknownEnumValue,
                            absl::StrCat("'", e.key, "' is not a value of enum field '", key.name, "'"),
                            {util::DidYouMean(e.key, domain)});
              }
            }
            std::sort(v.table.begin(), v.table.end(),
                      [](const pack::TableEntry& a, const pack::TableEntry& b) { return a.key < b.key; });
          }
        }
      }
    }
    m.params.push_back(std::move(param));
  }
}

// `quotas:`: a program of the pack and a table parameter of ints.
void BuildQuotas(const pack::PackModel& model, ir::Module& m, util::DiagnosticSink& sink) {
  for (const pack::QuotaDecl& q : model.quotas) {
    int program = m.FindProgram(q.program.value);
    if (program < 0) {
      std::vector<std::string> ids;
      for (const ir::Program& p : m.programs) ids.push_back(p.id);
      ReportAtLoc(model, sink, q.program.loc, DiagnosticCode::kUnknownName,
                  absl::StrCat("quota for unknown program '", q.program.value, "'"),
                  {util::DidYouMean(q.program.value, ids)});
      continue;
    }
    std::string name = q.places.value;
    if (name.rfind("params.", 0) == 0) name = name.substr(7);
    auto it = std::find_if(m.params.begin(), m.params.end(), [&](const ir::Param& p) { return p.name == name; });
    if (it == m.params.end()) {
      std::vector<std::string> names;
      for (const ir::Param& p : m.params) names.push_back(p.name);
      ReportAtLoc(model, sink, q.places.loc, DiagnosticCode::kUnknownParameter,
                  absl::StrCat("unknown parameter '", name, "'"), {util::DidYouMean(name, names)});
      continue;
    }
    if (it->key_field < 0 || it->type.kind != ir::Type::kInt) {
      ReportAtLoc(model, sink, q.places.loc, DiagnosticCode::kBadParameter,
                  absl::StrCat("the places of a quota must be a table parameter of ints (with 'key:'), but '", name,
                               "' is ", it->key_field < 0 ? "not a table" : "not of ints"));
      continue;
    }
    m.quotas.push_back({program, static_cast<int32_t>(it - m.params.begin())});
  }
}

}  // namespace

void ReportAtLoc(const pack::PackModel& model, util::DiagnosticSink& sink, const pack::Loc& loc, DiagnosticCode code,
                 std::string message, std::vector<std::string> notes) {
  Diagnostic d = util::MakeDiagnostic(model.files[loc.file], loc.offset, loc.length, code, std::move(message));
  for (std::string& n : notes) {
    if (!n.empty()) d.notes.push_back(std::move(n));
  }
  sink.Report(std::move(d));
}

std::unique_ptr<ir::Module> CheckPack(const pack::PackModel& model, util::DiagnosticSink& sink,
                                      const LoadOptions& options) {
  auto module = std::make_unique<ir::Module>();
  ir::Module& m = *module;
  BuildFields(model, m, sink);
  m.BuildIndex();  // parameter keys look fields up
  BuildParams(model, m, sink);
  CheckDefinitionNames(model, sink);
  for (const pack::ProgramDecl& p : model.programs) {
    ir::Program program;
    program.id = p.id;
    program.name = p.name;
    program.source = p.source;
    program.unit = p.unit;
    program.valid_from = p.valid_from;
    program.valid_to = p.valid_to;
    for (const pack::LocatedString& s : p.services) program.services.push_back(s.value);
    m.programs.push_back(std::move(program));
  }
  m.BuildIndex();
  Binder binder(model, m, sink, options);
  for (std::size_t i = 0; i < model.fields.size(); ++i) {
    if (model.fields[i].derive) binder.SetDeriveExpr(static_cast<int>(i), binder.AddExpr(*model.fields[i].derive));
  }
  for (std::size_t i = 0; i < model.definitions.size(); ++i) {
    binder.SetDeclExpr(static_cast<int>(i), binder.AddExpr(model.definitions[i].expr));
  }
  // Everything is bound even when unused, so that every error is found now.
  for (std::size_t i = 0; i < model.fields.size(); ++i) {
    if (model.fields[i].derive) binder.BindDerived(static_cast<int>(i), -1, false);
  }
  for (std::size_t i = 0; i < model.definitions.size(); ++i) {
    NodeId id = binder.BindDefinition(static_cast<int>(i), -1, false);
    m.definitions.push_back(ir::Definition{model.definitions[i].name, model.definitions[i].scope, id});
  }
  for (std::size_t pi = 0; pi < model.programs.size(); ++pi) {
    const pack::ProgramDecl& decl = model.programs[pi];
    ir::Program& program = m.programs[pi];
    if (decl.unit_invalid) continue;  // already reported; binding would only add noise
    BindContext ctx;
    ctx.scope = decl.unit;
    ctx.program = static_cast<int>(pi);
    for (const pack::ClauseDecl& c : decl.criteria) {
      ir::Clause clause;
      clause.id = c.id;
      clause.expr = binder.AddExpr(c.when);
      clause.when = binder.BindExpecting(clause.expr, ctx, ir::Type::kBool, absl::StrCat("clause '", c.id, "'"));
      clause.text_id = c.text_id;
      clause.text_en = c.text_en;
      clause.source = c.source;
      clause.justification = c.justification;
      program.criteria.push_back(std::move(clause));
    }
    if (decl.benefit) {
      program.benefit = binder.BindExpecting(binder.AddExpr(*decl.benefit), ctx, ir::Type::kInt, "a benefit");
    }
    if (decl.priority) {
      int e = binder.AddExpr(*decl.priority);
      NodeId id = binder.BindExpr(e, ctx);
      if (id >= 0 && m.node(id).type.kind != ir::Type::kInt && m.node(id).type.kind != ir::Type::kNumber) {
        binder.ReportAt(
            e, 0, static_cast<uint32_t>(decl.priority->text.size()), DiagnosticCode::kTypeMismatch,
            absl::StrCat("a priority must be a number (lower comes first), but this is ", m.TypeName(m.node(id).type)));
        id = -1;
      }
      program.priority = id;
    }
  }
  for (const pack::NeedDecl& n : model.needs) {
    BindContext ctx;
    NodeId id = binder.BindExpecting(binder.AddExpr(n.when), ctx, ir::Type::kBool, absl::StrCat("need '", n.id, "'"));
    ir::Need need{n.id, id, {}, n.urgency};
    for (const pack::LocatedString& s : n.services) need.services.push_back(s.value);
    m.needs.push_back(std::move(need));
  }
  for (const pack::ResourceDecl& r : model.resources) {
    ir::Resource res;
    res.id = r.id;
    res.name = r.name;
    res.kecamatan = r.kecamatan;
    for (const pack::LocatedString& s : r.services) res.services.push_back(s.value);
    res.capacity = r.capacity;
    res.lat = r.lat;
    res.lon = r.lon;
    res.serves_all = r.serves_all;
    for (const pack::LocatedString& s : r.serves_kecamatan) res.serves_kecamatan.push_back(s.value);
    if (r.accepts) {
      res.accepts = binder.BindExpecting(binder.AddExpr(*r.accepts), BindContext{}, ir::Type::kBool,
                                         absl::StrCat("the accepts rule of '", r.id, "'"));
    }
    m.resources.push_back(std::move(res));
  }
  for (const ProgramEdge& e : binder.program_edges()) {
    std::vector<int32_t>& deps = m.programs[e.from].depends_on;
    if (std::find(deps.begin(), deps.end(), e.to) == deps.end()) deps.push_back(e.to);
  }
  BuildQuotas(model, m, sink);
  m.evaluation_order = OrderPrograms(m, binder.program_edges(), model, sink);
  CheckPackData(model, m, sink);
  if (options.lint && !sink.has_errors()) LintPack(model, m, sink);
  return module;
}

}  // namespace layak::check
