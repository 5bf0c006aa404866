#include "data/column.h"

#include <algorithm>

namespace layak::data {

Storage StorageFor(const ir::Module& module, const ir::TypeRef& type) {
  switch (type.kind) {
    case ir::Type::kBool:
      return Storage::kU8;
    case ir::Type::kDate:
      return Storage::kI32;
    case ir::Type::kEnum:
      return module.domains[static_cast<std::size_t>(type.domain)].values.size() <= 255 ? Storage::kU8 : Storage::kU16;
    case ir::Type::kString:
      return Storage::kString;
    case ir::Type::kInt:
    case ir::Type::kNumber:
    case ir::Type::kSet:
      return Storage::kI64;
  }
  return Storage::kI64;
}

int Column::width() const {
  switch (storage_) {
    case Storage::kU8:
      return 1;
    case Storage::kU16:
      return 2;
    case Storage::kI32:
      return 4;
    case Storage::kI64:
      return 8;
    case Storage::kString:
      return 0;
  }
  return 8;
}

void Column::Reserve(std::size_t rows) {
  if (rows <= cap_) return;
  cap_ = rows;
  data_.resize(cap_ * static_cast<std::size_t>(width()));
  valid_.resize((cap_ + 63) / 64, 0);
  if (storage_ == Storage::kString) offsets_.reserve(cap_ + 1);
}

void Column::Grow() { Reserve(std::max<std::size_t>(cap_ * 2, 64)); }

void Column::AppendString(std::string_view text) {
  if (size_ == cap_) Grow();
  chars_.append(text);
  offsets_.push_back(chars_.size());
  valid_[size_ >> 6] |= uint64_t{1} << (size_ & 63);
  ++size_;
}

void Column::AppendUnknown() {
  if (size_ == cap_) Grow();
  ++unknowns_;
  if (storage_ == Storage::kString) {
    offsets_.push_back(chars_.size());
  } else {
    std::memset(data_.data() + size_ * static_cast<std::size_t>(width()), 0, static_cast<std::size_t>(width()));
  }
  ++size_;
}

void Column::AppendColumn(const Column& other) {
  if (other.size_ == 0) return;
  Reserve(size_ + other.size_);
  if (storage_ == Storage::kString) {
    std::size_t base = chars_.size();
    chars_.append(other.chars_);
    for (std::size_t i = 1; i <= other.size_; ++i) offsets_.push_back(base + other.offsets_[i]);
  } else {
    auto w = static_cast<std::size_t>(width());
    std::memcpy(data_.data() + size_ * w, other.data_.data(), other.size_ * w);
  }
  unknowns_ += other.unknowns_;
  const std::size_t shift = size_ & 63;
  const std::size_t words = (other.size_ + 63) / 64;
  for (std::size_t i = 0; i < words; ++i) {
    uint64_t bits = other.valid_[i];
    if (i == words - 1 && (other.size_ & 63) != 0) bits &= (uint64_t{1} << (other.size_ & 63)) - 1;
    std::size_t at = (size_ >> 6) + i;
    valid_[at] |= bits << shift;
    if (shift != 0 && at + 1 < valid_.size()) valid_[at + 1] |= bits >> (64 - shift);
  }
  size_ += other.size_;
}

int64_t Column::value(std::size_t row) const {
  const uint8_t* p = data_.data() + row * static_cast<std::size_t>(width());
  switch (storage_) {
    case Storage::kU8:
      return *p;
    case Storage::kU16: {
      uint16_t v;
      std::memcpy(&v, p, 2);
      return v;
    }
    case Storage::kI32: {
      int32_t v;
      std::memcpy(&v, p, 4);
      return v;
    }
    case Storage::kI64: {
      int64_t v;
      std::memcpy(&v, p, 8);
      return v;
    }
    case Storage::kString:
      return static_cast<int64_t>(row);
  }
  return 0;
}

namespace {
template <typename T>
void LoadTyped(const uint8_t* data, std::size_t begin, std::size_t n, int64_t* __restrict out) {
  const T* __restrict p = reinterpret_cast<const T*>(data) + begin;
  for (std::size_t i = 0; i < n; ++i) out[i] = static_cast<int64_t>(p[i]);
}
}  // namespace

void Column::Load(std::size_t begin, std::size_t n, int64_t* values, uint8_t* known) const {
  switch (storage_) {
    case Storage::kU8:
      LoadTyped<uint8_t>(data_.data(), begin, n, values);
      break;
    case Storage::kU16:
      LoadTyped<uint16_t>(data_.data(), begin, n, values);
      break;
    case Storage::kI32:
      LoadTyped<int32_t>(data_.data(), begin, n, values);
      break;
    case Storage::kI64:
      LoadTyped<int64_t>(data_.data(), begin, n, values);
      break;
    case Storage::kString:
      // A string's value is its row; kernels read the text through the column.
      for (std::size_t i = 0; i < n; ++i) values[i] = static_cast<int64_t>(begin + i);
      break;
  }
  if (unknowns_ == 0) {
    std::memset(known, 1, n);
    return;
  }
  const uint64_t* __restrict bits = valid_.data();
  uint8_t* __restrict out = known;
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t row = begin + i;
    out[i] = static_cast<uint8_t>((bits[row >> 6] >> (row & 63)) & 1);
  }
}

void Column::AppendRow(const Column& other, std::size_t row) {
  if (!other.valid(row)) {
    AppendUnknown();
  } else if (storage_ == Storage::kString) {
    AppendString(other.text(row));
  } else {
    Append(other.value(row));
  }
}

void Column::Clear() {
  size_ = 0;
  unknowns_ = 0;
  cap_ = 0;
  data_.clear();
  valid_.clear();
  offsets_.assign(1, 0);
  chars_.clear();
}

}  // namespace layak::data
