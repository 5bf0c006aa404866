// Runs a plan over a whole caseload on a pool of threads, batch by batch.
// Each batch is counted (summary) and optionally rendered (per-row output);
// rendered batches are handed to the sink in input order, with a bounded
// window of batches in flight so that memory does not grow with the
// caseload. Results are identical for any thread count and batch size.
#ifndef LAYAK_RUN_RUNNER_H_
#define LAYAK_RUN_RUNNER_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "data/caseload_data.h"
#include "eval/evaluator.h"
#include "eval/plan.h"
#include "eval/results.h"

namespace layak::run {

// Counts of one program.
struct Counts {
  uint64_t eligible = 0, ineligible = 0, unknown = 0;
  void Add(eval::Status s) {
    if (s == eval::Status::kEligible) {
      ++eligible;
    } else if (s == eval::Status::kIneligible) {
      ++ineligible;
    } else {
      ++unknown;
    }
  }
  void Merge(const Counts& o) {
    eligible += o.eligible;
    ineligible += o.ineligible;
    unknown += o.unknown;
  }
};

// Per program (pack order), and per group of `group_field` when set: the
// group's value index, with one last group for unknown values.
struct Summary {
  std::vector<Counts> programs;
  int group_field = -1;
  std::vector<std::vector<Counts>> groups;  // [group][program]
};

// Renders the rows of one evaluated batch (CSV or JSON Lines text).
using RenderFn =
    std::function<void(const eval::Plan&, const data::CaseloadData&, const eval::Scratch&, std::string* out)>;

// How to run.
struct RunOptions {
  int threads = 1;
  std::size_t batch_size = 512;                                       // households per batch
  int group_field = -1;                                               // --summary-by: a household enum field
  RenderFn render;                                                    // null: count only
  std::function<void(std::string_view)> sink;                         // receives rendered batches in order
  std::function<void(std::size_t done, std::size_t total)> progress;  // households done; may be null
};

// Evaluates every household of `data`; adds the counts to *summary.
void RunPlan(const eval::Plan& plan, const data::CaseloadData& data, const RunOptions& options, Summary* summary);

// The number of threads this process may use (its CPU affinity).
int AvailableThreads();

}  // namespace layak::run

#endif  // LAYAK_RUN_RUNNER_H_
