// Chunked evaluation of Python columns (EvaluateColumns, no GIL) and the
// results as NumPy arrays (ResultsToPython, GIL held).
#include "results.h"

#include <algorithm>
#include <atomic>
#include <cstring>
#include <exception>
#include <thread>
#include <utility>

#include <pybind11/numpy.h>

namespace layak::python {
namespace py = pybind11;

StringLists::StringLists() {
  sequences.emplace_back();
  sequence_index_.emplace(std::vector<uint32_t>(), 0);
}

void StringLists::Add(const std::vector<std::string>& items, std::size_t slot) {
  if (items.empty()) {  // most rows: no failed clause, nothing missing, no error
    rows.push_back(0);
    return;
  }
  if (slot >= last_.size()) last_.resize(slot + 1);
  auto& [last, last_sequence] = last_[slot];
  if (items == last) {  // comparing is cheaper than hashing every string
    rows.push_back(last_sequence);
    return;
  }
  scratch_.clear();
  for (const std::string& s : items) {
    auto [it, inserted] = string_index_.try_emplace(s, static_cast<uint32_t>(strings.size()));
    if (inserted) strings.push_back(s);
    scratch_.push_back(it->second);
  }
  auto [it, inserted] = sequence_index_.try_emplace(scratch_, static_cast<uint32_t>(sequences.size()));
  if (inserted) sequences.push_back(scratch_);
  rows.push_back(it->second);
  last = items;
  last_sequence = it->second;
}

namespace {

// Households per chunk, each built and evaluated on its own, one at a time
// per thread. Small enough for a chunk's per-row results (about 90 per Tuban
// household) to stay in cache while they are read back into columns: 512
// evaluates 10,000 households in 80% of the CPU time 4,096 takes; 128 is
// slower again (per-call costs of Evaluate).
constexpr std::size_t kChunkHouseholds = 512;

int8_t StatusCode(Status s) {
  switch (s) {
    case Status::kEligible:
      return 0;
    case Status::kIneligible:
      return 1;
    case Status::kUnknown:
      return 2;
  }
  return 2;
}

// Households [begin, end): built, evaluated, and turned into columns here,
// so that the per-row result structs are freed on this thread.
absl::Status EvaluateChunk(const Plan& plan, const CaseloadInput& in, const MemberOrder& order, std::size_t begin,
                           std::size_t end, ResultColumns* out) {
  absl::StatusOr<Caseload> caseload = BuildCaseload(plan.pack(), in, order, begin, end);
  if (!caseload.ok()) return caseload.status();
  absl::StatusOr<std::vector<ProgramResult>> results = Evaluate(plan, *caseload);
  if (!results.ok()) return results.status();
  const std::vector<ProgramInfo>& programs = plan.pack().programs();
  const std::size_t n = results->size();
  out->household.reserve(n);
  out->member.reserve(n);
  out->program.reserve(n);
  out->status.reserve(n);
  out->benefit.reserve(n);
  out->no_benefit.reserve(n);
  const uint64_t* member_rows = order.order.data() + (order.order.empty() ? 0 : order.offsets[begin]);
  std::size_t p = 0;
  for (const ProgramResult& r : *results) {
    // Rows come in pack order, a member-level program once per member (and
    // not at all without members): the program is the previous row's or a
    // later one, found by stepping rather than hashing.
    for (std::size_t tries = 0; r.program != programs[p].id && tries < programs.size(); ++tries) {
      p = (p + 1) % programs.size();
    }
    out->household.push_back(static_cast<int64_t>(begin + r.household));
    out->member.push_back(r.member < 0 ? -1 : static_cast<int64_t>(member_rows[r.member]));
    out->program.push_back(r.program == programs[p].id ? static_cast<int16_t>(p) : int16_t{-1});
    out->status.push_back(StatusCode(r.status));
    out->benefit.push_back(r.benefit.value_or(0));
    out->no_benefit.push_back(r.benefit.has_value() ? 0 : 1);
    out->failed.Add(r.failed_clauses, p);
    out->missing.Add(r.missing_fields, p);
    out->errors.Add(r.errors, p);
  }
  return absl::OkStatus();
}

template <typename T>
py::array_t<T> Concat(const std::vector<ResultColumns>& chunks, std::vector<T> ResultColumns::*column,
                      std::size_t total) {
  py::array_t<T> out(static_cast<py::ssize_t>(total));
  T* dst = out.mutable_data();
  for (const ResultColumns& c : chunks) {
    const std::vector<T>& src = c.*column;
    if (!src.empty()) std::memcpy(dst, src.data(), src.size() * sizeof(T));
    dst += src.size();
  }
  return out;
}

// An object array of tuples of str: one tuple per distinct sequence of a
// chunk, shared by the rows that have it (tuples cannot be changed, so
// sharing them is safe), one str per distinct string.
py::array Tuples(const std::vector<ResultColumns>& chunks, StringLists ResultColumns::*column, std::size_t total) {
  py::array out = py::module_::import("numpy").attr("empty")(total, py::arg("dtype") = "object");
  auto** slots = static_cast<PyObject**>(out.mutable_data());
  std::size_t row = 0;
  for (const ResultColumns& c : chunks) {
    const StringLists& lists = c.*column;
    std::vector<py::str> strings;
    strings.reserve(lists.strings.size());
    for (const std::string& s : lists.strings) strings.emplace_back(s);
    std::vector<py::tuple> tuples;
    tuples.reserve(lists.sequences.size());
    for (const std::vector<uint32_t>& ids : lists.sequences) {
      py::tuple t(ids.size());
      for (std::size_t k = 0; k < ids.size(); ++k) t[k] = strings[ids[k]];
      tuples.push_back(std::move(t));
    }
    for (uint32_t sequence : lists.rows) {
      PyObject* t = tuples[sequence].ptr();
      Py_INCREF(t);
      Py_DECREF(slots[row]);  // the None np.empty put there
      slots[row++] = t;
    }
  }
  return out;
}

// An object array holding keys[rows[i]] (None where rows[i] < 0, where keys
// is None, or where the key is missing). A loop here rather than NumPy's
// take: it increfs without NumPy's generic per-item path, 5x faster.
py::array Keys(const py::object& keys, const std::vector<ResultColumns>& chunks,
               std::vector<int64_t> ResultColumns::*rows, std::size_t total) {
  py::array out = py::module_::import("numpy").attr("empty")(total, py::arg("dtype") = "object");
  if (keys.is_none()) return out;
  py::array source = py::array::ensure(keys);
  if (!source || source.dtype().kind() != 'O' || source.ndim() != 1) {
    throw py::type_error("keys: expected a 1-D object array");
  }
  const char* base = static_cast<const char*>(source.data());
  const py::ssize_t stride = source.strides(0);
  const auto size = static_cast<int64_t>(source.shape(0));
  auto** slots = static_cast<PyObject**>(out.mutable_data());
  std::size_t i = 0;
  for (const ResultColumns& c : chunks) {
    for (int64_t row : c.*rows) {
      if (row >= 0 && row < size) {
        PyObject* key = *reinterpret_cast<PyObject* const*>(base + row * stride);
        if (PyUnicode_Check(key)) {
          Py_INCREF(key);
          Py_DECREF(slots[i]);
          slots[i] = key;
        }
      }
      ++i;
    }
  }
  return out;
}

}  // namespace

absl::StatusOr<std::vector<ResultColumns>> EvaluateColumns(const Plan& plan, const CaseloadInput& in, int threads) {
  MemberOrder order;
  if (!GroupMembers(in, &order)) {
    absl::StatusOr<Caseload> whole = BuildWhole(plan.pack(), in);  // names the member and its household
    return whole.ok() ? absl::InvalidArgumentError("a member names a household that does not exist") : whole.status();
  }
  // Chunks even on one thread: whole-caseload per-row results would be
  // gigabytes (8.5 million rows for 100,000 Tuban households), read back
  // from memory instead of cache.
  const std::size_t chunks = std::max<std::size_t>(1, (in.households + kChunkHouseholds - 1) / kChunkHouseholds);
  const std::size_t workers =
      std::min(chunks, static_cast<std::size_t>(std::max(1, threads > 0 ? threads : AvailableThreads())));
  std::vector<ResultColumns> out(chunks);
  std::vector<absl::Status> status(chunks);
  std::vector<std::exception_ptr> thrown(workers);
  std::atomic<std::size_t> next{0};
  auto work = [&](std::size_t worker) {
    try {
      for (std::size_t c = next++; c < chunks; c = next++) {
        std::size_t begin = in.households * c / chunks;
        std::size_t end = in.households * (c + 1) / chunks;
        status[c] = EvaluateChunk(plan, in, order, begin, end, &out[c]);
        if (!status[c].ok()) next = chunks;  // the others stop at their next chunk
      }
    } catch (...) {
      thrown[worker] = std::current_exception();  // bad_alloc and the like: rethrown on the caller's thread
      next = chunks;
    }
  };
  if (workers == 1) {
    work(0);
  } else {
    std::vector<std::thread> pool;
    pool.reserve(workers);
    for (std::size_t w = 0; w < workers; ++w) pool.emplace_back(work, w);
    for (std::thread& t : pool) t.join();
  }
  for (const std::exception_ptr& e : thrown) {
    if (e) std::rethrow_exception(e);
  }
  for (std::size_t c = 0; c < chunks; ++c) {
    if (status[c].ok()) continue;
    if (chunks == 1 || status[c].code() != absl::StatusCode::kInvalidArgument) return status[c];
    // A chunk's messages count rows from its own start: build the whole
    // input once more so that they name rows of the caller's frames.
    absl::StatusOr<Caseload> whole = BuildWhole(plan.pack(), in);
    return whole.ok() ? status[c] : whole.status();
  }
  return out;
}

py::dict ResultsToPython(const std::vector<ResultColumns>& chunks, const py::object& household_keys,
                         const py::object& member_keys) {
  std::size_t total = 0;
  for (const ResultColumns& c : chunks) total += c.household.size();
  py::dict out;
  out["household"] = Concat(chunks, &ResultColumns::household, total);
  out["member"] = Concat(chunks, &ResultColumns::member, total);
  out["program"] = Concat(chunks, &ResultColumns::program, total);
  out["status"] = Concat(chunks, &ResultColumns::status, total);
  out["benefit"] = Concat(chunks, &ResultColumns::benefit, total);
  py::array_t<uint8_t> no_benefit = Concat(chunks, &ResultColumns::no_benefit, total);
  out["benefit_missing"] = no_benefit.attr("view")("bool");
  out["failed"] = Tuples(chunks, &ResultColumns::failed, total);
  out["missing"] = Tuples(chunks, &ResultColumns::missing, total);
  out["errors"] = Tuples(chunks, &ResultColumns::errors, total);
  out["household_id"] = Keys(household_keys, chunks, &ResultColumns::household, total);
  out["member_id"] = Keys(member_keys, chunks, &ResultColumns::member, total);
  return out;
}

}  // namespace layak::python
