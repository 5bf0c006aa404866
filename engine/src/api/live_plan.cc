// LivePlan: the swap is a shared_ptr exchange under a mutex held for a
// pointer copy, so readers never wait on a reload's load and compile.
#include "layak/live_plan.h"

#include <utility>

#include "layak/diagnostic.h"
#include "layak/rule_pack.h"

namespace layak {
namespace {

absl::StatusOr<std::shared_ptr<const Plan>> LoadAndCompile(const std::string& folder, const PlanOptions& plan_options,
                                                           const LoadOptions& load_options) {
  absl::StatusOr<LoadResult> loaded = LoadRulePack(folder, load_options);
  if (!loaded.ok()) return loaded.status();
  if (!loaded->ok()) return absl::InvalidArgumentError(FormatDiagnostics(loaded->diagnostics));
  std::shared_ptr<const RulePack> pack = loaded->ReleasePack();
  return CompilePlan(std::move(pack), plan_options);
}

}  // namespace

LivePlan::LivePlan(std::string folder, PlanOptions plan_options, LoadOptions load_options)
    : folder_(std::move(folder)), plan_options_(std::move(plan_options)), load_options_(load_options) {}

absl::StatusOr<std::unique_ptr<LivePlan>> LivePlan::Open(std::string folder, PlanOptions plan_options,
                                                         LoadOptions load_options) {
  auto plan = LoadAndCompile(folder, plan_options, load_options);
  if (!plan.ok()) return plan.status();
  std::unique_ptr<LivePlan> live(new LivePlan(std::move(folder), std::move(plan_options), load_options));
  live->plan_ = std::move(*plan);
  return live;
}

std::shared_ptr<const Plan> LivePlan::Current() const {
  std::lock_guard<std::mutex> lock(plan_mu_);
  return plan_;
}

absl::Status LivePlan::Reload() {
  std::lock_guard<std::mutex> serial(reload_mu_);
  auto plan = LoadAndCompile(folder_, plan_options_, load_options_);
  if (!plan.ok()) return plan.status();
  return Swap(std::move(*plan));
}

absl::Status LivePlan::Swap(std::shared_ptr<const Plan> plan) {
  if (plan == nullptr) return absl::InvalidArgumentError("LivePlan::Swap: the plan is null");
  // The old plan is released outside the lock: the last reader may free it.
  std::shared_ptr<const Plan> old;
  {
    std::lock_guard<std::mutex> lock(plan_mu_);
    old = std::exchange(plan_, std::move(plan));
    ++generation_;
  }
  return absl::OkStatus();
}

uint64_t LivePlan::generation() const {
  std::lock_guard<std::mutex> lock(plan_mu_);
  return generation_;
}

}  // namespace layak
