// Tests of check/pack_data.cc: test inputs and resource kecamatan are
// checked against the schema when the pack loads.
#include "check/check_fixture.h"

namespace layak::testing {
namespace {

struct Row {
  const char* household;  // YAML flow mapping of the test household
  const char* message;    // "" when the test case is valid
  const char* help;
};

const Row kRows[] = {
    {"{ desil: 3, dtks: ya, members: [ { sex: P, birth_date: 1950-05-01 } ] }", "", ""},
    {"{ dtks: TIDAK, receives: 'PKH|PIP', floor_area_m2: 7.25, income: -5 }", "", ""},
    {"{ receives: '{}' }", "", ""},
    {"{ receives: [PKH, SEMBAKO] }", "", ""},
    {"{ dtks: maybe }", "'maybe' is not a bool for field 'dtks'", ""},
    {"{ desil: 11 }", "'11' is outside the declared range of field 'desil'", ""},
    {"{ desil: 2.5 }", "'2.5' is not an integer for field 'desil'", ""},
    {"{ floor_area_m2: lebar }", "'lebar' is not a number for field 'floor_area_m2'", ""},
    {"{ kecamatan: Jennu }", "'Jennu' is not a value of enum field 'kecamatan'", "did you mean 'Jenu'?"},
    {"{ receives: [PKH, SEMBAKOO] }", "'SEMBAKOO' is not a value of set field 'receives'", "did you mean 'SEMBAKO'?"},
    {"{ registered: 2024-02-30 }", "is not a date YYYY-MM-DD", ""},
    {"{ members: [ { disability: brat } ] }", "'brat' is not a value of enum field 'disability'", "'berat'"},
    {"{ members: [ { age: 70 } ] }", "'age' is derived and cannot be given", "give the fields it is derived from"},
    {"{ members: [ { desil: 3 } ] }", "test sets unknown member field 'desil'", ""},
};

TEST(PackDataTest, TestInputsAreCheckedAgainstTheSchema) {
  for (const Row& row : kRows) {
    SCOPED_TRACE(row.household);
    std::string tests =
        std::string("tests:\n  - name: t\n    household: ") + row.household + "\n    expect: { PIP: eligible }\n";
    LAYAK_ASSERT_OK_AND_ASSIGN(
        LoadResult r,
        LoadRulePackFromSources(
            {{"s.yaml", kFixturePack},
             {"p.yaml", "programs:\n  - { id: PIP, unit: member, criteria: [ { id: c, when: enrolled } ] }\n"},
             {"t.yaml", tests}}));
    if (row.message[0] == '\0') {
      EXPECT_TRUE(r.ok()) << FormatDiagnostics(r.diagnostics);
      continue;
    }
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.diagnostics[0].code, DiagnosticCode::kBadTest);
    EXPECT_EQ(r.diagnostics[0].location.file, "t.yaml");
    EXPECT_THAT(r.diagnostics[0].message, ::testing::HasSubstr(row.message));
    if (row.help[0] != '\0') {
      ASSERT_FALSE(r.diagnostics[0].notes.empty());
      EXPECT_THAT(r.diagnostics[0].notes[0], ::testing::HasSubstr(row.help));
    }
  }
}

TEST(PackDataTest, ResourceKecamatanMustBeDeclared) {
  std::string resources =
      "resources:\n"
      "  - id: r1\n    services: [x]\n    location: { kecamatan: Tubann, lat: -6.9, lon: 112.0 }\n"
      "    serves: { kecamatan: [Bancar, Jenuu] }\n";
  LAYAK_ASSERT_OK_AND_ASSIGN(LoadResult r, LoadRulePackFromSources({{"s.yaml", kFixturePack}, {"r.yaml", resources}}));
  ASSERT_EQ(r.error_count(), 2) << FormatDiagnostics(r.diagnostics);
  EXPECT_EQ(r.diagnostics[0].location.line, 5);
  EXPECT_EQ(r.diagnostics[0].location.column, 35);
  EXPECT_THAT(r.diagnostics[0].message, ::testing::HasSubstr("'Jenuu' is not a value of enum field 'kecamatan'"));
  EXPECT_EQ(r.diagnostics[1].location.line, 4);
  EXPECT_THAT(r.diagnostics[1].notes, ::testing::Contains("help: did you mean 'Tuban'?"));
}

}  // namespace
}  // namespace layak::testing
