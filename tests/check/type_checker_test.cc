// Tests of engine/src/check: name resolution, typing rules, coercions and
// their diagnostics, each row an expression dropped into the fixture pack.
#include "check/check_fixture.h"

namespace layak::testing {
namespace {

struct GoodRow {
  const char* expr;
  const char* unit;
  const char* ir;
};

const GoodRow kGood[] = {
    {"desil <= 4", "household", "(<= desil 4)"},
    {"miskin and dtks", "household", "(and (<= desil 4) dtks)"},
    {"any(members, age < 6)", "household", "(any (< (years_between member.birth_date as_of) 6))"},
    {"any(members, anak_sekolah)", "household",
     "(any (and (in_range (years_between member.birth_date as_of) 6 21) member.enrolled))"},
    {"any(members, disability == 'berat')", "household", "(any (== member.disability 'berat'))"},
    {"any(members, 'berat' == disability)", "household", "(any (== 'berat' member.disability))"},
    {"kecamatan in ['Bancar', 'Jenu']", "household", "(in_list kecamatan 'Bancar' 'Jenu')"},
    {"kecamatan not in ['Tuban']", "household", "(not (in_list kecamatan 'Tuban'))"},
    {"'PKH' in receives", "household", "(in_set 'PKH' receives)"},
    {"any(members, 'abh' in ppks)", "household", "(any (in_set 'abh' member.ppks))"},
    {"floor_area_m2 / count(members) < params.area_per_person", "household",
     "(< (/ floor_area_m2 (to_number (count_members))) params.area_per_person)"},
    {"floor_area_m2 < 7", "household", "(< floor_area_m2 7d)"},
    {"income ?? 0 < 500_000", "household", "(< (?? income 0) 500000)"},
    {"any(members, pregnant ?? false or age >= params.lansia_min_age)", "household",
     "(any (or (?? member.pregnant false) (>= (years_between member.birth_date as_of) params.lansia_min_age)))"},
    {"count_true([dtks, miskin, income < 1]) >= 2", "household", "(>= (count_true dtks (<= desil 4) (< income 1)) 2)"},
    {"sum_top(members, 2, if pregnant then 3_000_000 else 0) > 0", "household",
     "(> (sum_top 2 (if member.pregnant 3000000 0)) 0)"},
    {"sum(members, earnings) < 1.5", "household", "(< (sum member.earnings) 1.5d)"},
    {"max(members, birth_date) > date(\"2020-01-01\")", "household", "(> (max_of member.birth_date) date(2020-01-01))"},
    {"min(desil, 3) == 3", "household", "(== (min desil 3) 3)"},
    {"round(floor_area_m2 * 2) % 2 == 0", "household", "(== (% (round (* floor_area_m2 2d)) 2) 0)"},
    {"known(desil) and not dtks", "household", "(and (known desil) (not dtks))"},
    {"days_between(registered, as_of) > 30", "household", "(> (days_between registered as_of) 30)"},
    {"registered in date(\"2020-01-01\")..date(\"2020-12-31\")", "household",
     "(in_range registered date(2020-01-01) date(2020-12-31))"},
    {"desil in 1..params.lansia_min_age", "household", "(in_range desil 1 params.lansia_min_age)"},
    {"desil in [1, 2.5]", "household", "(in_list (to_number desil) 1d 2.5d)"},
    {"registered > params.pkh_start", "household", "(> registered params.pkh_start)"},
    {"age >= 6 and household.desil <= 4", "member",
     "(and (>= (years_between member.birth_date as_of) 6) (<= desil 4))"},
    {"member.enrolled and eligible(\"PIP\")", "member", "(and member.enrolled eligible(PIP))"},
    {"any(members, eligible(\"PIP\"))", "household", "(any eligible(PIP))"},
    {"abs(-desil) == 4 dan bukan dtks atau miskin", "household",
     "(or (and (== (abs (neg desil)) 4) (not dtks)) (<= desil 4))"},
    {"(if dtks then desil else 10 - desil) > 3", "household", "(> (if dtks desil (- 10 desil)) 3)"},
    {"if dtks then desil > 1 else 10 - desil > 3", "household", "(if dtks (> desil 1) (> (- 10 desil) 3))"},
    {"desa == 'Sidomulyo'", "household", "(== desa 'Sidomulyo')"},
};

TEST(TypeCheckerTest, BindsAndTypesValidExpressions) {
  for (const GoodRow& row : kGood) {
    SCOPED_TRACE(row.expr);
    LAYAK_ASSERT_OK_AND_ASSIGN(LoadResult r, LoadClause(row.expr, row.unit));
    EXPECT_EQ(ClauseIr(r), row.ir);
  }
}

TEST(TypeCheckerTest, IfWithNonBoolBranchesIsNotAClause) {
  LAYAK_ASSERT_OK_AND_ASSIGN(LoadResult r, LoadClause("if dtks then desil else 10 - desil"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.diagnostics[0].code, DiagnosticCode::kTypeMismatch);
  EXPECT_THAT(r.diagnostics[0].message, ::testing::HasSubstr("clause 'c' must be bool, but this is int"));
}

struct BadRow {
  const char* expr;
  const char* unit;
  DiagnosticCode code;
  int column;  // 1-based, within the expression
  int length;  // underline length
  const char* message;
  const char* note;  // "" when none is checked
};

const BadRow kBad[] = {
    {"desli <= 4", "household", DiagnosticCode::kUnknownName, 1, 5, "unknown name 'desli'", "did you mean 'desil'?"},
    {"age < 6", "household", DiagnosticCode::kMemberOutsideQuantifier, 1, 3, "'age' is a member field",
     "any(members, age"},
    {"anak_sekolah", "household", DiagnosticCode::kMemberOutsideQuantifier, 1, 12, "member field", ""},
    {"member.age > 3", "household", DiagnosticCode::kMemberOutsideQuantifier, 1, 10, "member field", ""},
    {"any(members, disability == 'brat')", "household", DiagnosticCode::kUnknownEnumValue, 28, 6,
     "'brat' is not a value of enum field 'disability'", "did you mean 'berat'?"},
    {"kecamatan in ['Bancar', 'Jenuu']", "household", DiagnosticCode::kUnknownEnumValue, 25, 7,
     "'Jenuu' is not a value", "did you mean 'Jenu'?"},
    {"'ABH' in receives", "household", DiagnosticCode::kUnknownEnumValue, 1, 5, "not a value of set field 'receives'",
     ""},
    {"anny(members, age > 3)", "household", DiagnosticCode::kUnknownFunction, 1, 4, "unknown function 'anny'",
     "did you mean 'any'?"},
    {"sumtop(members, 2, desil)", "household", DiagnosticCode::kUnknownFunction, 1, 6, "unknown function", "sum_top"},
    {"params.lansia_min_ag > 1", "household", DiagnosticCode::kUnknownParameter, 1, 20, "unknown parameter",
     "did you mean 'lansia_min_age'?"},
    {"eligible(\"PKHH\")", "household", DiagnosticCode::kUnknownProgram, 10, 6, "unknown program 'PKHH'", ""},
    {"eligible(\"PIP\")", "household", DiagnosticCode::kMemberProgramAtHousehold, 1, 15, "decided per member",
     "any(members, eligible(\"PIP\"))"},
    {"desil + 'x' > 2", "household", DiagnosticCode::kTypeMismatch, 9, 3, "right side of '+' must be a number", ""},
    {"dtks and desil", "household", DiagnosticCode::kTypeMismatch, 10, 5, "right side of 'and' must be bool", ""},
    {"not desil", "household", DiagnosticCode::kTypeMismatch, 5, 5, "operand of 'not' must be bool", ""},
    {"kecamatan < 'Jenu'", "household", DiagnosticCode::kUnorderedType, 1, 9, "'<' needs numbers or dates",
     "enum values are unordered"},
    {"desil < 'x'", "household", DiagnosticCode::kUnorderedType, 9, 3, "needs numbers or dates", ""},
    {"desil == 'x'", "household", DiagnosticCode::kTypeMismatch, 10, 3, "comparison", ""},
    {"desil in 9..3", "household", DiagnosticCode::kEmptyRange, 10, 4, "range 9..3 is empty", "3..9"},
    {"desil in [1, desil]", "household", DiagnosticCode::kNotConstant, 14, 5, "list element must be a constant", ""},
    {"desil in 1..income", "household", DiagnosticCode::kNotConstant, 13, 6, "range bound must be a constant", ""},
    {"desil in dtks", "household", DiagnosticCode::kTypeMismatch, 10, 4, "right side of 'in'", ""},
    {"[1, 2] == desil", "household", DiagnosticCode::kListOutsideIn, 1, 6, "a list can only follow 'in'", ""},
    {"receives == receives", "household", DiagnosticCode::kTypeMismatch, 1, 8, "a set cannot be compared", ""},
    {"desil % 1.5 == 0", "household", DiagnosticCode::kTypeMismatch, 9, 3, "right side of '%' must be int", ""},
    {"(if dtks then 1 else 'x') == 1", "household", DiagnosticCode::kBranchMismatch, 22, 3, "'if' branches", ""},
    {"desil ?? 'x' > 1", "household", DiagnosticCode::kBranchMismatch, 10, 3, "default after '??'", ""},
    {"members", "household", DiagnosticCode::kMisplacedMembers, 1, 7, "'members' can only be", ""},
    {"any(desil, dtks)", "household", DiagnosticCode::kBadArgument, 5, 5, "first argument of any() must be 'members'",
     ""},
    {"any(members)", "household", DiagnosticCode::kArgumentCount, 1, 12, "any() given 1 arguments", ""},
    {"any(members, any(members, pregnant))", "household", DiagnosticCode::kNestedQuantifier, 14, 22,
     "inside another quantifier", ""},
    {"any(members, age)", "household", DiagnosticCode::kTypeMismatch, 14, 3, "condition of any() must be bool", ""},
    {"sum(members, sex) > 1", "household", DiagnosticCode::kTypeMismatch, 14, 3, "value of sum() must be a number", ""},
    {"sum_top(members, 0, age) > 1", "household", DiagnosticCode::kBadArgument, 18, 1, "at least 1", ""},
    {"sum_top(members, desil, age) > 1", "household", DiagnosticCode::kNotConstant, 18, 5, "k of sum_top", ""},
    {"years_between(desil, as_of) > 1", "household", DiagnosticCode::kTypeMismatch, 15, 5,
     "first argument of years_between must be date", ""},
    {"known(desil, dtks)", "household", DiagnosticCode::kArgumentCount, 1, 18, "known() takes 1 argument", ""},
    {"count_true(dtks) > 1", "household", DiagnosticCode::kTypeMismatch, 12, 4, "count_true takes a list", ""},
    {"count_true([dtks, desil]) > 1", "household", DiagnosticCode::kTypeMismatch, 19, 5,
     "each condition of count_true must be bool", ""},
    {"registered + 1 > as_of", "household", DiagnosticCode::kTypeMismatch, 1, 10, "left side of '+'", "days_between"},
    {"params > 1", "household", DiagnosticCode::kUnknownName, 1, 6, "'params' needs a name", ""},
    {"foo.bar", "household", DiagnosticCode::kUnknownName, 1, 7, "unknown name 'foo.bar'", ""},
    {"household.dezil < 3", "household", DiagnosticCode::kUnknownName, 1, 15, "unknown household field 'dezil'",
     "did you mean 'desil'?"},
    {"desil <= 4 and", "household", DiagnosticCode::kSyntax, 15, 1, "expected an expression", ""},
    {"date(\"2024-02-30\") < as_of", "household", DiagnosticCode::kBadDate, 6, 12, "not a calendar date", ""},
};

TEST(TypeCheckerTest, ReportsErrorsAtTheOffendingToken) {
  for (const BadRow& row : kBad) {
    SCOPED_TRACE(row.expr);
    LAYAK_ASSERT_OK_AND_ASSIGN(LoadResult r, LoadClause(row.expr, row.unit));
    ASSERT_FALSE(r.ok());
    ASSERT_FALSE(r.diagnostics.empty());
    const Diagnostic& d = r.diagnostics[0];
    EXPECT_EQ(CodeString(d.code), CodeString(row.code)) << FormatDiagnostics(r.diagnostics);
    EXPECT_EQ(d.location.file, "programs.yaml");
    EXPECT_EQ(d.location.line, kClauseLine);
    EXPECT_EQ(d.location.column, kClauseColumn + row.column - 1) << FormatDiagnostics(r.diagnostics);
    EXPECT_EQ(d.location.length, row.length) << FormatDiagnostics(r.diagnostics);
    EXPECT_THAT(d.message, ::testing::HasSubstr(row.message));
    if (row.note[0] != '\0') {
      std::string notes;
      for (const std::string& n : d.notes) notes += n + "\n";
      EXPECT_THAT(notes, ::testing::HasSubstr(row.note));
    }
  }
}

TEST(TypeCheckerTest, ReportsEveryErrorOfAPackNotOnlyTheFirst) {
  std::string programs =
      "programs:\n"
      "  - id: A\n    criteria:\n      - { id: a, when: \"desli < 3\" }\n      - { id: b, when: \"dtks + 1 > 0\" }\n"
      "  - id: B\n    criteria:\n      - { id: c, when: \"kecamatan == 'Tubann'\" }\n";
  LAYAK_ASSERT_OK_AND_ASSIGN(LoadResult r, LoadRulePackFromSources({{"s.yaml", kFixturePack}, {"p.yaml", programs}}));
  ASSERT_EQ(r.error_count(), 3) << FormatDiagnostics(r.diagnostics);
  EXPECT_EQ(r.diagnostics[0].location.line, 4);
  EXPECT_EQ(r.diagnostics[1].location.line, 5);
  EXPECT_EQ(r.diagnostics[2].location.line, 8);
}

TEST(TypeCheckerTest, DefinitionCyclesNameTheWholeCycle) {
  std::string defs =
      "definitions:\n  household:\n    a: \"b and dtks\"\n    b: \"c\"\n    c: \"a or miskin\"\n"
      "programs:\n  - id: X\n    criteria: [ { id: x, when: \"a\" } ]\n";
  LAYAK_ASSERT_OK_AND_ASSIGN(LoadResult r, LoadRulePackFromSources({{"s.yaml", kFixturePack}, {"d.yaml", defs}}));
  ASSERT_EQ(r.error_count(), 1) << FormatDiagnostics(r.diagnostics);
  EXPECT_EQ(r.diagnostics[0].code, DiagnosticCode::kDefinitionCycle);
  EXPECT_THAT(r.diagnostics[0].message, ::testing::HasSubstr("a -> b -> c -> a"));
  EXPECT_EQ(r.diagnostics[0].location.line, 5);
  EXPECT_EQ(r.diagnostics[0].location.column, 9);
}

TEST(TypeCheckerTest, DerivedFieldMustDeriveItsDeclaredType) {
  std::string schema = std::string(kFixturePack) + "\n";
  std::string extra = "schema:\n  household:\n    big: { type: bool, derive: \"desil + 1\" }\n";
  LAYAK_ASSERT_OK_AND_ASSIGN(LoadResult r, LoadRulePackFromSources({{"s.yaml", schema}, {"e.yaml", extra}}));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.diagnostics[0].code, DiagnosticCode::kTypeMismatch);
  EXPECT_THAT(r.diagnostics[0].message, ::testing::HasSubstr("declared bool but derives int"));
}

TEST(TypeCheckerTest, SharedSubExpressionsAreOneNode) {
  std::string programs =
      "programs:\n  - id: A\n    criteria: [ { id: a, when: \"desil <= 4 and dtks\" } ]\n"
      "  - id: B\n    criteria: [ { id: b, when: \"miskin\" } ]\n";
  LAYAK_ASSERT_OK_AND_ASSIGN(LoadResult r, LoadRulePackFromSources({{"s.yaml", kFixturePack}, {"p.yaml", programs}}));
  ASSERT_TRUE(r.ok()) << FormatDiagnostics(r.diagnostics);
  const ir::Module& m = *r.pack()->impl().module;
  const ir::Node& a = m.node(m.programs[0].criteria[0].when);
  EXPECT_EQ(a.args[0], m.programs[1].criteria[0].when);  // `desil <= 4` is shared
}

TEST(TypeCheckerTest, ProgramsAreOrderedAfterTheProgramsTheyRead) {
  std::string programs =
      "programs:\n  - id: A\n    criteria: [ { id: a, when: \"eligible('B') and eligible('C')\" } ]\n"
      "  - id: B\n    criteria: [ { id: b, when: \"eligible('C')\" } ]\n"
      "  - id: C\n    criteria: [ { id: c, when: \"dtks\" } ]\n";
  LAYAK_ASSERT_OK_AND_ASSIGN(LoadResult r, LoadRulePackFromSources({{"s.yaml", kFixturePack}, {"p.yaml", programs}}));
  ASSERT_TRUE(r.ok()) << FormatDiagnostics(r.diagnostics);
  const ir::Module& m = *r.pack()->impl().module;
  EXPECT_EQ(m.evaluation_order, (std::vector<int32_t>{2, 1, 0}));
  EXPECT_EQ(m.programs[0].depends_on, (std::vector<int32_t>{1, 2}));
}

}  // namespace
}  // namespace layak::testing

namespace layak::testing {
namespace {

// The cycle is named from its repeated definition, not from where binding began.
TEST(TypeCheckerTest, CyclePathStartsAtTheRepeatedName) {
  std::string defs =
      "definitions:\n  household:\n    a: \"b\"\n    b: \"c and dtks\"\n    c: \"b\"\n"
      "programs:\n  - id: X\n    criteria: [ { id: x, when: \"a\" } ]\n";
  LAYAK_ASSERT_OK_AND_ASSIGN(LoadResult r, LoadRulePackFromSources({{"s.yaml", kFixturePack}, {"d.yaml", defs}}));
  ASSERT_EQ(r.error_count(), 1) << FormatDiagnostics(r.diagnostics);
  EXPECT_THAT(r.diagnostics[0].message, ::testing::EndsWith("depends on itself: b -> c -> b"));
}

}  // namespace
}  // namespace layak::testing
