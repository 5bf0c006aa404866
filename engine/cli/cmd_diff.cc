// `layak diff PACK_A PACK_B (caseload)`: the impact of a rule change. Both
// packs evaluate the same caseload (read once for each, as their schemas
// may differ); per program, how many households (persons, for member-level
// programs) change status and in which direction, with their ids.
#include <fstream>
#include <iostream>
#include <map>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "caseload_args.h"
#include "commands.h"
#include "layak/evaluate.h"

namespace layak::cli {
namespace {

const char kDiffUsage[] =
    "usage: layak diff PACK_A PACK_B (--households H.csv --members M.csv | --jsonl F)\n"
    "                  [--as-of YYYY-MM-DD] [--param NAME=VALUE]... [--out CHANGES.csv] [--max-ids N]\n"
    "\n"
    "Evaluates the caseload with both packs and reports, per program, how many\n"
    "households (persons, for member-level programs) change status, in which\n"
    "direction, and which. PACK_B may be PACK_A itself with --param overrides:\n"
    "  layak diff rules/tuban rules/tuban --param pkh_lansia_variant=operational ...\n"
    "\n"
    "  --param N=V     override a parameter of PACK_B (what-if)\n"
    "  --out F.csv     every change: program,household_id,member_id,from,to\n"
    "  --max-ids N     ids listed per direction on stdout (default 10)\n"
    "\n";

struct Side {
  std::shared_ptr<const RulePack> pack;
  std::shared_ptr<const Plan> plan;
  std::vector<ProgramResult> results;
};

// Evaluates the caseload with one pack; false after printing why not.
bool Evaluate1(const std::string& folder, const PlanOptions& po, CaseloadArgs cargs, Side* side) {
  side->pack = LoadPackOrReport("diff", folder);
  if (side->pack == nullptr) return false;
  ApplyPackFormats(*side->pack, &cargs);
  auto plan = CompilePlan(side->pack, po);
  if (!plan.ok()) {
    std::cerr << "layak diff: " << folder << ": " << plan.status().message() << "\n";
    return false;
  }
  side->plan = *plan;
  cargs.read.fields = side->plan->InputFields();
  cargs.read.threads = AvailableThreads();
  std::unique_ptr<ReadResult> read = ReadCaseloadOrReport("diff", *side->pack, cargs);
  if (read == nullptr) return false;
  auto results = Evaluate(*side->plan, *read->caseload);
  if (!results.ok()) {
    std::cerr << "layak diff: " << results.status().message() << "\n";
    return false;
  }
  side->results = std::move(*results);
  return true;
}

}  // namespace

int RunDiff(const std::vector<std::string>& args) {
  std::vector<std::string> folders;
  PlanOptions po_a, po_b;
  CaseloadArgs cargs;
  std::string out_path;
  std::size_t max_ids = 10;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "-h" || a == "--help") {
      std::cout << kDiffUsage << kCaseloadOptionsHelp;
      return kExitOk;
    }
    int c = ParseCaseloadArg("diff", args, &i, &cargs);
    if (c < 0) return kExitUsage;
    if (c > 0) continue;
    std::string v;
    auto value = [&](std::string* out) {
      if (i + 1 >= args.size()) {
        std::cerr << "layak diff: " << a << " needs a value\n";
        return false;
      }
      *out = args[++i];
      return true;
    };
    if (a == "--as-of") {
      if (!value(&po_a.as_of)) return kExitUsage;
      po_b.as_of = po_a.as_of;
    } else if (a == "--param") {
      if (!value(&v) || v.find('=') == std::string::npos) {
        std::cerr << "layak diff: --param takes NAME=VALUE\n";
        return kExitUsage;
      }
      po_b.params.emplace_back(v.substr(0, v.find('=')), v.substr(v.find('=') + 1));
    } else if (a == "--out") {
      if (!value(&out_path)) return kExitUsage;
    } else if (a == "--max-ids") {
      std::size_t n = 0;
      if (!value(&v) || v.empty() || v.find_first_not_of("0123456789") != std::string::npos || v.size() > 9) {
        std::cerr << "layak diff: --max-ids needs a number of ids (0 or more)\n";
        return kExitUsage;
      }
      n = static_cast<std::size_t>(std::stoul(v));
      max_ids = n;
    } else if (!a.empty() && a[0] == '-') {
      std::cerr << "layak diff: unknown option '" << a << "'\n\n" << kDiffUsage;
      return kExitUsage;
    } else {
      folders.push_back(a);
    }
  }
  if (folders.size() != 2) {
    std::cerr << "layak diff: give two packs, PACK_A and PACK_B\n\n" << kDiffUsage;
    return kExitUsage;
  }
  if (!CheckCaseloadArgs("diff", cargs)) return kExitUsage;
  Side a, b;
  if (!Evaluate1(folders[0], po_a, cargs, &a) || !Evaluate1(folders[1], po_b, cargs, &b)) return kExitProblems;

  // (program, household id, member id) -> status under A.
  std::map<std::tuple<std::string, std::string, std::string>, Status> before;
  for (const ProgramResult& r : a.results) before[{r.program, r.household_id, r.member_id}] = r.status;
  std::vector<std::string> order;  // programs: A's order, then B's new ones
  for (const ProgramInfo& p : a.pack->programs()) order.push_back(p.id);
  for (const ProgramInfo& p : b.pack->programs()) {
    if (std::find(order.begin(), order.end(), p.id) == order.end()) order.push_back(p.id);
  }
  struct Change {
    std::string household, member;
  };
  // program -> (from, to) -> changes; "absent" for a program only one pack has.
  std::map<std::string, std::map<std::pair<std::string, std::string>, std::vector<Change>>> changes;
  std::map<std::string, std::size_t> compared;
  for (const ProgramResult& r : b.results) {
    auto key = std::make_tuple(r.program, r.household_id, r.member_id);
    auto it = before.find(key);
    std::string from = it == before.end() ? "absent" : StatusName(it->second);
    if (it != before.end()) before.erase(it);
    ++compared[r.program];
    std::string to = StatusName(r.status);
    if (from != to) changes[r.program][{from, to}].push_back({r.household_id, r.member_id});
  }
  for (const auto& [key, status] : before) {  // rows only A has
    changes[std::get<0>(key)][{StatusName(status), "absent"}].push_back({std::get<1>(key), std::get<2>(key)});
  }
  std::ofstream out;
  if (!out_path.empty()) {
    out.open(out_path);
    if (!out) {
      std::cerr << "layak diff: cannot write " << out_path << "\n";
      return kExitProblems;
    }
    out << "# A: " << a.plan->Provenance() << "\n# B: " << b.plan->Provenance() << "\n";
    out << "program,household_id,member_id,from,to\n";
  }
  std::cout << "A: " << a.plan->Provenance() << "\nB: " << b.plan->Provenance() << "\n";
  std::size_t total = 0;
  for (const std::string& program : order) {
    auto it = changes.find(program);
    std::size_t n = 0;
    if (it != changes.end()) {
      for (const auto& [dir, list] : it->second) n += list.size();
    }
    total += n;
    std::cout << program << ": " << n << " of " << compared[program] << " change";
    if (n == 0) {
      std::cout << "\n";
      continue;
    }
    std::cout << "\n";
    for (const auto& [dir, list] : it->second) {
      std::vector<std::string> ids;
      for (std::size_t k = 0; k < list.size() && k < max_ids; ++k) {
        ids.push_back(list[k].member.empty() ? list[k].household
                                             : absl::StrCat(list[k].household, "/", list[k].member));
      }
      std::cout << "  " << dir.first << " -> " << dir.second << ": " << list.size() << " (" << absl::StrJoin(ids, ", ")
                << (list.size() > max_ids ? ", ..." : "") << ")\n";
      if (out.is_open()) {
        for (const Change& c : list) {
          out << program << "," << c.household << "," << c.member << "," << dir.first << "," << dir.second << "\n";
        }
      }
    }
  }
  std::cout << total << " changes in all\n";
  return kExitOk;
}

}  // namespace layak::cli
