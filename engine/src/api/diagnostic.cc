// Rendering of public Diagnostics in the compiler format of layak/diagnostic.h.
#include <cstdio>

#include "absl/strings/str_cat.h"
#include "layak/diagnostic.h"

namespace layak {
namespace {

// True for the second and later bytes of a UTF-8 character.
bool IsContinuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

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
    // A very long line (minified YAML) is shown as a window around the column.
    std::string line = d.source_line;
    int column = loc.column;
    const int kWindow = 80;
    if (static_cast<int>(line.size()) > 2 * kWindow) {
      int begin = std::max(0, column - 1 - kWindow);
      while (begin > 0 && IsContinuation(line[begin])) --begin;  // never split a character
      int end = std::min(static_cast<int>(line.size()), column - 1 + kWindow);
      while (end < static_cast<int>(line.size()) && IsContinuation(line[end])) ++end;
      std::string prefix = begin > 0 ? "..." : "";
      line = prefix + line.substr(begin, end - begin) + (end < static_cast<int>(d.source_line.size()) ? "..." : "");
      column = column - begin + static_cast<int>(prefix.size());
    }
    absl::StrAppend(&out, " ", number, " | ", line, "\n");
    // Keep tabs so the caret lines up under the same columns as the source,
    // and count characters, not bytes: 'Bançar' is six columns wide.
    std::string pad;
    const int line_size = static_cast<int>(line.size());
    for (int i = 0; i < column - 1 && i < line_size; ++i) {
      if (!IsContinuation(line[i])) pad += line[i] == '\t' ? '\t' : ' ';
    }
    int width = 0;
    for (int i = column - 1; i < column - 1 + loc.length && i < line_size; ++i) {
      if (i >= 0 && !IsContinuation(line[i])) ++width;
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

}  // namespace layak
