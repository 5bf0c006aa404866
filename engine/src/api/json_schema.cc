// HouseholdJsonSchema and DescribeSchemaJson (layak/schema.h): the schema of
// a loaded pack as JSON for systems that build intake forms. The JSON Schema
// follows io/jsonl_reader.cc and data/value_parser.cc: what it accepts, the
// reader accepts. It leaves out spellings the reader also takes (numbers as
// strings, "" for unknown, padded text) rather than promise what the reader
// refuses; the one gap JSON Schema cannot close is 5.0 or 1e3 for an int,
// which it counts as integers and the reader does not.
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/str_cat.h"
#include "layak/caseload.h"
#include "layak/schema.h"
#include "run/writers.h"
#include "util/civil_date.h"
#include "util/decimal.h"

namespace layak {
namespace {

// A pretty-printing JSON writer: two-space indentation, one member per line,
// arrays of scalars on one line. Output depends only on the calls made.
class JsonWriter {
 public:
  void Open(std::string_view key, char bracket) {
    Key(key);
    out_.push_back(bracket);
    first_.push_back(true);
  }
  void Close(char bracket) {
    bool empty = first_.back();
    first_.pop_back();
    if (!empty) NewLine();
    out_.push_back(bracket);
  }
  // A member (or, with an empty key inside an array, an element) whose value
  // is already JSON text.
  void Raw(std::string_view key, std::string_view json) {
    Key(key);
    out_.append(json);
  }
  void String(std::string_view key, std::string_view text) {
    Key(key);
    run::AppendJsonString(text, &out_);
  }
  void Bool(std::string_view key, bool b) { Raw(key, b ? "true" : "false"); }
  // An array of JSON texts on one line.
  void RawList(std::string_view key, const std::vector<std::string>& items) {
    Key(key);
    out_.push_back('[');
    for (std::size_t i = 0; i < items.size(); ++i) absl::StrAppend(&out_, i > 0 ? ", " : "", items[i]);
    out_.push_back(']');
  }
  void StringList(std::string_view key, const std::vector<std::string>& items) { RawList(key, Quoted(items)); }
  std::string Finish() { return std::move(out_) + "\n"; }

  static std::string Quote(std::string_view text) {
    std::string s;
    run::AppendJsonString(text, &s);
    return s;
  }
  static std::vector<std::string> Quoted(const std::vector<std::string>& items) {
    std::vector<std::string> q;
    q.reserve(items.size());
    for (const std::string& s : items) q.push_back(Quote(s));
    return q;
  }

 private:
  void NewLine() {
    out_.push_back('\n');
    out_.append(2 * first_.size(), ' ');
  }
  void Key(std::string_view key) {
    if (first_.empty()) return;  // the top-level value
    if (!first_.back()) out_.push_back(',');
    first_.back() = false;
    NewLine();
    if (key.empty()) return;
    run::AppendJsonString(key, &out_);
    out_.append(": ");
  }

  std::string out_;
  std::vector<bool> first_;  // per open bracket: nothing written in it yet
};

const char* LevelName(FieldLevel level) { return level == FieldLevel::kMember ? "member" : "household"; }

// A bound as a JSON value: numbers as numbers, dates as strings.
std::string BoundJson(FieldType type, int64_t bound) {
  std::string text = FormatFieldBound(type, bound);
  return type == FieldType::kDate ? JsonWriter::Quote(text) : text;
}

// A case-insensitive regular expression for one spelling, as EqualsIgnoreCase
// compares it: ASCII letters either case, everything else literally.
std::string CaseInsensitive(std::string_view spelling) {
  std::string re;
  for (char c : spelling) {
    auto u = static_cast<unsigned char>(c);
    if (std::isalpha(u) && u < 0x80) {
      absl::StrAppend(&re, "[", std::string(1, static_cast<char>(std::toupper(u))),
                      std::string(1, static_cast<char>(std::tolower(u))), "]");
    } else {
      if (std::string_view("\\^$.|?*+()[]{}/").find(c) != std::string_view::npos) re.push_back('\\');
      re.push_back(c);
    }
  }
  return re;
}

// The spellings ValueParser::ParseBool takes as a JSON string.
std::string BoolPattern(const ReadOptions& formats) {
  std::vector<std::string> words = {"true", "false", "ya", "tidak"};
  words.insert(words.end(), formats.true_spellings.begin(), formats.true_spellings.end());
  words.insert(words.end(), formats.false_spellings.begin(), formats.false_spellings.end());
  std::string re = "^(?:1|0";
  for (const std::string& w : words) absl::StrAppend(&re, "|", CaseInsensitive(w));
  return re + ")$";
}

// The type keywords of one field: what ReadCell and ValueParser accept. The
// household key cannot be null or empty (the reader rejects a household
// without one); a member's key may be unknown, as any other field.
void WriteType(const FieldInfo& f, const ReadOptions& formats, JsonWriter& w) {
  const bool household_key = f.key && f.level == FieldLevel::kHousehold;
  const bool nullable = !household_key;
  auto type = [&](const char* json_type) {
    if (nullable) {
      w.RawList("type", {JsonWriter::Quote(json_type), "\"null\""});
    } else {
      w.String("type", json_type);
    }
  };
  std::vector<std::string> spellings = JsonWriter::Quoted(f.values);
  for (const auto& alias : f.aliases) spellings.push_back(JsonWriter::Quote(alias.first));
  switch (f.type) {
    case FieldType::kBool:
      // JSON true/false, the numbers 1 and 0, or a spelling as text.
      w.Open("anyOf", '[');
      w.Raw("", R"({ "type": ["boolean", "null"] })");
      w.Raw("", R"({ "enum": [0, 1] })");
      w.Raw("", absl::StrCat(R"({ "type": "string", "pattern": )", JsonWriter::Quote(BoolPattern(formats)), " }"));
      w.Close(']');
      break;
    case FieldType::kInt:
      type("integer");
      break;
    case FieldType::kNumber:
      type("number");
      break;
    case FieldType::kString:
      type("string");
      if (household_key) w.Raw("minLength", "1");
      break;
    case FieldType::kEnum:
      if (nullable) spellings.emplace_back("null");
      w.RawList("enum", spellings);
      break;
    case FieldType::kSet:
      type("array");
      w.Open("items", '{');
      w.RawList("enum", spellings);
      w.Close('}');
      break;
    case FieldType::kDate:
      type("string");
      if (formats.day_first) {
        w.String("pattern", "^(?:[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{2}/[0-9]{2}/[0-9]{4})$");
      } else {
        w.String("format", "date");
        w.String("pattern", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$");
      }
      // Date bounds are not numbers: ajv's formatMinimum/formatMaximum take
      // them as strings, and the description says them in words.
      if (f.min) w.String("formatMinimum", FormatFieldBound(f.type, *f.min));
      if (f.max) w.String("formatMaximum", FormatFieldBound(f.type, *f.max));
      return;
  }
  if (f.min) w.Raw("minimum", BoundJson(f.type, *f.min));
  if (f.max) w.Raw("maximum", BoundJson(f.type, *f.max));
}

std::string Description(const FieldInfo& f, const ReadOptions& formats) {
  std::string d = f.doc;
  auto sentence = [&d](const std::string& s) { absl::StrAppend(&d, d.empty() ? "" : " ", s); };
  if (f.type == FieldType::kDate) {
    if (formats.day_first) sentence("A date YYYY-MM-DD or DD/MM/YYYY.");
    if (f.min && f.max) {
      sentence(absl::StrCat("From ", FormatFieldBound(f.type, *f.min), " to ", FormatFieldBound(f.type, *f.max), "."));
    } else if (f.min) {
      sentence(absl::StrCat("From ", FormatFieldBound(f.type, *f.min), "."));
    } else if (f.max) {
      sentence(absl::StrCat("Up to ", FormatFieldBound(f.type, *f.max), "."));
    }
  }
  return d;
}

void WriteProperty(const FieldInfo& f, const ReadOptions& formats, JsonWriter& w) {
  w.Open(f.name, '{');
  if (!f.label_id.empty()) w.String("title", f.label_id);
  if (std::string d = Description(f, formats); !d.empty()) w.String("description", d);
  if (!f.label_en.empty()) w.String("x-label-en", f.label_en);
  w.String("x-layak-type", FieldTypeName(f.type));
  WriteType(f, formats, w);
  if (!f.aliases.empty()) {
    w.Open("x-layak-aliases", '{');
    for (const auto& [alias, value] : f.aliases) w.String(alias, value);
    w.Close('}');
  }
  if (f.key) w.Bool("x-layak-key", true);
  if (f.is_protected) w.Bool("x-layak-protected", true);
  if (f.sensitive) w.Bool("x-layak-sensitive", true);
  w.StringList("x-layak-programs", f.programs);
  w.Close('}');
}

// The "properties" and "required" of one level's object.
void WriteLevel(const std::vector<FieldInfo>& fields, FieldLevel level, const ReadOptions& formats, JsonWriter& w,
                bool with_members) {
  std::vector<std::string> required;
  w.Open("properties", '{');
  for (const FieldInfo& f : fields) {
    if (f.level != level || f.derived) continue;
    WriteProperty(f, formats, w);
    if (f.key && level == FieldLevel::kHousehold) required.push_back(f.name);
  }
  if (with_members) {
    w.Open("members", '{');
    w.String("description", "The household's members, one object per person, in order.");
    w.String("type", "array");
    w.Open("items", '{');
    w.String("type", "object");
    WriteLevel(fields, FieldLevel::kMember, formats, w, false);
    w.Close('}');
    w.Close('}');
  }
  w.Close('}');
  if (!required.empty()) w.StringList("required", required);
}

}  // namespace

std::string FormatFieldBound(FieldType type, int64_t bound) {
  if (type == FieldType::kNumber) return util::FormatScaledDecimal(bound);
  if (type == FieldType::kDate) return util::FormatIsoDate(static_cast<int32_t>(bound));
  return absl::StrCat(bound);
}

std::string HouseholdJsonSchema(const RulePack& pack) {
  const std::vector<FieldInfo> fields = DescribeSchema(pack);
  const ReadOptions formats = PackReadOptions(pack);
  JsonWriter w;
  w.Open("", '{');
  w.String("$schema", "https://json-schema.org/draft/2020-12/schema");
  w.String("title", absl::StrCat("Household of pack ", pack.id(), " ", pack.version()));
  w.String("description",
           "One household as layak's JSON Lines reader (one per line) and ReadJsonHousehold take it: a field "
           "left out or null is unknown; the persons are nested in \"members\". Keys not in the schema are "
           "ignored with a note; derived fields are computed by the pack and not read.");
  w.String("x-layak-pack", pack.id());
  w.String("x-layak-version", pack.version());
  w.String("type", "object");
  WriteLevel(fields, FieldLevel::kHousehold, formats, w, true);
  w.Close('}');
  return w.Finish();
}

std::string DescribeSchemaJson(const RulePack& pack) {
  JsonWriter w;
  w.Open("", '{');
  w.String("pack", pack.id());
  w.String("version", pack.version());
  w.Open("fields", '[');
  for (const FieldInfo& f : DescribeSchema(pack)) {
    w.Open("", '{');
    w.String("name", f.name);
    w.String("level", LevelName(f.level));
    w.String("type", FieldTypeName(f.type));
    w.StringList("values", f.values);
    w.Open("aliases", '{');
    for (const auto& [alias, value] : f.aliases) w.String(alias, value);
    w.Close('}');
    w.Raw("min", f.min ? BoundJson(f.type, *f.min) : "null");
    w.Raw("max", f.max ? BoundJson(f.type, *f.max) : "null");
    w.Bool("key", f.key);
    w.Bool("protected", f.is_protected);
    w.Bool("sensitive", f.sensitive);
    w.Bool("derived", f.derived);
    w.String("doc", f.doc);
    w.Open("label", '{');
    w.String("id", f.label_id);
    w.String("en", f.label_en);
    w.Close('}');
    w.StringList("programs", f.programs);
    w.Close('}');
  }
  w.Close(']');
  w.Close('}');
  return w.Finish();
}

}  // namespace layak
