#include "io/csv_reader.h"

#include <atomic>
#include <bit>
#include <condition_variable>
#include <cstring>
#include <memory>
#include <mutex>
#include <thread>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "util/absl_compat.h"
#include "util/edit_distance.h"

namespace layak::io {

namespace {

// Splits rows into fields; quoted fields are unescaped into `buf`.
class CsvScanner {
 public:
  CsvScanner(std::string_view text, std::size_t begin, std::size_t end, char delimiter)
      : text_(text.substr(0, end)), pos_(begin), delim_(delimiter) {}

  bool done() const { return pos_ >= text_.size(); }
  std::size_t pos() const { return pos_; }
  uint64_t newlines() const { return newlines_; }

  // Reads one row starting at pos(); *record is its raw span. False on an
  // unterminated quote.
  bool Next(std::vector<std::string_view>* fields, std::string* buf, std::size_t* rec_begin, std::size_t* rec_end) {
    fields->clear();
    buf->clear();
    quoted_.clear();
    *rec_begin = pos_;
    bool ok = true;
    const char* const base = text_.data();
    const std::size_t size = text_.size();
    auto find_eol = [&](std::size_t from) {
      const void* nl = std::memchr(base + from, '\n', size - from);
      return nl == nullptr ? size : static_cast<std::size_t>(static_cast<const char*>(nl) - base);
    };
    std::size_t eol = find_eol(pos_);
    if (std::endian::native == std::endian::little && std::memchr(base + pos_, '"', eol - pos_) == nullptr) {
      // The common row, with no quote: split eight bytes at a time.
      SplitPlain(base + pos_, eol - pos_, fields);
      *rec_end = eol;
      pos_ = eol;
      if (pos_ < size) {
        ++pos_;
        ++newlines_;
      }
      if (!fields->back().empty() && fields->back().back() == '\r') {
        fields->back().remove_suffix(1);
        --*rec_end;
      }
      return true;
    }
    while (true) {
      if (pos_ < size && base[pos_] == '"') {
        std::size_t from = buf->size();
        ++pos_;
        while (true) {
          const void* q = std::memchr(base + pos_, '"', size - pos_);
          if (q == nullptr) {
            buf->append(base + pos_, size - pos_);
            pos_ = size;
            ok = false;
            break;
          }
          std::size_t qi = static_cast<const char*>(q) - base;
          for (std::size_t i = pos_; i < qi; ++i) newlines_ += base[i] == '\n';
          buf->append(base + pos_, qi - pos_);
          pos_ = qi + 1;
          if (pos_ < size && base[pos_] == '"') {
            buf->push_back('"');
            ++pos_;
            continue;
          }
          break;
        }
        // Text after the closing quote, up to the delimiter, is kept as is.
        eol = find_eol(pos_);
        const void* d = std::memchr(base + pos_, delim_, eol - pos_);
        std::size_t end = d == nullptr ? eol : static_cast<std::size_t>(static_cast<const char*>(d) - base);
        buf->append(base + pos_, end - pos_);
        pos_ = end;
        quoted_.push_back({fields->size(), from, buf->size()});
        fields->push_back({});
      } else {
        const void* d = std::memchr(base + pos_, delim_, eol - pos_);
        std::size_t end = d == nullptr ? eol : static_cast<std::size_t>(static_cast<const char*>(d) - base);
        fields->emplace_back(base + pos_, end - pos_);
        pos_ = end;
      }
      if (pos_ < eol && base[pos_] == delim_) {
        ++pos_;
        continue;
      }
      break;
    }
    std::size_t end = pos_;
    if (pos_ < size) {
      ++pos_;  // the '\n'
      ++newlines_;
    }
    if (!fields->empty() && !fields->back().empty() && fields->back().back() == '\r') fields->back().remove_suffix(1);
    for (const auto& q : quoted_) (*fields)[q.field] = std::string_view(*buf).substr(q.from, q.to - q.from);
    if (end > *rec_begin && base[end - 1] == '\r') --end;
    *rec_end = end;
    return ok;
  }

 private:
  // Splits a row without quotes at the delimiter: a word-at-a-time search
  // (exact per-byte match, no false positives) in place of a byte loop.
  void SplitPlain(const char* b, std::size_t len, std::vector<std::string_view>* fields) const {
    constexpr uint64_t kLow7 = 0x7F7F7F7F7F7F7F7FULL;
    const uint64_t pattern = 0x0101010101010101ULL * static_cast<unsigned char>(delim_);
    std::size_t start = 0, i = 0;
    for (; i + 8 <= len; i += 8) {
      uint64_t w;
      std::memcpy(&w, b + i, 8);
      const uint64_t x = w ^ pattern;
      uint64_t m = ~(((x & kLow7) + kLow7) | x | kLow7);  // high bit of each byte equal to the delimiter
      while (m != 0) {
        const std::size_t at = i + (static_cast<std::size_t>(__builtin_ctzll(m)) >> 3);
        fields->emplace_back(b + start, at - start);
        start = at + 1;
        m &= m - 1;
      }
    }
    for (; i < len; ++i) {
      if (b[i] == delim_) {
        fields->emplace_back(b + start, i - start);
        start = i + 1;
      }
    }
    fields->emplace_back(b + start, len - start);
  }

  struct Quoted {
    std::size_t field, from, to;
  };
  std::string_view text_;
  std::size_t pos_;
  char delim_;
  uint64_t newlines_ = 0;
  std::vector<Quoted> quoted_;
};

bool BlankRow(const std::vector<std::string_view>& fields) { return fields.size() == 1 && fields[0].empty(); }

// Block boundaries at row starts in [begin, end): any newline when the text
// has no quote; otherwise a quote-aware scan finds them.
std::vector<std::size_t> SplitRows(std::string_view text, std::size_t begin, std::size_t blocks) {
  std::vector<std::size_t> cuts{begin};
  const std::size_t size = text.size();
  if (blocks <= 1 || size - begin < (1u << 20)) {
    cuts.push_back(size);
    return cuts;
  }
  const std::size_t step = (size - begin) / blocks;
  const bool quotes = std::memchr(text.data() + begin, '"', size - begin) != nullptr;
  if (!quotes) {
    for (std::size_t b = 1; b < blocks; ++b) {
      std::size_t at = text.find('\n', std::max(begin + b * step, cuts.back()));
      if (at == std::string_view::npos) break;
      if (at + 1 < size) cuts.push_back(at + 1);
    }
  } else {
    bool in_quote = false;
    std::size_t next = begin + step;
    for (std::size_t i = begin; i < size; ++i) {
      char c = text[i];
      if (c == '"') in_quote = !in_quote;
      if (c == '\n' && !in_quote && i + 1 >= next && i + 1 < size) {
        cuts.push_back(i + 1);
        next = i + 1 + step;
      }
    }
  }
  cuts.push_back(size);
  return cuts;
}

// What the parser of one block produces.
struct Block {
  std::vector<data::Column> cols;  // per header column read
  std::vector<data::RowOrigin> origins;
  std::vector<int64_t> household;  // members: the household row
  std::vector<uint64_t> key_hash;  // members: the member key's fingerprint
  struct Bad {
    data::RowOrigin origin;
    data::Problem problem;  // line relative to the block
    int64_t household = -1;
    std::string key;     // households: the rejected row's key
    bool fatal = false;  // stops the run: a member out of household order
  };
  std::vector<Bad> bad;
  std::vector<uint64_t> bad_at;  // staged rows before each bad row, to interleave
  uint64_t newlines = 0;
};

struct Layout {
  std::vector<int> field;  // per header column: field index, or -1
  std::vector<std::unique_ptr<data::ValueParser>> parsers;
  int key_col = -1, link_col = -1;
  std::size_t header_fields = 0;
};

void ParseBlock(std::string_view text, std::size_t begin, std::size_t end, bool members, const Layout& layout,
                const ReadOptions& options, const data::Staging& staging, uint32_t src, Block* out) {
  CsvScanner scan(text, begin, end, options.formats.delimiter);
  const std::size_t ncols = layout.field.size();
  out->cols.resize(ncols);
  for (std::size_t c = 0; c < ncols; ++c) {
    if (layout.field[c] < 0) continue;
    const ir::Field& f = staging.module().fields[static_cast<std::size_t>(layout.field[c])];
    out->cols[c] = data::Column(data::StorageFor(staging.module(), f.type));
    out->cols[c].Reserve((end - begin) / 64 + 16);
  }
  std::vector<std::string_view> fields;
  std::string buf, error;
  std::vector<int64_t> values(ncols);
  std::vector<uint8_t> state(ncols);
  std::size_t rb = 0, re = 0;
  // Registry exports group members by household: try the last one first.
  std::string_view last_link;
  int64_t last_household = -1;
  while (!scan.done()) {
    uint64_t line = scan.newlines();  // relative: rows before this one
    bool closed = scan.Next(&fields, &buf, &rb, &re);
    if (BlankRow(fields) && scan.done()) break;
    data::RowOrigin origin{rb, static_cast<uint32_t>(re - rb), src};
    auto reject = [&](int col, std::string why, int64_t household, std::string_view key, bool fatal = false) {
      out->bad_at.push_back(out->origins.size());
      out->bad.push_back({origin, {src, line, col, std::move(why)}, household, std::string(key), fatal});
    };
    if (!closed) {
      reject(0, "a quoted field is not closed before the end of the file", -1, {});
      break;
    }
    if (fields.size() != layout.header_fields) {
      reject(0, absl::StrCat("expected ", layout.header_fields, " fields as in the header, found ", fields.size()), -1,
             {});
      continue;
    }
    std::string reasons;
    int first_col = 0;
    for (std::size_t c = 0; c < ncols; ++c) {
      if (layout.field[c] < 0) continue;
      auto r = layout.parsers[c]->Parse(fields[c], &values[c], &error);
      state[c] = static_cast<uint8_t>(r);
      if (r == data::CellResult::kError) {
        if (first_col == 0) first_col = static_cast<int>(c + 1);
        absl::StrAppend(&reasons, reasons.empty() ? "" : "; ", error);
      }
    }
    std::string_view key = layout.key_col >= 0 ? fields[static_cast<std::size_t>(layout.key_col)] : std::string_view();
    if (reasons.empty() && layout.key_col >= 0 && key.empty()) {
      first_col = layout.key_col + 1;
      reasons = "the key is empty";
    }
    int64_t household = -1;
    if (members) {
      std::string_view link = fields[static_cast<std::size_t>(layout.link_col)];
      if (last_household >= 0 && link == last_link) {
        household = last_household;
      } else {
        household = staging.FindHouseholdNear(link, last_household + 1);
        if (household >= 0 && link.data() >= text.data() && link.data() < text.data() + text.size()) {
          last_link = link;  // points into the file, not into the row buffer
          last_household = household;
        }
      }
      if (household < 0 && staging.SeenBefore(link)) {
        reject(layout.link_col + 1,
               absl::StrCat("household '", util::Sv(link),
                            "' was in an earlier chunk: with --chunk, members must be grouped by household in the "
                            "order of the households file"),
               -1, {}, /*fatal=*/true);
        continue;
      }
      if (household < 0 && reasons.empty()) {
        first_col = layout.link_col + 1;
        uint64_t rejected_line = staging.RejectedHouseholdLine(link);
        reasons = link.empty() ? absl::StrCat("'", options.member_household_column, "' is empty")
                  : rejected_line > 0
                      ? absl::StrCat("its household '", util::Sv(link), "' (line ", rejected_line, ") is rejected")
                  : staging.chunked()
                      ? absl::StrCat("household '", util::Sv(link),
                                     "' is not in this chunk of the households file: it is missing, or members are not "
                                     "grouped by household in the order of the households file (as --chunk needs)")
                      : absl::StrCat("household '", util::Sv(link), "' is not in the households file");
      }
    }
    if (!reasons.empty()) {
      reject(first_col, std::move(reasons), household, members ? std::string_view() : key);
      continue;
    }
    for (std::size_t c = 0; c < ncols; ++c) {
      if (layout.field[c] < 0) continue;
      data::Column& col = out->cols[c];
      if (state[c] == static_cast<uint8_t>(data::CellResult::kUnknown)) {
        col.AppendUnknown();
      } else if (layout.parsers[c]->is_string()) {
        col.AppendString(fields[c]);
      } else {
        col.Append(values[c]);
      }
    }
    out->origins.push_back(origin);
    if (members) {
      out->household.push_back(household);
      out->key_hash.push_back(layout.key_col >= 0 ? data::KeyHash(key) : 0);
    }
  }
  out->newlines = scan.newlines();
}

}  // namespace

void ReadCsv(const InputFile& file, pack::Scope scope, const ReadOptions& options, data::Staging* staging,
             std::vector<std::string>* notes) {
  const ir::Module& m = staging->module();
  std::string_view text = file.text();
  const bool members = scope == pack::Scope::kMember;
  data::CaseloadData& data = staging->data();
  data::Table& table = data.table(scope);
  if (text.empty()) {
    staging->Fatal(
        {staging->AddSource(file.path(), text), 1, 0, "the file is empty: expected a header row of column names"});
    return;
  }
  CsvScanner header_scan(text, 0, text.size(), options.formats.delimiter);
  std::vector<std::string_view> hf;
  std::string hbuf;
  std::size_t rb = 0, re = 0;
  header_scan.Next(&hf, &hbuf, &rb, &re);
  const std::vector<std::string> header(hf.begin(), hf.end());
  const bool ranged = options.range_line > 0;
  const std::size_t body = ranged ? options.range_begin : header_scan.pos();
  const uint64_t first_line = ranged ? options.range_line : 1 + header_scan.newlines();
  const uint32_t src = staging->AddSource(file.path(), text, body, first_line);
  if (ranged) text = text.substr(0, options.range_end);

  Layout layout;
  layout.header_fields = header.size();
  layout.field.assign(header.size(), -1);
  layout.parsers.resize(header.size());
  std::vector<std::string> ignored;
  const int key_field = data.key_field(scope);
  for (std::size_t c = 0; c < header.size(); ++c) {
    if (members && header[c] == options.member_household_column) {
      layout.link_col = static_cast<int>(c);
      continue;
    }
    int f = m.FindField(header[c], scope);
    if (f < 0 || m.fields[static_cast<std::size_t>(f)].derive >= 0) {
      ignored.push_back(header[c]);
      continue;
    }
    if (f == key_field) layout.key_col = static_cast<int>(c);
    bool wanted = options.fields.empty() || options.fields[static_cast<std::size_t>(f)] || f == key_field;
    if (!wanted) continue;
    if (table.present[static_cast<std::size_t>(f)]) {
      staging->Fatal({src, 1, static_cast<int>(c + 1), absl::StrCat("column '", header[c], "' appears twice")});
      return;
    }
    layout.field[c] = f;
    layout.parsers[c] = std::make_unique<data::ValueParser>(m, f, options.formats);
    table.present[static_cast<std::size_t>(f)] = 1;
  }
  if (!ignored.empty() && options.notes) {
    notes->push_back(absl::StrCat(file.path(), ": note: ignoring column", ignored.size() > 1 ? "s " : " ",
                                  absl::StrJoin(ignored, ", "), ", not in the schema's ",
                                  members ? "member" : "household", " fields"));
  }
  if (key_field >= 0 && layout.key_col < 0) {
    const std::string& key = m.fields[static_cast<std::size_t>(key_field)].name;
    std::string hint = util::DidYouMean(key, header);
    staging->Fatal(
        {src, 1, 0, absl::StrCat("no key column '", key, "' in the header", hint.empty() ? "" : "; ", hint)});
    return;
  }
  if (members && layout.link_col < 0) {
    staging->Fatal({src, 1, 0,
                    absl::StrCat("no column '", options.member_household_column,
                                 "' naming each person's household (use --member-key to give another name)")});
    return;
  }
  if (members) staging->SetKeyColumn(src, layout.key_col + 1);
  std::vector<std::string> absent;
  for (std::size_t f = 0; f < m.fields.size(); ++f) {
    const ir::Field& fd = m.fields[f];
    if (fd.scope != scope || fd.derive >= 0 || table.present[f]) continue;
    if (options.fields.empty() || options.fields[f]) absent.push_back(fd.name);
  }
  if (!absent.empty() && options.notes) {
    notes->push_back(
        absl::StrCat(file.path(), ": note: no column for ", absl::StrJoin(absent, ", "), ": every value is unknown"));
  }

  // Parse blocks in parallel (read-only access to staging), then merge them
  // in order: keys, rejects and rows come out as a sequential read.
  const int threads = std::max(1, options.threads);
  // Blocks of about 8 MiB: worker threads parse them (reading the staging
  // only: household keys are complete before members are read) while this
  // thread merges them in order; a window bounds how far the parsers run
  // ahead, so memory holds a few blocks of parsed rows and mapped input, not
  // the whole file.
  const std::size_t body_bytes = text.size() - body;
  const std::size_t target = std::max<std::size_t>(static_cast<std::size_t>(threads) * 2, body_bytes >> 23);
  const std::vector<std::size_t> cuts = SplitRows(text, body, target);
  const std::size_t nblocks = cuts.size() - 1;
  const std::size_t window = static_cast<std::size_t>(threads) * 3;
  std::vector<Block> blocks(nblocks);
  std::mutex mu;
  std::condition_variable cv;
  std::vector<uint8_t> parsed(nblocks, 0);
  std::size_t merged = 0;
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    while (true) {
      const std::size_t b = next.fetch_add(1);
      if (b >= nblocks) return;
      {
        std::unique_lock<std::mutex> lock(mu);
        cv.wait(lock, [&] { return b < merged + window; });
      }
      ParseBlock(text, cuts[b], cuts[b + 1], members, layout, options, *staging, src, &blocks[b]);
      {
        std::lock_guard<std::mutex> lock(mu);
        parsed[b] = 1;
      }
      cv.notify_all();
    }
  };
  std::vector<std::thread> pool;
  if (threads > 1 && nblocks > 1) {
    for (int t = 0; t < threads; ++t) pool.emplace_back(worker);
  }
  uint64_t line_base = first_line;  // the line of the first row of the block
  {
    const std::size_t w0 = 0, w1 = nblocks;
    for (std::size_t b = w0; b < w1; ++b) {
      if (pool.empty()) {
        ParseBlock(text, cuts[b], cuts[b + 1], members, layout, options, *staging, src, &blocks[b]);
      } else {
        std::unique_lock<std::mutex> lock(mu);
        cv.wait(lock, [&] { return parsed[b] != 0; });
      }
      Block& blk = blocks[b];
      if (b == 0) {
        // Rows per byte of the first block estimate the file's rows: reserve once.
        const double per_byte =
            static_cast<double>(blk.origins.size()) / static_cast<double>(std::max<std::size_t>(cuts[1] - cuts[0], 1));
        const auto estimate = static_cast<std::size_t>(per_byte * static_cast<double>(body_bytes) * 1.02) + 16;
        for (std::size_t c = 0; c < layout.field.size(); ++c) {
          if (layout.field[c] >= 0) {
            table.columns[static_cast<std::size_t>(layout.field[c])].Reserve(table.rows + estimate);
          }
        }
      }
      std::size_t bad = 0;
      const uint64_t first_row = table.rows;
      auto flush_bad = [&](std::size_t staged_before) {
        for (; bad < blk.bad.size() && blk.bad_at[bad] <= staged_before; ++bad) {
          Block::Bad& x = blk.bad[bad];
          x.problem.line += line_base;
          if (x.fatal) {
            staging->Fatal(std::move(x.problem));
            continue;
          }
          if (!members && !x.key.empty()) staging->NoteRejectedHousehold(x.key, x.problem.line);
          staging->RejectRow(x.origin, std::move(x.problem), members, x.household);
        }
      };
      if (members && blk.bad.empty()) {
        staging->StagedMembers(blk.origins, blk.household, blk.key_hash);
      }
      for (std::size_t i = 0; i < blk.origins.size() && !(members && blk.bad.empty()); ++i) {
        flush_bad(i);
        const uint64_t row = first_row + i;
        if (members) {
          staging->StagedMember(blk.origins[i], blk.household[i], blk.key_hash[i]);
        } else {
          staging->StagedHousehold(blk.origins[i]);
          if (layout.key_col >= 0) {
            std::string_view key = blk.cols[static_cast<std::size_t>(layout.key_col)].text(i);
            uint64_t first = 0;
            if (!staging->AddHouseholdKey(key, row, &first)) {
              staging->RejectStagedHousehold(row, {src, staging->LineOf(blk.origins[i]), layout.key_col + 1,
                                                   absl::StrCat("duplicate key '", util::Sv(key), "' (first on ",
                                                                staging->FirstPlace(first), ")")});
            }
          }
        }
      }
      flush_bad(blk.origins.size());
      for (std::size_t c = 0; c < blk.cols.size(); ++c) {
        if (layout.field[c] < 0) continue;
        table.columns[static_cast<std::size_t>(layout.field[c])].AppendColumn(blk.cols[c]);
        blk.cols[c].Clear();
      }
      table.rows += blk.origins.size();
      line_base += blk.newlines;
      file.Release(cuts[b], cuts[b + 1]);
      blk = Block();
      {
        std::lock_guard<std::mutex> lock(mu);
        merged = b + 1;
      }
      cv.notify_all();
    }
  }
  for (auto& t : pool) t.join();
}

}  // namespace layak::io
