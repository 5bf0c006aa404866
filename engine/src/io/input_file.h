// An input file as one block of text: memory-mapped when plain, inflated
// into memory when it ends in .gz (zlib). A UTF-8 byte-order mark is skipped.
#ifndef LAYAK_IO_INPUT_FILE_H_
#define LAYAK_IO_INPUT_FILE_H_

#include <memory>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"

namespace layak::io {

// The text of one input file; movable, not copyable.
class InputFile {
 public:
  InputFile() = default;
  InputFile(InputFile&& o) noexcept;
  InputFile& operator=(InputFile&& o) noexcept;
  InputFile(const InputFile&) = delete;
  InputFile& operator=(const InputFile&) = delete;
  ~InputFile();

  std::string_view text() const { return text_; }
  // Tells the kernel that text()[begin, end) has been read: a mapped file's
  // pages are dropped from memory (read again from the file if touched).
  void Release(std::size_t begin, std::size_t end) const;
  const std::string& path() const { return path_; }

  // Opens `path`; "-" is standard input.
  static absl::StatusOr<InputFile> Open(const std::string& path);
  // Wraps text held in memory (tests, the API).
  static InputFile FromString(std::string path, std::string text);

 private:
  std::string path_;
  std::string owned_;
  void* map_ = nullptr;
  std::size_t map_size_ = 0;
  std::string_view text_;
};

}  // namespace layak::io

#endif  // LAYAK_IO_INPUT_FILE_H_
