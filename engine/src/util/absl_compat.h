// Debian 12's Abseil has its own string_view type, distinct from
// std::string_view: convert at Abseil boundaries (StrCat, EqualsIgnoreCase,
// heterogeneous look-ups in flat_hash_map<std::string, T>).
#ifndef LAYAK_UTIL_ABSL_COMPAT_H_
#define LAYAK_UTIL_ABSL_COMPAT_H_

#include <string_view>

#include "absl/strings/string_view.h"

namespace layak::util {

// std::string_view -> absl::string_view.
inline absl::string_view Sv(std::string_view s) { return {s.data(), s.size()}; }

}  // namespace layak::util

#endif  // LAYAK_UTIL_ABSL_COMPAT_H_
