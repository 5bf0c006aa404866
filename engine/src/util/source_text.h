// A file's text with its line table: turns byte offsets into 1-based
// line:column only when a diagnostic is rendered. See layak/diagnostic.h.
#ifndef LAYAK_UTIL_SOURCE_TEXT_H_
#define LAYAK_UTIL_SOURCE_TEXT_H_

#include <cstdint>
#include <string>
#include <vector>

namespace layak::util {

// 1-based line and column of a byte offset.
struct LineCol {
  int line = 1;
  int column = 1;
};

// File contents plus the offsets at which lines start.
class SourceText {
 public:
  SourceText(std::string path, std::string contents);

  const std::string& path() const { return path_; }
  const std::string& contents() const { return contents_; }
  // Offset clamped to the text; offsets past the end map to the last line.
  LineCol Locate(std::size_t offset) const;
  // The text of 1-based `line` without its line ending.
  std::string Line(int line) const;
  int line_count() const { return static_cast<int>(line_starts_.size()); }

 private:
  std::string path_;
  std::string contents_;
  std::vector<std::size_t> line_starts_;
};

}  // namespace layak::util

#endif  // LAYAK_UTIL_SOURCE_TEXT_H_
