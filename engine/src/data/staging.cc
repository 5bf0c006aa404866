#include "data/staging.h"

#include "absl/hash/hash.h"
#include "absl/strings/str_cat.h"

namespace layak::data {

Staging::Staging(const ir::Module& module) : module_(&module), data_(std::make_unique<CaseloadData>(module)) {}

uint32_t Staging::AddSource(std::string name) {
  sources_.push_back(std::move(name));
  return static_cast<uint32_t>(sources_.size() - 1);
}

int64_t Staging::KeyIndex::Find(std::string_view key) const {
  auto it = by_hash.find(absl::HashOf(key));
  if (it == by_hash.end()) return -1;
  if (text(it->second) == key) return static_cast<int64_t>(rows[it->second]);
  auto c = collided.find(std::string(key));
  return c == collided.end() ? -1 : static_cast<int64_t>(rows[c->second]);
}

bool Staging::KeyIndex::Add(std::string_view key, uint64_t row, uint64_t* first_row) {
  uint64_t slot = rows.size();
  auto [it, fresh] = by_hash.try_emplace(absl::HashOf(key), slot);
  if (!fresh) {
    if (text(it->second) == key) {
      *first_row = rows[it->second];
      return false;
    }
    auto [c, cfresh] = collided.try_emplace(std::string(key), slot);
    if (!cfresh) {
      *first_row = rows[c->second];
      return false;
    }
  }
  chars.append(key);
  offsets.push_back(chars.size());
  rows.push_back(row);
  return true;
}

int64_t Staging::FindHousehold(std::string_view key) const { return household_keys_.Find(key); }

bool Staging::AddHouseholdKey(std::string_view key, uint64_t row, uint64_t* first_line) {
  uint64_t first = 0;
  if (household_keys_.Add(key, row, &first)) return true;
  *first_line = household_origin_[first].line;
  return false;
}

bool Staging::AddMemberKey(std::string_view key, uint64_t row, uint64_t* first_line) {
  uint64_t first = 0;
  if (member_keys_.Add(key, row, &first)) return true;
  *first_line = member_origin_[first].line;
  return false;
}

void Staging::StagedHousehold(const RowOrigin& origin) {
  household_origin_.push_back(origin);
  household_bad_.push_back(0);
  household_reason_.emplace_back();
  ++counts_.households_read;
}

void Staging::StagedMember(const RowOrigin& origin, int64_t household) {
  member_origin_.push_back(origin);
  member_household_.push_back(household);
  member_bad_.push_back(0);
  ++counts_.members_read;
}

void Staging::RejectRow(const RowOrigin& origin, Problem problem, bool member, int64_t staged_member,
                        int64_t household) {
  std::string reason = problem.message;
  problems_.push_back(std::move(problem));
  if (household >= 0 && !household_bad_[static_cast<std::size_t>(household)]) {
    household_bad_[static_cast<std::size_t>(household)] = 1;
    household_reason_[static_cast<std::size_t>(household)] =
        absl::StrCat("member on ", sources_[origin.source], " line ", origin.line, " rejected: ", reason);
  }
  if (staged_member >= 0) {
    auto m = static_cast<std::size_t>(staged_member);
    if (!member_bad_[m]) {
      member_bad_[m] = 1;
      early_rejects_.push_back({sources_[origin.source], origin.line, reason, std::string(origin.record)});
      ++counts_.members_rejected;
    }
    int64_t h = member_household_[m];
    if (h >= 0 && !household_bad_[static_cast<std::size_t>(h)]) {
      household_bad_[static_cast<std::size_t>(h)] = 1;
      household_reason_[static_cast<std::size_t>(h)] =
          absl::StrCat("member on ", sources_[origin.source], " line ", origin.line, " rejected: ", reason);
    }
    return;
  }
  early_rejects_.push_back({sources_[origin.source], origin.line, std::move(reason), std::string(origin.record)});
  if (member) {
    ++counts_.members_read;
    ++counts_.members_rejected;
  } else {
    ++counts_.households_read;
    ++counts_.households_rejected;
  }
}

void Staging::Fatal(Problem problem) {
  problems_.push_back(std::move(problem));
  fatal_ = true;
}

std::string Staging::Render(const Problem& p) const {
  return absl::StrCat(sources_[p.source], ":", p.line, ":", p.column, ": error: ", p.message);
}

std::unique_ptr<CaseloadData> Staging::Finish(std::vector<Reject>* rejects, LoadCounts* counts) {
  const std::size_t nh = household_origin_.size(), nm = member_origin_.size();
  // A member row whose household is rejected goes with it.
  for (std::size_t m = 0; m < nm; ++m) {
    int64_t h = member_household_[m];
    if (member_bad_[m] || h < 0 || !household_bad_[static_cast<std::size_t>(h)]) continue;
    member_bad_[m] = 1;
    ++counts_.members_rejected;
    const RowOrigin& o = member_origin_[m];
    early_rejects_.push_back({sources_[o.source], o.line, "its household is rejected", std::string(o.record)});
  }
  std::vector<int64_t> new_row(nh, -1);
  std::size_t kept = 0;
  for (std::size_t h = 0; h < nh; ++h) {
    if (household_bad_[h]) {
      ++counts_.households_rejected;
      const RowOrigin& o = household_origin_[h];
      early_rejects_.push_back({sources_[o.source], o.line, household_reason_[h], std::string(o.record)});
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
    }
  }
  dst_m.rows = kept_members;
  if (rejects != nullptr) *rejects = std::move(early_rejects_);
  if (counts != nullptr) *counts = counts_;
  return out;
}

}  // namespace layak::data
