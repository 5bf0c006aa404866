// "Did you mean" suggestions: the nearest candidate by edit distance.
#ifndef LAYAK_UTIL_EDIT_DISTANCE_H_
#define LAYAK_UTIL_EDIT_DISTANCE_H_

#include <string>
#include <string_view>
#include <vector>

namespace layak::util {

// Optimal-string-alignment distance (Levenshtein plus adjacent transpositions),
// compared case-insensitively.
int EditDistance(std::string_view a, std::string_view b);

// The candidate nearest to `word`, or "" when none is close enough to be a
// plausible typo (distance at most a third of the word's length, at least 1).
std::string ClosestMatch(std::string_view word, const std::vector<std::string>& candidates);

// "help: did you mean 'x'?" or "" when ClosestMatch finds nothing.
std::string DidYouMean(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace layak::util

#endif  // LAYAK_UTIL_EDIT_DISTANCE_H_
