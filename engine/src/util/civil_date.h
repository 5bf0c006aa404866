// Calendar dates as days since 1970-01-01, the representation of `date`
// values everywhere in layak (plan constants, caseload columns).
#ifndef LAYAK_UTIL_CIVIL_DATE_H_
#define LAYAK_UTIL_CIVIL_DATE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace layak::util {

// Parses exactly YYYY-MM-DD (a real calendar day, years 1000-9999);
// nullopt for anything else, including 2024-02-30.
std::optional<int32_t> ParseIsoDate(std::string_view text);

// Formats days since the epoch as YYYY-MM-DD.
std::string FormatIsoDate(int32_t days);

// Completed years from `from` to `to` (negative when to < from). Someone born
// on 29 February completes a year on 1 March in common years.
int64_t YearsBetween(int32_t from, int32_t to);
// Completed months from `from` to `to`, by the same rule.
int64_t MonthsBetween(int32_t from, int32_t to);

// A date's year, month and day, for arithmetic that fixes one end.
struct Ymd {
  int64_t y;
  int m, d;
};
Ymd ToYmd(int32_t days);
// Completed months between two dates given as Ymd (from <= to or not).
int64_t MonthsBetween(const Ymd& from, const Ymd& to);

// Today's date in UTC, the default as-of date.
int32_t Today();

}  // namespace layak::util

#endif  // LAYAK_UTIL_CIVIL_DATE_H_
