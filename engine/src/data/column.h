// Typed, columnar storage for caseload fields: one Column per schema field,
// values packed at the narrowest width the type needs (bool and small enums
// one byte, dates four, ints, numbers and sets eight), a validity bitmap, and
// strings in one character buffer with offsets (never a std::string per cell).
#ifndef LAYAK_DATA_COLUMN_H_
#define LAYAK_DATA_COLUMN_H_

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "ir/ir.h"

namespace layak::data {

// How a column stores its values.
enum class Storage : uint8_t { kU8, kU16, kI32, kI64, kString };

// The storage a field of this type uses; enums pick by domain size.
Storage StorageFor(const ir::Module& module, const ir::TypeRef& type);

// One column: `size()` rows of one field.
class Column {
 public:
  Column() = default;
  explicit Column(Storage storage) : storage_(storage) {}

  Storage storage() const { return storage_; }
  std::size_t size() const { return size_; }
  int width() const;

  void Reserve(std::size_t rows);
  // Appends a value in the language's representation (see ir::Op).
  void Append(int64_t value) {
    if (size_ == cap_) Grow();
    switch (storage_) {
      case Storage::kU8:
        data_[size_] = static_cast<uint8_t>(value);
        break;
      case Storage::kU16: {
        auto v = static_cast<uint16_t>(value);
        std::memcpy(data_.data() + size_ * 2, &v, 2);
        break;
      }
      case Storage::kI32: {
        auto v = static_cast<int32_t>(value);
        std::memcpy(data_.data() + size_ * 4, &v, 4);
        break;
      }
      case Storage::kI64:
        std::memcpy(data_.data() + size_ * 8, &value, 8);
        break;
      case Storage::kString:
        offsets_.push_back(chars_.size());
        break;
    }
    valid_[size_ >> 6] |= uint64_t{1} << (size_ & 63);
    ++size_;
  }
  // Appends a string (kString only).
  void AppendString(std::string_view text);
  void AppendUnknown();
  std::size_t unknowns() const { return unknowns_; }

  bool valid(std::size_t row) const { return (valid_[row >> 6] >> (row & 63)) & 1; }
  int64_t value(std::size_t row) const;
  std::string_view text(std::size_t row) const {
    return {chars_.data() + offsets_[row], offsets_[row + 1] - offsets_[row]};
  }

  // Copies rows [begin, begin + n) into int64 values and known bytes.
  void Load(std::size_t begin, std::size_t n, int64_t* values, uint8_t* known) const;
  // Appends all of `other` (same storage), in bulk.
  void AppendColumn(const Column& other);
  // Appends row `row` of `other`.
  void AppendRow(const Column& other, std::size_t row);
  void Clear();

 private:
  void Grow();

  Storage storage_ = Storage::kI64;
  std::size_t size_ = 0, cap_ = 0;
  std::size_t unknowns_ = 0;          // rows appended unknown: none means no bit to test
  std::vector<uint8_t> data_;         // cap_ * width() bytes, the first size_ rows used
  std::vector<uint64_t> valid_;       // cap_ bits, zero beyond size_
  std::vector<uint64_t> offsets_{0};  // kString: size_ + 1 entries
  std::string chars_;
};

}  // namespace layak::data

#endif  // LAYAK_DATA_COLUMN_H_
