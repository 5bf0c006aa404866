// Tests of LoadRulePack and LoadRulePackFromSources: which files make up a
// pack and in what order (DESIGN.md "Rule packs (YAML)"), what is reported
// for a folder that cannot be a pack, and what a clean pack exposes.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "layak/diagnostic.h"
#include "layak/options.h"
#include "layak/rule_pack.h"
#include "testing/testing.h"

namespace layak {
namespace {

namespace fs = std::filesystem;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

// A valid pack.yaml: metadata and a small schema, no programs.
constexpr char kPackYaml[] =
    "pack: { id: contoh, name: Kabupaten Contoh, version: \"2026.1\" }\n"
    "schema:\n"
    "  household:\n"
    "    id: { type: string, key: true }\n"
    "    desil: { type: int, min: 1, max: 10 }\n"
    "  member:\n"
    "    nik: { type: string, key: true }\n"
    "    age: { type: int, min: 0 }\n"
    "    enrolled: { type: bool }\n";

// A file declaring one household program with one clause.
std::string ProgramFile(const std::string& id) {
  return "programs:\n  - id: " + id + "\n    criteria:\n      - { id: miskin, when: \"desil <= 4\" }\n";
}

std::vector<std::string> ProgramIds(const RulePack& pack) {
  std::vector<std::string> ids;
  for (const ProgramInfo& p : pack.programs()) ids.push_back(p.id);
  return ids;
}

std::string Rendered(const LoadResult& result) { return FormatDiagnostics(result.diagnostics); }

// A fresh folder per test under the system temp folder, removed afterwards.
class PackFolderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const ::testing::TestInfo* info = ::testing::UnitTest::GetInstance()->current_test_info();
    root_ = fs::temp_directory_path() /
            ("layak_pack_loader_" + std::string(info->name()) + "_" + std::to_string(::getpid()));
    fs::remove_all(root_);
    fs::create_directories(root_);
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(root_, ec);
  }

  void Write(const std::string& relative, const std::string& contents) {
    fs::path path = root_ / relative;
    fs::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary);
    out << contents;
    ASSERT_TRUE(out.good()) << path;
  }

  absl::StatusOr<LoadResult> Load(const LoadOptions& options = {}) { return LoadRulePack(root_.string(), options); }

  fs::path root_;
};

TEST_F(PackFolderTest, FilesAreReadInByteOrderOfRelativePath) {
  // Byte order: 'B' (0x42) < 'a' (0x61); "a.yaml" < "a/z.yaml" ('.' < '/')
  // < "a_b.yaml" ('/' < '_'). A path-element order would put a/z.yaml last.
  Write("pack.yaml", kPackYaml);
  Write("a_b.yaml", ProgramFile("A_B"));
  Write("a/z.yaml", ProgramFile("A_Z"));
  Write("a.yaml", ProgramFile("A"));
  Write("B.yaml", ProgramFile("B_UPPER"));
  LAYAK_ASSERT_OK_AND_ASSIGN(LoadResult result, Load());
  ASSERT_TRUE(result.ok()) << Rendered(result);
  EXPECT_THAT(ProgramIds(*result.pack()), ElementsAre("B_UPPER", "A", "A_Z", "A_B"));
}

TEST_F(PackFolderTest, ByteOrderDecidesWhichDuplicateIsReported) {
  // The later file in pack order is the one that repeats the id.
  Write("pack.yaml", kPackYaml);
  Write("programs/b.yaml", ProgramFile("PKH"));
  Write("programs/B.yaml", ProgramFile("PKH"));
  LAYAK_ASSERT_OK_AND_ASSIGN(LoadResult result, Load());
  ASSERT_EQ(result.diagnostics.size(), 1u) << Rendered(result);
  const Diagnostic& d = result.diagnostics[0];
  EXPECT_EQ(d.code, DiagnosticCode::kDuplicateId);
  EXPECT_EQ(d.location.file, (root_ / "programs/b.yaml").string());
  EXPECT_EQ(d.location.line, 2);
  EXPECT_EQ(d.location.column, 9);
  EXPECT_THAT(d.notes, ElementsAre(HasSubstr("programs/B.yaml")));
}

TEST_F(PackFolderTest, YmlFilesCountAndOtherExtensionsDoNot) {
  Write("pack.yaml", kPackYaml);
  Write("programs.yml", ProgramFile("PKH"));
  // Neither is YAML to the loader, so their broken contents do not matter.
  Write("notes.txt", "programs: [ this is not read");
  Write("programs.yaml.bak", "programs: [ neither is this");
  LAYAK_ASSERT_OK_AND_ASSIGN(LoadResult result, Load());
  ASSERT_TRUE(result.ok()) << Rendered(result);
  EXPECT_THAT(ProgramIds(*result.pack()), ElementsAre("PKH"));
}

TEST_F(PackFolderTest, SubfolderWithItsOwnPackIsSkipped) {
  Write("pack.yaml", kPackYaml);
  Write("programs/pkh.yaml", ProgramFile("PKH"));
  // Another pack, with an error that would fail this load if it were read;
  // its subfolders belong to it too.
  Write("jatim/pack.yaml",
        "pack: { id: jatim }\nprograms:\n  - { id: ASPD, criteria: [ { id: x, when: \"nope\" } ] }\n");
  Write("jatim/programs/extra.yaml", ProgramFile("JATIM_EXTRA"));
  // A subfolder without `pack:` is part of this pack.
  Write("needs/abh.yaml", ProgramFile("FROM_SUBFOLDER"));
  LAYAK_ASSERT_OK_AND_ASSIGN(LoadResult result, Load());
  ASSERT_TRUE(result.ok()) << Rendered(result);
  EXPECT_EQ(result.pack()->id(), "contoh");
  EXPECT_THAT(ProgramIds(*result.pack()), ElementsAre("FROM_SUBFOLDER", "PKH"));
}

TEST_F(PackFolderTest, EmptyAndCommentOnlyFilesAreFine) {
  Write("pack.yaml", kPackYaml);
  Write("empty.yaml", "");
  Write("later.yaml", "# programs for 2027 go here\n");
  Write("programs.yaml", ProgramFile("PKH"));
  LAYAK_ASSERT_OK_AND_ASSIGN(LoadResult result, Load());
  EXPECT_TRUE(result.ok()) << Rendered(result);
  EXPECT_THAT(result.diagnostics, IsEmpty());
}

TEST_F(PackFolderTest, NonexistentFolderIsNotFound) {
  absl::StatusOr<LoadResult> result = LoadRulePack((root_ / "missing").string());
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(std::string(result.status().message()), HasSubstr("missing"));
}

TEST_F(PackFolderTest, AFileIsNotAFolder) {
  Write("pack.yaml", kPackYaml);
  absl::StatusOr<LoadResult> result = LoadRulePack((root_ / "pack.yaml").string());
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().code(), absl::StatusCode::kNotFound);
}

TEST_F(PackFolderTest, FolderWithoutYamlFiles) {
  Write("README.md", "# not a pack\n");
  LAYAK_ASSERT_OK_AND_ASSIGN(LoadResult result, Load());
  EXPECT_FALSE(result.ok());
  ASSERT_EQ(result.diagnostics.size(), 1u);
  EXPECT_EQ(result.diagnostics[0].code, DiagnosticCode::kFileRead);
  EXPECT_THAT(result.diagnostics[0].message, HasSubstr("no .yaml files"));
  EXPECT_EQ(result.diagnostics[0].location.file, root_.string());
}

TEST_F(PackFolderTest, OversizedFileIsReportedAndNotRead) {
  Write("pack.yaml", kPackYaml);
  Write("programs.yaml", ProgramFile("PKH"));
  LoadOptions options;
  options.max_file_bytes = 100;  // pack.yaml is larger, programs.yaml smaller
  ASSERT_GT(fs::file_size(root_ / "pack.yaml"), options.max_file_bytes);
  ASSERT_LE(fs::file_size(root_ / "programs.yaml"), options.max_file_bytes);
  LAYAK_ASSERT_OK_AND_ASSIGN(LoadResult result, Load(options));
  EXPECT_FALSE(result.ok());
  ASSERT_EQ(result.diagnostics.size(), 1u) << Rendered(result);
  const Diagnostic& d = result.diagnostics[0];
  EXPECT_EQ(d.code, DiagnosticCode::kFileRead);
  EXPECT_EQ(d.location.file, (root_ / "pack.yaml").string());
  EXPECT_THAT(d.message, HasSubstr("max_file_bytes (100)"));
}

TEST(LoadRulePackFromSourcesTest, FilesAreReadInTheOrderGiven) {
  std::vector<SourceFile> files = {
      {"z.yaml", ProgramFile("FIRST")}, {"pack.yaml", kPackYaml}, {"a.yaml", ProgramFile("LAST")}};
  LAYAK_ASSERT_OK_AND_ASSIGN(LoadResult result, LoadRulePackFromSources(std::move(files)));
  ASSERT_TRUE(result.ok()) << Rendered(result);
  EXPECT_THAT(ProgramIds(*result.pack()), ElementsAre("FIRST", "LAST"));
}

TEST(LoadRulePackFromSourcesTest, MissingPackBlockIsReported) {
  std::string schema_only = std::string(kPackYaml).substr(std::string(kPackYaml).find("schema:"));
  std::vector<SourceFile> files = {{"schema.yaml", schema_only}, {"programs.yaml", ProgramFile("PKH")}};
  LAYAK_ASSERT_OK_AND_ASSIGN(LoadResult result, LoadRulePackFromSources(std::move(files)));
  EXPECT_FALSE(result.ok());
  ASSERT_EQ(result.diagnostics.size(), 1u) << Rendered(result);
  const Diagnostic& d = result.diagnostics[0];
  EXPECT_EQ(d.code, DiagnosticCode::kPackMetadata);
  EXPECT_THAT(d.message, HasSubstr("'pack:'"));
  // About the pack as a whole: named after its first file, with no line.
  EXPECT_EQ(d.location.file, "schema.yaml");
  EXPECT_EQ(d.location.line, 0);
  EXPECT_EQ(FormatDiagnostic(d).substr(0, 30), "schema.yaml: error[E0510]: no ");
}

TEST(LoadRulePackFromSourcesTest, SecondPackBlockIsReported) {
  std::vector<SourceFile> files = {{"pack.yaml", kPackYaml}, {"more.yaml", "pack: { id: lain }\n"}};
  LAYAK_ASSERT_OK_AND_ASSIGN(LoadResult result, LoadRulePackFromSources(std::move(files)));
  ASSERT_EQ(result.diagnostics.size(), 1u) << Rendered(result);
  EXPECT_EQ(result.diagnostics[0].code, DiagnosticCode::kPackMetadata);
  EXPECT_EQ(result.diagnostics[0].location.file, "more.yaml");
  EXPECT_EQ(result.diagnostics[0].location.line, 1);
}

TEST(LoadRulePackFromSourcesTest, DuplicateKeyReportedAtTheSecondWithTheFirstLine) {
  const std::string programs =
      "programs:\n"                         // 1
      "  - id: PKH\n"                       // 2
      "    criteria:\n"                     // 3
      "      - id: miskin\n"                // 4
      "        when: \"desil <= 4\"\n"      // 5
      "        source: Permensos 1/2018\n"  // 6
      "        when: \"desil <= 3\"\n";     // 7
  std::vector<SourceFile> files = {{"pack.yaml", kPackYaml}, {"programs.yaml", programs}};
  LAYAK_ASSERT_OK_AND_ASSIGN(LoadResult result, LoadRulePackFromSources(std::move(files)));
  EXPECT_FALSE(result.ok());
  ASSERT_EQ(result.diagnostics.size(), 1u) << Rendered(result);
  const Diagnostic& d = result.diagnostics[0];
  EXPECT_EQ(d.code, DiagnosticCode::kDuplicateKey);
  EXPECT_EQ(d.location.file, "programs.yaml");
  EXPECT_EQ(d.location.line, 7);
  EXPECT_EQ(d.location.column, 9);
  EXPECT_EQ(d.location.length, 4);  // "when"
  EXPECT_THAT(d.notes, ElementsAre("note: first given on line 5"));
}

TEST(LoadRulePackFromSourcesTest, DuplicateKeyInANestedFlowMapping) {
  const std::string schema =
      "schema:\n"
      "  household:\n"
      "    id: { type: string, key: true, type: int }\n";
  std::vector<SourceFile> files = {{"pack.yaml", "pack: { id: contoh }\n"}, {"schema.yaml", schema}};
  LAYAK_ASSERT_OK_AND_ASSIGN(LoadResult result, LoadRulePackFromSources(std::move(files)));
  ASSERT_FALSE(result.diagnostics.empty());
  const Diagnostic& d = result.diagnostics[0];
  EXPECT_EQ(d.code, DiagnosticCode::kDuplicateKey);
  EXPECT_EQ(d.location.line, 3);
  EXPECT_EQ(d.location.column, 36);
  EXPECT_THAT(d.notes, ElementsAre("note: first given on line 3"));
}

TEST(LoadRulePackFromSourcesTest, CleanPackExposesProgramsInPackOrder) {
  const std::string programs =
      "programs:\n"
      "  - id: PKH\n"
      "    name: Program Keluarga Harapan\n"
      "    criteria:\n"
      "      - { id: miskin, when: \"desil <= 4\" }\n"
      "      - { id: ada_anak, when: \"any(members, age < 18)\" }\n"
      "  - id: PIP\n"
      "    unit: member\n"
      "    criteria:\n"
      "      - { id: usia_sekolah, when: \"age in 6..21 and enrolled\" }\n"
      "      - { id: miskin, when: \"desil <= 4\" }\n"
      "      - { id: penerima_pkh, when: \"eligible('PKH')\" }\n";
  // PIP reads PKH, so PKH is evaluated first either way; pack order is the
  // order written, and PIP's file comes first here.
  std::vector<SourceFile> files = {
      {"pack.yaml", kPackYaml}, {"programs/pip_pkh.yaml", programs}, {"programs/sembako.yaml", ProgramFile("SEMBAKO")}};
  LAYAK_ASSERT_OK_AND_ASSIGN(LoadResult result, LoadRulePackFromSources(std::move(files)));
  ASSERT_TRUE(result.ok()) << Rendered(result);
  EXPECT_EQ(result.error_count(), 0);
  const RulePack& pack = *result.pack();
  EXPECT_EQ(pack.id(), "contoh");
  EXPECT_EQ(pack.name(), "Kabupaten Contoh");
  EXPECT_EQ(pack.version(), "2026.1");
  ASSERT_EQ(pack.programs().size(), 3u);
  const ProgramInfo& pkh = pack.programs()[0];
  EXPECT_EQ(pkh.id, "PKH");
  EXPECT_EQ(pkh.name, "Program Keluarga Harapan");
  EXPECT_EQ(pkh.unit, ProgramUnit::kHousehold);
  EXPECT_THAT(pkh.clause_ids, ElementsAre("miskin", "ada_anak"));
  const ProgramInfo& pip = pack.programs()[1];
  EXPECT_EQ(pip.id, "PIP");
  EXPECT_EQ(pip.unit, ProgramUnit::kMember);
  // Clause ids are labels per program: "miskin" may appear in both.
  EXPECT_THAT(pip.clause_ids, ElementsAre("usia_sekolah", "miskin", "penerima_pkh"));
  EXPECT_EQ(pack.programs()[2].id, "SEMBAKO");
}

TEST(LoadRulePackFromSourcesTest, ReleasePackHandsOverOwnership) {
  std::vector<SourceFile> files = {{"pack.yaml", kPackYaml}, {"p.yaml", ProgramFile("PKH")}};
  LAYAK_ASSERT_OK_AND_ASSIGN(LoadResult result, LoadRulePackFromSources(std::move(files)));
  std::unique_ptr<RulePack> pack = result.ReleasePack();
  ASSERT_NE(pack, nullptr);
  EXPECT_EQ(result.pack(), nullptr);
  EXPECT_FALSE(result.ok());
  EXPECT_EQ(pack->programs().size(), 1u);
}

// yaml-cpp 0.7 never returns on some files with a ',' where a node should
// start (it allocates until memory runs out); the reader refuses them first.
TEST(LoadRulePackFromSourcesTest, AFileTheYamlParserCannotFinishIsASyntaxErrorNotAHang) {
  const std::vector<std::pair<std::string, std::pair<int, int>>> cases = {{",", {1, 1}},
                                                                          {"# comment\n  ,", {2, 3}},
                                                                          {"pack: {id: x}\n---\n&a ,", {3, 4}},
                                                                          {"%YAML 1.2\n---\n,,", {3, 1}},
                                                                          {"a #\n,", {2, 1}},
                                                                          {"\"x\" # c\n ,", {2, 2}}};
  for (const auto& [text, at] : cases) {
    LAYAK_ASSERT_OK_AND_ASSIGN(LoadResult result, LoadRulePackFromSources({{"p.yaml", text}}));
    ASSERT_FALSE(result.diagnostics.empty()) << text;
    const Diagnostic& d = result.diagnostics[0];
    EXPECT_EQ(d.code, DiagnosticCode::kYamlSyntax) << text;
    EXPECT_EQ(d.message, "YAML syntax error: the YAML parser cannot get past this point") << text;
    EXPECT_EQ(d.location.line, at.first) << text;
    EXPECT_EQ(d.location.column, at.second) << text;
  }
  // A comma later in a document is yaml-cpp's to judge, as before.
  LAYAK_ASSERT_OK_AND_ASSIGN(LoadResult ok, LoadRulePackFromSources({{"p.yaml", "pack: {id: x, version: \"1\"}\n"}}));
  for (const Diagnostic& d : ok.diagnostics) EXPECT_NE(d.code, DiagnosticCode::kYamlSyntax);
}

}  // namespace
}  // namespace layak
