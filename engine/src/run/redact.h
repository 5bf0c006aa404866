// Redaction of per-row results shared beyond the case worker: identifiers
// replaced (by the row's position, or by a keyed hash, HMAC-SHA256 through
// OpenSSL, so the same person gets the same pseudonym across runs with the
// same key and nobody without the key can test a guessed NIK), sensitive
// field names dropped from missing-field lists, and the rows of programs
// whose criteria read a sensitive field withheld, since their status alone
// would disclose it.
#ifndef LAYAK_RUN_REDACT_H_
#define LAYAK_RUN_REDACT_H_

#include <string>
#include <string_view>
#include <vector>

#include "eval/plan.h"

namespace layak::run {

// What to leave out of per-row output.
class Redaction {
 public:
  // `key` empty: identifiers become positions ("row:17", "#2").
  Redaction(const eval::Plan& plan, std::string key);

  // Whether program `p`'s rows are withheld (it reads a sensitive field).
  bool Withheld(std::size_t p) const { return withheld_[p] != 0; }
  // The ids of withheld programs, for a note to the user.
  std::vector<std::string> WithheldPrograms() const;
  // Drops names of sensitive fields ("members[2].hiv_status") from `names`.
  void FilterFields(std::vector<std::string>* names) const;
  // The id as it may be shown: keyed hash when keyed, else `position`.
  std::string Id(std::string_view id, std::string_view position) const;

 private:
  const eval::Plan& plan_;
  std::string key_;
  std::vector<uint8_t> withheld_;
  std::vector<std::string> sensitive_;  // field names
};

}  // namespace layak::run

#endif  // LAYAK_RUN_REDACT_H_
