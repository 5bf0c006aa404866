// The caseload readers: spellings, dialects, and every kind of bad data with
// its message, its position and its line in the rejects, so that read =
// evaluated + rejected always holds.
#include <unistd.h>
#include <zlib.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "layak/caseload.h"
#include "layak/diagnostic.h"
#include "layak/evaluate.h"
#include "testing/testing.h"

namespace layak {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

class ReaderTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto r = LoadRulePack(testing::SourcePath("tests/data/caseload/pack"));
    ASSERT_TRUE(r.ok() && r->ok());
    pack_ = std::shared_ptr<const RulePack>(r->ReleasePack());
  }
  static void TearDownTestSuite() { pack_.reset(); }

  std::string Write(const std::string& name, const std::string& text) {
    // One folder per test process: ctest runs the tests of this file in
    // parallel, and rewriting a file another process has mapped kills it.
    std::string dir = Dir();
    std::filesystem::create_directories(dir);
    std::string path = dir + "/" + name;
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }

  ReadResult Csv(const std::string& households, const std::string& members, const ReadOptions& o = {}) {
    auto r = ReadCsvCaseload(*pack_, Write("households.csv", households), Write("members.csv", members), o);
    EXPECT_TRUE(r.ok()) << r.status();
    return std::move(*r);
  }

  // Per-row statuses "ID/PROGRAM/MEMBER=status" of a caseload.
  std::vector<std::string> Statuses(const Caseload& c) {
    auto plan = CompilePlan(pack_, {"2026-01-01"});
    EXPECT_TRUE(plan.ok()) << plan.status();
    auto rs = Evaluate(**plan, c);
    EXPECT_TRUE(rs.ok());
    std::vector<std::string> out;
    for (const auto& r : *rs) {
      out.push_back(r.household_id + "/" + r.program + (r.member_id.empty() ? "" : "/" + r.member_id) + "=" +
                    StatusName(r.status));
    }
    return out;
  }

  static void ExpectBalanced(const ReadResult& r) {
    EXPECT_EQ(r.households_read, r.caseload->households() + r.households_rejected);
    EXPECT_EQ(r.members_read, r.caseload->members() + r.members_rejected);
  }

  static std::string Dir() {
    std::string dir = ::testing::TempDir() + "/layak_reader_test_" + std::to_string(getpid());
    std::filesystem::create_directories(dir);
    return dir;
  }

  static std::shared_ptr<const RulePack> pack_;
};
std::shared_ptr<const RulePack> ReaderTest::pack_;

constexpr char kHouseholds[] =
    "id,kecamatan,desil,area,in_dtsen,receives,registered,note\n"
    "H1,Bancar,3,36.5,true,PKH|PIP,2020-01-02,plain\n"
    "H2,JENU,9,,ya,{},,\"quoted, with comma\"\n";
constexpr char kMembers[] =
    "household_id,nik,birth_date,sex,enrolled\n"
    "H2,N3,1960-02-29,P,tidak\n"
    "H1,N1,2015-06-01,L,1\n"
    "H1,N2,1990-01-01,P,FALSE\n";

TEST_F(ReaderTest, ReadsSpellingsAndGroupsUnsortedMembers) {
  ReadResult r = Csv(kHouseholds, kMembers);
  ASSERT_TRUE(r.errors.empty()) << r.errors[0];
  ASSERT_EQ(r.caseload->households(), 2u);
  ASSERT_EQ(r.caseload->members(), 3u);
  EXPECT_THAT(Statuses(*r.caseload),
              ElementsAre("H1/MISKIN=eligible", "H1/ANAK_SEKOLAH/N1=eligible", "H1/ANAK_SEKOLAH/N2=ineligible",
                          "H2/MISKIN=ineligible", "H2/ANAK_SEKOLAH/N3=ineligible"));
  ExpectBalanced(r);
}

TEST_F(ReaderTest, CrlfBomAndQuotedNewlines) {
  std::string h = "\xEF\xBB\xBFid,desil,note\r\nH1,2,\"two\r\nlines\"\r\nH2,,\"say \"\"hi\"\"\"\r\n";
  ReadResult r = Csv(h, "household_id,nik\r\nH2,N1\r\n");
  ASSERT_TRUE(r.errors.empty()) << r.errors[0];
  EXPECT_EQ(r.caseload->households(), 2u);
  EXPECT_THAT(Statuses(*r.caseload),
              ElementsAre("H1/MISKIN=eligible", "H2/MISKIN=unknown", "H2/ANAK_SEKOLAH/N1=unknown"));
}

TEST_F(ReaderTest, DialectSemicolonDecimalCommaDayFirst) {
  ReadOptions o;
  o.delimiter = ';';
  o.decimal_comma = true;
  o.day_first = true;
  o.true_spellings = {"Y"};
  ReadResult r = Csv("id;area;registered;in_dtsen;desil\nH1;36,5;29/02/2024;Y;4\n",
                     "household_id;nik;birth_date\nH1;N1;01/03/2010\n", o);
  ASSERT_TRUE(r.errors.empty()) << r.errors[0];
  EXPECT_THAT(Statuses(*r.caseload), ElementsAre("H1/MISKIN=eligible", "H1/ANAK_SEKOLAH/N1=unknown"));
}

struct BadCase {
  const char* name;
  std::string households, members;
  std::string error;  // the whole first error line, FILE replaced by its base name
};

class BadDataTest : public ReaderTest, public ::testing::WithParamInterface<BadCase> {};

std::string Base(std::string line) {
  std::size_t slash = line.rfind('/', line.find(": error"));
  return slash == std::string::npos ? line : line.substr(slash + 1);
}

TEST_P(BadDataTest, ReportedWithPositionAndRejected) {
  const BadCase& c = GetParam();
  ReadResult r = Csv(c.households, c.members);
  ASSERT_FALSE(r.errors.empty());
  EXPECT_EQ(Base(r.errors[0]), c.error);
  ASSERT_FALSE(r.rejects.empty());
  // The rejects hold the bad row as it was in the file, on the reported line.
  bool found = false;
  for (const RejectedRow& row : r.rejects) {
    if (row.reason.find(c.error.substr(c.error.find("error: ") + 7, 20)) == std::string::npos) continue;
    found = true;
    const std::string& file = row.file.find("members") != std::string::npos ? c.members : c.households;
    std::size_t line_start = 0;
    for (uint64_t l = 1; l < row.line; ++l) line_start = file.find('\n', line_start) + 1;
    EXPECT_EQ(file.substr(line_start, file.find('\n', line_start) - line_start), row.record);
    EXPECT_EQ(c.error.substr(c.error.find(':') + 1, std::to_string(row.line).size()), std::to_string(row.line));
  }
  EXPECT_TRUE(found) << "no reject carries the reason";
  // The good household H1 (with its member) is still evaluated.
  EXPECT_EQ(r.caseload->households(), 1u);
  ExpectBalanced(r);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, BadDataTest,
    ::testing::Values(
        BadCase{"text_in_int", "id,desil\nH1,3\nH2,tiga\n", "household_id,nik\nH1,N1\n",
                "households.csv:3:2: error: 'tiga' is not an int for 'desil'"},
        BadCase{"date_does_not_exist", "id,registered\nH1,2024-02-29\nH2,2023-02-29\n", "household_id,nik\nH1,N1\n",
                "households.csv:3:2: error: '2023-02-29' is not a real calendar day ('registered' is a date)"},
        BadCase{"undeclared_enum", "id,kecamatan\nH1,Tuban\nH2,Tubn\n", "household_id,nik\nH1,N1\n",
                "households.csv:3:2: error: 'Tubn' is not a value of 'kecamatan' (one of Bancar, Jenu, Tuban); did you "
                "mean 'Tuban'?"},
        BadCase{"above_max", "id,desil\nH1,3\nH2,11\n", "household_id,nik\nH1,N1\n",
                "households.csv:3:2: error: '11' is above the maximum 10 of 'desil'"},
        BadCase{"below_min", "id,area\nH1,3\nH2,-0.5\n", "household_id,nik\nH1,N1\n",
                "households.csv:3:2: error: '-0.5' is below the minimum 0 of 'area'"},
        BadCase{"duplicate_household", "id,desil\nH1,3\nH1,4\n", "household_id,nik\nH1,N1\n",
                "households.csv:3:1: error: duplicate key 'H1' (first on line 2)"},
        BadCase{"orphan_member", "id,desil\nH1,3\n", "household_id,nik\nH1,N1\nH9,N2\n",
                "members.csv:3:1: error: household 'H9' is not in the households file"},
        BadCase{"duplicate_member", "id,desil\nH1,3\nH2,4\n", "household_id,nik\nH1,N1\nH2,N1\n",
                "members.csv:3:2: error: duplicate key 'N1' (first on line 2)"},
        BadCase{"bad_member_value", "id,desil\nH1,3\nH2,4\n", "household_id,nik,sex\nH1,N1,L\nH2,N2,X\n",
                "members.csv:3:3: error: 'X' is not a value of 'sex' (one of L, P)"},
        BadCase{"wrong_field_count", "id,desil\nH1,3\nH2,4,5\n", "household_id,nik\nH1,N1\n",
                "households.csv:3:0: error: expected 2 fields as in the header, found 3"}),
    [](const ::testing::TestParamInfo<BadCase>& info) { return std::string(info.param.name); });

TEST_F(ReaderTest, BadMemberRejectsItsWholeHousehold) {
  ReadResult r =
      Csv("id,desil\nH1,3\nH2,4\n", "household_id,nik,birth_date\nH2,N2,2001-01-01\nH2,N3,kemarin\nH1,N1,\n");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.caseload->households(), 1u);
  EXPECT_EQ(r.caseload->members(), 1u);
  ASSERT_EQ(r.rejects.size(), 3u);                            // in file order, then line order
  EXPECT_THAT(r.rejects[0].reason, HasSubstr("member on "));  // the household row
  EXPECT_THAT(r.rejects[0].reason, HasSubstr("members.csv line 3 rejected: 'kemarin' is not a date"));
  EXPECT_EQ(r.rejects[0].record, "H2,4");
  EXPECT_EQ(r.rejects[1].reason, "its household is rejected");  // its sibling
  EXPECT_EQ(r.rejects[1].record, "H2,N2,2001-01-01");
  EXPECT_EQ(r.rejects[2].line, 3u);  // the bad member itself
  EXPECT_EQ(r.rejects[2].record, "H2,N3,kemarin");
  ExpectBalanced(r);
}

TEST_F(ReaderTest, MissingKeyColumnIsFatalWithSuggestion) {
  ReadResult r = Csv("ids,desil\nH1,3\n", "household_id,nik\n");
  EXPECT_TRUE(r.fatal);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_THAT(Base(r.errors[0]), HasSubstr("households.csv:1:0: error: no key column 'id' in the header"));
  EXPECT_THAT(r.errors[0], HasSubstr("did you mean 'ids'?"));
}

TEST_F(ReaderTest, MissingMemberLinkColumnIsFatal) {
  ReadResult r = Csv("id\nH1\n", "hh,nik\nH1,N1\n");
  EXPECT_TRUE(r.fatal);
  EXPECT_THAT(r.errors[0], HasSubstr("no column 'household_id'"));
  ReadOptions o;
  o.member_household_column = "hh";
  ReadResult ok = Csv("id\nH1\n", "hh,nik\nH1,N1\n", o);
  EXPECT_FALSE(ok.fatal);
  EXPECT_EQ(ok.caseload->members(), 1u);
}

TEST_F(ReaderTest, UnknownColumnsAreIgnoredWithOneNote) {
  ReadResult r = Csv("id,desil,foo,bar\nH1,3,x,y\n", "household_id,nik\n");
  EXPECT_TRUE(r.errors.empty());
  ASSERT_FALSE(r.notes.empty());
  EXPECT_THAT(r.notes[0], HasSubstr("ignoring columns foo, bar"));
}

TEST_F(ReaderTest, GzipInputIsReadDirectly) {
  std::string path = Dir() + "/households.csv.gz";
  gzFile gz = gzopen(path.c_str(), "wb");
  ASSERT_NE(gz, nullptr);
  std::string text = "id,desil\nH1,3\nH2,8\n";
  gzwrite(gz, text.data(), static_cast<unsigned>(text.size()));
  gzclose(gz);
  auto r = ReadCsvCaseload(*pack_, path, Write("members.csv", "household_id,nik\n"));
  ASSERT_TRUE(r.ok());
  EXPECT_THAT(Statuses(*r->caseload), ElementsAre("H1/MISKIN=eligible", "H2/MISKIN=ineligible"));
}

TEST_F(ReaderTest, PackFormatsBlockSetsTheDialect) {
  std::string schema = testing::ReadFileOrDie(testing::SourcePath("tests/data/caseload/pack/pack.yaml"));
  auto r = LoadRulePackFromSources(
      {{"pack.yaml", schema},
       {"formats.yaml",
        "formats:\n  delimiter: ';'\n  decimal_comma: true\n  day_first: true\n  true: [Y]\n  false: [N]\n"
        "  member_key: kk\n"}});
  ASSERT_TRUE(r.ok() && r->ok()) << (r.ok() ? FormatDiagnostics(r->diagnostics) : std::string());
  ReadOptions o = PackReadOptions(*r->pack());
  EXPECT_EQ(o.delimiter, ';');
  EXPECT_TRUE(o.decimal_comma);
  EXPECT_TRUE(o.day_first);
  EXPECT_EQ(o.member_household_column, "kk");
  auto c = ReadCsvCaseload(*r->pack(), Write("households.csv", "id;area;in_dtsen;desil\nH1;36,5;Y;4\nH2;7;N;3\n"),
                           Write("members.csv", "kk;nik;birth_date\nH1;N1;01/03/2010\n"), o);
  ASSERT_TRUE(c.ok());
  EXPECT_TRUE(c->errors.empty()) << c->errors[0];
  EXPECT_EQ(c->caseload->households(), 2u);
  EXPECT_EQ(c->caseload->members(), 1u);
}

TEST_F(ReaderTest, PackFormatsBlockErrors) {
  std::string schema = testing::ReadFileOrDie(testing::SourcePath("tests/data/caseload/pack/pack.yaml"));
  auto r = LoadRulePackFromSources(
      {{"pack.yaml", schema}, {"formats.yaml", "formats:\n  decimal_comma: true\n  delimeter: ';;'\n"}});
  ASSERT_TRUE(r.ok());
  ASSERT_FALSE(r->ok());
  std::string text = FormatDiagnostics(r->diagnostics);
  EXPECT_THAT(text, HasSubstr("formats.yaml:3:3: error[E0104]: unknown key 'delimeter' in formats"));
  EXPECT_THAT(text, HasSubstr("did you mean 'delimiter'?"));
  EXPECT_THAT(text, HasSubstr("formats: decimal_comma needs a delimiter other than ','"));
}

TEST_F(ReaderTest, JsonLinesMatchesCsv) {
  std::string jsonl =
      "{\"id\":\"H1\",\"kecamatan\":\"Bancar\",\"desil\":3,\"area\":36.5,\"in_dtsen\":true,\"receives\":[\"PKH\","
      "\"PIP\"],"
      "\"registered\":\"2020-01-02\",\"note\":\"plain\",\"members\":[{\"nik\":\"N1\",\"birth_date\":\"2015-06-01\","
      "\"sex\":\"L\",\"enrolled\":true},{\"nik\":\"N2\",\"birth_date\":\"1990-01-01\",\"sex\":\"P\",\"enrolled\":false}"
      "]}\n"
      "{\"id\":\"H2\",\"kecamatan\":\"JENU\",\"desil\":9,\"area\":null,\"in_dtsen\":\"ya\",\"receives\":[],"
      "\"note\":\"quoted, with comma\",\"members\":[{\"nik\":\"N3\",\"birth_date\":\"1960-02-29\",\"sex\":\"P\","
      "\"enrolled\":false}]}\n";
  auto j = ReadJsonlCaseload(*pack_, Write("c.jsonl", jsonl));
  ASSERT_TRUE(j.ok());
  ASSERT_TRUE(j->errors.empty()) << j->errors[0];
  ReadResult c = Csv(kHouseholds, kMembers);
  EXPECT_EQ(Statuses(*j->caseload), Statuses(*c.caseload));
}

TEST_F(ReaderTest, JsonLinesBadLineIsRejectedWithLineNumber) {
  auto j = ReadJsonlCaseload(*pack_, Write("c.jsonl",
                                           "{\"id\":\"H1\",\"desil\":3}\n{\"id\":\"H2\",\"desil\":\"x\"}\n"
                                           "not json\n{\"id\":\"H1\"}\n"));
  ASSERT_TRUE(j.ok());
  ASSERT_EQ(j->errors.size(), 3u);
  EXPECT_THAT(Base(j->errors[0]), HasSubstr("c.jsonl:2:0: error: desil: 'x' is not an int for 'desil'"));
  EXPECT_THAT(Base(j->errors[1]), HasSubstr("c.jsonl:3:0: error: not a JSON object"));
  EXPECT_THAT(Base(j->errors[2]), HasSubstr("c.jsonl:4:0: error: duplicate key 'H1' (first on line 1)"));
  EXPECT_EQ(j->caseload->households(), 1u);
  EXPECT_EQ(j->rejects.size(), 3u);
  EXPECT_EQ(j->rejects[1].record, "not json");
  ExpectBalanced(*j);
}

TEST_F(ReaderTest, BuilderMatchesCsv) {
  CaseloadBuilder b(*pack_);
  b.SetHouseholdCount(2);
  b.SetTexts("id", {"H1", "H2"});
  b.SetTexts("kecamatan", {"Bancar", "JENU"});
  b.SetInts("desil", {3, 9});
  b.SetDoubles("area", {36.5, std::nan("")});
  b.SetInts("in_dtsen", {1, 1});
  b.SetTexts("receives", {"PKH|PIP", "{}"});
  b.SetTexts("note", {"plain", "quoted, with comma"});
  b.SetMemberHouseholds({1, 0, 0});
  b.SetTexts("nik", {"N3", "N1", "N2"});
  b.SetTexts("birth_date", {"1960-02-29", "2015-06-01", "1990-01-01"});
  b.SetTexts("sex", {"P", "L", "P"});
  b.SetInts("enrolled", {0, 1, 0});
  auto built = b.Build();
  ASSERT_TRUE(built.ok()) << built.status();
  ReadResult c = Csv(kHouseholds, kMembers);
  EXPECT_EQ(Statuses(*built), Statuses(*c.caseload));
}

TEST_F(ReaderTest, BuilderReportsEveryProblem) {
  CaseloadBuilder b(*pack_);
  b.SetHouseholdCount(2);
  b.SetInts("desil", {3, 11});
  b.SetTexts("kecamatan", {"Tuban"});
  b.SetInts("nope", {1, 2});
  b.SetMemberHouseholds({0, 5});
  auto built = b.Build();
  ASSERT_FALSE(built.ok());
  std::string m(built.status().message());
  EXPECT_THAT(m, HasSubstr("'desil' row 1: 11 is outside the field's min/max"));
  EXPECT_THAT(m, HasSubstr("no field 'nope' in the schema"));
  EXPECT_THAT(m, HasSubstr("member 1 names household 5, but there are 2"));
  EXPECT_THAT(m, HasSubstr("'kecamatan' has 1 values for 2 households"));
}

}  // namespace
}  // namespace layak
