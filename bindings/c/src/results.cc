// Evaluation and explanation through the C API: layak_evaluate (Evaluate on
// the calling thread, rows kept for index accessors) and layak_explain
// (Explain rendered as text or JSON into a malloc'd string).
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "c_api_internal.h"

namespace {

using layak::capi::Fail;
using layak::capi::FromStatus;
using layak::capi::Guard;
using layak::capi::NullArgument;
using layak::capi::Number;
using layak::capi::RawValue;
using layak::capi::Reset;

layak_status EvaluateAll(const layak_plan* plan, const layak_caseload* caseload, layak_results** out) {
  if (plan == nullptr) return NullArgument("layak_evaluate", "plan");
  if (caseload == nullptr) return NullArgument("layak_evaluate", "caseload");
  if (out == nullptr) return NullArgument("layak_evaluate", "out");
  absl::StatusOr<std::vector<layak::ProgramResult>> rows = layak::Evaluate(*plan->plan, caseload->caseload);
  if (!rows.ok()) return FromStatus(rows.status());
  *out = new layak_results{*std::move(rows)};
  return LAYAK_OK;
}

// malloc'd copy, so that C callers free it with free() (layak_string_free).
char* CopyForC(const std::string& text) {
  char* s = static_cast<char*>(std::malloc(text.size() + 1));
  if (s == nullptr) throw std::bad_alloc();
  std::memcpy(s, text.c_str(), text.size() + 1);
  return s;
}

// `lang` and `form` are the raw ints of layak_language and layak_explain_format.
layak_status ExplainOne(const layak_plan* plan, const layak_caseload* caseload, std::size_t household, int lang,
                        int form, char** out) {
  constexpr const char* kFn = "layak_explain";
  if (plan == nullptr) return NullArgument(kFn, "plan");
  if (caseload == nullptr) return NullArgument(kFn, "caseload");
  if (out == nullptr) return NullArgument(kFn, "out");
  if (lang != LAYAK_LANGUAGE_ID && lang != LAYAK_LANGUAGE_EN) {
    return Fail(LAYAK_INVALID_ARGUMENT, kFn, ": language ", std::to_string(lang),
                " is neither LAYAK_LANGUAGE_ID nor LAYAK_LANGUAGE_EN");
  }
  if (form != LAYAK_EXPLAIN_TEXT && form != LAYAK_EXPLAIN_JSON) {
    return Fail(LAYAK_INVALID_ARGUMENT, kFn, ": format ", std::to_string(form),
                " is neither LAYAK_EXPLAIN_TEXT nor LAYAK_EXPLAIN_JSON");
  }
  absl::StatusOr<layak::Explanation> e =
      layak::Explain(*plan->plan, caseload->caseload, household,
                     lang == LAYAK_LANGUAGE_EN ? layak::Language::kEnglish : layak::Language::kIndonesian);
  if (!e.ok()) return FromStatus(e.status());
  *out = CopyForC(form == LAYAK_EXPLAIN_JSON ? layak::FormatExplanationJson(*e) : layak::FormatExplanationText(*e));
  return LAYAK_OK;
}

// Row `row` of `results`, or NULL with the last error set.
const layak::ProgramResult* Row(const layak_results* results, std::size_t row, const char* function) noexcept {
  if (results == nullptr) {
    NullArgument(function, "results");
    return nullptr;
  }
  if (row >= results->rows.size()) {
    Fail(LAYAK_OUT_OF_RANGE, function, ": row ", Number(row).view(), " is past the last result");
    return nullptr;
  }
  return &results->rows[row];
}

// Entry `index` of a list of row `row`, or NULL with the last error set.
const char* ListEntry(const layak_results* results, std::size_t row, std::size_t index, const char* function,
                      std::vector<std::string> layak::ProgramResult::*list) noexcept {
  const layak::ProgramResult* r = Row(results, row, function);
  if (r == nullptr) return nullptr;
  const std::vector<std::string>& entries = r->*list;
  if (index >= entries.size()) {
    Fail(LAYAK_OUT_OF_RANGE, function, ": index ", Number(index).view(), " is past the end of the row's list");
    return nullptr;
  }
  return entries[index].c_str();
}

std::size_t ListSize(const layak_results* results, std::size_t row, const char* function,
                     std::vector<std::string> layak::ProgramResult::*list) noexcept {
  const layak::ProgramResult* r = Row(results, row, function);
  return r == nullptr ? 0 : (r->*list).size();
}

}  // namespace

extern "C" {

const char* layak_program_status_name(layak_program_status status) noexcept {
  switch (RawValue(status)) {
    case LAYAK_PROGRAM_INELIGIBLE:
      return "ineligible";
    case LAYAK_PROGRAM_ELIGIBLE:
      return "eligible";
    case LAYAK_PROGRAM_UNKNOWN:
      return "unknown";
    default:
      return "none";
  }
}

layak_status layak_evaluate(const layak_plan* plan, const layak_caseload* caseload, layak_results** out) noexcept {
  Reset(out);
  return Guard("layak_evaluate", [&] { return EvaluateAll(plan, caseload, out); });
}

void layak_results_free(layak_results* results) noexcept { delete results; }

size_t layak_results_count(const layak_results* results) noexcept {
  if (results == nullptr) {
    NullArgument("layak_results_count", "results");
    return 0;
  }
  return results->rows.size();
}

const char* layak_results_program(const layak_results* results, size_t row) noexcept {
  const layak::ProgramResult* r = Row(results, row, "layak_results_program");
  return r == nullptr ? nullptr : r->program.c_str();
}

size_t layak_results_household_row(const layak_results* results, size_t row) noexcept {
  const layak::ProgramResult* r = Row(results, row, "layak_results_household_row");
  return r == nullptr ? static_cast<size_t>(-1) : r->household;
}

const char* layak_results_household_id(const layak_results* results, size_t row) noexcept {
  const layak::ProgramResult* r = Row(results, row, "layak_results_household_id");
  return r == nullptr ? nullptr : r->household_id.c_str();
}

int64_t layak_results_member_row(const layak_results* results, size_t row) noexcept {
  const layak::ProgramResult* r = Row(results, row, "layak_results_member_row");
  return r == nullptr ? -1 : r->member;
}

const char* layak_results_member_id(const layak_results* results, size_t row) noexcept {
  const layak::ProgramResult* r = Row(results, row, "layak_results_member_id");
  return r == nullptr ? nullptr : r->member_id.c_str();
}

layak_program_status layak_results_status(const layak_results* results, size_t row) noexcept {
  const layak::ProgramResult* r = Row(results, row, "layak_results_status");
  if (r == nullptr) return LAYAK_PROGRAM_NONE;
  switch (r->status) {
    case layak::Status::kIneligible:
      return LAYAK_PROGRAM_INELIGIBLE;
    case layak::Status::kEligible:
      return LAYAK_PROGRAM_ELIGIBLE;
    case layak::Status::kUnknown:
      return LAYAK_PROGRAM_UNKNOWN;
  }
  return LAYAK_PROGRAM_NONE;
}

uint8_t layak_results_has_benefit(const layak_results* results, size_t row) noexcept {
  const layak::ProgramResult* r = Row(results, row, "layak_results_has_benefit");
  return r != nullptr && r->benefit.has_value() ? 1 : 0;
}

int64_t layak_results_benefit(const layak_results* results, size_t row) noexcept {
  const layak::ProgramResult* r = Row(results, row, "layak_results_benefit");
  return r != nullptr && r->benefit.has_value() ? *r->benefit : 0;
}

size_t layak_results_failed_clause_count(const layak_results* results, size_t row) noexcept {
  return ListSize(results, row, "layak_results_failed_clause_count", &layak::ProgramResult::failed_clauses);
}

const char* layak_results_failed_clause(const layak_results* results, size_t row, size_t index) noexcept {
  return ListEntry(results, row, index, "layak_results_failed_clause", &layak::ProgramResult::failed_clauses);
}

size_t layak_results_missing_field_count(const layak_results* results, size_t row) noexcept {
  return ListSize(results, row, "layak_results_missing_field_count", &layak::ProgramResult::missing_fields);
}

const char* layak_results_missing_field(const layak_results* results, size_t row, size_t index) noexcept {
  return ListEntry(results, row, index, "layak_results_missing_field", &layak::ProgramResult::missing_fields);
}

size_t layak_results_error_count(const layak_results* results, size_t row) noexcept {
  return ListSize(results, row, "layak_results_error_count", &layak::ProgramResult::errors);
}

const char* layak_results_error(const layak_results* results, size_t row, size_t index) noexcept {
  return ListEntry(results, row, index, "layak_results_error", &layak::ProgramResult::errors);
}

layak_status layak_explain(const layak_plan* plan, const layak_caseload* caseload, size_t household,
                           layak_language language, layak_explain_format format, char** out) noexcept {
  Reset(out);
  // Converted before any copy: C lets any int through an enum parameter.
  const int lang = RawValue(language), form = RawValue(format);
  return Guard("layak_explain", [&] { return ExplainOne(plan, caseload, household, lang, form, out); });
}

}  // extern "C"
