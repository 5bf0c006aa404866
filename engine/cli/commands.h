// The subcommands of the `layak` CLI; each returns the process exit code
// (0 success, 1 problems in the rules or the data, 2 wrong usage).
#ifndef LAYAK_CLI_COMMANDS_H_
#define LAYAK_CLI_COMMANDS_H_

#include <string>
#include <vector>

namespace layak::cli {

// Exit codes shared by every command.
inline constexpr int kExitOk = 0;
inline constexpr int kExitProblems = 1;
inline constexpr int kExitUsage = 2;

// `layak check PACK_DIR [options]`.
int RunCheck(const std::vector<std::string>& args);
// `layak run PACK_DIR (--households H --members M | --jsonl F) [options]`.
int RunRun(const std::vector<std::string>& args);
// `layak validate PACK_DIR (--households H --members M | --jsonl F)`.
int RunValidate(const std::vector<std::string>& args);
// `layak test PACK_DIR [--lang id|en] [--coverage]`.
int RunTest(const std::vector<std::string>& args);
// `layak explain PACK_DIR (--household ID (caseload) | --json FILE|-) [options]`.
int RunExplain(const std::vector<std::string>& args);
// `layak diff PACK_A PACK_B (caseload) [--param N=V]... [--out F]`.
int RunDiff(const std::vector<std::string>& args);
// `layak refer PACK_DIR (caseload) [--assign] [--top N] [--out F] [--load F]`.
int RunRefer(const std::vector<std::string>& args);
// `layak schema PACK_DIR [--format text|json|json-schema] [--out F]` (cmd_schema.cc).
int RunSchema(const std::vector<std::string>& args);

}  // namespace layak::cli

#endif  // LAYAK_CLI_COMMANDS_H_
