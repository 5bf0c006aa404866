// Date parsing and calendar arithmetic over absl::CivilDay.
#include "util/civil_date.h"

#include <cstdio>
#include <ctime>

#include "absl/time/civil_time.h"

namespace layak::util {
namespace {

const absl::CivilDay kEpoch(1970, 1, 1);

absl::CivilDay ToCivil(int32_t days) { return kEpoch + days; }

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
int64_t CompletedMonths(absl::CivilDay a, absl::CivilDay b) {
  int64_t months = (b.year() - a.year()) * 12 + (b.month() - a.month());
  if (b.day() < a.day()) --months;
  return months;
}

}  // namespace

std::optional<int32_t> ParseIsoDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int y, m, d;
  if (!ParseDigits(text, 0, 4, &y) || !ParseDigits(text, 5, 2, &m) || !ParseDigits(text, 8, 2, &d)) {
    return std::nullopt;
  }
  if (y < 1000) return std::nullopt;
  absl::CivilDay day(y, m, d);
  // CivilDay normalises 2024-02-30 to 2024-03-01; a real date round-trips.
  if (day.year() != y || day.month() != m || day.day() != d) return std::nullopt;
  return static_cast<int32_t>(day - kEpoch);
}

std::string FormatIsoDate(int32_t days) {
  absl::CivilDay d = ToCivil(days);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", static_cast<int>(d.year()), d.month(), d.day());
  return buf;
}

int64_t MonthsBetween(int32_t from, int32_t to) {
  if (to < from) return -CompletedMonths(ToCivil(to), ToCivil(from));
  return CompletedMonths(ToCivil(from), ToCivil(to));
}

int64_t YearsBetween(int32_t from, int32_t to) {
  int64_t months = MonthsBetween(from, to);
  return months / 12;  // truncation toward zero keeps the sign symmetric
}

int32_t Today() { return static_cast<int32_t>(std::time(nullptr) / 86400); }

}  // namespace layak::util
