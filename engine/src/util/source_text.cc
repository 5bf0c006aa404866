// SourceText: line table over a file's bytes, built once, searched by binary
// search whenever a diagnostic needs a line and column.
#include "util/source_text.h"

#include <algorithm>

namespace layak::util {

SourceText::SourceText(std::string path, std::string contents)
    : path_(std::move(path)), contents_(std::move(contents)) {
  line_starts_.push_back(0);
  for (std::size_t i = 0; i < contents_.size(); ++i) {
    if (contents_[i] == '\n') line_starts_.push_back(i + 1);
  }
}

LineCol SourceText::Locate(std::size_t offset) const {
  offset = std::min(offset, contents_.size());
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  std::size_t line_index = static_cast<std::size_t>(it - line_starts_.begin()) - 1;
  return LineCol{static_cast<int>(line_index) + 1, static_cast<int>(offset - line_starts_[line_index]) + 1};
}

std::string SourceText::Line(int line) const {
  if (line < 1 || line > line_count()) return "";
  std::size_t begin = line_starts_[line - 1];
  std::size_t end = contents_.find('\n', begin);
  if (end == std::string::npos) end = contents_.size();
  if (end > begin && contents_[end - 1] == '\r') --end;
  return contents_.substr(begin, end - begin);
}

}  // namespace layak::util
