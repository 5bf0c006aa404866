// layak/caseload.h: reading caseload files and building caseloads from columns.
#include "layak/caseload.h"

#include <algorithm>

#include <cmath>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "api/caseload_impl.h"
#include "api/rule_pack_impl.h"
#include "data/staging.h"
#include "data/value_parser.h"
#include "io/csv_reader.h"
#include "io/jsonl_reader.h"

namespace layak {

Caseload::Caseload(std::unique_ptr<CaseloadImpl> impl) : impl_(std::move(impl)) {}
Caseload::Caseload(Caseload&&) noexcept = default;
Caseload& Caseload::operator=(Caseload&&) noexcept = default;
Caseload::~Caseload() = default;
std::size_t Caseload::households() const { return impl_->data->households(); }
std::size_t Caseload::members() const { return impl_->data->members(); }

absl::StatusOr<io::ReadOptions> ToInternal(const ir::Module& m, const ReadOptions& o) {
  io::ReadOptions r;
  r.formats.delimiter = o.delimiter;
  r.formats.decimal_comma = o.decimal_comma;
  r.formats.day_first = o.day_first;
  r.formats.true_spellings = o.true_spellings;
  r.formats.false_spellings = o.false_spellings;
  r.member_household_column = o.member_household_column;
  r.threads = o.threads;
  if (!o.fields.empty()) {
    r.fields.assign(m.fields.size(), 0);
    for (const std::string& name : o.fields) {
      int f = m.FindField(name, pack::Scope::kHousehold);
      if (f < 0) f = m.FindField(name, pack::Scope::kMember);
      if (f < 0) return absl::InvalidArgumentError(absl::StrCat("no field '", name, "' in the schema"));
      r.fields[static_cast<std::size_t>(f)] = 1;
    }
  }
  return r;
}

ReadResult FinishRead(data::Staging& staging, std::vector<std::string> notes) {
  ReadResult out;
  std::vector<data::Reject> rejects;
  data::LoadCounts counts;
  auto impl = std::make_unique<CaseloadImpl>();
  impl->data = staging.Finish(&rejects, &counts);  // finds duplicate members too
  for (const data::Problem& p : staging.problems()) out.errors.push_back(staging.Render(p));
  out.notes = std::move(notes);
  out.fatal = staging.fatal();
  out.caseload = std::make_unique<Caseload>(std::move(impl));
  for (auto& r : rejects) out.rejects.push_back({r.source, r.line, std::move(r.reason), std::move(r.record)});
  out.households_read = counts.households_read;
  out.members_read = counts.members_read;
  out.households_rejected = counts.households_rejected;
  out.members_rejected = counts.members_rejected;
  return out;
}

ReadOptions PackReadOptions(const RulePack& pack) {
  const pack::FormatsDecl& f = pack.impl().model.formats;
  ReadOptions o;
  o.delimiter = f.delimiter;
  o.decimal_comma = f.decimal_comma;
  o.day_first = f.day_first;
  o.true_spellings = f.true_spellings;
  o.false_spellings = f.false_spellings;
  if (!f.member_key.empty()) o.member_household_column = f.member_key;
  return o;
}

absl::StatusOr<ReadResult> ReadCsvCaseload(const RulePack& pack, const std::string& households,
                                           const std::string& members, const ReadOptions& options) {
  const ir::Module& m = *pack.impl().module;
  auto opts = ToInternal(m, options);
  if (!opts.ok()) return opts.status();
  auto hf = io::InputFile::Open(households);
  if (!hf.ok()) return hf.status();
  auto mf = io::InputFile::Open(members);
  if (!mf.ok()) return mf.status();
  data::Staging staging(m);
  std::vector<std::string> notes;
  io::ReadCsv(*hf, pack::Scope::kHousehold, *opts, &staging, &notes);
  if (!staging.fatal()) io::ReadCsv(*mf, pack::Scope::kMember, *opts, &staging, &notes);
  return FinishRead(staging, std::move(notes));
}

namespace {

// Reads JSON Lines text (a file, or one household given in memory).
absl::StatusOr<ReadResult> ReadJsonlInput(const RulePack& pack, const io::InputFile& file, const ReadOptions& options) {
  const ir::Module& m = *pack.impl().module;
  auto opts = ToInternal(m, options);
  if (!opts.ok()) return opts.status();
  data::Staging staging(m);
  std::vector<std::string> notes;
  io::ReadJsonl(file, *opts, &staging, &notes);
  return FinishRead(staging, std::move(notes));
}

}  // namespace

absl::StatusOr<ReadResult> ReadJsonlCaseload(const RulePack& pack, const std::string& path,
                                             const ReadOptions& options) {
  auto f = io::InputFile::Open(path);
  if (!f.ok()) return f.status();
  return ReadJsonlInput(pack, *f, options);
}

absl::StatusOr<ReadResult> ReadJsonHousehold(const RulePack& pack, std::string_view json, const std::string& name,
                                             const ReadOptions& options) {
  // A JSON string holds no raw line break, so a pretty-printed object
  // becomes one JSON Lines record by joining its lines.
  std::string line(json);
  std::replace(line.begin(), line.end(), '\n', ' ');
  std::replace(line.begin(), line.end(), '\r', ' ');
  return ReadJsonlInput(pack, io::InputFile::FromString(name, std::move(line)), options);
}

// ---------------------------------------------------------------------------
// CaseloadBuilder

struct CaseloadBuilder::State {
  const ir::Module* module = nullptr;
  std::size_t households = 0;
  std::vector<int64_t> member_household;
  bool members_set = false;
  std::unique_ptr<data::CaseloadData> data;
  std::vector<std::string> problems;
  std::size_t rows(pack::Scope s) const { return s == pack::Scope::kHousehold ? households : member_household.size(); }
};

CaseloadBuilder::CaseloadBuilder(const RulePack& pack) : state_(std::make_unique<State>()) {
  state_->module = pack.impl().module.get();
  state_->data = std::make_unique<data::CaseloadData>(*state_->module);
}
CaseloadBuilder::~CaseloadBuilder() = default;

void CaseloadBuilder::SetHouseholdCount(std::size_t count) { state_->households = count; }

void CaseloadBuilder::SetMemberHouseholds(absl::Span<const int64_t> household_of_member) {
  state_->member_household.assign(household_of_member.begin(), household_of_member.end());
  state_->members_set = true;
}

namespace {

// The input field named `name`, or -1 with a problem recorded.
int FieldFor(const ir::Module& m, std::string_view name, std::vector<std::string>* problems) {
  std::string n(name);
  int f = m.FindField(n, pack::Scope::kHousehold);
  if (f < 0) f = m.FindField(n, pack::Scope::kMember);
  if (f < 0) {
    problems->push_back(absl::StrCat("no field '", n, "' in the schema"));
  } else if (m.fields[static_cast<std::size_t>(f)].derive >= 0) {
    problems->push_back(absl::StrCat("'", n, "' is derived; give its inputs instead"));
    f = -1;
  }
  return f;
}

}  // namespace

void CaseloadBuilder::SetInts(std::string_view field, absl::Span<const int64_t> values,
                              absl::Span<const uint8_t> known) {
  State& st = *state_;
  int f = FieldFor(*st.module, field, &st.problems);
  if (f < 0) return;
  const ir::Field& fd = st.module->fields[static_cast<std::size_t>(f)];
  if (!known.empty() && known.size() != values.size()) {
    st.problems.push_back(
        absl::StrCat("'", fd.name, "': ", values.size(), " values but ", known.size(), " known flags"));
    return;
  }
  data::Table& t = st.data->table(fd.scope);
  data::Column col(data::StorageFor(*st.module, fd.type));
  col.Reserve(values.size());
  int64_t domain = -1;
  if (fd.type.kind == ir::Type::kEnum || fd.type.kind == ir::Type::kSet) {
    domain = static_cast<int64_t>(st.module->domains[static_cast<std::size_t>(fd.type.domain)].values.size());
  }
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (!known.empty() && !known[i]) {
      col.AppendUnknown();
      continue;
    }
    int64_t v = values[i];
    std::string bad;
    if (fd.type.kind == ir::Type::kString) {
      bad = "is text: use SetTexts";
    } else if (fd.type.kind == ir::Type::kBool && v != 0 && v != 1) {
      bad = absl::StrCat(v, " is not a bool (0 or 1)");
    } else if (fd.type.kind == ir::Type::kEnum && (v < 0 || v >= domain)) {
      bad = absl::StrCat(v, " is not a value index of the enum (0..", domain - 1, ")");
    } else if (fd.type.kind == ir::Type::kSet && domain < 64 && (static_cast<uint64_t>(v) >> domain) != 0) {
      bad = absl::StrCat(v, " has bits beyond the set's ", domain, " values");
    } else if ((fd.min && v < *fd.min) || (fd.max && v > *fd.max)) {
      bad = absl::StrCat(v, " is outside the field's min/max");
    }
    if (!bad.empty()) {
      if (st.problems.size() < 100) st.problems.push_back(absl::StrCat("'", fd.name, "' row ", i, ": ", bad));
      col.AppendUnknown();
      continue;
    }
    col.Append(v);
  }
  t.columns[static_cast<std::size_t>(f)] = std::move(col);
  t.present[static_cast<std::size_t>(f)] = 1;
}

void CaseloadBuilder::SetDoubles(std::string_view field, absl::Span<const double> values) {
  State& st = *state_;
  int f = FieldFor(*st.module, field, &st.problems);
  if (f < 0) return;
  const ir::Field& fd = st.module->fields[static_cast<std::size_t>(f)];
  std::vector<int64_t> scaled(values.size());
  std::vector<uint8_t> known(values.size());
  const bool number = fd.type.kind == ir::Type::kNumber;
  for (std::size_t i = 0; i < values.size(); ++i) {
    double v = values[i];
    known[i] = !std::isnan(v);
    if (!known[i]) continue;
    double s = number ? v * 1e6 : v;
    if (!(std::fabs(s) < 9.2e18) || (!number && s != std::nearbyint(s))) {
      if (st.problems.size() < 100) {
        st.problems.push_back(
            absl::StrCat("'", fd.name, "' row ", i, ": ", v, number ? " is too large" : " is not an int"));
      }
      known[i] = 0;
      continue;
    }
    scaled[i] = static_cast<int64_t>(std::nearbyint(s));  // the default mode rounds half to even
  }
  SetInts(field, scaled, known);
}

void CaseloadBuilder::SetTexts(std::string_view field, absl::Span<const std::string_view> values,
                               absl::Span<const uint8_t> known) {
  State& st = *state_;
  int f = FieldFor(*st.module, field, &st.problems);
  if (f < 0) return;
  const ir::Field& fd = st.module->fields[static_cast<std::size_t>(f)];
  data::ValueParser parser(*st.module, f, data::Formats());
  data::Table& t = st.data->table(fd.scope);
  data::Column col(data::StorageFor(*st.module, fd.type));
  std::string error;
  for (std::size_t i = 0; i < values.size(); ++i) {
    int64_t v = 0;
    data::CellResult r =
        (!known.empty() && !known[i]) ? data::CellResult::kUnknown : parser.Parse(values[i], &v, &error);
    if (r == data::CellResult::kError && st.problems.size() < 100) {
      st.problems.push_back(absl::StrCat("'", fd.name, "' row ", i, ": ", error));
    }
    if (r != data::CellResult::kValue) {
      col.AppendUnknown();
    } else if (parser.is_string()) {
      col.AppendString(values[i]);
    } else {
      col.Append(v);
    }
  }
  t.columns[static_cast<std::size_t>(f)] = std::move(col);
  t.present[static_cast<std::size_t>(f)] = 1;
}

absl::StatusOr<Caseload> CaseloadBuilder::Build() {
  State& st = *state_;
  const ir::Module& m = *st.module;
  std::vector<std::string> problems = st.problems;
  for (std::size_t m_row = 0; m_row < st.member_household.size(); ++m_row) {
    int64_t h = st.member_household[m_row];
    if (h < 0 || static_cast<std::size_t>(h) >= st.households) {
      problems.push_back(absl::StrCat("member ", m_row, " names household ", h, ", but there are ", st.households));
      break;
    }
  }
  for (std::size_t f = 0; f < m.fields.size(); ++f) {
    const ir::Field& fd = m.fields[f];
    const data::Table& t = st.data->table(fd.scope);
    if (t.present[f] && t.columns[f].size() != st.rows(fd.scope)) {
      problems.push_back(absl::StrCat("'", fd.name, "' has ", t.columns[f].size(), " values for ", st.rows(fd.scope),
                                      fd.scope == pack::Scope::kHousehold ? " households" : " members"));
    }
  }
  if (!problems.empty()) return absl::InvalidArgumentError(absl::StrJoin(problems, "\n"));
  // Group members by household: a stable counting sort.
  auto out = std::make_unique<data::CaseloadData>(m);
  std::vector<uint64_t>& offsets = out->member_offsets();
  offsets.assign(st.households + 1, 0);
  for (int64_t h : st.member_household) ++offsets[static_cast<std::size_t>(h) + 1];
  for (std::size_t h = 0; h < st.households; ++h) offsets[h + 1] += offsets[h];
  std::vector<uint64_t> order(st.member_household.size());
  std::vector<uint64_t> next(offsets.begin(), offsets.end() - 1);
  for (std::size_t i = 0; i < st.member_household.size(); ++i) {
    order[next[static_cast<std::size_t>(st.member_household[i])]++] = i;
  }
  for (pack::Scope scope : {pack::Scope::kHousehold, pack::Scope::kMember}) {
    data::Table& src = st.data->table(scope);
    data::Table& dst = out->table(scope);
    dst.rows = st.rows(scope);
    dst.present = src.present;
    for (std::size_t f = 0; f < m.fields.size(); ++f) {
      if (!src.present[f]) continue;
      if (scope == pack::Scope::kHousehold) {
        dst.columns[f] = std::move(src.columns[f]);
      } else {
        dst.columns[f].Reserve(order.size());
        for (uint64_t i : order) dst.columns[f].AppendRow(src.columns[f], i);
      }
    }
  }
  auto impl = std::make_unique<CaseloadImpl>();
  impl->data = std::move(out);
  return Caseload(std::move(impl));
}

}  // namespace layak
