// `layak test PACK_DIR`: runs the pack's rule tests; for each failing case,
// what was expected, what came out and the explanation. The last line is
// exactly "N passed, N failed".
#include <iostream>

#include "caseload_args.h"
#include "commands.h"
#include "layak/rule_tests.h"

namespace layak::cli {
namespace {

const char kTestUsage[] =
    "usage: layak test PACK_DIR [--lang id|en] [--coverage]\n"
    "\n"
    "Runs every `tests:` case of the pack (and of the packs it extends, unless a\n"
    "case names the pack it is for). Each case's household is evaluated on its\n"
    "as_of date and compared with its expectations. For a failing case it prints\n"
    "the expected and actual results and the explanation. The last line is\n"
    "'N passed, N failed' (test cases).\n"
    "\n"
    "options:\n"
    "  --lang id|en   language of the explanations (default id)\n"
    "  --coverage     list clauses that no test made true, or none made false\n"
    "  -h, --help     show this help\n"
    "\n"
    "exit codes: 0 every case passed, 1 a case failed or the pack has errors, 2 wrong usage\n";

}  // namespace

int RunTest(const std::vector<std::string>& args) {
  std::string folder;
  TestOptions options;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "-h" || a == "--help") {
      std::cout << kTestUsage;
      return kExitOk;
    }
    if (a == "--coverage") {
      options.coverage = true;
    } else if (a == "--lang") {
      if (i + 1 >= args.size() || (args[i + 1] != "id" && args[i + 1] != "en")) {
        std::cerr << "layak test: --lang takes id or en\n";
        return kExitUsage;
      }
      options.language = args[++i] == "en" ? Language::kEnglish : Language::kIndonesian;
    } else if (!a.empty() && a[0] == '-') {
      std::cerr << "layak test: unknown option '" << a << "'\n\n" << kTestUsage;
      return kExitUsage;
    } else if (!folder.empty()) {
      std::cerr << "layak test: one PACK_DIR only (got '" << folder << "' and '" << a << "')\n";
      return kExitUsage;
    } else {
      folder = a;
    }
  }
  if (folder.empty()) {
    std::cerr << "layak test: missing PACK_DIR\n\n" << kTestUsage;
    return kExitUsage;
  }
  std::shared_ptr<const RulePack> pack = LoadPackOrReport("test", folder);
  if (pack == nullptr) return kExitProblems;
  absl::StatusOr<TestReport> report = RunPackTests(pack, options);
  if (!report.ok()) {
    std::cerr << "layak test: " << report.status().message() << "\n";
    return kExitProblems;
  }
  for (const TestCaseResult& c : report->cases) {
    if (c.passed) continue;
    std::cout << "FAIL " << c.location.file << ":" << c.location.line << ": " << c.name << "\n";
    for (const std::string& f : c.failures) std::cout << "  " << f << "\n";
    if (!c.explanation.empty()) {
      std::cout << "  --\n";
      std::size_t start = 0;
      while (start < c.explanation.size()) {
        std::size_t end = c.explanation.find('\n', start);
        if (end == std::string::npos) end = c.explanation.size();
        std::cout << "  " << c.explanation.substr(start, end - start) << "\n";
        start = end + 1;
      }
    }
    std::cout << "\n";
  }
  if (options.coverage) {
    int gaps = 0;
    for (const ClauseCoverage& c : report->coverage) {
      if (c.seen_true && c.seen_false) continue;
      ++gaps;
      std::cout << "coverage: " << c.location.file << ":" << c.location.line << ": " << c.program << "." << c.clause
                << " never "
                << (!c.seen_true && !c.seen_false ? "true nor false"
                    : !c.seen_true                ? "true"
                                                  : "false")
                << "\n";
    }
    std::cout << "coverage: " << report->coverage.size() - gaps << " of " << report->coverage.size()
              << " clauses made both true and false\n";
  }
  if (report->skipped > 0) std::cout << "(" << report->skipped << " cases for other packs not run)\n";
  std::cout << report->passed << " passed, " << report->failed << " failed\n";
  return report->failed == 0 ? kExitOk : kExitProblems;
}

}  // namespace layak::cli
