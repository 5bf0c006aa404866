// DescribeSchema, HouseholdJsonSchema and DescribeSchemaJson (layak/schema.h)
// on the bundled pack rules/tuban and on small packs written inline.
#include "layak/schema.h"

#include <simdjson.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "layak/caseload.h"
#include "layak/rule_pack.h"
#include "testing/testing.h"

namespace layak {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsSupersetOf;
using ::testing::Not;

std::unique_ptr<RulePack> Load(const std::string& folder) {
  absl::StatusOr<LoadResult> r = LoadRulePack(layak::testing::SourcePath(folder));
  if (!r.ok() || !r->ok()) {
    ADD_FAILURE() << "cannot load " << folder << ": " << (r.ok() ? FormatDiagnostics(r->diagnostics) : "");
    return nullptr;
  }
  return r->ReleasePack();
}

std::unique_ptr<RulePack> LoadText(const std::string& yaml) {
  absl::StatusOr<LoadResult> r = LoadRulePackFromSources({{"p.yaml", yaml}});
  if (!r.ok() || !r->ok()) {
    ADD_FAILURE() << "cannot load: " << (r.ok() ? FormatDiagnostics(r->diagnostics) : "");
    return nullptr;
  }
  return r->ReleasePack();
}

const FieldInfo* Find(const std::vector<FieldInfo>& fields, const std::string& name) {
  auto it = std::find_if(fields.begin(), fields.end(), [&](const FieldInfo& f) { return f.name == name; });
  return it == fields.end() ? nullptr : &*it;
}

// The value at a JSON pointer, minified, or "(absent)".
std::string Json(const simdjson::dom::element& doc, const std::string& pointer) {
  simdjson::dom::element e;
  if (doc.at_pointer(pointer).get(e) != simdjson::SUCCESS) return "(absent)";
  return simdjson::minify(e);
}

// The string at a JSON pointer, or "(not a string)".
std::string Text(const simdjson::dom::element& doc, const std::string& pointer) {
  std::string_view text;
  if (doc.at_pointer(pointer).get(text) != simdjson::SUCCESS) return "(not a string)";
  return std::string(text);
}

class TubanSchemaTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    pack_ = Load("rules/tuban").release();
    if (pack_ != nullptr) fields_ = new std::vector<FieldInfo>(DescribeSchema(*pack_));
  }
  static void TearDownTestSuite() {
    delete fields_;
    delete pack_;
  }
  void SetUp() override { ASSERT_NE(fields_, nullptr); }
  static const FieldInfo& Field(const std::string& name) {
    const FieldInfo* f = Find(*fields_, name);
    EXPECT_NE(f, nullptr) << name;
    static const FieldInfo kNone;
    return f != nullptr ? *f : kNone;
  }

  static RulePack* pack_;
  static std::vector<FieldInfo>* fields_;
};
RulePack* TubanSchemaTest::pack_ = nullptr;
std::vector<FieldInfo>* TubanSchemaTest::fields_ = nullptr;

TEST_F(TubanSchemaTest, HouseholdFieldsComeFirstInDeclarationOrder) {
  EXPECT_EQ(fields_->front().name, "id");
  EXPECT_EQ(fields_->front().level, FieldLevel::kHousehold);
  auto first_member =
      std::find_if(fields_->begin(), fields_->end(), [](const FieldInfo& f) { return f.level == FieldLevel::kMember; });
  ASSERT_NE(first_member, fields_->end());
  EXPECT_EQ(first_member->name, "nik");
  EXPECT_TRUE(
      std::all_of(first_member, fields_->end(), [](const FieldInfo& f) { return f.level == FieldLevel::kMember; }));
}

TEST_F(TubanSchemaTest, DesilIsABoundedHouseholdInt) {
  const FieldInfo& f = Field("desil");
  EXPECT_EQ(f.level, FieldLevel::kHousehold);
  EXPECT_EQ(f.type, FieldType::kInt);
  EXPECT_STREQ(FieldTypeName(f.type), "int");
  EXPECT_EQ(f.min, 1);
  EXPECT_EQ(f.max, 10);
  EXPECT_EQ(f.label_id, "desil kesejahteraan");
  EXPECT_EQ(f.label_en, "welfare decile");
  EXPECT_THAT(f.doc, HasSubstr("DTSEN welfare decile"));
  EXPECT_FALSE(f.derived);
  EXPECT_FALSE(f.key);
  // Read directly by the targeting clauses and through the definition dtsen_miskin.
  EXPECT_THAT(f.programs, IsSupersetOf({"PKH", "SEMBAKO", "PBI_JK", "BPNTD_TUBAN"}));
}

TEST_F(TubanSchemaTest, DisabilityIsAMemberEnum) {
  const FieldInfo& f = Field("disability");
  EXPECT_EQ(f.level, FieldLevel::kMember);
  EXPECT_EQ(f.type, FieldType::kEnum);
  EXPECT_THAT(f.values, ElementsAre("none", "ringan", "sedang", "berat"));
  EXPECT_EQ(f.label_id, "tingkat disabilitas");
  EXPECT_EQ(f.label_en, "severity of disability");
  // ASPD_JATIM reads it in its own clause; PKH through the definition of its components.
  EXPECT_THAT(f.programs, IsSupersetOf({"ASPD_JATIM", "PKH"}));
}

TEST_F(TubanSchemaTest, BirthDateIsProtectedAndReadThroughTheDerivedAge) {
  const FieldInfo& birth = Field("birth_date");
  EXPECT_EQ(birth.level, FieldLevel::kMember);
  EXPECT_EQ(birth.type, FieldType::kDate);
  EXPECT_TRUE(birth.is_protected);
  EXPECT_FALSE(birth.derived);
  EXPECT_EQ(birth.label_id, "tanggal lahir");
  EXPECT_EQ(birth.label_en, "date of birth");
  EXPECT_THAT(birth.programs, IsSupersetOf({"PKH", "PIP", "ASPD_JATIM", "PKH_PLUS_JATIM"}));
  const FieldInfo& age = Field("age");
  EXPECT_TRUE(age.derived);
  EXPECT_EQ(age.type, FieldType::kInt);
  EXPECT_EQ(age.label_id, "umur");
  EXPECT_FALSE(age.is_protected);  // protected through birth_date, not itself
  // Derived fields are inlined where used; they are still listed under the programs reading them.
  EXPECT_THAT(age.programs, ::testing::IsSupersetOf({"PKH", "PIP"}));
}

TEST_F(TubanSchemaTest, AliasesKeysAndSensitiveSets) {
  const FieldInfo& kecamatan = Field("kecamatan");
  EXPECT_EQ(kecamatan.values.size(), 20u);
  EXPECT_THAT(kecamatan.aliases, Contains(std::make_pair(std::string("BANCAR"), std::string("Bancar"))));
  const FieldInfo& sex = Field("sex");
  EXPECT_TRUE(sex.is_protected);
  EXPECT_THAT(sex.aliases, Contains(std::make_pair(std::string("PEREMPUAN"), std::string("P"))));
  EXPECT_TRUE(Field("id").key);
  EXPECT_TRUE(Field("nik").key);
  EXPECT_EQ(Field("nik").level, FieldLevel::kMember);
  const FieldInfo& ppks = Field("ppks");
  EXPECT_EQ(ppks.type, FieldType::kSet);
  EXPECT_TRUE(ppks.sensitive);
  EXPECT_THAT(ppks.values, Contains("korban_trafficking"));
  const FieldInfo& area = Field("floor_area_m2");
  EXPECT_EQ(area.type, FieldType::kNumber);
  EXPECT_EQ(area.min, 0);
}

TEST_F(TubanSchemaTest, ProgramsReadingThroughEligible) {
  // meat_per_week is one of the BPS indicators FAKIR_MISKIN_BPS counts.
  // PPKS_FAKIR_MISKIN reads it through eligible('FAKIR_MISKIN_BPS') in a
  // clause; PPKS_ANAK_TERLANTAR through the definition ppks_keluarga_miskin,
  // which calls eligible('FAKIR_MISKIN_BPS').
  EXPECT_THAT(Field("meat_per_week").programs,
              IsSupersetOf({"FAKIR_MISKIN_BPS", "PPKS_FAKIR_MISKIN", "PPKS_ANAK_TERLANTAR"}));
  EXPECT_THAT(Field("meat_per_week").programs, Not(Contains("PKH")));
  // Programs are listed in pack order.
  std::vector<std::string> order;
  for (const ProgramInfo& p : pack_->programs()) order.push_back(p.id);
  for (const FieldInfo& f : *fields_) {
    std::size_t last = 0;
    for (const std::string& p : f.programs) {
      std::size_t at = static_cast<std::size_t>(std::find(order.begin(), order.end(), p) - order.begin());
      ASSERT_LT(at, order.size()) << f.name << " " << p;
      EXPECT_LE(last, at) << f.name << " lists " << p << " out of pack order";
      last = at;
    }
  }
  EXPECT_THAT(Field("address").programs, ::testing::IsEmpty());
}

TEST_F(TubanSchemaTest, HouseholdJsonSchemaProperties) {
  const std::string s = HouseholdJsonSchema(*pack_);
  EXPECT_EQ(s, HouseholdJsonSchema(*pack_)) << "not deterministic";
  simdjson::dom::parser parser;
  simdjson::dom::element doc;
  ASSERT_EQ(parser.parse(s).get(doc), simdjson::SUCCESS) << s;
  EXPECT_EQ(Text(doc, "/$schema"), "https://json-schema.org/draft/2020-12/schema");
  EXPECT_EQ(Json(doc, "/required"), R"(["id"])");
  EXPECT_EQ(Json(doc, "/properties/id/type"), R"("string")");
  EXPECT_EQ(Json(doc, "/properties/id/minLength"), "1");
  EXPECT_EQ(Json(doc, "/properties/id/x-layak-key"), "true");
  EXPECT_EQ(Text(doc, "/properties/desil/title"), "desil kesejahteraan");
  EXPECT_EQ(Text(doc, "/properties/desil/x-label-en"), "welfare decile");
  EXPECT_THAT(Text(doc, "/properties/desil/description"), HasSubstr("DTSEN welfare decile"));
  EXPECT_EQ(Text(doc, "/properties/desil/x-layak-type"), "int");
  EXPECT_EQ(Json(doc, "/properties/desil/type"), R"(["integer","null"])");
  EXPECT_EQ(Json(doc, "/properties/desil/minimum"), "1");
  EXPECT_EQ(Json(doc, "/properties/desil/maximum"), "10");
  EXPECT_THAT(Json(doc, "/properties/desil/x-layak-programs"), HasSubstr(R"(["BLT_DD","KUBE","PBI_JK","PIP","PKH",)"));
  EXPECT_EQ(Json(doc, "/properties/floor_area_m2/type"), R"(["number","null"])");
  EXPECT_EQ(Json(doc, "/properties/floor_area_m2/minimum"), "0");
  // Enum: the values, then the aliases, then null; the aliases mapped back.
  EXPECT_THAT(Json(doc, "/properties/kecamatan/enum"), HasSubstr(R"(["Kenduruan","Jatirogo",)"));
  EXPECT_THAT(Json(doc, "/properties/kecamatan/enum"), HasSubstr(R"("Grabagan","BANCAR",)"));
  EXPECT_THAT(Json(doc, "/properties/kecamatan/enum"), HasSubstr(R"("WIDANG",null])"));
  EXPECT_EQ(Text(doc, "/properties/kecamatan/x-layak-aliases/BANCAR"), "Bancar");
  EXPECT_EQ(Json(doc, "/properties/receives/type"), R"(["array","null"])");
  EXPECT_THAT(Json(doc, "/properties/receives/items/enum"), HasSubstr(R"(["PKH","SEMBAKO",)"));
  EXPECT_EQ(Json(doc, "/properties/in_dtsen/anyOf/0/type"), R"(["boolean","null"])");
  EXPECT_EQ(Json(doc, "/properties/in_dtsen/anyOf/1/enum"), "[0,1]");
  EXPECT_EQ(Text(doc, "/properties/in_dtsen/anyOf/2/pattern"),
            "^(?:1|0|[Tt][Rr][Uu][Ee]|[Ff][Aa][Ll][Ss][Ee]|[Yy][Aa]|[Tt][Ii][Dd][Aa][Kk])$");
  // Members nested, with member fields only; derived fields are left out.
  EXPECT_EQ(Json(doc, "/properties/members/type"), R"("array")");
  const std::string m = "/properties/members/items/properties/";
  EXPECT_EQ(Text(doc, m + "birth_date/format"), "date");
  EXPECT_EQ(Text(doc, m + "birth_date/pattern"), "^[0-9]{4}-[0-9]{2}-[0-9]{2}$");
  EXPECT_EQ(Json(doc, m + "birth_date/x-layak-protected"), "true");
  EXPECT_EQ(Json(doc, m + "disability/enum"), R"(["none","ringan","sedang","berat",null])");
  EXPECT_EQ(Json(doc, m + "ppks/x-layak-sensitive"), "true");
  // A person's key may be unknown, as the reader allows; the household's may not.
  EXPECT_EQ(Json(doc, m + "nik/type"), R"(["string","null"])");
  EXPECT_EQ(Json(doc, m + "age"), "(absent)");
  EXPECT_EQ(Json(doc, "/properties/nik"), "(absent)") << "a member field at household level";
  EXPECT_EQ(Json(doc, "/properties/age"), "(absent)");
  // Layout: one member per line, arrays of scalars on one line.
  EXPECT_THAT(s, HasSubstr("\n    \"desil\": {\n      \"title\": \"desil kesejahteraan\",\n"));
  EXPECT_THAT(s, HasSubstr("\n      \"type\": [\"integer\", \"null\"],\n      \"minimum\": 1,\n"));
}

TEST_F(TubanSchemaTest, DescribeSchemaJsonHasEveryDetail) {
  const std::string j = DescribeSchemaJson(*pack_);
  simdjson::dom::parser parser;
  simdjson::dom::element doc;
  ASSERT_EQ(parser.parse(j).get(doc), simdjson::SUCCESS) << j;
  EXPECT_EQ(Text(doc, "/pack"), "tuban");
  EXPECT_EQ(Text(doc, "/version"), "2026.1");
  simdjson::dom::array all;
  ASSERT_EQ(doc["fields"].get(all), simdjson::SUCCESS);
  EXPECT_EQ(all.size(), fields_->size());
  const auto at = [&](const std::string& name) {
    std::size_t i = static_cast<std::size_t>(
        std::find_if(fields_->begin(), fields_->end(), [&](const FieldInfo& f) { return f.name == name; }) -
        fields_->begin());
    return "/fields/" + std::to_string(i);
  };
  EXPECT_EQ(Text(doc, at("desil") + "/name"), "desil");
  EXPECT_EQ(Json(doc, at("desil")),
            R"j({"name":"desil","level":"household","type":"int","values":[],"aliases":{},"min":1,"max":10,)j"
            R"j("key":false,"protected":false,"sensitive":false,"derived":false,)j"
            R"j("doc":"DTSEN welfare decile; 1 = poorest 10% nationally (Inpres 4/2025)",)j"
            R"j("label":{"id":"desil kesejahteraan","en":"welfare decile"},)j"
            R"j("programs":["BLT_DD","KUBE","PBI_JK","PIP","PKH","PPKS_ANAK_BALITA_TERLANTAR","PPKS_ANAK_TERLANTAR",)j"
            R"j("PPKS_PRSE","RST","SEMBAKO","ASPD_JATIM","PKH_PLUS_JATIM","BPNTD_TUBAN"]})j");
  EXPECT_EQ(Text(doc, at("age") + "/level"), "member");
  EXPECT_EQ(Json(doc, at("age") + "/derived"), "true");
  EXPECT_EQ(Json(doc, at("birth_date") + "/label"), R"({"id":"tanggal lahir","en":"date of birth"})");
  EXPECT_EQ(Text(doc, at("sex") + "/aliases/PEREMPUAN"), "P");
  EXPECT_EQ(Json(doc, at("floor_area_m2") + "/min"), "0");
  EXPECT_THAT(j, HasSubstr("\n      \"label\": {\n        \"id\": \"tanggal lahir\",\n"));
}

// A pack written for the corners: an int key, date bounds, the pack's
// formats (day-first dates, more bool spellings), text to escape, no labels.
constexpr char kCornerPack[] = R"yaml(pack: { id: corner, version: "3" }
formats: { day_first: true, "true": [Y], "false": [N] }
schema:
  household:
    no: { type: int, key: true }
    since: { type: date, min: 2000-01-01, max: 2030-12-31, doc: "registered \"since\"\ttab" }
    ratio: { type: number, min: -0.5, max: 7.25 }
    ok: { type: bool }
  member:
    born: { type: date }
programs:
  - id: A
    criteria: [ { id: a, when: "ok and ratio < 1 and any(members, known(born))" } ]
)yaml";

TEST(SchemaCornersTest, BoundsFormatsAndEscaping) {
  std::unique_ptr<RulePack> pack = LoadText(kCornerPack);
  ASSERT_NE(pack, nullptr);
  std::vector<FieldInfo> fields = DescribeSchema(*pack);
  const FieldInfo* since = Find(fields, "since");
  ASSERT_NE(since, nullptr);
  EXPECT_EQ(FormatFieldBound(FieldType::kDate, *since->min), "2000-01-01");
  EXPECT_EQ(FormatFieldBound(FieldType::kDate, *since->max), "2030-12-31");
  EXPECT_EQ(FormatFieldBound(FieldType::kNumber, -500000), "-0.5");
  EXPECT_EQ(FormatFieldBound(FieldType::kInt, 42), "42");
  EXPECT_THAT(Find(fields, "born")->programs, ElementsAre("A"));
  EXPECT_THAT(since->programs, ::testing::IsEmpty());

  const std::string s = HouseholdJsonSchema(*pack);
  simdjson::dom::parser parser;
  simdjson::dom::element doc;
  ASSERT_EQ(parser.parse(s).get(doc), simdjson::SUCCESS) << s;
  EXPECT_EQ(Json(doc, "/required"), R"(["no"])");
  EXPECT_EQ(Json(doc, "/properties/no/type"), R"("integer")");
  EXPECT_EQ(Json(doc, "/properties/no/title"), "(absent)");
  EXPECT_EQ(Text(doc, "/properties/since/description"),
            "registered \"since\"\ttab A date YYYY-MM-DD or DD/MM/YYYY. From 2000-01-01 to 2030-12-31.");
  EXPECT_EQ(Text(doc, "/properties/since/pattern"), "^(?:[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{2}/[0-9]{2}/[0-9]{4})$");
  EXPECT_EQ(Json(doc, "/properties/since/format"), "(absent)") << "day-first dates are not format: date";
  EXPECT_EQ(Text(doc, "/properties/since/formatMinimum"), "2000-01-01");
  EXPECT_EQ(Text(doc, "/properties/since/formatMaximum"), "2030-12-31");
  EXPECT_EQ(Json(doc, "/properties/ratio/minimum"), "-0.5");
  EXPECT_EQ(Json(doc, "/properties/ratio/maximum"), "7.25");
  EXPECT_THAT(Text(doc, "/properties/ok/anyOf/2/pattern"), HasSubstr("|[Tt][Ii][Dd][Aa][Kk]|[Yy]|[Nn])$"));
  const std::string described = DescribeSchemaJson(*pack);
  ASSERT_EQ(parser.parse(described).get(doc), simdjson::SUCCESS) << described;
  EXPECT_EQ(Json(doc, "/fields/1/min"), R"("2000-01-01")");
  EXPECT_EQ(Json(doc, "/fields/2/max"), "7.25");
  EXPECT_EQ(Json(doc, "/fields/0/key"), "true");
}

}  // namespace
}  // namespace layak
