/* Uses the installed C API: loads the pack given as argv[1], reads one
 * household from JSON (T04 of rules/nasional/tests/pkh.yaml: an elderly
 * couple whose decile is not recorded) and prints its PKH answer with the
 * fields that would decide it, which must be "PKH unknown desil". */
#include <stdio.h>
#include <string.h>

#include "layak_c.h"

static const char kHousehold[] =
    "{\"id\": \"T04\", \"kecamatan\": \"Montong\", \"members\": ["
    "{\"nik\": \"3523100000000001\", \"nik_status\": \"valid\", \"birth_date\": \"1952-02-29\", \"sex\": \"L\","
    " \"relation\": \"kepala\", \"disability\": \"none\"},"
    "{\"nik\": \"3523100000000002\", \"nik_status\": \"valid\", \"birth_date\": \"1955-06-30\", \"sex\": \"P\","
    " \"relation\": \"pasangan\", \"pregnant\": false, \"disability\": \"none\"}]}";

int main(int argc, char** argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: c_consumer PACK_FOLDER\n");
    return 2;
  }
  layak_pack* pack = NULL;
  layak_plan* plan = NULL;
  layak_caseload* household = NULL;
  layak_results* results = NULL;
  int failed = layak_pack_load(argv[1], &pack) || layak_plan_compile(pack, "2026-01-01", NULL, 0, &plan) ||
               layak_caseload_from_json(pack, kHousehold, strlen(kHousehold), &household) ||
               layak_evaluate(plan, household, &results);
  if (failed) fprintf(stderr, "layak %s: %s\n", layak_version(), layak_last_error());
  for (size_t i = 0; i < layak_results_count(results); ++i) {
    if (strcmp(layak_results_program(results, i), "PKH") != 0) continue;
    printf("PKH %s", layak_program_status_name(layak_results_status(results, i)));
    for (size_t j = 0; j < layak_results_missing_field_count(results, i); ++j) {
      printf(" %s", layak_results_missing_field(results, i, j));
    }
    printf("\n");
  }
  layak_results_free(results);
  layak_caseload_free(household);
  layak_plan_free(plan);
  layak_pack_free(pack);
  return failed;
}
