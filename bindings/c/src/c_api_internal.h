// Internal to the C API (the public header is include/layak_c.h): the
// structs behind the opaque handles, the per-thread last error, and the
// guard every entry point runs its body in so that no exception crosses
// into C.
#ifndef LAYAK_BINDINGS_C_SRC_C_API_INTERNAL_H_
#define LAYAK_BINDINGS_C_SRC_C_API_INTERNAL_H_

#include <charconv>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <exception>
#include <memory>
#include <new>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "layak/layak.h"
#include "layak_c.h"

// The handles are plain structs in the global namespace because the C header
// declares them there.
struct layak_pack {
  std::shared_ptr<const layak::RulePack> pack;
  std::string diagnostics;  // warnings and notes of the load
};

struct layak_plan {
  std::shared_ptr<const layak::Plan> plan;
  std::string as_of;
  std::string provenance;
};

struct layak_caseload_builder {
  // Held so that the builder's reference to the pack stays valid.
  std::shared_ptr<const layak::RulePack> pack;
  std::unique_ptr<layak::CaseloadBuilder> builder;
  // CaseloadBuilder::Build moves its columns out, so a second build would
  // silently lose data; the C API refuses it instead.
  bool spent = false;
};

struct layak_caseload {
  // A caseload refers to its pack's schema without owning it.
  std::shared_ptr<const layak::RulePack> pack;
  layak::Caseload caseload;
};

struct layak_results {
  std::vector<layak::ProgramResult> rows;
};

namespace layak::capi {

// Records `code` and the message (parts concatenated) as this thread's last
// error and returns the code. Never throws: if the message cannot be stored,
// a fixed one is kept instead.
layak_status Fail(layak_status code, std::string_view a, std::string_view b = {}, std::string_view c = {},
                  std::string_view d = {}) noexcept;
// Clears the last error (after a successful call).
void ClearError() noexcept;
// The C code for a non-OK absl::Status, its message recorded.
layak_status FromStatus(const absl::Status& status) noexcept;

// A number as text without allocating, for messages built in accessors
// that must not throw.
class Number {
 public:
  explicit Number(uint64_t value) noexcept : size_(std::to_chars(buf_, buf_ + sizeof(buf_), value).ptr - buf_) {}
  std::string_view view() const noexcept { return {buf_, size_}; }

 private:
  char buf_[24];
  std::size_t size_;
};

// The int a C caller passed as an enum. C lets any int through an enum
// parameter, and reading one outside the enumerators as the C++ enum type is
// undefined, so validation looks at the bytes instead.
template <typename Enum>
int RawValue(const Enum& e) noexcept {
  static_assert(sizeof(Enum) == sizeof(int), "C enums are int-sized");
  int v = 0;
  std::memcpy(&v, &e, sizeof v);
  return v;
}

// INVALID_ARGUMENT "<function>: <what> is NULL".
inline layak_status NullArgument(const char* function, const char* what) noexcept {
  return Fail(LAYAK_INVALID_ARGUMENT, function, ": ", what, " is NULL");
}

// Runs `body` (returning layak_status), clearing the last error on success
// and turning every exception into a status.
template <typename Body>
layak_status Guard(const char* function, Body&& body) noexcept {
  try {
    layak_status s = body();
    if (s == LAYAK_OK) ClearError();
    return s;
  } catch (const std::bad_alloc&) {
    return Fail(LAYAK_RESOURCE_EXHAUSTED, function, ": out of memory");
  } catch (const std::exception& e) {
    return Fail(LAYAK_INTERNAL, function, ": internal error: ", e.what());
  } catch (...) {
    return Fail(LAYAK_INTERNAL, function, ": internal error: unknown exception");
  }
}

// Clears an output handle first, so that a failure leaves NULL behind.
template <typename T>
void Reset(T** out) noexcept {
  if (out != nullptr) *out = nullptr;
}

}  // namespace layak::capi

#endif  // LAYAK_BINDINGS_C_SRC_C_API_INTERNAL_H_
