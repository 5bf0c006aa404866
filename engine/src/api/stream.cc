// layak/caseload.h: streaming a caseload larger than memory, chunk by chunk.
// The chunk boundaries are found by a light pass (the household keys of the
// next N rows, then the member rows naming them); each chunk is then read by
// the ordinary readers on that byte range, and its pages are released.
#include <cstring>
#include <string>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "api/caseload_impl.h"
#include "api/rule_pack_impl.h"
#include "io/input_file.h"
#include "io/jsonl_reader.h"
#include "layak/caseload.h"
#include "util/absl_compat.h"

namespace layak {

namespace {

// Reads rows one at a time: the field at `column` of each, and its span.
class RowCursor {
 public:
  RowCursor(std::string_view text, char delimiter) : text_(text), delim_(delimiter) {}

  std::size_t pos() const { return pos_; }
  uint64_t line() const { return line_; }
  bool done() const { return pos_ >= text_.size(); }

  // Skips the header row; returns its column names.
  std::vector<std::string> Header() {
    std::vector<std::string> names;
    std::size_t end = RowEnd(pos_);
    std::string_view row = text_.substr(pos_, end - pos_);
    if (!row.empty() && row.back() == '\r') row.remove_suffix(1);
    for (std::size_t at = 0;;) {
      std::size_t d = row.find(delim_, at);
      std::string_view f = row.substr(at, d == std::string_view::npos ? std::string_view::npos : d - at);
      if (f.size() >= 2 && f.front() == '"' && f.back() == '"') f = f.substr(1, f.size() - 2);
      names.emplace_back(f);
      if (d == std::string_view::npos) break;
      at = d + 1;
    }
    Advance(end);
    return names;
  }

  // The raw text of field `column` of the row at pos() (quotes stripped; a
  // key with "" escapes is compared as written), without moving.
  std::string_view Field(int column) const {
    std::size_t end = RowEnd(pos_);
    std::string_view row = text_.substr(pos_, end - pos_);
    if (!row.empty() && row.back() == '\r') row.remove_suffix(1);
    std::size_t at = 0;
    for (int c = 0; c < column; ++c) {
      if (at < row.size() && row[at] == '"') {
        std::size_t q = at + 1;
        while (q < row.size()) {
          if (row[q] == '"' && (q + 1 >= row.size() || row[q + 1] != '"')) break;
          q += row[q] == '"' ? 2 : 1;
        }
        at = q + 1;
      } else {
        at = row.find(delim_, at);
        if (at == std::string_view::npos) return {};
      }
      if (at >= row.size()) return {};
      ++at;  // past the delimiter
    }
    std::size_t d = row.find(delim_, at);
    std::string_view f = row.substr(at, d == std::string_view::npos ? std::string_view::npos : d - at);
    if (f.size() >= 2 && f.front() == '"' && f.back() == '"') f = f.substr(1, f.size() - 2);
    return f;
  }

  void Next() { Advance(RowEnd(pos_)); }

 private:
  // The end of the row at `from` (its '\n' or the end), quotes respected.
  std::size_t RowEnd(std::size_t from) const {
    const char* base = text_.data();
    std::size_t i = from;
    while (i < text_.size()) {
      const void* nl = std::memchr(base + i, '\n', text_.size() - i);
      const std::size_t end =
          nl == nullptr ? text_.size() : static_cast<std::size_t>(static_cast<const char*>(nl) - base);
      const void* q = std::memchr(base + i, '"', end - i);
      if (q == nullptr) return end;
      // A quoted field: skip to its closing quote, which may be on a later line.
      const void* close =
          std::memchr(static_cast<const char*>(q) + 1, '"',
                      text_.size() - (static_cast<std::size_t>(static_cast<const char*>(q) - base) + 1));
      if (close == nullptr) return text_.size();
      i = static_cast<std::size_t>(static_cast<const char*>(close) - base) + 1;
    }
    return text_.size();
  }
  void Advance(std::size_t end) {
    for (std::size_t i = pos_; i < end; ++i) line_ += text_[i] == '\n';
    pos_ = end < text_.size() ? end + 1 : end;
    if (end < text_.size()) ++line_;
  }

  std::string_view text_;
  char delim_;
  std::size_t pos_ = 0;
  uint64_t line_ = 1;
};

int IndexOf(const std::vector<std::string>& header, const std::string& name) {
  for (std::size_t i = 0; i < header.size(); ++i) {
    if (header[i] == name) return static_cast<int>(i);
  }
  return -1;
}

}  // namespace

absl::Status StreamCsvCaseload(const RulePack& pack, const std::string& households, const std::string& members,
                               const ReadOptions& options, std::size_t chunk_households, const ChunkFn& fn) {
  const ir::Module& m = *pack.impl().module;
  auto opts = ToInternal(m, options);
  if (!opts.ok()) return opts.status();
  auto hf = io::InputFile::Open(households);
  if (!hf.ok()) return hf.status();
  auto mf = io::InputFile::Open(members);
  if (!mf.ok()) return mf.status();
  const char delim = options.delimiter;
  RowCursor hc(hf->text(), delim), mc(mf->text(), delim);
  std::vector<std::string> hheader = hc.Header(), mheader = mc.Header();
  const int hkey_field = data::KeyField(m, pack::Scope::kHousehold);
  const int hkey = hkey_field < 0 ? -1 : IndexOf(hheader, m.fields[static_cast<std::size_t>(hkey_field)].name);
  const int link = IndexOf(mheader, options.member_household_column);
  absl::flat_hash_set<uint64_t> seen;  // household key fingerprints of earlier chunks
  bool first = true;
  chunk_households = std::max<std::size_t>(chunk_households, 1);
  while (first || !hc.done() || !mc.done()) {
    // Households of this chunk, then the member rows that name them.
    const std::size_t h_begin = hc.pos(), m_begin = mc.pos();
    const uint64_t h_line = hc.line(), m_line = mc.line();
    absl::flat_hash_set<std::string> keys;
    for (std::size_t n = 0; n < chunk_households && !hc.done(); ++n) {
      if (hkey >= 0) keys.insert(std::string(hc.Field(hkey)));
      hc.Next();
    }
    if (link >= 0 && hkey >= 0) {
      // Members naming this chunk's households (or an earlier chunk's: read
      // here, they stop the run as out of order). A member naming neither is
      // the next chunk's, unless it cannot be: then it is read here and
      // reported (a household not in the file), never silently held back.
      bool consumed = false;
      while (!mc.done()) {
        std::string_view l = mc.Field(link);
        bool ours = keys.contains(util::Sv(l)) || seen.contains(data::KeyHash(l));
        if (!ours) {
          RowCursor ahead = mc;
          ahead.Next();
          bool next_is_ours = !ahead.done() && keys.contains(util::Sv(ahead.Field(link)));
          ours = !consumed || next_is_ours || hc.done();
        }
        if (!ours) break;
        mc.Next();
        consumed = true;
      }
    } else {
      while (!mc.done()) mc.Next();
    }
    data::Staging staging(m);
    staging.SetSeenHouseholds(&seen);
    std::vector<std::string> notes;
    io::ReadOptions h = *opts, mo = *opts;
    h.range_begin = h_begin;
    h.range_end = hc.pos();
    h.range_line = h_line;
    mo.range_begin = m_begin;
    mo.range_end = mc.pos();
    mo.range_line = m_line;
    h.notes = mo.notes = first;
    io::ReadCsv(*hf, pack::Scope::kHousehold, h, &staging, &notes);
    if (!staging.fatal()) io::ReadCsv(*mf, pack::Scope::kMember, mo, &staging, &notes);
    ReadResult chunk = FinishRead(staging, std::move(notes));
    for (const std::string& k : keys) seen.insert(data::KeyHash(k));
    hf->Release(h_begin, hc.pos());
    mf->Release(m_begin, mc.pos());
    const bool fatal = chunk.fatal;
    if (auto s = fn(chunk); !s.ok()) return s;
    if (fatal) return absl::OkStatus();
    first = false;
    if (hc.done() && h_begin == hc.pos() && m_begin == mc.pos()) break;  // nothing left to read
  }
  return absl::OkStatus();
}

absl::Status StreamJsonlCaseload(const RulePack& pack, const std::string& path, const ReadOptions& options,
                                 std::size_t chunk_households, const ChunkFn& fn) {
  const ir::Module& m = *pack.impl().module;
  auto opts = ToInternal(m, options);
  if (!opts.ok()) return opts.status();
  auto f = io::InputFile::Open(path);
  if (!f.ok()) return f.status();
  std::string_view text = f->text();
  absl::flat_hash_set<uint64_t> seen;
  std::size_t pos = 0;
  uint64_t line = 1;
  bool first = true;
  chunk_households = std::max<std::size_t>(chunk_households, 1);
  while (first || pos < text.size()) {
    const std::size_t begin = pos;
    const uint64_t begin_line = line;
    for (std::size_t n = 0; n < chunk_households && pos < text.size(); ++n) {
      std::size_t nl = text.find('\n', pos);
      pos = nl == std::string_view::npos ? text.size() : nl + 1;
      ++line;
    }
    data::Staging staging(m);
    staging.SetSeenHouseholds(&seen);
    std::vector<std::string> notes;
    io::ReadOptions o = *opts;
    o.range_begin = begin;
    o.range_end = pos;
    o.range_line = begin_line;
    o.notes = first;
    io::ReadJsonl(*f, o, &staging, &notes);
    ReadResult chunk = FinishRead(staging, std::move(notes));
    const data::CaseloadData& d = *chunk.caseload->impl().data;
    for (std::size_t h = 0; h < d.households(); ++h) seen.insert(data::KeyHash(d.HouseholdKey(h)));
    f->Release(begin, pos);
    if (auto s = fn(chunk); !s.ok()) return s;
    first = false;
  }
  return absl::OkStatus();
}

}  // namespace layak
