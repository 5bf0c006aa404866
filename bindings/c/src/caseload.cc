// Caseloads through the C API: a CaseloadBuilder fed from C column arrays
// (layak_caseload_builder_*), one household from JSON
// (layak_caseload_from_json, over ReadJsonHousehold), and lookups.
#include <cmath>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/strings/str_join.h"
#include "absl/types/span.h"
#include "c_api_internal.h"

namespace {

using layak::capi::Fail;
using layak::capi::FromStatus;
using layak::capi::Guard;
using layak::capi::NullArgument;
using layak::capi::Reset;

// A builder that may still be fed.
layak_status CheckBuilder(const char* fn, const layak_caseload_builder* b) {
  if (b == nullptr) return NullArgument(fn, "builder");
  if (b->spent) return Fail(LAYAK_FAILED_PRECONDITION, fn, ": the builder was built already");
  return LAYAK_OK;
}

// The checks every column setter starts with: a live builder, a field name,
// and values unless the column is empty.
layak_status CheckColumn(const char* fn, const layak_caseload_builder* b, const char* field, const void* values,
                         std::size_t count) {
  if (layak_status s = CheckBuilder(fn, b); s != LAYAK_OK) return s;
  if (field == nullptr) return NullArgument(fn, "field");
  if (values == nullptr && count > 0) return NullArgument(fn, "values");
  return LAYAK_OK;
}

layak_status NewBuilder(const layak_pack* pack, layak_caseload_builder** out) {
  if (pack == nullptr) return NullArgument("layak_caseload_builder_new", "pack");
  if (out == nullptr) return NullArgument("layak_caseload_builder_new", "out");
  auto handle = std::make_unique<layak_caseload_builder>();
  handle->pack = pack->pack;
  handle->builder = std::make_unique<layak::CaseloadBuilder>(*handle->pack);
  *out = handle.release();
  return LAYAK_OK;
}

// Texts with a known flag per row; `lengths` NULL means NUL-terminated.
layak_status SetTexts(const char* fn, layak_caseload_builder* b, const char* field, const char* const* values,
                      const std::size_t* lengths, std::size_t count) {
  if (layak_status s = CheckColumn(fn, b, field, values, count); s != LAYAK_OK) return s;
  std::vector<std::string_view> texts(count);
  std::vector<uint8_t> known(count, 1);
  for (std::size_t i = 0; i < count; ++i) {
    if (values[i] == nullptr) {
      known[i] = 0;
    } else {
      texts[i] = lengths != nullptr ? std::string_view(values[i], lengths[i]) : std::string_view(values[i]);
    }
  }
  b->builder->SetTexts(field, texts, known);
  return LAYAK_OK;
}

layak_status Build(layak_caseload_builder* b, layak_caseload** out) {
  if (b == nullptr) return NullArgument("layak_caseload_builder_build", "builder");
  if (out == nullptr) return NullArgument("layak_caseload_builder_build", "out");
  if (b->spent) return Fail(LAYAK_FAILED_PRECONDITION, "layak_caseload_builder_build: the builder was built already");
  b->spent = true;
  absl::StatusOr<layak::Caseload> built = b->builder->Build();
  if (!built.ok()) return FromStatus(built.status());
  *out = new layak_caseload{b->pack, *std::move(built)};
  return LAYAK_OK;
}

layak_status FromJson(const layak_pack* pack, const char* json, std::size_t length, layak_caseload** out) {
  constexpr const char* kFn = "layak_caseload_from_json";
  if (pack == nullptr) return NullArgument(kFn, "pack");
  if (json == nullptr) return NullArgument(kFn, "json");
  if (out == nullptr) return NullArgument(kFn, "out");
  absl::StatusOr<layak::ReadResult> read = layak::ReadJsonHousehold(*pack->pack, std::string_view(json, length));
  if (!read.ok()) return FromStatus(read.status());
  if (!read->errors.empty()) return Fail(LAYAK_INVALID_ARGUMENT, absl::StrJoin(read->errors, "\n"));
  if (read->caseload == nullptr || read->caseload->households() != 1) {
    std::size_t n = read->caseload == nullptr ? 0 : read->caseload->households();
    return Fail(LAYAK_INVALID_ARGUMENT, kFn, ": the JSON must hold exactly one household, not ", std::to_string(n));
  }
  *out = new layak_caseload{pack->pack, std::move(*read->caseload)};
  return LAYAK_OK;
}

layak_status Find(const layak_caseload* caseload, const char* id, std::size_t* row) {
  constexpr const char* kFn = "layak_caseload_find_household";
  if (caseload == nullptr) return NullArgument(kFn, "caseload");
  if (id == nullptr) return NullArgument(kFn, "id");
  if (row == nullptr) return NullArgument(kFn, "row");
  absl::StatusOr<std::size_t> found = layak::FindHousehold(caseload->caseload, id);
  if (!found.ok()) return FromStatus(found.status());
  *row = *found;
  return LAYAK_OK;
}

}  // namespace

extern "C" {

layak_status layak_caseload_builder_new(const layak_pack* pack, layak_caseload_builder** out) noexcept {
  Reset(out);
  return Guard("layak_caseload_builder_new", [&] { return NewBuilder(pack, out); });
}

void layak_caseload_builder_free(layak_caseload_builder* builder) noexcept { delete builder; }

layak_status layak_caseload_builder_set_household_count(layak_caseload_builder* builder, size_t count) noexcept {
  constexpr const char* kFn = "layak_caseload_builder_set_household_count";
  return Guard(kFn, [&] {
    if (layak_status s = CheckBuilder(kFn, builder); s != LAYAK_OK) return s;
    builder->builder->SetHouseholdCount(count);
    return LAYAK_OK;
  });
}

layak_status layak_caseload_builder_set_member_households(layak_caseload_builder* builder,
                                                          const int64_t* household_of_member,
                                                          size_t member_count) noexcept {
  constexpr const char* kFn = "layak_caseload_builder_set_member_households";
  return Guard(kFn, [&] {
    if (layak_status s = CheckBuilder(kFn, builder); s != LAYAK_OK) return s;
    if (household_of_member == nullptr && member_count > 0) return NullArgument(kFn, "household_of_member");
    builder->builder->SetMemberHouseholds(absl::MakeConstSpan(household_of_member, member_count));
    return LAYAK_OK;
  });
}

layak_status layak_caseload_builder_set_ints(layak_caseload_builder* builder, const char* field, const int64_t* values,
                                             const uint8_t* known, size_t count) noexcept {
  constexpr const char* kFn = "layak_caseload_builder_set_ints";
  return Guard(kFn, [&] {
    if (layak_status s = CheckColumn(kFn, builder, field, values, count); s != LAYAK_OK) return s;
    absl::Span<const uint8_t> known_span;
    if (known != nullptr) known_span = absl::MakeConstSpan(known, count);
    builder->builder->SetInts(field, absl::MakeConstSpan(values, count), known_span);
    return LAYAK_OK;
  });
}

layak_status layak_caseload_builder_set_doubles(layak_caseload_builder* builder, const char* field,
                                                const double* values, size_t count) noexcept {
  constexpr const char* kFn = "layak_caseload_builder_set_doubles";
  return Guard(kFn, [&] {
    if (layak_status s = CheckColumn(kFn, builder, field, values, count); s != LAYAK_OK) return s;
    builder->builder->SetDoubles(field, absl::MakeConstSpan(values, count));
    return LAYAK_OK;
  });
}

layak_status layak_caseload_builder_set_texts(layak_caseload_builder* builder, const char* field,
                                              const char* const* values, size_t count) noexcept {
  constexpr const char* kFn = "layak_caseload_builder_set_texts";
  return Guard(kFn, [&] { return SetTexts(kFn, builder, field, values, nullptr, count); });
}

layak_status layak_caseload_builder_set_texts_n(layak_caseload_builder* builder, const char* field,
                                                const char* const* values, const size_t* lengths,
                                                size_t count) noexcept {
  constexpr const char* kFn = "layak_caseload_builder_set_texts_n";
  return Guard(kFn, [&] {
    if (lengths == nullptr && count > 0) return NullArgument(kFn, "lengths");
    return SetTexts(kFn, builder, field, values, lengths, count);
  });
}

layak_status layak_caseload_builder_build(layak_caseload_builder* builder, layak_caseload** out) noexcept {
  Reset(out);
  return Guard("layak_caseload_builder_build", [&] { return Build(builder, out); });
}

layak_status layak_caseload_from_json(const layak_pack* pack, const char* json, size_t length,
                                      layak_caseload** out) noexcept {
  Reset(out);
  return Guard("layak_caseload_from_json", [&] { return FromJson(pack, json, length, out); });
}

void layak_caseload_free(layak_caseload* caseload) noexcept { delete caseload; }

size_t layak_caseload_household_count(const layak_caseload* caseload) noexcept {
  if (caseload == nullptr) {
    NullArgument("layak_caseload_household_count", "caseload");
    return 0;
  }
  return caseload->caseload.households();
}

size_t layak_caseload_member_count(const layak_caseload* caseload) noexcept {
  if (caseload == nullptr) {
    NullArgument("layak_caseload_member_count", "caseload");
    return 0;
  }
  return caseload->caseload.members();
}

layak_status layak_caseload_find_household(const layak_caseload* caseload, const char* id, size_t* row) noexcept {
  return Guard("layak_caseload_find_household", [&] { return Find(caseload, id, row); });
}

}  // extern "C"
