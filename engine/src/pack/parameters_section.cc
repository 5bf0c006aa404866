// ReadParameters and ReadDefinitions: effective-dated parameter values and
// named expressions at household and member scope.

#include "absl/strings/str_cat.h"
#include "pack/names.h"
#include "pack/sections.h"
#include "util/civil_date.h"
#include "util/decimal.h"

namespace layak::pack {
namespace {

const char* TypeName(FieldType t) {
  switch (t) {
    case FieldType::kBool:
      return "bool";
    case FieldType::kInt:
      return "int";
    case FieldType::kNumber:
      return "number";
    case FieldType::kString:
      return "string";
    case FieldType::kEnum:
      return "enum";
    case FieldType::kSet:
      return "set";
    case FieldType::kDate:
      return "date";
  }
  return "?";
}

// Infers a parameter value's type from its YAML spelling: a quoted scalar is
// a string; a plain one may be a bool, an int, a decimal or a date.
ParamValue ReadParamValue(const YAML::Node& node, YamlReader& r) {
  ParamValue v;
  v.loc = r.LocOf(node);
  const std::string& s = node.Scalar();
  bool quoted = node.Tag() == "!";
  v.type = FieldType::kString;
  v.text = s;
  if (quoted) return v;
  if (s == "true" || s == "false") {
    v.type = FieldType::kBool;
    v.number = s == "true";
    return v;
  }
  if (std::optional<int32_t> d = util::ParseIsoDate(s)) {
    v.type = FieldType::kDate;
    v.number = *d;
    return v;
  }
  bool negative = !s.empty() && s[0] == '-';
  std::string body = negative ? s.substr(1) : s;
  util::DecimalError err;
  if (!body.empty() && std::isdigit(static_cast<unsigned char>(body[0]))) {
    if (std::optional<int64_t> scaled = util::ParseScaledDecimal(body, &err)) {
      bool decimal = body.find('.') != std::string::npos;
      v.type = decimal ? FieldType::kNumber : FieldType::kInt;
      v.number = decimal ? *scaled : *scaled / util::kDecimalScale;
      if (negative) v.number = -v.number;
    }
  }
  return v;
}

}  // namespace

void ReadParameters(const YAML::Node& node, YamlReader& r, PackModel& model) {
  if (!r.ExpectMap(node, "parameters")) return;
  for (const auto& kv : node) {
    const std::string& name = kv.first.Scalar();
    std::string what = absl::StrCat("parameter '", name, "'");
    if (!IsIdentifier(name)) {
      r.Error(kv.first, DiagnosticCode::kBadValue, absl::StrCat("'", name, "' is not a valid parameter name"));
      continue;
    }
    // In a pack that extends another, defining a parameter of a base layer again overrides it.
    int overridden = -1;
    if (auto it = model.parameter_index.find(name); it != model.parameter_index.end()) {
      const Loc& first = model.parameters[it->second].loc;
      if (model.LayerOf(first) >= model.LayerOf(r.LocOf(kv.first))) {
        r.Error(kv.first, DiagnosticCode::kDuplicateName, absl::StrCat(what, " is defined twice"),
                RedeclarationNotes(model, first, r.LocOf(kv.first)));
        continue;
      }
      overridden = it->second;
    }
    if (!r.ExpectMap(kv.second, what)) continue;
    r.CheckKeys(kv.second, {"doc", "source", "values"}, what);
    ParameterDecl param;
    param.name = name;
    param.loc = r.LocOf(kv.first);
    for (const auto& field : kv.second) {
      const std::string& k = field.first.Scalar();
      if (k == "doc") param.doc = r.String(field.second, what + " doc").value_or("");
      if (k == "source") param.source = r.String(field.second, what + " source").value_or("");
    }
    std::optional<YAML::Node> values = r.Required(kv.second, "values", what);
    if (!values || !r.ExpectMap(*values, what + " values")) continue;
    bool ok = true;
    for (const auto& entry : *values) {
      std::optional<int32_t> from = r.Date(entry.first, what + " effective date");
      if (!from || !r.ExpectScalar(entry.second, what + " value")) {
        ok = false;
        continue;
      }
      ParamValue v = ReadParamValue(entry.second, r);
      v.from = *from;
      param.values.push_back(std::move(v));
    }
    if (param.values.empty()) {
      if (ok) r.Error(*values, DiagnosticCode::kBadParameter, absl::StrCat(what, " has no values"));
      continue;
    }
    std::sort(param.values.begin(), param.values.end(),
              [](const ParamValue& a, const ParamValue& b) { return a.from < b.from; });
    // One type for all values; ints meeting decimals become decimals.
    bool any_number = false;
    for (const ParamValue& v : param.values) any_number |= v.type == FieldType::kNumber;
    for (ParamValue& v : param.values) {
      if (any_number && v.type == FieldType::kInt) {
        v.type = FieldType::kNumber;
        v.number *= util::kDecimalScale;
      }
    }
    for (const ParamValue& v : param.values) {
      if (v.type != param.values[0].type) {
        r.Report(v.loc, DiagnosticCode::kBadParameter,
                 absl::StrCat(what, " mixes types: this value is ", TypeName(v.type), ", the first is ",
                              TypeName(param.values[0].type)));
        ok = false;
        break;
      }
    }
    for (std::size_t i = 1; i < param.values.size(); ++i) {
      if (param.values[i].from == param.values[i - 1].from) {
        r.Report(param.values[i].loc, DiagnosticCode::kBadParameter,
                 absl::StrCat(what, " has two values for one date"));
        ok = false;
      }
    }
    if (ok && overridden >= 0) {
      ParameterDecl& base = model.parameters[static_cast<std::size_t>(overridden)];
      if (base.values[0].type != param.values[0].type) {
        r.Report(param.values[0].loc, DiagnosticCode::kBadParameter,
                 absl::StrCat(what, " is overridden with a value of type ", TypeName(param.values[0].type),
                              " where the base pack has type ", TypeName(base.values[0].type)),
                 RedeclarationNotes(model, base.loc, param.loc));
        continue;
      }
      model.overrides.push_back({name, base.loc, param.loc});
      if (param.doc.empty()) param.doc = base.doc;
      base = std::move(param);
    } else if (ok) {
      model.parameter_index[param.name] = static_cast<int>(model.parameters.size());
      model.parameters.push_back(std::move(param));
    }
  }
}

void ReadDefinitions(const YAML::Node& node, YamlReader& r, PackModel& model) {
  if (!r.ExpectMap(node, "definitions")) return;
  r.CheckKeys(node, {"household", "member"}, "definitions");
  for (const auto& scope_kv : node) {
    const std::string& scope_name = scope_kv.first.Scalar();
    if (scope_name != "household" && scope_name != "member") continue;
    Scope scope = scope_name == "household" ? Scope::kHousehold : Scope::kMember;
    if (scope_kv.second.IsNull() || !r.ExpectMap(scope_kv.second, "definitions " + scope_name)) continue;
    for (const auto& kv : scope_kv.second) {
      const std::string& name = kv.first.Scalar();
      std::string what = absl::StrCat("definition '", name, "'");
      if (!IsIdentifier(name) || IsReservedName(name)) {
        r.Error(kv.first, IsReservedName(name) ? DiagnosticCode::kReservedName : DiagnosticCode::kBadValue,
                absl::StrCat("'", name, "' cannot name a definition"));
        continue;
      }
      if (auto it = model.definition_index[static_cast<int>(scope)].find(name);
          it != model.definition_index[static_cast<int>(scope)].end()) {
        r.Error(kv.first, DiagnosticCode::kDuplicateName, absl::StrCat(what, " is defined twice"),
                RedeclarationNotes(model, model.definitions[it->second].loc, r.LocOf(kv.first)));
        continue;
      }
      DefinitionDecl def;
      def.name = name;
      def.scope = scope;
      def.loc = r.LocOf(kv.first);
      std::optional<ExprSource> expr;
      if (kv.second.IsMap()) {
        r.CheckKeys(kv.second, {"expr", "doc", "justification"}, what);
        if (std::optional<YAML::Node> e = r.Required(kv.second, "expr", what)) expr = r.Expr(*e, what);
        for (const auto& f : kv.second) {
          if (f.first.Scalar() == "justification") {
            def.justification = r.String(f.second, what + " justification").value_or("");
          }
        }
      } else {
        expr = r.Expr(kv.second, what);
      }
      if (!expr) continue;
      def.expr = std::move(*expr);
      model.definition_index[static_cast<int>(scope)][def.name] = static_cast<int>(model.definitions.size());
      model.definitions.push_back(std::move(def));
    }
  }
}

}  // namespace layak::pack
