// absl::Status → Python exceptions, so that no engine error reaches Python
// as a bare RuntimeError without its kind.
#ifndef LAYAK_BINDINGS_PYTHON_SRC_STATUS_H_
#define LAYAK_BINDINGS_PYTHON_SRC_STATUS_H_

#include <utility>

#include <pybind11/pybind11.h>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace layak::python {

// Raises the Python exception that matches `status`, which must not be OK:
// NotFound → FileNotFoundError, PermissionDenied/Unavailable → OSError,
// InvalidArgument/FailedPrecondition/OutOfRange/AlreadyExists → ValueError,
// the rest → RuntimeError; the message is the status message. GIL held.
[[noreturn]] void ThrowStatus(const absl::Status& status);

// The value, or the status raised as above.
template <typename T>
T ValueOrThrow(absl::StatusOr<T> value) {
  if (!value.ok()) ThrowStatus(value.status());
  return std::move(*value);
}

}  // namespace layak::python

#endif  // LAYAK_BINDINGS_PYTHON_SRC_STATUS_H_
