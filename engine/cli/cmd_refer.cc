// `layak refer PACK (caseload)`: one row per referral — household, the need
// or program calling for the service, the resource, its rank and distance,
// and its status with the reason; with --assign, the caseload placed under
// capacity and the load of every resource.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "caseload_args.h"
#include "commands.h"
#include "layak/evaluate.h"
#include "layak/referral.h"

namespace layak::cli {
namespace {

const char kReferUsage[] =
    "usage: layak refer PACK_DIR (--households H.csv --members M.csv | --jsonl F) [--as-of YYYY-MM-DD]\n"
    "                   [--assign] [--top N] [--threads N] [--out FILE.csv] [--load FILE.csv]\n"
    "\n"
    "For every household: the services its needs and eligible programs call for,\n"
    "and the resources offering them that serve its place and accept it, ranked by\n"
    "distance from its desa or kecamatan centroid, then free capacity. A resource\n"
    "whose accepts rule is unknown for the household is listed as 'unknown' with\n"
    "the facts that would decide it.\n"
    "\n"
    "  --top N         resources listed per service (default 3)\n"
    "  --threads N     households ranked on N threads (default: the cores available; same output)\n"
    "  --assign        place every demand under the resources' capacity (urgent\n"
    "                  first, then by program priority, least total distance within\n"
    "                  that); the rest are 'waiting' with the reason\n"
    "  --out FILE      the rows (default stdout): household_id,source_kind,source,service,\n"
    "                  resource,rank,distance_km,status,reason,missing\n"
    "  --load FILE     with --assign: resource,capacity,used per resource\n"
    "  --resources-hsds DIR  also the services of an Open Referral HSDS dataset (CSV tables);\n"
    "                  columns it does not map and rows it cannot use are listed on stderr\n"
    "\n";

}  // namespace

int RunRefer(const std::vector<std::string>& args) {
  std::string folder, out_path, load_path;
  PlanOptions po;
  ReferralOptions ro;
  CaseloadArgs cargs;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "-h" || a == "--help") {
      std::cout << kReferUsage << kCaseloadOptionsHelp;
      return kExitOk;
    }
    int c = ParseCaseloadArg("refer", args, &i, &cargs);
    if (c < 0) return kExitUsage;
    if (c > 0) continue;
    auto value = [&](std::string* out) {
      if (i + 1 >= args.size()) {
        std::cerr << "layak refer: " << a << " needs a value\n";
        return false;
      }
      *out = args[++i];
      return true;
    };
    std::string v;
    if (a == "--as-of") {
      if (!value(&po.as_of)) return kExitUsage;
    } else if (a == "--assign") {
      ro.assign = true;
    } else if (a == "--top") {
      if (!value(&v) || std::atoi(v.c_str()) < 1) {
        std::cerr << "layak refer: --top needs a positive number\n";
        return kExitUsage;
      }
      ro.top = std::atoi(v.c_str());
    } else if (a == "--threads") {
      if (!value(&v) || std::atoi(v.c_str()) < 1) {
        std::cerr << "layak refer: --threads needs a positive number\n";
        return kExitUsage;
      }
      ro.threads = std::atoi(v.c_str());
    } else if (a == "--out") {
      if (!value(&out_path)) return kExitUsage;
    } else if (a == "--load") {
      if (!value(&load_path)) return kExitUsage;
    } else if (a == "--resources-hsds") {
      if (!value(&ro.resources_hsds)) return kExitUsage;
    } else if (!a.empty() && a[0] == '-') {
      std::cerr << "layak refer: unknown option '" << a << "'\n\n" << kReferUsage;
      return kExitUsage;
    } else if (!folder.empty()) {
      std::cerr << "layak refer: one PACK_DIR only\n";
      return kExitUsage;
    } else {
      folder = a;
    }
  }
  if (folder.empty()) {
    std::cerr << "layak refer: no PACK_DIR\n\n" << kReferUsage;
    return kExitUsage;
  }
  if (!load_path.empty() && !ro.assign) {
    std::cerr << "layak refer: --load goes with --assign\n";
    return kExitUsage;
  }
  if (!CheckCaseloadArgs("refer", cargs)) return kExitUsage;
  std::shared_ptr<const RulePack> pack = LoadPackOrReport("refer", folder);
  if (pack == nullptr) return kExitProblems;
  ApplyPackFormats(*pack, &cargs);
  auto plan = CompilePlan(pack, po);
  if (!plan.ok()) {
    std::cerr << "layak refer: " << plan.status().message() << "\n";
    return plan.status().code() == absl::StatusCode::kInvalidArgument ? kExitUsage : kExitProblems;
  }
  cargs.read.threads = AvailableThreads();
  cargs.read.fields = ReferralInputFields(**plan);
  const bool timing = std::getenv("LAYAK_TIMING") != nullptr;
  auto t0 = std::chrono::steady_clock::now();
  std::unique_ptr<ReadResult> read = ReadCaseloadOrReport("refer", *pack, cargs);
  if (read == nullptr) return kExitProblems;
  auto t1 = std::chrono::steady_clock::now();
  std::ofstream file;
  if (!out_path.empty()) {
    file.open(out_path);
    if (!file) {
      std::cerr << "layak refer: cannot write " << out_path << "\n";
      return kExitProblems;
    }
  }
  std::ostream& out = out_path.empty() ? std::cout : file;
  out << "# " << (*plan)->Provenance() << "\n";
  out << "household_id,source_kind,source,service,resource,rank,distance_km,status,reason,missing\n";
  // Rows are formatted into one buffer written out a megabyte at a time:
  // a caseload gives millions of rows, and per-field stream insertion was
  // the larger part of the run.
  std::string buffer;
  std::size_t rows = 0, assigned = 0, waiting = 0;
  auto t2 = t1;
  auto report = ReferEach(**plan, *read->caseload, ro, [&](const ReferralRow& r) {
    if (rows++ == 0) t2 = std::chrono::steady_clock::now();  // ranked and assigned: the rows start
    AppendCsvField(&buffer, r.household_id);
    absl::StrAppend(&buffer, ",", r.source_kind, ",", r.source, ",", r.service, ",", r.resource_id, ",", r.rank, ",");
    if (r.distance_km) {
      char km[32];
      int n = std::snprintf(km, sizeof km, "%.1f", *r.distance_km);
      buffer.append(km, static_cast<std::size_t>(std::max(n, 0)));
    }
    absl::StrAppend(&buffer, ",", r.status, ",");
    AppendCsvField(&buffer, r.reason);
    buffer += ',';
    AppendCsvField(&buffer, absl::StrJoin(r.missing, "|"));
    buffer += '\n';
    assigned += r.status == "assigned" ? 1 : 0;
    waiting += r.status == "waiting" ? 1 : 0;
    if (buffer.size() >= (1u << 20)) {
      out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
      buffer.clear();
    }
  });
  if (rows == 0) t2 = std::chrono::steady_clock::now();
  if (!report.ok()) {
    std::cerr << "layak refer: " << report.status().message() << "\n";
    return kExitProblems;
  }
  out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
  out.flush();
  if (!out) {
    std::cerr << "layak refer: cannot write " << (out_path.empty() ? "stdout" : out_path) << "\n";
    return kExitProblems;
  }
  if (!ro.resources_hsds.empty()) {
    std::cerr << "layak refer: " << ro.resources_hsds << ": " << report->hsds_resources << " HSDS resources read\n";
    if (!report->hsds_unmapped.empty()) {
      std::cerr << "layak refer: HSDS columns not mapped: " << absl::StrJoin(report->hsds_unmapped, ", ") << "\n";
    }
    for (const std::string& n : report->hsds_notes) std::cerr << "layak refer: HSDS " << n << "\n";
  }
  if (timing) {
    // refer_s: ranking and assignment, up to the first row; write_s: the
    // rows formatted and written.
    auto sec = [](auto a, auto b) { return std::chrono::duration<double>(b - a).count(); };
    std::fprintf(stderr, "layak refer: timing read_s=%.3f refer_s=%.3f write_s=%.3f rows=%zu\n", sec(t0, t1),
                 sec(t1, t2), sec(t2, std::chrono::steady_clock::now()), rows);
  }
  if (ro.assign) {
    std::cerr << "layak refer: " << assigned << " assigned, " << waiting << " waiting\n";
    if (!load_path.empty()) {
      std::ofstream load(load_path);
      load << "resource,capacity,used\n";
      for (const ResourceLoad& l : report->loads) load << l.id << "," << l.capacity << "," << l.used << "\n";
    }
  }
  return kExitOk;
}

}  // namespace layak::cli
