// Candidate lists, interned. A demand's placeable candidates depend on its
// place, its service and which of the offering resources accept it, so a
// whole caseload has few distinct lists (places × services × accept
// patterns) for millions of demands. Demands hold a list's id; the
// assignment groups demands by (tier, list) without looking inside.
#ifndef LAYAK_REFER_CANDIDATE_LISTS_H_
#define LAYAK_REFER_CANDIDATE_LISTS_H_

#include <cstdint>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/types/span.h"

namespace layak::refer {

// One resource a demand may go to, with its distance (metres; the cost).
struct Candidate {
  int32_t resource = -1;
  int64_t cost = 0;
};

// Lists of candidates, each stored once; ids in order of first appearance.
class CandidateLists {
 public:
  // The id of the list `candidates` whose distances in km are `km` (same
  // length; empty: cost / 1000). Equal lists get the same id.
  int32_t Intern(absl::Span<const Candidate> candidates, absl::Span<const double> km = {});
  // Interns every list of `other` in order: the id each got here.
  std::vector<int32_t> InternAll(const CandidateLists& other);

  absl::Span<const Candidate> list(int32_t id) const {
    return {flat_.data() + off_[static_cast<std::size_t>(id)], Length(id)};
  }
  absl::Span<const double> km(int32_t id) const {
    return {km_.data() + off_[static_cast<std::size_t>(id)], Length(id)};
  }
  int32_t size() const { return static_cast<int32_t>(off_.size()) - 1; }

 private:
  std::size_t Length(int32_t id) const {
    return off_[static_cast<std::size_t>(id) + 1] - off_[static_cast<std::size_t>(id)];
  }

  std::vector<Candidate> flat_;
  std::vector<double> km_;
  std::vector<uint32_t> off_{0};
  absl::flat_hash_map<uint64_t, int32_t> first_;  // hash -> first list with it
  std::vector<int32_t> next_;                     // per list: the next with the same hash, or -1
};

}  // namespace layak::refer

#endif  // LAYAK_REFER_CANDIDATE_LISTS_H_
