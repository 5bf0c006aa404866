// File: layak/caseload.h
// A caseload in memory, columnar: household columns and member columns,
// members grouped by household, every value typed and possibly unknown.
// Build one from files (ReadCaseload: the CSV pair or JSON Lines) or from
// columns you already hold (CaseloadBuilder), then evaluate it with a Plan.
//
//   layak::CaseloadBuilder b(*pack);
//   b.SetHouseholdCount(2);
//   b.SetInts("desil", {3, 7}, {1, 1});
//   b.SetMemberHouseholds({0, 0, 1});
//   b.SetTexts("birth_date", {"1950-05-01", "2019-02-03", ""});  // "" is unknown
//   absl::StatusOr<layak::Caseload> c = b.Build();
#ifndef LAYAK_CASELOAD_H_
#define LAYAK_CASELOAD_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/types/span.h"
#include "layak/rule_pack.h"

namespace layak {

class CaseloadImpl;

// An immutable caseload; safe to evaluate from several threads at once.
// Tied to the pack it was read for (its schema); the pack must outlive it.
class Caseload {
 public:
  explicit Caseload(std::unique_ptr<CaseloadImpl> impl);
  Caseload(Caseload&&) noexcept;
  Caseload& operator=(Caseload&&) noexcept;
  ~Caseload();

  std::size_t households() const;
  std::size_t members() const;
  // Internal representation, for the engine's own stages.
  const CaseloadImpl& impl() const { return *impl_; }

 private:
  std::unique_ptr<CaseloadImpl> impl_;
};

// Builds a caseload from columns held in memory (other systems, bindings).
// Columns are named by schema field; a field not given is unknown throughout.
// Errors (a wrong length, a value out of range, an undeclared enum value)
// are returned by Build(), all of them, with row and field.
class CaseloadBuilder {
 public:
  explicit CaseloadBuilder(const RulePack& pack);
  ~CaseloadBuilder();
  CaseloadBuilder(const CaseloadBuilder&) = delete;
  CaseloadBuilder& operator=(const CaseloadBuilder&) = delete;

  // The number of households.
  void SetHouseholdCount(std::size_t count);
  // Each member's household (a 0-based household row), in member order; the
  // members of a household need not be adjacent.
  void SetMemberHouseholds(absl::Span<const int64_t> household_of_member);
  // A column of bools (0/1), ints, dates (days since 1970-01-01), enum value
  // indexes, set bitmasks or numbers already scaled by 10^6. known[i] == 0
  // marks an unknown value; an empty `known` means all known.
  void SetInts(std::string_view field, absl::Span<const int64_t> values, absl::Span<const uint8_t> known = {});
  // A column of numbers; NaN is unknown. Rounded half-even to 6 decimals.
  void SetDoubles(std::string_view field, absl::Span<const double> values);
  // A column given as text, read with the CSV spellings ("" is unknown).
  void SetTexts(std::string_view field, absl::Span<const std::string_view> values,
                absl::Span<const uint8_t> known = {});

  // The caseload, or InvalidArgument listing every problem.
  absl::StatusOr<Caseload> Build();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// How files are read.
struct ReadOptions {
  char delimiter = ',';                                      // CSV field delimiter (';' in many registry exports)
  bool decimal_comma = false;                                // numbers written 36,5
  bool day_first = false;                                    // dates also as DD/MM/YYYY
  std::vector<std::string> true_spellings, false_spellings;  // beyond true/1/ya and false/0/tidak
  std::string member_household_column = "household_id";
  // Read and validate only these fields (and the keys); empty: every field.
  std::vector<std::string> fields;
  int threads = 1;  // blocks of a CSV file parsed in parallel
};

// The pack's `formats:` block as read options (defaults where it has none).
ReadOptions PackReadOptions(const RulePack& pack);

// A row that was not loaded, and why.
struct RejectedRow {
  std::string file;
  uint64_t line = 0;
  std::string reason;
  std::string record;  // the row as it was in the file
};

// The outcome of reading caseload files.
struct ReadResult {
  std::unique_ptr<Caseload> caseload;  // the rows that were accepted
  std::vector<std::string> errors;     // FILE:LINE:COL: error: ..., in file order
  std::vector<std::string> notes;      // ignored columns, absent fields
  std::vector<RejectedRow> rejects;    // every rejected row
  uint64_t households_read = 0, members_read = 0;
  uint64_t households_rejected = 0, members_rejected = 0;
  bool fatal = false;  // a problem with a whole file (no key column, ...)
};

// Reads the CSV pair. A non-OK status means a file could not be read at all.
absl::StatusOr<ReadResult> ReadCsvCaseload(const RulePack& pack, const std::string& households,
                                           const std::string& members, const ReadOptions& options = {});
// Reads JSON Lines: one household per line, members nested in `members`.
absl::StatusOr<ReadResult> ReadJsonlCaseload(const RulePack& pack, const std::string& path,
                                             const ReadOptions& options = {});
// Reads one household given as a JSON object (members nested in "members"),
// as a case-management system sends it; it may span lines. `name` stands for
// the file in messages.
absl::StatusOr<ReadResult> ReadJsonHousehold(const RulePack& pack, std::string_view json,
                                             const std::string& name = "<json>", const ReadOptions& options = {});

// Receives each chunk of a streamed caseload; a non-OK status stops the stream.
using ChunkFn = std::function<absl::Status(ReadResult& chunk)>;

// Streams the CSV pair in chunks of `chunk_households` households, with
// memory bounded whatever the size of the files (apart from one 8-byte
// fingerprint per household key, to find duplicates across chunks).
// members.csv must be grouped by household in the order of households.csv:
// a member whose household was in an earlier chunk stops the stream (a
// fatal error in that chunk). Duplicate member keys are found within a chunk.
absl::Status StreamCsvCaseload(const RulePack& pack, const std::string& households, const std::string& members,
                               const ReadOptions& options, std::size_t chunk_households, const ChunkFn& fn);
// Streams JSON Lines in chunks of `chunk_households` lines; no order condition.
absl::Status StreamJsonlCaseload(const RulePack& pack, const std::string& path, const ReadOptions& options,
                                 std::size_t chunk_households, const ChunkFn& fn);

}  // namespace layak

#endif  // LAYAK_CASELOAD_H_
