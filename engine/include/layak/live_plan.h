// File: layak/live_plan.h
// Hot reload: a plan that can be replaced by a new version of its pack while
// evaluations are running. Each evaluation takes the current plan (a shared
// pointer) and keeps it to the end, so in-flight evaluations finish on the
// version they started with; a reload that fails leaves the current version
// in place and says why.
//
//   auto live = layak::LivePlan::Open("rules/tuban", {.as_of = "2026-01-01"});
//   // request thread:
//   std::shared_ptr<const layak::Plan> plan = (*live)->Current();
//   auto caseload = layak::ReadJsonHousehold(plan->pack(), json);  // read for *this* version's pack
//   auto results = layak::Evaluate(*plan, *caseload->caseload);
//   // admin thread, after the policy team edits the YAML:
//   absl::Status s = (*live)->Reload();  // !s.ok(): the message holds the rendered diagnostics
#ifndef LAYAK_LIVE_PLAN_H_
#define LAYAK_LIVE_PLAN_H_

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "layak/evaluate.h"
#include "layak/options.h"

namespace layak {

// A pack folder compiled into a plan that Reload() replaces atomically.
// Thread-safe: Current(), Reload() and Swap() may be called from any thread.
class LivePlan {
 public:
  // Loads and compiles `folder`. Fails (InvalidArgument, with the rendered
  // diagnostics as message) when the pack has errors, NotFound when the folder
  // is missing, and as CompilePlan does.
  static absl::StatusOr<std::unique_ptr<LivePlan>> Open(std::string folder, PlanOptions plan_options = {},
                                                        LoadOptions load_options = {});

  // The plan in force now; never null. Holding it keeps that version alive.
  std::shared_ptr<const Plan> Current() const;

  // Loads the folder again and, when it loads and compiles, makes it current.
  // Otherwise the current plan stays and the status says why (errors as for
  // Open). Reloads are serialised; evaluations are never blocked by one.
  absl::Status Reload();

  // Makes `plan` current (a plan compiled elsewhere, e.g. with other
  // options). InvalidArgument when null.
  absl::Status Swap(std::shared_ptr<const Plan> plan);

  // How many times a new plan was made current (0 after Open).
  uint64_t generation() const;

 private:
  LivePlan(std::string folder, PlanOptions plan_options, LoadOptions load_options);

  const std::string folder_;
  const PlanOptions plan_options_;
  const LoadOptions load_options_;
  std::mutex reload_mu_;        // one reload at a time
  mutable std::mutex plan_mu_;  // guards plan_ and generation_ (held for a pointer copy only)
  std::shared_ptr<const Plan> plan_;
  uint64_t generation_ = 0;
};

}  // namespace layak

#endif  // LAYAK_LIVE_PLAN_H_
