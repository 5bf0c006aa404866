// HSDS import (engine/src/refer/hsds.cc) on tests/data/hsds: the resources
// built from two organizations, four services and three Tuban locations,
// the columns left unmapped, the notes with file:line, and the CSV corner
// cases (quoted commas and newlines, doubled quotes, CRLF, unclosed quotes).
#include "refer/hsds.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "testing/testing.h"

namespace layak::refer {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

// The 20 kecamatan of Kabupaten Tuban, as in rules/nasional/schema.yaml.
const std::vector<std::string> kTuban = {"Kenduruan",  "Jatirogo",  "Bangilan",  "Bancar",   "Senori",
                                         "Tambakboyo", "Singgahan", "Kerek",     "Parengan", "Montong",
                                         "Soko",       "Jenu",      "Merakurak", "Rengel",   "Semanding",
                                         "Tuban",      "Plumpang",  "Palang",    "Widang",   "Grabagan"};

// One line per resource: the fields the mapping fills.
std::string Dump(const pack::ResourceDecl& r) {
  std::vector<std::string> services, serves;
  for (const auto& s : r.services) services.push_back(s.value);
  for (const auto& s : r.serves_kecamatan) serves.push_back(s.value);
  return absl::StrCat(r.id, " | ", r.name, " | ", r.type, " | ", absl::StrJoin(services, ","), " | ",
                      r.lat ? absl::StrCat(*r.lat, ",", *r.lon) : "-", " | ", r.kecamatan.empty() ? "-" : r.kecamatan,
                      " | ", r.serves_all ? "kabupaten" : absl::StrJoin(serves, ","), " | ", r.phone, " | ", r.email,
                      " | ", r.hours, " | ", absl::StrJoin(r.documents, ","), " | ", r.address,
                      r.capacity || r.accepts ? " | capacity or accepts set!" : "");
}

TEST(HsdsTest, ResourcesFromTheFixture) {
  LAYAK_ASSERT_OK_AND_ASSIGN(HsdsImport in, ReadHsds(testing::SourcePath("tests/data/hsds"), kTuban));
  std::vector<std::string> got;
  for (const pack::ResourceDecl& r : in.resources) got.push_back(Dump(r));
  EXPECT_THAT(
      got,
      ElementsAre(
          "hsds-svc-pkh@loc-dinsos | Pendampingan PKH — Dinas Sosial P3A Kabupaten Tuban | hsds | pendampingan_pkh | "
          "-6.897,112.064 | Tuban | kabupaten | (0356) 321084 | dinsos@tubankab.go.id |  | KTP,Kartu Keluarga (KK) | "
          "Jl. Teuku Umar No. 5, Ronggomulyo, Tuban, Jawa Timur, 62311",
          "hsds-svc-pkh@loc-jenu | Pendampingan PKH — Dinas Sosial P3A Kabupaten Tuban | hsds | pendampingan_pkh | "
          "-6.8195,111.981 | Jenu | kabupaten | 0812-3300-4411 | dinsos@tubankab.go.id | Selasa 08:00-12:00 | "
          "KTP,Kartu Keluarga (KK) | ",
          "hsds-svc-lansia@loc-dinsos | Layanan Lanjut Usia (ATENSI) — Dinas Sosial P3A Kabupaten Tuban | hsds | "
          "layanan_lanjut_usia_atensi | -6.897,112.064 | Tuban | Tuban,Semanding,Palang | (0356) 321084 | "
          "atensi@tubankab.go.id | Senin 08:00-15:00; Jumat 08:00-11:00 | KTP lansia | "
          "Jl. Teuku Umar No. 5, Ronggomulyo, Tuban, Jawa Timur, 62311",
          "hsds-svc-singgah@loc-singgah | Rumah Singgah \"Mentari\" — LKS Bina Sejahtera | hsds | "
          "rumah_singgah_mentari | - | Semanding | Semanding,Merakurak | (0356) 552310 ext. 12 | "
          "binasejahtera@example.org |  |  | Jl. Raya Semanding Km 3, SEMANDING, Kabupaten Tuban, Jawa Timur, 62381",
          "hsds-svc-konseling | Konseling Telepon — LKS Bina Sejahtera | hsds | konseling_telepon | - | - | "
          "kabupaten | 0811-3070-129 | binasejahtera@example.org |  |  | "));
}

TEST(HsdsTest, UnmappedColumnsAndTables) {
  LAYAK_ASSERT_OK_AND_ASSIGN(HsdsImport in, ReadHsds(testing::SourcePath("tests/data/hsds"), kTuban));
  EXPECT_THAT(
      in.unmapped,
      ElementsAre("eligibility.id", "language.csv (not read)", "location.alternate_name", "location.description",
                  "location.organization_id", "location.transportation", "organization.alternate_name",
                  "organization.description", "organization.legal_status", "organization.npwp", "organization.url",
                  "phone.contact_id", "phone.description", "phone.id", "phone.language", "phone.type",
                  "physical_address.attention", "physical_address.country", "physical_address.id",
                  "regular_schedule.id", "required_document.id", "service.alternate_name", "service.description",
                  "service.fees", "service_area.id", "service_at_location.description"));
}

TEST(HsdsTest, NotesSayFileLineAndWhy) {
  LAYAK_ASSERT_OK_AND_ASSIGN(HsdsImport in, ReadHsds(testing::SourcePath("tests/data/hsds"), kTuban));
  EXPECT_THAT(
      in.notes,
      ElementsAre(
          "location.csv:4: latitude '-6,9312' is not a number; the location has no coordinates",
          "service_area.csv:2: service area 'Kabupaten Tuban' names no kecamatan of the pack; read as the "
          "whole kabupaten",
          "service_area.csv:5: in service area 'Lamongan / Merakurak', 'Lamongan' names no kecamatan of the "
          "pack and is ignored",
          // The quoted field keeps its comma and its newline; the next record is on line 4.
          "eligibility.csv:2: eligibility of service 'svc-pkh' is text and is not turned into an accepts "
          "rule: 'Keluarga penerima PKH, terdaftar di DTSEN\n(desil 1-4)'",
          "eligibility.csv:4: eligibility of service 'svc-lansia' is text and is not turned into an accepts "
          "rule: 'lansia 60 tahun ke atas'",
          "service.csv:5: service 'svc-konseling' has no usable service_at_location row; imported as one resource "
          "without a location"));
}

// A folder of small tables written for one test.
class HsdsDirTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = absl::StrCat(::testing::TempDir(), "/hsds_", getpid(), "_",
                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    Write("organization.csv", "id,name\no1,Org\n");
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  void Write(const std::string& file, const std::string& text) {
    std::ofstream(dir_ + "/" + file, std::ios::binary) << text;
  }
  std::string dir_;
};

TEST_F(HsdsDirTest, MissingOrganizationIsAnError) {
  std::filesystem::remove(dir_ + "/organization.csv");
  Write("service.csv", "id,name\ns1,A\n");
  absl::StatusOr<HsdsImport> in = ReadHsds(dir_, kTuban);
  ASSERT_FALSE(in.ok());
  EXPECT_EQ(in.status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(in.status().message(), HasSubstr("organization.csv"));
}

TEST_F(HsdsDirTest, MissingFolderOrHeaderIsAnError) {
  EXPECT_THAT(ReadHsds(dir_ + "/nope", kTuban).status().message(), HasSubstr("nope"));
  Write("service.csv", "");
  absl::StatusOr<HsdsImport> in = ReadHsds(dir_, kTuban);
  EXPECT_EQ(in.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(in.status().message(), HasSubstr("service.csv: no header row"));
}

TEST_F(HsdsDirTest, QuotedFieldsCrlfAndBadRows) {
  // CRLF, a quoted name with a comma, a newline and a doubled quote, a blank
  // line, a row with too few fields and a quote never closed.
  Write("service.csv",
        "id,organization_id,name\r\n"
        "s1,o1,\"Dapur Umum, \"\"Lumbung\"\"\r\nDesa\"\r\n"
        "\r\n"
        "s2,o1\r\n"
        "s3,o2,Posyandu\r\n"
        "s4,o1,\"never closed\n");
  LAYAK_ASSERT_OK_AND_ASSIGN(HsdsImport in, ReadHsds(dir_, kTuban));
  ASSERT_EQ(in.resources.size(), 2u);
  EXPECT_EQ(in.resources[0].name, "Dapur Umum, \"Lumbung\"\nDesa — Org");
  EXPECT_EQ(in.resources[0].services[0].value, "dapur_umum_lumbung_desa");
  EXPECT_EQ(in.resources[1].name, "Posyandu");
  EXPECT_THAT(in.notes,
              ElementsAre("service.csv:7: a quoted field is not closed; it and what follows are ignored",
                          "service.csv:5: the row has 2 fields and the header 3; the row is ignored",
                          "service.csv:2: service 's1' has no usable service_at_location row; imported as one "
                          "resource without a location",
                          "service.csv:6: organization 'o2' is not in organization.csv",
                          "service.csv:6: service 's3' has no usable service_at_location row; imported as one "
                          "resource without a location"));
}

TEST_F(HsdsDirTest, InactiveServicesOrphanRowsAndHsds3Columns) {
  Write("service.csv",
        "id,name,status,eligibility_description,minimum_age\n"
        "s1,Panti Werdha,active,Lansia terlantar,60\n"
        "s2,Bedah Rumah,inactive,,\n");
  Write("location.csv", "id,name,latitude,longitude\nl1,Panti,-6.9,112.05\n");
  Write(
      "address.csv",  // HSDS 3.0: one table with address_type
      "id,location_id,address_1,city,address_type\na1,l1,Jl. Postal,Jenu,postal\na2,l1,Jl. Panti 1,Palang,physical\n");
  Write("service_at_location.csv", "id,service_id,location_id\nx1,s1,l1\nx2,s1,l9\nx3,s9,l1\n");
  LAYAK_ASSERT_OK_AND_ASSIGN(HsdsImport in, ReadHsds(dir_, kTuban));
  ASSERT_EQ(in.resources.size(), 1u);
  EXPECT_EQ(in.resources[0].id, "hsds-s1@l1");
  EXPECT_EQ(in.resources[0].kecamatan, "Palang");
  EXPECT_EQ(in.resources[0].address, "Jl. Panti 1, Palang");
  EXPECT_FALSE(in.resources[0].accepts.has_value());
  EXPECT_THAT(in.unmapped, ElementsAre("address.id"));
  EXPECT_THAT(in.notes, ElementsAre("service_at_location.csv:3: location 'l9' is not in location.csv; the row is "
                                    "ignored",
                                    "service_at_location.csv:4: service 's9' is not in service.csv; the row is ignored",
                                    "service.csv:2: eligibility of service 's1' is text and is not turned into an "
                                    "accepts rule: 'Lansia terlantar; minimum_age 60'",
                                    "service.csv:3: service 's2' has status 'inactive'; not imported"));
}

TEST(HsdsSlugTest, Slugs) {
  EXPECT_EQ(HsdsSlug("Pendampingan PKH"), "pendampingan_pkh");
  EXPECT_EQ(HsdsSlug("  Layanan Lanjut Usia (ATENSI) "), "layanan_lanjut_usia_atensi");
  EXPECT_EQ(HsdsSlug("Rehabilitasi — Disabilitas"), "rehabilitasi_disabilitas");
  EXPECT_EQ(HsdsSlug("—"), "");
}

}  // namespace
}  // namespace layak::refer
