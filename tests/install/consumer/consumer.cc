// Uses the installed C++ library: loads the pack given as argv[1], builds
// one household (T01 of rules/nasional/tests/pkh.yaml: a woman of 65 alone,
// desil 3, PKH's elderly component) and prints its PKH answer, which must be
// "PKH eligible 2400000".
#include <iostream>
#include <memory>
#include <string>

#include "layak/layak.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: consumer PACK_FOLDER\n";
    return 2;
  }
  if (layak::VersionString() != LAYAK_PACKAGE_VERSION) {
    std::cerr << "library version " << layak::VersionString() << " but package version " << LAYAK_PACKAGE_VERSION
              << "\n";
    return 1;
  }
  absl::StatusOr<layak::LoadResult> loaded = layak::LoadRulePack(argv[1]);
  if (!loaded.ok() || !loaded->ok()) {
    std::cerr << (loaded.ok() ? layak::FormatDiagnostics(loaded->diagnostics) : loaded.status().ToString()) << "\n";
    return 1;
  }
  std::shared_ptr<const layak::RulePack> pack = loaded->ReleasePack();
  auto plan = layak::CompilePlan(pack, {.as_of = "2026-01-01", .params = {}});
  layak::CaseloadBuilder b(*pack);
  b.SetHouseholdCount(1);
  b.SetTexts("id", {"T01"});
  b.SetInts("desil", {3});
  b.SetTexts("in_dtsen", {"true"});
  b.SetMemberHouseholds({0});
  b.SetTexts("birth_date", {"1960-03-15"});
  b.SetTexts("sex", {"P"});
  b.SetTexts("pregnant", {"false"});
  b.SetTexts("disability", {"none"});
  auto caseload = b.Build();
  if (!plan.ok() || !caseload.ok()) {
    std::cerr << (plan.ok() ? caseload.status() : plan.status()).ToString() << "\n";
    return 1;
  }
  auto results = layak::Evaluate(**plan, *caseload);
  if (!results.ok()) {
    std::cerr << results.status().ToString() << "\n";
    return 1;
  }
  for (const layak::ProgramResult& r : *results) {
    if (r.program == "PKH") {
      std::cout << r.program << " " << layak::StatusName(r.status) << " " << r.benefit.value_or(-1) << "\n";
    }
  }
  return 0;
}
