// Date parsing and calendar arithmetic on days since 1970-01-01, with Howard
// Hinnant's branch-light conversions: these run once per cell and per member
// row, where absl::CivilDay's normalising arithmetic was a tenth of a run.
#include "util/civil_date.h"

#include <cstdio>
#include <ctime>

namespace layak::util {
namespace {

// Days since 1970-01-01 of a proleptic Gregorian date.
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

int DaysInMonth(int64_t y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : kDays[m - 1];
}

bool ParseDigits(std::string_view text, std::size_t pos, std::size_t count, int* out) {
  int value = 0;
  for (std::size_t i = pos; i < pos + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
    value = value * 10 + (text[i] - '0');
  }
  *out = value;
  return true;
}

// Months completed from a to b when a <= b, day-of-month rule included.
int64_t CompletedMonths(const Ymd& a, const Ymd& b) {
  int64_t months = (b.y - a.y) * 12 + (b.m - a.m);
  if (b.d < a.d) --months;
  return months;
}

}  // namespace

std::optional<int32_t> ParseIsoDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int y, m, d;
  if (!ParseDigits(text, 0, 4, &y) || !ParseDigits(text, 5, 2, &m) || !ParseDigits(text, 8, 2, &d)) {
    return std::nullopt;
  }
  if (y < 1000 || m < 1 || m > 12 || d < 1 || d > DaysInMonth(y, m)) return std::nullopt;
  return static_cast<int32_t>(DaysFromCivil(y, m, d));
}

std::string FormatIsoDate(int32_t days) {
  Ymd d = CivilFromDays(days);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", static_cast<int>(d.y), d.m, d.d);
  return buf;
}

Ymd ToYmd(int32_t days) { return CivilFromDays(days); }

int64_t MonthsBetween(const Ymd& from, const Ymd& to) {
  const bool back = to.y < from.y || (to.y == from.y && (to.m < from.m || (to.m == from.m && to.d < from.d)));
  return back ? -CompletedMonths(to, from) : CompletedMonths(from, to);
}

int64_t MonthsBetween(int32_t from, int32_t to) {
  if (to < from) return -CompletedMonths(CivilFromDays(to), CivilFromDays(from));
  return CompletedMonths(CivilFromDays(from), CivilFromDays(to));
}

int64_t YearsBetween(int32_t from, int32_t to) {
  int64_t months = MonthsBetween(from, to);
  return months / 12;  // truncation toward zero keeps the sign symmetric
}

int32_t Today() { return static_cast<int32_t>(std::time(nullptr) / 86400); }

}  // namespace layak::util
