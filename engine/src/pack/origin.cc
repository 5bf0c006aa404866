// MapScalarOffsets: re-scans a YAML scalar in the file to map decoded bytes
// back to file bytes (yaml-cpp gives only the scalar's start mark).
// The decoded value differs from the raw text only by quoting, escapes and
// whitespace, so a greedy alignment that skips raw whitespace is exact for
// every non-space byte.
#include "pack/origin.h"

#include <algorithm>

namespace layak::pack {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

int HexDigits(char escape) {
  switch (escape) {
    case 'x':
      return 2;
    case 'u':
      return 4;
    case 'U':
      return 8;
    default:
      return 0;
  }
}

// Bytes of the UTF-8 encoding of code point `cp`.
int Utf8Length(unsigned long cp) { return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4; }

}  // namespace

std::size_t SkipNodeProperties(std::string_view file, std::size_t mark) {
  std::size_t p = mark;
  while (p < file.size() && (file[p] == '!' || file[p] == '&')) {
    while (p < file.size() && !IsSpace(file[p])) ++p;
    while (p < file.size() && (file[p] == ' ' || file[p] == '\t')) ++p;
  }
  return p < file.size() ? p : mark;
}

std::vector<uint32_t> MapScalarOffsets(std::string_view file, std::size_t mark, std::string_view value,
                                       std::vector<uint32_t>* ends) {
  mark = SkipNodeProperties(file, mark);
  std::vector<uint32_t> map(value.size() + 1, static_cast<uint32_t>(mark));
  std::vector<uint32_t> end_map(value.size(), static_cast<uint32_t>(mark + 1));
  auto finish = [&]() {
    if (ends != nullptr) *ends = std::move(end_map);
    return map;
  };
  if (mark >= file.size()) return finish();
  char style = file[mark];
  std::size_t p = mark;
  if (style == '\'' || style == '"') {
    ++p;
  } else if (style == '|' || style == '>') {
    p = file.find('\n', mark);  // content starts on the line after the header
    p = p == std::string_view::npos ? file.size() : p + 1;
  }
  std::size_t i = 0;
  while (i < value.size() && p < file.size()) {
    char raw = file[p];
    if (style == '"' && raw == '\\' && p + 1 < file.size()) {
      char esc = file[p + 1];
      if (esc == '\n' || esc == '\r') {  // escaped line break: joins lines
        p += 2;
        while (p < file.size() && IsSpace(file[p])) ++p;
        continue;
      }
      int hex = HexDigits(esc);
      std::size_t width = 2 + static_cast<std::size_t>(hex);
      int produced = 1;
      if (hex > 0) {
        unsigned long cp = std::strtoul(std::string(file.substr(p + 2, hex)).c_str(), nullptr, 16);
        produced = esc == 'x' ? 1 : Utf8Length(cp);
      }
      for (int k = 0; k < produced && i < value.size(); ++k) {
        end_map[i] = static_cast<uint32_t>(p + width);
        map[i++] = static_cast<uint32_t>(p);
      }
      p += width;
      continue;
    }
    if (style == '\'' && raw == '\'' && p + 1 < file.size() && file[p + 1] == '\'') {
      end_map[i] = static_cast<uint32_t>(p + 2);
      map[i++] = static_cast<uint32_t>(p);
      p += 2;
      continue;
    }
    if (raw == value[i]) {
      end_map[i] = static_cast<uint32_t>(p + 1);
      map[i++] = static_cast<uint32_t>(p++);
      continue;
    }
    if (IsSpace(raw)) {
      ++p;
      continue;
    }
    // Unexpected: the value holds a byte the raw text does not (a folded
    // newline already consumed). Attribute it to the current raw position.
    end_map[i] = static_cast<uint32_t>(p + 1);
    map[i++] = static_cast<uint32_t>(p);
  }
  for (; i < value.size(); ++i) {
    map[i] = static_cast<uint32_t>(std::min(p, file.size()));
    end_map[i] = map[i] + 1;
  }
  map[value.size()] = static_cast<uint32_t>(value.empty() ? p : end_map[value.size() - 1]);
  return finish();
}

Loc LocateSpan(const ExprSource& source, uint32_t begin, uint32_t end) {
  Loc loc = source.loc;
  if (source.file_offset.empty()) return loc;
  uint32_t last_index = static_cast<uint32_t>(source.file_offset.size() - 1);
  begin = std::min(begin, last_index);
  end = std::min(std::max(end, begin + 1), last_index);
  if (source.text.empty()) return loc;  // the scalar itself: its opening quote
  loc.offset = source.file_offset[begin];
  auto end_of = [&](uint32_t i) { return i < source.file_end.size() ? source.file_end[i] : source.file_offset[i] + 1; };
  uint32_t end_offset = end > begin ? end_of(end - 1) : end_of(begin);
  loc.length = end_offset > loc.offset ? end_offset - loc.offset : 1;
  return loc;
}

}  // namespace layak::pack
