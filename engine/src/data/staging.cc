#include "data/staging.h"

#include <algorithm>

#include "absl/hash/hash.h"
#include "absl/strings/str_cat.h"

namespace layak::data {

uint64_t KeyHash(std::string_view key) {
  uint64_t h = absl::HashOf(util::Sv(key));
  return h == 0 ? 1 : h;  // 0 means "no key"
}

Staging::Staging(const ir::Module& module) : module_(&module), data_(std::make_unique<CaseloadData>(module)) {}

uint32_t Staging::AddSource(std::string name, std::string_view text, std::size_t base_offset, uint64_t base_line) {
  sources_.push_back({std::move(name), text, base_offset, base_line, 0, {}});
  return static_cast<uint32_t>(sources_.size() - 1);
}

uint64_t Staging::LineOf(const RowOrigin& o) {
  Source& s = sources_[o.source];
  if (s.line_starts.empty()) {
    s.line_starts.push_back(s.base_offset);
    for (std::size_t i = s.text.find('\n', s.base_offset); i != std::string_view::npos; i = s.text.find('\n', i + 1)) {
      s.line_starts.push_back(i + 1);
    }
  }
  auto it = std::upper_bound(s.line_starts.begin(), s.line_starts.end(), o.offset);
  return s.base_line - 1 + static_cast<uint64_t>(it - s.line_starts.begin());
}

int64_t Staging::FindHousehold(std::string_view key) const {
  auto it = key_by_hash_.find(KeyHash(key));
  if (it == key_by_hash_.end()) return -1;
  uint64_t slot = it->second;
  if (std::string_view(key_chars_).substr(key_offsets_[slot], key_offsets_[slot + 1] - key_offsets_[slot]) == key) {
    return static_cast<int64_t>(key_row_[slot]);
  }
  auto c = key_collided_.find(util::Sv(key));
  return c == key_collided_.end() ? -1 : static_cast<int64_t>(key_row_[c->second]);
}

int64_t Staging::FindHouseholdNear(std::string_view key, int64_t hint) const {
  if (hint >= 0 && static_cast<std::size_t>(hint) < slot_of_row_.size()) {
    int64_t slot = slot_of_row_[static_cast<std::size_t>(hint)];
    if (slot >= 0) {
      auto s = static_cast<std::size_t>(slot);
      if (std::string_view(key_chars_).substr(key_offsets_[s], key_offsets_[s + 1] - key_offsets_[s]) == key) {
        return hint;
      }
    }
  }
  return FindHousehold(key);
}

std::string Staging::FirstPlace(uint64_t first_row) {
  if (first_row == kEarlierChunk) return "an earlier chunk";
  return absl::StrCat("line ", HouseholdLine(first_row));
}

bool Staging::AddHouseholdKey(std::string_view key, uint64_t row, uint64_t* first_row) {
  if (SeenBefore(key)) {
    *first_row = kEarlierChunk;
    return false;
  }
  int64_t found = FindHousehold(key);
  if (found >= 0) {
    *first_row = static_cast<uint64_t>(found);
    return false;
  }
  uint64_t slot = key_row_.size();
  auto [it, fresh] = key_by_hash_.try_emplace(KeyHash(key), slot);
  if (!fresh) key_collided_.try_emplace(util::Sv(key), slot);
  key_chars_.append(key);
  key_offsets_.push_back(key_chars_.size());
  key_row_.push_back(row);
  if (slot_of_row_.size() <= row) slot_of_row_.resize(row + 1, -1);
  slot_of_row_[row] = static_cast<int64_t>(slot);
  return true;
}

void Staging::StagedHousehold(const RowOrigin& origin) {
  household_origin_.push_back(origin);
  household_bad_.push_back(0);
  ++counts_.households_read;
}

void Staging::StagedMember(const RowOrigin& origin, int64_t household, uint64_t key_hash) {
  member_origin_.push_back(origin);
  member_household_.push_back(household);
  member_key_hash_.push_back(key_hash);
  member_bad_.push_back(0);
  ++counts_.members_read;
}

void Staging::StagedMembers(const std::vector<RowOrigin>& origins, const std::vector<int64_t>& households,
                            const std::vector<uint64_t>& key_hashes) {
  member_origin_.insert(member_origin_.end(), origins.begin(), origins.end());
  member_household_.insert(member_household_.end(), households.begin(), households.end());
  member_key_hash_.insert(member_key_hash_.end(), key_hashes.begin(), key_hashes.end());
  member_bad_.resize(member_bad_.size() + origins.size(), 0);
  counts_.members_read += origins.size();
}

void Staging::AddReject(const RowOrigin& o, std::string reason) {
  rejects_.push_back({sources_[o.source].name, LineOf(o), std::move(reason), std::string(Record(o))});
}

void Staging::RejectRow(const RowOrigin& origin, Problem problem, bool member, int64_t household) {
  std::string reason = problem.message;
  RejectHouseholdOf(household, origin.source, problem.line, reason);
  rejects_.push_back({sources_[origin.source].name, problem.line, reason, std::string(Record(origin))});
  problems_.push_back(std::move(problem));
  if (member) {
    ++counts_.members_read;
    ++counts_.members_rejected;
  } else {
    ++counts_.households_read;
    ++counts_.households_rejected;
  }
}

void Staging::RejectHouseholdOf(int64_t household, uint32_t source, uint64_t line, const std::string& reason) {
  if (household < 0 || household_bad_[static_cast<std::size_t>(household)]) return;
  household_bad_[static_cast<std::size_t>(household)] = 1;
  household_reason_[static_cast<uint64_t>(household)] =
      absl::StrCat("member on ", sources_[source].name, " line ", line, " rejected: ", reason);
}

void Staging::RejectStagedHousehold(uint64_t row, Problem problem) {
  if (!household_bad_[row]) {
    household_bad_[row] = 1;
    household_reason_[row] = problem.message;
  }
  problems_.push_back(std::move(problem));
}

void Staging::NoteRejectedHousehold(std::string_view key, uint64_t line) {
  rejected_keys_.try_emplace(util::Sv(key), line);
}

uint64_t Staging::RejectedHouseholdLine(std::string_view key) const {
  auto it = rejected_keys_.find(util::Sv(key));
  return it == rejected_keys_.end() ? 0 : it->second;
}

void Staging::Fatal(Problem problem) {
  problems_.push_back(std::move(problem));
  fatal_ = true;
}

std::string Staging::Render(const Problem& p) const {
  return absl::StrCat(sources_[p.source].name, ":", p.line, ":", p.column, ": error: ", p.message);
}

namespace {

// LSD radix sort, 16 bits a pass: a few times faster than std::sort on the
// millions of fingerprints of a national caseload.
void RadixSort(std::vector<uint64_t>* v) {
  if (v->size() < (1u << 16)) {  // the passes over 65,536 counters only pay for large inputs
    std::sort(v->begin(), v->end());
    return;
  }
  std::vector<uint64_t> tmp(v->size());
  std::vector<std::size_t> count(1 << 16);
  for (int shift = 0; shift < 64; shift += 16) {
    std::fill(count.begin(), count.end(), 0);
    for (uint64_t x : *v) ++count[(x >> shift) & 0xFFFF];
    std::size_t sum = 0;
    for (auto& c : count) {
      std::size_t n = c;
      c = sum;
      sum += n;
    }
    for (uint64_t x : *v) tmp[count[(x >> shift) & 0xFFFF]++] = x;
    v->swap(tmp);
  }
}

}  // namespace

void Staging::FindDuplicateMembers() {
  const int key = data_->key_field(pack::Scope::kMember);
  if (key < 0) return;
  const Column& keys = data_->table(pack::Scope::kMember).columns[static_cast<std::size_t>(key)];
  // Sort the fingerprints alone; only rows whose fingerprint repeats are
  // then compared by text (a repeat is a duplicate or, rarely, a collision).
  std::vector<uint64_t> hashes;
  hashes.reserve(member_key_hash_.size());
  for (uint64_t h : member_key_hash_) {
    if (h != 0) hashes.push_back(h);
  }
  RadixSort(&hashes);
  std::vector<uint64_t> repeated;
  for (std::size_t i = 1; i < hashes.size(); ++i) {
    if (hashes[i] == hashes[i - 1] && (repeated.empty() || repeated.back() != hashes[i])) repeated.push_back(hashes[i]);
  }
  if (repeated.empty()) return;
  std::vector<std::pair<uint64_t, uint64_t>> order;  // (hash, row), rows in input order within a hash
  for (uint64_t m = 0; m < member_key_hash_.size(); ++m) {
    if (std::binary_search(repeated.begin(), repeated.end(), member_key_hash_[m])) {
      order.emplace_back(member_key_hash_[m], m);
    }
  }
  std::sort(order.begin(), order.end());
  for (std::size_t i = 0; i < order.size();) {
    std::size_t j = i + 1;
    while (j < order.size() && order[j].first == order[i].first) ++j;
    // Within one fingerprint, rows in input order; equal texts are duplicates.
    for (std::size_t a = i; a < j; ++a) {
      uint64_t row = order[a].second;
      for (std::size_t b = i; b < a; ++b) {
        uint64_t first = order[b].second;
        if (keys.text(first) != keys.text(row)) continue;
        const RowOrigin& o = member_origin_[row];
        Problem p{o.source, LineOf(o), sources_[o.source].key_column,
                  absl::StrCat(
                      "duplicate key '", util::Sv(keys.text(row)), "' (first on ",
                      member_origin_[first].source == o.source ? "" : sources_[member_origin_[first].source].name + " ",
                      "line ", LineOf(member_origin_[first]), ")")};
        member_bad_[row] = 1;
        ++counts_.members_rejected;
        AddReject(o, p.message);
        RejectHouseholdOf(member_household_[row], o.source, p.line, p.message);
        problems_.push_back(std::move(p));
        break;
      }
    }
    i = j;
  }
}

std::unique_ptr<CaseloadData> Staging::Finish(std::vector<Reject>* rejects, LoadCounts* counts) {
  FindDuplicateMembers();
  const std::size_t nh = household_origin_.size(), nm = member_origin_.size();
  // A member row whose household is rejected goes with it.
  for (std::size_t m = 0; m < nm; ++m) {
    int64_t h = member_household_[m];
    if (member_bad_[m] || h < 0 || !household_bad_[static_cast<std::size_t>(h)]) continue;
    member_bad_[m] = 1;
    ++counts_.members_rejected;
    AddReject(member_origin_[m], "its household is rejected");
  }
  std::vector<int64_t> new_row(nh, -1);
  std::size_t kept = 0;
  for (std::size_t h = 0; h < nh; ++h) {
    if (household_bad_[h]) {
      ++counts_.households_rejected;
      AddReject(household_origin_[h], household_reason_[h]);
    } else {
      new_row[h] = static_cast<int64_t>(kept++);
    }
  }
  auto out = std::make_unique<CaseloadData>(*module_);
  Table& src_h = data_->table(pack::Scope::kHousehold);
  Table& src_m = data_->table(pack::Scope::kMember);
  Table& dst_h = out->table(pack::Scope::kHousehold);
  Table& dst_m = out->table(pack::Scope::kMember);
  dst_h.present = src_h.present;
  dst_m.present = src_m.present;
  if (kept == nh) {
    dst_h.columns = std::move(src_h.columns);
  } else {
    for (std::size_t f = 0; f < dst_h.columns.size(); ++f) {
      if (!src_h.present[f]) continue;
      dst_h.columns[f].Reserve(kept);
      for (std::size_t h = 0; h < nh; ++h) {
        if (!household_bad_[h]) dst_h.columns[f].AppendRow(src_h.columns[f], h);
      }
    }
  }
  dst_h.rows = kept;
  // Stable counting sort of the kept members by their household's new row.
  std::vector<uint64_t>& offsets = out->member_offsets();
  offsets.assign(kept + 1, 0);
  bool in_order = true;
  int64_t last = -1;
  std::size_t kept_members = 0;
  for (std::size_t m = 0; m < nm; ++m) {
    if (member_bad_[m]) {
      in_order = false;
      continue;
    }
    int64_t h = new_row[static_cast<std::size_t>(member_household_[m])];
    if (h < last) in_order = false;
    last = h;
    ++offsets[static_cast<std::size_t>(h) + 1];
    ++kept_members;
  }
  for (std::size_t h = 0; h < kept; ++h) offsets[h + 1] += offsets[h];
  if (in_order) {
    dst_m.columns = std::move(src_m.columns);
  } else {
    std::vector<uint64_t> order(kept_members);
    std::vector<uint64_t> next(offsets.begin(), offsets.end() - 1);
    for (std::size_t m = 0; m < nm; ++m) {
      if (member_bad_[m]) continue;
      auto h = static_cast<std::size_t>(new_row[static_cast<std::size_t>(member_household_[m])]);
      order[next[h]++] = m;
    }
    for (std::size_t f = 0; f < dst_m.columns.size(); ++f) {
      if (!src_m.present[f]) continue;
      dst_m.columns[f].Reserve(kept_members);
      for (uint64_t m : order) dst_m.columns[f].AppendRow(src_m.columns[f], m);
      src_m.columns[f].Clear();
    }
  }
  dst_m.rows = kept_members;
  // Rejects in file order, then line order.
  std::stable_sort(rejects_.begin(), rejects_.end(), [&](const Reject& a, const Reject& b) {
    return a.source != b.source ? a.source < b.source : a.line < b.line;
  });
  std::stable_sort(problems_.begin(), problems_.end(), [](const Problem& a, const Problem& b) {
    return a.source != b.source ? a.source < b.source : a.line < b.line;
  });
  if (rejects != nullptr) *rejects = std::move(rejects_);
  if (counts != nullptr) *counts = counts_;
  return out;
}

}  // namespace layak::data
