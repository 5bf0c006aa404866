// Python columns → InputColumn views (ReadInput, GIL held), and views →
// caseloads through the public CaseloadBuilder (BuildCaseload, no GIL).
#include "columns.h"

#include <cmath>
#include <cstring>
#include <limits>
#include <utility>

#include <pybind11/numpy.h>

#include "absl/strings/str_cat.h"
#include "absl/types/span.h"

namespace layak::python {
namespace py = pybind11;

namespace {

// A 1-D C-contiguous array of T: the caller's own when its dtype is T,
// converted otherwise; kept alive in `owners`.
template <typename T>
const T* Buffer(const py::handle& obj, std::size_t size, const std::string& what, std::vector<py::object>* owners) {
  auto array = py::array_t<T, py::array::c_style | py::array::forcecast>::ensure(obj);
  if (!array) throw py::type_error(absl::StrCat(what, ": expected a 1-D array of ", py::type_id<T>()));
  if (array.ndim() != 1 || static_cast<std::size_t>(array.shape(0)) != size) {
    throw py::value_error(absl::StrCat(what, ": expected ", size, " values, got an array of shape (",
                                       array.ndim() > 0 ? array.shape(0) : 0, ")"));
  }
  const T* data = array.data();
  owners->push_back(std::move(array));
  return data;
}

// Whether a non-str cell is a missing value: None, NaN, or pandas' NA and
// NaT (recognised by type name: this module does not import pandas).
bool IsMissing(PyObject* item) {
  if (item == Py_None) return true;
  if (PyFloat_Check(item)) return std::isnan(PyFloat_AS_DOUBLE(item));
  const char* type = Py_TYPE(item)->tp_name;
  return std::strcmp(type, "NAType") == 0 || std::strcmp(type, "NaTType") == 0;
}

// The UTF-8 of every str of an object array, without copying it: views into
// the str objects, which `owners` keeps alive. Missing values (IsMissing)
// become "", which the builder reads as unknown; any other object is
// turned into its str().
std::vector<std::string_view> Texts(const py::handle& obj, std::size_t size, const uint8_t* known,
                                    const std::string& what, std::vector<py::object>* owners) {
  py::array array = py::array::ensure(obj);
  if (!array || array.dtype().kind() != 'O') {
    array = py::module_::import("numpy").attr("asarray")(obj, py::arg("dtype") = "object");
  }
  if (array.ndim() != 1 || static_cast<std::size_t>(array.shape(0)) != size) {
    throw py::value_error(absl::StrCat(what, ": expected ", size, " values"));
  }
  owners->push_back(array);
  std::vector<std::string_view> out(size);
  const char* base = static_cast<const char*>(array.data());
  const py::ssize_t stride = array.strides(0);
  for (std::size_t i = 0; i < size; ++i) {
    if (known != nullptr && known[i] == 0) continue;
    PyObject* item = *reinterpret_cast<PyObject* const*>(base + static_cast<py::ssize_t>(i) * stride);
    if (!PyUnicode_Check(item)) {
      if (IsMissing(item)) continue;
      py::str text = py::str(item);
      item = text.ptr();
      owners->push_back(std::move(text));
    }
    Py_ssize_t length = 0;
    const char* utf8 = PyUnicode_AsUTF8AndSize(item, &length);
    if (utf8 == nullptr) throw py::error_already_set();
    out[i] = std::string_view(utf8, static_cast<std::size_t>(length));
  }
  return out;
}

std::vector<InputColumn> ReadColumns(const py::list& columns, std::size_t size, const char* table,
                                     std::vector<py::object>* owners) {
  std::vector<InputColumn> out;
  for (const py::handle& item : columns) {
    auto spec = item.cast<py::tuple>();
    if (spec.size() != 4) throw py::value_error("a column is (field, kind, values, known)");
    InputColumn& c = out.emplace_back();
    c.field = spec[0].cast<std::string>();
    const auto kind = spec[1].cast<std::string>();
    const std::string what = absl::StrCat(table, " column '", c.field, "'");
    c.size = size;
    if (!spec[3].is_none()) c.known = Buffer<uint8_t>(spec[3], size, what + " (known)", owners);
    if (kind == "int") {
      c.kind = InputColumn::Kind::kInts;
      c.ints = Buffer<int64_t>(spec[2], size, what, owners);
    } else if (kind == "double") {
      c.kind = InputColumn::Kind::kDoubles;
      c.doubles = Buffer<double>(spec[2], size, what, owners);
    } else if (kind == "text") {
      c.kind = InputColumn::Kind::kTexts;
      c.texts = Texts(spec[2], size, c.known, what, owners);
    } else {
      throw py::value_error(absl::StrCat(what, ": unknown kind '", kind, "'"));
    }
  }
  return out;
}

// Doubles with a known mask: NaN where unknown, since SetDoubles takes no mask.
std::vector<double> MaskedDoubles(const InputColumn& c, const uint64_t* rows, std::size_t begin, std::size_t count) {
  std::vector<double> out(count);
  for (std::size_t i = 0; i < count; ++i) {
    std::size_t row = rows != nullptr ? rows[i] : begin + i;
    out[i] = c.known != nullptr && c.known[row] == 0 ? std::numeric_limits<double>::quiet_NaN() : c.doubles[row];
  }
  return out;
}

// Rows [begin, begin + count) of a column, handed over in place.
void SetRange(CaseloadBuilder& b, const InputColumn& c, std::size_t begin, std::size_t count) {
  absl::Span<const uint8_t> known;
  if (c.known != nullptr) known = absl::MakeConstSpan(c.known + begin, count);
  switch (c.kind) {
    case InputColumn::Kind::kInts:
      b.SetInts(c.field, absl::MakeConstSpan(c.ints + begin, count), known);
      break;
    case InputColumn::Kind::kDoubles:
      if (c.known == nullptr) {
        b.SetDoubles(c.field, absl::MakeConstSpan(c.doubles + begin, count));
      } else {
        b.SetDoubles(c.field, MaskedDoubles(c, nullptr, begin, count));
      }
      break;
    case InputColumn::Kind::kTexts:
      b.SetTexts(c.field, absl::MakeConstSpan(c.texts).subspan(begin, count), known);
      break;
  }
}

// The given rows of a column, gathered (a chunk's members are scattered in the input).
void SetGathered(CaseloadBuilder& b, const InputColumn& c, const uint64_t* rows, std::size_t count) {
  std::vector<uint8_t> known;
  if (c.known != nullptr) {
    known.resize(count);
    for (std::size_t i = 0; i < count; ++i) known[i] = c.known[rows[i]];
  }
  switch (c.kind) {
    case InputColumn::Kind::kInts: {
      std::vector<int64_t> v(count);
      for (std::size_t i = 0; i < count; ++i) v[i] = c.ints[rows[i]];
      b.SetInts(c.field, v, known);
      break;
    }
    case InputColumn::Kind::kDoubles:
      b.SetDoubles(c.field, MaskedDoubles(c, rows, 0, count));
      break;
    case InputColumn::Kind::kTexts: {
      std::vector<std::string_view> v(count);
      for (std::size_t i = 0; i < count; ++i) v[i] = c.texts[rows[i]];
      b.SetTexts(c.field, v, known);
      break;
    }
  }
}

}  // namespace

CaseloadInput ReadInput(std::size_t households, const py::object& member_households, const py::list& household_columns,
                        const py::list& member_columns) {
  CaseloadInput in;
  in.households = households;
  if (!member_households.is_none()) {
    auto array = py::array::ensure(member_households);
    if (!array || array.ndim() != 1) throw py::type_error("member households: expected a 1-D array");
    in.members = static_cast<std::size_t>(array.shape(0));
    in.member_households = Buffer<int64_t>(member_households, in.members, "member households", &in.owners);
  }
  in.household_columns = ReadColumns(household_columns, in.households, "households", &in.owners);
  in.member_columns = ReadColumns(member_columns, in.members, "members", &in.owners);
  return in;
}

bool GroupMembers(const CaseloadInput& in, MemberOrder* out) {
  // A stable counting sort, the one CaseloadBuilder::Build does, so that a
  // chunk's members come out in the same order as in a whole-caseload build.
  out->offsets.assign(in.households + 1, 0);
  for (std::size_t i = 0; i < in.members; ++i) {
    int64_t h = in.member_households[i];
    if (h < 0 || static_cast<std::size_t>(h) >= in.households) return false;
    ++out->offsets[static_cast<std::size_t>(h) + 1];
  }
  for (std::size_t h = 0; h < in.households; ++h) out->offsets[h + 1] += out->offsets[h];
  std::vector<uint64_t> next(out->offsets.begin(), out->offsets.end() - 1);
  out->order.resize(in.members);
  for (std::size_t i = 0; i < in.members; ++i) {
    out->order[next[static_cast<std::size_t>(in.member_households[i])]++] = i;
  }
  return true;
}

absl::StatusOr<Caseload> BuildWhole(const RulePack& pack, const CaseloadInput& in) {
  CaseloadBuilder b(pack);
  b.SetHouseholdCount(in.households);
  b.SetMemberHouseholds(absl::MakeConstSpan(in.member_households, in.members));
  for (const InputColumn& c : in.household_columns) SetRange(b, c, 0, in.households);
  for (const InputColumn& c : in.member_columns) SetRange(b, c, 0, in.members);
  return b.Build();
}

absl::StatusOr<Caseload> BuildCaseload(const RulePack& pack, const CaseloadInput& in, const MemberOrder& order,
                                       std::size_t begin, std::size_t end) {
  if (begin == 0 && end == in.households) return BuildWhole(pack, in);
  CaseloadBuilder b(pack);
  b.SetHouseholdCount(end - begin);
  const uint64_t* rows = order.order.data() + order.offsets[begin];
  const std::size_t count = order.offsets[end] - order.offsets[begin];
  std::vector<int64_t> member_households(count);
  for (std::size_t i = 0; i < count; ++i) {
    member_households[i] = in.member_households[rows[i]] - static_cast<int64_t>(begin);
  }
  b.SetMemberHouseholds(member_households);
  for (const InputColumn& c : in.household_columns) SetRange(b, c, begin, end - begin);
  for (const InputColumn& c : in.member_columns) SetGathered(b, c, rows, count);
  return b.Build();
}

}  // namespace layak::python
