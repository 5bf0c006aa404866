// Per-row result output: CSV (one row per household × program, person ×
// program for member-level programs) and JSON Lines (one object per
// household with its programs). Lists inside a CSV cell are joined by '|'.
#ifndef LAYAK_RUN_WRITERS_H_
#define LAYAK_RUN_WRITERS_H_

#include <string>

#include "data/caseload_data.h"
#include "eval/evaluator.h"
#include "eval/plan.h"
#include "run/redact.h"

namespace layak::run {

// The CSV header line.
std::string CsvHeader();
// Appends the CSV rows of an evaluated batch.
// With `redact`, identifiers are replaced and sensitive results left out.
void RenderCsv(const eval::Plan& plan, const data::CaseloadData& data, const eval::Scratch& s, std::string* out,
               const Redaction* redact = nullptr);
// Appends the JSON Lines of an evaluated batch.
// Appends the key of row `row` of `scope` (nothing when absent or unknown).
void AppendKey(const data::CaseloadData& data, pack::Scope scope, std::size_t row, std::string* out);
// Appends `text` as a JSON string literal.
void AppendJsonString(std::string_view text, std::string* out);

void RenderJsonl(const eval::Plan& plan, const data::CaseloadData& data, const eval::Scratch& s, std::string* out,
                 const Redaction* redact = nullptr);
// Appends a household's key ("" when it has none) or a member's.
void AppendHouseholdId(const data::CaseloadData& data, std::size_t h, std::string* out);
void AppendMemberId(const data::CaseloadData& data, const eval::Scratch& s, std::size_t member_row, std::string* out,
                    const Redaction* redact = nullptr);

}  // namespace layak::run

#endif  // LAYAK_RUN_WRITERS_H_
