// layak_reference: the hand-written program the engine's performance is
// compared against (bench/reference/README.md).
//
// A plain C++17 program, standard library only, one thread: it slurps
// households.csv and members.csv, splits lines and fields with string_view,
// parses each household into a struct holding its members, and evaluates the
// seven programs of rules/tuban with ordinary loops, in the three-valued
// (Kleene) semantics of DESIGN.md "Semantics, precisely".
//
// Usage: layak_reference HOUSEHOLDS.csv MEMBERS.csv [--as-of YYYY-MM-DD]
//                        [--no-member-key-check]
// (--as-of defaults to 2026-01-01; --no-member-key-check skips the check for
// duplicate member keys, to measure what that validation costs.)
//
// stdout: one line per program in pack order,
//   <PROGRAM_ID> eligible=<n> ineligible=<n> unknown=<n>
// (persons for the member-level programs PIP and ASPD_JATIM).
// stderr: read_s=... eval_s=... households=... members=... benefit_<ID>=...
//
// The rules are hard-coded here from rules/tuban (programs/*.yaml,
// definitions.yaml, parameters.yaml); a change to the pack must be mirrored
// by hand. Unreadable data (text in an int column, a date that does not
// exist, a value outside the schema's min/max, an unknown enum value, a
// member whose household is absent, a duplicate key) stops the run with
// exit code 1, as `layak run` does without --rejects.
#include <algorithm>
#include <cerrno>
#include <charconv>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace {

// ---------------------------------------------------------------------------
// Three-valued logic and values that may be unknown

enum class Tri : int8_t { kFalse = 0, kTrue = 1, kUnknown = 2 };
constexpr Tri F = Tri::kFalse;
constexpr Tri T = Tri::kTrue;
constexpr Tri U = Tri::kUnknown;

Tri FromBool(bool b) { return b ? T : F; }
Tri And(Tri a, Tri b) {
  if (a == F || b == F) return F;
  if (a == T && b == T) return T;
  return U;
}
Tri Or(Tri a, Tri b) {
  if (a == T || b == T) return T;
  if (a == F && b == F) return F;
  return U;
}
Tri Not(Tri a) { return a == U ? U : FromBool(a == F); }
// `a ?? b`: b where a is unknown.
Tri Default(Tri a, Tri b) { return a == U ? b : a; }

// An int (or a scaled `number`, or a count of days) that may be unknown.
using Int = std::optional<int64_t>;

Tri Lt(Int a, int64_t b) { return a ? FromBool(*a < b) : U; }
Tri Le(Int a, int64_t b) { return a ? FromBool(*a <= b) : U; }
Tri Ge(Int a, int64_t b) { return a ? FromBool(*a >= b) : U; }
Tri Eq(Int a, int64_t b) { return a ? FromBool(*a == b) : U; }
// `a in lo..hi` (inclusive).
Tri InRange(Int a, int64_t lo, int64_t hi) { return a ? FromBool(*a >= lo && *a <= hi) : U; }

// `if c then a else b`: with c unknown, known only when a and b are the same
// known value.
Int If(Tri c, Int a, Int b) {
  if (c == T) return a;
  if (c == F) return b;
  if (a && b && *a == *b) return a;
  return std::nullopt;
}
// max(a, b): unknown when either is.
Int Max(Int a, Int b) {
  if (!a || !b) return std::nullopt;
  return std::max(*a, *b);
}
// Integer arithmetic: overflow gives unknown.
Int Add(Int a, Int b) {
  int64_t r;
  if (!a || !b || __builtin_add_overflow(*a, *b, &r)) return std::nullopt;
  return r;
}
Int Mul(Int a, Int b) {
  int64_t r;
  if (!a || !b || __builtin_mul_overflow(*a, *b, &r)) return std::nullopt;
  return r;
}

// Enums are small codes, -1 when unknown; sets are bitmasks, -1 when unknown.
using Enum = int8_t;
using Set = int32_t;
constexpr Enum kNoEnum = -1;
constexpr Set kNoSet = -1;
constexpr uint32_t Bit(int code) { return uint32_t{1} << code; }

Tri Is(Enum e, int code) { return e < 0 ? U : FromBool(e == code); }
// `e in [...]`, the list given as a bitmask of codes.
Tri InMask(Enum e, uint32_t mask) { return e < 0 ? U : FromBool((mask >> e) & 1u); }
// `'V' in s` for a set field s.
Tri Has(Set s, int code) { return s < 0 ? U : FromBool((static_cast<uint32_t>(s) >> code) & 1u); }

// A count as an interval [lo, hi].
struct Count {
  int64_t lo = 0;
  int64_t hi = 0;
  void Add(Tri t) {
    if (t != F) ++hi;
    if (t == T) ++lo;
  }
};
// `count >= k`: decided when every value in [lo, hi] gives the same answer.
Tri AtLeast(Count c, int64_t k) {
  if (c.lo >= k) return T;
  if (c.hi < k) return F;
  return U;
}

// any / all / none over members.
struct Quantifier {
  bool some_true = false;
  bool some_false = false;
  bool some_unknown = false;
  void Add(Tri t) {
    some_true |= t == T;
    some_false |= t == F;
    some_unknown |= t == U;
  }
  Tri Any() const { return some_true ? T : (some_unknown ? U : F); }
  Tri All() const { return some_false ? F : (some_unknown ? U : T); }
  Tri None() const { return Not(Any()); }
};

// ---------------------------------------------------------------------------
// `number`: exact decimal with six fractional digits, scaled by 10^6

constexpr int64_t kScale = 1'000'000;

// a / b on scaled values, rounded half-even at the sixth decimal; unknown on
// division by zero or overflow.
Int NumDiv(Int a, Int b) {
  if (!a || !b || *b == 0) return std::nullopt;
  __int128 n = static_cast<__int128>(*a) * kScale;
  __int128 q = n / *b;
  __int128 r = n % *b;
  if (r != 0) {
    __int128 twice = r < 0 ? -2 * r : 2 * r;
    __int128 div = *b < 0 ? -static_cast<__int128>(*b) : *b;
    bool negative = (n < 0) != (*b < 0);
    if (twice > div || (twice == div && (q & 1) != 0)) q += negative ? -1 : 1;
  }
  if (q > INT64_MAX || q < INT64_MIN) return std::nullopt;
  return static_cast<int64_t>(q);
}
// floor(x): scaled number -> int.
Int Floor(Int x) {
  if (!x) return std::nullopt;
  int64_t q = *x / kScale;
  if (*x % kScale != 0 && *x < 0) --q;
  return q;
}
Int ToNumber(Int x) { return Mul(x, kScale); }

// ---------------------------------------------------------------------------
// Dates: days since 1970-01-01 (H. Hinnant's civil-calendar algorithms)

struct Ymd {
  int64_t y;
  int m;
  int d;
};

int64_t DaysFromCivil(int64_t y, int m, int d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Ymd CivilFromDays(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return {yoe + era * 400 + (m <= 2), m, d};
}

bool IsLeap(int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

// Completed months from a to b, a <= b. Counting by day of month makes
// someone born on 29 February (or the 31st) complete the period on 1 March.
int64_t CompletedMonths(const Ymd& a, const Ymd& b) {
  int64_t months = (b.y - a.y) * 12 + (b.m - a.m);
  if (b.d < a.d) --months;
  return months;
}
// months_between(from, to), negative when to < from.
int64_t MonthsBetween(int64_t from, const Ymd& from_ymd, int64_t to, const Ymd& to_ymd) {
  if (to < from) return -CompletedMonths(to_ymd, from_ymd);
  return CompletedMonths(from_ymd, to_ymd);
}

// ---------------------------------------------------------------------------
// Schema: the enum values the programs read, in declaration order

struct Spelling {
  std::string_view text;
  Enum code;
};

namespace floor_material {
enum : Enum { tanah, bambu, kayu_murah, semen, keramik, kayu_baik, lainnya };
const std::vector<Spelling> kSpellings = {{"tanah", tanah},    {"bambu", bambu},     {"kayu_murah", kayu_murah},
                                          {"semen", semen},    {"keramik", keramik}, {"kayu_baik", kayu_baik},
                                          {"lainnya", lainnya}};
}  // namespace floor_material
namespace wall_material {
enum : Enum { bambu, rumbia, kayu_murah, tembok_tanpa_plester, tembok, kayu_baik, lainnya };
const std::vector<Spelling> kSpellings = {{"bambu", bambu},           {"rumbia", rumbia},
                                          {"kayu_murah", kayu_murah}, {"tembok_tanpa_plester", tembok_tanpa_plester},
                                          {"tembok", tembok},         {"kayu_baik", kayu_baik},
                                          {"lainnya", lainnya}};
}  // namespace wall_material
namespace toilet {
enum : Enum { sendiri, bersama, umum, tidak_ada };
const std::vector<Spelling> kSpellings = {
    {"sendiri", sendiri}, {"bersama", bersama}, {"umum", umum}, {"tidak_ada", tidak_ada}};
}  // namespace toilet
namespace lighting {
enum : Enum { pln_meter, pln_tanpa_meter, listrik_non_pln, bukan_listrik };
const std::vector<Spelling> kSpellings = {{"pln_meter", pln_meter},
                                          {"pln_tanpa_meter", pln_tanpa_meter},
                                          {"listrik_non_pln", listrik_non_pln},
                                          {"bukan_listrik", bukan_listrik}};
}  // namespace lighting
namespace water_source {
enum : Enum {
  ledeng,
  air_kemasan,
  sumur_bor,
  sumur_terlindung,
  sumur_tak_terlindung,
  mata_air_terlindung,
  mata_air_tak_terlindung,
  sungai,
  air_hujan,
  lainnya
};
const std::vector<Spelling> kSpellings = {{"ledeng", ledeng},
                                          {"air_kemasan", air_kemasan},
                                          {"sumur_bor", sumur_bor},
                                          {"sumur_terlindung", sumur_terlindung},
                                          {"sumur_tak_terlindung", sumur_tak_terlindung},
                                          {"mata_air_terlindung", mata_air_terlindung},
                                          {"mata_air_tak_terlindung", mata_air_tak_terlindung},
                                          {"sungai", sungai},
                                          {"air_hujan", air_hujan},
                                          {"lainnya", lainnya}};
}  // namespace water_source
namespace cooking_fuel {
enum : Enum { listrik, gas, minyak_tanah, arang, kayu_bakar, lainnya };
const std::vector<Spelling> kSpellings = {{"listrik", listrik},           {"gas", gas},
                                          {"minyak_tanah", minyak_tanah}, {"arang", arang},
                                          {"kayu_bakar", kayu_bakar},     {"lainnya", lainnya}};
}  // namespace cooking_fuel
namespace head_occupation {
enum : Enum {
  petani_gurem,
  petani,
  buruh_tani,
  nelayan,
  buruh_bangunan,
  buruh_perkebunan,
  pedagang,
  karyawan,
  asn_tni_polri,
  wiraswasta,
  lainnya,
  tidak_bekerja
};
const std::vector<Spelling> kSpellings = {{"petani_gurem", petani_gurem},
                                          {"petani", petani},
                                          {"buruh_tani", buruh_tani},
                                          {"nelayan", nelayan},
                                          {"buruh_bangunan", buruh_bangunan},
                                          {"buruh_perkebunan", buruh_perkebunan},
                                          {"pedagang", pedagang},
                                          {"karyawan", karyawan},
                                          {"asn_tni_polri", asn_tni_polri},
                                          {"wiraswasta", wiraswasta},
                                          {"lainnya", lainnya},
                                          {"tidak_bekerja", tidak_bekerja}};
}  // namespace head_occupation
namespace programs_set {  // values of the `receives` set
enum : Enum { PKH, SEMBAKO, PBI_JK, PIP, BLT_DD, ASPD_JATIM, ASPDB, BPNTD, PKH_PLUS, RST, KUBE, BLT_KESRA };
const std::vector<Spelling> kSpellings = {{"PKH", PKH},     {"SEMBAKO", SEMBAKO}, {"PBI_JK", PBI_JK},
                                          {"PIP", PIP},     {"BLT_DD", BLT_DD},   {"ASPD_JATIM", ASPD_JATIM},
                                          {"ASPDB", ASPDB}, {"BPNTD", BPNTD},     {"PKH_PLUS", PKH_PLUS},
                                          {"RST", RST},     {"KUBE", KUBE},       {"BLT_KESRA", BLT_KESRA}};
}  // namespace programs_set
namespace nik_status {
enum : Enum { valid, tidak_ada, tidak_valid };
const std::vector<Spelling> kSpellings = {{"valid", valid}, {"tidak_ada", tidak_ada}, {"tidak_valid", tidak_valid}};
}  // namespace nik_status
namespace sex {
enum : Enum { L, P };
const std::vector<Spelling> kSpellings = {{"L", L},         {"P", P},         {"LAKI-LAKI", L}, {"Laki-laki", L},
                                          {"laki-laki", L}, {"PEREMPUAN", P}, {"Perempuan", P}, {"perempuan", P}};
}  // namespace sex
namespace relation {
enum : Enum { kepala, pasangan, anak, menantu, cucu, orang_tua, mertua, famili_lain, lainnya };
const std::vector<Spelling> kSpellings = {
    {"kepala", kepala},  {"pasangan", pasangan},   {"anak", anak},     {"menantu", menantu},
    {"cucu", cucu},      {"orang_tua", orang_tua}, {"mertua", mertua}, {"famili_lain", famili_lain},
    {"lainnya", lainnya}};
}  // namespace relation
namespace disability {
enum : Enum { none, ringan, sedang, berat };
const std::vector<Spelling> kSpellings = {{"none", none}, {"ringan", ringan}, {"sedang", sedang}, {"berat", berat}};
}  // namespace disability
namespace education {
enum : Enum { tidak_sekolah, tidak_tamat_sd, sd, smp, sma, perguruan_tinggi };
const std::vector<Spelling> kSpellings = {
    {"tidak_sekolah", tidak_sekolah},      {"tidak_tamat_sd", tidak_tamat_sd}, {"sd", sd}, {"smp", smp}, {"sma", sma},
    {"perguruan_tinggi", perguruan_tinggi}};
}  // namespace education
namespace school_level {
enum : Enum { none, paud, sd, smp, sma, pt };
const std::vector<Spelling> kSpellings = {{"none", none}, {"paud", paud}, {"sd", sd},
                                          {"smp", smp},   {"sma", sma},   {"pt", pt}};
}  // namespace school_level

// ---------------------------------------------------------------------------
// The caseload: one struct per household holding its members. Only the
// columns that the seven programs and the keys use are read (as `layak run`
// does); string fields are views into the slurped file buffers.

struct Member {
  std::string_view nik;
  Int birth_date;  // days since 1970-01-01
  Int school_grade;
  Enum nik_status = kNoEnum;
  Enum sex = kNoEnum;
  Enum relation = kNoEnum;
  Enum disability = kNoEnum;
  Enum education = kNoEnum;
  Enum school_level = kNoEnum;
  Tri nik_jatim = U;
  Tri pregnant = U;
  Tri chronic_illness = U;
  Tri enrolled = U;
  Tri layak_pip = U;
  Tri has_kip = U;
  Tri state_employee = U;
};

// The 14 BPS indicator flags, in the order of the regulation.
enum Bps {
  kLantaiSempit,
  kLantaiTanah,
  kDindingBuruk,
  kTanpaJamban,
  kTanpaListrik,
  kAirTakLayak,
  kBahanBakarKayu,
  kJarangDaging,
  kSatuStelPakaian,
  kMakan12Kali,
  kTakMampuBerobat,
  kPekerjaanRendah,
  kPendidikanRendah,
  kTanpaAset,
  kNumBps
};
constexpr std::string_view kBpsColumns[kNumBps] = {
    "bps_lantai_sempit",     "bps_lantai_tanah",   "bps_dinding_buruk",     "bps_tanpa_jamban",
    "bps_tanpa_listrik",     "bps_air_tak_layak",  "bps_bahan_bakar_kayu",  "bps_jarang_daging",
    "bps_satu_stel_pakaian", "bps_makan_1_2_kali", "bps_tak_mampu_berobat", "bps_pekerjaan_rendah",
    "bps_pendidikan_rendah", "bps_tanpa_aset"};

struct Household {
  std::string_view id;
  Int desil;
  Int floor_area_m2;  // scaled number
  Int head_income_month;
  Int assets_value;
  Set receives = kNoSet;
  Tri in_dtsen = U;
  Tri lost_livelihood = U;
  Enum floor_material = kNoEnum;
  Enum wall_material = kNoEnum;
  Enum toilet = kNoEnum;
  Enum lighting = kNoEnum;
  Enum water_source = kNoEnum;
  Enum cooking_fuel = kNoEnum;
  Enum head_occupation = kNoEnum;
  Tri bps[kNumBps] = {U, U, U, U, U, U, U, U, U, U, U, U, U, U};
  std::vector<Member> members;
};

// ---------------------------------------------------------------------------
// Parameters and programs (parameters.yaml, programs/*.yaml)

// Values in force on as_of, for the parameters that programs read.
struct Params {
  int64_t bansos_max_desil = 0;
  int64_t lansia_min_age = 0;
  int64_t pkh_lansia_min_age_regulation = 0;
  int64_t pkh_usia_dini_max_age = 0;
  int64_t pkh_max_komponen = 0;
  int64_t pkh_rp_ibu_hamil = 0;
  int64_t pkh_rp_usia_dini = 0;
  int64_t pkh_rp_sd = 0;
  int64_t pkh_rp_smp = 0;
  int64_t pkh_rp_sma = 0;
  int64_t pkh_rp_lansia = 0;
  int64_t pkh_rp_disabilitas_berat = 0;
  int64_t sembako_rp_per_bulan = 0;
  int64_t pip_rp_sd = 0;
  int64_t pip_rp_smp = 0;
  int64_t pip_rp_sma = 0;
  int64_t blt_dd_rp_per_bulan = 0;
  int64_t blt_dd_max_bulan = 0;
  int64_t aspd_jatim_rp_per_bulan = 0;
  int64_t aspd_min_age_months = 0;
  int64_t aspd_max_age = 0;
  int64_t bps_min_indicators = 0;
  int64_t bps_floor_m2_per_person = 0;
  int64_t bps_head_income_max = 0;
  int64_t bps_asset_min = 0;
};

struct ParamDef {
  std::string_view name;
  int64_t Params::*field;
  std::vector<std::pair<std::string_view, int64_t>> values;  // effective date, value
};

const std::vector<ParamDef>& ParamDefs() {
  static const std::vector<ParamDef> defs = {
      {"bansos_max_desil", &Params::bansos_max_desil, {{"2011-01-01", 4}}},
      {"lansia_min_age", &Params::lansia_min_age, {{"1998-01-01", 60}}},
      {"pkh_lansia_min_age_regulation", &Params::pkh_lansia_min_age_regulation, {{"2018-01-08", 60}}},
      {"pkh_usia_dini_max_age", &Params::pkh_usia_dini_max_age, {{"2018-01-08", 6}}},
      {"pkh_max_komponen", &Params::pkh_max_komponen, {{"2020-01-01", 4}}},
      {"pkh_rp_ibu_hamil", &Params::pkh_rp_ibu_hamil, {{"2020-01-01", 3'000'000}}},
      {"pkh_rp_usia_dini", &Params::pkh_rp_usia_dini, {{"2020-01-01", 3'000'000}}},
      {"pkh_rp_sd", &Params::pkh_rp_sd, {{"2020-01-01", 900'000}}},
      {"pkh_rp_smp", &Params::pkh_rp_smp, {{"2020-01-01", 1'500'000}}},
      {"pkh_rp_sma", &Params::pkh_rp_sma, {{"2020-01-01", 2'000'000}}},
      {"pkh_rp_lansia", &Params::pkh_rp_lansia, {{"2020-01-01", 2'400'000}}},
      {"pkh_rp_disabilitas_berat", &Params::pkh_rp_disabilitas_berat, {{"2020-01-01", 2'400'000}}},
      {"sembako_rp_per_bulan",
       &Params::sembako_rp_per_bulan,
       {{"2017-01-01", 110'000}, {"2020-01-01", 150'000}, {"2020-03-01", 200'000}}},
      {"pip_rp_sd", &Params::pip_rp_sd, {{"2024-01-01", 450'000}}},
      {"pip_rp_smp", &Params::pip_rp_smp, {{"2024-01-01", 750'000}}},
      {"pip_rp_sma", &Params::pip_rp_sma, {{"2024-01-01", 1'800'000}}},
      {"blt_dd_rp_per_bulan", &Params::blt_dd_rp_per_bulan, {{"2025-01-01", 300'000}}},
      {"blt_dd_max_bulan", &Params::blt_dd_max_bulan, {{"2025-01-01", 3}}},
      {"aspd_jatim_rp_per_bulan", &Params::aspd_jatim_rp_per_bulan, {{"2022-01-01", 300'000}}},
      {"aspd_min_age_months", &Params::aspd_min_age_months, {{"2022-01-01", 6}}},
      {"aspd_max_age", &Params::aspd_max_age, {{"2022-01-01", 60}}},
      {"bps_min_indicators", &Params::bps_min_indicators, {{"2005-01-01", 9}}},
      {"bps_floor_m2_per_person", &Params::bps_floor_m2_per_person, {{"2005-01-01", 8}}},
      {"bps_head_income_max", &Params::bps_head_income_max, {{"2005-01-01", 600'000}}},
      {"bps_asset_min", &Params::bps_asset_min, {{"2005-01-01", 500'000}}},
  };
  return defs;
}

// Programs in pack order (files in byte order of their path).
enum Program { kAspdJatim, kBltDd, kFakirMiskinBps, kPbiJk, kPip, kPkh, kSembako, kNumPrograms };

struct ProgramDef {
  std::string_view id;
  std::string_view valid_from;
  std::string_view valid_to;  // empty: open-ended
  bool has_benefit;
  std::vector<std::string_view> params;  // every parameter its criteria and benefit read
};

const std::vector<ProgramDef>& ProgramDefs() {
  static const std::vector<ProgramDef> defs = {
      {"ASPD_JATIM", "2022-01-01", "", true, {"aspd_min_age_months", "aspd_max_age", "aspd_jatim_rp_per_bulan"}},
      {"BLT_DD",
       "2025-01-01",
       "2026-12-31",
       true,
       {"bansos_max_desil", "lansia_min_age", "blt_dd_rp_per_bulan", "blt_dd_max_bulan"}},
      {"FAKIR_MISKIN_BPS",
       "2005-01-01",
       "",
       false,
       {"bps_floor_m2_per_person", "bps_head_income_max", "bps_asset_min", "bps_min_indicators"}},
      {"PBI_JK", "2014-01-01", "", false, {"bansos_max_desil"}},
      {"PIP", "2024-01-01", "", true, {"bansos_max_desil", "pip_rp_sd", "pip_rp_smp", "pip_rp_sma"}},
      {"PKH",
       "2018-01-08",
       "",
       true,
       {"bansos_max_desil", "pkh_usia_dini_max_age", "pkh_lansia_min_age_regulation", "pkh_max_komponen",
        "pkh_rp_ibu_hamil", "pkh_rp_usia_dini", "pkh_rp_sd", "pkh_rp_smp", "pkh_rp_sma", "pkh_rp_lansia",
        "pkh_rp_disabilitas_berat"}},
      {"SEMBAKO", "2017-01-01", "", true, {"bansos_max_desil", "sembako_rp_per_bulan"}},
  };
  return defs;
}

// ---------------------------------------------------------------------------
// Errors

[[noreturn]] void Fail(int code, const std::string& message) {
  std::fprintf(stderr, "layak_reference: %s\n", message.c_str());
  std::exit(code);
}

// ---------------------------------------------------------------------------
// Cell parsing. An empty cell is unknown; anything unreadable is a data error.

// Exactly YYYY-MM-DD, a real calendar day.
std::optional<int64_t> ParseDate(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  int v[3] = {0, 0, 0};
  const int start[3] = {0, 5, 8};
  const int len[3] = {4, 2, 2};
  for (int k = 0; k < 3; ++k) {
    for (int i = start[k]; i < start[k] + len[k]; ++i) {
      if (s[i] < '0' || s[i] > '9') return std::nullopt;
      v[k] = v[k] * 10 + (s[i] - '0');
    }
  }
  static constexpr int kMonthDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (v[0] < 1000 || v[1] < 1 || v[1] > 12 || v[2] < 1) return std::nullopt;
  int max_day = kMonthDays[v[1] - 1] + (v[1] == 2 && IsLeap(v[0]) ? 1 : 0);
  if (v[2] > max_day) return std::nullopt;
  return DaysFromCivil(v[0], v[1], v[2]);
}

std::optional<int64_t> ParseInt(std::string_view s) {
  int64_t value = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return value;
}

// `-12.345` into 10^6-scaled units; at most six fractional digits.
std::optional<int64_t> ParseNumber(std::string_view s) {
  bool negative = !s.empty() && s[0] == '-';
  if (negative) s.remove_prefix(1);
  std::size_t dot = s.find('.');
  std::string_view whole = s.substr(0, dot);
  std::string_view frac = dot == std::string_view::npos ? std::string_view() : s.substr(dot + 1);
  if (whole.empty() || (dot != std::string_view::npos && (frac.empty() || frac.size() > 6))) return std::nullopt;
  uint64_t w = 0;
  auto [end, ec] = std::from_chars(whole.data(), whole.data() + whole.size(), w);
  if (ec != std::errc() || end != whole.data() + whole.size() || w > uint64_t{INT64_MAX} / kScale) {
    return std::nullopt;
  }
  int64_t f = 0;
  for (char c : frac) {
    if (c < '0' || c > '9') return std::nullopt;
    f = f * 10 + (c - '0');
  }
  for (std::size_t k = frac.size(); k < 6; ++k) f *= 10;
  int64_t scaled;
  if (__builtin_add_overflow(static_cast<int64_t>(w) * kScale, f, &scaled)) return std::nullopt;
  return negative ? -scaled : scaled;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view lower) {
  if (a.size() != lower.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char c = a[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != lower[i]) return false;
  }
  return true;
}

// true/false, 1/0, ya/tidak, any case.
std::optional<Tri> ParseBool(std::string_view s) {
  if (s == "1" || EqualsIgnoreCase(s, "true") || EqualsIgnoreCase(s, "ya")) return T;
  if (s == "0" || EqualsIgnoreCase(s, "false") || EqualsIgnoreCase(s, "tidak")) return F;
  return std::nullopt;
}

std::optional<Enum> ParseEnum(std::string_view s, const std::vector<Spelling>& spellings) {
  for (const Spelling& sp : spellings) {
    if (sp.text == s) return sp.code;
  }
  return std::nullopt;
}

// `a|b|c` into a bitmask; `{}` is the empty set.
std::optional<Set> ParseSet(std::string_view s, const std::vector<Spelling>& spellings) {
  if (s == "{}") return 0;
  Set mask = 0;
  for (;;) {
    std::size_t bar = s.find('|');
    std::optional<Enum> code = ParseEnum(s.substr(0, bar), spellings);
    if (!code) return std::nullopt;
    mask |= static_cast<Set>(Bit(*code));
    if (bar == std::string_view::npos) return mask;
    s.remove_prefix(bar + 1);
  }
}

// ---------------------------------------------------------------------------
// CSV: `,` delimiter, `\n` or `\r\n`, quoted fields with "" escapes (which
// are unescaped in place, so every field is a view into the buffer).

std::string Slurp(const char* path) {
  std::FILE* f = std::fopen(path, "rb");
  if (f == nullptr) Fail(1, std::string("cannot open ") + path + ": " + std::strerror(errno));
  std::string text;
  // One read into a buffer of the file's size, then (for a pipe, or a file
  // that grew) whatever follows, in chunks.
  if (std::fseek(f, 0, SEEK_END) == 0) {
    long size = std::ftell(f);
    std::fseek(f, 0, SEEK_SET);
    if (size > 0) {
      text.resize(static_cast<std::size_t>(size));
      text.resize(std::fread(text.data(), 1, text.size(), f));
    }
  }
  char chunk[1 << 16];
  std::size_t got;
  while ((got = std::fread(chunk, 1, sizeof chunk, f)) > 0) text.append(chunk, got);
  bool failed = std::ferror(f) != 0;
  std::fclose(f);
  if (failed) Fail(1, std::string("cannot read ") + path);
  return text;
}

class CsvReader {
 public:
  CsvReader(std::string* text, const char* path) : p_(text->data()), end_(text->data() + text->size()), path_(path) {
    if (end_ - p_ >= 3 && std::memcmp(p_, "\xEF\xBB\xBF", 3) == 0) p_ += 3;  // UTF-8 byte-order mark
  }

  // The next record's fields; false at the end of the input. Blank lines are
  // skipped.
  bool Next(std::vector<std::string_view>* fields) {
    fields->clear();
    char* p = p_;  // a local, so that the compiler keeps it in a register
    while (p < end_ && (*p == '\n' || (*p == '\r' && p + 1 < end_ && p[1] == '\n'))) {
      p += *p == '\r' ? 2 : 1;
      ++line_;
    }
    if (p >= end_) {
      p_ = p;
      return false;
    }
    record_line_ = line_;
    for (;;) {
      if (p < end_ && *p == '"') {
        char* start = ++p;
        char* out = start;
        for (;;) {
          if (p >= end_) Error("unterminated quoted field");
          char c = *p++;
          if (c == '"') {
            if (p < end_ && *p == '"') {
              *out++ = '"';
              ++p;
              continue;
            }
            break;
          }
          if (c == '\n') ++line_;
          *out++ = c;
        }
        fields->emplace_back(start, static_cast<std::size_t>(out - start));
      } else {
        char* start = p;
        while (p < end_ && *p != ',' && *p != '\n') ++p;
        char* stop = p;
        if (stop > start && stop[-1] == '\r' && (p == end_ || *p == '\n')) --stop;
        fields->emplace_back(start, static_cast<std::size_t>(stop - start));
      }
      if (p >= end_) break;
      if (*p == ',') {
        ++p;
        continue;
      }
      if (*p == '\r' && p + 1 < end_ && p[1] == '\n') ++p;
      if (*p == '\n') {
        ++p;
        ++line_;
        break;
      }
      Error("expected ',' or end of line after a quoted field");
    }
    p_ = p;
    return true;
  }

  [[noreturn]] void Error(const std::string& message) const {
    Fail(1, std::string(path_) + ":" + std::to_string(record_line_ + 1) + ": " + message);
  }

 private:
  char* p_;
  char* end_;
  const char* path_;
  std::size_t line_ = 0;  // 0-based line of the read position
  std::size_t record_line_ = 0;
};

// Column positions by header name; -1 for a column the file lacks (then every
// value of that field is unknown).
struct Header {
  std::vector<std::string_view> names;
  int Find(std::string_view name) const {
    for (std::size_t i = 0; i < names.size(); ++i) {
      if (names[i] == name) return static_cast<int>(i);
    }
    return -1;
  }
};

Header ReadHeader(CsvReader* reader, std::vector<std::string_view>* fields) {
  if (!reader->Next(fields)) reader->Error("empty file: no header row");
  Header header{*fields};
  for (std::size_t i = 0; i < header.names.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (header.names[i] == header.names[j]) reader->Error("column '" + std::string(header.names[i]) + "' twice");
    }
  }
  return header;
}

// An upper bound of the number of records, to reserve the vectors and maps.
std::size_t CountLines(const std::string& text) {
  std::size_t lines = 1;
  const char* p = text.data();
  const char* end = p + text.size();
  while ((p = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)))) != nullptr) {
    ++lines;
    ++p;
  }
  return lines;
}

// Reads one row's cells into typed fields, reporting the row and column of an
// unreadable value.
class RowParser {
 public:
  RowParser(const CsvReader& reader, const Header& header, const std::vector<std::string_view>& fields)
      : reader_(reader), header_(header), fields_(fields) {}

  std::string_view Cell(int col) const { return col < 0 ? std::string_view() : fields_[col]; }

  Tri Bool(int col) const {
    std::string_view s = Cell(col);
    if (s.empty()) return U;
    std::optional<Tri> v = ParseBool(s);
    if (!v) Bad(col, "a bool (true/false, 1/0, ya/tidak)");
    return *v;
  }
  Int Integer(int col, int64_t min, int64_t max) const {
    std::string_view s = Cell(col);
    if (s.empty()) return std::nullopt;
    std::optional<int64_t> v = ParseInt(s);
    if (!v) Bad(col, "an int");
    if (*v < min || *v > max) Bad(col, "an int in " + std::to_string(min) + ".." + std::to_string(max));
    return v;
  }
  Int Number(int col, int64_t min_scaled) const {
    std::string_view s = Cell(col);
    if (s.empty()) return std::nullopt;
    std::optional<int64_t> v = ParseNumber(s);
    if (!v) Bad(col, "a number (at most 6 decimals, '.' as decimal point)");
    if (*v < min_scaled) Bad(col, "a number >= " + std::to_string(min_scaled / kScale));
    return v;
  }
  Int Date(int col) const {
    std::string_view s = Cell(col);
    if (s.empty()) return std::nullopt;
    std::optional<int64_t> v = ParseDate(s);
    if (!v) Bad(col, "a date YYYY-MM-DD");
    return v;
  }
  Enum EnumValue(int col, const std::vector<Spelling>& spellings) const {
    std::string_view s = Cell(col);
    if (s.empty()) return kNoEnum;
    std::optional<Enum> v = ParseEnum(s, spellings);
    if (!v) Bad(col, "a value of the enum");
    return *v;
  }
  Set SetValue(int col, const std::vector<Spelling>& spellings) const {
    std::string_view s = Cell(col);
    if (s.empty()) return kNoSet;
    std::optional<Set> v = ParseSet(s, spellings);
    if (!v) Bad(col, "a set of declared values joined by '|' ('{}' when empty)");
    return *v;
  }

  [[noreturn]] void Bad(int col, const std::string& what) const {
    reader_.Error("column '" + std::string(header_.names[col]) + "': cannot read '" + std::string(fields_[col]) +
                  "' as " + what);
  }

 private:
  const CsvReader& reader_;
  const Header& header_;
  const std::vector<std::string_view>& fields_;
};

constexpr int64_t kIntMax = INT64_MAX;
constexpr int64_t kIntMin = INT64_MIN;

struct Caseload {
  std::string households_text;  // the buffers the string_views point into
  std::string members_text;
  std::vector<Household> households;
  std::size_t member_count = 0;
  // The keys: household id -> position in `households` (the join), and the
  // member keys seen (duplicates are data errors).
  std::unordered_map<std::string_view, uint32_t> household_index;
  std::unordered_set<std::string_view> member_keys;
};

void ReadHouseholds(const char* path, Caseload* caseload) {
  std::unordered_map<std::string_view, uint32_t>* index = &caseload->household_index;
  caseload->households_text = Slurp(path);
  std::size_t estimate = CountLines(caseload->households_text);
  caseload->households.reserve(estimate);
  index->reserve(estimate);

  CsvReader reader(&caseload->households_text, path);
  std::vector<std::string_view> fields;
  fields.reserve(64);
  const Header header = ReadHeader(&reader, &fields);
  const int c_id = header.Find("id");
  if (c_id < 0) reader.Error("no 'id' column (the household key)");
  const int c_in_dtsen = header.Find("in_dtsen");
  const int c_desil = header.Find("desil");
  const int c_receives = header.Find("receives");
  const int c_floor_area = header.Find("floor_area_m2");
  const int c_floor_material = header.Find("floor_material");
  const int c_wall_material = header.Find("wall_material");
  const int c_toilet = header.Find("toilet");
  const int c_lighting = header.Find("lighting");
  const int c_water = header.Find("water_source");
  const int c_fuel = header.Find("cooking_fuel");
  const int c_head_income = header.Find("head_income_month");
  const int c_head_occupation = header.Find("head_occupation");
  const int c_assets = header.Find("assets_value");
  const int c_lost = header.Find("lost_livelihood");
  int c_bps[kNumBps];
  for (int k = 0; k < kNumBps; ++k) c_bps[k] = header.Find(kBpsColumns[k]);

  while (reader.Next(&fields)) {
    if (fields.size() != header.names.size()) {
      reader.Error(std::to_string(fields.size()) + " fields, the header has " + std::to_string(header.names.size()));
    }
    RowParser row(reader, header, fields);
    Household h;
    h.id = fields[c_id];
    if (h.id.empty()) reader.Error("empty household key 'id'");
    h.in_dtsen = row.Bool(c_in_dtsen);
    h.desil = row.Integer(c_desil, 1, 10);
    h.receives = row.SetValue(c_receives, programs_set::kSpellings);
    h.floor_area_m2 = row.Number(c_floor_area, 0);
    h.floor_material = row.EnumValue(c_floor_material, floor_material::kSpellings);
    h.wall_material = row.EnumValue(c_wall_material, wall_material::kSpellings);
    h.toilet = row.EnumValue(c_toilet, toilet::kSpellings);
    h.lighting = row.EnumValue(c_lighting, lighting::kSpellings);
    h.water_source = row.EnumValue(c_water, water_source::kSpellings);
    h.cooking_fuel = row.EnumValue(c_fuel, cooking_fuel::kSpellings);
    h.head_income_month = row.Integer(c_head_income, 0, kIntMax);
    h.head_occupation = row.EnumValue(c_head_occupation, head_occupation::kSpellings);
    h.assets_value = row.Integer(c_assets, 0, kIntMax);
    h.lost_livelihood = row.Bool(c_lost);
    for (int k = 0; k < kNumBps; ++k) h.bps[k] = row.Bool(c_bps[k]);

    auto [it, inserted] = index->emplace(h.id, static_cast<uint32_t>(caseload->households.size()));
    if (!inserted) reader.Error("duplicate household key '" + std::string(h.id) + "'");
    caseload->households.push_back(std::move(h));
  }
}

void ReadMembers(const char* path, bool check_member_keys, Caseload* caseload) {
  const std::unordered_map<std::string_view, uint32_t>& index = caseload->household_index;
  caseload->members_text = Slurp(path);
  std::size_t estimate = CountLines(caseload->members_text);
  std::unordered_set<std::string_view>& keys = caseload->member_keys;
  if (check_member_keys) keys.reserve(estimate);

  CsvReader reader(&caseload->members_text, path);
  std::vector<std::string_view> fields;
  fields.reserve(64);
  const Header header = ReadHeader(&reader, &fields);
  const int c_household = header.Find("household_id");
  if (c_household < 0) reader.Error("no 'household_id' column");
  const int c_nik = header.Find("nik");
  if (c_nik < 0) reader.Error("no 'nik' column (the member key)");
  const int c_nik_status = header.Find("nik_status");
  const int c_nik_jatim = header.Find("nik_jatim");
  const int c_birth = header.Find("birth_date");
  const int c_sex = header.Find("sex");
  const int c_relation = header.Find("relation");
  const int c_pregnant = header.Find("pregnant");
  const int c_disability = header.Find("disability");
  const int c_chronic = header.Find("chronic_illness");
  const int c_education = header.Find("education");
  const int c_enrolled = header.Find("enrolled");
  const int c_school_level = header.Find("school_level");
  const int c_school_grade = header.Find("school_grade");
  const int c_layak_pip = header.Find("layak_pip");
  const int c_has_kip = header.Find("has_kip");
  const int c_state_employee = header.Find("state_employee");

  std::size_t count = 0;
  std::string_view last_id;
  uint32_t last_position = 0;
  while (reader.Next(&fields)) {
    if (fields.size() != header.names.size()) {
      reader.Error(std::to_string(fields.size()) + " fields, the header has " + std::to_string(header.names.size()));
    }
    RowParser row(reader, header, fields);
    Member m;
    m.nik = fields[c_nik];
    if (m.nik.empty()) reader.Error("empty member key 'nik'");
    m.nik_status = row.EnumValue(c_nik_status, nik_status::kSpellings);
    m.nik_jatim = row.Bool(c_nik_jatim);
    m.birth_date = row.Date(c_birth);
    m.sex = row.EnumValue(c_sex, sex::kSpellings);
    m.relation = row.EnumValue(c_relation, relation::kSpellings);
    m.pregnant = row.Bool(c_pregnant);
    m.disability = row.EnumValue(c_disability, disability::kSpellings);
    m.chronic_illness = row.Bool(c_chronic);
    m.education = row.EnumValue(c_education, education::kSpellings);
    m.enrolled = row.Bool(c_enrolled);
    m.school_level = row.EnumValue(c_school_level, school_level::kSpellings);
    m.school_grade = row.Integer(c_school_grade, 1, 12);
    m.layak_pip = row.Bool(c_layak_pip);
    m.has_kip = row.Bool(c_has_kip);
    m.state_employee = row.Bool(c_state_employee);

    // The join. Registries export members grouped by household, so the
    // previous row's household is tried before the hash map.
    std::string_view household_id = fields[c_household];
    if (household_id != last_id || count == 0) {
      auto it = index.find(household_id);
      if (it == index.end()) {
        reader.Error("household_id '" + std::string(household_id) + "' is not in the households file");
      }
      last_id = household_id;
      last_position = it->second;
    }
    if (check_member_keys && !keys.insert(m.nik).second)
      reader.Error("duplicate member key '" + std::string(m.nik) + "'");
    std::vector<Member>& members = caseload->households[last_position].members;
    if (members.empty()) members.reserve(4);
    members.push_back(m);
    ++count;
  }
  caseload->member_count = count;
}

// ---------------------------------------------------------------------------
// Evaluation

struct Tally {
  int64_t eligible = 0;
  int64_t ineligible = 0;
  int64_t unknown = 0;
  int64_t benefit = 0;          // total over eligible units whose benefit is known
  int64_t benefit_unknown = 0;  // eligible units whose benefit is unknown
  void Add(Tri status) {
    if (status == T) {
      ++eligible;
    } else if (status == F) {
      ++ineligible;
    } else {
      ++unknown;
    }
  }
  void AddBenefit(Int amount) {
    if (amount) {
      benefit += *amount;
    } else {
      ++benefit_unknown;
    }
  }
};

struct Evaluator {
  Params p;
  bool in_force[kNumPrograms];
  int64_t as_of;
  Ymd as_of_ymd;
  std::vector<int64_t> pkh_amounts;  // scratch for sum_top

  void Evaluate(const Household& h, Tally* tally) {
    const int64_t n = static_cast<int64_t>(h.members.size());

    // dtsen_miskin: (in_dtsen ?? true) and desil <= params.bansos_max_desil
    const Tri dtsen_miskin = And(Default(h.in_dtsen, T), Le(h.desil, p.bansos_max_desil));

    // Quantifiers over members, and the member-level programs.
    Quantifier sakit_atau_disabilitas;  // BLT_DD: chronic_illness or disability in [sedang, berat]
    Quantifier lansia;                  // BLT_DD: all(members, age >= lansia_min_age)
    Quantifier kepala_perempuan;        // BLT_DD: relation == kepala and sex == P
    Quantifier kepala_pendidikan;  // FAKIR: relation == kepala and education in [tidak_sekolah, tidak_tamat_sd, sd]
    Quantifier pkh_komponen;       // PKH
    Quantifier state_employee;     // PKH: none(members, state_employee ?? false)
    Quantifier nik_valid;          // SEMBAKO
    bool pkh_amount_unknown = false;
    pkh_amounts.clear();

    for (const Member& m : h.members) {
      // age = years_between(birth_date, as_of); months for ASPD Jatim.
      Int months;
      Int age;
      if (m.birth_date) {
        const int64_t mb = MonthsBetween(*m.birth_date, CivilFromDays(*m.birth_date), as_of, as_of_ymd);
        months = mb;
        age = mb / 12;  // truncation toward zero: symmetric when as_of < birth_date
      }

      if (in_force[kBltDd]) {
        sakit_atau_disabilitas.Add(
            Or(m.chronic_illness, InMask(m.disability, Bit(disability::sedang) | Bit(disability::berat))));
        lansia.Add(Ge(age, p.lansia_min_age));
        kepala_perempuan.Add(And(Is(m.relation, relation::kepala), Is(m.sex, sex::P)));
      }
      if (in_force[kFakirMiskinBps]) {
        kepala_pendidikan.Add(And(
            Is(m.relation, relation::kepala),
            InMask(m.education, Bit(education::tidak_sekolah) | Bit(education::tidak_tamat_sd) | Bit(education::sd))));
      }
      if (in_force[kPkh]) {
        const Tri hamil = And(Is(m.sex, sex::P), m.pregnant);
        const Tri sekolah =
            And(And(InRange(age, 6, 21), m.enrolled),
                InMask(m.school_level, Bit(school_level::sd) | Bit(school_level::smp) | Bit(school_level::sma)));
        const Tri usia_dini = Or(Lt(age, p.pkh_usia_dini_max_age), And(Eq(age, p.pkh_usia_dini_max_age), Not(sekolah)));
        const Tri pkh_lansia = Ge(age, p.pkh_lansia_min_age_regulation);
        const Tri disabilitas = Is(m.disability, disability::berat);
        pkh_komponen.Add(Or(Or(Or(Or(hamil, usia_dini), sekolah), pkh_lansia), disabilitas));
        state_employee.Add(Default(m.state_employee, F));

        // pkh_rp: the largest group amount the person qualifies for.
        const Int kesehatan = If(usia_dini, p.pkh_rp_usia_dini, If(hamil, p.pkh_rp_ibu_hamil, 0));
        const Int pendidikan = If(Not(sekolah), 0,
                                  If(Is(m.school_level, school_level::sd), p.pkh_rp_sd,
                                     If(Is(m.school_level, school_level::smp), p.pkh_rp_smp, p.pkh_rp_sma)));
        const Int kesos = If(pkh_lansia, p.pkh_rp_lansia, If(disabilitas, p.pkh_rp_disabilitas_berat, 0));
        const Int amount = Max(kesehatan, Max(pendidikan, kesos));
        if (amount) {
          pkh_amounts.push_back(*amount);
        } else {
          pkh_amount_unknown = true;
        }
      }
      if (in_force[kSembako]) nik_valid.Add(Is(m.nik_status, nik_status::valid));

      // PIP, per person.
      if (in_force[kPip]) {
        const Tri usia_sekolah = InRange(age, 6, 21);
        const Tri bersekolah = And(m.enrolled, InMask(m.school_level, Bit(school_level::sd) | Bit(school_level::smp) |
                                                                          Bit(school_level::sma)));
        const Tri miskin = Or(dtsen_miskin, Default(m.has_kip, F));
        const Tri status = And(And(And(usia_sekolah, bersekolah), miskin), m.layak_pip);
        tally[kPip].Add(status);
        if (status == T) {
          // if pip_kelas_akhir then floor(pip_rp_penuh / 2) else pip_rp_penuh
          const Int penuh = If(Is(m.school_level, school_level::sd), p.pip_rp_sd,
                               If(Is(m.school_level, school_level::smp), p.pip_rp_smp, p.pip_rp_sma));
          const Tri kelas_akhir =
              m.school_grade ? FromBool(*m.school_grade == 6 || *m.school_grade == 9 || *m.school_grade == 12) : U;
          tally[kPip].AddBenefit(If(kelas_akhir, Floor(NumDiv(ToNumber(penuh), ToNumber(2))), penuh));
        }
      } else {
        tally[kPip].Add(F);
      }

      // ASPD Jatim, per person.
      if (in_force[kAspdJatim]) {
        const Tri disabilitas_berat = Is(m.disability, disability::berat);
        const Tri usia = And(Ge(months, p.aspd_min_age_months), Le(age, p.aspd_max_age));
        const Tri status = And(And(disabilitas_berat, usia), m.nik_jatim);
        tally[kAspdJatim].Add(status);
        if (status == T) tally[kAspdJatim].AddBenefit(Mul(p.aspd_jatim_rp_per_bulan, 12));
      } else {
        tally[kAspdJatim].Add(F);
      }
    }

    // BLT Dana Desa
    if (in_force[kBltDd]) {
      const Tri lansia_tunggal = And(FromBool(n == 1), lansia.All());
      const Tri fallback =
          Or(Or(Or(h.lost_livelihood, sakit_atau_disabilitas.Any()), lansia_tunggal), kepala_perempuan.Any());
      const Tri status = Or(dtsen_miskin, And(Not(Has(h.receives, programs_set::PKH)), fallback));
      tally[kBltDd].Add(status);
      if (status == T) tally[kBltDd].AddBenefit(Mul(p.blt_dd_rp_per_bulan, p.blt_dd_max_bulan));
    } else {
      tally[kBltDd].Add(F);
    }

    // Fakir miskin by the BPS 14 indicators: count_true([...]) >= 9
    if (in_force[kFakirMiskinBps]) {
      const Int luas_lantai_per_orang = NumDiv(h.floor_area_m2, ToNumber(std::max<int64_t>(n, 1)));
      const Tri ind[kNumBps] = {
          Default(h.bps[kLantaiSempit], Lt(luas_lantai_per_orang, p.bps_floor_m2_per_person * kScale)),
          Default(h.bps[kLantaiTanah],
                  InMask(h.floor_material,
                         Bit(floor_material::tanah) | Bit(floor_material::bambu) | Bit(floor_material::kayu_murah))),
          Default(h.bps[kDindingBuruk], InMask(h.wall_material, Bit(wall_material::bambu) | Bit(wall_material::rumbia) |
                                                                    Bit(wall_material::kayu_murah) |
                                                                    Bit(wall_material::tembok_tanpa_plester))),
          Default(h.bps[kTanpaJamban],
                  InMask(h.toilet, Bit(toilet::bersama) | Bit(toilet::umum) | Bit(toilet::tidak_ada))),
          Default(h.bps[kTanpaListrik], Is(h.lighting, lighting::bukan_listrik)),
          Default(h.bps[kAirTakLayak],
                  InMask(h.water_source, Bit(water_source::sumur_tak_terlindung) |
                                             Bit(water_source::mata_air_tak_terlindung) | Bit(water_source::sungai) |
                                             Bit(water_source::air_hujan))),
          Default(h.bps[kBahanBakarKayu],
                  InMask(h.cooking_fuel,
                         Bit(cooking_fuel::kayu_bakar) | Bit(cooking_fuel::arang) | Bit(cooking_fuel::minyak_tanah))),
          h.bps[kJarangDaging],
          h.bps[kSatuStelPakaian],
          h.bps[kMakan12Kali],
          h.bps[kTakMampuBerobat],
          Default(
              h.bps[kPekerjaanRendah],
              Or(InMask(h.head_occupation, Bit(head_occupation::petani_gurem) | Bit(head_occupation::buruh_tani) |
                                               Bit(head_occupation::nelayan) | Bit(head_occupation::buruh_bangunan) |
                                               Bit(head_occupation::buruh_perkebunan)),
                 Lt(h.head_income_month, p.bps_head_income_max))),
          Default(h.bps[kPendidikanRendah], kepala_pendidikan.Any()),
          Default(h.bps[kTanpaAset], Lt(h.assets_value, p.bps_asset_min)),
      };
      Count count;
      for (Tri t : ind) count.Add(t);
      tally[kFakirMiskinBps].Add(AtLeast(count, p.bps_min_indicators));
    } else {
      tally[kFakirMiskinBps].Add(F);
    }

    // PBI-JK
    tally[kPbiJk].Add(in_force[kPbiJk] ? dtsen_miskin : F);

    // PKH
    if (in_force[kPkh]) {
      const Tri status = And(And(dtsen_miskin, pkh_komponen.Any()), state_employee.None());
      tally[kPkh].Add(status);
      if (status == T) {
        // sum_top(members, pkh_max_komponen, pkh_rp)
        Int benefit;
        if (!pkh_amount_unknown) {
          const std::size_t k =
              static_cast<std::size_t>(std::clamp<int64_t>(p.pkh_max_komponen, 0, static_cast<int64_t>(n)));
          std::partial_sort(pkh_amounts.begin(), pkh_amounts.begin() + k, pkh_amounts.end(), std::greater<>());
          benefit = 0;
          for (std::size_t i = 0; i < k; ++i) benefit = Add(benefit, pkh_amounts[i]);
        }
        tally[kPkh].AddBenefit(benefit);
      }
    } else {
      tally[kPkh].Add(F);
    }

    // Sembako
    if (in_force[kSembako]) {
      const Tri status = And(dtsen_miskin, nik_valid.Any());
      tally[kSembako].Add(status);
      if (status == T) tally[kSembako].AddBenefit(Mul(p.sembako_rp_per_bulan, 12));
    } else {
      tally[kSembako].Add(F);
    }
  }
};

int64_t DateOrDie(std::string_view text) {
  std::optional<int64_t> d = ParseDate(text);
  if (!d) Fail(2, "not a date YYYY-MM-DD: '" + std::string(text) + "'");
  return *d;
}

// Resolves the parameters in force on as_of and the programs' valid windows;
// stops when an in-force program reads a parameter that has no value yet.
Evaluator MakeEvaluator(int64_t as_of, std::string_view as_of_text) {
  Evaluator ev;
  ev.as_of = as_of;
  ev.as_of_ymd = CivilFromDays(as_of);
  ev.pkh_amounts.reserve(64);
  std::vector<std::string_view> missing;
  for (const ParamDef& def : ParamDefs()) {
    bool found = false;
    int64_t best_date = 0;
    for (const auto& [date, value] : def.values) {
      int64_t d = DateOrDie(date);
      if (d <= as_of && (!found || d > best_date)) {
        found = true;
        best_date = d;
        ev.p.*def.field = value;
      }
    }
    if (!found) missing.push_back(def.name);
  }
  const std::vector<ProgramDef>& programs = ProgramDefs();
  for (int i = 0; i < kNumPrograms; ++i) {
    const ProgramDef& prog = programs[i];
    ev.in_force[i] =
        DateOrDie(prog.valid_from) <= as_of && (prog.valid_to.empty() || as_of <= DateOrDie(prog.valid_to));
    if (!ev.in_force[i]) continue;
    for (std::string_view param : prog.params) {
      if (std::find(missing.begin(), missing.end(), param) != missing.end()) {
        Fail(1, "program " + std::string(prog.id) + " is in force on " + std::string(as_of_text) + " but parameter " +
                    std::string(param) + " has no value on that date");
      }
    }
  }
  return ev;
}

double Seconds(std::chrono::steady_clock::duration d) { return std::chrono::duration<double>(d).count(); }

}  // namespace

int main(int argc, char** argv) {
  const std::string usage =
      "usage: layak_reference HOUSEHOLDS.csv MEMBERS.csv [--as-of YYYY-MM-DD] [--no-member-key-check]";
  const char* households_path = nullptr;
  const char* members_path = nullptr;
  std::string as_of_text = "2026-01-01";
  bool check_member_keys = true;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "--as-of" && i + 1 < argc) {
      as_of_text = argv[++i];
    } else if (arg.substr(0, 8) == "--as-of=") {
      as_of_text = std::string(arg.substr(8));
    } else if (arg == "--no-member-key-check") {
      check_member_keys = false;
    } else if (arg == "-h" || arg == "--help") {
      std::printf("%s\n", usage.c_str());
      return 0;
    } else if (!arg.empty() && arg[0] == '-') {
      Fail(2, "unknown option '" + std::string(arg) + "'\n" + usage);
    } else if (households_path == nullptr) {
      households_path = argv[i];
    } else if (members_path == nullptr) {
      members_path = argv[i];
    } else {
      Fail(2, "too many arguments\n" + usage);
    }
  }
  if (households_path == nullptr || members_path == nullptr) Fail(2, usage);
  const int64_t as_of = DateOrDie(as_of_text);
  Evaluator evaluator = MakeEvaluator(as_of, as_of_text);

  // Read: slurp, parse, join.
  const auto t0 = std::chrono::steady_clock::now();
  Caseload caseload;  // freed after the timings, at exit
  ReadHouseholds(households_path, &caseload);
  ReadMembers(members_path, check_member_keys, &caseload);
  const auto t1 = std::chrono::steady_clock::now();

  // Evaluate: one plain loop over households.
  Tally tally[kNumPrograms];
  for (const Household& h : caseload.households) evaluator.Evaluate(h, tally);
  const auto t2 = std::chrono::steady_clock::now();

  const std::vector<ProgramDef>& programs = ProgramDefs();
  for (int i = 0; i < kNumPrograms; ++i) {
    std::printf("%s eligible=%lld ineligible=%lld unknown=%lld\n", std::string(programs[i].id).c_str(),
                static_cast<long long>(tally[i].eligible), static_cast<long long>(tally[i].ineligible),
                static_cast<long long>(tally[i].unknown));
  }
  std::fflush(stdout);

  std::string summary;
  char buf[128];
  std::snprintf(buf, sizeof buf, "read_s=%.3f eval_s=%.3f households=%zu members=%zu", Seconds(t1 - t0),
                Seconds(t2 - t1), caseload.households.size(), caseload.member_count);
  summary += buf;
  for (int i = 0; i < kNumPrograms; ++i) {
    if (!programs[i].has_benefit) continue;
    std::snprintf(buf, sizeof buf, " benefit_%s=%lld", std::string(programs[i].id).c_str(),
                  static_cast<long long>(tally[i].benefit));
    summary += buf;
  }
  for (int i = 0; i < kNumPrograms; ++i) {
    if (!programs[i].has_benefit || tally[i].benefit_unknown == 0) continue;
    std::snprintf(buf, sizeof buf, " benefit_unknown_%s=%lld", std::string(programs[i].id).c_str(),
                  static_cast<long long>(tally[i].benefit_unknown));
    summary += buf;
  }
  std::fprintf(stderr, "%s as_of=%s\n", summary.c_str(), as_of_text.c_str());
  return 0;
}
