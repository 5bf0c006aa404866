// The public C++ API as another system uses it, and the baseline of the
// Python module's target (bindings/python, bench/python_bench.py): a caseload
// built from typed columns already in memory (CaseloadBuilder) and evaluated
// (Evaluate, on the calling thread), file reading excluded; and one household
// through the whole Tuban pack (build + Evaluate, and Explain).
//
//   build-rel/bench/api_bench --benchmark_repetitions=5
//   LAYAK_BENCH_HOUSEHOLDS=20000 build-rel/bench/api_bench
//
// The columns are those the plan reads plus the keys, as the Python module
// hands over: enums as value indexes, bools/ints/dates as int64 with a known
// mask, numbers as doubles (NaN unknown), sets and text as strings.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <limits>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "absl/types/span.h"
#include "bench_data.h"
#include "layak/layak.h"
#include "util/civil_date.h"

namespace {

using layak::bench::Households;

std::shared_ptr<const layak::RulePack> Pack() { return layak::bench::TubanPack(); }

// A CSV file as rows of cells (RFC 4180 quoting); the header is row 0.
std::vector<std::vector<std::string>> ReadCsv(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::vector<std::string>> rows;
  std::string line;
  while (std::getline(in, line)) {
    std::vector<std::string>& row = rows.emplace_back(1);
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
      char c = line[i];
      if (quoted && c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        row.back().push_back('"');
        ++i;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        row.emplace_back();
      } else {
        row.back().push_back(c);
      }
    }
  }
  return rows;
}

// One typed column in memory, as a caller of CaseloadBuilder holds it.
struct Column {
  const layak::FieldInfo* field = nullptr;
  std::vector<int64_t> ints;
  std::vector<uint8_t> known;
  std::vector<double> doubles;
  std::vector<std::string> texts;
  std::vector<std::string_view> views;  // into texts
};

// Cell text → the column's typed value (the sample is valid: no checks).
void Append(Column& c, const std::string& cell) {
  using layak::FieldType;
  const layak::FieldInfo& f = *c.field;
  if (f.type == FieldType::kString || f.type == FieldType::kSet) {
    c.texts.push_back(cell);
    return;
  }
  if (f.type == FieldType::kNumber) {
    c.doubles.push_back(cell.empty() ? std::numeric_limits<double>::quiet_NaN() : std::strtod(cell.c_str(), nullptr));
    return;
  }
  int64_t v = 0;
  if (!cell.empty()) {
    if (f.type == FieldType::kBool) {
      v = cell == "true" ? 1 : 0;
    } else if (f.type == FieldType::kDate) {
      v = layak::util::ParseIsoDate(cell).value_or(0);
    } else if (f.type == FieldType::kEnum) {
      for (std::size_t i = 0; i < f.values.size(); ++i) {
        if (f.values[i] == cell) v = static_cast<int64_t>(i);
      }
    } else {
      v = std::strtoll(cell.c_str(), nullptr, 10);
    }
  }
  c.ints.push_back(v);
  c.known.push_back(cell.empty() ? 0 : 1);
}

// The sample caseload repeated to `households` households (fresh keys per
// copy), as typed columns; read and converted once, outside any timing.
struct Columns {
  std::size_t households = 0;
  std::vector<int64_t> member_households;
  std::vector<std::size_t> member_offsets;  // household h's members: [offsets[h], offsets[h + 1])
  std::vector<Column> household, member;
};

std::unique_ptr<Columns> MakeColumns(const layak::RulePack& pack, const layak::Plan& plan, std::size_t households) {
  static const std::vector<layak::FieldInfo> fields = layak::DescribeSchema(pack);
  std::string dir = std::string(LAYAK_SOURCE_DIR) + "/rules/tuban/sample/";
  auto hh = ReadCsv(dir + "households.csv");
  auto mm = ReadCsv(dir + "members.csv");
  if (hh.size() < 2 || mm.size() < 2) return nullptr;
  std::set<std::string> wanted;
  for (const std::string& f : plan.InputFields()) wanted.insert(f);
  auto out = std::make_unique<Columns>();
  out->households = households;
  // Column index in the file → column of the caseload, for the fields kept.
  auto pick = [&](const std::vector<std::string>& header, layak::FieldLevel level, std::vector<Column>* cols) {
    std::vector<int> where(header.size(), -1);
    for (std::size_t i = 0; i < header.size(); ++i) {
      for (const layak::FieldInfo& f : fields) {
        if (f.name == header[i] && f.level == level && !f.derived && (f.key || wanted.count(f.name) > 0)) {
          where[i] = static_cast<int>(cols->size());
          cols->push_back(Column{&f});
        }
      }
    }
    return where;
  };
  std::vector<int> hh_cols = pick(hh[0], layak::FieldLevel::kHousehold, &out->household);
  std::vector<int> m_cols = pick(mm[0], layak::FieldLevel::kMember, &out->member);
  std::map<std::string, std::vector<std::size_t>> members_of;  // household key → member rows in the file
  for (std::size_t r = 1; r < mm.size(); ++r) members_of[mm[r][0]].push_back(r);
  const std::size_t sample = hh.size() - 1;
  for (std::size_t h = 0; h < households; ++h) {
    out->member_offsets.push_back(out->member_households.size());
    const std::vector<std::string>& row = hh[1 + h % sample];
    const std::string copy = "-" + std::to_string(h / sample);
    for (std::size_t i = 0; i < row.size() && i < hh_cols.size(); ++i) {
      if (hh_cols[i] < 0) continue;
      Column& c = out->household[static_cast<std::size_t>(hh_cols[i])];
      Append(c, c.field->key ? row[i] + copy : row[i]);
    }
    for (std::size_t r : members_of[row[0]]) {
      out->member_households.push_back(static_cast<int64_t>(h));
      for (std::size_t i = 0; i < mm[r].size() && i < m_cols.size(); ++i) {
        if (m_cols[i] < 0) continue;
        Column& c = out->member[static_cast<std::size_t>(m_cols[i])];
        Append(c, c.field->key ? mm[r][i] + copy : mm[r][i]);
      }
    }
  }
  out->member_offsets.push_back(out->member_households.size());
  for (std::vector<Column>* cols : {&out->household, &out->member}) {
    for (Column& c : *cols) c.views.assign(c.texts.begin(), c.texts.end());
  }
  return out;
}

// Rows [begin, begin + count) of a column handed to a builder, in place.
void SetColumn(layak::CaseloadBuilder& b, const Column& c, std::size_t begin, std::size_t count) {
  if (!c.views.empty()) {
    b.SetTexts(c.field->name, absl::MakeConstSpan(c.views).subspan(begin, count));
  } else if (c.field->type == layak::FieldType::kNumber) {
    b.SetDoubles(c.field->name, absl::MakeConstSpan(c.doubles).subspan(begin, count));
  } else {
    b.SetInts(c.field->name, absl::MakeConstSpan(c.ints).subspan(begin, count),
              absl::MakeConstSpan(c.known).subspan(begin, count));
  }
}

// What the timed loop does: every column handed to a builder, then Build.
absl::StatusOr<layak::Caseload> Build(const layak::RulePack& pack, const Columns& cols) {
  layak::CaseloadBuilder b(pack);
  b.SetHouseholdCount(cols.households);
  b.SetMemberHouseholds(cols.member_households);
  for (const Column& c : cols.household) SetColumn(b, c, 0, cols.households);
  for (const Column& c : cols.member) SetColumn(b, c, 0, cols.member_households.size());
  return b.Build();
}

// Households [begin, end) and their members (adjacent here) as a caseload of their own.
absl::StatusOr<layak::Caseload> BuildRange(const layak::RulePack& pack, const Columns& cols, std::size_t begin,
                                           std::size_t end) {
  layak::CaseloadBuilder b(pack);
  b.SetHouseholdCount(end - begin);
  const std::size_t m0 = cols.member_offsets[begin];
  const std::size_t m1 = cols.member_offsets[end];
  std::vector<int64_t> member_households(cols.member_households.begin() + static_cast<std::ptrdiff_t>(m0),
                                         cols.member_households.begin() + static_cast<std::ptrdiff_t>(m1));
  for (int64_t& h : member_households) h -= static_cast<int64_t>(begin);
  b.SetMemberHouseholds(member_households);
  for (const Column& c : cols.household) SetColumn(b, c, begin, end - begin);
  for (const Column& c : cols.member) SetColumn(b, c, m0, m1 - m0);
  return b.Build();
}

struct Fixture {
  std::shared_ptr<const layak::Plan> plan;
  std::unique_ptr<Columns> columns;
  std::string error;
};

const Fixture& Get(std::size_t households) {
  static std::map<std::size_t, Fixture> cache;
  Fixture& f = cache[households];
  if (f.plan != nullptr || !f.error.empty()) return f;
  auto pack = Pack();
  if (pack == nullptr) {
    f.error = "could not load rules/tuban";
    return f;
  }
  auto plan = layak::CompilePlan(pack, {"2026-01-01"});
  if (!plan.ok()) {
    f.error = std::string(plan.status().message());
    return f;
  }
  f.plan = *plan;
  f.columns = MakeColumns(*pack, **plan, households);
  if (f.columns == nullptr) f.error = "could not read rules/tuban/sample";
  if (f.columns != nullptr) {
    // Checked once before timing: the columns build and every household has results.
    auto c = Build(*pack, *f.columns);
    if (!c.ok()) f.error = std::string(c.status().message());
  }
  return f;
}

// Households/s from in-memory columns to results: CaseloadBuilder + Evaluate
// on this thread (the default EvaluateOptions), results freed in the loop.
void BM_BuildAndEvaluate(benchmark::State& state) {
  const Fixture& f = Get(Households());
  if (!f.error.empty()) {
    state.SkipWithError(f.error.c_str());
    return;
  }
  std::size_t rows = 0;
  for (auto _ : state) {
    auto caseload = Build(f.plan->pack(), *f.columns);
    auto results = layak::Evaluate(*f.plan, *caseload);
    rows = results->size();
    benchmark::DoNotOptimize(results);
  }
  state.counters["households"] = static_cast<double>(f.columns->households);
  state.counters["result_rows"] = static_cast<double>(rows);
  state.counters["households/s"] =
      benchmark::Counter(static_cast<double>(f.columns->households), benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_BuildAndEvaluate)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(1)
    ->Repetitions(7)
    ->ReportAggregatesOnly(true);

// The same in chunks of 512 households, each built, evaluated and its
// results freed before the next: what the Python module does (on one thread
// with threads=1), so that the per-row results of a chunk stay in cache.
void BM_BuildAndEvaluateChunked(benchmark::State& state) {
  const Fixture& f = Get(Households());
  if (!f.error.empty()) {
    state.SkipWithError(f.error.c_str());
    return;
  }
  constexpr std::size_t kChunk = 512;
  std::size_t rows = 0;
  for (auto _ : state) {
    rows = 0;
    for (std::size_t h = 0; h < f.columns->households; h += kChunk) {
      auto caseload = BuildRange(f.plan->pack(), *f.columns, h, std::min(h + kChunk, f.columns->households));
      auto results = layak::Evaluate(*f.plan, *caseload);
      rows += results->size();
      benchmark::DoNotOptimize(results);
    }
  }
  state.counters["result_rows"] = static_cast<double>(rows);
  state.counters["households/s"] =
      benchmark::Counter(static_cast<double>(f.columns->households), benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_BuildAndEvaluateChunked)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(1)
    ->Repetitions(7)
    ->ReportAggregatesOnly(true);

// The two parts apart, to see where the time goes.
void BM_BuildOnly(benchmark::State& state) {
  const Fixture& f = Get(Households());
  if (!f.error.empty()) {
    state.SkipWithError(f.error.c_str());
    return;
  }
  for (auto _ : state) benchmark::DoNotOptimize(Build(f.plan->pack(), *f.columns));
}
BENCHMARK(BM_BuildOnly)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(1)
    ->Repetitions(7)
    ->ReportAggregatesOnly(true);

// One household (the sample's first, with its members; every column the
// plan reads) through the whole Tuban pack: build a caseload of one, evaluate.
// The argument is EvaluateOptions::batch_size (512, the default, or 1).
void BM_OneHousehold(benchmark::State& state) {
  const Fixture& f = Get(1);
  if (!f.error.empty()) {
    state.SkipWithError(f.error.c_str());
    return;
  }
  layak::EvaluateOptions options;
  options.batch_size = static_cast<std::size_t>(state.range(0));
  for (auto _ : state) {
    auto caseload = Build(f.plan->pack(), *f.columns);
    auto results = layak::Evaluate(*f.plan, *caseload, options);
    benchmark::DoNotOptimize(results);
  }
}
BENCHMARK(BM_OneHousehold)
    ->ArgName("batch_size")
    ->Arg(512)
    ->Arg(1)
    ->Unit(benchmark::kMicrosecond)
    ->Repetitions(7)
    ->ReportAggregatesOnly(true);

// One household already read (a case-management system's JSON, say):
// Evaluate alone, every program of the Tuban pack.
void BM_EvaluateOneHousehold(benchmark::State& state) {
  const Fixture& f = Get(1);
  if (!f.error.empty()) {
    state.SkipWithError(f.error.c_str());
    return;
  }
  auto caseload = Build(f.plan->pack(), *f.columns);
  for (auto _ : state) {
    auto results = layak::Evaluate(*f.plan, *caseload);
    benchmark::DoNotOptimize(results);
  }
}
BENCHMARK(BM_EvaluateOneHousehold)->Unit(benchmark::kMicrosecond)->Repetitions(7)->ReportAggregatesOnly(true);

// The same through EvaluateInto with one results vector kept across calls, as
// a case-management system's request thread would: the steady state.
void BM_EvaluateIntoOneHousehold(benchmark::State& state) {
  const Fixture& f = Get(1);
  if (!f.error.empty()) {
    state.SkipWithError(f.error.c_str());
    return;
  }
  auto caseload = Build(f.plan->pack(), *f.columns);
  std::vector<layak::ProgramResult> results;
  for (auto _ : state) {
    absl::Status s = layak::EvaluateInto(*f.plan, *caseload, &results);
    benchmark::DoNotOptimize(s);
    benchmark::DoNotOptimize(results.data());
  }
}
BENCHMARK(BM_EvaluateIntoOneHousehold)->Unit(benchmark::kMicrosecond)->Repetitions(7)->ReportAggregatesOnly(true);

// The same household explained: every program and clause with its inputs, as text.
void BM_ExplainOneHousehold(benchmark::State& state) {
  const Fixture& f = Get(1);
  if (!f.error.empty()) {
    state.SkipWithError(f.error.c_str());
    return;
  }
  auto caseload = Build(f.plan->pack(), *f.columns);
  for (auto _ : state) {
    auto e = layak::Explain(*f.plan, *caseload, 0, layak::Language::kIndonesian);
    std::string text = layak::FormatExplanationText(*e);
    benchmark::DoNotOptimize(text);
  }
}
BENCHMARK(BM_ExplainOneHousehold)->Unit(benchmark::kMicrosecond)->Repetitions(7)->ReportAggregatesOnly(true);

}  // namespace

BENCHMARK_MAIN();
