#include "io/jsonl_reader.h"

#include <simdjson.h>

#include <memory>
#include <set>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "util/absl_compat.h"

namespace layak::io {

namespace {

namespace od = simdjson::ondemand;

// Per-scope column readers and the cells of the row being read.
struct ScopeReader {
  pack::Scope scope;
  std::vector<std::unique_ptr<data::ValueParser>> parsers;  // per field, null if not read
  std::vector<int64_t> values;
  std::vector<uint8_t> state;  // CellResult, kUnknown when absent
  std::vector<std::string> texts;
};

// Reads one JSON value as a cell of field `f`; returns false and sets *error
// on a value of the wrong kind.
bool ReadCell(od::value v, ScopeReader& r, int f, std::string* error) {
  auto idx = static_cast<std::size_t>(f);
  const data::ValueParser& p = *r.parsers[idx];
  od::json_type type;
  if (v.type().get(type) != simdjson::SUCCESS) {
    *error = "malformed JSON value";
    return false;
  }
  data::CellResult res = data::CellResult::kUnknown;
  switch (type) {
    case od::json_type::null:
      res = data::CellResult::kUnknown;
      break;
    case od::json_type::string: {
      std::string_view s;
      if (v.get_string().get(s) != simdjson::SUCCESS) {
        *error = "malformed string";
        return false;
      }
      r.texts[idx].assign(s);
      res = s.empty() && !p.is_string() ? data::CellResult::kUnknown : p.Parse(s, &r.values[idx], error);
      if (s.empty() && p.is_string()) res = data::CellResult::kValue;
      break;
    }
    case od::json_type::number:
    case od::json_type::boolean: {
      std::string_view raw = v.raw_json_token();
      while (!raw.empty() && (raw.back() == ' ' || raw.back() == '\n' || raw.back() == '\r' || raw.back() == '\t' ||
                              raw.back() == ',' || raw.back() == '}' || raw.back() == ']')) {
        raw.remove_suffix(1);
      }
      r.texts[idx].assign(raw);
      res = p.Parse(raw, &r.values[idx], error);
      break;
    }
    case od::json_type::array: {
      if (p.field().type.kind != ir::Type::kSet) {
        *error = absl::StrCat("a list is not a value of '", p.field().name, "'");
        return false;
      }
      int64_t mask = 0;
      od::array arr = v.get_array();
      for (auto elem : arr) {
        std::string_view s;
        if (elem.get_string().get(s) != simdjson::SUCCESS) {
          *error = absl::StrCat("the elements of '", p.field().name, "' must be strings");
          return false;
        }
        int64_t bit = 0;
        if (p.Parse(s, &bit, error) != data::CellResult::kValue) return false;
        mask |= bit;
      }
      r.values[idx] = mask;
      res = data::CellResult::kValue;
      break;
    }
    default:
      *error = absl::StrCat("an object is not a value of '", p.field().name, "'");
      return false;
  }
  if (res == data::CellResult::kError) return false;
  r.state[idx] = static_cast<uint8_t>(res);
  return true;
}

void Append(data::Table& table, ScopeReader& r) {
  for (std::size_t f = 0; f < r.parsers.size(); ++f) {
    if (!r.parsers[f]) continue;
    data::Column& col = table.columns[f];
    if (r.state[f] != static_cast<uint8_t>(data::CellResult::kValue)) {
      col.AppendUnknown();
    } else if (r.parsers[f]->is_string()) {
      col.AppendString(r.texts[f]);
    } else {
      col.Append(r.values[f]);
    }
    r.state[f] = static_cast<uint8_t>(data::CellResult::kUnknown);
  }
  ++table.rows;
}

}  // namespace

void ReadJsonl(const InputFile& file, const ReadOptions& options, data::Staging* staging,
               std::vector<std::string>* notes) {
  const ir::Module& m = staging->module();
  const bool ranged = options.range_line > 0;
  const uint32_t src =
      staging->AddSource(file.path(), file.text(), ranged ? options.range_begin : 0, ranged ? options.range_line : 1);
  data::CaseloadData& data = staging->data();
  ScopeReader readers[2];
  for (int s = 0; s < 2; ++s) {
    readers[s].scope = static_cast<pack::Scope>(s);
    readers[s].parsers.resize(m.fields.size());
    readers[s].values.resize(m.fields.size());
    readers[s].state.assign(m.fields.size(), static_cast<uint8_t>(data::CellResult::kUnknown));
    readers[s].texts.resize(m.fields.size());
  }
  data::Formats json_formats;  // JSON numbers always use '.'
  json_formats.true_spellings = options.formats.true_spellings;
  json_formats.false_spellings = options.formats.false_spellings;
  json_formats.day_first = options.formats.day_first;
  for (std::size_t f = 0; f < m.fields.size(); ++f) {
    const ir::Field& fd = m.fields[f];
    if (fd.derive >= 0) continue;
    bool key = static_cast<int>(f) == data.key_field(fd.scope);
    if (!options.fields.empty() && !options.fields[f] && !key) continue;
    readers[static_cast<int>(fd.scope)].parsers[f] =
        std::make_unique<data::ValueParser>(m, static_cast<int>(f), json_formats);
    data.table(fd.scope).present[f] = 1;
  }
  std::set<std::string> ignored;
  od::parser parser;
  std::string_view text = file.text();
  std::size_t pos = ranged ? options.range_begin : 0;
  uint64_t line = ranged ? options.range_line - 1 : 0;
  if (ranged) text = text.substr(0, options.range_end);
  simdjson::padded_string padded;
  std::string error;
  while (pos < text.size()) {
    std::size_t nl = text.find('\n', pos);
    std::size_t end = nl == std::string_view::npos ? text.size() : nl;
    std::string_view record = text.substr(pos, end - pos);
    pos = end + 1;
    ++line;
    if (!record.empty() && record.back() == '\r') record.remove_suffix(1);
    if (record.find_first_not_of(" \t") == std::string_view::npos) continue;
    data::RowOrigin origin{static_cast<uint64_t>(record.data() - text.data()), static_cast<uint32_t>(record.size()),
                           src};
    padded = simdjson::padded_string(record);
    std::string reasons;
    uint64_t member_count = 0;
    std::string key;
    std::vector<std::string> member_keys;
    std::size_t hh_rows = data.table(pack::Scope::kHousehold).rows;
    // Members are staged into a side reader first so that a bad household
    // leaves no trace; the cells go to the columns once the line is good.
    std::vector<std::vector<std::pair<std::size_t, std::pair<int64_t, std::string>>>> member_cells;
    auto fail = [&](const std::string& why) {
      if (reasons.empty()) reasons = why;
    };
    od::document doc;
    od::object obj;
    if (parser.iterate(padded).get(doc) != simdjson::SUCCESS || doc.get_object().get(obj) != simdjson::SUCCESS) {
      fail("not a JSON object");
    } else {
      for (auto field : obj) {
        std::string_view k;
        if (field.unescaped_key().get(k) != simdjson::SUCCESS) {
          fail("malformed JSON key");
          break;
        }
        od::value v = field.value();
        if (k == "members") {
          od::array arr;
          if (v.get_array().get(arr) != simdjson::SUCCESS) {
            fail("'members' must be a list of objects");
            break;
          }
          for (auto elem : arr) {
            od::object mo;
            ++member_count;
            if (elem.get_object().get(mo) != simdjson::SUCCESS) {
              fail(absl::StrCat("members[", member_count, "] is not an object"));
              break;
            }
            member_cells.emplace_back();
            for (auto mf : mo) {
              std::string_view mk;
              if (mf.unescaped_key().get(mk) != simdjson::SUCCESS) {
                fail("malformed JSON key");
                break;
              }
              int f = m.FindField(std::string(mk), pack::Scope::kMember);
              if (f < 0 || !readers[1].parsers[static_cast<std::size_t>(f)]) {
                if (f < 0) ignored.insert(absl::StrCat("members[].", util::Sv(mk)));
                continue;
              }
              if (!ReadCell(mf.value(), readers[1], f, &error)) {
                fail(absl::StrCat("members[", member_count, "].", util::Sv(mk), ": ", error));
                continue;
              }
              auto idx = static_cast<std::size_t>(f);
              bool known = readers[1].state[idx] == static_cast<uint8_t>(data::CellResult::kValue);
              // "\x01" marks an unknown cell (null or empty).
              member_cells.back().push_back(
                  {idx, {readers[1].values[idx], known ? readers[1].texts[idx] : std::string("\x01")}});
              readers[1].state[idx] = static_cast<uint8_t>(data::CellResult::kUnknown);
            }
            if (!reasons.empty()) break;
          }
          if (!reasons.empty()) break;
          continue;
        }
        int f = m.FindField(std::string(k), pack::Scope::kHousehold);
        if (f < 0 || !readers[0].parsers[static_cast<std::size_t>(f)]) {
          if (f < 0) ignored.insert(std::string(k));
          continue;
        }
        if (!ReadCell(v, readers[0], f, &error)) fail(absl::StrCat(util::Sv(k), ": ", error));
        if (f == data.key_field(pack::Scope::kHousehold)) key = readers[0].texts[static_cast<std::size_t>(f)];
      }
    }
    const int hkey = data.key_field(pack::Scope::kHousehold);
    if (reasons.empty() && hkey >= 0 && key.empty()) {
      fail(absl::StrCat("no household key '", m.fields[static_cast<std::size_t>(hkey)].name, "'"));
    }
    const int mkey = data.key_field(pack::Scope::kMember);
    if (reasons.empty() && hkey >= 0) {
      uint64_t first = 0;
      if (!staging->AddHouseholdKey(key, hh_rows, &first)) {
        fail(absl::StrCat("duplicate key '", key, "' (first on ", staging->FirstPlace(first), ")"));
      }
    }
    if (!reasons.empty()) {
      for (auto& st : readers[0].state) st = static_cast<uint8_t>(data::CellResult::kUnknown);
      staging->RejectRow(origin, {src, line, 0, reasons}, false);
      continue;
    }
    Append(data.table(pack::Scope::kHousehold), readers[0]);
    staging->StagedHousehold(origin);
    for (const auto& cells : member_cells) {
      uint64_t key_hash = 0;
      for (const auto& cell : cells) {
        if (cell.second.second == "\x01") continue;
        readers[1].values[cell.first] = cell.second.first;
        readers[1].texts[cell.first] = cell.second.second;
        readers[1].state[cell.first] = static_cast<uint8_t>(data::CellResult::kValue);
        if (static_cast<int>(cell.first) == mkey) key_hash = data::KeyHash(cell.second.second);
      }
      Append(data.table(pack::Scope::kMember), readers[1]);
      staging->StagedMember(origin, static_cast<int64_t>(hh_rows), key_hash);
    }
  }
  if (!ignored.empty() && options.notes) {
    notes->push_back(absl::StrCat(file.path(), ": note: ignoring key", ignored.size() > 1 ? "s " : " ",
                                  absl::StrJoin(ignored, ", "), ", not in the schema"));
  }
}

}  // namespace layak::io
