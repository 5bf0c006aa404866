// Reads one caseload cell (CSV text or a JSON scalar rendered as text) as the
// value of a schema field: the spellings of DESIGN.md "Caseloads" and the
// dialect of the pack's `formats:` block or the CLI flags. No allocation per
// cell: enum and set spellings are looked up in a table built once per field.
#ifndef LAYAK_DATA_VALUE_PARSER_H_
#define LAYAK_DATA_VALUE_PARSER_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "ir/ir.h"

namespace layak::data {

// A registry export's dialect.
struct Formats {
  char delimiter = ',';
  bool decimal_comma = false;                                // "36,5" is 36.5 (then the CSV delimiter is usually ';')
  bool day_first = false;                                    // dates also as DD/MM/YYYY
  std::vector<std::string> true_spellings, false_spellings;  // beyond true/1/ya, false/0/tidak
};

// Outcome of reading one cell.
enum class CellResult : uint8_t { kValue, kUnknown, kError };

// Parses the cells of one field.
class ValueParser {
 public:
  ValueParser(const ir::Module& module, int field, const Formats& formats);

  // Reads `text` (already unquoted). kValue: *out holds the value in the
  // language's representation (strings: nothing; the caller keeps the text).
  // kError: *error says what was expected ("'abc' is not an int").
  CellResult Parse(std::string_view text, int64_t* out, std::string* error) const;

  const ir::Field& field() const { return *field_; }
  bool is_string() const { return field_->type.kind == ir::Type::kString; }

 private:
  bool ParseBool(std::string_view t, int64_t* out) const;
  bool ParseInt(std::string_view t, int64_t* out) const;
  bool ParseNumber(std::string_view t, int64_t* out, std::string* why) const;
  bool ParseDate(std::string_view t, int64_t* out, std::string* why) const;
  int LookUp(std::string_view t) const;
  std::string Expected() const;
  bool CheckRange(int64_t v, std::string_view text, std::string* error) const;

  const ir::Module* module_;
  const ir::Field* field_;
  Formats formats_;
  absl::flat_hash_map<std::string, int> spellings_;  // enum/set value or alias -> index
  // Small domains: the spellings in a flat list, faster than hashing.
  std::vector<std::pair<std::string, int>> small_;
  // small_ by a cheap hash of length and end characters: one or two compares a cell.
  static std::size_t Bucket(std::string_view t) {
    return t.empty() ? 0
                     : (t.size() * 7 + static_cast<std::size_t>(static_cast<unsigned char>(t.front())) * 3 +
                        static_cast<unsigned char>(t.back())) &
                           31;
  }
  std::array<std::vector<uint16_t>, 32> buckets_;
};

}  // namespace layak::data

#endif  // LAYAK_DATA_VALUE_PARSER_H_
