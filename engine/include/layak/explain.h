// File: layak/explain.h
// Explaining one household: per program (per person for member-level
// programs) the status, every clause with its value, the input values under
// it and its source; for an unknown, the missing data in plain words; where
// one clause alone failed, what would change the answer. It is the evaluator
// run on a batch of one, read back: the same answers as Evaluate.
//
//   auto row = layak::FindHousehold(caseload, "3523-0001");
//   auto e = layak::Explain(*plan, caseload, *row, layak::Language::kIndonesian);
//   std::cout << layak::FormatExplanationText(*e);
#ifndef LAYAK_EXPLAIN_H_
#define LAYAK_EXPLAIN_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "layak/caseload.h"
#include "layak/evaluate.h"
#include "layak/referral.h"

namespace layak {

// The language of texts meant for people.
enum class Language { kIndonesian, kEnglish };

// One input value a clause read.
struct InputExplanation {
  std::string field;                 // "desil", "members[2].birth_date"
  std::string label;                 // "desil", "tanggal lahir anggota ke-2"
  std::optional<std::string> value;  // as in a caseload; nullopt when unknown
};

// One clause: its value and why.
struct ClauseExplanation {
  std::string id;
  std::string text;    // in the chosen language (the other one, or the id, when absent)
  std::string source;  // the regulation or guideline it cites
  std::string expression;
  Status value = Status::kUnknown;  // kEligible: the clause holds; kIneligible: it does not
  std::vector<InputExplanation> inputs;
  std::vector<std::string> missing;  // plain words
  std::string change;                // where it alone failed: "layak jika desil <= 4; sekarang 5"
};

// One program for the household, or for one person of it.
struct ProgramExplanation {
  std::string program, name, source;
  int member = 0;  // 1-based person for member-level programs, 0 otherwise
  std::string member_id;
  bool in_force = true;
  Status status = Status::kUnknown;
  std::optional<int64_t> benefit;
  std::vector<ClauseExplanation> clauses;
  std::vector<std::string> missing;         // plain words, for an unknown
  std::vector<std::string> missing_fields;  // as in results: "desil", "members[2].birth_date"
  std::vector<std::string> errors;
};

// The explanation of one household.
struct Explanation {
  std::string household_id;
  std::string as_of;
  std::string provenance;
  Language language = Language::kIndonesian;
  std::size_t members = 0;
  std::vector<ProgramExplanation> programs;  // pack order
  std::vector<ReferralRow> referrals;        // the nearest resources per service its needs and programs call for
};

// The caseload row of the household whose key is `id`; NotFound otherwise.
absl::StatusOr<std::size_t> FindHousehold(const Caseload& caseload, std::string_view id);

// Explains household row `household` of `caseload` (read for the plan's
// pack). Thread-safe: plan and caseload are only read.
absl::StatusOr<Explanation> Explain(const Plan& plan, const Caseload& caseload, std::size_t household,
                                    Language language = Language::kIndonesian);

// The explanation as text for a social worker, in its language.
std::string FormatExplanationText(const Explanation& explanation);
// The explanation as one JSON object (keys in English, texts in its language).
std::string FormatExplanationJson(const Explanation& explanation);

}  // namespace layak

#endif  // LAYAK_EXPLAIN_H_
