// The pack as declared in YAML, before names are bound: what the loader
// (pack_loader.cc and the *_section.cc files) produces and the checker
// (check/check_pack.h) consumes. Every declaration keeps its Loc.
// Public view: layak/rule_pack.h.
#ifndef LAYAK_PACK_PACK_MODEL_H_
#define LAYAK_PACK_PACK_MODEL_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "pack/origin.h"
#include "util/source_text.h"

namespace layak::pack {

// Household or member: where a field, definition or program lives.
enum class Scope : uint8_t { kHousehold, kMember };

// The declared type of a schema field.
enum class FieldType : uint8_t { kBool, kInt, kNumber, kString, kEnum, kSet, kDate };

// "bool", "int", "number", "string", "enum", "set", "date": as a schema writes it.
inline const char* FieldTypeName(FieldType t) {
  static const char* const kNames[] = {"bool", "int", "number", "string", "enum", "set", "date"};
  return kNames[static_cast<int>(t)];
}

// A string value with its location in the pack.
struct LocatedString {
  std::string value;
  Loc loc;
};

// One schema field.
struct FieldDecl {
  std::string name;
  Scope scope = Scope::kHousehold;
  FieldType type = FieldType::kString;
  std::vector<std::string> values;             // enum and set
  std::map<std::string, std::string> aliases;  // alias -> declared value
  std::optional<int64_t> min, max;             // int: value; number: scaled 10^6; date: days
  bool key = false;
  bool is_protected = false;
  bool sensitive = false;
  std::string doc;
  std::string label_id, label_en;  // plain words for explanations ("tanggal lahir")
  std::optional<ExprSource> derive;
  Loc loc;  // the field's name
  Loc type_loc;
};

struct ParamValue;

// One row of a table parameter: the value for one value of the key field.
struct TableEntry {
  std::string key;  // as written; an enum key is made the declared value by the checker
  FieldType type = FieldType::kInt;
  int64_t number = 0;
  std::string text;
  Loc loc;
};

// A parameter value in force from `from` (days since epoch).
struct ParamValue {
  int32_t from = 0;
  FieldType type = FieldType::kInt;  // kBool, kInt, kNumber, kString or kDate
  int64_t number = 0;                // bool/int/date value, or number scaled by 10^6
  std::string text;                  // kString
  bool is_table = false;             // a table parameter's value: `table` holds it
  std::vector<TableEntry> table;     // sorted by key
  Loc loc;
};

// An effective-dated parameter. With `key`, each value is a table keyed by
// that household field (a quota per desa, a minimum wage per kecamatan):
// read in an expression it is the row of the household's key value.
struct ParameterDecl {
  std::string name;
  std::string doc;
  std::string source;
  std::vector<ParamValue> values;  // sorted by `from`
  std::optional<LocatedString> key;
  std::optional<ParamValue> fallback;  // `default:` for key values not in the table
  Loc loc;
};

// A program whose places are limited per value of a key field: the
// assignment gives them out like a resource's (refer --assign).
struct QuotaDecl {
  LocatedString program;
  LocatedString places;  // a table parameter of ints
  std::string doc;
  Loc loc;
};

// A named, reusable expression.
struct DefinitionDecl {
  std::string name;
  Scope scope = Scope::kHousehold;
  ExprSource expr;
  std::string justification;
  Loc loc;
};

// One criterion of a program.
struct ClauseDecl {
  std::string id;
  ExprSource when;
  std::string text_id, text_en;
  std::string source;
  std::string justification;
  Loc loc;
};

// A program: its criteria and optional benefit, priority and services.
struct ProgramDecl {
  std::string id;
  std::string name;
  std::string source;
  std::string text;
  std::optional<int32_t> valid_from, valid_to;
  Scope unit = Scope::kHousehold;
  bool unit_invalid = false;
  std::vector<ClauseDecl> criteria;
  std::optional<ExprSource> benefit, priority;
  std::vector<LocatedString> services;
  Loc loc;
};

// A situation that calls for services.
struct NeedDecl {
  std::string id;
  ExprSource when;
  std::vector<LocatedString> services;
  std::string urgency = "medium";
  Loc loc;
};

// A community resource offering services.
struct ResourceDecl {
  std::string id;
  std::string name;
  std::vector<LocatedString> services;
  std::string kecamatan;
  Loc kecamatan_loc;
  std::optional<double> lat, lon;
  bool serves_all = true;        // the whole kabupaten
  bool serves_province = false;  // beyond the kabupaten too (provincial UPT, Kemensos sentra)
  std::vector<LocatedString> serves_kecamatan;
  std::optional<int64_t> capacity;
  std::optional<ExprSource> accepts;
  std::string type;  // PSKS or service kind: lks, tksk, puskesmas, uptd_ppa, bapas, ...
  std::string desa, address, hours, phone, email;
  std::vector<std::string> documents;  // what to bring
  bool illustrative = false;           // not a verified entry: shows the shape of one
  Loc loc;
};

// A place's centre: where a household of that kecamatan (or desa) is taken
// to be when distances are measured.
struct PlaceDecl {
  std::string kecamatan, desa;  // desa empty: the kecamatan's centroid
  double lat = 0, lon = 0;
  Loc loc;
};

// One input value of a test case (a scalar or, for sets, a list joined by '|').
struct TestValue {
  std::string field;
  std::optional<std::string> value;  // nullopt for YAML null
  Loc loc;
};

// What a test expects of one program, or of one person for a member-level program.
struct TestOutcome {
  LocatedString status;
  std::optional<LocatedString> benefit;
  std::optional<std::vector<LocatedString>> failed, missing;
};

// A test's expectation for one program: the status (the household's roll-up
// for a member-level program) or one outcome per person.
struct TestExpect {
  LocatedString program;
  std::optional<TestOutcome> outcome;
  std::vector<TestOutcome> members;
  bool per_member = false;
};

// One `tests:` entry.
struct TestDecl {
  std::string name;
  std::optional<int32_t> as_of;
  std::optional<LocatedString> pack;                            // run only when testing this pack
  std::vector<std::pair<LocatedString, LocatedString>> params;  // parameter -> value, for this case
  std::vector<TestValue> household;
  std::vector<std::vector<TestValue>> members;
  std::vector<TestExpect> expect;
  Loc loc;
};

// The `pack:` block.
struct PackMeta {
  std::string id, name, locale, version;
  std::vector<LocatedString> extends;
  Loc loc;
  bool present = false;
};

// The `formats:` block: how the registry exports this pack reads are written.
struct FormatsDecl {
  bool present = false;
  char delimiter = ',';
  bool decimal_comma = false;
  bool day_first = false;
  std::vector<std::string> true_spellings, false_spellings;
  std::string member_key;  // the members.csv column naming the household
  Loc loc;
};

// A parameter that a later layer of a layered pack defines again.
struct ParameterOverride {
  std::string name;
  Loc base, loc;
};

// Everything declared by the files of one pack, in pack order.
struct PackModel {
  FormatsDecl formats;
  std::vector<util::SourceText> files;
  std::vector<int> file_layer;   // per file: its index in `layers` (empty: one layer)
  std::vector<PackMeta> layers;  // the packs named by `extends`, depth first, then this one
  std::vector<ParameterOverride> overrides;
  PackMeta meta;                   // this pack (the last layer)
  std::vector<FieldDecl> fields;   // household and member
  bool schema_incomplete = false;  // a field failed to read: checks of the whole schema stay quiet
  std::vector<ParameterDecl> parameters;
  std::vector<DefinitionDecl> definitions;
  std::vector<ProgramDecl> programs;
  std::vector<NeedDecl> needs;
  std::vector<ResourceDecl> resources;
  std::vector<PlaceDecl> places;
  std::vector<QuotaDecl> quotas;
  std::vector<TestDecl> tests;

  // Name -> index, so that look-ups stay O(1) in packs with thousands of
  // declarations. Indexed by Scope where there is one.
  absl::flat_hash_map<std::string, int> field_index[2];
  absl::flat_hash_map<std::string, int> definition_index[2];
  absl::flat_hash_map<std::string, int> parameter_index;
  absl::flat_hash_map<std::string, int> program_index;

  // The layer a location's file belongs to.
  int LayerOf(const Loc& loc) const {
    return loc.file >= 0 && static_cast<std::size_t>(loc.file) < file_layer.size() ? file_layer[loc.file] : 0;
  }
};

}  // namespace layak::pack

#endif  // LAYAK_PACK_PACK_MODEL_H_
