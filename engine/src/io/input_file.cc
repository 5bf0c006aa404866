#include "io/input_file.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <iostream>
#include <iterator>

#include "absl/strings/str_cat.h"

namespace layak::io {

namespace {

std::string_view SkipBom(std::string_view t) {
  if (t.size() >= 3 && t.substr(0, 3) == "\xEF\xBB\xBF") t.remove_prefix(3);
  return t;
}

absl::Status OpenError(const std::string& path) {
  return absl::NotFoundError(absl::StrCat(path, ": cannot read: ", std::strerror(errno)));
}

}  // namespace

InputFile::InputFile(InputFile&& o) noexcept { *this = std::move(o); }

InputFile& InputFile::operator=(InputFile&& o) noexcept {
  if (this == &o) return *this;
  if (map_ != nullptr) munmap(map_, map_size_);
  path_ = std::move(o.path_);
  bool owned = o.map_ == nullptr;
  std::size_t skip = owned ? static_cast<std::size_t>(o.text_.data() - o.owned_.data()) : 0;
  owned_ = std::move(o.owned_);
  map_ = o.map_;
  map_size_ = o.map_size_;
  text_ = owned ? std::string_view(owned_).substr(std::min(skip, owned_.size())) : o.text_;
  o.map_ = nullptr;
  o.map_size_ = 0;
  o.text_ = {};
  return *this;
}

InputFile::~InputFile() {
  if (map_ != nullptr) munmap(map_, map_size_);
}

void InputFile::Release(std::size_t begin, std::size_t end) const {
  if (map_ == nullptr) return;
  // Whole pages inside [begin, end), as offsets from the mapping's start.
  char* const base = static_cast<char*>(map_);
  const auto page = static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
  const auto skip = static_cast<std::size_t>(text_.data() - base);  // a byte-order mark
  std::size_t from = (skip + begin + page - 1) / page * page;
  std::size_t to = std::min(skip + end, map_size_) / page * page;
  if (to > from) madvise(base + from, to - from, MADV_DONTNEED);
}

InputFile InputFile::FromString(std::string path, std::string text) {
  InputFile f;
  f.path_ = std::move(path);
  f.owned_ = std::move(text);
  f.text_ = SkipBom(f.owned_);
  return f;
}

absl::StatusOr<InputFile> InputFile::Open(const std::string& path) {
  if (path == "-") {
    std::string all((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
    return FromString("<stdin>", std::move(all));
  }
  if (path.size() > 3 && path.compare(path.size() - 3, 3, ".gz") == 0) {
    gzFile gz = gzopen(path.c_str(), "rb");
    if (gz == nullptr) return OpenError(path);
    gzbuffer(gz, 1 << 20);
    std::string all;
    std::size_t used = 0;
    while (true) {
      if (all.size() - used < (1 << 20)) all.resize(std::max<std::size_t>(all.size() * 2, 4 << 20));
      int got = gzread(gz, all.data() + used, static_cast<unsigned>(all.size() - used));
      if (got < 0) {
        int err = 0;
        std::string msg = gzerror(gz, &err);
        gzclose(gz);
        return absl::DataLossError(absl::StrCat(path, ": not a readable gzip file: ", msg));
      }
      if (got == 0) break;
      used += static_cast<std::size_t>(got);
    }
    gzclose(gz);
    all.resize(used);
    return FromString(path, std::move(all));
  }
  int fd = open(path.c_str(), O_RDONLY);
  if (fd < 0) return OpenError(path);
  struct stat st {};
  if (fstat(fd, &st) != 0 || S_ISDIR(st.st_mode)) {
    close(fd);
    errno = EISDIR;
    return OpenError(path);
  }
  InputFile f;
  f.path_ = path;
  if (st.st_size > 0) {
    void* p = mmap(nullptr, static_cast<std::size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
    if (p == MAP_FAILED) {
      close(fd);
      return OpenError(path);
    }
    madvise(p, static_cast<std::size_t>(st.st_size), MADV_SEQUENTIAL);
    f.map_ = p;
    f.map_size_ = static_cast<std::size_t>(st.st_size);
    f.text_ = SkipBom(std::string_view(static_cast<const char*>(p), f.map_size_));
  }
  close(fd);
  return f;
}

}  // namespace layak::io
