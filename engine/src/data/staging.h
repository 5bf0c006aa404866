// Where readers put rows before the caseload is final: households and members
// in input order, each row's origin (file, line, raw record), and every data
// problem found. Finish() drops rejected households with all their members,
// groups members by household (a stable counting sort: members need not be
// sorted in the input) and reports every rejected row with its reason, so
// that read = evaluated + rejected always holds.
#ifndef LAYAK_DATA_STAGING_H_
#define LAYAK_DATA_STAGING_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "data/caseload_data.h"
#include "util/absl_compat.h"

namespace layak::data {

// Where a row came from. The record text stays readable until Finish().
struct RowOrigin {
  uint32_t source = 0;
  uint64_t line = 0;
  std::string_view record;
};

// A data problem: FILE:LINE:COL: error: message.
struct Problem {
  uint32_t source = 0;
  uint64_t line = 0;
  int column = 0;  // 1-based field number; 0 when the whole row is at fault
  std::string message;
};

// A rejected input row.
struct Reject {
  std::string source;
  uint64_t line = 0;
  std::string reason;
  std::string record;
};

// Counts of one load.
struct LoadCounts {
  uint64_t households_read = 0, members_read = 0;
  uint64_t households_rejected = 0, members_rejected = 0;
};

// Rows being read.
class Staging {
 public:
  explicit Staging(const ir::Module& module);

  const ir::Module& module() const { return *module_; }
  CaseloadData& data() { return *data_; }

  // Registers an input file; returns its index for RowOrigin::source.
  uint32_t AddSource(std::string name);
  const std::string& source_name(uint32_t s) const { return sources_[s]; }

  // Household keys: the row holding `key`, or -1.
  int64_t FindHousehold(std::string_view key) const;
  // Records a staged household row's key; false (and nothing recorded) when
  // the key is already taken: *first_line then holds the first row's line.
  bool AddHouseholdKey(std::string_view key, uint64_t row, uint64_t* first_line);
  // A household row with this key was rejected on `line`; its members go too.
  void NoteRejectedHousehold(std::string_view key, uint64_t line) { rejected_keys_.try_emplace(util::Sv(key), line); }
  // The line of a rejected household with this key, or 0.
  uint64_t RejectedHouseholdLine(std::string_view key) const {
    auto it = rejected_keys_.find(util::Sv(key));
    return it == rejected_keys_.end() ? 0 : it->second;
  }
  // Member keys (an 8-byte fingerprint each, checked exactly on collision).
  bool AddMemberKey(std::string_view key, uint64_t row, uint64_t* first_line);

  // A household or member row was staged (after its cells were appended).
  void StagedHousehold(const RowOrigin& origin);
  void StagedMember(const RowOrigin& origin, int64_t household);

  // A row that could not be staged, or a staged one found bad later
  // (staged_member >= 0: that member row; its household goes with it).
  // A member row's staged household (`household` >= 0) is rejected with it.
  void RejectRow(const RowOrigin& origin, Problem problem, bool member, int64_t staged_member = -1,
                 int64_t household = -1);
  // A problem that stops the load whatever the options (no key column, ...).
  void Fatal(Problem problem);

  const std::vector<Problem>& problems() const { return problems_; }
  bool fatal() const { return fatal_; }
  std::string Render(const Problem& p) const;

  // The final caseload; `rejects` receives every rejected row.
  std::unique_ptr<CaseloadData> Finish(std::vector<Reject>* rejects, LoadCounts* counts);

 private:
  const ir::Module* module_;
  std::unique_ptr<CaseloadData> data_;
  std::vector<std::string> sources_;
  std::vector<RowOrigin> household_origin_, member_origin_;
  std::vector<int64_t> member_household_;
  std::vector<uint8_t> household_bad_, member_bad_;
  std::vector<std::string> household_reason_;
  // Keys by 8-byte fingerprint; the texts, to check a fingerprint exactly.
  struct KeyIndex {
    absl::flat_hash_map<uint64_t, uint64_t> by_hash;
    absl::flat_hash_map<std::string, uint64_t> collided;
    std::string chars;
    std::vector<uint64_t> offsets{0};
    std::vector<uint64_t> rows;
    std::string_view text(uint64_t i) const { return {chars.data() + offsets[i], offsets[i + 1] - offsets[i]}; }
    int64_t Find(std::string_view key) const;
    bool Add(std::string_view key, uint64_t row, uint64_t* first_row);
  };
  KeyIndex household_keys_, member_keys_;
  absl::flat_hash_map<std::string, uint64_t> rejected_keys_;
  std::vector<Problem> problems_;
  std::vector<Reject> early_rejects_;
  LoadCounts counts_;
  bool fatal_ = false;
};

}  // namespace layak::data

#endif  // LAYAK_DATA_STAGING_H_
