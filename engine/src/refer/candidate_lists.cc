#include "refer/candidate_lists.h"

namespace layak::refer {
namespace {

uint64_t Mix(uint64_t h, uint64_t v) { return (h ^ v) * 1099511628211ULL; }

}  // namespace

int32_t CandidateLists::Intern(absl::Span<const Candidate> candidates, absl::Span<const double> km) {
  uint64_t h = Mix(1469598103934665603ULL, candidates.size());
  for (const Candidate& c : candidates) {
    h = Mix(Mix(h, static_cast<uint64_t>(c.resource)), static_cast<uint64_t>(c.cost));
  }
  auto kilometres = [&](std::size_t k) { return km.empty() ? static_cast<double>(candidates[k].cost) / 1000 : km[k]; };
  auto [it, added] = first_.try_emplace(h, size());
  if (!added) {
    // Distances in km join the identity so that a list's rows show the
    // distances they were ranked by.
    int32_t last = -1;
    for (int32_t id = it->second; id >= 0; last = id, id = next_[static_cast<std::size_t>(id)]) {
      absl::Span<const Candidate> have = list(id);
      if (have.size() != candidates.size()) continue;
      bool same = true;
      for (std::size_t k = 0; k < have.size() && same; ++k) {
        same = have[k].resource == candidates[k].resource && have[k].cost == candidates[k].cost &&
               km_[off_[static_cast<std::size_t>(id)] + k] == kilometres(k);
      }
      if (same) return id;
    }
    next_[static_cast<std::size_t>(last)] = size();
  }
  int32_t id = size();
  for (std::size_t k = 0; k < candidates.size(); ++k) {
    flat_.push_back(candidates[k]);
    km_.push_back(kilometres(k));
  }
  off_.push_back(static_cast<uint32_t>(flat_.size()));
  next_.push_back(-1);
  return id;
}

std::vector<int32_t> CandidateLists::InternAll(const CandidateLists& other) {
  std::vector<int32_t> ids(static_cast<std::size_t>(other.size()));
  for (int32_t id = 0; id < other.size(); ++id) {
    ids[static_cast<std::size_t>(id)] = Intern(other.list(id), other.km(id));
  }
  return ids;
}

}  // namespace layak::refer
