// `layak explain PACK ...`: one household, every program, every clause with
// the values that decided it, in Indonesian or English, as text or JSON.
#include <fstream>
#include <iostream>
#include <sstream>

#include "caseload_args.h"
#include "commands.h"
#include "layak/evaluate.h"
#include "layak/explain.h"

namespace layak::cli {
namespace {

const char kExplainUsage[] =
    "usage: layak explain PACK_DIR (--household ID (--households H.csv --members M.csv | --jsonl F)\n"
    "                               | --json FILE|-) [--as-of YYYY-MM-DD] [--lang id|en]\n"
    "                               [--format text|json] [--param NAME=VALUE]...\n"
    "\n"
    "Explains one household: per program (per person for member-level programs)\n"
    "the status, each clause with its value, the input values that decided it and\n"
    "its source; for an undecided program the missing data in plain words; where\n"
    "one clause alone failed, what would change the answer.\n"
    "\n"
    "  --household ID   the household's key in the caseload files\n"
    "  --json FILE|-    one household as a JSON object (members nested), from a file or stdin\n"
    "  --as-of DATE     evaluation date (default: today)\n"
    "  --lang id|en     language (default id)\n"
    "  --format F       text (default) or json\n"
    "  --param N=V      override a parameter for this explanation (what-if)\n"
    "\n";

}  // namespace

int RunExplain(const std::vector<std::string>& args) {
  std::string folder, household, json_path, as_of, format = "text";
  Language lang = Language::kIndonesian;
  PlanOptions plan_options;
  CaseloadArgs cargs;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "-h" || a == "--help") {
      std::cout << kExplainUsage << kCaseloadOptionsHelp;
      return kExitOk;
    }
    auto value = [&](std::string* out) {
      if (i + 1 >= args.size()) {
        std::cerr << "layak explain: " << a << " needs a value\n";
        return false;
      }
      *out = args[++i];
      return true;
    };
    std::string v;
    if (a == "--household") {
      if (!value(&household)) return kExitUsage;
    } else if (a == "--json") {
      if (!value(&json_path)) return kExitUsage;
    } else if (a == "--as-of") {
      if (!value(&plan_options.as_of)) return kExitUsage;
    } else if (a == "--lang") {
      if (!value(&v) || (v != "id" && v != "en")) {
        std::cerr << "layak explain: --lang takes id or en\n";
        return kExitUsage;
      }
      lang = v == "en" ? Language::kEnglish : Language::kIndonesian;
    } else if (a == "--format") {
      if (!value(&format) || (format != "text" && format != "json")) {
        std::cerr << "layak explain: --format takes text or json\n";
        return kExitUsage;
      }
    } else if (a == "--param") {
      if (!value(&v) || v.find('=') == std::string::npos) {
        std::cerr << "layak explain: --param takes NAME=VALUE\n";
        return kExitUsage;
      }
      plan_options.params.emplace_back(v.substr(0, v.find('=')), v.substr(v.find('=') + 1));
    } else if (int c = ParseCaseloadArg("explain", args, &i, &cargs); c != 0) {
      if (c < 0) return kExitUsage;
    } else if (!a.empty() && a[0] == '-') {
      std::cerr << "layak explain: unknown option '" << a << "'\n\n" << kExplainUsage;
      return kExitUsage;
    } else if (!folder.empty()) {
      std::cerr << "layak explain: one PACK_DIR only\n";
      return kExitUsage;
    } else {
      folder = a;
    }
  }
  if (folder.empty()) {
    std::cerr << "layak explain: no PACK_DIR\n\n" << kExplainUsage;
    return kExitUsage;
  }
  if (json_path.empty() == household.empty()) {
    std::cerr << "layak explain: give either --household ID with the caseload files, or --json FILE\n";
    return kExitUsage;
  }
  if (!household.empty() && !CheckCaseloadArgs("explain", cargs)) return kExitUsage;
  std::shared_ptr<const RulePack> pack = LoadPackOrReport("explain", folder);
  if (pack == nullptr) return kExitProblems;
  absl::StatusOr<std::shared_ptr<const Plan>> plan = CompilePlan(pack, plan_options);
  if (!plan.ok()) {
    std::cerr << "layak explain: " << plan.status().message() << "\n";
    return plan.status().code() == absl::StatusCode::kInvalidArgument ? kExitUsage : kExitProblems;
  }
  std::unique_ptr<ReadResult> read;
  if (!json_path.empty()) {
    std::stringstream text;
    if (json_path == "-") {
      text << std::cin.rdbuf();
    } else {
      std::ifstream in(json_path, std::ios::binary);
      if (!in) {
        std::cerr << "layak explain: cannot read '" << json_path << "'\n";
        return kExitProblems;
      }
      text << in.rdbuf();
    }
    auto r = ReadJsonHousehold(*pack, text.str(), json_path == "-" ? "<stdin>" : json_path, PackReadOptions(*pack));
    if (!r.ok()) {
      std::cerr << "layak explain: " << r.status().message() << "\n";
      return kExitProblems;
    }
    read = std::make_unique<ReadResult>(std::move(*r));
    for (const std::string& e : read->errors) std::cerr << e << "\n";
    if (!read->errors.empty() || read->caseload == nullptr || read->caseload->households() != 1) {
      std::cerr << "layak explain: the JSON must hold exactly one valid household\n";
      return kExitProblems;
    }
  } else {
    ApplyPackFormats(*pack, &cargs);
    read = ReadCaseloadOrReport("explain", *pack, cargs);
    if (read == nullptr) return kExitProblems;
  }
  std::size_t row = 0;
  if (!household.empty()) {
    absl::StatusOr<std::size_t> found = FindHousehold(*read->caseload, household);
    if (!found.ok()) {
      std::cerr << "layak explain: " << found.status().message() << "\n";
      return kExitProblems;
    }
    row = *found;
  }
  absl::StatusOr<Explanation> e = Explain(**plan, *read->caseload, row, lang);
  if (!e.ok()) {
    std::cerr << "layak explain: " << e.status().message() << "\n";
    return kExitProblems;
  }
  std::cout << (format == "json" ? FormatExplanationJson(*e) : FormatExplanationText(*e));
  return kExitOk;
}

}  // namespace layak::cli
