// Options shared by the commands that read a caseload (run, validate): the
// input files, the dialect flags, and how bad rows are handled.
#ifndef LAYAK_CLI_CASELOAD_ARGS_H_
#define LAYAK_CLI_CASELOAD_ARGS_H_

#include <fstream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "layak/caseload.h"
#include "layak/rule_pack.h"

namespace layak::cli {

// Caseload inputs and dialect.
struct CaseloadArgs {
  std::string households, members, jsonl;
  ReadOptions read;
  std::string rejects;  // --rejects FILE
  int max_errors = 20;
  bool keep_going = false;  // validate: read everything, stop for nothing
  // Which dialect flags were given: the others come from the pack's formats.
  bool set_delimiter = false, set_decimal_comma = false, set_day_first = false, set_member_key = false;
};

// Fills the dialect options not given on the command line from the pack.
void ApplyPackFormats(const RulePack& pack, CaseloadArgs* a);

// The help text of these options.
extern const char kCaseloadOptionsHelp[];

// Consumes args[*i] (and its value) when it is a caseload option. Returns 1
// when consumed, 0 when not a caseload option, -1 (message printed) on error.
int ParseCaseloadArg(const std::string& command, const std::vector<std::string>& args, std::size_t* i,
                     CaseloadArgs* out);
// Checks that exactly one input form was given; prints why not.
bool CheckCaseloadArgs(const std::string& command, const CaseloadArgs& a);

// Writes `s` as one CSV field, quoted when it holds a comma, quote or line end.
void CsvField(std::ostream& out, const std::string& s);
// The same, appended to `out`.
void AppendCsvField(std::string* out, std::string_view s);

// Loads the pack at `folder`, printing diagnostics; null when it has errors.
std::shared_ptr<const RulePack> LoadPackOrReport(const std::string& command, const std::string& folder);

// Reports the chunks of a caseload as they are read: notes, errors (at most
// --max-errors in all), rejects appended to --rejects, and in the end the
// accounting read = evaluated + rejected.
class ChunkReporter {
 public:
  ChunkReporter(std::string command, const CaseloadArgs& a) : command_(std::move(command)), a_(a) {}
  // False (after printing why) when the run must stop.
  bool Report(ReadResult& r);
  // Prints the accounting line when rejects are written.
  void Finish();

 private:
  std::string command_;
  const CaseloadArgs& a_;
  std::ofstream rejects_;
  std::size_t shown_ = 0;
  ReadResult totals_;
  uint64_t evaluated_households_ = 0, evaluated_members_ = 0;
};

// Reads the caseload, prints errors and notes; writes --rejects. Returns
// null (after printing) when the run must stop: a fatal problem, or data
// errors without --rejects.
std::unique_ptr<ReadResult> ReadCaseloadOrReport(const std::string& command, const RulePack& pack,
                                                 const CaseloadArgs& a);

}  // namespace layak::cli

#endif  // LAYAK_CLI_CASELOAD_ARGS_H_
