// Status codes, the per-thread last error, the version and string freeing of
// the C API. Entry points: layak_status_name, layak_last_error,
// layak_version, layak_string_free, and Fail/FromStatus for the other files.
#include <cstdlib>
#include <string>
#include <string_view>

#include "c_api_internal.h"

namespace layak::capi {
namespace {

// The message lives in a std::string per thread; if storing it fails (out of
// memory), `fallback` points at a static text instead.
thread_local std::string last_error;
thread_local const char* fallback = nullptr;

layak_status CodeOf(absl::StatusCode code) {
  switch (code) {
    case absl::StatusCode::kOk:
      return LAYAK_OK;
    case absl::StatusCode::kInvalidArgument:
      return LAYAK_INVALID_ARGUMENT;
    case absl::StatusCode::kNotFound:
      return LAYAK_NOT_FOUND;
    case absl::StatusCode::kFailedPrecondition:
      return LAYAK_FAILED_PRECONDITION;
    case absl::StatusCode::kOutOfRange:
      return LAYAK_OUT_OF_RANGE;
    // The library reports unreadable files and folders as Unavailable,
    // corrupt compressed input as DataLoss.
    case absl::StatusCode::kUnavailable:
    case absl::StatusCode::kDataLoss:
    case absl::StatusCode::kPermissionDenied:
      return LAYAK_IO_ERROR;
    case absl::StatusCode::kResourceExhausted:
      return LAYAK_RESOURCE_EXHAUSTED;
    default:
      return LAYAK_INTERNAL;
  }
}

}  // namespace

layak_status Fail(layak_status code, std::string_view a, std::string_view b, std::string_view c,
                  std::string_view d) noexcept {
  try {
    last_error.clear();
    last_error.append(a).append(b).append(c).append(d);
    fallback = nullptr;
  } catch (...) {
    fallback = "out of memory while recording an error";
  }
  return code;
}

void ClearError() noexcept {
  last_error.clear();
  fallback = nullptr;
}

layak_status FromStatus(const absl::Status& status) noexcept {
  layak_status code = CodeOf(status.code());
  if (code == LAYAK_OK) {
    ClearError();
    return code;
  }
  absl::string_view message = status.message();
  return Fail(code, std::string_view(message.data(), message.size()));
}

}  // namespace layak::capi

extern "C" {

const char* layak_status_name(layak_status status) noexcept {
  switch (layak::capi::RawValue(status)) {
    case LAYAK_OK:
      return "ok";
    case LAYAK_INVALID_ARGUMENT:
      return "invalid argument";
    case LAYAK_NOT_FOUND:
      return "not found";
    case LAYAK_FAILED_PRECONDITION:
      return "failed precondition";
    case LAYAK_OUT_OF_RANGE:
      return "out of range";
    case LAYAK_IO_ERROR:
      return "I/O error";
    case LAYAK_PACK_ERRORS:
      return "pack errors";
    case LAYAK_RESOURCE_EXHAUSTED:
      return "resource exhausted";
    case LAYAK_INTERNAL:
      return "internal error";
    default:
      return "unknown status";
  }
}

const char* layak_last_error(void) noexcept {
  return layak::capi::fallback != nullptr ? layak::capi::fallback : layak::capi::last_error.c_str();
}

const char* layak_version(void) noexcept {
  try {
    // Built once; a failed first build (out of memory) is retried next call.
    static const std::string version = layak::VersionString();
    return version.c_str();
  } catch (...) {
    return "";
  }
}

void layak_string_free(char* s) noexcept { std::free(s); }

}  // extern "C"
