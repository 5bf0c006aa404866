// The `number` type: an exact decimal with six fractional digits, stored as a
// scaled 64-bit integer, so that 64.8 / 9 < 7.2 is false as regulations mean it.
#ifndef LAYAK_UTIL_DECIMAL_H_
#define LAYAK_UTIL_DECIMAL_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace layak::util {

// 10^6: one unit of `number` in its scaled representation.
inline constexpr int64_t kDecimalScale = 1'000'000;

// Why a decimal literal was rejected.
enum class DecimalError { kNone, kSyntax, kTooManyDecimals, kOverflow };

// Parses `123`, `1_500_000`, `64.8` (no sign; '_' between digits allowed) into
// the scaled form. Sets *error and returns nullopt on failure.
std::optional<int64_t> ParseScaledDecimal(std::string_view text, DecimalError* error);

// Formats a scaled decimal without trailing zeros: 64800000 -> "64.8".
std::string FormatScaledDecimal(int64_t scaled);

}  // namespace layak::util

#endif  // LAYAK_UTIL_DECIMAL_H_
