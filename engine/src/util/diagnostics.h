// Collecting diagnostics during a load: positions resolved through a
// SourceText, a cap on how many are kept. Public types: layak/diagnostic.h.
#ifndef LAYAK_UTIL_DIAGNOSTICS_H_
#define LAYAK_UTIL_DIAGNOSTICS_H_

#include <string>
#include <vector>

#include "layak/diagnostic.h"
#include "util/source_text.h"

namespace layak::util {

// Builds a diagnostic pointing at bytes [offset, offset + length) of `source`.
Diagnostic MakeDiagnostic(const SourceText& source, std::size_t offset, std::size_t length, DiagnosticCode code,
                          std::string message, Severity severity = Severity::kError);

// Diagnostics of one load, in the order found, at most `max_kept` of them.
class DiagnosticSink {
 public:
  explicit DiagnosticSink(int max_kept) : max_kept_(max_kept) {}

  void Report(Diagnostic diagnostic);
  int error_count() const { return error_count_; }
  bool has_errors() const { return error_count_ > 0; }
  // The kept diagnostics, plus one final note when some were dropped.
  std::vector<Diagnostic> Take();

 private:
  int max_kept_;
  int error_count_ = 0;
  int dropped_ = 0;
  std::vector<Diagnostic> kept_;
};

}  // namespace layak::util

#endif  // LAYAK_UTIL_DIAGNOSTICS_H_
