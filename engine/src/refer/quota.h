// Quotas: a program's places limited per value of a key field (BLT Dana
// Desa places per desa). Each key value met in the caseload is a pool: a
// resource with the table's places on the as-of date that serves only the
// households of that value, at distance 0. Assignment gives pools out like
// any resource's places (refer/assign.h), so the program's priority (desil)
// decides who gets them.
#ifndef LAYAK_REFER_QUOTA_H_
#define LAYAK_REFER_QUOTA_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "data/caseload_data.h"
#include "ir/ir.h"

namespace layak::refer {

// One pool: quota `quota` of the module, for one key value.
struct Pool {
  std::size_t quota = 0;
  std::string key;
  int64_t places = 0;
  bool listed = false;  // the table (or its default) gives the places; else 0
};

// The pools of a caseload, made as households are met.
class QuotaPools {
 public:
  QuotaPools(const ir::Module& m, const data::CaseloadData& data, int32_t as_of);

  // The key value of household `row` for quota `q`; nullopt when unknown.
  std::optional<std::string> Key(std::size_t q, std::size_t row) const;
  // The pool of quota `q` for `key` (made on first use): its index in pools().
  std::size_t PoolOf(std::size_t q, const std::string& key);
  const std::vector<Pool>& pools() const { return pools_; }
  // "region_code" for quota q.
  const std::string& KeyField(std::size_t q) const;
  // "BLT_DD".
  const std::string& Program(std::size_t q) const;

 private:
  int64_t Places(std::size_t q, const std::string& key, bool* listed) const;

  const ir::Module& m_;
  const data::CaseloadData& data_;
  int32_t as_of_;
  std::vector<Pool> pools_;
  absl::flat_hash_map<std::pair<std::size_t, std::string>, std::size_t> index_;
};

}  // namespace layak::refer

#endif  // LAYAK_REFER_QUOTA_H_
