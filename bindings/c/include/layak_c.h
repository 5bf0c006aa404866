/* File: layak_c.h
 * The C API of layak, a rules engine for social-service eligibility: load a
 * rule pack, compile it for a date, give it households (as columns or as one
 * JSON object), and read per household x program whether it is eligible,
 * ineligible (with the clauses that failed) or unknown (with the fields whose
 * values would decide it), or an explanation a social worker can read. It is
 * a thin layer over the C++ library (layak/layak.h) with a stable ABI for FFI
 * users: only `layak_*` symbols are exported from liblayak_c.so.
 *
 * Conventions
 * - Handles are opaque pointers. Each `*_new`, `*_load`, `*_compile`,
 *   `*_build`, `*_from_json` and `layak_evaluate` hands the caller a handle
 *   that the caller frees with the matching `*_free`. Every `*_free` accepts
 *   NULL. A handle keeps alive what it needs (a plan its pack, a caseload its
 *   pack), so handles may be freed in any order.
 * - Every call that can fail returns a layak_status; LAYAK_OK is 0.
 *   layak_last_error() gives the message of the last failure on the calling
 *   thread. On failure, an output handle is set to NULL.
 * - A NULL handle or argument gives LAYAK_INVALID_ARGUMENT naming the
 *   function and the argument; it never crashes. No C++ exception ever
 *   crosses this API; out of memory is LAYAK_RESOURCE_EXHAUSTED.
 * - Accessors that return a value rather than a status (counts, strings of a
 *   results row) return NULL, 0, -1 or LAYAK_PROGRAM_NONE for a NULL handle
 *   or an index out of range, and set layak_last_error(). Strings they return
 *   are owned by the handle, valid until it is freed, UTF-8, NUL-terminated.
 * - Input arrays and strings are copied: the caller may free or reuse them as
 *   soon as a call returns.
 * - Booleans are uint8_t (0 or 1).
 *
 * Thread-safety: packs, plans and caseloads are immutable once made; one of
 * them may be used from any number of threads at once (evaluate the same plan
 * on several caseloads in parallel, say). A caseload builder and the results
 * of an evaluation are written by the call that makes them and then only
 * read; do not use a builder from two threads at once. The last error is kept
 * per thread.
 *
 * Example (a complete program; the pack path is relative to the source tree):
 *
 *   #include <stdio.h>
 *   #include <string.h>
 *   #include "layak_c.h"
 *
 *   int main(void) {
 *     const char* json = "{\"id\": \"KK-1\", \"desil\": 2, \"members\": [{\"birth_date\": \"1950-05-01\"}]}";
 *     layak_pack* pack = NULL; layak_plan* plan = NULL; layak_caseload* hh = NULL; layak_results* res = NULL;
 *     int failed = layak_pack_load("rules/tuban", &pack) || layak_plan_compile(pack, "2026-01-01", NULL, 0, &plan) ||
 *                  layak_caseload_from_json(pack, json, strlen(json), &hh) || layak_evaluate(plan, hh, &res);
 *     if (failed) fprintf(stderr, "layak: %s\n", layak_last_error());  // a pack's errors come as file:line:col
 *     for (size_t i = 0; i < layak_results_count(res); ++i)
 *       if (layak_results_status(res, i) == LAYAK_PROGRAM_ELIGIBLE) printf("%s\n", layak_results_program(res, i));
 *     layak_results_free(res); layak_caseload_free(hh); layak_plan_free(plan); layak_pack_free(pack);
 *     return failed;
 *   }
 *
 * It prints BLT_DD, PBI_JK and PKH: a 75-year-old alone in desil 2 qualifies
 * for those whatever the facts not given.
 */
#ifndef LAYAK_C_H_
#define LAYAK_C_H_

#include <stddef.h>
#include <stdint.h>

#if defined(__GNUC__)
#define LAYAK_C_API __attribute__((visibility("default")))
#else
#define LAYAK_C_API
#endif

/* C++ callers see that no function throws. */
#ifdef __cplusplus
#define LAYAK_C_NOEXCEPT noexcept
extern "C" {
#else
#define LAYAK_C_NOEXCEPT
#endif

/* ---- Status codes and errors -------------------------------------------- */

/* What a call returned. Values are stable. */
typedef enum layak_status {
  LAYAK_OK = 0,
  LAYAK_INVALID_ARGUMENT = 1,    /* a NULL or malformed argument, bad data in a caseload */
  LAYAK_NOT_FOUND = 2,           /* no such pack folder, household id, ... */
  LAYAK_FAILED_PRECONDITION = 3, /* e.g. a program in force reads a parameter with no value at as_of */
  LAYAK_OUT_OF_RANGE = 4,        /* a row index past the end */
  LAYAK_IO_ERROR = 5,            /* a file or folder exists but cannot be read */
  LAYAK_PACK_ERRORS = 6,         /* the pack was read but has errors; layak_last_error() holds its diagnostics */
  LAYAK_RESOURCE_EXHAUSTED = 7,  /* out of memory */
  LAYAK_INTERNAL = 8             /* a bug in layak: please report it with layak_last_error() */
} layak_status;

/* "ok", "invalid argument", ...; "unknown status" for a value not in the enum. Static storage. */
LAYAK_C_API const char* layak_status_name(layak_status status) LAYAK_C_NOEXCEPT;

/* The message of the last failed call on this thread ("" if none). A call
 * returning LAYAK_OK clears it; accessors only ever set it. Owned by the
 * library, valid until the next layak_* call on this thread. Never NULL. */
LAYAK_C_API const char* layak_last_error(void) LAYAK_C_NOEXCEPT;

/* The library version, e.g. "0.1.0". Static storage. */
LAYAK_C_API const char* layak_version(void) LAYAK_C_NOEXCEPT;

/* Frees a string this API returned as `char**` (explanations). NULL is fine. */
LAYAK_C_API void layak_string_free(char* s) LAYAK_C_NOEXCEPT;

/* ---- Rule packs ---------------------------------------------------------- */

typedef struct layak_pack layak_pack;

/* Loads and type-checks the pack in `folder` (and the packs it extends) into
 * *out, freed with layak_pack_free. Errors: NOT_FOUND (no such folder),
 * IO_ERROR (unreadable), PACK_ERRORS (every diagnostic, rendered as
 * "file:line:col: error[E0xxx]: ..." with the source line, in
 * layak_last_error()). */
LAYAK_C_API layak_status layak_pack_load(const char* folder, layak_pack** out) LAYAK_C_NOEXCEPT;

/* Frees a pack. Plans and caseloads made from it stay valid. */
LAYAK_C_API void layak_pack_free(layak_pack* pack) LAYAK_C_NOEXCEPT;

/* The `pack:` id ("tuban"), or NULL for a NULL pack. Owned by the pack. */
LAYAK_C_API const char* layak_pack_id(const layak_pack* pack) LAYAK_C_NOEXCEPT;

/* The `pack:` version ("2026.1"), or NULL for a NULL pack. Owned by the pack. */
LAYAK_C_API const char* layak_pack_version(const layak_pack* pack) LAYAK_C_NOEXCEPT;

/* Warnings and notes of a successful load, rendered ("" if none). Owned by the pack. */
LAYAK_C_API const char* layak_pack_diagnostics(const layak_pack* pack) LAYAK_C_NOEXCEPT;

/* The number of programs, 0 for a NULL pack. */
LAYAK_C_API size_t layak_pack_program_count(const layak_pack* pack) LAYAK_C_NOEXCEPT;

/* The id of program `index` in pack order ("PKH"), NULL past the end. Owned by the pack. */
LAYAK_C_API const char* layak_pack_program_id(const layak_pack* pack, size_t index) LAYAK_C_NOEXCEPT;

/* ---- Plans --------------------------------------------------------------- */

typedef struct layak_plan layak_plan;

/* Compiles `pack` for the date `as_of` ("YYYY-MM-DD"; NULL: today, UTC) into
 * *out, freed with layak_plan_free. `overrides` holds `override_count`
 * "name=value" strings (what-if runs: 42, 0.5, true, 2026-01-01 or text, as
 * in YAML), or is NULL when the count is 0. Errors: INVALID_ARGUMENT (a bad
 * date, an unknown parameter, a value of the wrong type, no '='),
 * FAILED_PRECONDITION (a program in force reads a parameter with no value
 * at that date; the message names both). */
LAYAK_C_API layak_status layak_plan_compile(const layak_pack* pack, const char* as_of, const char* const* overrides,
                                            size_t override_count, layak_plan** out) LAYAK_C_NOEXCEPT;

/* Frees a plan. */
LAYAK_C_API void layak_plan_free(layak_plan* plan) LAYAK_C_NOEXCEPT;

/* The plan's as-of date, "YYYY-MM-DD", or NULL for a NULL plan. Owned by the plan. */
LAYAK_C_API const char* layak_plan_as_of(const layak_plan* plan) LAYAK_C_NOEXCEPT;

/* "layak 0.1.0; pack tuban 2026.1; content fnv1a64:...; as_of 2026-01-01", to
 * record beside results; NULL for a NULL plan. Owned by the plan. */
LAYAK_C_API const char* layak_plan_provenance(const layak_plan* plan) LAYAK_C_NOEXCEPT;

/* ---- Caseloads ----------------------------------------------------------- */

typedef struct layak_caseload layak_caseload;
typedef struct layak_caseload_builder layak_caseload_builder;

/* Starts a caseload built from columns for `pack`'s schema, into *out, freed
 * with layak_caseload_builder_free. Columns are named by schema field
 * (household or member field); a field not given is unknown throughout.
 * Problems in the columns are all reported by layak_caseload_builder_build. */
LAYAK_C_API layak_status layak_caseload_builder_new(const layak_pack* pack,
                                                    layak_caseload_builder** out) LAYAK_C_NOEXCEPT;

/* Frees a builder (built or not). */
LAYAK_C_API void layak_caseload_builder_free(layak_caseload_builder* builder) LAYAK_C_NOEXCEPT;

/* Sets the number of households. Errors: INVALID_ARGUMENT (NULL builder),
 * FAILED_PRECONDITION (already built). */
LAYAK_C_API layak_status layak_caseload_builder_set_household_count(layak_caseload_builder* builder,
                                                                    size_t count) LAYAK_C_NOEXCEPT;

/* Sets each member's household: household_of_member[m] is the 0-based
 * household row of member row m (members of a household need not be
 * adjacent). Member columns then have member_count rows. Errors as above. */
LAYAK_C_API layak_status layak_caseload_builder_set_member_households(layak_caseload_builder* builder,
                                                                      const int64_t* household_of_member,
                                                                      size_t member_count) LAYAK_C_NOEXCEPT;

/* A column of `count` ints: bools (0/1), ints, dates (days since 1970-01-01),
 * enum value indexes, set bitmasks, or numbers scaled by 10^6. `known` holds
 * one byte per row (0: unknown) or is NULL when all are known. Errors as
 * above; bad values are reported by build. */
LAYAK_C_API layak_status layak_caseload_builder_set_ints(layak_caseload_builder* builder, const char* field,
                                                         const int64_t* values, const uint8_t* known,
                                                         size_t count) LAYAK_C_NOEXCEPT;

/* A column of `count` numbers; NaN is unknown. Rounded half-even to 6
 * decimals (an int field takes integral values only). Errors as above. */
LAYAK_C_API layak_status layak_caseload_builder_set_doubles(layak_caseload_builder* builder, const char* field,
                                                            const double* values, size_t count) LAYAK_C_NOEXCEPT;

/* A column of `count` NUL-terminated texts, read as CSV cells are (dates
 * "YYYY-MM-DD", enum values, sets "a|b", bools "true"/"1"/"ya"); a NULL
 * element or "" is unknown. Errors as above. */
LAYAK_C_API layak_status layak_caseload_builder_set_texts(layak_caseload_builder* builder, const char* field,
                                                          const char* const* values, size_t count) LAYAK_C_NOEXCEPT;

/* As layak_caseload_builder_set_texts, with texts given as pointer + length
 * (not NUL-terminated); a NULL pointer is unknown. Errors as above. */
LAYAK_C_API layak_status layak_caseload_builder_set_texts_n(layak_caseload_builder* builder, const char* field,
                                                            const char* const* values, const size_t* lengths,
                                                            size_t count) LAYAK_C_NOEXCEPT;

/* Builds the caseload into *out, freed with layak_caseload_free. The builder
 * is spent afterwards, whatever the outcome. Errors: INVALID_ARGUMENT with
 * every problem, one a line, naming field and row ("'disability' row 1:
 * 'brat' is not a value of ..."), an unknown field, a column of the wrong
 * length, a member naming a household past the count; FAILED_PRECONDITION
 * (built already). */
LAYAK_C_API layak_status layak_caseload_builder_build(layak_caseload_builder* builder,
                                                      layak_caseload** out) LAYAK_C_NOEXCEPT;

/* Reads one household given as a JSON object of `length` bytes (members
 * nested in "members", field names as in the schema, null or absent keys
 * unknown; it may span lines) into a one-household caseload *out, freed with
 * layak_caseload_free. Errors: INVALID_ARGUMENT with every problem as
 * "<json>:LINE:COL: error: ..." (a bad value, not JSON, not one household). */
LAYAK_C_API layak_status layak_caseload_from_json(const layak_pack* pack, const char* json, size_t length,
                                                  layak_caseload** out) LAYAK_C_NOEXCEPT;

/* Frees a caseload. */
LAYAK_C_API void layak_caseload_free(layak_caseload* caseload) LAYAK_C_NOEXCEPT;

/* The number of households, 0 for a NULL caseload. */
LAYAK_C_API size_t layak_caseload_household_count(const layak_caseload* caseload) LAYAK_C_NOEXCEPT;

/* The number of members, 0 for a NULL caseload. */
LAYAK_C_API size_t layak_caseload_member_count(const layak_caseload* caseload) LAYAK_C_NOEXCEPT;

/* Sets *row to the row of the household whose key field is `id`. Errors:
 * NOT_FOUND (no such household), INVALID_ARGUMENT (NULL arguments). */
LAYAK_C_API layak_status layak_caseload_find_household(const layak_caseload* caseload, const char* id,
                                                       size_t* row) LAYAK_C_NOEXCEPT;

/* ---- Evaluation and results ---------------------------------------------- */

typedef struct layak_results layak_results;

/* A program's decision for a household or a person. */
typedef enum layak_program_status {
  LAYAK_PROGRAM_NONE = -1, /* not a decision: a NULL handle or a row out of range */
  LAYAK_PROGRAM_INELIGIBLE = 0,
  LAYAK_PROGRAM_ELIGIBLE = 1,
  LAYAK_PROGRAM_UNKNOWN = 2 /* facts are missing: see layak_results_missing_field */
} layak_program_status;

/* "ineligible", "eligible", "unknown"; "none" otherwise. Static storage. */
LAYAK_C_API const char* layak_program_status_name(layak_program_status status) LAYAK_C_NOEXCEPT;

/* Evaluates every household of `caseload` with `plan` on the calling thread
 * into *out, freed with layak_results_free: one row per household x program
 * (per person x program for member-level programs), households in caseload
 * order, programs in pack order. Errors: INVALID_ARGUMENT (NULL arguments, a
 * caseload made for another pack than the plan's). */
LAYAK_C_API layak_status layak_evaluate(const layak_plan* plan, const layak_caseload* caseload,
                                        layak_results** out) LAYAK_C_NOEXCEPT;

/* Frees results. */
LAYAK_C_API void layak_results_free(layak_results* results) LAYAK_C_NOEXCEPT;

/* The number of rows, 0 for NULL results. */
LAYAK_C_API size_t layak_results_count(const layak_results* results) LAYAK_C_NOEXCEPT;

/* Row `row`'s program id ("PKH"); NULL for a bad handle or row. */
LAYAK_C_API const char* layak_results_program(const layak_results* results, size_t row) LAYAK_C_NOEXCEPT;

/* Row `row`'s household row in the caseload; (size_t)-1 for a bad handle or row. */
LAYAK_C_API size_t layak_results_household_row(const layak_results* results, size_t row) LAYAK_C_NOEXCEPT;

/* Row `row`'s household key ("" when the caseload has none); NULL for a bad handle or row. */
LAYAK_C_API const char* layak_results_household_id(const layak_results* results, size_t row) LAYAK_C_NOEXCEPT;

/* Row `row`'s member row (members grouped by household, in the order given
 * within each) for member-level programs, -1 for household-level ones and
 * for a bad handle or row. */
LAYAK_C_API int64_t layak_results_member_row(const layak_results* results, size_t row) LAYAK_C_NOEXCEPT;

/* Row `row`'s member key for member-level programs, "" otherwise; NULL for a bad handle or row. */
LAYAK_C_API const char* layak_results_member_id(const layak_results* results, size_t row) LAYAK_C_NOEXCEPT;

/* Row `row`'s decision; LAYAK_PROGRAM_NONE for a bad handle or row. */
LAYAK_C_API layak_program_status layak_results_status(const layak_results* results, size_t row) LAYAK_C_NOEXCEPT;

/* 1 when row `row` has a known benefit (eligible, amount decided), else 0. */
LAYAK_C_API uint8_t layak_results_has_benefit(const layak_results* results, size_t row) LAYAK_C_NOEXCEPT;

/* Row `row`'s benefit in rupiah (per year for the bundled packs); 0 without one. */
LAYAK_C_API int64_t layak_results_benefit(const layak_results* results, size_t row) LAYAK_C_NOEXCEPT;

/* How many clauses failed on row `row` (ineligible rows only); 0 for a bad handle or row. */
LAYAK_C_API size_t layak_results_failed_clause_count(const layak_results* results, size_t row) LAYAK_C_NOEXCEPT;

/* Failed clause `index` of row `row` (a clause id, "dtsen"); NULL when out of range. */
LAYAK_C_API const char* layak_results_failed_clause(const layak_results* results, size_t row,
                                                    size_t index) LAYAK_C_NOEXCEPT;

/* How many missing fields row `row` lists (unknown rows only); 0 for a bad handle or row. */
LAYAK_C_API size_t layak_results_missing_field_count(const layak_results* results, size_t row) LAYAK_C_NOEXCEPT;

/* Missing field `index` of row `row` ("desil", "members[2].birth_date"); NULL when out of range. */
LAYAK_C_API const char* layak_results_missing_field(const layak_results* results, size_t row,
                                                    size_t index) LAYAK_C_NOEXCEPT;

/* How many evaluation errors (division by zero, overflow) row `row` has; 0 for a bad handle or row. */
LAYAK_C_API size_t layak_results_error_count(const layak_results* results, size_t row) LAYAK_C_NOEXCEPT;

/* Evaluation error `index` of row `row`; NULL when out of range. */
LAYAK_C_API const char* layak_results_error(const layak_results* results, size_t row, size_t index) LAYAK_C_NOEXCEPT;

/* ---- Explanations -------------------------------------------------------- */

/* The language of texts for people. */
typedef enum layak_language { LAYAK_LANGUAGE_ID = 0, LAYAK_LANGUAGE_EN = 1 } layak_language;

/* How an explanation is rendered. */
typedef enum layak_explain_format {
  LAYAK_EXPLAIN_TEXT = 0, /* plain text for a social worker */
  LAYAK_EXPLAIN_JSON = 1  /* one JSON object, keys in English, texts in the language */
} layak_explain_format;

/* Explains household row `household` of `caseload` with `plan`: per program
 * the decision, every clause with its value, the data under it and its
 * source. *out is a malloc'd NUL-terminated string the caller frees with
 * layak_string_free. Errors: INVALID_ARGUMENT (NULL arguments, a language or
 * format not in the enums, another pack's caseload), OUT_OF_RANGE (no such
 * row). */
LAYAK_C_API layak_status layak_explain(const layak_plan* plan, const layak_caseload* caseload, size_t household,
                                       layak_language language, layak_explain_format format,
                                       char** out) LAYAK_C_NOEXCEPT;

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* LAYAK_C_H_ */
