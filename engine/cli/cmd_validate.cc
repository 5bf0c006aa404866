// `layak validate PACK ...`: checks every column of a caseload against the
// schema (types, enum values, dates, min/max, keys, orphans), lists every
// problem, and evaluates nothing.
#include <iostream>

#include "caseload_args.h"
#include "commands.h"
#include "layak/evaluate.h"

namespace layak::cli {
namespace {

const char kValidateUsage[] =
    "usage: layak validate PACK_DIR (--households H.csv --members M.csv | --jsonl F) [options]\n"
    "\n"
    "Reads every column the schema knows and reports each value that cannot be\n"
    "read as FILE:LINE:COL: error: ... (COL is the 1-based field number).\n"
    "Exit 0 when the caseload is clean, 1 when it has problems.\n"
    "\n";

}  // namespace

int RunValidate(const std::vector<std::string>& args) {
  std::string folder;
  CaseloadArgs cargs;
  cargs.max_errors = 100;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "-h" || a == "--help") {
      std::cout << kValidateUsage << kCaseloadOptionsHelp;
      return kExitOk;
    }
    int c = ParseCaseloadArg("validate", args, &i, &cargs);
    if (c < 0) return kExitUsage;
    if (c > 0) continue;
    if (!a.empty() && a[0] == '-') {
      std::cerr << "layak validate: unknown option '" << a << "'\n\n" << kValidateUsage << kCaseloadOptionsHelp;
      return kExitUsage;
    }
    if (!folder.empty()) {
      std::cerr << "layak validate: one PACK_DIR only\n";
      return kExitUsage;
    }
    folder = a;
  }
  if (folder.empty()) {
    std::cerr << "layak validate: no PACK_DIR\n\n" << kValidateUsage << kCaseloadOptionsHelp;
    return kExitUsage;
  }
  if (!CheckCaseloadArgs("validate", cargs)) return kExitUsage;
  std::shared_ptr<const RulePack> pack = LoadPackOrReport("validate", folder);
  if (pack == nullptr) return kExitProblems;
  ApplyPackFormats(*pack, &cargs);
  // Every row is read whatever happens; --rejects (if given) gets the bad ones.
  cargs.keep_going = true;
  cargs.read.threads = AvailableThreads();
  std::unique_ptr<ReadResult> read = ReadCaseloadOrReport("validate", *pack, cargs);
  if (read == nullptr) return kExitProblems;
  const std::size_t shown = std::min<std::size_t>(read->errors.size(), static_cast<std::size_t>(cargs.max_errors));
  for (std::size_t i = 0; i < shown; ++i) std::cerr << read->errors[i] << "\n";
  if (read->errors.size() > shown) std::cerr << "... and " << read->errors.size() - shown << " more data errors\n";
  std::cout << "layak validate: " << read->households_read << " households, " << read->members_read << " members read; "
            << read->households_rejected << " households and " << read->members_rejected << " members rejected; "
            << read->errors.size() << " data error(s)\n";
  return read->errors.empty() ? kExitOk : kExitProblems;
}

}  // namespace layak::cli
