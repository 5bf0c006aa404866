// Rule packs and plans through the C API: layak_pack_load (LoadRulePack,
// diagnostics rendered into the last error) and layak_plan_compile
// (CompilePlan with "name=value" overrides), with their accessors.
#include <cstring>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "c_api_internal.h"

namespace {

using layak::capi::Fail;
using layak::capi::FromStatus;
using layak::capi::Guard;
using layak::capi::NullArgument;
using layak::capi::Reset;

// Diagnostics of one severity class: errors, or everything else.
std::vector<layak::Diagnostic> Select(const std::vector<layak::Diagnostic>& all, bool errors) {
  std::vector<layak::Diagnostic> out;
  for (const layak::Diagnostic& d : all) {
    if ((d.severity == layak::Severity::kError) == errors) out.push_back(d);
  }
  return out;
}

layak_status LoadPack(const char* folder, layak_pack** out) {
  if (folder == nullptr) return NullArgument("layak_pack_load", "folder");
  if (out == nullptr) return NullArgument("layak_pack_load", "out");
  absl::StatusOr<layak::LoadResult> loaded = layak::LoadRulePack(folder);
  if (!loaded.ok()) return FromStatus(loaded.status());
  if (!loaded->ok()) {
    // Every diagnostic (notes too), so the message reads as `layak check` prints it.
    std::string text = layak::FormatDiagnostics(loaded->diagnostics);
    if (text.empty()) text = "the pack has errors";
    return Fail(LAYAK_PACK_ERRORS, text);
  }
  auto handle = std::make_unique<layak_pack>();
  handle->diagnostics = layak::FormatDiagnostics(Select(loaded->diagnostics, false));
  handle->pack = loaded->ReleasePack();
  *out = handle.release();
  return LAYAK_OK;
}

layak_status CompilePlan(const layak_pack* pack, const char* as_of, const char* const* overrides,
                         std::size_t override_count, layak_plan** out) {
  constexpr const char* kFn = "layak_plan_compile";
  if (pack == nullptr) return NullArgument(kFn, "pack");
  if (out == nullptr) return NullArgument(kFn, "out");
  if (overrides == nullptr && override_count > 0) return NullArgument(kFn, "overrides");
  layak::PlanOptions options;
  if (as_of != nullptr) options.as_of = as_of;
  for (std::size_t i = 0; i < override_count; ++i) {
    if (overrides[i] == nullptr) {
      return Fail(LAYAK_INVALID_ARGUMENT, kFn, ": overrides[", std::to_string(i), "] is NULL");
    }
    const char* eq = std::strchr(overrides[i], '=');
    if (eq == nullptr || eq == overrides[i]) {
      return Fail(LAYAK_INVALID_ARGUMENT, kFn, ": override '", overrides[i], "' is not name=value");
    }
    options.params.emplace_back(std::string(overrides[i], eq), std::string(eq + 1));
  }
  absl::StatusOr<std::shared_ptr<const layak::Plan>> plan = layak::CompilePlan(pack->pack, options);
  if (!plan.ok()) return FromStatus(plan.status());
  auto handle = std::make_unique<layak_plan>();
  handle->as_of = (*plan)->as_of();
  handle->provenance = (*plan)->Provenance();
  handle->plan = *std::move(plan);
  *out = handle.release();
  return LAYAK_OK;
}

// For accessors: the pack, or NULL with the last error set.
const layak::RulePack* PackOf(const layak_pack* pack, const char* function) noexcept {
  if (pack == nullptr) {
    NullArgument(function, "pack");
    return nullptr;
  }
  return pack->pack.get();
}

}  // namespace

extern "C" {

layak_status layak_pack_load(const char* folder, layak_pack** out) noexcept {
  Reset(out);
  return Guard("layak_pack_load", [&] { return LoadPack(folder, out); });
}

void layak_pack_free(layak_pack* pack) noexcept { delete pack; }

const char* layak_pack_id(const layak_pack* pack) noexcept {
  const layak::RulePack* p = PackOf(pack, "layak_pack_id");
  return p == nullptr ? nullptr : p->id().c_str();
}

const char* layak_pack_version(const layak_pack* pack) noexcept {
  const layak::RulePack* p = PackOf(pack, "layak_pack_version");
  return p == nullptr ? nullptr : p->version().c_str();
}

const char* layak_pack_diagnostics(const layak_pack* pack) noexcept {
  return PackOf(pack, "layak_pack_diagnostics") == nullptr ? nullptr : pack->diagnostics.c_str();
}

size_t layak_pack_program_count(const layak_pack* pack) noexcept {
  const layak::RulePack* p = PackOf(pack, "layak_pack_program_count");
  return p == nullptr ? 0 : p->programs().size();
}

const char* layak_pack_program_id(const layak_pack* pack, size_t index) noexcept {
  const layak::RulePack* p = PackOf(pack, "layak_pack_program_id");
  if (p == nullptr) return nullptr;
  if (index >= p->programs().size()) {
    Fail(LAYAK_OUT_OF_RANGE, "layak_pack_program_id: index ", layak::capi::Number(index).view(),
         " is past the last program");
    return nullptr;
  }
  return p->programs()[index].id.c_str();
}

layak_status layak_plan_compile(const layak_pack* pack, const char* as_of, const char* const* overrides,
                                size_t override_count, layak_plan** out) noexcept {
  Reset(out);
  return Guard("layak_plan_compile", [&] { return CompilePlan(pack, as_of, overrides, override_count, out); });
}

void layak_plan_free(layak_plan* plan) noexcept { delete plan; }

const char* layak_plan_as_of(const layak_plan* plan) noexcept {
  if (plan == nullptr) {
    NullArgument("layak_plan_as_of", "plan");
    return nullptr;
  }
  return plan->as_of.c_str();
}

const char* layak_plan_provenance(const layak_plan* plan) noexcept {
  if (plan == nullptr) {
    NullArgument("layak_plan_provenance", "plan");
    return nullptr;
  }
  return plan->provenance.c_str();
}

}  // extern "C"
