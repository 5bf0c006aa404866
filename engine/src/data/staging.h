// Where readers put rows before the caseload is final: households and members
// in input order, each row's origin (file and byte span, from which its line
// and raw record are recovered when needed), and every data problem found.
// Finish() finds duplicate member keys, drops rejected households with all
// their members, groups members by household (a stable counting sort:
// members need not be sorted in the input) and reports every rejected row
// with its reason, so that read = evaluated + rejected always holds.
#ifndef LAYAK_DATA_STAGING_H_
#define LAYAK_DATA_STAGING_H_

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "data/caseload_data.h"
#include "util/absl_compat.h"

namespace layak::data {

// Where a row came from: a byte span of a source's text.
struct RowOrigin {
  uint64_t offset = 0;
  uint32_t length = 0;
  uint32_t source = 0;
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

// AddHouseholdKey's *first_row when the key was in an earlier chunk.
inline constexpr uint64_t kEarlierChunk = ~uint64_t{0};

// A 64-bit fingerprint of a key.
uint64_t KeyHash(std::string_view key);

// Rows being read.
class Staging {
 public:
  explicit Staging(const ir::Module& module);

  const ir::Module& module() const { return *module_; }
  CaseloadData& data() { return *data_; }

  // Registers an input file and its text (kept readable until Finish).
  // `key_column` is the 1-based column of the member key, for messages.
  // For a chunk of a file, `base_offset` is where the chunk's rows start and
  // `base_line` the line there (lines are counted from it, not from the top).
  uint32_t AddSource(std::string name, std::string_view text, std::size_t base_offset = 0, uint64_t base_line = 1);
  // Household key fingerprints of earlier chunks: a key among them is a
  // duplicate, and a member naming one is out of order.
  void SetSeenHouseholds(const absl::flat_hash_set<uint64_t>* seen) { seen_ = seen; }
  bool chunked() const { return seen_ != nullptr; }
  bool SeenBefore(std::string_view key) const { return seen_ != nullptr && seen_->contains(KeyHash(key)); }
  void SetKeyColumn(uint32_t source, int column) { sources_[source].key_column = column; }
  const std::string& source_name(uint32_t s) const { return sources_[s].name; }
  std::string_view Record(const RowOrigin& o) const { return sources_[o.source].text.substr(o.offset, o.length); }
  // The 1-based line on which a row starts (an index of line starts is built
  // the first time a source needs one).
  uint64_t LineOf(const RowOrigin& o);

  // Household keys: the row holding `key`, or -1. Safe from several threads
  // while no key is being added.
  int64_t FindHousehold(std::string_view key) const;
  // As FindHousehold, trying household row `hint` first (members usually
  // follow their households in order: the next row is a cache-friendly guess).
  int64_t FindHouseholdNear(std::string_view key, int64_t hint) const;
  // Records a staged household row's key; false when the key is taken
  // (*first_row then holds the row that has it, or kEarlierChunk).
  bool AddHouseholdKey(std::string_view key, uint64_t row, uint64_t* first_row);

  // The line of staged household row `row`.
  uint64_t HouseholdLine(uint64_t row) { return LineOf(household_origin_[row]); }
  // "line N" of the first row holding a key, or "an earlier chunk".
  std::string FirstPlace(uint64_t first_row);
  // A household or member row was staged (after its cells were appended).
  void StagedHousehold(const RowOrigin& origin);
  // `key_hash` is KeyHash(member key), or 0 when the person has no key.
  void StagedMember(const RowOrigin& origin, int64_t household, uint64_t key_hash);
  // Many members at once (a block with no bad row).
  void StagedMembers(const std::vector<RowOrigin>& origins, const std::vector<int64_t>& households,
                     const std::vector<uint64_t>& key_hashes);

  // A row that could not be staged. For a member row whose household was
  // found (`household` >= 0), the household is rejected with it.
  void RejectRow(const RowOrigin& origin, Problem problem, bool member, int64_t household = -1);
  // A staged household found bad after staging (a duplicate key).
  void RejectStagedHousehold(uint64_t row, Problem problem);
  // A household row with this key was rejected on `line`; its members go too.
  void NoteRejectedHousehold(std::string_view key, uint64_t line);
  // The line of a rejected household with this key, or 0.
  uint64_t RejectedHouseholdLine(std::string_view key) const;
  // A problem that stops the load whatever the options (no key column, ...).
  void Fatal(Problem problem);

  const std::vector<Problem>& problems() const { return problems_; }
  bool fatal() const { return fatal_; }
  std::string Render(const Problem& p) const;

  // The final caseload; `rejects` receives every rejected row.
  std::unique_ptr<CaseloadData> Finish(std::vector<Reject>* rejects, LoadCounts* counts);

 private:
  struct Source {
    std::string name;
    std::string_view text;
    std::size_t base_offset = 0;
    uint64_t base_line = 1;
    int key_column = 0;
    std::vector<uint64_t> line_starts;  // built on demand
  };
  void FindDuplicateMembers();
  // A member row on `line` of `source` was rejected: its household goes too.
  void RejectHouseholdOf(int64_t household, uint32_t source, uint64_t line, const std::string& reason);
  void AddReject(const RowOrigin& o, std::string reason);

  const ir::Module* module_;
  std::unique_ptr<CaseloadData> data_;
  std::vector<Source> sources_;
  std::vector<RowOrigin> household_origin_, member_origin_;
  std::vector<int64_t> member_household_;
  std::vector<uint64_t> member_key_hash_;
  std::vector<uint8_t> household_bad_, member_bad_;
  absl::flat_hash_map<uint64_t, std::string> household_reason_;
  // Household keys by fingerprint; texts kept to check a fingerprint exactly.
  absl::flat_hash_map<uint64_t, uint64_t> key_by_hash_;
  absl::flat_hash_map<std::string, uint64_t> key_collided_;
  std::vector<uint64_t> key_row_;
  std::string key_chars_;
  std::vector<uint64_t> key_offsets_{0};
  std::vector<int64_t> slot_of_row_;  // household row -> key slot, or -1
  absl::flat_hash_map<std::string, uint64_t> rejected_keys_;
  std::vector<Problem> problems_;
  std::vector<Reject> rejects_;
  LoadCounts counts_;
  bool fatal_ = false;
  const absl::flat_hash_set<uint64_t>* seen_ = nullptr;
};

}  // namespace layak::data

#endif  // LAYAK_DATA_STAGING_H_
