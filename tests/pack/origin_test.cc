// Tests of MapScalarOffsets and LocateSpan (pack/origin.h): every byte of a
// decoded YAML scalar must map back to the file byte it came from, whatever
// the scalar style, so that a diagnostic inside an expression lands on the
// right line and column. The real mark and decoded value come from yaml-cpp,
// exactly as the loader gets them.
#include "pack/origin.h"

#include <yaml-cpp/yaml.h>

#include <string>
#include <string_view>
#include <vector>

#include "testing/testing.h"

namespace layak::pack {
namespace {

// A scalar of a YAML document with yaml-cpp's view of it and the offset map.
struct MappedScalar {
  std::string value;
  std::size_t mark = 0;
  std::vector<uint32_t> map;
};

// Loads `yaml`, follows `path` (mapping keys, or indexes into lists) and maps
// the scalar found there.
MappedScalar MapAt(const std::string& yaml, const std::vector<std::string>& path) {
  YAML::Node node = YAML::Load(yaml);
  for (const std::string& step : path) {
    const YAML::Node& parent = node;  // const: a missing key must not be created
    YAML::Node child = parent.IsSequence() ? parent[std::stoi(step)] : parent[step];
    node.reset(child);  // rebinding; operator= would overwrite the parent's value
  }
  MappedScalar s;
  EXPECT_TRUE(node.IsScalar()) << "no scalar at the given path";
  if (!node.IsScalar()) return s;
  s.value = node.Scalar();
  s.mark = static_cast<std::size_t>(node.Mark().pos);
  s.map = MapScalarOffsets(yaml, s.mark, s.value);
  return s;
}

// The index of `needle` in `haystack`, which must hold it exactly once.
std::size_t UniqueFind(std::string_view haystack, std::string_view needle) {
  std::size_t at = haystack.find(needle);
  EXPECT_NE(at, std::string_view::npos) << "'" << needle << "' not found";
  EXPECT_EQ(haystack.find(needle, at + 1), std::string_view::npos) << "'" << needle << "' is not unique";
  return at;
}

// Asserts that the bytes of `decoded` in the value map to the bytes of `raw`
// in the file: the first byte exactly and, when the two spell the token the
// same way, every following byte one after the other.
void ExpectMapsTo(const std::string& yaml, const MappedScalar& s, std::string_view decoded, std::string_view raw) {
  SCOPED_TRACE(std::string(decoded));
  ASSERT_EQ(s.map.size(), s.value.size() + 1);
  std::size_t i = UniqueFind(s.value, decoded);
  std::size_t file_at = UniqueFind(yaml, raw);
  ASSERT_NE(i, std::string::npos);
  EXPECT_EQ(s.map[i], file_at);
  if (decoded == raw) {
    for (std::size_t k = 0; k < decoded.size(); ++k) EXPECT_EQ(s.map[i + k], file_at + k) << "byte " << k;
  }
}

void ExpectMapsTo(const std::string& yaml, const MappedScalar& s, std::string_view token) {
  ExpectMapsTo(yaml, s, token, token);
}

TEST(MapScalarOffsetsTest, PlainScalar) {
  const std::string yaml = "when: desil <= 4 and desill > 0\n";
  MappedScalar s = MapAt(yaml, {"when"});
  EXPECT_EQ(s.value, "desil <= 4 and desill > 0");
  EXPECT_EQ(s.mark, 6u);
  ExpectMapsTo(yaml, s, "desill > 0");
  EXPECT_EQ(s.map[0], 6u);
  EXPECT_EQ(s.map[s.value.size()], yaml.find('\n'));  // one past the last byte
}

TEST(MapScalarOffsetsTest, MultiLinePlainScalarFolds) {
  const std::string yaml =
      "clause:\n"
      "  when: desil <= 4 and\n"
      "    income_month < 1_000_000 and\n"
      "    desill > 0\n";
  MappedScalar s = MapAt(yaml, {"clause", "when"});
  EXPECT_EQ(s.value, "desil <= 4 and income_month < 1_000_000 and desill > 0");
  ExpectMapsTo(yaml, s, "income_month");
  ExpectMapsTo(yaml, s, "desill");
}

TEST(MapScalarOffsetsTest, SingleQuotedWithDoubledQuotes) {
  const std::string yaml = "when: 'kecamatan in [''Bancar'', ''Bangilan''] and desill <= 4'\n";
  MappedScalar s = MapAt(yaml, {"when"});
  EXPECT_EQ(s.value, "kecamatan in ['Bancar', 'Bangilan'] and desill <= 4");
  EXPECT_EQ(yaml[s.mark], '\'');  // the mark is the opening quote
  EXPECT_EQ(s.map[0], s.mark + 1);
  // A '' pair decodes to one quote, which maps to the pair's first byte.
  ExpectMapsTo(yaml, s, "'Bancar'", "''Bancar''");
  ExpectMapsTo(yaml, s, "Bangilan");
  ExpectMapsTo(yaml, s, "desill");
}

TEST(MapScalarOffsetsTest, DoubleQuotedEscapes) {
  const std::string yaml =
      "when: \"k == \\\"Bancar\\\" and p == \\\"a\\\\b\\\" and n == \\\"x\\ny\\tz\\\" "
      "and h == \\\"\\x41\\u00e9\\\" and \\\n"
      "      desill <= 4\"\n";
  MappedScalar s = MapAt(yaml, {"when"});
  EXPECT_EQ(s.value, "k == \"Bancar\" and p == \"a\\b\" and n == \"x\ny\tz\" and h == \"A\xc3\xa9\" and desill <= 4");
  // \" decodes to one byte, mapped to its backslash.
  ExpectMapsTo(yaml, s, "\"Bancar", "\\\"Bancar");
  ExpectMapsTo(yaml, s, "Bancar");
  // \\ likewise.
  ExpectMapsTo(yaml, s, "\\b", "\\\\b");
  // \n and \t produce a newline and a tab mapped to their backslashes.
  ExpectMapsTo(yaml, s, "\ny", "\\ny");
  ExpectMapsTo(yaml, s, "\tz", "\\tz");
  // \x41 is one byte; \u00e9 is two UTF-8 bytes, both from the same escape.
  ExpectMapsTo(yaml, s, "A\xc3\xa9", "\\x41");
  std::size_t e_acute = s.value.find("\xc3\xa9");
  std::size_t escape = UniqueFind(yaml, "\\u00e9");
  EXPECT_EQ(s.map[e_acute], escape);
  EXPECT_EQ(s.map[e_acute + 1], escape);
  EXPECT_EQ(s.map[e_acute + 2], UniqueFind(yaml, "\\u00e9\\\"") + 6);  // the \" after it
  // The escaped line break joins the lines without a space; the next line's
  // indentation is skipped.
  ExpectMapsTo(yaml, s, "desill");
}

TEST(MapScalarOffsetsTest, DoubleQuotedUnescapedLineBreakFolds) {
  const std::string yaml =
      "when: \"desil <= 4 and\n"
      "  desill > 0\"\n";
  MappedScalar s = MapAt(yaml, {"when"});
  EXPECT_EQ(s.value, "desil <= 4 and desill > 0");
  ExpectMapsTo(yaml, s, "desill");
}

TEST(MapScalarOffsetsTest, LiteralBlock) {
  const std::string yaml =
      "clause:\n"
      "  when: |\n"
      "    desil <= 4\n"
      "      and desill > 0\n"
      "  id: x\n";
  MappedScalar s = MapAt(yaml, {"clause", "when"});
  EXPECT_EQ(s.value, "desil <= 4\n  and desill > 0\n");
  EXPECT_EQ(yaml[s.mark], '|');  // the mark is the indicator, not the content
  EXPECT_EQ(s.map[0], yaml.find("desil <= 4"));
  ExpectMapsTo(yaml, s, "and desill > 0");
}

TEST(MapScalarOffsetsTest, LiteralBlockStrip) {
  const std::string yaml =
      "when: |-\n"
      "  desil <= 4 and\n"
      "  desill > 0\n"
      "\n"
      "id: x\n";
  MappedScalar s = MapAt(yaml, {"when"});
  EXPECT_EQ(s.value, "desil <= 4 and\ndesill > 0");
  ExpectMapsTo(yaml, s, "desil <= 4");
  ExpectMapsTo(yaml, s, "desill > 0");
}

TEST(MapScalarOffsetsTest, LiteralBlockWithIndentationIndicator) {
  // |2: content is indented two past the parent, so the first line's extra
  // spaces belong to the value.
  const std::string yaml =
      "clause:\n"
      "  when: |2\n"
      "       desil <= 4\n"
      "      and desill > 0\n";
  MappedScalar s = MapAt(yaml, {"clause", "when"});
  EXPECT_EQ(s.value, "   desil <= 4\n  and desill > 0\n");
  ExpectMapsTo(yaml, s, "desil <= 4");
  ExpectMapsTo(yaml, s, "and desill");
}

TEST(MapScalarOffsetsTest, LiteralBlockWithCommentAfterIndicator) {
  const std::string yaml =
      "when: |  # one condition per line\n"
      "  desill > 0\n";
  MappedScalar s = MapAt(yaml, {"when"});
  EXPECT_EQ(s.value, "desill > 0\n");
  ExpectMapsTo(yaml, s, "desill > 0");
}

TEST(MapScalarOffsetsTest, FoldedBlock) {
  const std::string yaml =
      "need:\n"
      "  when: >\n"
      "    desil <= 6 and\n"
      "    any(members,\n"
      "        disability == 'brat')\n";
  MappedScalar s = MapAt(yaml, {"need", "when"});
  // The more-indented last line keeps its line break and indentation.
  EXPECT_EQ(s.value, "desil <= 6 and any(members,\n    disability == 'brat')\n");
  EXPECT_EQ(yaml[s.mark], '>');
  ExpectMapsTo(yaml, s, "any(members,");
  ExpectMapsTo(yaml, s, "'brat'");
}

TEST(MapScalarOffsetsTest, FlowMappingScalars) {
  const std::string yaml =
      "criteria:\n"
      "  - { id: a, when: \"desil <= 4 and salah_a > 0\" }\n"
      "  - { id: b, when: 'kecamatan == ''Bancar'' or salah_b' }\n"
      "  - { id: c, when: desil <= 4 and\n"
      "      salah_c > 0 }\n";
  MappedScalar a = MapAt(yaml, {"criteria", "0", "when"});
  EXPECT_EQ(a.value, "desil <= 4 and salah_a > 0");
  ExpectMapsTo(yaml, a, "salah_a");
  MappedScalar b = MapAt(yaml, {"criteria", "1", "when"});
  EXPECT_EQ(b.value, "kecamatan == 'Bancar' or salah_b");
  ExpectMapsTo(yaml, b, "Bancar' or", "Bancar'' or");
  ExpectMapsTo(yaml, b, "salah_b");
  // A plain scalar in a flow mapping may continue on the next line.
  MappedScalar c = MapAt(yaml, {"criteria", "2", "when"});
  EXPECT_EQ(c.value, "desil <= 4 and salah_c > 0");
  ExpectMapsTo(yaml, c, "salah_c");
}

TEST(MapScalarOffsetsTest, EmptyValueHasOnlyTheEndEntry) {
  const std::string yaml = "when: \"\"\n";
  MappedScalar s = MapAt(yaml, {"when"});
  EXPECT_EQ(s.value, "");
  ASSERT_EQ(s.map.size(), 1u);
}

TEST(MapScalarOffsetsTest, MarkPastTheEndDoesNotReadOutOfBounds) {
  std::vector<uint32_t> map = MapScalarOffsets("abc", 10, "xy");
  ASSERT_EQ(map.size(), 3u);
  EXPECT_EQ(map[0], 10u);
}

// An ExprSource for the scalar at `path`, as YamlReader::Expr builds it.
ExprSource SourceAt(const std::string& yaml, const std::vector<std::string>& path) {
  MappedScalar s = MapAt(yaml, path);
  ExprSource src;
  src.text = s.value;
  src.loc = Loc{0, s.mark, s.value.size()};
  src.file_offset = s.map;
  return src;
}

TEST(LocateSpanTest, SpanOfATokenInAPlainScalar) {
  const std::string yaml = "when: desil <= 4 and desill > 0\n";
  ExprSource src = SourceAt(yaml, {"when"});
  uint32_t begin = static_cast<uint32_t>(src.text.find("desill"));
  Loc loc = LocateSpan(src, begin, begin + 6);
  EXPECT_EQ(loc.file, 0);
  EXPECT_EQ(loc.offset, yaml.find("desill"));
  EXPECT_EQ(loc.length, 6u);
}

TEST(LocateSpanTest, SpanAfterEscapesInDoubleQuotes) {
  const std::string yaml = "when: \"kecamatan == \\\"Bancar\\\" and desill <= 4\"\n";
  ExprSource src = SourceAt(yaml, {"when"});
  uint32_t begin = static_cast<uint32_t>(src.text.find("desill"));
  Loc loc = LocateSpan(src, begin, begin + 6);
  EXPECT_EQ(loc.offset, yaml.find("desill"));
  EXPECT_EQ(loc.length, 6u);
}

TEST(LocateSpanTest, SpanOverSingleQuotedEscapesCoversTheRawText) {
  const std::string yaml = "when: 'x in [''a'', ''b''] and y'\n";
  ExprSource src = SourceAt(yaml, {"when"});
  // The list literal ['a', 'b'] is 10 bytes decoded and 14 in the file.
  uint32_t begin = static_cast<uint32_t>(src.text.find('['));
  uint32_t end = static_cast<uint32_t>(src.text.find(']') + 1);
  Loc loc = LocateSpan(src, begin, end);
  EXPECT_EQ(loc.offset, yaml.find('['));
  EXPECT_EQ(loc.length, 14u);
}

TEST(LocateSpanTest, SpanInTheSecondLineOfABlock) {
  const std::string yaml =
      "when: |\n"
      "  desil <= 4\n"
      "    and desill > 0\n";
  ExprSource src = SourceAt(yaml, {"when"});
  uint32_t begin = static_cast<uint32_t>(src.text.find("desill"));
  Loc loc = LocateSpan(src, begin, begin + 6);
  EXPECT_EQ(loc.offset, yaml.find("desill"));
  EXPECT_EQ(loc.length, 6u);
}

TEST(LocateSpanTest, EmptySpanUnderlinesOneByte) {
  const std::string yaml = "when: desil <= \n";
  ExprSource src = SourceAt(yaml, {"when"});
  uint32_t at = static_cast<uint32_t>(src.text.find("<="));
  Loc loc = LocateSpan(src, at, at);
  EXPECT_EQ(loc.offset, yaml.find("<="));
  EXPECT_EQ(loc.length, 1u);
}

TEST(LocateSpanTest, SpanAtTheEndPointsPastTheLastByte) {
  // A parser error "expected an operand" sits at the end of the text.
  const std::string yaml = "when: \"desil <=\"\n";
  ExprSource src = SourceAt(yaml, {"when"});
  uint32_t end = static_cast<uint32_t>(src.text.size());
  Loc loc = LocateSpan(src, end, end);
  EXPECT_EQ(loc.offset, yaml.find("=\"") + 1);  // the closing quote
  EXPECT_EQ(loc.length, 1u);
}

TEST(LocateSpanTest, OutOfRangeSpanIsClamped) {
  const std::string yaml = "when: abc\n";
  ExprSource src = SourceAt(yaml, {"when"});
  Loc loc = LocateSpan(src, 100, 200);
  EXPECT_EQ(loc.offset, src.file_offset.back());
  EXPECT_EQ(loc.length, 1u);
}

TEST(LocateSpanTest, WithoutAnOffsetMapReturnsTheScalar) {
  ExprSource src;
  src.text = "abc";
  src.loc = Loc{2, 40, 3};
  Loc loc = LocateSpan(src, 1, 2);
  EXPECT_EQ(loc.file, 2);
  EXPECT_EQ(loc.offset, 40u);
  EXPECT_EQ(loc.length, 3u);
}

}  // namespace
}  // namespace layak::pack
