// Tests of ParseExpression on well-formed input: the tree each grammar form
// produces (checked through Ast::DebugString, whose prefix form makes
// precedence and associativity visible), the source span of each node, and
// the length and nesting limits. Malformed input is parser_errors_test.cc.
#include <ostream>
#include <string>
#include <string_view>

#include "expr/parser.h"
#include "testing/testing.h"

namespace layak::expr {
namespace {

// One well-formed expression and the DebugString it must parse to.
struct ParseCase {
  const char* input;
  const char* expected;
};

void PrintTo(const ParseCase& c, std::ostream* os) { *os << "\"" << c.input << "\""; }

// Loosest level first, as in DESIGN.md "The expression language".
constexpr ParseCase kPrecedenceCases[] = {
    // Conditional: the loosest form; nests in every branch.
    {"if a then b else c", "(if a b c)"},
    {"if a then if b then c else d else e", "(if a (if b c d) e)"},
    {"if a then b else if c then d else e", "(if a b (if c d e))"},
    {"if if a then b else c then d else e", "(if (if a b c) d e)"},
    {"if a then b else c or d", "(if a b (or c d))"},
    {"if a or b then x + 1 else -x", "(if (or a b) (+ x 1) (- x))"},
    {"if (a) then [1] else -b", "(if a [1] (- b))"},
    // or < and < not, with the Indonesian aliases meaning exactly the same.
    {"a or b or c", "(or (or a b) c)"},
    {"a and b and c", "(and (and a b) c)"},
    {"a or b and c", "(or a (and b c))"},
    {"a and b or c and d", "(or (and a b) (and c d))"},
    {"not a and b", "(and (not a) b)"},
    {"not a or not b", "(or (not a) (not b))"},
    {"not not a", "(not (not a))"},
    {"not(a)", "(not a)"},
    {"a atau b dan c", "(or a (and b c))"},
    {"a dan b atau bukan c", "(or (and a b) (not c))"},
    {"bukan bukan a", "(not (not a))"},
    {"bukan a dan b", "(and (not a) b)"},
    // not binds looser than comparison.
    {"not a == b", "(not (== a b))"},
    {"not x in [1, 2]", "(not (in x [1 2]))"},
    // Comparisons: all six, plus in / not in over lists and ranges.
    {"a == b", "(== a b)"},
    {"a != b", "(!= a b)"},
    {"a < b", "(< a b)"},
    {"a <= b", "(<= a b)"},
    {"a > b", "(> a b)"},
    {"a >= b", "(>= a b)"},
    {"a==b", "(== a b)"},
    {"a<=-1", "(<= a (- 1))"},
    {"a + 1 < b * 2", "(< (+ a 1) (* b 2))"},
    {"x in [1, 2, 3]", "(in x [1 2 3])"},
    {"x in []", "(in x [])"},
    {"x not in [1, 2]", "(not in x [1 2])"},
    {"x bukan in ['a']", "(not in x ['a'])"},
    {"x in params.allowed", "(in x params.allowed)"},
    {"age in 6..21", "(in age (.. 6 21))"},
    {"x in 1.5..2.5", "(in x (.. 1.5d 2.5d))"},
    {"x in 1 .. 2", "(in x (.. 1 2))"},
    {"x in params.lo..params.hi", "(in x (.. params.lo params.hi))"},
    {"x in -5..-1", "(in x (.. (- 5) (- 1)))"},
    {"x not in 0..17", "(not in x (.. 0 17))"},
    {"age in 6..21 and enrolled", "(and (in age (.. 6 21)) enrolled)"},
    // ?? sits between comparison and additive, and is right-associative.
    {"pregnant ?? false or age < 6", "(or (?? pregnant false) (< age 6))"},
    {"income ?? 0 < 500_000", "(< (?? income 0) 500000)"},
    {"a ?? b ?? c", "(?? a (?? b c))"},
    {"a + b ?? c * d", "(?? (+ a b) (* c d))"},
    {"x < a ?? b", "(< x (?? a b))"},
    {"(a ?? b) ?? c", "(?? (?? a b) c)"},
    // Arithmetic: left-associative, * / % above + -.
    {"a + b + c", "(+ (+ a b) c)"},
    {"a - b - c", "(- (- a b) c)"},
    {"a - b + c", "(+ (- a b) c)"},
    {"a + b * c", "(+ a (* b c))"},
    {"a * b + c", "(+ (* a b) c)"},
    {"a / b * c", "(* (/ a b) c)"},
    {"a * b / c % d", "(% (/ (* a b) c) d)"},
    {"a % b - c / d", "(- (% a b) (/ c d))"},
    {"(a + b) * c", "(* (+ a b) c)"},
    {"a - (b - c)", "(- a (- b c))"},
    // Unary minus binds tightest and stacks.
    {"-x", "(- x)"},
    {"- -x", "(- (- x))"},
    {"--x", "(- (- x))"},
    {"-x * 3", "(* (- x) 3)"},
    {"a - -1", "(- a (- 1))"},
    {"-(x + 1)", "(- (+ x 1))"},
    {"not -x < 0", "(not (< (- x) 0))"},
};

constexpr ParseCase kLiteralCases[] = {
    {"0", "0"},
    {"42", "42"},
    {"007", "7"},
    {"1_500_000", "1500000"},
    {"9223372036854775807", "9223372036854775807"},
    {"1.5", "1.5d"},
    {"64.8", "64.8d"},
    {"0.000001", "0.000001d"},
    {"1_000.25", "1000.25d"},
    {"2.50", "2.5d"},
    {"'text'", "'text'"},
    {"\"text\"", "'text'"},
    {"''", "''"},
    {"'it\"s'", "'it\"s'"},
    {"\"it's\"", "'it's'"},
    {"\"two words\"", "'two words'"},
    {"\"é\"", "'é'"},  // non-ASCII is fine inside a string
    {"true", "true"},
    {"false", "false"},
    {"[]", "[]"},
    {"[1]", "[1]"},
    {"[1, 'a', true, 2.5]", "[1 'a' true 2.5d]"},
    {"[[1], []]", "[[1] []]"},
    {"date(\"2024-02-29\")", "date(2024-02-29)"},
    {"date('1970-01-01')", "date(1970-01-01)"},
    {"date( \"2000-12-31\" )", "date(2000-12-31)"},
    {"birth_date < date(\"2024-01-01\")", "(< birth_date date(2024-01-01))"},
};

constexpr ParseCase kNameAndCallCases[] = {
    {"desil", "desil"},
    {"_private", "_private"},
    {"x1", "x1"},
    {"household.desil", "household.desil"},
    {"member.age", "member.age"},
    {"params.x", "params.x"},
    {"a.b.c", "a.b.c"},
    {"as_of", "as_of"},
    {"True", "True"},  // keywords are lower case only
    {"f()", "(f)"},
    {"f(a)", "(f a)"},
    {"f(a, b)", "(f a b)"},
    {"f(a, b, c)", "(f a b c)"},
    {"f (a)", "(f a)"},
    {"f(g(h()))", "(f (g (h)))"},
    {"years_between(birth_date, as_of) >= 18", "(>= (years_between birth_date as_of) 18)"},
    {"eligible(\"PKH\")", "(eligible 'PKH')"},
    {"any(members, pregnant)", "(any members pregnant)"},
    {"all(members, age >= 18)", "(all members (>= age 18))"},
    {"none(members, disabled)", "(none members disabled)"},
    {"count(members, age < 6)", "(count members (< age 6))"},
    {"count(members)", "(count members)"},
    {"sum(members, income)", "(sum members income)"},
    {"min(members, age)", "(min members age)"},
    {"max(members, member.age)", "(max members member.age)"},
    {"sum_top(members, 4, benefit)", "(sum_top members 4 benefit)"},
    {"count_true([a, b, c]) >= 2", "(>= (count_true [a b c]) 2)"},
    {"count_true([])", "(count_true [])"},
    {"any(members, age < 6 and not in_school)", "(any members (and (< age 6) (not in_school)))"},
    // Parentheses only group; they leave no node of their own.
    {"(a)", "a"},
    {"((a))", "a"},
    {"(((a + b)))", "(+ a b)"},
    // Whitespace of any kind, including newlines inside the expression.
    {"  a  ", "a"},
    {"\ta\n\tand\n b", "(and a b)"},
    {"a\r\n== 1", "(== a 1)"},
    {"f(\n  a,\n  b\n)", "(f a b)"},
    {"[\n1,\t2\n]", "[1 2]"},
};

// A keyword never matches the start of a longer name.
constexpr ParseCase kKeywordPrefixCases[] = {
    {"order", "order"},
    {"android", "android"},
    {"infant", "infant"},
    {"danau", "danau"},
    {"notes", "notes"},
    {"index", "index"},
    {"iffy", "iffy"},
    {"thenar", "thenar"},
    {"elsewhere", "elsewhere"},
    {"truest", "truest"},
    {"false_alarm", "false_alarm"},
    {"bukanlah", "bukanlah"},
    {"atau2", "atau2"},
    {"order or android", "(or order android)"},
    {"notes and index", "(and notes index)"},
    {"infant in [1]", "(in infant [1])"},
    {"not notes", "(not notes)"},
    {"danau dan atau2", "(and danau atau2)"},
    {"if iffy then thenar else elsewhere", "(if iffy thenar elsewhere)"},
    {"truest == true", "(== truest true)"},
    {"x not in indexes", "(not in x indexes)"},
    {"household.order", "household.order"},
    {"member.notes", "member.notes"},
};

class ParserTest : public ::testing::TestWithParam<ParseCase> {};

TEST_P(ParserTest, ParsesToExpectedTree) {
  const ParseCase& c = GetParam();
  ParseResult result = ParseExpression(c.input);
  ASSERT_TRUE(result.ok()) << result.error->message;
  EXPECT_EQ(result.ast.DebugString(), c.expected);
  // The root covers the whole expression: nothing was silently dropped, and
  // diagnostics about the root underline exactly what was written.
  std::string_view text = c.input;
  std::size_t first = text.find_first_not_of(" \t\r\n");
  std::size_t last = text.find_last_not_of(" \t\r\n");
  EXPECT_EQ(result.ast.Text(result.ast.root), text.substr(first, last - first + 1));
}

INSTANTIATE_TEST_SUITE_P(Precedence, ParserTest, ::testing::ValuesIn(kPrecedenceCases));
INSTANTIATE_TEST_SUITE_P(Literals, ParserTest, ::testing::ValuesIn(kLiteralCases));
INSTANTIATE_TEST_SUITE_P(NamesAndCalls, ParserTest, ::testing::ValuesIn(kNameAndCallCases));
INSTANTIATE_TEST_SUITE_P(KeywordPrefixes, ParserTest, ::testing::ValuesIn(kKeywordPrefixCases));

// Parses `text`, failing the test if it does not parse.
Ast ParseOrDie(std::string_view text, const ParseLimits& limits = {}) {
  ParseResult result = ParseExpression(text, limits);
  EXPECT_TRUE(result.ok()) << text << ": " << result.error->message;
  return std::move(result.ast);
}

// The i-th child of node n.
NodeIndex Child(const Ast& ast, NodeIndex n, std::size_t i) {
  const std::vector<NodeIndex>& children = ast.node(n).children;
  EXPECT_LT(i, children.size());
  return i < children.size() ? children[i] : n;
}

TEST(ParserSpanTest, BinaryOperandsAndParenthesesKeepTheirSource) {
  Ast ast = ParseOrDie("(a + b) * c");
  EXPECT_EQ(ast.Text(ast.root), "(a + b) * c");
  // A parenthesised operand reports from its '(' so that a type error on it
  // underlines the whole group.
  NodeIndex sum = Child(ast, ast.root, 0);
  EXPECT_EQ(ast.Text(sum), "(a + b)");
  EXPECT_EQ(ast.Text(Child(ast, sum, 0)), "a");
  EXPECT_EQ(ast.Text(Child(ast, sum, 1)), "b");
  EXPECT_EQ(ast.Text(Child(ast, ast.root, 1)), "c");
}

TEST(ParserSpanTest, StringLiteralSpanStartsAtItsOpeningQuote) {
  Ast ast = ParseOrDie("x == 'it\"s'");
  NodeIndex str = Child(ast, ast.root, 1);
  EXPECT_EQ(ast.node(str).kind, NodeKind::kString);
  EXPECT_EQ(ast.node(str).span.begin, 5u);
  EXPECT_EQ(ast.node(str).span.end, 11u);
  EXPECT_EQ(ast.node(str).text, "it\"s");  // the value drops the quotes
  // Leading whitespace is never part of a span.
  Ast padded = ParseOrDie("  \"a\" + 1");
  EXPECT_EQ(padded.Text(padded.root), "\"a\" + 1");
  EXPECT_EQ(padded.node(Child(padded, padded.root, 0)).span.begin, 2u);
}

TEST(ParserSpanTest, CallsNamesAndQuantifiers) {
  Ast ast = ParseOrDie("sum_top(members, 4, (a + b)) >= 10");
  NodeIndex call = Child(ast, ast.root, 0);
  EXPECT_EQ(ast.node(call).kind, NodeKind::kCall);
  EXPECT_EQ(ast.node(call).text, "sum_top");
  EXPECT_EQ(ast.Text(call), "sum_top(members, 4, (a + b))");
  EXPECT_EQ(ast.node(call).name_span.begin, 0u);
  EXPECT_EQ(ast.node(call).name_span.end, 7u);
  EXPECT_EQ(ast.Text(Child(ast, call, 0)), "members");
  EXPECT_EQ(ast.Text(Child(ast, call, 1)), "4");
  EXPECT_EQ(ast.Text(Child(ast, call, 2)), "(a + b)");
  EXPECT_EQ(ast.Text(Child(ast, ast.root, 1)), "10");

  Ast dotted = ParseOrDie("household.desil <= 4");
  NodeIndex name = Child(dotted, dotted.root, 0);
  EXPECT_EQ(dotted.node(name).kind, NodeKind::kName);
  EXPECT_EQ(dotted.node(name).text, "household.desil");
  EXPECT_EQ(dotted.Text(name), "household.desil");
}

TEST(ParserSpanTest, DateCoversTheWholeCall) {
  Ast ast = ParseOrDie("as_of >= date(\"2024-02-29\")");
  NodeIndex date = Child(ast, ast.root, 1);
  EXPECT_EQ(ast.node(date).kind, NodeKind::kDate);
  EXPECT_EQ(ast.Text(date), "date(\"2024-02-29\")");
  EXPECT_EQ(ast.node(date).int_value, 19782);  // days from 1970-01-01
}

TEST(ParserSpanTest, UnaryIfListAndRange) {
  Ast ast = ParseOrDie("if (a) then [1, 2] else -b * 3");
  EXPECT_EQ(ast.node(ast.root).kind, NodeKind::kIf);
  EXPECT_EQ(ast.Text(ast.root), "if (a) then [1, 2] else -b * 3");
  EXPECT_EQ(ast.Text(Child(ast, ast.root, 0)), "(a)");
  EXPECT_EQ(ast.Text(Child(ast, ast.root, 1)), "[1, 2]");
  NodeIndex product = Child(ast, ast.root, 2);
  EXPECT_EQ(ast.Text(product), "-b * 3");
  EXPECT_EQ(ast.Text(Child(ast, product, 0)), "-b");

  Ast in = ParseOrDie("not age in 6..21");
  EXPECT_EQ(in.Text(in.root), "not age in 6..21");
  NodeIndex cmp = Child(in, in.root, 0);
  EXPECT_EQ(in.Text(cmp), "age in 6..21");
  NodeIndex range = Child(in, cmp, 1);
  EXPECT_EQ(in.node(range).kind, NodeKind::kRange);
  EXPECT_EQ(in.Text(range), "6..21");
}

TEST(ParserSpanTest, SpansCrossLines) {
  Ast ast = ParseOrDie("a\n\tand (b\n or c)");
  EXPECT_EQ(ast.Text(ast.root), "a\n\tand (b\n or c)");
  EXPECT_EQ(ast.Text(Child(ast, ast.root, 1)), "(b\n or c)");
}

// ---- limits ----

std::string Repeat(std::string_view piece, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += piece;
  return out;
}

// Room for any length, so that only the depth limit can trip.
constexpr ParseLimits kLongAndShallow{.max_length = 1 << 20, .max_depth = 64};

void ExpectTooDeep(const std::string& text, const ParseLimits& limits = {}) {
  ParseResult result = ParseExpression(text, limits);
  ASSERT_FALSE(result.ok()) << text.substr(0, 80);
  EXPECT_EQ(result.error->code, DiagnosticCode::kTooDeep) << result.error->message;
  EXPECT_THAT(result.error->message, ::testing::HasSubstr("deeper than 64 levels"));
  EXPECT_LT(result.error->span.begin, text.size());
  EXPECT_EQ(result.ast.root, -1);
}

TEST(ParserLimitsTest, DeepNestingIsAnErrorNotACrash) {
  ExpectTooDeep(Repeat("(", 10'000) + "a" + Repeat(")", 10'000), kLongAndShallow);
  ExpectTooDeep(Repeat("not ", 10'000) + "a", kLongAndShallow);
  ExpectTooDeep(Repeat("bukan ", 10'000) + "a", kLongAndShallow);
  ExpectTooDeep(Repeat("-", 10'000) + "a", kLongAndShallow);
  ExpectTooDeep(Repeat("[", 5'000) + Repeat("]", 5'000), kLongAndShallow);
  ExpectTooDeep(Repeat("f(", 5'000) + Repeat(")", 5'000), kLongAndShallow);
  ExpectTooDeep(Repeat("a ?? ", 200) + "a", kLongAndShallow);
  ExpectTooDeep(Repeat("if c then 1 else ", 200) + "0", kLongAndShallow);
  ExpectTooDeep(Repeat("if c then ", 200) + "0" + Repeat(" else 0", 200), kLongAndShallow);
  // Unterminated nesting is stopped by the depth limit before anything else.
  ExpectTooDeep(Repeat("(", 10'000), kLongAndShallow);
}

TEST(ParserLimitsTest, TooDeepPointsAtTheLevelBeyondTheLimit) {
  // 64 levels are allowed, so the 65th opening bracket is the one to underline.
  for (const std::string& text : {Repeat("(", 10'000) + "a" + Repeat(")", 10'000),
                                  Repeat("[", 5'000) + Repeat("]", 5'000), Repeat("(", 65) + "a" + Repeat(")", 65)}) {
    ParseResult result = ParseExpression(text, kLongAndShallow);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error->span.begin, 64u) << text.substr(0, 10);
    EXPECT_EQ(result.error->span.end, 65u) << text.substr(0, 10);
  }
  // For unary minus, the 65th '-' or the operand right after it.
  ParseResult neg = ParseExpression(Repeat("-", 10'000) + "a", kLongAndShallow);
  ASSERT_FALSE(neg.ok());
  EXPECT_THAT(neg.error->span.begin, ::testing::AnyOf(64u, 65u));
  EXPECT_EQ(neg.error->span.end, neg.error->span.begin + 1);
}

TEST(ParserLimitsTest, BracketsInsideStringsAreNotNesting) {
  std::string text = "x == '" + Repeat("(", 100) + "' or y == \"" + Repeat("[", 100) + "\"";
  ParseResult result = ParseExpression(text);
  ASSERT_TRUE(result.ok()) << result.error->message;
  EXPECT_EQ(result.ast.DebugString(), "(or (== x '" + Repeat("(", 100) + "') (== y '" + Repeat("[", 100) + "'))");
}

// Builds an expression nested exactly `n` levels deep in one construct.
struct DepthCase {
  const char* name;
  std::string (*make)(int n);
};

const DepthCase kDepthCases[] = {
    {"parentheses", [](int n) { return Repeat("(", n) + "a" + Repeat(")", n); }},
    {"not", [](int n) { return Repeat("not ", n) + "a"; }},
    {"unary minus", [](int n) { return Repeat("-", n) + "a"; }},
    {"lists", [](int n) { return Repeat("[", n) + "1" + Repeat("]", n); }},
    {"calls", [](int n) { return Repeat("f(", n) + "a" + Repeat(")", n); }},
    {"??", [](int n) { return Repeat("a ?? ", n) + "a"; }},
    {"else-if", [](int n) { return Repeat("if c then 1 else ", n) + "0"; }},
    {"then-if", [](int n) { return Repeat("if c then ", n) + "0" + Repeat(" else 0", n); }},
    {"mixed",
     [](int n) {
       std::string s;
       // "not -(not -(...": '-' cannot take a bare `not`, so it precedes '('.
       for (int i = 0; i < n; ++i) s += (i % 3 == 0 ? "not " : i % 3 == 1 ? "-" : "(");
       s += "a";
       for (int i = 0; i < n; ++i) s += (i % 3 == 2 ? ")" : "");
       return s;
     }},
};

TEST(ParserLimitsTest, DepthLimitIsExact) {
  // max_depth = 64 allows exactly 64 nested levels of any construct.
  for (const DepthCase& c : kDepthCases) {
    SCOPED_TRACE(c.name);
    ParseResult at_limit = ParseExpression(c.make(64));
    EXPECT_TRUE(at_limit.ok()) << at_limit.error->message;
    ExpectTooDeep(c.make(65));
  }
  // The limit is a parameter, not a constant.
  EXPECT_TRUE(ParseExpression("((a))", {.max_depth = 2}).ok());
  ParseResult shallow = ParseExpression("(((a)))", {.max_depth = 2});
  ASSERT_FALSE(shallow.ok());
  EXPECT_EQ(shallow.error->code, DiagnosticCode::kTooDeep);
  EXPECT_EQ(shallow.error->span.begin, 2u);  // the third '('
}

TEST(ParserLimitsTest, LongFlatChainsAreNotNesting) {
  // Left-associative chains are folded in a loop, so their length costs no depth.
  std::string sum = "a";
  while (sum.size() < 4000) sum += " + a";
  ASSERT_LE(sum.size(), ParseLimits{}.max_length);
  Ast ast = ParseOrDie(sum);
  EXPECT_EQ(ast.nodes.size(), 2001u);
  EXPECT_EQ(ast.Text(ast.root), sum);
  // 1,000 operators, nested 1,000 deep on the left, yet printed without recursion.
  EXPECT_TRUE(ast.DebugString().starts_with(Repeat("(+ ", 1000) + "a a) a)"));

  std::string conj = "a";
  while (conj.size() < 4000) conj += " and a";
  Ast conj_ast = ParseOrDie(conj);
  EXPECT_EQ(conj_ast.Text(conj_ast.root), conj);
  EXPECT_TRUE(conj_ast.DebugString().ends_with("a) a)"));
}

TEST(ParserLimitsTest, LengthLimitIsExact) {
  std::string at_limit(4096, 'a');  // one long name
  EXPECT_TRUE(ParseExpression(at_limit).ok());

  std::string over(20'000, ' ');
  over.replace(0, 5, "a + b");
  ParseResult result = ParseExpression(over);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error->code, DiagnosticCode::kTooLong);
  EXPECT_EQ(result.error->span.begin, 0u);
  EXPECT_EQ(result.error->span.end, 1u);
  EXPECT_THAT(result.error->message, ::testing::HasSubstr("20000 bytes long, more than the limit of 4096"));

  ParseResult just_over = ParseExpression(at_limit + "a");
  ASSERT_FALSE(just_over.ok());
  EXPECT_EQ(just_over.error->code, DiagnosticCode::kTooLong);

  // Raising the limit is all it takes: the same text is otherwise fine.
  EXPECT_TRUE(ParseExpression(over, {.max_length = 20'000}).ok());
}

}  // namespace
}  // namespace layak::expr
