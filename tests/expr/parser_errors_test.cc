// Tests of ParseExpression on malformed input: each row names the diagnostic
// code, the exact span to underline and what the message (and, where there is
// one, the help note) must say. Pack authors see these messages verbatim, so a
// wrong span or a vague message is a bug even when the code is right.
// Well-formed input and the length/depth limits are in parser_test.cc.
#include <cstdint>
#include <ostream>
#include <string>

#include "expr/parser.h"
#include "testing/testing.h"

namespace layak::expr {
namespace {

using ::testing::HasSubstr;

// One malformed expression and the syntax error it must give.
struct ErrorCase {
  const char* input;
  DiagnosticCode code;
  uint32_t begin;  // expected span, in bytes of `input`
  uint32_t end;
  const char* message;    // a substring of the message
  const char* note = "";  // a substring of one of the notes; empty: none is required
};

void PrintTo(const ErrorCase& c, std::ostream* os) { *os << "\"" << c.input << "\""; }

constexpr DiagnosticCode kSyntax = DiagnosticCode::kSyntax;
constexpr DiagnosticCode kUnterminated = DiagnosticCode::kUnterminatedString;
constexpr DiagnosticCode kBadNumber = DiagnosticCode::kBadNumber;
constexpr DiagnosticCode kChained = DiagnosticCode::kChainedComparison;
constexpr DiagnosticCode kRange = DiagnosticCode::kRangeOutsideIn;
constexpr DiagnosticCode kBadDate = DiagnosticCode::kBadDate;
constexpr DiagnosticCode kEmpty = DiagnosticCode::kEmptyExpression;

// At the end of the text the span is the one byte past it, so that the caret
// lands just after the last character.
constexpr const char* kAtEnd = "found the end of the expression";

constexpr ErrorCase kBracketCases[] = {
    {"(a", kSyntax, 2, 3, "expected ')', found the end of the expression"},
    {"((a)", kSyntax, 4, 5, "expected ')', found the end of the expression"},
    {"(", kSyntax, 1, 2, "expected an expression, found the end of the expression"},
    {"a)", kSyntax, 1, 2, "unexpected ')' after a complete expression"},
    {")", kSyntax, 0, 1, "expected an expression, found ')'"},
    {"(a b)", kSyntax, 3, 4, "expected ')', found 'b'"},
    {"f(a", kSyntax, 3, 4, "expected ')', found the end of the expression"},
    {"f(a))", kSyntax, 4, 5, "unexpected ')' after a complete expression"},
    {"f(a b)", kSyntax, 4, 5, "expected ')', found 'b'"},
    {"f(a)(b)", kSyntax, 4, 5, "unexpected '(' after a complete expression"},
    {"sum_top(members, 4", kSyntax, 18, 19, "expected ')', found the end of the expression"},
    {"[1, 2", kSyntax, 5, 6, "expected ']', found the end of the expression"},
    {"x in [1, 2", kSyntax, 10, 11, "expected ']', found the end of the expression"},
    {"[", kSyntax, 1, 2, "expected ']', found the end of the expression"},
    {"1]", kSyntax, 1, 2, "unexpected ']' after a complete expression"},
    {"]", kSyntax, 0, 1, "expected an expression, found ']'"},
    // A trailing or doubled comma: the comma is where the list went wrong.
    {"f(,)", kSyntax, 2, 3, "expected ')', found ','"},
    {"count(members,)", kSyntax, 13, 14, "expected ')', found ','"},
    {"[1, 2,]", kSyntax, 5, 6, "expected ']', found ','"},
    {"x in [1,,2]", kSyntax, 7, 8, "expected ']', found ','"},
};

constexpr ErrorCase kOperandCases[] = {
    {"a and", kSyntax, 5, 6, kAtEnd},
    {"and a", kSyntax, 0, 3, "expected an expression, found 'and'"},
    {"a and or b", kSyntax, 6, 8, "expected an expression, found 'or'"},
    {"a dan", kSyntax, 5, 6, kAtEnd},
    {"not", kSyntax, 3, 4, "expected an expression, found the end of the expression"},
    {"not and", kSyntax, 4, 7, "expected an expression, found 'and'"},
    {"not in [1]", kSyntax, 4, 6, "expected an expression, found 'in'"},
    {"x <", kSyntax, 3, 4, kAtEnd},
    {"a ==", kSyntax, 4, 5, kAtEnd},
    {"a +", kSyntax, 3, 4, kAtEnd},
    {"a * * b", kSyntax, 4, 5, "expected an expression, found '*'"},
    {"a ++ b", kSyntax, 3, 4, "expected an expression, found '+'"},
    {"-", kSyntax, 1, 2, "expected an expression, found the end of the expression"},
    {"a ??", kSyntax, 4, 5, "expected an expression, found the end of the expression"},
    {"a ?? ?? b", kSyntax, 5, 7, "expected an expression, found '?\?'"},
    // `not` binds looser than comparison, so it cannot be an operand of one.
    {"a == not b", kSyntax, 5, 8, "expected an expression, found 'not'"},
    {"x in", kSyntax, 4, 5, "expected a list, a range or a value, found the end of the expression"},
    {"x in [", kSyntax, 6, 7, "expected ']', found the end of the expression"},
    {"x not", kSyntax, 2, 5, "unexpected 'not' after a complete expression"},
    {"x not 1", kSyntax, 2, 5, "unexpected 'not' after a complete expression"},
};

constexpr ErrorCase kOperatorCases[] = {
    {"a = 1", kSyntax, 2, 3, "unexpected '=' after a complete expression", "help: use '==' to compare"},
    {"a\n=\n1", kSyntax, 2, 3, "unexpected '='", "use '=='"},
    {"x === 1", kSyntax, 4, 5, "expected an expression, found '='"},
    {"x <> 1", kSyntax, 3, 4, "expected an expression, found '>'"},
    {"a && b", kSyntax, 2, 4, "unexpected '&&' after a complete expression", "help: write 'and' (or 'dan')"},
    {"a & b", kSyntax, 2, 3, "unexpected '&'", "write 'and'"},
    {"a || b", kSyntax, 2, 4, "unexpected '||' after a complete expression", "help: write 'or' (or 'atau')"},
    {"a ! b", kSyntax, 2, 3, "unexpected '!' after a complete expression"},
    {"a ? b", kSyntax, 2, 3, "unexpected '?' after a complete expression"},
    // Comparisons do not chain; the span is the second comparison operator.
    {"a < b < c", kChained, 6, 7, "comparisons cannot be chained", "write 'a < b and b < c'"},
    {"a < b < c < d", kChained, 6, 7, "comparisons cannot be chained"},
    {"a == b != c", kChained, 7, 9, "comparisons cannot be chained", "'x in a..b'"},
    {"a == b == c", kChained, 7, 9, "comparisons cannot be chained"},
    {"a < b <= c", kChained, 6, 8, "comparisons cannot be chained"},
    {"x in [1] in [2]", kChained, 9, 11, "comparisons cannot be chained"},
    {"x in [1] not in [2]", kChained, 9, 12, "comparisons cannot be chained"},
    {"x not in [1] == 2", kChained, 13, 15, "comparisons cannot be chained"},
    {"x > 1 in [true]", kChained, 6, 8, "comparisons cannot be chained"},
    {"a ?? b == c == d", kChained, 12, 14, "comparisons cannot be chained"},
    // A range is only the right side of `in`.
    {"1..3", kRange, 1, 3, "a range 'a..b' can only follow 'in'", "help: write 'x in a..b'"},
    {"a..b", kRange, 1, 3, "can only follow 'in'"},
    {"x == 1..3", kRange, 6, 8, "can only follow 'in'"},
    {"members..x", kRange, 7, 9, "can only follow 'in'"},
    {"x in 1..2..3", kRange, 9, 11, "can only follow 'in'"},
    {"x in 1..", kSyntax, 8, 9, "expected an expression, found the end of the expression"},
    {"x in ..2", kSyntax, 5, 7, "expected a list, a range or a value, found '..'"},
};

constexpr ErrorCase kLiteralCases[] = {
    // Unterminated strings point at the opening quote, not at the end.
    {"'abc", kUnterminated, 0, 1, "unterminated string literal: no closing '"},
    {"\"abc", kUnterminated, 0, 1, "unterminated string literal: no closing \""},
    {"x == 'a\" ", kUnterminated, 5, 6, "no closing '"},
    {"x == \"it's", kUnterminated, 5, 6, "no closing \""},
    {"a b 'x", kUnterminated, 4, 5, "no closing '"},
    // Dates must be one string literal naming a day that exists.
    {"date(\"2024-02-30\")", kBadDate, 5, 17, "'2024-02-30' is not a calendar date", "must exist"},
    {"date(\"2023-02-29\")", kBadDate, 5, 17, "'2023-02-29' is not a calendar date"},
    {"date(\"2024-13-01\")", kBadDate, 5, 17, "'2024-13-01' is not a calendar date"},
    {"date(\"24-01-01\")", kBadDate, 5, 15, "'24-01-01' is not a calendar date", "YYYY-MM-DD"},
    {"date('2024-1-01')", kBadDate, 5, 16, "'2024-1-01' is not a calendar date"},
    {"date(\"2024/02/29\")", kBadDate, 5, 17, "'2024/02/29' is not a calendar date"},
    {"x < date(\"2024-02-29T00:00\")", kBadDate, 9, 27, "is not a calendar date"},
    {"date(1)", kBadDate, 0, 7, "date() takes one string literal 'YYYY-MM-DD'"},
    {"date(x)", kBadDate, 0, 7, "date() takes one string literal"},
    {"date()", kBadDate, 0, 6, "date() takes one string literal"},
    {"date(\"2024-01-01\", \"2024-01-02\")", kBadDate, 0, 32, "date() takes one string literal"},
    {"date(\"2024-02-29\"", kSyntax, 17, 18, "expected ')', found the end of the expression"},
    // Numbers: 64-bit integers, at most six decimals.
    {"1.1234567", kBadNumber, 0, 9, "more than six decimal places", "exact to six decimals"},
    {"x > 0.1000000", kBadNumber, 4, 13, "more than six decimal places"},
    {"9223372036854775808", kBadNumber, 0, 19, "integer literal is too large", "at most 9223372036854775807"},
    {"x <= 10_000_000_000_000_000_000", kBadNumber, 5, 31, "integer literal is too large"},
    {"10000000000000.5", kBadNumber, 0, 16, "decimal literal is too large"},
    {"1 000", kSyntax, 2, 5, "unexpected '000' after a complete expression"},
    {"1_", kSyntax, 1, 2, "unexpected '_' after a complete expression"},
    {"1.", kSyntax, 1, 2, "unexpected '.' after a complete expression"},
    {"1a", kSyntax, 1, 2, "unexpected 'a' after a complete expression"},
};

constexpr ErrorCase kStructureCases[] = {
    {"", kEmpty, 0, 1, "empty expression"},
    {" \t\n ", kEmpty, 0, 1, "empty expression"},
    {"if a then b", kSyntax, 11, 12, "expected 'else', found the end of the expression"},
    {"if a\nthen b", kSyntax, 11, 12, "expected 'else'"},
    {"if a else b", kSyntax, 5, 9, "expected 'then', found 'else'"},
    {"if then a else b", kSyntax, 3, 7, "expected an expression, found 'then'"},
    {"if a then b else", kSyntax, 16, 17, "expected an expression, found the end of the expression"},
    {"if a then b else c else d", kSyntax, 19, 23, "unexpected 'else' after a complete expression"},
    {"if a then b else c d", kSyntax, 19, 20, "unexpected 'd' after a complete expression"},
    {"then", kSyntax, 0, 4, "expected an expression, found 'then'"},
    {"else x", kSyntax, 0, 4, "expected an expression, found 'else'"},
    {"in", kSyntax, 0, 2, "expected an expression, found 'in'"},
    {"a b", kSyntax, 2, 3, "unexpected 'b' after a complete expression"},
    {"true false", kSyntax, 5, 10, "unexpected 'false' after a complete expression"},
    {"\"a\" \"b\"", kSyntax, 4, 7, "unexpected '\"b\"' after a complete expression"},
    {"date(\"2024-02-29\")x", kSyntax, 18, 19, "unexpected 'x'"},
    {"a,b", kSyntax, 1, 2, "unexpected ',' after a complete expression"},
    {"x in [1, 2] ,", kSyntax, 12, 13, "unexpected ','"},
    {",", kSyntax, 0, 1, "expected an expression, found ','"},
    {"a.", kSyntax, 1, 2, "unexpected '.' after a complete expression"},
    {"a.b.", kSyntax, 3, 4, "unexpected '.'"},
    {"household.", kSyntax, 9, 10, "unexpected '.'"},
    {".a", kSyntax, 0, 1, "expected an expression, found '.'"},
    {"@", kSyntax, 0, 1, "expected an expression, found '@'"},
    {"#", kSyntax, 0, 1, "expected an expression, found '#'"},
    {"a $ b", kSyntax, 2, 3, "unexpected '$' after a complete expression"},
    {"x in [1] and", kSyntax, 12, 13, kAtEnd},
};

class ParserErrorTest : public ::testing::TestWithParam<ErrorCase> {};

TEST_P(ParserErrorTest, ReportsCodeSpanAndMessage) {
  const ErrorCase& c = GetParam();
  ParseResult result = ParseExpression(c.input);
  ASSERT_FALSE(result.ok()) << "parsed as " << result.ast.DebugString();
  const SyntaxError& error = *result.error;
  EXPECT_EQ(error.code, c.code) << CodeString(error.code) << ": " << error.message;
  EXPECT_EQ(error.span.begin, c.begin) << error.message;
  EXPECT_EQ(error.span.end, c.end) << error.message;
  EXPECT_THAT(error.message, HasSubstr(c.message));
  if (*c.note != '\0') {
    EXPECT_THAT(error.notes, ::testing::Contains(HasSubstr(c.note))) << error.message;
  }
  // A failed parse leaves no half-built tree for a caller to use by mistake.
  EXPECT_EQ(result.ast.root, -1);
  EXPECT_TRUE(result.ast.nodes.empty());
}

INSTANTIATE_TEST_SUITE_P(Brackets, ParserErrorTest, ::testing::ValuesIn(kBracketCases));
INSTANTIATE_TEST_SUITE_P(Operands, ParserErrorTest, ::testing::ValuesIn(kOperandCases));
INSTANTIATE_TEST_SUITE_P(Operators, ParserErrorTest, ::testing::ValuesIn(kOperatorCases));
INSTANTIATE_TEST_SUITE_P(Literals, ParserErrorTest, ::testing::ValuesIn(kLiteralCases));
INSTANTIATE_TEST_SUITE_P(Structure, ParserErrorTest, ::testing::ValuesIn(kStructureCases));

TEST(ParserErrorMessageTest, MessagesNeverLeakGrammarInternals) {
  // X3 names what it expected from rule names; a rule or directive without a
  // readable name would print a mangled C++ type ("N5layak4expr...").
  for (const char* text : {"not", "-", "a ??", "(", "if", "if a then", "if a then b else", "f(", "x in", "x in 1..",
                           "[1", "a or", "a and", "x not in", "count(members"}) {
    ParseResult result = ParseExpression(text);
    ASSERT_FALSE(result.ok()) << text;
    EXPECT_THAT(result.error->message, ::testing::StartsWith("expected ")) << text;
    EXPECT_THAT(result.error->message, ::testing::Not(HasSubstr("layak"))) << text;
    EXPECT_THAT(result.error->message, ::testing::Not(HasSubstr("spirit"))) << text;
    EXPECT_THAT(result.error->message, HasSubstr(kAtEnd)) << text;
  }
}

TEST(ParserErrorMessageTest, ReportsTheFirstErrorOnly) {
  // Two mistakes: the unterminated string is found by a scan before parsing,
  // and wins because it would otherwise garble every later message.
  ParseResult result = ParseExpression("a = 'x");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error->code, DiagnosticCode::kUnterminatedString);
  // Without it, the leftmost grammar error is the one reported.
  result = ParseExpression("a = 1 and b = 2");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error->span.begin, 2u);
}

TEST(ParserErrorMessageTest, CodesRenderAsStableStrings) {
  // Tools match on these; the syntax codes are the 2xx block.
  EXPECT_EQ(CodeString(DiagnosticCode::kSyntax), "E0201");
  EXPECT_EQ(CodeString(DiagnosticCode::kChainedComparison), "E0204");
  EXPECT_EQ(CodeString(DiagnosticCode::kTooDeep), "E0205");
  EXPECT_EQ(CodeString(DiagnosticCode::kEmptyExpression), "E0209");
}

}  // namespace
}  // namespace layak::expr
