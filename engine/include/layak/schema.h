// File: layak/schema.h
// Schema introspection, for systems that build intake forms from a pack: each
// input field with its type, allowed values, plain-words labels and the
// programs whose decision reads it; and the JSON Schema of a household
// profile as the JSON Lines reader and ReadJsonHousehold accept it.
//
//   for (const layak::FieldInfo& f : layak::DescribeSchema(*pack))
//     std::cout << f.name << " " << layak::FieldTypeName(f.type) << " read by " << f.programs.size() << "\n";
//   std::string schema = layak::HouseholdJsonSchema(*pack);  // draft 2020-12
#ifndef LAYAK_SCHEMA_H_
#define LAYAK_SCHEMA_H_

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "layak/rule_pack.h"

namespace layak {

// The declared type of a schema field.
enum class FieldType { kBool, kInt, kNumber, kString, kEnum, kSet, kDate };

// "bool", "int", "number", "string", "enum", "set", "date".
const char* FieldTypeName(FieldType type);

// Where a field lives: one value per household, or one per member.
enum class FieldLevel { kHousehold, kMember };

// One schema field of a loaded pack.
struct FieldInfo {
  std::string name;
  FieldLevel level = FieldLevel::kHousehold;
  FieldType type = FieldType::kString;
  std::vector<std::string> values;                           // enum and set: declared values, in order
  std::vector<std::pair<std::string, std::string>> aliases;  // other spelling -> declared value
  // Declared bounds, scaled as CaseloadBuilder::SetInts takes values: int as
  // is, number × 10^6, date as days since 1970-01-01.
  std::optional<int64_t> min, max;
  bool key = false;           // the household (or member) id column
  bool is_protected = false;  // religion, ethnicity, ...: reading it needs a justification
  bool sensitive = false;     // left out of shared outputs by redaction
  bool derived = false;       // computed by the pack (`derive:`), not an input column
  std::string doc;
  std::string label_id, label_en;  // plain words: "tanggal lahir", "birth date"
  // Programs (pack order) whose decision reads the field: directly, through
  // a definition or derived field, or through eligible() of another program.
  std::vector<std::string> programs;
};

// Every field of the pack: household fields first, then member fields, each
// in declaration order. Never fails; thread-safe (the pack is only read).
std::vector<FieldInfo> DescribeSchema(const RulePack& pack);

// The JSON Schema (draft 2020-12) of one household as a JSON object with its
// members nested in "members": types, enum values, bounds, labels as titles
// and docs as descriptions; derived fields are left out. Never fails.
std::string HouseholdJsonSchema(const RulePack& pack);

// A declared bound (FieldInfo::min or max) as a pack writes it: an int as is,
// a number as a decimal ("7.2"), a date as YYYY-MM-DD. Other types: the integer.
std::string FormatFieldBound(FieldType type, int64_t bound);

// DescribeSchema(pack) as one JSON object, {"pack", "version", "fields": [...]},
// every field with every member of FieldInfo (bounds as FormatFieldBound
// writes them, numbers as JSON numbers, dates as strings). Deterministic;
// never fails.
std::string DescribeSchemaJson(const RulePack& pack);

}  // namespace layak

#endif  // LAYAK_SCHEMA_H_
