// Rendering of public Diagnostics in the compiler format of layak/diagnostic.h.
#include <cstdio>

#include "absl/strings/str_cat.h"
#include "layak/diagnostic.h"

namespace layak {
namespace {

const char* SeverityName(Severity s) {
  switch (s) {
    case Severity::kError:
      return "error";
    case Severity::kWarning:
      return "warning";
    case Severity::kNote:
      return "note";
  }
  return "error";
}

}  // namespace

std::string CodeString(DiagnosticCode code) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "E%04d", static_cast<int>(code));
  return buf;
}

std::string FormatDiagnostic(const Diagnostic& d) {
  std::string out;
  const SourceLocation& loc = d.location;
  if (!loc.file.empty()) {
    out += loc.file;
    if (loc.line > 0) absl::StrAppend(&out, ":", loc.line, ":", loc.column);
    out += ": ";
  }
  absl::StrAppend(&out, SeverityName(d.severity), "[", CodeString(d.code), "]: ", d.message, "\n");
  std::string gutter;
  if (loc.line > 0) {
    std::string number = std::to_string(loc.line);
    gutter = std::string(number.size() + 1, ' ');
    absl::StrAppend(&out, " ", number, " | ", d.source_line, "\n");
    // Keep tabs so the caret lines up under the same columns as the source,
    // and count characters, not bytes: 'Bançar' is six columns wide.
    auto is_continuation = [](char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; };
    std::string pad;
    const int line_size = static_cast<int>(d.source_line.size());
    for (int i = 0; i < loc.column - 1 && i < line_size; ++i) {
      if (!is_continuation(d.source_line[i])) pad += d.source_line[i] == '\t' ? '\t' : ' ';
    }
    int width = 0;
    for (int i = loc.column - 1; i < loc.column - 1 + loc.length && i < line_size; ++i) {
      if (i >= 0 && !is_continuation(d.source_line[i])) ++width;
    }
    absl::StrAppend(&out, gutter, " | ", pad, "^", std::string(std::max(0, width - 1), '~'), "\n");
  }
  for (const std::string& note : d.notes) {
    absl::StrAppend(&out, gutter.empty() ? " " : gutter, " = ", note, "\n");
  }
  return out;
}

std::string FormatDiagnostics(const std::vector<Diagnostic>& diagnostics) {
  std::string out;
  for (const Diagnostic& d : diagnostics) out += FormatDiagnostic(d);
  return out;
}

}  // namespace layak
