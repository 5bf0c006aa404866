// Scaled-decimal parsing and printing for `number` literals and values.
#include "util/decimal.h"

#include <cstdlib>

namespace layak::util {

std::optional<int64_t> ParseScaledDecimal(std::string_view text, DecimalError* error) {
  *error = DecimalError::kNone;
  __int128 whole = 0;
  std::size_t i = 0;
  bool digits = false;
  for (; i < text.size() && text[i] != '.'; ++i) {
    char c = text[i];
    if (c == '_') continue;
    if (c < '0' || c > '9') {
      *error = DecimalError::kSyntax;
      return std::nullopt;
    }
    digits = true;
    whole = whole * 10 + (c - '0');
    if (whole > INT64_MAX) {
      *error = DecimalError::kOverflow;
      return std::nullopt;
    }
  }
  if (!digits) {
    *error = DecimalError::kSyntax;
    return std::nullopt;
  }
  int64_t frac = 0;
  int frac_digits = 0;
  if (i < text.size()) {
    for (++i; i < text.size(); ++i) {
      char c = text[i];
      if (c == '_') continue;
      if (c < '0' || c > '9') {
        *error = DecimalError::kSyntax;
        return std::nullopt;
      }
      if (++frac_digits > 6) {
        *error = DecimalError::kTooManyDecimals;
        return std::nullopt;
      }
      frac = frac * 10 + (c - '0');
    }
    if (frac_digits == 0) {
      *error = DecimalError::kSyntax;
      return std::nullopt;
    }
  }
  for (int k = frac_digits; k < 6; ++k) frac *= 10;
  __int128 scaled = whole * kDecimalScale + frac;
  if (scaled > INT64_MAX) {
    *error = DecimalError::kOverflow;
    return std::nullopt;
  }
  return static_cast<int64_t>(scaled);
}

std::string FormatScaledDecimal(int64_t scaled) {
  bool negative = scaled < 0;
  unsigned long long mag =
      negative ? 0ULL - static_cast<unsigned long long>(scaled) : static_cast<unsigned long long>(scaled);
  std::string out = negative ? "-" : "";
  out += std::to_string(mag / kDecimalScale);
  unsigned long long frac = mag % kDecimalScale;
  if (frac != 0) {
    std::string f = std::to_string(frac);
    f.insert(0, 6 - f.size(), '0');
    while (!f.empty() && f.back() == '0') f.pop_back();
    out += "." + f;
  }
  return out;
}

}  // namespace layak::util
