// The in-memory caseload: one Column per schema input field of each scope,
// members grouped by household through offsets (the members of household h
// are member rows [member_offsets[h], member_offsets[h + 1])).
#ifndef LAYAK_DATA_CASELOAD_DATA_H_
#define LAYAK_DATA_CASELOAD_DATA_H_

#include <cstdint>
#include <string>
#include <vector>

#include "data/column.h"
#include "ir/ir.h"

namespace layak::data {

// Columns of one scope. `columns` is indexed by ir field index; fields of the
// other scope and fields with no data (derived, or absent from the input)
// have present[f] == 0 and read as unknown.
struct Table {
  std::size_t rows = 0;
  std::vector<Column> columns;
  std::vector<uint8_t> present;
};

// The key field of a scope (-1 when the schema declares none).
int KeyField(const ir::Module& module, pack::Scope scope);

// A whole caseload, ready for evaluation.
class CaseloadData {
 public:
  // Empty columns for every input field of `module`.
  explicit CaseloadData(const ir::Module& module);

  const ir::Module& module() const { return *module_; }
  std::size_t households() const { return households_.rows; }
  std::size_t members() const { return members_.rows; }
  const Table& table(pack::Scope scope) const { return scope == pack::Scope::kHousehold ? households_ : members_; }
  Table& table(pack::Scope scope) { return scope == pack::Scope::kHousehold ? households_ : members_; }
  // households() + 1 entries, non-decreasing.
  const std::vector<uint64_t>& member_offsets() const { return offsets_; }
  std::vector<uint64_t>& member_offsets() { return offsets_; }

  // The key field of a scope (-1 when the schema declares none).
  int key_field(pack::Scope scope) const { return scope == pack::Scope::kHousehold ? household_key_ : member_key_; }
  // The household's key as text ("" when there is no key column).
  std::string_view HouseholdKey(std::size_t h) const;

 private:
  const ir::Module* module_;
  Table households_, members_;
  std::vector<uint64_t> offsets_{0};
  int household_key_ = -1, member_key_ = -1;
};

}  // namespace layak::data

#endif  // LAYAK_DATA_CASELOAD_DATA_H_
