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
  data_.reserve(rows * static_cast<std::size_t>(width()));
  valid_.reserve(rows / 64 + 1);
  if (storage_ == Storage::kString) offsets_.reserve(rows + 1);
}

void Column::SetValid(bool v) {
  if ((size_ & 63) == 0) valid_.push_back(0);
  if (v) valid_.back() |= uint64_t{1} << (size_ & 63);
}

void Column::Append(int64_t value) {
  SetValid(true);
  switch (storage_) {
    case Storage::kU8:
      data_.push_back(static_cast<uint8_t>(value));
      break;
    case Storage::kU16: {
      auto v = static_cast<uint16_t>(value);
      const auto* p = reinterpret_cast<const uint8_t*>(&v);
      data_.insert(data_.end(), p, p + 2);
      break;
    }
    case Storage::kI32: {
      auto v = static_cast<int32_t>(value);
      const auto* p = reinterpret_cast<const uint8_t*>(&v);
      data_.insert(data_.end(), p, p + 4);
      break;
    }
    case Storage::kI64: {
      const auto* p = reinterpret_cast<const uint8_t*>(&value);
      data_.insert(data_.end(), p, p + 8);
      break;
    }
    case Storage::kString:
      offsets_.push_back(chars_.size());
      break;
  }
  ++size_;
}

void Column::AppendString(std::string_view text) {
  SetValid(true);
  chars_.append(text);
  offsets_.push_back(chars_.size());
  ++size_;
}

void Column::AppendUnknown() {
  SetValid(false);
  if (storage_ == Storage::kString) {
    offsets_.push_back(chars_.size());
  } else {
    data_.resize(data_.size() + static_cast<std::size_t>(width()), 0);
  }
  ++size_;
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
void LoadTyped(const uint8_t* data, std::size_t begin, std::size_t n, int64_t* out) {
  const T* p = reinterpret_cast<const T*>(data) + begin;
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
  for (std::size_t i = 0; i < n; ++i) known[i] = valid(begin + i) ? 1 : 0;
}

void Column::AppendRange(const Column& other, std::size_t begin, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) {
    std::size_t row = begin + i;
    if (!other.valid(row)) {
      AppendUnknown();
    } else if (storage_ == Storage::kString) {
      AppendString(other.text(row));
    } else {
      Append(other.value(row));
    }
  }
}

std::size_t Column::MemoryBytes() const {
  return data_.capacity() + valid_.capacity() * 8 + offsets_.capacity() * 8 + chars_.capacity();
}

void Column::Clear() {
  size_ = 0;
  data_.clear();
  valid_.clear();
  offsets_.assign(1, 0);
  chars_.clear();
}

}  // namespace layak::data
