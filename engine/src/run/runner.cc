#include "run/runner.h"

#include <sched.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

namespace layak::run {

int AvailableThreads() {
  cpu_set_t set;
  CPU_ZERO(&set);
  if (sched_getaffinity(0, sizeof(set), &set) == 0) return std::max(1, CPU_COUNT(&set));
  return std::max(1u, std::thread::hardware_concurrency());
}

namespace {

void CountBatch(const eval::Plan& plan, const data::CaseloadData& data, const eval::Scratch& s, int group_field,
                Summary* out) {
  std::vector<uint32_t> group;
  if (group_field >= 0) {
    const data::Table& t = data.table(pack::Scope::kHousehold);
    const auto f = static_cast<std::size_t>(group_field);
    const auto unknown_group = static_cast<uint32_t>(out->groups.size() - 1);
    group.resize(s.nh);
    for (std::size_t h = 0; h < s.nh; ++h) {
      std::size_t row = s.h0 + h;
      group[h] =
          t.present[f] && t.columns[f].valid(row) ? static_cast<uint32_t>(t.columns[f].value(row)) : unknown_group;
    }
  }
  for (std::size_t p = 0; p < plan.programs.size(); ++p) {
    const eval::PlanProgram& pp = plan.programs[p];
    const bool member = pp.unit == pack::Scope::kMember;
    const std::size_t rows = member ? s.nm : s.nh;
    const int64_t* v = s.values(pp.status);
    const uint8_t* k = s.known(pp.status);
    uint64_t yes = 0, no = 0;
    for (std::size_t j = 0; j < rows; ++j) {
      yes += k[j] & (v[j] != 0);
      no += k[j] & (v[j] == 0);
    }
    Counts& c = out->programs[p];
    c.eligible += yes;
    c.ineligible += no;
    c.unknown += rows - yes - no;
    if (group_field >= 0) {
      for (std::size_t j = 0; j < rows; ++j) {
        uint32_t g = group[member ? s.mhh[j] : j];
        out->groups[g][p].Add(eval::StatusAt(s, pp.status, j));
      }
    }
  }
}

}  // namespace

void RunPlan(const eval::Plan& plan, const data::CaseloadData& data, const RunOptions& options, Summary* summary) {
  const std::size_t nprog = plan.programs.size();
  summary->programs.resize(nprog);
  summary->group_field = options.group_field;
  if (options.group_field >= 0) {
    const ir::Field& f = plan.module->fields[static_cast<std::size_t>(options.group_field)];
    std::size_t groups = plan.module->domains[static_cast<std::size_t>(f.type.domain)].values.size() + 1;
    summary->groups.resize(groups, std::vector<Counts>(nprog));
  }
  const std::size_t total = data.households();
  const std::size_t batch = std::max<std::size_t>(options.batch_size, 1);
  const std::size_t batches = (total + batch - 1) / batch;
  const int threads =
      static_cast<int>(std::min<std::size_t>(std::max(options.threads, 1), std::max<std::size_t>(batches, 1)));
  // Rendered batches wait here until every earlier one has gone to the sink.
  const std::size_t window = static_cast<std::size_t>(threads) * 4;
  std::mutex mu;
  std::condition_variable cv;
  std::vector<std::string> slots(window);
  std::vector<uint8_t> ready(window, 0);
  std::size_t emitted = 0;
  std::atomic<std::size_t> next{0};
  std::vector<Summary> partial(static_cast<std::size_t>(threads));

  bool writing = false;
  auto emit_ready = [&](std::unique_lock<std::mutex>& lock) {
    // One thread writes at a time: it writes the next batch in order and any
    // that become ready meanwhile; the others only leave theirs in a slot.
    if (writing) return;
    writing = true;
    while (emitted < batches && ready[emitted % window]) {
      std::string text = std::move(slots[emitted % window]);
      ready[emitted % window] = 0;
      ++emitted;
      lock.unlock();
      if (options.sink) options.sink(text);
      if (options.progress) options.progress(std::min(emitted * batch, total), total);
      lock.lock();
      cv.notify_all();
    }
    writing = false;
  };

  auto worker = [&](int t) {
    eval::Scratch scratch;
    Summary& mine = partial[static_cast<std::size_t>(t)];
    mine.programs.resize(nprog);
    if (options.group_field >= 0) mine.groups = summary->groups;
    std::string text;
    while (true) {
      std::size_t b = next.fetch_add(1);
      if (b >= batches) break;
      if (options.render) {
        std::unique_lock<std::mutex> lock(mu);
        cv.wait(lock, [&] { return b < emitted + window; });
      }
      std::size_t h0 = b * batch, n = std::min(batch, total - h0);
      eval::EvaluateBatch(plan, data, h0, n, &scratch, /*statuses_only=*/!options.render);
      CountBatch(plan, data, scratch, options.group_field, &mine);
      if (options.render) {
        text.clear();
        options.render(plan, data, scratch, &text);
        std::unique_lock<std::mutex> lock(mu);
        slots[b % window] = std::move(text);
        ready[b % window] = 1;
        emit_ready(lock);
      } else if (options.progress && t == 0) {
        options.progress(std::min((b + 1) * batch, total), total);
      }
    }
  };
  if (threads == 1) {
    worker(0);
  } else {
    std::vector<std::thread> pool;
    pool.reserve(static_cast<std::size_t>(threads));
    for (int t = 0; t < threads; ++t) pool.emplace_back(worker, t);
    for (auto& th : pool) th.join();
  }
  for (const Summary& p : partial) {
    for (std::size_t i = 0; i < nprog && i < p.programs.size(); ++i) summary->programs[i].Merge(p.programs[i]);
    for (std::size_t g = 0; g < p.groups.size(); ++g) {
      for (std::size_t i = 0; i < nprog; ++i) summary->groups[g][i].Merge(p.groups[g][i]);
    }
  }
}

}  // namespace layak::run
