// Status propagation macros; Debian's Abseil 20220623 ships none.
#ifndef LAYAK_UTIL_STATUS_MACROS_H_
#define LAYAK_UTIL_STATUS_MACROS_H_

#include "absl/status/status.h"
#include "absl/status/statusor.h"

#define LAYAK_RETURN_IF_ERROR(expr)                \
  do {                                             \
    ::absl::Status layak_status_ = (expr);         \
    if (!layak_status_.ok()) return layak_status_; \
  } while (0)

#define LAYAK_CONCAT_INNER_(a, b) a##b
#define LAYAK_CONCAT_(a, b) LAYAK_CONCAT_INNER_(a, b)
#define LAYAK_ASSIGN_OR_RETURN(lhs, rexpr) \
  LAYAK_ASSIGN_OR_RETURN_IMPL_(LAYAK_CONCAT_(layak_statusor_, __LINE__), lhs, rexpr)
#define LAYAK_ASSIGN_OR_RETURN_IMPL_(statusor, lhs, rexpr) \
  auto statusor = (rexpr);                                 \
  if (!statusor.ok()) return statusor.status();            \
  lhs = std::move(statusor).value()

#endif  // LAYAK_UTIL_STATUS_MACROS_H_
