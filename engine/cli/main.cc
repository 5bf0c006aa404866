// `layak <command>`: dispatch to the subcommands, top-level help and version.
#include <iostream>
#include <string>
#include <vector>

#include "commands.h"
#include "layak/version.h"

namespace {

const char kUsage[] =
    "usage: layak <command> [options]\n"
    "\n"
    "commands:\n"
    "  check PACK_DIR     load a rule pack, check it, and print its diagnostics\n"
    "  run PACK_DIR ...   evaluate a caseload: per-row results or a summary\n"
    "  validate PACK_DIR ...  check every column of a caseload against the schema\n"
    "  test PACK_DIR      run the pack's rule tests\n"
    "  explain PACK_DIR ...  explain one household's results, clause by clause\n"
    "  diff PACK_A PACK_B ...  how many households change status between two packs\n"
    "  refer PACK_DIR ...  refer households to community resources (--assign: under capacity)\n"
    "  schema PACK_DIR    the input fields: types, values, labels, programs reading them; JSON Schema\n"
    "\n"
    "options:\n"
    "  -h, --help       show this help (also: layak <command> --help)\n"
    "  --version        print the layak version\n"
    "\n"
    "exit codes: 0 success, 1 problems in the rules or the data, 2 wrong usage\n";

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) {
    std::cerr << kUsage;
    return layak::cli::kExitUsage;
  }
  const std::string command = args[0];
  std::vector<std::string> rest(args.begin() + 1, args.end());
  if (command == "-h" || command == "--help" || command == "help") {
    std::cout << kUsage;
    return layak::cli::kExitOk;
  }
  if (command == "--version") {
    std::cout << "layak " << layak::VersionString() << "\n";
    return layak::cli::kExitOk;
  }
  if (command == "check") return layak::cli::RunCheck(rest);
  if (command == "run") return layak::cli::RunRun(rest);
  if (command == "validate") return layak::cli::RunValidate(rest);
  if (command == "test") return layak::cli::RunTest(rest);
  if (command == "explain") return layak::cli::RunExplain(rest);
  if (command == "diff") return layak::cli::RunDiff(rest);
  if (command == "refer") return layak::cli::RunRefer(rest);
  if (command == "schema") return layak::cli::RunSchema(rest);
  std::cerr << "layak: unknown command '" << command << "'\n\n" << kUsage;
  return layak::cli::kExitUsage;
}
