// Columns handed over from Python (NumPy buffers and str objects) and the
// caseloads built from them. Reading the columns needs the GIL; building
// does not, so callers release it in between.
#ifndef LAYAK_BINDINGS_PYTHON_SRC_COLUMNS_H_
#define LAYAK_BINDINGS_PYTHON_SRC_COLUMNS_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <pybind11/pybind11.h>

#include "absl/status/statusor.h"
#include "layak/caseload.h"
#include "layak/rule_pack.h"

namespace layak::python {

// One column as CaseloadBuilder takes it: pointers into NumPy buffers (ints
// or doubles) or views of the UTF-8 text of Python str objects.
struct InputColumn {
  enum class Kind { kInts, kDoubles, kTexts };
  std::string field;
  Kind kind = Kind::kInts;
  std::size_t size = 0;
  const int64_t* ints = nullptr;
  const double* doubles = nullptr;
  std::vector<std::string_view> texts;
  const uint8_t* known = nullptr;  // null: every value is known
};

// A caseload's columns, with the Python objects that own their memory.
struct CaseloadInput {
  std::size_t households = 0;
  const int64_t* member_households = nullptr;  // each member's household row
  std::size_t members = 0;
  std::vector<InputColumn> household_columns, member_columns;
  // Keep the buffers alive; destroyed with the GIL held, like every py::object.
  std::vector<pybind11::object> owners;
};

// Reads the columns given as (field, kind, values, known) tuples, kind being
// "int" (int64 array), "double" (float64 array) or "text" (object array of
// str; other objects are turned into str), known a uint8/bool array or None.
// Arrays of the right dtype are used in place. Needs the GIL; raises
// ValueError/TypeError for a malformed column.
CaseloadInput ReadInput(std::size_t households, const pybind11::object& member_households,
                        const pybind11::list& household_columns, const pybind11::list& member_columns);

// Members grouped by household, as CaseloadBuilder orders them: the members
// of household h are order[offsets[h]] .. order[offsets[h+1]-1], in input order.
struct MemberOrder {
  std::vector<uint64_t> offsets;
  std::vector<uint64_t> order;
};

// The grouping, or false when a member names a household that does not exist
// (BuildCaseload then reports it).
bool GroupMembers(const CaseloadInput& in, MemberOrder* out);

// The caseload of households [begin, end) of `in` and their members (all of
// them when begin == 0 and end == in.households, without copying columns).
// The members of the caseload are in the order `order` gives. No GIL needed.
absl::StatusOr<Caseload> BuildCaseload(const RulePack& pack, const CaseloadInput& in, const MemberOrder& order,
                                       std::size_t begin, std::size_t end);

// The whole input as one caseload; errors name rows of the whole input. No GIL needed.
absl::StatusOr<Caseload> BuildWhole(const RulePack& pack, const CaseloadInput& in);

}  // namespace layak::python

#endif  // LAYAK_BINDINGS_PYTHON_SRC_COLUMNS_H_
