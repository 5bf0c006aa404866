// Evaluating a caseload given as Python columns, on several threads, and
// handing the results back as NumPy arrays (one per result column).
#ifndef LAYAK_BINDINGS_PYTHON_SRC_RESULTS_H_
#define LAYAK_BINDINGS_PYTHON_SRC_RESULTS_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include <pybind11/pybind11.h>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "columns.h"
#include "layak/evaluate.h"

namespace layak::python {

// A sequence of strings per result row (failed clauses, missing fields,
// errors), interned: each distinct string once, each distinct sequence once,
// and per row the index of its sequence. Rows repeat a few hundred distinct
// sequences, so Python gets one shared tuple per sequence instead of a new
// list per row (25 million fewer objects on 100,000 Tuban households).
struct StringLists {
  StringLists();
  // Adds a row's sequence; `slot` (the row's program) keys a one-entry cache:
  // rows of one program mostly repeat the previous row's sequence.
  void Add(const std::vector<std::string>& items, std::size_t slot);

  std::vector<std::string> strings;
  std::vector<std::vector<uint32_t>> sequences;  // ids into strings; sequences[0] is empty
  std::vector<uint32_t> rows;                    // per row, its index into sequences

 private:
  absl::flat_hash_map<std::string, uint32_t> string_index_;
  absl::flat_hash_map<std::vector<uint32_t>, uint32_t> sequence_index_;
  std::vector<uint32_t> scratch_;
  std::vector<std::pair<std::vector<std::string>, uint32_t>> last_;  // per slot: the last sequence added
};

// The results of one chunk of households, column by column.
struct ResultColumns {
  std::vector<int64_t> household;  // row of the input households
  std::vector<int64_t> member;     // row of the input members, -1 for household programs
  std::vector<int16_t> program;    // index in pack order
  std::vector<int8_t> status;      // 0 eligible, 1 ineligible, 2 unknown (the Python categories)
  std::vector<int64_t> benefit;
  std::vector<uint8_t> no_benefit;  // 1 where the benefit is missing (pandas' mask)
  StringLists failed, missing, errors;
};

// Evaluates every household of `in`, in chunks of a few thousand households
// shared among `threads` threads (0: the cores this process may use);
// results in input order. A caseload that cannot be built gives
// InvalidArgument naming rows of the whole input. Needs no GIL.
absl::StatusOr<std::vector<ResultColumns>> EvaluateColumns(const Plan& plan, const CaseloadInput& in, int threads);

// The results as a dict of NumPy arrays: household, member, program,
// status, benefit, benefit_missing (int/bool arrays), failed, missing,
// errors (object arrays of tuples of str, equal tuples shared), and
// household_id, member_id (object arrays: the items of `household_keys` and
// `member_keys`, 1-D object arrays or None, at each row's household and
// member; None for household programs and missing keys). Needs the GIL.
pybind11::dict ResultsToPython(const std::vector<ResultColumns>& chunks, const pybind11::object& household_keys,
                               const pybind11::object& member_keys);

}  // namespace layak::python

#endif  // LAYAK_BINDINGS_PYTHON_SRC_RESULTS_H_
