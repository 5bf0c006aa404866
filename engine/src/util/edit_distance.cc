// Edit distance and the nearest-candidate pick behind every "did you mean".
#include "util/edit_distance.h"

#include <algorithm>
#include <cctype>

namespace layak::util {

int EditDistance(std::string_view a, std::string_view b) {
  const std::size_t n = a.size(), m = b.size();
  std::vector<std::vector<int>> d(n + 1, std::vector<int>(m + 1));
  for (std::size_t i = 0; i <= n; ++i) d[i][0] = static_cast<int>(i);
  for (std::size_t j = 0; j <= m; ++j) d[0][j] = static_cast<int>(j);
  auto low = [](char c) { return std::tolower(static_cast<unsigned char>(c)); };
  for (std::size_t i = 1; i <= n; ++i) {
    for (std::size_t j = 1; j <= m; ++j) {
      int cost = low(a[i - 1]) == low(b[j - 1]) ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && low(a[i - 1]) == low(b[j - 2]) && low(a[i - 2]) == low(b[j - 1])) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[n][m];
}

std::string ClosestMatch(std::string_view word, const std::vector<std::string>& candidates) {
  int limit = std::max<int>(1, static_cast<int>(word.size()) / 3);
  std::string best;
  int best_distance = limit + 1;
  bool tie = false;
  for (const std::string& c : candidates) {
    int dist = EditDistance(word, c);
    if (dist < best_distance) {
      best_distance = dist;
      best = c;
      tie = false;
    } else if (dist == best_distance && c != best) {
      tie = true;
    }
  }
  // Two equally close candidates (not_eligible: eligible or ineligible?) make
  // a guess worse than none.
  return tie ? "" : best;
}

std::string DidYouMean(std::string_view word, const std::vector<std::string>& candidates) {
  std::string best = ClosestMatch(word, candidates);
  if (best.empty()) return "";
  return "help: did you mean '" + best + "'?";
}

}  // namespace layak::util
