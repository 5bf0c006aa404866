#include "io/csv_reader.h"

#include <memory>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "util/absl_compat.h"
#include "util/edit_distance.h"

namespace layak::io {

namespace {

// Splits rows into fields; quoted fields are unescaped into `buf`.
class CsvScanner {
 public:
  CsvScanner(std::string_view text, char delimiter) : text_(text), delim_(delimiter) {}

  bool done() const { return pos_ >= text_.size(); }
  uint64_t line() const { return line_; }

  // Reads one row; `record` is its raw text. False on an unterminated quote.
  bool Next(std::vector<std::string_view>* fields, std::string* buf, std::string_view* record, uint64_t* row_line) {
    fields->clear();
    buf->clear();
    *row_line = line_;
    const std::size_t start = pos_;
    // Quoted fields point into `buf`; remember them as offsets until the row ends.
    quoted_.clear();
    bool ok = true;
    while (true) {
      if (pos_ < text_.size() && text_[pos_] == '"') {
        std::size_t from = buf->size();
        ++pos_;
        while (true) {
          std::size_t q = text_.find('"', pos_);
          if (q == std::string_view::npos) {
            buf->append(text_.substr(pos_));
            pos_ = text_.size();
            ok = false;
            break;
          }
          std::string_view part = text_.substr(pos_, q - pos_);
          for (char c : part) line_ += c == '\n';
          buf->append(part);
          pos_ = q + 1;
          if (pos_ < text_.size() && text_[pos_] == '"') {
            buf->push_back('"');
            ++pos_;
            continue;
          }
          break;
        }
        // Text after the closing quote, up to the delimiter, is kept as is.
        std::size_t end = pos_;
        while (end < text_.size() && text_[end] != delim_ && text_[end] != '\n') ++end;
        buf->append(text_.substr(pos_, end - pos_));
        pos_ = end;
        quoted_.push_back({fields->size(), from, buf->size()});
        fields->push_back({});
      } else {
        std::size_t end = pos_;
        while (end < text_.size() && text_[end] != delim_ && text_[end] != '\n') ++end;
        std::string_view f = text_.substr(pos_, end - pos_);
        pos_ = end;
        fields->push_back(f);
      }
      if (pos_ < text_.size() && text_[pos_] == delim_) {
        ++pos_;
        continue;
      }
      break;
    }
    std::size_t end = pos_;
    if (pos_ < text_.size()) {
      ++pos_;  // the '\n'
      ++line_;
    }
    if (!fields->empty() && !fields->back().empty() && fields->back().back() == '\r') {
      fields->back().remove_suffix(1);
    }
    for (const auto& q : quoted_) (*fields)[q.field] = std::string_view(*buf).substr(q.from, q.to - q.from);
    if (end > start && text_[end - 1] == '\r') --end;
    *record = text_.substr(start, end - start);
    return ok;
  }

 private:
  struct Quoted {
    std::size_t field, from, to;
  };
  std::string_view text_;
  char delim_;
  std::size_t pos_ = 0;
  uint64_t line_ = 1;
  std::vector<Quoted> quoted_;
};

bool BlankRow(const std::vector<std::string_view>& fields) { return fields.size() == 1 && fields[0].empty(); }

}  // namespace

void ReadCsv(const InputFile& file, pack::Scope scope, const ReadOptions& options, data::Staging* staging,
             std::vector<std::string>* notes) {
  const ir::Module& m = staging->module();
  const uint32_t src = staging->AddSource(file.path());
  const bool members = scope == pack::Scope::kMember;
  data::CaseloadData& data = staging->data();
  data::Table& table = data.table(scope);
  CsvScanner scan(file.text(), options.formats.delimiter);
  std::vector<std::string_view> fields;
  std::string buf;
  std::string_view record;
  uint64_t line = 0;
  if (scan.done()) {
    staging->Fatal({src, 1, 0, "the file is empty: expected a header row of column names"});
    return;
  }
  scan.Next(&fields, &buf, &record, &line);
  std::vector<std::string> header(fields.begin(), fields.end());

  // Map columns to fields of this scope.
  struct Col {
    int field;
    std::unique_ptr<data::ValueParser> parser;
  };
  std::vector<Col> cols(header.size());
  std::vector<std::string> ignored, names;
  int key_col = -1, link_col = -1;
  const int key_field = data.key_field(scope);
  for (std::size_t f = 0; f < m.fields.size(); ++f) {
    if (m.fields[f].scope == scope && m.fields[f].derive < 0) names.push_back(m.fields[f].name);
  }
  for (std::size_t c = 0; c < header.size(); ++c) {
    cols[c].field = -1;
    if (members && header[c] == options.member_household_column) {
      link_col = static_cast<int>(c);
      continue;
    }
    int f = m.FindField(header[c], scope);
    if (f < 0 || m.fields[static_cast<std::size_t>(f)].derive >= 0) {
      ignored.push_back(header[c]);
      continue;
    }
    if (f == key_field) key_col = static_cast<int>(c);
    bool wanted = options.fields.empty() || options.fields[static_cast<std::size_t>(f)] || f == key_field;
    if (!wanted) continue;
    if (table.present[static_cast<std::size_t>(f)]) {
      staging->Fatal({src, 1, static_cast<int>(c + 1), absl::StrCat("column '", header[c], "' appears twice")});
      return;
    }
    cols[c].field = f;
    cols[c].parser = std::make_unique<data::ValueParser>(m, f, options.formats);
    table.present[static_cast<std::size_t>(f)] = 1;
  }
  if (!ignored.empty()) {
    notes->push_back(absl::StrCat(file.path(), ": note: ignoring column", ignored.size() > 1 ? "s " : " ",
                                  absl::StrJoin(ignored, ", "), ", not in the schema's ",
                                  members ? "member" : "household", " fields"));
  }
  if (key_field >= 0 && key_col < 0) {
    const std::string& key = m.fields[static_cast<std::size_t>(key_field)].name;
    staging->Fatal({src, 1, 0,
                    absl::StrCat("no key column '", key, "' in the header",
                                 util::DidYouMean(key, header).empty() ? "" : util::DidYouMean(key, header))});
    return;
  }
  if (members && link_col < 0) {
    staging->Fatal({src, 1, 0,
                    absl::StrCat("no column '", options.member_household_column,
                                 "' naming each person's household (use --member-key to give another name)")});
    return;
  }
  std::vector<std::string> absent;
  for (std::size_t f = 0; f < m.fields.size(); ++f) {
    const ir::Field& fd = m.fields[f];
    if (fd.scope != scope || fd.derive >= 0 || table.present[f]) continue;
    if (options.fields.empty() || options.fields[f]) absent.push_back(fd.name);
  }
  if (!absent.empty()) {
    notes->push_back(
        absl::StrCat(file.path(), ": note: no column for ", absl::StrJoin(absent, ", "), ": every value is unknown"));
  }

  std::vector<int64_t> values(header.size());
  std::vector<uint8_t> state(header.size());
  std::string error;
  const uint64_t staged_before = table.rows;
  while (!scan.done()) {
    bool closed = scan.Next(&fields, &buf, &record, &line);
    if (BlankRow(fields) && scan.done()) break;
    data::RowOrigin origin{src, line, record};
    if (!closed) {
      staging->RejectRow(origin, {src, line, 0, "a quoted field is not closed before the end of the file"}, members);
      break;
    }
    if (fields.size() != header.size()) {
      staging->RejectRow(
          origin,
          {src, line, 0, absl::StrCat("expected ", header.size(), " fields as in the header, found ", fields.size())},
          members);
      continue;
    }
    std::string reasons;
    int first_col = 0;
    for (std::size_t c = 0; c < cols.size(); ++c) {
      if (!cols[c].parser) continue;
      auto r = cols[c].parser->Parse(fields[c], &values[c], &error);
      state[c] = static_cast<uint8_t>(r);
      if (r == data::CellResult::kError) {
        if (first_col == 0) first_col = static_cast<int>(c + 1);
        absl::StrAppend(&reasons, reasons.empty() ? "" : "; ", error);
      }
    }
    std::string_view key = key_col >= 0 ? fields[static_cast<std::size_t>(key_col)] : std::string_view();
    if (reasons.empty() && key_col >= 0 && key.empty()) {
      first_col = key_col + 1;
      reasons = absl::StrCat("the key '", header[static_cast<std::size_t>(key_col)], "' is empty");
    }
    int64_t household = -1;
    if (members) {
      std::string_view link = fields[static_cast<std::size_t>(link_col)];
      household = staging->FindHousehold(link);
      if (household < 0 && reasons.empty()) {
        first_col = link_col + 1;
        uint64_t rejected_line = staging->RejectedHouseholdLine(link);
        reasons = link.empty() ? absl::StrCat("'", options.member_household_column, "' is empty")
                  : rejected_line > 0
                      ? absl::StrCat("its household '", util::Sv(link), "' (line ", rejected_line, ") is rejected")
                      : absl::StrCat("household '", util::Sv(link), "' is not in the households file");
      }
    }
    const uint64_t row = table.rows;
    if (reasons.empty() && key_col >= 0) {
      uint64_t first_line = 0;
      bool fresh =
          members ? staging->AddMemberKey(key, row, &first_line) : staging->AddHouseholdKey(key, row, &first_line);
      if (!fresh) {
        first_col = key_col + 1;
        reasons = absl::StrCat("duplicate key '", util::Sv(key), "' (first on line ", first_line, ")");
      }
    }
    if (!reasons.empty()) {
      if (!members && !key.empty()) staging->NoteRejectedHousehold(key, line);
      staging->RejectRow(origin, {src, line, first_col, reasons}, members, -1, household);
      continue;
    }
    for (std::size_t c = 0; c < cols.size(); ++c) {
      if (!cols[c].parser) continue;
      data::Column& col = table.columns[static_cast<std::size_t>(cols[c].field)];
      if (state[c] == static_cast<uint8_t>(data::CellResult::kUnknown)) {
        col.AppendUnknown();
      } else if (cols[c].parser->is_string()) {
        col.AppendString(fields[c]);
      } else {
        col.Append(values[c]);
      }
    }
    ++table.rows;
    if (members) {
      staging->StagedMember(origin, household);
    } else {
      staging->StagedHousehold(origin);
    }
  }
  (void)staged_before;
}

}  // namespace layak::io
