// absl::Status → the Python exception of the same kind (status.h).
#include "status.h"

#include <string>

namespace layak::python {

void ThrowStatus(const absl::Status& status) {
  PyObject* type = PyExc_RuntimeError;
  switch (status.code()) {
    case absl::StatusCode::kNotFound:
      type = PyExc_FileNotFoundError;
      break;
    case absl::StatusCode::kPermissionDenied:
    case absl::StatusCode::kUnavailable:
      type = PyExc_OSError;
      break;
    case absl::StatusCode::kInvalidArgument:
    case absl::StatusCode::kFailedPrecondition:
    case absl::StatusCode::kOutOfRange:
    case absl::StatusCode::kAlreadyExists:
      type = PyExc_ValueError;
      break;
    default:
      break;
  }
  PyErr_SetString(type, std::string(status.message()).c_str());
  throw pybind11::error_already_set();
}

}  // namespace layak::python
