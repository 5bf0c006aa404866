// One test per fixed bug or fuzz crasher, named after where it was found.
#include "expr/parser.h"
#include "testing/testing.h"

namespace layak::expr {
namespace {

// Issue 2, found while building the parser: X3 1.74's _where() holds only
// the end of a match, so every name, call, list and `not` got a span that
// started after itself. Spans now come from the mark[] directive.
TEST(RegressTest, Issue2SpansStartAtTheirFirstCharacter) {
  ParseResult r = ParseExpression("disability == 'brat' and not [1] == f(x)");
  ASSERT_TRUE(r.ok());
  std::vector<std::string> texts;
  for (std::size_t i = 0; i < r.ast.nodes.size(); ++i) texts.push_back(r.ast.Text(static_cast<NodeIndex>(i)));
  EXPECT_THAT(texts, ::testing::Contains("disability"));
  EXPECT_THAT(texts, ::testing::Contains("'brat'"));
  EXPECT_THAT(texts, ::testing::Contains("not [1] == f(x)"));
  EXPECT_THAT(texts, ::testing::Contains("[1]"));
  EXPECT_THAT(texts, ::testing::Contains("f(x)"));
  EXPECT_THAT(texts, ::testing::Contains("x"));
}

}  // namespace
}  // namespace layak::expr
