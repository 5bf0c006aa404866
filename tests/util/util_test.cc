// Tests of engine/src/util: line tables, edit distance and suggestions,
// calendar dates, scaled decimals, and diagnostic rendering.
#include "layak/diagnostic.h"
#include "testing/testing.h"
#include "util/civil_date.h"
#include "util/decimal.h"
#include "util/diagnostics.h"
#include "util/edit_distance.h"
#include "util/source_text.h"

namespace layak::util {
namespace {

TEST(SourceTextTest, LocatesOffsetsAsOneBasedLineAndColumn) {
  SourceText src("f.yaml", "ab\ncde\r\n\nx");
  EXPECT_EQ(src.Locate(0).line, 1);
  EXPECT_EQ(src.Locate(0).column, 1);
  EXPECT_EQ(src.Locate(4).line, 2);
  EXPECT_EQ(src.Locate(4).column, 2);
  EXPECT_EQ(src.Locate(9).line, 4);
  EXPECT_EQ(src.Locate(9).column, 1);
  EXPECT_EQ(src.Locate(1000).line, 4);  // clamped to the end
  EXPECT_EQ(src.Line(2), "cde");        // CR dropped
  EXPECT_EQ(src.Line(3), "");
  EXPECT_EQ(src.Line(99), "");
}

TEST(EditDistanceTest, CountsEditsAndTranspositionsCaseInsensitively) {
  EXPECT_EQ(EditDistance("brat", "berat"), 1);
  EXPECT_EQ(EditDistance("anny", "any"), 1);
  EXPECT_EQ(EditDistance("desli", "desil"), 1);  // transposition
  EXPECT_EQ(EditDistance("Berat", "berat"), 0);
  EXPECT_EQ(EditDistance("", "abc"), 3);
}

TEST(EditDistanceTest, SuggestsOnlyPlausibleTypos) {
  std::vector<std::string> values{"none", "ringan", "sedang", "berat"};
  EXPECT_EQ(DidYouMean("brat", values), "help: did you mean 'berat'?");
  EXPECT_EQ(DidYouMean("xyzzy", values), "");
  EXPECT_EQ(ClosestMatch("integer", {"int", "number", "string"}), "");
  EXPECT_EQ(ClosestMatch("nubmer", {"int", "number", "string"}), "number");
}

TEST(CivilDateTest, ParsesOnlyRealIsoDates) {
  EXPECT_EQ(ParseIsoDate("1970-01-01"), 0);
  EXPECT_EQ(ParseIsoDate("1970-01-02"), 1);
  EXPECT_EQ(ParseIsoDate("1969-12-31"), -1);
  EXPECT_TRUE(ParseIsoDate("2024-02-29").has_value());
  EXPECT_FALSE(ParseIsoDate("2023-02-29").has_value());
  EXPECT_FALSE(ParseIsoDate("2024-02-30").has_value());
  EXPECT_FALSE(ParseIsoDate("2024-13-01").has_value());
  EXPECT_FALSE(ParseIsoDate("2024-1-01").has_value());
  EXPECT_FALSE(ParseIsoDate("24-01-01").has_value());
  EXPECT_FALSE(ParseIsoDate("2024/01/01").has_value());
  EXPECT_EQ(FormatIsoDate(*ParseIsoDate("2024-02-29")), "2024-02-29");
}

TEST(CivilDateTest, CompletedYearsFollowTheLeapDayRule) {
  int32_t born = *ParseIsoDate("2000-02-29");
  EXPECT_EQ(YearsBetween(born, *ParseIsoDate("2001-02-28")), 0);
  EXPECT_EQ(YearsBetween(born, *ParseIsoDate("2001-03-01")), 1);
  EXPECT_EQ(YearsBetween(born, *ParseIsoDate("2004-02-29")), 4);
  EXPECT_EQ(YearsBetween(*ParseIsoDate("1950-05-01"), *ParseIsoDate("2026-01-01")), 75);
  EXPECT_EQ(YearsBetween(*ParseIsoDate("2026-01-01"), *ParseIsoDate("1950-05-01")), -75);
  EXPECT_EQ(MonthsBetween(*ParseIsoDate("2024-01-31"), *ParseIsoDate("2024-02-29")), 0);
  EXPECT_EQ(MonthsBetween(*ParseIsoDate("2024-01-15"), *ParseIsoDate("2024-03-15")), 2);
}

TEST(DecimalTest, ParsesExactlyToSixDecimals) {
  DecimalError err;
  EXPECT_EQ(ParseScaledDecimal("64.8", &err), 64'800'000);
  EXPECT_EQ(ParseScaledDecimal("1_500_000", &err), 1'500'000'000'000);
  EXPECT_EQ(ParseScaledDecimal("0.000001", &err), 1);
  EXPECT_FALSE(ParseScaledDecimal("0.0000001", &err).has_value());
  EXPECT_EQ(err, DecimalError::kTooManyDecimals);
  EXPECT_FALSE(ParseScaledDecimal("99999999999999.5", &err).has_value());
  EXPECT_EQ(err, DecimalError::kOverflow);
  EXPECT_FALSE(ParseScaledDecimal("1.", &err).has_value());
  EXPECT_EQ(err, DecimalError::kSyntax);
  EXPECT_EQ(FormatScaledDecimal(64'800'000), "64.8");
  EXPECT_EQ(FormatScaledDecimal(-7'200'000), "-7.2");
  EXPECT_EQ(FormatScaledDecimal(3'000'000), "3");
}

TEST(DiagnosticsTest, RendersHeaderSourceLineCaretAndNotes) {
  SourceText src("p.yaml", "a: 1\n\twhen: \"x == 'brat'\"\n");
  Diagnostic d = MakeDiagnostic(src, 18, 6, DiagnosticCode::kUnknownEnumValue, "bad value");
  d.notes.push_back("help: did you mean 'berat'?");
  EXPECT_EQ(FormatDiagnostic(d),
            "p.yaml:2:14: error[E0403]: bad value\n"
            " 2 | \twhen: \"x == 'brat'\"\n"
            "   | \t            ^~~~~~\n"
            "   = help: did you mean 'berat'?\n");
}

TEST(DiagnosticsTest, ClampsTheUnderlineToTheLine) {
  SourceText src("p.yaml", "abc\ndef\n");
  Diagnostic d = MakeDiagnostic(src, 1, 50, DiagnosticCode::kSyntax, "m");
  EXPECT_EQ(d.location.length, 2);
}

TEST(DiagnosticsTest, FileLevelDiagnosticHasNoSourceLine) {
  Diagnostic d;
  d.code = DiagnosticCode::kFileRead;
  d.message = "too big";
  d.location.file = "big.yaml";
  EXPECT_EQ(FormatDiagnostic(d), "big.yaml: error[E0102]: too big\n");
  EXPECT_EQ(CodeString(DiagnosticCode::kYamlSyntax), "E0101");
}

TEST(DiagnosticSinkTest, KeepsAtMostTheCapAndCountsTheRest) {
  DiagnosticSink sink(2);
  SourceText src("f", "x\n");
  for (int i = 0; i < 5; ++i) sink.Report(MakeDiagnostic(src, 0, 1, DiagnosticCode::kSyntax, "e" + std::to_string(i)));
  EXPECT_EQ(sink.error_count(), 5);
  std::vector<Diagnostic> out = sink.Take();
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(out[2].code, DiagnosticCode::kTooManyDiagnostics);
  EXPECT_EQ(out[2].severity, Severity::kNote);
  EXPECT_THAT(out[2].message, ::testing::HasSubstr("3 more diagnostics"));
}

}  // namespace
}  // namespace layak::util

namespace layak::util {
namespace {

// A YAML alias makes the binder see one expression twice: one report only.
TEST(DiagnosticSinkTest, DropsExactRepeats) {
  DiagnosticSink sink(10);
  SourceText src("f", "x\n");
  sink.Report(MakeDiagnostic(src, 0, 1, DiagnosticCode::kSyntax, "same"));
  sink.Report(MakeDiagnostic(src, 0, 1, DiagnosticCode::kSyntax, "same"));
  EXPECT_EQ(sink.error_count(), 1);
  EXPECT_EQ(sink.Take().size(), 1u);
}

TEST(DiagnosticsTest, CaretCountsCharactersNotBytes) {
  SourceText src("p.yaml",
                 "when: \"kecamatan == 'Ban\xC3\xA7"
                 "ar' and x\"\n");
  // x is byte 33 (column 34) but the 33rd character: 32 characters precede it.
  Diagnostic d = MakeDiagnostic(src, 33, 1, DiagnosticCode::kUnknownName, "m");
  std::string rendered = FormatDiagnostic(d);
  EXPECT_THAT(rendered, ::testing::HasSubstr("\n   | " + std::string(32, ' ') + "^\n"));
}

}  // namespace
}  // namespace layak::util

namespace layak::util {
namespace {

// Minified YAML: the source line is shown as a window around the column.
TEST(DiagnosticsTest, LongLinesAreShownAsAWindow) {
  std::string line = std::string(500, 'a') + "BAD" + std::string(500, 'b');
  SourceText src("m.yaml", line + "\n");
  Diagnostic d = MakeDiagnostic(src, 500, 3, DiagnosticCode::kSyntax, "m");
  std::string rendered = FormatDiagnostic(d);
  EXPECT_THAT(rendered, ::testing::StartsWith("m.yaml:1:501: error[E0201]: m\n"));
  EXPECT_THAT(rendered,
              ::testing::HasSubstr(" 1 | ..." + std::string(80, 'a') + "BAD" + std::string(77, 'b') + "...\n"));
  EXPECT_THAT(rendered, ::testing::HasSubstr("\n   | " + std::string(83, ' ') + "^~~\n"));
}

}  // namespace
}  // namespace layak::util
