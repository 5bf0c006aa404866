// `layak run PACK ...`: evaluates a caseload and writes per-row results, or
// only the summary.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "caseload_args.h"
#include "commands.h"
#include "layak/evaluate.h"

namespace layak::cli {
namespace {

const char kRunUsage[] =
    "usage: layak run PACK_DIR (--households H.csv --members M.csv | --jsonl F) [options]\n"
    "\n"
    "Evaluates every household of the caseload against every program of the pack.\n"
    "Per-row results (household, member, program, status, benefit, failed clauses,\n"
    "missing fields, errors) go to --out, or to stdout as CSV without --summary.\n"
    "\n"
    "options:\n"
    "  --as-of YYYY-MM-DD   the evaluation date (default today)\n"
    "  --threads N          worker threads (default: the cores this process may use)\n"
    "  --batch N            households per batch (default 512)\n"
    "  --out FILE           per-row results: FILE.jsonl as JSON Lines, otherwise CSV\n"
    "  --summary            print only the summary: one line per program, pack order\n"
    "  --summary-by FIELD   the summary per value of a household enum field\n"
    "  --param NAME=VALUE   override a parameter for this run (what-if); repeatable\n"
    "  --redact             results to share: household ids become row numbers, person ids\n"
    "                       positions, sensitive fields leave missing lists, and programs\n"
    "                       reading sensitive fields are left out of the rows\n"
    "  --redact-key-file F  with --redact: ids become HMAC-SHA256 pseudonyms under the key in F\n"
    "  --chunk N            stream N households at a time: memory stays bounded at any\n"
    "                       caseload size (members.csv grouped in households.csv order)\n"
    "  -h, --help           show this help\n";

int Usage(const std::string& why) {
  std::cerr << "layak run: " << why << "\n\n" << kRunUsage << kCaseloadOptionsHelp;
  return kExitUsage;
}

bool ParsePositive(const std::string& s, long long* out) {
  try {
    std::size_t used = 0;
    *out = std::stoll(s, &used);
    return used == s.size() && *out > 0;
  } catch (...) {
    return false;
  }
}

void PrintCounts(const ProgramCounts& c, const std::string& prefix) {
  std::cout << prefix << c.program << " eligible=" << c.eligible << " ineligible=" << c.ineligible
            << " unknown=" << c.unknown << "\n";
}

}  // namespace

int RunRun(const std::vector<std::string>& args) {
  std::string folder, out_path, summary_by;
  CaseloadArgs cargs;
  PlanOptions plan_options;
  RunOptions run;
  bool summary = false;
  std::size_t chunk = 0;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "-h" || a == "--help") {
      std::cout << kRunUsage << kCaseloadOptionsHelp;
      return kExitOk;
    }
    int c = ParseCaseloadArg("run", args, &i, &cargs);
    if (c < 0) return kExitUsage;
    if (c > 0) continue;
    auto value = [&](std::string* dst) {
      if (i + 1 >= args.size()) return false;
      *dst = args[++i];
      return true;
    };
    long long n = 0;
    std::string v;
    if (a == "--as-of") {
      if (!value(&plan_options.as_of)) return Usage("--as-of needs a date");
    } else if (a == "--out") {
      if (!value(&out_path)) return Usage("--out needs a file");
    } else if (a == "--summary") {
      summary = true;
    } else if (a == "--summary-by") {
      if (!value(&summary_by)) return Usage("--summary-by needs a field");
      summary = true;
    } else if (a == "--param") {
      if (!value(&v) || v.find('=') == std::string::npos || v.front() == '=') {
        return Usage("--param takes NAME=VALUE");
      }
      plan_options.params.emplace_back(v.substr(0, v.find('=')), v.substr(v.find('=') + 1));
    } else if (a == "--redact") {
      run.redact = true;
    } else if (a == "--redact-key-file") {
      if (!value(&v)) return Usage("--redact-key-file needs a file");
      std::ifstream in(v, std::ios::binary);
      std::stringstream key;
      key << in.rdbuf();
      run.redact_key = key.str();
      while (!run.redact_key.empty() && (run.redact_key.back() == '\n' || run.redact_key.back() == '\r')) {
        run.redact_key.pop_back();
      }
      if (!in || run.redact_key.size() < 16) {
        std::cerr << "layak run: the key in '" << v << "' cannot be read or is shorter than 16 bytes\n";
        return kExitUsage;
      }
    } else if (a == "--threads") {
      if (!value(&v) || !ParsePositive(v, &n)) return Usage("--threads needs a positive number");
      run.evaluate.threads = static_cast<int>(n);
    } else if (a == "--chunk") {
      if (!value(&v) || !ParsePositive(v, &n)) return Usage("--chunk needs a positive number of households");
      chunk = static_cast<std::size_t>(n);
    } else if (a == "--batch") {
      if (!value(&v) || !ParsePositive(v, &n)) return Usage("--batch needs a positive number");
      run.evaluate.batch_size = static_cast<std::size_t>(n);
    } else if (!a.empty() && a[0] == '-') {
      return Usage("unknown option '" + a + "'");
    } else if (folder.empty()) {
      folder = a;
    } else {
      return Usage(absl::StrCat("one PACK_DIR only (got '", folder, "' and '", a, "')"));
    }
  }
  if (folder.empty()) return Usage("no PACK_DIR");
  if (!run.redact_key.empty() && !run.redact) return Usage("--redact-key-file goes with --redact");
  if (!CheckCaseloadArgs("run", cargs)) return kExitUsage;

  std::shared_ptr<const RulePack> pack = LoadPackOrReport("run", folder);
  if (pack == nullptr) return kExitProblems;
  ApplyPackFormats(*pack, &cargs);
  auto plan = CompilePlan(pack, plan_options);
  if (!plan.ok()) {
    std::cerr << "layak run: " << plan.status().message() << "\n";
    return plan.status().code() == absl::StatusCode::kInvalidArgument ? kExitUsage : kExitProblems;
  }
  if (run.redact) {
    std::vector<std::string> withheld = RedactedPrograms(**plan);
    if (!withheld.empty()) {
      std::cerr << "layak run: --redact leaves out the rows of " << absl::StrJoin(withheld, ", ")
                << " (they read sensitive fields); the summary still counts them\n";
    }
  }
  cargs.read.fields = (*plan)->InputFields();
  cargs.read.threads = run.evaluate.threads > 0 ? run.evaluate.threads : AvailableThreads();
  if (!summary_by.empty()) cargs.read.fields.push_back(summary_by);
  // LAYAK_TIMING=1 prints the phases' wall times to stderr (for bench/README.md).
  const bool timing = std::getenv("LAYAK_TIMING") != nullptr;
  auto t0 = std::chrono::steady_clock::now();
  auto seconds = [](auto a, auto b) { return std::chrono::duration<double>(b - a).count(); };
  auto t1 = t0;

  FILE* out = nullptr;
  if (!out_path.empty()) {
    out = std::fopen(out_path.c_str(), "wb");
    if (out == nullptr) {
      std::cerr << "layak run: cannot write " << out_path << "\n";
      return kExitProblems;
    }
    run.format = out_path.size() > 6 && out_path.compare(out_path.size() - 6, 6, ".jsonl") == 0 ? OutputFormat::kJsonl
                                                                                                : OutputFormat::kCsv;
  } else if (!summary) {
    out = stdout;
    run.format = OutputFormat::kCsv;
  }
  if (out != nullptr) {
    static char buffer[1 << 20];
    std::setvbuf(out, buffer, _IOFBF, sizeof(buffer));
    run.sink = [out](std::string_view text) { std::fwrite(text.data(), 1, text.size(), out); };
  }
  run.summary_by = summary_by;
  const bool tty = isatty(STDERR_FILENO) != 0;
  std::size_t done_before = 0;
  auto progress = [&done_before, chunk](std::size_t done, std::size_t total) {
    if (chunk > 0) {  // the caseload's size is not known while streaming
      std::fprintf(stderr, "\r%zu households evaluated", done_before + done);
      return;
    }
    const std::size_t pct = total == 0 ? 100 : done * 100 / total;
    std::fprintf(stderr, "\r[%-40s] %3zu%% %zu/%zu households", std::string(pct * 40 / 100, '#').c_str(), pct, done,
                 total);
  };
  RunSummary totals;
  auto add = [&totals](const RunSummary& s) {
    if (totals.programs.empty()) {
      totals = s;
      return;
    }
    for (std::size_t i = 0; i < s.programs.size(); ++i) {
      totals.programs[i].eligible += s.programs[i].eligible;
      totals.programs[i].ineligible += s.programs[i].ineligible;
      totals.programs[i].unknown += s.programs[i].unknown;
    }
    for (std::size_t g = 0; g < s.by_group.size(); ++g) {
      for (std::size_t i = 0; i < s.by_group[g].size(); ++i) {
        totals.by_group[g][i].eligible += s.by_group[g][i].eligible;
        totals.by_group[g][i].ineligible += s.by_group[g][i].ineligible;
        totals.by_group[g][i].unknown += s.by_group[g][i].unknown;
      }
    }
  };
  ChunkReporter reporter("run", cargs);
  absl::Status failed = absl::OkStatus();
  bool stopped = false;
  std::size_t households = 0, members = 0;
  auto evaluate = [&](ReadResult& r) -> absl::Status {
    if (!reporter.Report(r)) {
      stopped = true;
      return absl::CancelledError("stopped");
    }
    t1 = std::chrono::steady_clock::now();
    if (tty) run.progress = progress;
    auto result = RunCaseload(**plan, *r.caseload, run);
    if (!result.ok()) return result.status();
    add(*result);
    done_before += r.caseload->households();
    households += r.caseload->households();
    members += r.caseload->members();
    run.write_header = false;
    return absl::OkStatus();
  };
  if (chunk > 0) {
    failed = cargs.jsonl.empty()
                 ? StreamCsvCaseload(*pack, cargs.households, cargs.members, cargs.read, chunk, evaluate)
                 : StreamJsonlCaseload(*pack, cargs.jsonl, cargs.read, chunk, evaluate);
  } else {
    absl::StatusOr<ReadResult> r = cargs.jsonl.empty()
                                       ? ReadCsvCaseload(*pack, cargs.households, cargs.members, cargs.read)
                                       : ReadJsonlCaseload(*pack, cargs.jsonl, cargs.read);
    failed = r.ok() ? evaluate(*r) : r.status();
  }
  if (tty && done_before > 0) std::fputc('\n', stderr);
  auto t2 = std::chrono::steady_clock::now();
  if (out != nullptr && out != stdout) std::fclose(out);
  if (out == stdout) std::fflush(stdout);
  if (stopped) return kExitProblems;
  if (!failed.ok()) {
    std::cerr << "layak run: " << failed.message() << "\n";
    return failed.code() == absl::StatusCode::kInvalidArgument ? kExitUsage : kExitProblems;
  }
  reporter.Finish();
  if (timing) {
    std::fprintf(stderr, "layak run: timing read_s=%.3f eval_s=%.3f households=%zu members=%zu\n", seconds(t0, t1),
                 seconds(t1, t2), households, members);
  }
  const RunSummary* result = &totals;
  if (summary) {
    std::cerr << "# " << (*plan)->Provenance() << "\n";
    if (summary_by.empty()) {
      for (const ProgramCounts& c : result->programs) PrintCounts(c, "");
    } else {
      for (std::size_t g = 0; g < result->groups.size(); ++g) {
        for (const ProgramCounts& c : result->by_group[g]) PrintCounts(c, summary_by + "=" + result->groups[g] + " ");
      }
    }
  }
  return kExitOk;
}

}  // namespace layak::cli
