/* The C API exercised from plain C11: households built from columns and
 * from JSON whose PKH and SEMBAKO answers follow from rules/nasional
 * (programs/pkh.yaml, programs/sembako.yaml, definitions.yaml; the same
 * households as rules/nasional/tests/pkh.yaml T01, T04 and T09), explanations,
 * what-if overrides, sharing across threads, and every error path the
 * header promises.
 * Usage: c_api_test PACK_FOLDER (rules/tuban). */
#define _POSIX_C_SOURCE 200809L

#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "layak_c.h"

int check_failures = 0;

enum { kNoRow = -1 };

/* The results row of a household-level program for household row `household`. */
static long FindRow(const layak_results* r, const char* program, size_t household) {
  for (size_t i = 0; i < layak_results_count(r); ++i) {
    if (strcmp(layak_results_program(r, i), program) == 0 && layak_results_household_row(r, i) == household) {
      return (long)i;
    }
  }
  fprintf(stderr, "no result for %s, household %zu\n", program, household);
  ++check_failures;
  return kNoRow;
}

/* Checks row `row`'s status and its list of failed clauses or missing fields (joined by '|'). */
static void CheckRow(const layak_results* r, long row, layak_program_status status, const char* list) {
  if (row == kNoRow) return;
  size_t i = (size_t)row;
  CHECK_STREQ(layak_program_status_name(layak_results_status(r, i)), layak_program_status_name(status));
  char joined[256] = "";
  int failed = status == LAYAK_PROGRAM_INELIGIBLE;
  size_t n = failed ? layak_results_failed_clause_count(r, i) : layak_results_missing_field_count(r, i);
  for (size_t j = 0; j < n; ++j) {
    if (j > 0) strcat(joined, "|");
    strncat(joined, failed ? layak_results_failed_clause(r, i, j) : layak_results_missing_field(r, i, j), 100);
  }
  CHECK_STREQ(joined, list);
}

static void CheckBenefit(const layak_results* r, long row, int64_t rupiah) {
  if (row == kNoRow) return;
  CHECK_INT_EQ(layak_results_has_benefit(r, (size_t)row), rupiah >= 0);
  CHECK_INT_EQ(layak_results_benefit(r, (size_t)row), rupiah >= 0 ? rupiah : 0);
}

/* Three households from columns, as a registry extract would give them:
 * C-ELIG: desil 3, a woman of 65 (PKH elderly component at the regulation's
 *   60) with a valid NIK: PKH and SEMBAKO eligible, 2,400,000 a year each.
 * C-INEL: desil 7, known: outside deciles 1-4, so both ineligible on dtsen;
 *   a man of 40 holds no PKH component either.
 * C-UNK: desil and DTSEN registration unrecorded, an elderly couple: both
 *   programs wait for the decile alone.
 * Members are given out of household order on purpose. */
static layak_caseload* BuildThreeHouseholds(const layak_pack* pack) {
  layak_caseload_builder* b = NULL;
  REQUIRE_OK(layak_caseload_builder_new(pack, &b));
  const char* ids[] = {"C-ELIG", "C-INEL", "C-UNK"};
  const size_t id_lengths[] = {6, 6, 5};
  const double desil[] = {3, 7, NAN};
  const int64_t in_dtsen[] = {1, 1, 0};
  const uint8_t in_dtsen_known[] = {1, 1, 0};
  const int64_t member_household[] = {0, 2, 1, 2};
  const char* nik[] = {"N0-1", "N2-1", "N1-1", "N2-2"};
  const char* birth_date[] = {"1960-03-15", "1952-02-29", "1985-06-01", "1955-06-30"};
  const char* sex[] = {"P", "L", "L", "P"};
  const char* relation[] = {"kepala", "kepala", "kepala", "pasangan"};
  const char* nik_status[] = {"valid", "valid", "valid", "valid"};
  const char* disability[] = {"none", "none", "none", NULL};
  const int64_t pregnant[] = {0, 0, 0, 0};
  const uint8_t pregnant_known[] = {1, 0, 1, 1};
  CHECK_OK(layak_caseload_builder_set_household_count(b, 3));
  CHECK_OK(layak_caseload_builder_set_texts_n(b, "id", ids, id_lengths, 3));
  CHECK_OK(layak_caseload_builder_set_doubles(b, "desil", desil, 3));
  CHECK_OK(layak_caseload_builder_set_ints(b, "in_dtsen", in_dtsen, in_dtsen_known, 3));
  CHECK_OK(layak_caseload_builder_set_member_households(b, member_household, 4));
  CHECK_OK(layak_caseload_builder_set_texts(b, "nik", nik, 4));
  CHECK_OK(layak_caseload_builder_set_texts(b, "birth_date", birth_date, 4));
  CHECK_OK(layak_caseload_builder_set_texts(b, "sex", sex, 4));
  CHECK_OK(layak_caseload_builder_set_texts(b, "relation", relation, 4));
  CHECK_OK(layak_caseload_builder_set_texts(b, "nik_status", nik_status, 4));
  CHECK_OK(layak_caseload_builder_set_texts(b, "disability", disability, 4));
  CHECK_OK(layak_caseload_builder_set_ints(b, "pregnant", pregnant, pregnant_known, 4));
  layak_caseload* c = NULL;
  REQUIRE_OK(layak_caseload_builder_build(b, &c));
  /* Spent: a second build and further columns are refused, not silently empty. */
  layak_caseload* again = (layak_caseload*)1;
  CHECK_STATUS(layak_caseload_builder_build(b, &again), LAYAK_FAILED_PRECONDITION);
  CHECK(again == NULL);
  CHECK_CONTAINS(layak_last_error(), "built already");
  CHECK_STATUS(layak_caseload_builder_set_household_count(b, 1), LAYAK_FAILED_PRECONDITION);
  layak_caseload_builder_free(b);
  return c;
}

static void TestColumns(const layak_plan* plan, const layak_caseload* c) {
  CHECK_INT_EQ(layak_caseload_household_count(c), 3);
  CHECK_INT_EQ(layak_caseload_member_count(c), 4);
  layak_results* r = NULL;
  REQUIRE_OK(layak_evaluate(plan, c, &r));
  CHECK_STREQ(layak_last_error(), ""); /* success clears it */
  long pkh0 = FindRow(r, "PKH", 0), pkh1 = FindRow(r, "PKH", 1), pkh2 = FindRow(r, "PKH", 2);
  long sem0 = FindRow(r, "SEMBAKO", 0), sem1 = FindRow(r, "SEMBAKO", 1), sem2 = FindRow(r, "SEMBAKO", 2);
  CheckRow(r, pkh0, LAYAK_PROGRAM_ELIGIBLE, "");
  CheckBenefit(r, pkh0, 2400000);
  CheckRow(r, sem0, LAYAK_PROGRAM_ELIGIBLE, "");
  CheckBenefit(r, sem0, 200000 * 12);
  CheckRow(r, pkh1, LAYAK_PROGRAM_INELIGIBLE, "dtsen|komponen");
  CheckBenefit(r, pkh1, -1);
  CheckRow(r, sem1, LAYAK_PROGRAM_INELIGIBLE, "dtsen");
  CheckRow(r, pkh2, LAYAK_PROGRAM_UNKNOWN, "desil");
  CheckBenefit(r, pkh2, -1);
  CheckRow(r, sem2, LAYAK_PROGRAM_UNKNOWN, "desil");
  if (pkh2 != kNoRow) {
    CHECK_STREQ(layak_results_household_id(r, (size_t)pkh2), "C-UNK");
    CHECK_INT_EQ(layak_results_member_row(r, (size_t)pkh2), -1);
    CHECK_STREQ(layak_results_member_id(r, (size_t)pkh2), "");
  }
  /* PIP is decided per person: one row per member, members grouped by
   * household (C-UNK's two members are rows 2 and 3 whatever the input order). */
  int pip_rows = 0;
  for (size_t i = 0; i < layak_results_count(r); ++i) {
    if (strcmp(layak_results_program(r, i), "PIP") != 0) continue;
    ++pip_rows;
    if (layak_results_household_row(r, i) == 2) {
      int64_t m = layak_results_member_row(r, i);
      CHECK(m == 2 || m == 3);
      CHECK_STREQ(layak_results_member_id(r, i), m == 2 ? "N2-1" : "N2-2");
    }
  }
  CHECK_INT_EQ(pip_rows, 4);
  /* Out of range: a sentinel, and the last error says why. */
  size_t past = layak_results_count(r);
  CHECK(layak_results_status(r, past) == LAYAK_PROGRAM_NONE);
  CHECK_CONTAINS(layak_last_error(), "layak_results_status: row");
  CHECK(layak_results_program(r, past) == NULL);
  CHECK(layak_results_failed_clause(r, 0, 99) == NULL);
  CHECK_CONTAINS(layak_last_error(), "past the end");
  CHECK_INT_EQ(layak_results_error_count(r, 0), 0);
  layak_results_free(r);

  size_t row = 99;
  CHECK_OK(layak_caseload_find_household(c, "C-UNK", &row));
  CHECK_INT_EQ(row, 2);
  CHECK_STATUS(layak_caseload_find_household(c, "C-NONE", &row), LAYAK_NOT_FOUND);
  CHECK_CONTAINS(layak_last_error(), "no household with id 'C-NONE'");
}

/* T09 of the pack's tests as a case-management system sends it: a police
 * officer's family, so PKH fails on bukan_asn, yet SEMBAKO pays. */
static const char kPoliceFamily[] =
    "{\n"
    "  \"id\": \"T09\", \"kecamatan\": \"Rengel\", \"in_dtsen\": true, \"desil\": 4,\n"
    "  \"members\": [\n"
    "    {\"nik\": \"3523140000000001\", \"nik_status\": \"valid\", \"birth_date\": \"1988-09-09\", \"sex\": \"L\",\n"
    "     \"relation\": \"kepala\", \"state_employee\": true, \"disability\": \"none\"},\n"
    "    {\"nik\": \"3523140000000002\", \"nik_status\": \"valid\", \"birth_date\": \"2023-01-15\", \"sex\": \"L\",\n"
    "     \"relation\": \"anak\", \"disability\": \"none\"}\n"
    "  ]\n"
    "}\n";

static void TestJsonAndExplain(const layak_pack* pack, const layak_plan* plan) {
  layak_caseload* c = NULL;
  REQUIRE_OK(layak_caseload_from_json(pack, kPoliceFamily, strlen(kPoliceFamily), &c));
  CHECK_INT_EQ(layak_caseload_household_count(c), 1);
  CHECK_INT_EQ(layak_caseload_member_count(c), 2);
  layak_results* r = NULL;
  REQUIRE_OK(layak_evaluate(plan, c, &r));
  long pkh = FindRow(r, "PKH", 0), sem = FindRow(r, "SEMBAKO", 0);
  CheckRow(r, pkh, LAYAK_PROGRAM_INELIGIBLE, "bukan_asn");
  CheckRow(r, sem, LAYAK_PROGRAM_ELIGIBLE, "");
  CheckBenefit(r, sem, 2400000);
  if (pkh != kNoRow) CHECK_STREQ(layak_results_household_id(r, (size_t)pkh), "T09");
  layak_results_free(r);

  char* text = NULL;
  CHECK_OK(layak_explain(plan, c, 0, LAYAK_LANGUAGE_EN, LAYAK_EXPLAIN_TEXT, &text));
  CHECK_CONTAINS(text, "Household T09, as of 2026-01-01, 2 members");
  CHECK_CONTAINS(text, "PKH - Program Keluarga Harapan: NOT ELIGIBLE");
  CHECK_CONTAINS(text, "[no]  bukan_asn: No member is a civil servant, soldier or police officer");
  layak_string_free(text);
  CHECK_OK(layak_explain(plan, c, 0, LAYAK_LANGUAGE_ID, LAYAK_EXPLAIN_TEXT, &text));
  CHECK_CONTAINS(text, "PKH - Program Keluarga Harapan: TIDAK LAYAK");
  CHECK_CONTAINS(text, "Tidak ada anggota keluarga PNS, TNI atau Polri");
  layak_string_free(text);
  CHECK_OK(layak_explain(plan, c, 0, LAYAK_LANGUAGE_EN, LAYAK_EXPLAIN_JSON, &text));
  CHECK(text != NULL && text[0] == '{');
  CHECK_CONTAINS(text, "\"household_id\":\"T09\"");
  CHECK_CONTAINS(text, "\"language\":\"en\"");
  CHECK_CONTAINS(text, "\"program\":\"PKH\"");
  layak_string_free(text);

  text = (char*)1;
  CHECK_STATUS(layak_explain(plan, c, 1, LAYAK_LANGUAGE_EN, LAYAK_EXPLAIN_TEXT, &text), LAYAK_OUT_OF_RANGE);
  CHECK(text == NULL);
  CHECK_CONTAINS(layak_last_error(), "household row 1");
  CHECK_STATUS(layak_explain(plan, c, 0, (layak_language)7, LAYAK_EXPLAIN_TEXT, &text), LAYAK_INVALID_ARGUMENT);
  CHECK_CONTAINS(layak_last_error(), "language 7");
  layak_caseload_free(c);

  /* A bad value: the message points into the JSON and names the field. */
  const char* bad = "{\"id\": \"X\", \"desil\": \"tinggi\"}";
  c = (layak_caseload*)1;
  CHECK_STATUS(layak_caseload_from_json(pack, bad, strlen(bad), &c), LAYAK_INVALID_ARGUMENT);
  CHECK(c == NULL);
  CHECK_CONTAINS(layak_last_error(), "<json>:1:");
  CHECK_CONTAINS(layak_last_error(), "'tinggi' is not an int for 'desil'");
}

/* What-if: the operational PKH elderly age (70) drops the woman of 65. */
static void TestOverrides(const layak_pack* pack, const layak_caseload* c) {
  const char* overrides[] = {"pkh_lansia_variant=operational"};
  layak_plan* plan = NULL;
  REQUIRE_OK(layak_plan_compile(pack, "2026-01-01", overrides, 1, &plan));
  CHECK_CONTAINS(layak_plan_provenance(plan), "pkh_lansia_variant=operational");
  layak_results* r = NULL;
  REQUIRE_OK(layak_evaluate(plan, c, &r));
  CheckRow(r, FindRow(r, "PKH", 0), LAYAK_PROGRAM_INELIGIBLE, "komponen");
  CheckRow(r, FindRow(r, "SEMBAKO", 0), LAYAK_PROGRAM_ELIGIBLE, "");
  layak_results_free(r);
  layak_plan_free(plan);

  const char* no_equals[] = {"pkh_lansia_variant"};
  CHECK_STATUS(layak_plan_compile(pack, "2026-01-01", no_equals, 1, &plan), LAYAK_INVALID_ARGUMENT);
  CHECK_CONTAINS(layak_last_error(), "is not name=value");
  const char* unknown[] = {"no_such_param=1"};
  CHECK_STATUS(layak_plan_compile(pack, "2026-01-01", unknown, 1, &plan), LAYAK_INVALID_ARGUMENT);
  CHECK_CONTAINS(layak_last_error(), "no_such_param");
  CHECK_STATUS(layak_plan_compile(pack, "2026-13-45", NULL, 0, &plan), LAYAK_INVALID_ARGUMENT);
  CHECK(plan == NULL);
  /* NULL as_of is today: some date YYYY-MM-DD. */
  REQUIRE_OK(layak_plan_compile(pack, NULL, NULL, 0, &plan));
  CHECK_INT_EQ(strlen(layak_plan_as_of(plan)), 10);
  layak_plan_free(plan);
}

/* Bad data in columns: every problem comes back from build, with field and row. */
static void TestBadColumns(const layak_pack* pack) {
  layak_caseload_builder* b = NULL;
  REQUIRE_OK(layak_caseload_builder_new(pack, &b));
  const int64_t member_household[] = {0, 0};
  const char* disability[] = {"none", "brat"};
  const double desil[] = {3.5};
  CHECK_OK(layak_caseload_builder_set_household_count(b, 1));
  CHECK_OK(layak_caseload_builder_set_member_households(b, member_household, 2));
  CHECK_OK(layak_caseload_builder_set_texts(b, "disability", disability, 2));
  CHECK_OK(layak_caseload_builder_set_doubles(b, "desil", desil, 1));
  CHECK_OK(layak_caseload_builder_set_texts(b, "dissability", disability, 2));
  layak_caseload* c = (layak_caseload*)1;
  CHECK_STATUS(layak_caseload_builder_build(b, &c), LAYAK_INVALID_ARGUMENT);
  CHECK(c == NULL);
  const char* e = layak_last_error();
  CHECK_CONTAINS(e, "'disability' row 1: ");
  CHECK_CONTAINS(e, "'brat'");
  CHECK_CONTAINS(e, "'desil' row 0: 3.5 is not an int");
  CHECK_CONTAINS(e, "no field 'dissability' in the schema");
  layak_caseload_builder_free(b);
}

/* Writes a one-file pack with a misspelt field into a fresh temp folder. */
static void TestPackErrors(void) {
  layak_pack* pack = (layak_pack*)1;
  CHECK_STATUS(layak_pack_load("/nonexistent/layak/pack", &pack), LAYAK_NOT_FOUND);
  CHECK(pack == NULL);
  CHECK_CONTAINS(layak_last_error(), "'/nonexistent/layak/pack' does not exist");

  char dir[] = "/tmp/layak_c_api_test_XXXXXX";
  if (mkdtemp(dir) == NULL) {
    perror("mkdtemp");
    ++check_failures;
    return;
  }
  char path[64];
  snprintf(path, sizeof path, "%s/pack.yaml", dir);
  FILE* f = fopen(path, "w");
  CHECK(f != NULL);
  if (f == NULL) return;
  fputs(
      "pack: { id: capi_broken, version: \"1\" }\n"
      "schema:\n"
      "  household:\n"
      "    id: { type: string, key: true }\n"
      "    desil: { type: int, min: 1, max: 10 }\n"
      "programs:\n"
      "  - id: P\n"
      "    name: Test\n"
      "    criteria:\n"
      "      - id: miskin\n"
      "        when: \"desil <= 4 and dsil > 0\"\n",
      f);
  fclose(f);
  CHECK_STATUS(layak_pack_load(dir, &pack), LAYAK_PACK_ERRORS);
  CHECK(pack == NULL);
  CHECK_CONTAINS(layak_last_error(), "/pack.yaml:11:31: error[E0301]: unknown name 'dsil'");
  CHECK_CONTAINS(layak_last_error(), "did you mean 'desil'?");
  remove(path);
  rmdir(dir);
}

/* NULL handles and arguments: INVALID_ARGUMENT with the function's name, never a crash. */
static void TestNulls(const layak_pack* pack, const layak_plan* plan) {
  layak_pack* p = NULL;
  CHECK_STATUS(layak_pack_load(NULL, &p), LAYAK_INVALID_ARGUMENT);
  CHECK_STREQ(layak_last_error(), "layak_pack_load: folder is NULL");
  CHECK_STATUS(layak_pack_load("rules/tuban", NULL), LAYAK_INVALID_ARGUMENT);
  layak_results* r = (layak_results*)1;
  CHECK_STATUS(layak_evaluate(NULL, NULL, &r), LAYAK_INVALID_ARGUMENT);
  CHECK(r == NULL);
  CHECK_STREQ(layak_last_error(), "layak_evaluate: plan is NULL");
  layak_plan* pl = NULL;
  CHECK_STATUS(layak_plan_compile(NULL, "2026-01-01", NULL, 0, &pl), LAYAK_INVALID_ARGUMENT);
  CHECK_STATUS(layak_plan_compile(pack, "2026-01-01", NULL, 2, &pl), LAYAK_INVALID_ARGUMENT);
  CHECK_CONTAINS(layak_last_error(), "overrides is NULL");
  layak_caseload* c = NULL;
  CHECK_STATUS(layak_caseload_from_json(pack, NULL, 0, &c), LAYAK_INVALID_ARGUMENT);
  CHECK_STATUS(layak_caseload_builder_set_ints(NULL, "desil", NULL, NULL, 0), LAYAK_INVALID_ARGUMENT);
  CHECK_STATUS(layak_caseload_builder_build(NULL, &c), LAYAK_INVALID_ARGUMENT);
  char* text = NULL;
  CHECK_STATUS(layak_explain(plan, NULL, 0, LAYAK_LANGUAGE_ID, LAYAK_EXPLAIN_TEXT, &text), LAYAK_INVALID_ARGUMENT);
  CHECK_STREQ(layak_last_error(), "layak_explain: caseload is NULL");
  CHECK_INT_EQ(layak_results_count(NULL), 0);
  CHECK_STREQ(layak_last_error(), "layak_results_count: results is NULL");
  CHECK(layak_results_status(NULL, 0) == LAYAK_PROGRAM_NONE);
  CHECK(layak_pack_id(NULL) == NULL);
  CHECK(layak_plan_as_of(NULL) == NULL);
  CHECK_INT_EQ(layak_caseload_household_count(NULL), 0);
  layak_pack_free(NULL);
  layak_plan_free(NULL);
  layak_caseload_builder_free(NULL);
  layak_caseload_free(NULL);
  layak_results_free(NULL);
  layak_string_free(NULL);
}

/* Plans and caseloads are shared read-only across threads, and the last
 * error is per thread. */
struct ThreadWork {
  const layak_plan* plan;
  const layak_caseload* caseload;
  int eligible;  /* eligible rows this thread counted */
  int own_error; /* it saw its own message after failing */
};

static void* EvaluateInThread(void* arg) {
  struct ThreadWork* w = arg;
  for (int round = 0; round < 20; ++round) {
    layak_results* r = NULL;
    if (layak_evaluate(w->plan, w->caseload, &r) != LAYAK_OK) return NULL;
    int eligible = 0;
    for (size_t i = 0; i < layak_results_count(r); ++i)
      eligible += layak_results_status(r, i) == LAYAK_PROGRAM_ELIGIBLE;
    layak_results_free(r);
    if (round > 0 && eligible != w->eligible) return NULL;
    w->eligible = eligible;
  }
  w->own_error = layak_evaluate(NULL, w->caseload, NULL) == LAYAK_INVALID_ARGUMENT &&
                 strcmp(layak_last_error(), "layak_evaluate: plan is NULL") == 0;
  return NULL;
}

static void TestThreads(const layak_plan* plan, const layak_caseload* c) {
  layak_results* r = NULL;
  REQUIRE_OK(layak_evaluate(plan, c, &r));
  int expected = 0;
  for (size_t i = 0; i < layak_results_count(r); ++i) expected += layak_results_status(r, i) == LAYAK_PROGRAM_ELIGIBLE;
  layak_results_free(r);
  CHECK(expected > 0);
  CHECK(layak_pack_load(NULL, NULL) == LAYAK_INVALID_ARGUMENT);
  struct ThreadWork work[2] = {{plan, c, -1, 0}, {plan, c, -1, 0}};
  pthread_t threads[2];
  for (int t = 0; t < 2; ++t) CHECK(pthread_create(&threads[t], NULL, EvaluateInThread, &work[t]) == 0);
  for (int t = 0; t < 2; ++t) {
    pthread_join(threads[t], NULL);
    CHECK_INT_EQ(work[t].eligible, expected);
    CHECK(work[t].own_error);
  }
  /* The other threads' failures left this thread's message alone. */
  CHECK_STREQ(layak_last_error(), "layak_pack_load: folder is NULL");
}

static void TestNames(const layak_pack* pack, const layak_plan* plan) {
  CHECK_STREQ(layak_version(), LAYAK_EXPECTED_VERSION);
  CHECK_STREQ(layak_status_name(LAYAK_OK), "ok");
  CHECK_STREQ(layak_status_name(LAYAK_PACK_ERRORS), "pack errors");
  CHECK_STREQ(layak_status_name((layak_status)42), "unknown status");
  CHECK_STREQ(layak_program_status_name(LAYAK_PROGRAM_ELIGIBLE), "eligible");
  CHECK_STREQ(layak_pack_id(pack), "tuban");
  CHECK_STREQ(layak_pack_diagnostics(pack), "");
  size_t programs = layak_pack_program_count(pack);
  CHECK_INT_EQ(programs, 30);
  int has_pkh = 0;
  for (size_t i = 0; i < programs; ++i) has_pkh |= strcmp(layak_pack_program_id(pack, i), "PKH") == 0;
  CHECK(has_pkh);
  CHECK(layak_pack_program_id(pack, programs) == NULL);
  CHECK_STREQ(layak_plan_as_of(plan), "2026-01-01");
  CHECK_CONTAINS(layak_plan_provenance(plan), "pack tuban ");
}

int main(int argc, char** argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: %s PACK_FOLDER\n", argv[0]);
    return 2;
  }
  layak_pack* pack = NULL;
  layak_plan* plan = NULL;
  REQUIRE_OK(layak_pack_load(argv[1], &pack));
  REQUIRE_OK(layak_plan_compile(pack, "2026-01-01", NULL, 0, &plan));
  TestNames(pack, plan);
  layak_caseload* c = BuildThreeHouseholds(pack);
  TestColumns(plan, c);
  TestJsonAndExplain(pack, plan);
  TestOverrides(pack, c);
  TestBadColumns(pack);
  TestPackErrors();
  TestNulls(pack, plan);
  TestThreads(plan, c);
  /* Handles keep what they need alive: the pack may go first. */
  layak_pack_free(pack);
  TestColumns(plan, c);
  layak_caseload_free(c);
  layak_plan_free(plan);
  if (check_failures > 0) {
    fprintf(stderr, "%d check(s) failed\n", check_failures);
    return 1;
  }
  printf("c_api_test: all checks passed\n");
  return 0;
}
