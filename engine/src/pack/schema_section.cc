// ReadSchema: household and member fields with their types, declared
// values, ranges, keys and derivations.
#include <cctype>

#include <map>

#include "absl/strings/str_cat.h"
#include "pack/names.h"
#include "pack/sections.h"
#include "util/civil_date.h"
#include "util/decimal.h"
#include "util/edit_distance.h"

namespace layak::pack {

bool IsReservedName(std::string_view name) {
  static constexpr std::string_view kReserved[] = {"and",     "or",     "not",       "in",     "if",   "then",
                                                   "else",    "true",   "false",     "dan",    "atau", "bukan",
                                                   "members", "params", "household", "member", "as_of"};
  for (std::string_view r : kReserved) {
    if (r == name) return true;
  }
  return false;
}

bool IsIdentifier(std::string_view name) {
  if (name.empty() || !(std::isalpha(static_cast<unsigned char>(name[0])) || name[0] == '_')) return false;
  for (char c : name) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_')) return false;
  }
  return true;
}

namespace {

std::optional<FieldType> ParseType(const std::string& s) {
  if (s == "bool") return FieldType::kBool;
  if (s == "int") return FieldType::kInt;
  if (s == "number") return FieldType::kNumber;
  if (s == "string") return FieldType::kString;
  if (s == "enum") return FieldType::kEnum;
  if (s == "set") return FieldType::kSet;
  if (s == "date") return FieldType::kDate;
  return std::nullopt;
}

// A min/max bound in the representation of the field's type.
std::optional<int64_t> ReadBound(const YAML::Node& node, FieldType type, YamlReader& r, const std::string& what) {
  if (!r.ExpectScalar(node, what)) return std::nullopt;
  std::string text = node.Scalar();
  if (type == FieldType::kDate) return r.Date(node, what);
  bool negative = !text.empty() && text[0] == '-';
  util::DecimalError err;
  std::optional<int64_t> scaled = util::ParseScaledDecimal(negative ? text.substr(1) : text, &err);
  if (!scaled || (type == FieldType::kInt && *scaled % util::kDecimalScale != 0)) {
    r.Error(
        node, DiagnosticCode::kBadFieldOption,
        absl::StrCat(what, " must be ", type == FieldType::kInt ? "an integer" : "a number", ", found '", text, "'"));
    return std::nullopt;
  }
  int64_t v = type == FieldType::kInt ? *scaled / util::kDecimalScale : *scaled;
  return negative ? -v : v;
}

void ReadField(const std::string& name, const YAML::Node& key, const YAML::Node& spec, Scope scope, YamlReader& r,
               PackModel& model) {
  std::string what = absl::StrCat("field '", name, "'");
  if (!IsIdentifier(name)) {
    r.Error(key, DiagnosticCode::kBadValue, absl::StrCat("'", name, "' is not a valid field name"),
            {"note: names are letters, digits and '_', starting with a letter"});
    return;
  }
  if (IsReservedName(name)) {
    r.Error(key, DiagnosticCode::kReservedName, absl::StrCat("'", name, "' is reserved and cannot name a field"));
    return;
  }
  if (auto it = model.field_index[static_cast<int>(scope)].find(name);
      it != model.field_index[static_cast<int>(scope)].end()) {
    const FieldDecl& f = model.fields[it->second];
    r.Error(key, DiagnosticCode::kDuplicateName, absl::StrCat(what, " is declared twice"),
            RedeclarationNotes(model, f.loc, r.LocOf(key)));
    return;
  }
  if (!r.ExpectMap(spec, what)) return;
  r.CheckKeys(spec,
              {"type", "values", "aliases", "min", "max", "key", "doc", "label", "protected", "sensitive", "derive"},
              what);
  FieldDecl field;
  field.name = name;
  field.scope = scope;
  field.loc = r.LocOf(key);
  std::optional<YAML::Node> type_node = r.Required(spec, "type", what);
  if (!type_node) return;
  std::optional<std::string> type_name = r.String(*type_node, what + " type");
  if (!type_name) return;
  std::optional<FieldType> type = ParseType(*type_name);
  if (!type) {
    // Names other languages use for the same types get a direct hint.
    static const std::map<std::string, std::string> kSynonyms = {
        {"integer", "int"},   {"long", "int"},       {"boolean", "bool"}, {"float", "number"},
        {"double", "number"}, {"decimal", "number"}, {"real", "number"},  {"text", "string"},
        {"str", "string"},    {"datetime", "date"},  {"list", "set"},     {"enumeration", "enum"}};
    auto synonym = kSynonyms.find(*type_name);
    std::string help = synonym != kSynonyms.end()
                           ? "help: did you mean '" + synonym->second + "'?"
                           : util::DidYouMean(*type_name, {"bool", "int", "number", "string", "enum", "set", "date"});
    r.Error(*type_node, DiagnosticCode::kBadFieldType, absl::StrCat("unknown type '", *type_name, "' for ", what),
            {help, "note: types are bool, int, number, string, enum, set and date"});
    return;
  }
  field.type = *type;
  field.type_loc = r.LocOf(*type_node);
  bool has_values = false;
  std::optional<YAML::Node> max_node;
  for (const auto& kv : spec) {
    const std::string& k = kv.first.Scalar();
    const YAML::Node& v = kv.second;
    if (k == "values") {
      has_values = true;
      if (field.type != FieldType::kEnum && field.type != FieldType::kSet) {
        r.Error(kv.first, DiagnosticCode::kBadFieldOption,
                absl::StrCat("'values' is only for enum and set fields, and ", what, " is ", *type_name));
        continue;
      }
      for (const LocatedString& s : r.StringList(v, what + " values")) {
        if (std::find(field.values.begin(), field.values.end(), s.value) != field.values.end()) {
          r.Report(s.loc, DiagnosticCode::kDuplicateName, absl::StrCat("value '", s.value, "' listed twice in ", what));
          continue;
        }
        field.values.push_back(s.value);
      }
      if (field.values.empty()) r.Error(v, DiagnosticCode::kBadFieldOption, absl::StrCat(what, " declares no values"));
      if (field.type == FieldType::kSet && field.values.size() > 64) {
        r.Error(v, DiagnosticCode::kBadFieldOption,
                absl::StrCat("set ", what, " declares ", field.values.size(), " values; at most 64 are supported"));
      }
    } else if (k == "min" || k == "max") {
      if (field.type != FieldType::kInt && field.type != FieldType::kNumber && field.type != FieldType::kDate) {
        r.Error(kv.first, DiagnosticCode::kBadFieldOption,
                absl::StrCat("'", k, "' is only for int, number and date fields"));
        continue;
      }
      (k == "min" ? field.min : field.max) = ReadBound(v, field.type, r, absl::StrCat(what, " ", k));
      if (k == "max") max_node = v;
    } else if (k == "key") {
      if (std::optional<bool> b = r.Bool(v, what + " key")) field.key = *b;
    } else if (k == "protected") {
      if (std::optional<bool> b = r.Bool(v, what + " protected")) field.is_protected = *b;
    } else if (k == "sensitive") {
      if (std::optional<bool> b = r.Bool(v, what + " sensitive")) field.sensitive = *b;
    } else if (k == "doc") {
      if (std::optional<std::string> s = r.String(v, what + " doc")) field.doc = *s;
    } else if (k == "label") {
      ReadText(v, r, what + " label", &field.label_id, &field.label_en);
    } else if (k == "derive") {
      field.derive = r.Expr(v, what + " derive");
    }
  }
  // Aliases last, so that they can be checked against the declared values.
  for (const auto& kv : spec) {
    if (kv.first.Scalar() != "aliases") continue;
    if (field.type != FieldType::kEnum && field.type != FieldType::kSet) {
      r.Error(kv.first, DiagnosticCode::kBadFieldOption, "'aliases' is only for enum and set fields");
      continue;
    }
    if (!r.ExpectMap(kv.second, what + " aliases")) continue;
    for (const auto& alias : kv.second) {
      const std::string& value = alias.first.Scalar();
      if (std::find(field.values.begin(), field.values.end(), value) == field.values.end()) {
        r.Error(alias.first, DiagnosticCode::kUnknownEnumValue,
                absl::StrCat("alias target '", value, "' is not a value of ", what),
                {util::DidYouMean(value, field.values)});
        continue;
      }
      for (const LocatedString& a : r.StringList(alias.second, "aliases of " + value)) field.aliases[a.value] = value;
    }
  }
  if ((field.type == FieldType::kEnum || field.type == FieldType::kSet) && !has_values) {
    r.Error(*type_node, DiagnosticCode::kBadFieldOption,
            absl::StrCat(what, " is ", *type_name, " but declares no 'values'"), {"help: add values: [a, b, c]"});
  }
  if (field.min && field.max && *field.min > *field.max && max_node) {
    r.Error(*max_node, DiagnosticCode::kBadFieldOption, absl::StrCat(what, " has max below its min"));
  }
  if (field.key) {
    if (field.type != FieldType::kString && field.type != FieldType::kInt) {
      r.Error(key, DiagnosticCode::kKeyField, absl::StrCat("key ", what, " must be string or int"));
    }
    for (const FieldDecl& f : model.fields) {
      if (f.key && f.scope == scope) {
        r.Error(key, DiagnosticCode::kKeyField,
                absl::StrCat(what, " is a second key of the ", scope == Scope::kHousehold ? "household" : "member",
                             " scope"),
                {absl::StrCat("note: '", f.name, "' is already the key")});
      }
    }
    if (field.derive) r.Error(key, DiagnosticCode::kKeyField, absl::StrCat("key ", what, " cannot be derived"));
  }
  model.field_index[static_cast<int>(scope)][field.name] = static_cast<int>(model.fields.size());
  model.fields.push_back(std::move(field));
}

}  // namespace

void ReadSchema(const YAML::Node& node, YamlReader& r, PackModel& model) {
  if (!r.ExpectMap(node, "schema")) return;
  r.CheckKeys(node, {"household", "member"}, "schema");
  for (const auto& kv : node) {
    const std::string& scope_name = kv.first.Scalar();
    if (scope_name != "household" && scope_name != "member") continue;
    Scope scope = scope_name == "household" ? Scope::kHousehold : Scope::kMember;
    if (kv.second.IsNull()) continue;
    if (!r.ExpectMap(kv.second, "schema " + scope_name)) continue;
    for (const auto& field : kv.second) {
      std::size_t before = model.fields.size();
      ReadField(field.first.Scalar(), field.first, field.second, scope, r, model);
      if (model.fields.size() == before) model.schema_incomplete = true;
    }
  }
}

}  // namespace layak::pack
