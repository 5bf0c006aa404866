// DiagnosticSink and MakeDiagnostic: turning byte offsets into rendered
// positions, and capping how many diagnostics a broken pack produces.
#include "util/diagnostics.h"

#include <algorithm>

#include "absl/strings/str_cat.h"

namespace layak::util {

Diagnostic MakeDiagnostic(const SourceText& source, std::size_t offset, std::size_t length, DiagnosticCode code,
                          std::string message, Severity severity) {
  Diagnostic d;
  d.severity = severity;
  d.code = code;
  d.message = std::move(message);
  LineCol lc = source.Locate(offset);
  d.location.file = source.path();
  d.location.line = lc.line;
  d.location.column = lc.column;
  d.source_line = source.Line(lc.line);
  int room = static_cast<int>(d.source_line.size()) - (lc.column - 1);
  d.location.length = std::max(1, std::min(static_cast<int>(std::max<std::size_t>(length, 1)), room));
  return d;
}

void DiagnosticSink::Report(Diagnostic diagnostic) {
  // A YAML alias binds the anchored expression again; one report is enough.
  for (const Diagnostic& d : kept_) {
    if (d.code == diagnostic.code && d.location.file == diagnostic.location.file &&
        d.location.line == diagnostic.location.line && d.location.column == diagnostic.location.column &&
        d.message == diagnostic.message) {
      return;
    }
  }
  if (diagnostic.severity == Severity::kError) ++error_count_;
  if (static_cast<int>(kept_.size()) >= max_kept_) {
    ++dropped_;
    return;
  }
  kept_.push_back(std::move(diagnostic));
}

std::vector<Diagnostic> DiagnosticSink::Take() {
  std::vector<Diagnostic> out = std::move(kept_);
  if (dropped_ > 0) {
    Diagnostic note;
    note.severity = Severity::kNote;
    note.code = DiagnosticCode::kTooManyDiagnostics;
    note.message =
        absl::StrCat(dropped_, " more diagnostics not shown (limit ", max_kept_, ", LoadOptions::max_diagnostics)");
    out.push_back(std::move(note));
  }
  kept_.clear();
  dropped_ = 0;
  return out;
}

}  // namespace layak::util
