// gen_caseload.cc: deterministic synthetic caseload generator for the rules/tuban pack.
// Writes households.csv + members.csv and/or caseload.jsonl carrying every input field the
// pack's programs, definitions and needs read. Each household draws from its own stream,
// seeded by (seed, household index), with integer-only sampling, so the same arguments give
// byte-identical files on any platform. Entry point: main(); usage in README.md.

#include <algorithm>
#include <array>
#include <cerrno>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <initializer_list>
#include <iterator>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace {

// ----- Tuban: kecamatan and desa (shared/data/tuban_wilayah.csv, domain.md §3.2) -----------

constexpr int kNumKec = 20;
// In code order 35.23.01-20, as schema.yaml lists them.
constexpr std::array<std::string_view, kNumKec> kKecamatan = {
    "Kenduruan", "Jatirogo", "Bangilan", "Bancar", "Senori", "Tambakboyo", "Singgahan",
    "Kerek",     "Parengan", "Montong",  "Soko",   "Jenu",   "Merakurak",  "Rengel",
    "Semanding", "Tuban",    "Plumpang", "Palang", "Widang", "Grabagan"};
// 2020 census population (domain.md §3.2, German Wikipedia mirror; Bancar derived there as
// the 2020 total minus the others). Households are drawn in proportion; sum 1,198,012.
constexpr std::array<int, kNumKec> kKecPopulation = {28343,  55534, 48052, 58241, 41653, 42137, 41345,
                                                     67163,  53603, 53343, 83814, 55363, 58781, 59306,
                                                     114136, 84542, 78147, 86743, 48726, 39040};
// On the Java Sea coast (fishers possible): Bancar, Tambakboyo, Jenu, Tuban, Palang.
constexpr std::array<bool, kNumKec> kCoastal = {false, false, false, true,  false, true, false, false, false, false,
                                                false, true,  false, false, false, true, false, true,  false, false};
// On the Bengawan Solo floodplain (flood victims possible): Soko, Rengel, Plumpang, Widang.
constexpr std::array<bool, kNumKec> kFloodplain = {false, false, false, false, false, false, false,
                                                   false, false, false, true,  false, false, true,
                                                   false, false, true,  false, true,  false};
// The 328 desa and kelurahan, by kecamatan, in code order (Kepmendagri 300.2.2-2138/2025 via
// cahyadsn/wilayah, MIT, Copyright (c) 2017-2025 Cahya DSN; see shared/data/README.md).
constexpr std::array<const char*, kNumKec> kDesa = {
    // 35.23.01 Kenduruan (9)
    "Jlodro|Sokogunung|Jamprong|Tawaran|Sidomukti|Bendonglateng|Sidohasri|Sidorejo|Sokogrenjeng",
    // 35.23.02 Jatirogo (18)
    "Kebonharjo|Wangi|Ketodan|Karangtengah|Bader|Paseyan|Besowo|Jombok|Sadang|Wotsogo|Ngepon|"
    "Sugihan|Sidomulyo|Kedungmakam|Demit|Jatiklabang|Sekaran|Dingil",
    // 35.23.03 Bangilan (14)
    "Klakeh|Bate|Sidotentrem|Kedungjambangan|Kablukan|Sidokumpul|Bangilan|Sidodadi|Kumpulrejo|"
    "Banjarworo|Ngrojo|Weden|Kedungharjo|Kedungmulyo",
    // 35.23.04 Bancar (24)
    "Tlogoagung|Ngujuran|Latsari|Sukolilo|Tenggerkulon|Bulujowo|Siding|Tergambang|Bulumeduro|"
    "Banjarjo|Boncong|Jatisari|Sumberan|Kayen|Bogorejo|Sembungin|Karangrejo|Sukoharjo|Pugoh|"
    "Bancar|Ngampelrejo|Sidomulyo|Margosuko|Cingklung",
    // 35.23.05 Senori (12)
    "Medalem|Jatisari|Kaligede|Banyuurip|Leran|Wonosari|Sendang|Wanglukulon|Wangluwetan|"
    "Sidoharjo|Rayung|Katerban",
    // 35.23.06 Tambakboyo (18)
    "Dikir|Ngulahan|Plajan|Mander|Belikanget|Cokrowati|Pulogede|Gadon|Sotang|Pabeyan|Klutuk|"
    "Tambakboyo|Dasin|Kenanti|Sawir|Sobontoro|Merkawang|Glondonggede",
    // 35.23.07 Singgahan (12)
    "Lajo Kidul|Lajo Lor|Tanggir|Tanjungrejo|Binangun|Mergosari|Mulyoagung|Tunggulrejo|Tingkis|"
    "Mulyorejo|Saringembat|Kedungjambe",
    // 35.23.08 Kerek (17)
    "Gemulung|Sidonganti|Trantang|Wolutengah|Tenggerwetan|Gaji|Hargoretno|Margorejo|Kedungrejo|"
    "Jarorejo|Mliwang|Kasiman|Margomulyo|Temayang|Sumberarum|Karanglo|Padasan",
    // 35.23.09 Parengan (18)
    "Sembung|Kemlaten|Sukorejo|Ngawun|Mergoasri|Kumpulrejo|Parangbatu|Wukirharjo|Cengkong|"
    "Brangkal|Margorejo|Dagangan|Suciharjo|Pacing|Selogabus|Sugihwaras|Sendangrejo|Mojomalang",
    // 35.23.10 Montong (13)
    "Guwoterus|Nguluhan|Tanggulangin|Manjung|Talangkembar|Montongsekar|Pakel|Sumurgung|Bringin|"
    "Pucangan|Maindu|Jetak|Talun",
    // 35.23.11 Soko (23)
    "Tluwe|Wadung|Jati|Menilo|Cekalang|Pandanagung|Prambontergayang|Klumpit|Simo|Mentoro|"
    "Kendalrejo|Nguruan|Jegulo|Sokosari|Bangunrejo|Mojoagung|Gununganyar|Sumurcinde|Pandanwangi|"
    "Sandingrowo|Rahayu|Glagahsari|Kenongosari",
    // 35.23.12 Jenu (17)
    "Karangasem|Socorejo|Temaji|Purworejo|Tasikharjo|Sumurgeneng|Suwalan|Remen|Beji|Wadung|"
    "Rawasan|Mentoso|Jenggolo|Kaliuntu|Sekardadi|Jenu|Sugihwaras",
    // 35.23.13 Merakurak (19)
    "Tlogowaru|Tobo|Temandang|Tuwiri Wetan|Pongpongan|Tuwiri Kulon|Sugihan|Senori|Sembungrejo|"
    "Kapu|Tahulu|Tegalrejo|Borehbangle|Sambonggede|Sumber|Mandirejo|Sendanghaji|Bogorejo|"
    "Sumberjo",
    // 35.23.14 Rengel (16)
    "Kebonagung|Pekuwon|Rengel|Maibit|Bulurejo|Karangtinoto|Sawahan|Kanorejo|Tambakrejo|"
    "Ngadirejo|Sumberejo|Punggulrejo|Campurejo|Banjaragung|Banjararum|Prambonwetan",
    // 35.23.15 Semanding (17)
    "Karang|Gedongombo|Jadi|Boto|Prunggahan Kulon|Tegalagung|Bektiharjo|Ngino|Prunggahan Wetan|"
    "Sambongrejo|Semanding|Bejagung|Penambangan|Genaharjo|Kowang|Tunah|Gesing",
    // 35.23.16 Tuban (17 kelurahan)
    "Mondokan|Perbon|Latsari|Karangsari|Kingking|Ronggomulyo|Sidorejo|Doromukti|Sidomulyo|"
    "Kutorejo|Kebonsari|Sendangharjo|Baturetno|Sukolilo|Sumurgung|Sugiharjo|Kembangbilo",
    // 35.23.17 Plumpang (18)
    "Trutup|Kesamben|Kepohagung|Kedungrojo|Sumurjalak|Sembungrejo|Sumberagung|Cangkring|"
    "Plumpang|Plandirejo|Ngrayung|Bandungrejo|Jatimulyo|Klotok|Magersari|Kebomlati|Penidon|"
    "Kedungsoko",
    // 35.23.18 Palang (19)
    "Panyuran|Tasikmadu|Tegalbang|Sumurgung|Kradenan|Dawung|Cendoro|Ngimbang|Pucangan|"
    "Gesikharjo|Palang|Glodog|Leran Kulon|Leran Wetan|Wangun|Karangagung|Pliwetan|Cepokorejo|"
    "Ketambul",
    // 35.23.19 Widang (16)
    "Patihan|Minohorejo|Mrutuk|Compreng|Sumberjo|Ngadipuro|Ngadirejo|Bunut|Widang|Banjar|"
    "Tegalsari|Mlangi|Simorejo|Kedungharjo|Kujung|Tegalrejo",
    // 35.23.20 Grabagan (11)
    "Ngarum|Ngrejeng|Grabagan|Waleran|Banyubang|Gesikan|Ngandong|Dahor|Dermawuharjo|Menyunyur|"
    "Pakis",
};

// NIK region codes (province, kabupaten, kecamatan) for people registered outside Tuban:
// Bojonegoro and Lamongan (Jawa Timur), Blora and Rembang (Jawa Tengah).
constexpr std::array<std::string_view, 4> kOutsideRegion = {"352201", "352401", "331601", "331701"};
constexpr int kNumRegions = kNumKec + 4;

// ----- enum spellings, exactly as rules/tuban/schema.yaml declares them ------------------

// clang-format off
constexpr std::array<std::string_view, 12> kReceives = {
    "PKH", "SEMBAKO", "PBI_JK", "PIP", "BLT_DD", "ASPD_JATIM", "ASPDB", "BPNTD", "PKH_PLUS", "RST", "KUBE",
    "BLT_KESRA"};
constexpr std::array<std::string_view, 7> kFloor = {
    "tanah", "bambu", "kayu_murah", "semen", "keramik", "kayu_baik", "lainnya"};
constexpr std::array<std::string_view, 7> kWall = {
    "bambu", "rumbia", "kayu_murah", "tembok_tanpa_plester", "tembok", "kayu_baik", "lainnya"};
constexpr std::array<std::string_view, 6> kRoof = {"ijuk_rumbia", "genteng", "seng", "asbes", "beton", "lainnya"};
constexpr std::array<std::string_view, 4> kToilet = {"sendiri", "bersama", "umum", "tidak_ada"};
constexpr std::array<std::string_view, 4> kLighting = {
    "pln_meter", "pln_tanpa_meter", "listrik_non_pln", "bukan_listrik"};
constexpr std::array<std::string_view, 10> kWater = {
    "ledeng", "air_kemasan", "sumur_bor", "sumur_terlindung", "sumur_tak_terlindung", "mata_air_terlindung",
    "mata_air_tak_terlindung", "sungai", "air_hujan", "lainnya"};
constexpr std::array<std::string_view, 6> kFuel = {"listrik", "gas", "minyak_tanah", "arang", "kayu_bakar", "lainnya"};
constexpr std::array<std::string_view, 12> kOccupation = {
    "petani_gurem", "petani", "buruh_tani", "nelayan", "buruh_bangunan", "buruh_perkebunan", "pedagang",
    "karyawan", "asn_tni_polri", "wiraswasta", "lainnya", "tidak_bekerja"};
constexpr std::array<std::string_view, 14> kBps = {
    "bps_lantai_sempit", "bps_lantai_tanah", "bps_dinding_buruk", "bps_tanpa_jamban", "bps_tanpa_listrik",
    "bps_air_tak_layak", "bps_bahan_bakar_kayu", "bps_jarang_daging", "bps_satu_stel_pakaian",
    "bps_makan_1_2_kali", "bps_tak_mampu_berobat", "bps_pekerjaan_rendah", "bps_pendidikan_rendah",
    "bps_tanpa_aset"};
constexpr std::array<std::string_view, 3> kNikStatus = {"valid", "tidak_ada", "tidak_valid"};
constexpr std::array<std::string_view, 2> kSex = {"L", "P"};
constexpr std::array<std::string_view, 9> kRelation = {
    "kepala", "pasangan", "anak", "menantu", "cucu", "orang_tua", "mertua", "famili_lain", "lainnya"};
constexpr std::array<std::string_view, 4> kDisability = {"none", "ringan", "sedang", "berat"};
constexpr std::array<std::string_view, 5> kJkn = {"pbi_pusat", "pbi_daerah", "mandiri", "pekerja", "none"};
constexpr std::array<std::string_view, 6> kEducation = {
    "tidak_sekolah", "tidak_tamat_sd", "sd", "smp", "sma", "perguruan_tinggi"};
constexpr std::array<std::string_view, 6> kSchoolLevel = {"none", "paud", "sd", "smp", "sma", "pt"};
constexpr std::array<std::string_view, 26> kPpks = {
    "anak_balita_terlantar", "anak_terlantar", "abh", "anak_jalanan", "anak_disabilitas",
    "anak_korban_kekerasan", "anak_perlindungan_khusus", "lanjut_usia_terlantar", "penyandang_disabilitas",
    "tuna_susila", "gelandangan", "pengemis", "pemulung", "kelompok_minoritas", "bekas_warga_binaan_lp", "odha",
    "korban_napza", "korban_trafficking", "korban_tindak_kekerasan", "pekerja_migran_bermasalah",
    "korban_bencana_alam", "korban_bencana_sosial", "perempuan_rawan_sosial_ekonomi", "fakir_miskin",
    "keluarga_bermasalah_sosial_psikologis", "komunitas_adat_terpencil"};
constexpr std::array<std::string_view, 3> kAbhRole = {"tersangka", "korban", "saksi"};
// clang-format on

// Indices into the tables above.
constexpr uint8_t kMale = 0, kFemale = 1;
constexpr uint8_t kKepala = 0, kPasangan = 1, kAnak = 2, kMenantu = 3, kCucu = 4, kOrangTua = 5, kMertua = 6,
                  kFamiliLain = 7;
constexpr uint8_t kNikTidakAda = 1;
constexpr uint8_t kDisSedang = 2, kDisBerat = 3;
constexpr uint8_t kJknPbiPusat = 0, kJknPbiDaerah = 1, kJknMandiri = 2, kJknPekerja = 3, kJknNone = 4;
constexpr uint8_t kLvNone = 0, kLvPaud = 1, kLvSd = 2, kLvSmp = 3, kLvSma = 4, kLvPt = 5;
constexpr uint8_t kEduTidakSekolah = 0, kEduTidakTamatSd = 1, kEduSd = 2, kEduSmp = 3, kEduSma = 4;
constexpr uint8_t kOccNelayan = 3, kOccBuruhBangunan = 4, kOccKaryawan = 7, kOccAsn = 8, kOccTidakBekerja = 11;
constexpr uint8_t kNoAbh = 255;
constexpr int kRcvPkh = 0, kRcvSembako = 1, kRcvPbiJk = 2, kRcvPip = 3, kRcvBltDd = 4, kRcvAspdJatim = 5, kRcvAspdb = 6,
              kRcvBpntd = 7, kRcvPkhPlus = 8, kRcvRst = 9, kRcvKube = 10, kRcvBltKesra = 11;

// ----- distributions (assumed unless a source is named; README.md lists them) -------------

// Household size 1..9 in basis points: mean 3.745.
constexpr std::array<int, 9> kSizeBp = {800, 1600, 2200, 2400, 1600, 800, 400, 150, 50};
// DTSEN desil 1..10, skewed toward the poor because the caseload is a social registry.
constexpr std::array<int, 10> kDesilPct = {18, 16, 14, 12, 10, 8, 7, 6, 5, 4};
// Per-capita monthly income by desil, Rp. Desil 1-2 straddle Tuban's poverty line
// (Rp504,823 a month in March 2025, parameters.yaml garis_kemiskinan_tuban).
constexpr std::array<int64_t, 11> kPerCapita = {0,      330000,  450000,  560000,  680000, 800000,
                                                950000, 1150000, 1400000, 1800000, 2800000};
// Welfare class, which the tables below are indexed by: 0 = extreme poor (a third of desil 1),
// 1 = the rest of desil 1-2, 2 = desil 3-5, 3 = desil 6-10. The extreme class makes
// deprivations co-occur, as they do, so that some households meet 9 of the 14 BPS indicators.
constexpr int kExtreme = 0, kPoor = 1, kMiddle = 2, kUpper = 3;
constexpr std::array<std::array<int, 12>, 4> kOccupationW = {{
    {16, 4, 30, 4, 14, 3, 4, 1, 0, 2, 6, 16},
    {14, 8, 24, 4, 12, 2, 6, 4, 0, 5, 6, 15},
    {10, 12, 15, 4, 10, 2, 10, 12, 1, 9, 6, 9},
    {4, 12, 5, 3, 5, 1, 14, 24, 8, 16, 4, 4},
}};
constexpr std::array<std::array<int, 7>, 4> kFloorW = {
    {{45, 5, 10, 30, 8, 1, 1}, {22, 2, 4, 45, 24, 1, 2}, {8, 1, 2, 42, 44, 1, 2}, {1, 0, 0, 18, 79, 1, 1}}};
constexpr std::array<std::array<int, 7>, 4> kWallW = {
    {{25, 3, 30, 20, 18, 3, 1}, {10, 1, 16, 18, 48, 5, 2}, {4, 0, 8, 14, 68, 5, 1}, {1, 0, 2, 5, 88, 3, 1}}};
constexpr std::array<std::array<int, 6>, 4> kRoofW = {
    {{8, 70, 8, 12, 0, 2}, {2, 80, 5, 11, 0, 2}, {1, 82, 4, 10, 2, 1}, {0, 80, 2, 8, 9, 1}}};
constexpr std::array<std::array<int, 4>, 4> kToiletW = {
    {{40, 20, 5, 35}, {70, 14, 3, 13}, {84, 9, 2, 5}, {95, 4, 0, 1}}};
constexpr std::array<std::array<int, 4>, 4> kLightingW = {
    {{700, 230, 20, 50}, {850, 130, 10, 10}, {920, 72, 4, 4}, {985, 13, 1, 1}}};
constexpr std::array<std::array<int, 10>, 4> kWaterW = {{{8, 10, 20, 22, 20, 6, 6, 3, 3, 2},
                                                         {12, 18, 28, 22, 9, 3, 3, 1, 2, 2},
                                                         {14, 30, 28, 17, 4, 2, 1, 1, 1, 2},
                                                         {15, 50, 22, 10, 1, 1, 0, 0, 0, 1}}};
constexpr std::array<std::array<int, 6>, 4> kFuelW = {
    {{0, 35, 3, 2, 59, 1}, {0, 62, 1, 1, 35, 1}, {1, 80, 1, 1, 16, 1}, {3, 93, 0, 0, 3, 1}}};
// Floor area in centi-m²: a base in [lo, hi] plus, per person, an amount in [lo, hi].
constexpr std::array<std::array<int, 4>, 4> kArea = {
    {{500, 1500, 300, 900}, {800, 2000, 450, 1100}, {1200, 3000, 700, 1600}, {2000, 6000, 1000, 2500}}};
// BPS indicators 8-11 (meat, clothes, meals, treatment), which no detailed field records.
constexpr std::array<std::array<int, 4>, 4> kSurveyBp = {
    {{8500, 5500, 2500, 500}, {8000, 5000, 2200, 400}, {5000, 2000, 600, 100}, {7500, 4000, 1500, 200}}};
// Highest education completed for adults not in school, by birth cohort (65+, 50-64, 35-49, 19-34).
constexpr std::array<std::array<int, 6>, 4> kEduCohort = {
    {{30, 30, 28, 6, 5, 1}, {12, 22, 40, 13, 11, 2}, {4, 9, 37, 23, 23, 4}, {1, 3, 18, 28, 42, 8}}};
// Disability none/ringan/sedang/berat in basis points, for under 18, 18-59, 60+.
constexpr std::array<std::array<int, 4>, 3> kDisabilityBp = {
    {{9840, 80, 50, 30}, {9730, 150, 80, 40}, {9200, 400, 250, 150}}};
// JKN membership of households not recorded as receiving PBI_JK.
constexpr std::array<std::array<int, 5>, 4> kJknW = {
    {{10, 50, 10, 2, 28}, {10, 45, 15, 5, 25}, {5, 35, 30, 15, 15}, {2, 10, 48, 30, 10}}};
constexpr std::array<int, 5> kJknActiveBp = {9200, 8500, 7000, 9700, 0};
constexpr std::array<int, 4> kSmaStayBp = {5500, 6500, 7500, 8800};  // enrolled at 16-18
constexpr std::array<int, 4> kPtBp = {200, 400, 1200, 3000};         // at university at 19-23

// ----- random numbers: splitmix64, integer sampling only -----------------------------------

constexpr uint64_t kGamma = 0x9E3779B97F4A7C15ULL;
constexpr uint64_t kValueStream = 0, kMaskStream = 1, kShuffleStream = 2;

constexpr uint64_t Mix64(uint64_t z) {
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

// One stream per (seed, household index, purpose). Never pass two draws as arguments of one
// call or operands of one operator: their order would be unspecified.
class Rng {
 public:
  Rng(uint64_t seed, uint64_t index, uint64_t stream)
      : state_(Mix64(Mix64(seed ^ 0x6C6179616B67656EULL) ^ (index * 4 + stream))) {}
  uint64_t Next() {
    state_ += kGamma;
    return Mix64(state_);
  }
  // Uniform in [0, n) for 0 < n < 2^32 (bias below n / 2^32).
  uint32_t Below(uint32_t n) { return static_cast<uint32_t>(((Next() >> 32) * n) >> 32); }
  int Range(int lo, int hi) { return lo + static_cast<int>(Below(static_cast<uint32_t>(hi - lo + 1))); }
  bool Bp(int basis_points) { return static_cast<int>(Below(10000)) < basis_points; }
  // True with probability ppb / 10^9.
  bool Ppb(uint32_t ppb) { return ((Next() >> 32) * 1000000000ULL) >> 32 < ppb; }
  int Pick(const int* w, size_t n) {
    uint32_t total = 0;
    for (size_t i = 0; i < n; ++i) total += static_cast<uint32_t>(w[i]);
    uint32_t x = Below(total);
    for (size_t i = 0; i + 1 < n; ++i) {
      if (x < static_cast<uint32_t>(w[i])) return static_cast<int>(i);
      x -= static_cast<uint32_t>(w[i]);
    }
    return static_cast<int>(n - 1);
  }
  template <size_t N>
  int Pick(const std::array<int, N>& w) {
    return Pick(w.data(), N);
  }
  int Pick(std::initializer_list<int> w) { return Pick(w.begin(), w.size()); }

 private:
  uint64_t state_;
};

// ----- dates (proleptic Gregorian, days since 1970-01-01; H. Hinnant's algorithms) ----------

struct Civil {
  int y, m, d;
};

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
int DaysInMonth(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}
int64_t DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
}
Civil CivilFromDays(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return {static_cast<int>(yoe + era * 400 + (m <= 2)), m, d};
}
// The same day `years` earlier (29 February becomes 28 February in a common year).
int64_t YearsBefore(const Civil& c, int years) {
  const int y = c.y - years;
  return DaysFromCivil(y, c.m, std::min(c.d, DaysInMonth(y, c.m)));
}

// ----- the model -------------------------------------------------------------------------

struct Options {
  uint64_t households = 0;
  bool households_set = false;
  std::string out_dir;
  uint64_t seed = 1;
  uint32_t unknown_ppb = 0;  // share of non-key cells left unknown, in parts per 10^9
  bool csv = true, jsonl = true, shuffle_members = false;
  Civil as_of{2026, 1, 1};
};

struct Member {
  int age = 0;
  int64_t birth_days = 0;
  int region = 0;  // NIK region: 0-19 the household's kecamatan, 20-23 kOutsideRegion
  uint8_t sex = 0, relation = 0, nik_status = 0, disability = 0, education = 0;
  uint8_t school_level = 0, school_grade = 0, jkn = 0, abh_role = kNoAbh;  // grade 0: none
  bool nik_jatim = true, pregnant = false, chronic_illness = false, enrolled = false;
  bool layak_pip = false, has_kip = false, state_employee = false, jkn_active = false;
  bool has_menantu = false;  // generation only
  uint32_t ppks = 0;
  char nik[17] = {};
};

struct Household {
  char id[17] = {};
  int kec = 0, desa = 0, desil = 0, cls = 0;  // desil is drawn for all; written when in_dtsen
  bool in_dtsen = false, house_damaged = false, lost_livelihood = false;
  uint32_t receives = 0;
  int64_t floor_centi = 0;  // floor area in 1/100 m²
  int floor_digits = 1;     // fractional digits written: 1 or 2
  uint8_t floor_material = 0, wall_material = 0, roof_material = 0, toilet = 0, lighting = 0;
  uint8_t water_source = 0, cooking_fuel = 0, occupation = 0;
  int64_t income = 0, head_income = 0, assets = 0;
  std::array<bool, 14> bps{};
  std::vector<Member> members;
  size_t head = 0;
};

std::array<std::vector<std::string_view>, kNumKec> g_desa;
std::array<int, kNumKec> g_kec_cumulative;

void InitTables() {
  int sum = 0;
  for (int k = 0; k < kNumKec; ++k) {
    sum += kKecPopulation[k];
    g_kec_cumulative[k] = sum;
    std::string_view all(kDesa[k]);
    for (size_t pos = 0;;) {
      const size_t bar = all.find('|', pos);
      g_desa[k].push_back(all.substr(pos, bar - pos));
      if (bar == std::string_view::npos) break;
      pos = bar + 1;
    }
  }
}

// Writes v as exactly `width` decimal digits (v < 10^width), zero-padded; returns the end.
char* PutDigits(char* p, uint64_t v, int width) {
  for (int i = width - 1; i >= 0; --i, v /= 10) p[i] = static_cast<char>('0' + v % 10);
  return p + width;
}

int64_t RoundTo(int64_t v, int64_t step) { return (v + step / 2) / step * step; }

// An age uniform within a band; bounds has one more element than weights.
int BandAge(Rng& r, std::initializer_list<int> bounds, std::initializer_list<int> weights) {
  const size_t band = static_cast<size_t>(r.Pick(weights));
  return r.Range(bounds.begin()[band], bounds.begin()[band + 1] - 1);
}

// A household member other than the head and spouse, with an age that fits the relation.
Member MakeRelative(Rng& r, std::vector<Member>& ms, int head_age, int mother_age, bool spouse) {
  int parents = 0, single_adult = -1;
  for (size_t i = 0; i < ms.size(); ++i) {
    if (ms[i].relation == kOrangTua || ms[i].relation == kMertua) ++parents;
    if (ms[i].relation == kAnak && ms[i].age >= 20 && !ms[i].has_menantu && single_adult < 0) {
      single_adult = static_cast<int>(i);
    }
  }
  const int w_menantu = single_adult >= 0 ? 8 : 0;
  const int w_cucu = head_age >= 45 ? std::min(35, head_age - 35) : 0;
  const int w_parent = head_age <= 50 && parents < 2 ? 6 : 0;
  const int w_mertua = w_parent > 0 && spouse ? 4 : 0;
  Member m;
  m.relation = static_cast<uint8_t>(kAnak + r.Pick({80, w_menantu, w_cucu, w_parent, w_mertua, 4, 1}));
  m.sex = static_cast<uint8_t>(r.Below(2));
  switch (m.relation) {
    case kAnak:  // mother aged 18 to 42 at the birth
      m.age = r.Range(std::max(0, mother_age - 42), std::max(0, mother_age - 18));
      break;
    case kMenantu: {
      Member& child = ms[static_cast<size_t>(single_adult)];
      child.has_menantu = true;
      m.sex = child.sex == kMale ? kFemale : kMale;
      m.age = std::max(18, child.age + r.Range(-3, 3));
      break;
    }
    case kCucu:
      m.age = r.Range(0, std::max(0, std::min(25, head_age - 38)));
      break;
    case kOrangTua:
    case kMertua:
      m.sex = r.Bp(6500) ? kFemale : kMale;
      m.age = std::min(100, head_age + r.Range(18, 35));
      break;
    case kFamiliLain:
      m.age = r.Range(3, 75);
      break;
    default:  // lainnya
      m.age = r.Range(15, 60);
  }
  return m;
}

// Relations, sexes and ages: one kepala, usually listed first, as on a KK.
void MakeRoster(Rng& r, Household& h, int size) {
  std::vector<Member>& ms = h.members;
  ms.assign(1, Member{});
  const int head_age =
      size == 1 ? BandAge(r, {20, 40, 60, 91}, {20, 30, 50}) : BandAge(r, {22, 35, 50, 65, 86}, {22, 38, 28, 12});
  const uint8_t head_sex = r.Bp(size == 1 ? 5500 : head_age >= 60 ? 2500 : 1000) ? kFemale : kMale;
  ms[0].relation = kKepala;
  ms[0].age = head_age;
  ms[0].sex = head_sex;
  int mother_age = head_sex == kFemale ? head_age : head_age - 4;
  const bool spouse = size >= 2 && r.Bp(head_sex == kMale ? 9200 : 300);
  if (spouse) {
    Member s;
    s.relation = kPasangan;
    s.sex = head_sex == kMale ? kFemale : kMale;
    s.age = head_sex == kMale ? std::max(17, head_age - r.Range(-2, 8)) : std::max(19, head_age + r.Range(-2, 6));
    if (s.sex == kFemale) mother_age = s.age;
    ms.push_back(s);
  }
  while (static_cast<int>(ms.size()) < size) ms.push_back(MakeRelative(r, ms, head_age, mother_age, spouse));
  // KK order: kepala, pasangan, anak (eldest first), menantu, cucu, ... Insertion sort: stable.
  for (size_t i = 1; i < ms.size(); ++i) {
    for (size_t j = i; j > 0 && (ms[j].relation < ms[j - 1].relation ||
                                 (ms[j].relation == ms[j - 1].relation && ms[j].age > ms[j - 1].age));
         --j) {
      std::swap(ms[j], ms[j - 1]);
    }
  }
  h.head = 0;
  if (ms.size() >= 2 && r.Bp(200)) {  // some registries do not list the kepala first
    std::swap(ms[0], ms[1]);
    h.head = 1;
  }
}

// School ages: SD 7-12 (grades 1-6), SMP 13-15 (7-9), SMA 16-18 (10-12), PAUD 4-6.
void FillSchool(Rng& r, int cls, Member& m) {
  const int a = m.age;
  int grade = 0;
  uint8_t level = kLvNone;
  if (a == 6 && r.Bp(2500)) {
    grade = 1;
  } else if (a >= 4 && a <= 6) {
    if (r.Bp(a == 6 ? 6500 : 5500)) level = kLvPaud;
  } else if (a >= 7 && a <= 19) {
    const int stay = a <= 12 ? 9800 : a <= 15 ? 9300 : a <= 18 ? kSmaStayBp[cls] : 800;
    if (r.Bp(stay)) {
      grade = std::min(12, a - 6);
      if (grade > 1 && a <= 18 && r.Bp(800)) --grade;  // started late or repeated a year
    }
  }
  if (grade > 0) level = grade <= 6 ? kLvSd : grade <= 9 ? kLvSmp : kLvSma;
  if (level == kLvNone && a >= 19 && a <= 23 && r.Bp(kPtBp[cls])) level = kLvPt;
  m.school_level = level;
  m.school_grade = static_cast<uint8_t>(grade);
  m.enrolled = level != kLvNone;
}

// Highest level completed: follows the level attended, else the birth cohort and welfare.
uint8_t Education(Rng& r, int cls, const Member& m) {
  switch (m.school_level) {
    case kLvPaud:
      return kEduTidakSekolah;
    case kLvSd:
      return kEduTidakTamatSd;
    case kLvSmp:
      return kEduSd;
    case kLvSma:
      return kEduSmp;
    case kLvPt:
      return kEduSma;
    default:
      break;
  }
  const int a = m.age;
  if (a < 7) return kEduTidakSekolah;
  if (a <= 12) return static_cast<uint8_t>(r.Pick({50, 50}));
  if (a <= 15) return static_cast<uint8_t>(r.Pick({0, 20, 80}));
  if (a <= 18) return static_cast<uint8_t>(r.Pick({0, 5, 35, 45, 15}));
  int e = r.Pick(kEduCohort[a >= 65 ? 0 : a >= 50 ? 1 : a >= 35 ? 2 : 3]);
  if (cls <= kPoor && e > 0 && r.Bp(cls == kExtreme ? 5000 : 3500)) --e;
  if (cls == kUpper && e < 5 && r.Bp(3500)) ++e;
  return static_cast<uint8_t>(e);
}

void FillHealth(Rng& r, Member& m) {
  const int a = m.age;
  m.disability = static_cast<uint8_t>(r.Pick(kDisabilityBp[a < 18 ? 0 : a < 60 ? 1 : 2]));
  int chronic = a < 18 ? 100 : a < 40 ? 300 : a < 60 ? 1000 : 2500;
  if (m.disability >= kDisSedang) chronic += 1500;
  m.chronic_illness = r.Bp(chronic);
  m.pregnant = false;
  if (m.sex == kFemale && a >= 15 && a <= 49) {  // pregnant or postpartum
    int bp = a < 20 ? 400 : a < 35 ? 1400 : a < 45 ? 600 : 50;
    if (m.relation == kKepala) {
      bp /= 4;
    } else if (m.relation != kPasangan && m.relation != kMenantu) {
      bp /= 10;
    }
    m.pregnant = r.Bp(bp);
  }
}

void FillPerson(Rng& r, const Options& o, const Household& h, Member& m) {
  const int64_t hi = YearsBefore(o.as_of, m.age);  // `age` completed years on as_of
  const int64_t lo = YearsBefore(o.as_of, m.age + 1) + 1;
  m.birth_days = lo + r.Below(static_cast<uint32_t>(hi - lo + 1));
  FillSchool(r, h.cls, m);
  m.education = Education(r, h.cls, m);
  FillHealth(r, m);
  m.nik_status = static_cast<uint8_t>(r.Pick(m.age == 0   ? std::array<int, 3>{8200, 1500, 300}
                                             : h.in_dtsen ? std::array<int, 3>{9600, 100, 300}
                                                          : std::array<int, 3>{9400, 300, 300}));
  const uint8_t rel = m.relation;
  const int away_bp = rel == kKepala                        ? 100
                      : rel == kPasangan || rel == kMenantu ? 600
                      : rel == kOrangTua || rel == kMertua  ? 400
                      : rel >= kFamiliLain                  ? 1000
                                                            : 0;
  m.region = r.Bp(away_bp) ? kNumKec + static_cast<int>(r.Below(4)) : h.kec;
  m.nik_jatim = m.nik_status != kNikTidakAda && m.region < kNumKec + 2;
}

void MakeEconomy(Rng& r, Household& h) {
  const Member& head = h.members[h.head];
  std::array<int, 12> w = kOccupationW[static_cast<size_t>(h.cls)];
  if (!kCoastal[static_cast<size_t>(h.kec)]) w[kOccNelayan] = 0;
  if (head.sex == kFemale) w[kOccBuruhBangunan] = 0;
  h.occupation = static_cast<uint8_t>(head.age >= 65 && r.Bp(4500) ? kOccTidakBekerja : r.Pick(w));
  const int64_t size = static_cast<int64_t>(h.members.size());
  const int64_t per_capita = kPerCapita[static_cast<size_t>(h.desil)];
  int64_t income = RoundTo(per_capita * size * r.Range(h.cls == kExtreme ? 45 : 60, 150) / 100, 10000);
  if (h.occupation == kOccTidakBekerja) income = r.Bp(2500) ? 0 : RoundTo(income / 2, 10000);
  h.income = income;
  h.head_income =
      h.occupation == kOccTidakBekerja ? 0 : std::min(income, RoundTo(income * r.Range(45, 100) / 100, 10000));
  static constexpr int kZeroBp[] = {7000, 4000, 1500, 500}, kLo[] = {1, 1, 2, 10}, kHi[] = {10, 30, 100, 800};
  h.assets = r.Bp(kZeroBp[h.cls]) ? 0 : 50000LL * r.Range(kLo[h.cls], kHi[h.cls]);
  static constexpr int kLostBp[] = {1000, 700, 400, 150};
  h.lost_livelihood = r.Bp(kLostBp[h.cls]);
}

void MakeHousing(Rng& r, Household& h) {
  const size_t c = static_cast<size_t>(h.cls);
  const int64_t base = r.Range(kArea[c][0], kArea[c][1]);
  const int64_t per_person = r.Range(kArea[c][2], kArea[c][3]);
  int64_t centi = base + per_person * static_cast<int64_t>(h.members.size());
  h.floor_digits = r.Bp(6500) ? 1 : 2;
  if (h.floor_digits == 1) centi = RoundTo(centi, 10);
  h.floor_centi = centi;
  h.floor_material = static_cast<uint8_t>(r.Pick(kFloorW[c]));
  h.wall_material = static_cast<uint8_t>(r.Pick(kWallW[c]));
  h.roof_material = static_cast<uint8_t>(r.Pick(kRoofW[c]));
  static constexpr int kDamagedBp[] = {2500, 1200, 500, 100};
  h.house_damaged = r.Bp(kDamagedBp[c]);
  h.toilet = static_cast<uint8_t>(r.Pick(kToiletW[c]));
  h.lighting = static_cast<uint8_t>(r.Pick(kLightingW[c]));
  h.water_source = static_cast<uint8_t>(r.Pick(kWaterW[c]));
  h.cooking_fuel = static_cast<uint8_t>(r.Pick(kFuelW[c]));
}

// The 14 BPS flags as a registry recorded them: the ones the detailed fields determine agree
// with them (definitions.yaml ind_*) except for 2% stale records; 8-11 are survey answers.
void MakeBps(Rng& r, Household& h) {
  const Member& head = h.members[h.head];
  const auto in = [](uint8_t v, std::initializer_list<uint8_t> set) {
    return std::find(set.begin(), set.end(), v) != set.end();
  };
  const std::array<bool, 14> derived = {h.floor_centi < 800 * static_cast<int64_t>(h.members.size()),
                                        in(h.floor_material, {0, 1, 2}),
                                        in(h.wall_material, {0, 1, 2, 3}),
                                        in(h.toilet, {1, 2, 3}),
                                        h.lighting == 3,
                                        in(h.water_source, {4, 6, 7, 8}),
                                        in(h.cooking_fuel, {2, 3, 4}),
                                        false,
                                        false,
                                        false,
                                        false,
                                        in(h.occupation, {0, 2, 3, 4, 5}) || h.head_income < 600000,
                                        head.education <= kEduSd,
                                        h.assets < 500000};
  for (size_t i = 0; i < derived.size(); ++i) {
    if (i >= 7 && i <= 10) {
      h.bps[i] = r.Bp(kSurveyBp[i - 7][static_cast<size_t>(h.cls)]);
    } else {
      h.bps[i] = derived[i] != r.Bp(200);
    }
  }
}

// Programmes already received: mostly by the targeted deciles, with some inclusion error.
void MakeReceives(Rng& r, Household& h) {
  bool component = false, pupil = false, berat = false, aspd_age = false, elder70 = false;
  for (const Member& m : h.members) {
    const bool school = m.enrolled && m.school_level >= kLvSd && m.school_level <= kLvSma;
    pupil = pupil || school;
    component = component || school || m.pregnant || m.age < 7 || m.age >= 60 || m.disability == kDisBerat;
    berat = berat || m.disability == kDisBerat;
    aspd_age = aspd_age || (m.disability == kDisBerat && m.age <= 60);
    elder70 = elder70 || m.age >= 70;
  }
  const bool target = h.in_dtsen && h.desil <= 4;
  uint32_t bits = 0;
  const auto give = [&](int bit, int bp) {
    if (r.Bp(bp)) bits |= 1u << bit;
  };
  give(kRcvPkh, component ? (target ? 3000 : 100) : 0);
  give(kRcvSembako, target ? 3000 : 200);
  give(kRcvPbiJk, target ? 4500 : h.in_dtsen && h.desil <= 6 ? 1500 : 300);
  give(kRcvPip, pupil ? (target ? 2500 : 300) : 0);
  give(kRcvBltDd, target ? 800 : 150);
  give(kRcvAspdJatim, aspd_age ? 2000 : 0);
  give(kRcvAspdb, berat ? 300 : 0);
  give(kRcvBpntd, h.cls <= kPoor ? 200 : 0);
  give(kRcvPkhPlus, elder70 && target ? 800 : 0);
  give(kRcvRst, h.house_damaged && target ? 500 : 0);
  give(kRcvKube, target ? 100 : 0);
  give(kRcvBltKesra, target ? 1200 : 50);
  h.receives = bits;
}

// JKN, PIP/KIP marks and state employment, which depend on the household's situation.
void FillBenefits(Rng& r, Household& h) {
  uint8_t base_jkn = 0;
  if (h.receives & (1u << kRcvPbiJk)) {
    base_jkn = r.Bp(8500) ? kJknPbiPusat : kJknPbiDaerah;
  } else if ((h.occupation == kOccKaryawan || h.occupation == kOccAsn) && r.Bp(8500)) {
    base_jkn = kJknPekerja;
  } else {
    base_jkn = static_cast<uint8_t>(r.Pick(kJknW[static_cast<size_t>(h.cls)]));
  }
  const bool poor = h.desil <= 4;
  const bool asn_head = h.occupation == kOccAsn;
  for (size_t i = 0; i < h.members.size(); ++i) {
    Member& m = h.members[i];
    m.jkn = r.Bp(9500) ? base_jkn : r.Bp(5000) ? kJknNone : kJknMandiri;
    m.jkn_active = r.Bp(kJknActiveBp[m.jkn]);
    const bool pupil = m.enrolled && m.school_level >= kLvSd && m.school_level <= kLvSma;
    m.layak_pip = pupil && r.Bp(poor ? 4500 : 800);
    m.has_kip = (pupil || m.school_level == kLvPt) && r.Bp(poor ? 3000 : 500);
    int se = 0;
    if (i == h.head) {
      se = asn_head ? 10000 : m.age >= 58 ? (h.cls == kUpper ? 1500 : h.cls == kMiddle ? 300 : 0) : 0;
    } else if (m.relation == kPasangan && asn_head) {
      se = 1000;
    } else if (m.age >= 20) {
      se = m.age <= 57 ? (h.cls == kUpper ? 150 : 20) : (h.cls == kUpper ? 400 : 50);
    }
    m.state_employee = r.Bp(se);
  }
}

// PPKS categories and a child's role in a criminal case: rare, except where named.
void FillPpks(Rng& r, Household& h) {
  const bool flood = kFloodplain[static_cast<size_t>(h.kec)] && r.Bp(150);
  const bool kbsp = r.Bp(30);
  const bool alone = h.members.size() == 1;
  for (Member& m : h.members) {
    const int a = m.age;
    uint32_t p = 0;
    const auto add = [&](int bit, int bp) {
      if (r.Bp(bp)) p |= 1u << bit;
    };
    add(a < 18 ? 4 : 8, m.disability >= kDisSedang ? 4000 : 0);                         // anak_/penyandang_disabilitas
    add(7, a >= 60 ? (alone && h.cls <= kPoor ? 2500 : 50) : 0);                        // lanjut_usia_terlantar
    add(23, m.relation == kKepala && h.cls <= kPoor ? 1500 : 0);                        // fakir_miskin
    add(22, m.relation == kKepala && m.sex == kFemale && h.cls <= kMiddle ? 1500 : 0);  // perempuan rawan
    add(18, a >= 18 && m.sex == kFemale ? 20 : 0);                                      // korban_tindak_kekerasan
    add(5, a < 18 ? 10 : 0);                                                            // anak_korban_kekerasan
    add(0, a < 5 ? 5 : 0);                                                              // anak_balita_terlantar
    add(1, a >= 5 && a < 18 && h.cls <= kPoor ? 30 : 0);                                // anak_terlantar
    add(17, a >= 18 && a <= 45 ? 2 : 0);                                                // korban_trafficking
    add(19, a >= 20 && a <= 50 ? 10 : 0);                                               // pekerja_migran_bermasalah
    if (flood) p |= 1u << 20;                                                           // korban_bencana_alam
    if (kbsp && a >= 18) p |= 1u << 24;                                                 // keluarga_bermasalah_...
    m.abh_role = kNoAbh;
    if (a >= 12 && a < 18) {
      const uint32_t x = r.Below(10000);
      if (x < 10) {
        m.abh_role = 0;  // tersangka
        p |= 1u << 2;    // abh
      } else if (x < 25) {
        m.abh_role = x < 20 ? 1 : 2;  // korban, saksi
      }
    }
    m.ppks = p;
  }
}

void MakeHousehold(const Options& o, uint64_t index, Household& h) {
  Rng r(o.seed, index, kValueStream);
  std::memcpy(h.id, "3523", 4);
  PutDigits(h.id + 4, index + 1, 12);
  const int x = static_cast<int>(r.Below(static_cast<uint32_t>(g_kec_cumulative[kNumKec - 1])));
  h.kec = static_cast<int>(std::upper_bound(g_kec_cumulative.begin(), g_kec_cumulative.end(), x) -
                           g_kec_cumulative.begin());
  h.desa = static_cast<int>(r.Below(static_cast<uint32_t>(g_desa[static_cast<size_t>(h.kec)].size())));
  h.in_dtsen = r.Bp(9200);
  h.desil = r.Pick(kDesilPct) + 1;
  h.cls = h.desil == 1 && r.Bp(3500) ? kExtreme : h.desil <= 2 ? kPoor : h.desil <= 5 ? kMiddle : kUpper;
  MakeRoster(r, h, r.Pick(kSizeBp) + 1);
  for (Member& m : h.members) FillPerson(r, o, h, m);
  MakeEconomy(r, h);
  MakeHousing(r, h);
  MakeBps(r, h);
  MakeReceives(r, h);
  FillBenefits(r, h);
  FillPpks(r, h);
}

[[noreturn]] void Die(const std::string& message) {
  std::fprintf(stderr, "layak_gen: %s\n", message.c_str());
  std::exit(2);
}

// NIK = region (6) + birth day (+40 for women) + month + 2-digit year + serial (4), the serial
// counting per region, birth date and sex, so keys are unique. A person with no NIK gets a
// temporary intake id "3523" + kecamatan + "99" + 8-digit serial ("99" is never a NIK day).
class NikMint {
 public:
  NikMint() : serial_(static_cast<size_t>(kNumRegions) * 12 * 31 * 100 * 2), temp_(kNumKec) {}
  void Assign(Household& h) {
    for (Member& m : h.members) {
      char* p = m.nik;
      if (m.nik_status == kNikTidakAda) {
        const uint32_t n = ++temp_[static_cast<size_t>(h.kec)];
        if (n > 99999999) Die("too many temporary ids in one kecamatan");
        p = PutDigits(PutDigits(p, 3523, 4), static_cast<uint64_t>(h.kec + 1), 2);
        PutDigits(PutDigits(p, 99, 2), n, 8);
        continue;
      }
      const Civil b = CivilFromDays(m.birth_days);
      const size_t key =
          ((((static_cast<size_t>(m.region) * 12 + static_cast<size_t>(b.m - 1)) * 31 + static_cast<size_t>(b.d - 1)) *
                100 +
            static_cast<size_t>(b.y % 100)) *
           2) +
          m.sex;
      const unsigned n = ++serial_[key];
      if (n > 9999) Die("NIK serials exhausted (too many households)");
      if (m.region < kNumKec) {
        p = PutDigits(PutDigits(p, 3523, 4), static_cast<uint64_t>(m.region + 1), 2);
      } else {
        std::memcpy(p, kOutsideRegion[static_cast<size_t>(m.region - kNumKec)].data(), 6);
        p += 6;
      }
      p = PutDigits(p, static_cast<uint64_t>(b.d + (m.sex == kFemale ? 40 : 0)), 2);
      p = PutDigits(p, static_cast<uint64_t>(b.m), 2);
      p = PutDigits(p, static_cast<uint64_t>(b.y % 100), 2);
      PutDigits(p, n, 4);
    }
  }

 private:
  std::vector<uint16_t> serial_;
  std::vector<uint32_t> temp_;
};

// ----- writing: one list of columns, walked by a header, CSV, JSON and counting emitter -----

void AppendInt(std::string& s, int64_t v) {
  char buf[24];
  const auto res = std::to_chars(buf, buf + sizeof buf, v);
  s.append(buf, static_cast<size_t>(res.ptr - buf));
}
void AppendDigits(std::string& s, int v, int width) {
  char buf[8];
  s.append(buf, static_cast<size_t>(PutDigits(buf, static_cast<uint64_t>(v), width) - buf));
}
void AppendDate(std::string& s, int64_t days) {
  const Civil c = CivilFromDays(days);
  AppendDigits(s, c.y, 4);
  s.push_back('-');
  AppendDigits(s, c.m, 2);
  s.push_back('-');
  AppendDigits(s, c.d, 2);
}
void AppendDecimal(std::string& s, int64_t centi, int digits) {
  AppendInt(s, centi / 100);
  s.push_back('.');
  if (digits == 1) {
    AppendDigits(s, static_cast<int>(centi % 100 / 10), 1);
  } else {
    AppendDigits(s, static_cast<int>(centi % 100), 2);
  }
}
void AppendCsvText(std::string& s, std::string_view v) {
  bool plain = true;  // a plain loop: find_first_of costs four memchr calls per cell
  for (char c : v) plain = plain && c != ',' && c != '"' && c != '\n' && c != '\r';
  if (plain) {
    s.append(v);
    return;
  }
  s.push_back('"');
  for (char c : v) {
    if (c == '"') s.push_back('"');
    s.push_back(c);
  }
  s.push_back('"');
}
void AppendJsonText(std::string& s, std::string_view v) {
  s.push_back('"');
  for (char c : v) {
    if (c == '"' || c == '\\') {
      s.push_back('\\');
      s.push_back(c);
    } else if (static_cast<unsigned char>(c) < 0x20) {
      static constexpr char kHex[] = "0123456789abcdef";
      s.append("\\u00");
      s.push_back(kHex[(c >> 4) & 0xF]);
      s.push_back(kHex[c & 0xF]);
    } else {
      s.push_back(c);
    }
  }
  s.push_back('"');
}

// Every emitter takes the same calls. Non-key cells consume one mask entry each, whether or
// not the value exists, so CSV and JSONL hide the same cells.
class CsvRow {
 public:
  CsvRow(std::string& out, const uint8_t* hidden) : out_(out), hidden_(hidden) {}
  void Parent(std::string_view, std::string_view v) {
    Sep();
    out_.append(v);
  }
  void Key(std::string_view, std::string_view v) {
    Sep();
    AppendCsvText(out_, v);
  }
  void Text(std::string_view, std::string_view v, bool present = true) {
    if (Show(present)) AppendCsvText(out_, v);
  }
  void Int(std::string_view, int64_t v, bool present = true) {
    if (Show(present)) AppendInt(out_, v);
  }
  void Bool(std::string_view, bool v) {
    if (Show(true)) out_.append(v ? "true" : "false");
  }
  void Decimal(std::string_view, int64_t centi, int digits) {
    if (Show(true)) AppendDecimal(out_, centi, digits);
  }
  void Date(std::string_view, int64_t days) {
    if (Show(true)) AppendDate(out_, days);
  }
  template <size_t N>
  void Set(std::string_view, uint32_t bits, const std::array<std::string_view, N>& names) {
    if (!Show(true)) return;
    if (bits == 0) out_.append("{}");
    for (size_t i = 0; i < N; ++i) {
      if (!(bits >> i & 1u)) continue;
      out_.append(names[i]);
      if (bits >> (i + 1)) out_.push_back('|');
    }
  }
  void End() { out_.push_back('\n'); }

 private:
  void Sep() {
    if (started_) out_.push_back(',');
    started_ = true;
  }
  bool Show(bool present) {
    Sep();
    return !hidden_[cell_++] && present;
  }
  std::string& out_;
  const uint8_t* hidden_;
  size_t cell_ = 0;
  bool started_ = false;
};

class JsonObject {
 public:
  JsonObject(std::string& out, const uint8_t* hidden) : out_(out), hidden_(hidden) { out_.push_back('{'); }
  void Parent(std::string_view, std::string_view) {}  // members are nested instead
  void Key(std::string_view name, std::string_view v) {
    Name(name);
    AppendJsonText(out_, v);
  }
  void Text(std::string_view name, std::string_view v, bool present = true) {
    if (Show(name, present)) AppendJsonText(out_, v);
  }
  void Int(std::string_view name, int64_t v, bool present = true) {
    if (Show(name, present)) AppendInt(out_, v);
  }
  void Bool(std::string_view name, bool v) {
    if (Show(name, true)) out_.append(v ? "true" : "false");
  }
  void Decimal(std::string_view name, int64_t centi, int digits) {
    if (Show(name, true)) AppendDecimal(out_, centi, digits);
  }
  void Date(std::string_view name, int64_t days) {
    if (!Show(name, true)) return;
    out_.push_back('"');
    AppendDate(out_, days);
    out_.push_back('"');
  }
  template <size_t N>
  void Set(std::string_view name, uint32_t bits, const std::array<std::string_view, N>& names) {
    if (!Show(name, true)) return;
    out_.push_back('[');
    for (size_t i = 0; i < N; ++i) {
      if (!(bits >> i & 1u)) continue;
      AppendJsonText(out_, names[i]);
      if (bits >> (i + 1)) out_.push_back(',');
    }
    out_.push_back(']');
  }
  void Name(std::string_view name) {
    if (started_) out_.push_back(',');
    started_ = true;
    out_.push_back('"');
    out_.append(name);
    out_.append("\":");
  }
  void End() { out_.push_back('}'); }

 private:
  bool Show(std::string_view name, bool present) {
    const bool show = !hidden_[cell_++] && present;
    if (show) Name(name);
    return show;
  }
  std::string& out_;
  const uint8_t* hidden_;
  size_t cell_ = 0;
  bool started_ = false;
};

// Collects the column names (for the CSV header) and counts the maskable cells.
class ColumnList {
 public:
  void Parent(std::string_view name, std::string_view) { names.emplace_back(name); }
  void Key(std::string_view name, std::string_view) { names.emplace_back(name); }
  void Text(std::string_view name, std::string_view, bool = true) { Cell(name); }
  void Int(std::string_view name, int64_t, bool = true) { Cell(name); }
  void Bool(std::string_view name, bool) { Cell(name); }
  void Decimal(std::string_view name, int64_t, int) { Cell(name); }
  void Date(std::string_view name, int64_t) { Cell(name); }
  template <size_t N>
  void Set(std::string_view name, uint32_t, const std::array<std::string_view, N>&) {
    Cell(name);
  }
  std::string Header() const {
    std::string s;
    for (const std::string& n : names) s.append(s.empty() ? "" : ",").append(n);
    return s + "\n";
  }
  std::vector<std::string> names;
  size_t cells = 0;

 private:
  void Cell(std::string_view name) {
    names.emplace_back(name);
    ++cells;
  }
};

template <class E>
void EmitHousehold(const Household& h, E& e) {
  e.Key("id", std::string_view(h.id, 16));
  e.Text("kecamatan", kKecamatan[static_cast<size_t>(h.kec)]);
  e.Text("desa", g_desa[static_cast<size_t>(h.kec)][static_cast<size_t>(h.desa)]);
  e.Bool("in_dtsen", h.in_dtsen);
  e.Int("desil", h.desil, h.in_dtsen);  // a household outside DTSEN has no decile
  e.Set("receives", h.receives, kReceives);
  e.Decimal("floor_area_m2", h.floor_centi, h.floor_digits);
  e.Text("floor_material", kFloor[h.floor_material]);
  e.Text("wall_material", kWall[h.wall_material]);
  e.Text("roof_material", kRoof[h.roof_material]);
  e.Bool("house_damaged", h.house_damaged);
  e.Text("toilet", kToilet[h.toilet]);
  e.Text("lighting", kLighting[h.lighting]);
  e.Text("water_source", kWater[h.water_source]);
  e.Text("cooking_fuel", kFuel[h.cooking_fuel]);
  e.Int("income_month", h.income);
  e.Int("head_income_month", h.head_income);
  e.Text("head_occupation", kOccupation[h.occupation]);
  e.Int("assets_value", h.assets);
  e.Bool("lost_livelihood", h.lost_livelihood);
  for (size_t i = 0; i < kBps.size(); ++i) e.Bool(kBps[i], h.bps[i]);
}

template <class E>
void EmitMember(const Household& h, const Member& m, E& e) {
  e.Parent("household_id", std::string_view(h.id, 16));
  e.Key("nik", std::string_view(m.nik, 16));
  e.Text("nik_status", kNikStatus[m.nik_status]);
  e.Bool("nik_jatim", m.nik_jatim);
  e.Date("birth_date", m.birth_days);
  e.Text("sex", kSex[m.sex]);
  e.Text("relation", kRelation[m.relation]);
  e.Bool("pregnant", m.pregnant);
  e.Text("disability", kDisability[m.disability]);
  e.Bool("chronic_illness", m.chronic_illness);
  e.Text("jkn", kJkn[m.jkn]);
  e.Bool("jkn_active", m.jkn_active);
  e.Text("education", kEducation[m.education]);
  e.Bool("enrolled", m.enrolled);
  e.Text("school_level", kSchoolLevel[m.school_level]);
  e.Int("school_grade", m.school_grade, m.school_grade > 0);  // none outside SD-SMA
  e.Bool("layak_pip", m.layak_pip);
  e.Bool("has_kip", m.has_kip);
  e.Bool("state_employee", m.state_employee);
  e.Set("ppks", m.ppks, kPpks);
  e.Text("abh_role", m.abh_role == kNoAbh ? "" : kAbhRole[m.abh_role], m.abh_role != kNoAbh);
}

// A file written through a 1 MiB buffer; any failure ends the run with exit status 2.
class OutFile {
 public:
  static constexpr size_t kFlushAt = 1 << 20;
  void Open(const std::filesystem::path& path) {
    path_ = path.string();
    file_ = std::fopen(path_.c_str(), "wb");
    if (file_ == nullptr) Die("cannot write " + path_ + ": " + std::strerror(errno));
    buf_.reserve(kFlushAt + (64 << 10));
  }
  bool is_open() const { return file_ != nullptr; }
  std::string& buf() { return buf_; }
  void MaybeFlush() {
    if (buf_.size() >= kFlushAt) Flush();
  }
  void Flush() {
    if (!buf_.empty() && std::fwrite(buf_.data(), 1, buf_.size(), file_) != buf_.size()) {
      Die("write error on " + path_);
    }
    buf_.clear();
  }
  void Close() {
    Flush();
    if (std::fclose(file_) != 0) Die("write error on " + path_);
    file_ = nullptr;
  }

 private:
  std::string path_;
  std::FILE* file_ = nullptr;
  std::string buf_;
};

// members.csv rows kept in memory for --shuffle-members: 64 MiB chunks, each row located by
// (chunk << 32 | offset) and ending at its '\n'.
class RowStore {
 public:
  static constexpr size_t kChunk = 64 << 20;
  std::string& Begin() {
    if (chunks_.empty() || chunks_.back().size() >= kChunk) {
      chunks_.emplace_back();
      chunks_.back().reserve(kChunk + (64 << 10));
    }
    rows_.push_back(static_cast<uint64_t>(chunks_.size() - 1) << 32 | chunks_.back().size());
    return chunks_.back();
  }
  void WriteShuffled(uint64_t seed, OutFile& out) {
    Rng r(seed, 0, kShuffleStream);  // Fisher-Yates
    for (size_t i = rows_.size(); i > 1; --i) std::swap(rows_[i - 1], rows_[r.Next() % i]);
    for (uint64_t row : rows_) {
      const std::string& chunk = chunks_[row >> 32];
      const char* p = chunk.data() + (row & 0xFFFFFFFFu);
      const char* end = static_cast<const char*>(std::memchr(p, '\n', chunk.size() - (row & 0xFFFFFFFFu)));
      out.buf().append(p, static_cast<size_t>(end - p + 1));
      out.MaybeFlush();
    }
  }

 private:
  std::vector<std::string> chunks_;
  std::vector<uint64_t> rows_;
};

// ----- command line -------------------------------------------------------------------------

constexpr char kUsage[] =
    "usage: layak_gen --households N --out-dir DIR [--seed S] [--unknown P] [--format csv|jsonl|both]\n"
    "                 [--shuffle-members] [--as-of YYYY-MM-DD]\n"
    "Writes DIR/households.csv + DIR/members.csv and/or DIR/caseload.jsonl for rules/tuban.\n"
    "  --seed S            unsigned 64-bit seed (default 1)\n"
    "  --unknown P         share 0..1 of non-key cells left unknown (default 0)\n"
    "  --format F          csv, jsonl or both (default both)\n"
    "  --shuffle-members   write members.csv rows in a pseudo-random order\n"
    "  --as-of DATE        date the ages are drawn against (default 2026-01-01)\n";

bool ParseU64(std::string_view s, uint64_t* v) {
  const auto res = std::from_chars(s.data(), s.data() + s.size(), *v);
  return !s.empty() && res.ec == std::errc() && res.ptr == s.data() + s.size();
}

// A share 0..1 written as a decimal ("0.1", ".25", "1"), to parts per 10^9, exactly.
bool ParseShare(std::string_view s, uint32_t* ppb) {
  const size_t dot = s.find('.');
  const std::string_view whole = s.substr(0, dot);
  const std::string_view frac = dot == std::string_view::npos ? std::string_view() : s.substr(dot + 1);
  if ((whole.empty() && frac.empty()) || frac.size() > 9) return false;
  uint64_t w = 0, f = 0;
  if (!whole.empty() && !ParseU64(whole, &w)) return false;
  if (!frac.empty() && !ParseU64(frac, &f)) return false;
  for (size_t i = frac.size(); i < 9; ++i) f *= 10;
  if (w > 1 || (w == 1 && f > 0)) return false;
  *ppb = static_cast<uint32_t>(w * 1000000000 + f);
  return true;
}

bool ParseDate(std::string_view s, Civil* c) {
  uint64_t y = 0, m = 0, d = 0;
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  if (!ParseU64(s.substr(0, 4), &y) || !ParseU64(s.substr(5, 2), &m) || !ParseU64(s.substr(8, 2), &d)) return false;
  if (y < 1900 || m < 1 || m > 12 || d < 1 ||
      d > static_cast<uint64_t>(DaysInMonth(static_cast<int>(y), static_cast<int>(m)))) {
    return false;
  }
  *c = {static_cast<int>(y), static_cast<int>(m), static_cast<int>(d)};
  return true;
}

Options ParseArgs(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    std::string_view flag = argv[i], value;
    const size_t eq = flag.find('=');
    const bool inline_value = flag.substr(0, 2) == "--" && eq != std::string_view::npos;
    if (inline_value) {
      value = flag.substr(eq + 1);
      flag = flag.substr(0, eq);
    }
    if (flag == "--help" || flag == "-h") {
      std::fputs(kUsage, stdout);
      std::exit(0);
    }
    if (flag == "--shuffle-members" && !inline_value) {
      o.shuffle_members = true;
      continue;
    }
    static constexpr std::string_view kValued[] = {"--households", "--out-dir", "--seed",
                                                   "--unknown",    "--format",  "--as-of"};
    if (std::find(std::begin(kValued), std::end(kValued), flag) == std::end(kValued)) {
      Die("unknown flag " + std::string(argv[i]) + "\n" + kUsage);
    }
    if (!inline_value) {
      if (i + 1 >= argc) Die(std::string(flag) + " needs a value\n" + kUsage);
      value = argv[++i];
    }
    const std::string what = std::string(flag) + " " + std::string(value);
    if (flag == "--households") {
      if (!ParseU64(value, &o.households) || o.households > 100000000) Die("bad " + what + " (0..100000000)");
      o.households_set = true;
    } else if (flag == "--out-dir") {
      if (value.empty()) Die("empty --out-dir");
      o.out_dir = std::string(value);
    } else if (flag == "--seed") {
      if (!ParseU64(value, &o.seed)) Die("bad " + what + " (an unsigned 64-bit integer)");
    } else if (flag == "--unknown") {
      if (!ParseShare(value, &o.unknown_ppb)) Die("bad " + what + " (a share 0..1, at most 9 decimals)");
    } else if (flag == "--format") {
      if (value != "csv" && value != "jsonl" && value != "both") Die("bad " + what + " (csv, jsonl or both)");
      o.csv = value != "jsonl";
      o.jsonl = value != "csv";
    } else {  // --as-of
      if (!ParseDate(value, &o.as_of)) Die("bad " + what + " (a date YYYY-MM-DD, year >= 1900)");
    }
  }
  if (!o.households_set || o.out_dir.empty()) Die(std::string("--households and --out-dir are required\n") + kUsage);
  return o;
}

void MakeMasks(const Options& o, uint64_t index, std::vector<uint8_t>& mask) {
  if (o.unknown_ppb == 0) return;  // stays all zero
  Rng r(o.seed, index, kMaskStream);
  for (uint8_t& hidden : mask) hidden = r.Ppb(o.unknown_ppb) ? 1 : 0;
}

// The output files of one run; households are written in index order.
class CaseloadWriter {
 public:
  explicit CaseloadWriter(const Options& o) : o_(o) {
    Household h;
    h.members.resize(1);
    EmitHousehold(h, hh_cols_);
    EmitMember(h, h.members[0], mem_cols_);
    std::error_code ec;
    const std::filesystem::path dir(o.out_dir);
    std::filesystem::create_directories(dir, ec);
    if (ec) Die("cannot create " + o.out_dir + ": " + ec.message());
    if (o.csv) {
      hh_csv_.Open(dir / "households.csv");
      mem_csv_.Open(dir / "members.csv");
      hh_csv_.buf() = hh_cols_.Header();
      mem_csv_.buf() = mem_cols_.Header();
    }
    if (o.jsonl) jsonl_.Open(dir / "caseload.jsonl");
  }

  void Write(uint64_t index, const Household& h) {
    // Mask layout: the household's cells, then each member's, in column order.
    mask_.assign(hh_cols_.cells + h.members.size() * mem_cols_.cells, 0);
    MakeMasks(o_, index, mask_);
    if (o_.csv) WriteCsv(h);
    if (o_.jsonl) WriteJsonl(h);
  }

  void Close() {
    if (o_.csv) {
      if (o_.shuffle_members) shuffled_.WriteShuffled(o_.seed, mem_csv_);
      hh_csv_.Close();
      mem_csv_.Close();
    }
    if (o_.jsonl) jsonl_.Close();
  }

 private:
  const uint8_t* MemberMask(size_t k) const { return mask_.data() + hh_cols_.cells + k * mem_cols_.cells; }

  void WriteCsv(const Household& h) {
    CsvRow row(hh_csv_.buf(), mask_.data());
    EmitHousehold(h, row);
    row.End();
    hh_csv_.MaybeFlush();
    for (size_t k = 0; k < h.members.size(); ++k) {
      CsvRow mrow(o_.shuffle_members ? shuffled_.Begin() : mem_csv_.buf(), MemberMask(k));
      EmitMember(h, h.members[k], mrow);
      mrow.End();
    }
    mem_csv_.MaybeFlush();
  }

  void WriteJsonl(const Household& h) {
    std::string& out = jsonl_.buf();
    JsonObject obj(out, mask_.data());
    EmitHousehold(h, obj);
    obj.Name("members");
    out.push_back('[');
    for (size_t k = 0; k < h.members.size(); ++k) {
      if (k > 0) out.push_back(',');
      JsonObject mobj(out, MemberMask(k));
      EmitMember(h, h.members[k], mobj);
      mobj.End();
    }
    out.push_back(']');
    obj.End();
    out.push_back('\n');
    jsonl_.MaybeFlush();
  }

  const Options& o_;
  ColumnList hh_cols_, mem_cols_;
  OutFile hh_csv_, mem_csv_, jsonl_;
  RowStore shuffled_;
  std::vector<uint8_t> mask_;
};

}  // namespace

int main(int argc, char** argv) {
  const Options o = ParseArgs(argc, argv);
  InitTables();
  CaseloadWriter writer(o);
  NikMint mint;
  Household h;
  uint64_t people = 0;
  for (uint64_t i = 0; i < o.households; ++i) {
    MakeHousehold(o, i, h);
    mint.Assign(h);
    writer.Write(i, h);
    people += h.members.size();
  }
  writer.Close();
  std::printf("layak_gen: %llu households, %llu members -> %s\n", static_cast<unsigned long long>(o.households),
              static_cast<unsigned long long>(people), o.out_dir.c_str());
  return 0;
}
