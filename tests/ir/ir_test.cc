// Golden dumps of the typed IR: what the evaluator will consume. A change in
// binding, typing or sharing shows up here as a readable diff.
#include "check/check_fixture.h"

namespace layak::testing {
namespace {

TEST(IrTest, FixturePackDumpMatchesGolden) {
  std::string rest =
      "programs:\n"
      "  - id: PKH\n"
      "    valid: { from: 2018-01-01 }\n"
      "    criteria:\n"
      "      - { id: miskin, when: \"miskin\" }\n"
      "      - { id: komponen, when: \"any(members, pregnant or age < 6 or anak_sekolah or age >= "
      "params.lansia_min_age)\" }\n"
      "    benefit: \"sum_top(members, 4, if pregnant ?? false then 3_000_000 else 0)\"\n"
      "    priority: \"desil\"\n"
      "  - id: PIP\n"
      "    unit: member\n"
      "    criteria:\n"
      "      - { id: usia, when: \"anak_sekolah\" }\n"
      "      - { id: miskin, when: \"miskin or eligible('PKH')\" }\n"
      "needs:\n"
      "  - { id: abh, when: \"any(members, 'abh' in ppks)\", services: [litmas] }\n"
      "resources:\n"
      "  - { id: r1, services: [litmas], accepts: \"any(members, age < 18 or sex == 'P')\" }\n";
  LAYAK_ASSERT_OK_AND_ASSIGN(LoadResult r, LoadRulePackFromSources({{"s.yaml", kFixturePack}, {"p.yaml", rest}}));
  ASSERT_TRUE(r.ok()) << FormatDiagnostics(r.diagnostics);
  ExpectMatchesGolden(r.pack()->impl().module->DebugString(), "tests/golden/ir/fixture.golden");
}

TEST(IrTest, BundledPackDumpMatchesGolden) {
  LAYAK_ASSERT_OK_AND_ASSIGN(LoadResult r, LoadRulePack(SourcePath("rules/tuban")));
  ASSERT_TRUE(r.ok()) << FormatDiagnostics(r.diagnostics);
  ExpectMatchesGolden(r.pack()->impl().module->DebugString(), "tests/golden/ir/tuban.golden");
}

}  // namespace
}  // namespace layak::testing
