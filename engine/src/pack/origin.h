// Where an expression string sits in its YAML file: a map from each byte of
// the decoded scalar to a byte of the file, so that a span inside the
// expression renders at the right line and column whether the scalar was
// plain, single-quoted, double-quoted or a block (| or >).
#ifndef LAYAK_PACK_ORIGIN_H_
#define LAYAK_PACK_ORIGIN_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace layak::pack {

// A location in one of the loaded files: file index, byte offset and length.
struct Loc {
  int file = -1;
  std::size_t offset = 0;
  std::size_t length = 1;
};

// An expression string from the pack with the file offsets of its bytes.
struct ExprSource {
  std::string text;
  Loc loc;                            // the scalar as a whole (its first character)
  std::vector<uint32_t> file_offset;  // file_offset[i]: first file byte of text[i]; one extra entry for the end
  std::vector<uint32_t> file_end;     // file_end[i]: one past the last file byte spelling text[i] (escapes)
};

// The offset of a node's content after its tag and anchor (`!!str`, `&name`),
// which yaml-cpp's mark includes.
std::size_t SkipNodeProperties(std::string_view file, std::size_t mark);

// Aligns the decoded `value` with the raw file text starting at the scalar's
// mark. Escapes, '' in single quotes, folded line breaks, block indentation
// and line continuations are all accounted for.
std::vector<uint32_t> MapScalarOffsets(std::string_view file, std::size_t mark, std::string_view value,
                                       std::vector<uint32_t>* ends = nullptr);

// The file location of [begin, end) of an expression. The length may run
// past the line; rendering clamps the underline to the line.
Loc LocateSpan(const ExprSource& source, uint32_t begin, uint32_t end);

}  // namespace layak::pack

#endif  // LAYAK_PACK_ORIGIN_H_
