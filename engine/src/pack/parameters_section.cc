// ReadParameters and ReadDefinitions: effective-dated parameter values and
// named expressions at household and member scope.

#include "absl/strings/str_cat.h"
#include "pack/names.h"
#include "pack/sections.h"
#include "util/civil_date.h"
#include "util/decimal.h"

namespace layak::pack {
namespace {

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

// A table value: key -> scalar, every row of one type (checked later with
// the other dates' values).
std::optional<ParamValue> ReadTable(const YAML::Node& node, YamlReader& r, const std::string& what) {
  if (!node.IsMap()) {
    r.Error(node, DiagnosticCode::kBadParameter,
            absl::StrCat(what, " is keyed by a field: each value is a table of key: value rows"),
            {"help: write the rows as a map, e.g. '3523012001: 25'"});
    return std::nullopt;
  }
  ParamValue v;
  v.is_table = true;
  v.loc = r.LocOf(node);
  for (const auto& row : node) {
    if (!r.ExpectScalar(row.first, what + " key") || !r.ExpectScalar(row.second, what + " value")) return std::nullopt;
    ParamValue cell = ReadParamValue(row.second, r);
    if (v.table.empty()) v.type = cell.type;
    v.table.push_back({row.first.Scalar(), cell.type, cell.number, cell.text, r.LocOf(row.first)});
    if (cell.type != v.type) {
      // Ints among decimals are promoted below; other mixes are errors.
      bool numeric = (cell.type == FieldType::kInt || cell.type == FieldType::kNumber) &&
                     (v.type == FieldType::kInt || v.type == FieldType::kNumber);
      if (!numeric) {
        r.Report(cell.loc, DiagnosticCode::kBadParameter,
                 absl::StrCat(what, " mixes types: this row is ", FieldTypeName(cell.type), ", the first is ",
                              FieldTypeName(v.type)));
        return std::nullopt;
      }
      v.type = FieldType::kNumber;
    }
  }
  if (v.table.empty()) {
    r.Error(node, DiagnosticCode::kBadParameter, absl::StrCat(what, " has an empty table"));
    return std::nullopt;
  }
  std::stable_sort(v.table.begin(), v.table.end(),
                   [](const TableEntry& a, const TableEntry& b) { return a.key < b.key; });
  for (std::size_t i = 1; i < v.table.size(); ++i) {
    if (v.table[i].key == v.table[i - 1].key) {
      r.Report(v.table[i].loc, DiagnosticCode::kBadParameter,
               absl::StrCat(what, " has two rows for '", v.table[i].key, "' on one date"));
      return std::nullopt;
    }
  }
  return v;
}

// One type for all values (and table rows, and the default); ints meeting
// decimals become decimals. False (reported) when types mix otherwise.
bool UnifyTypes(ParameterDecl& param, YamlReader& r, const std::string& what) {
  bool any_number = false;
  auto promote = [&](FieldType& type, int64_t& number) {
    if (any_number && type == FieldType::kInt) {
      type = FieldType::kNumber;
      number *= util::kDecimalScale;
    }
  };
  for (const ParamValue& v : param.values) any_number |= v.type == FieldType::kNumber;
  if (param.fallback) any_number |= param.fallback->type == FieldType::kNumber;
  for (ParamValue& v : param.values) {
    for (TableEntry& e : v.table) promote(e.type, e.number);
    promote(v.type, v.number);
  }
  if (param.fallback) promote(param.fallback->type, param.fallback->number);
  for (const ParamValue& v : param.values) {
    if (v.type != param.values[0].type) {
      r.Report(v.loc, DiagnosticCode::kBadParameter,
               absl::StrCat(what, " mixes types: this value is ", FieldTypeName(v.type), ", the first is ",
                            FieldTypeName(param.values[0].type)));
      return false;
    }
  }
  if (param.fallback && param.fallback->type != param.values[0].type) {
    r.Report(param.fallback->loc, DiagnosticCode::kBadParameter,
             absl::StrCat(what, " has a default of type ", FieldTypeName(param.fallback->type),
                          " where its values are ", FieldTypeName(param.values[0].type)));
    return false;
  }
  return true;
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
    r.CheckKeys(kv.second, {"doc", "source", "values", "key", "default"}, what);
    ParameterDecl param;
    param.name = name;
    param.loc = r.LocOf(kv.first);
    for (const auto& field : kv.second) {
      const std::string& k = field.first.Scalar();
      if (k == "doc") param.doc = r.String(field.second, what + " doc").value_or("");
      if (k == "source") param.source = r.String(field.second, what + " source").value_or("");
      if (k == "key") {
        if (std::optional<std::string> key = r.String(field.second, what + " key")) {
          param.key = LocatedString{*key, r.LocOf(field.second)};
        }
      }
    }
    std::optional<YAML::Node> values = r.Required(kv.second, "values", what);
    if (!values || !r.ExpectMap(*values, what + " values")) continue;
    bool ok = true;
    for (const auto& field : kv.second) {
      if (field.first.Scalar() != "default") continue;
      if (!param.key) {
        r.Error(field.first, DiagnosticCode::kBadParameter,
                absl::StrCat(what, ": 'default' is for table parameters (with 'key:')"),
                {"help: a parameter without 'key:' has one value per date; remove 'default'"});
        ok = false;
      } else if (r.ExpectScalar(field.second, what + " default")) {
        param.fallback = ReadParamValue(field.second, r);
      }
    }
    for (const auto& entry : *values) {
      std::optional<int32_t> from = r.Date(entry.first, what + " effective date");
      if (!from) {
        ok = false;
        continue;
      }
      if (param.key) {
        std::optional<ParamValue> table = ReadTable(entry.second, r, what);
        if (!table) {
          ok = false;
          continue;
        }
        table->from = *from;
        param.values.push_back(std::move(*table));
        continue;
      }
      if (entry.second.IsMap()) {
        r.Error(entry.second, DiagnosticCode::kBadParameter,
                absl::StrCat(what, " has a table here but no 'key:' naming the field its rows are keyed by"),
                {"help: add 'key: desa' (or another household field) to the parameter"});
        ok = false;
        continue;
      }
      if (!r.ExpectScalar(entry.second, what + " value")) {
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
    ok = UnifyTypes(param, r, what) && ok;
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
                 absl::StrCat(what, " is overridden with a value of type ", FieldTypeName(param.values[0].type),
                              " where the base pack has type ", FieldTypeName(base.values[0].type)),
                 RedeclarationNotes(model, base.loc, param.loc));
        continue;
      }
      std::string base_key = base.key ? base.key->value : "", key = param.key ? param.key->value : "";
      if (base_key != key) {
        r.Report(
            param.key ? param.key->loc : param.loc, DiagnosticCode::kBadParameter,
            absl::StrCat(what, " is overridden ",
                         key.empty() ? std::string("without a key") : absl::StrCat("keyed by '", key, "'"),
                         " where the base pack's is ",
                         base_key.empty() ? std::string("not a table") : absl::StrCat("keyed by '", base_key, "'")),
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
