// `layak check PACK_DIR`: loads and type-checks a pack, prints every
// diagnostic to stderr in the compiler format, and a one-line summary.
#include <iostream>

#include "commands.h"
#include "layak/diagnostic.h"
#include "layak/options.h"
#include "layak/rule_pack.h"

namespace layak::cli {
namespace {

const char kCheckUsage[] =
    "usage: layak check PACK_DIR [--lint] [--max-errors N]\n"
    "\n"
    "Loads every *.yaml file under PACK_DIR, parses and type-checks every\n"
    "expression, and prints diagnostics to stderr as FILE:LINE:COL: error[CODE]: ...\n"
    "\n"
    "options:\n"
    "  --lint           also warn about clauses that can never be true or never be false,\n"
    "                   programs identical to another, unused parameters and definitions,\n"
    "                   protected fields read without a justification, clauses without a source\n"
    "  --max-errors N   report at most N diagnostics (default 100)\n"
    "  -h, --help       show this help\n"
    "\n"
    "exit codes: 0 the pack is clean, 1 the pack has errors, 2 wrong usage\n";

}  // namespace

int RunCheck(const std::vector<std::string>& args) {
  std::string folder;
  LoadOptions options;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "-h" || a == "--help") {
      std::cout << kCheckUsage;
      return kExitOk;
    }
    if (a == "--lint") {
      options.lint = true;
      continue;
    }
    if (a == "--max-errors") {
      if (i + 1 >= args.size()) {
        std::cerr << "layak check: --max-errors needs a number\n\n" << kCheckUsage;
        return kExitUsage;
      }
      try {
        options.max_diagnostics = std::stoi(args[++i]);
      } catch (...) {
        options.max_diagnostics = -1;
      }
      if (options.max_diagnostics < 1) {
        std::cerr << "layak check: --max-errors needs a positive number, got '" << args[i] << "'\n";
        return kExitUsage;
      }
      continue;
    }
    if (!a.empty() && a[0] == '-') {
      std::cerr << "layak check: unknown option '" << a << "'\n\n" << kCheckUsage;
      return kExitUsage;
    }
    if (!folder.empty()) {
      std::cerr << "layak check: one PACK_DIR only (got '" << folder << "' and '" << a << "')\n";
      return kExitUsage;
    }
    folder = a;
  }
  if (folder.empty()) {
    std::cerr << "layak check: missing PACK_DIR\n\n" << kCheckUsage;
    return kExitUsage;
  }
  absl::StatusOr<LoadResult> result = LoadRulePack(folder, options);
  if (!result.ok()) {
    std::cerr << "layak check: " << result.status().message() << "\n";
    return kExitUsage;
  }
  std::cerr << FormatDiagnostics(result->diagnostics);
  if (!result->ok()) {
    std::cerr << "layak check: " << folder << ": " << result->error_count() << " error(s)\n";
    return kExitProblems;
  }
  const RulePack& pack = *result->pack();
  int warnings = 0;
  for (const Diagnostic& d : result->diagnostics) warnings += d.severity == Severity::kWarning ? 1 : 0;
  std::cerr << "layak check: " << folder << ": pack '" << pack.id() << "' version " << pack.version() << ", "
            << pack.programs().size() << " programs: OK";
  if (options.lint) std::cerr << ", " << warnings << " lint warning(s)";
  std::cerr << "\n";
  return kExitOk;
}

}  // namespace layak::cli
