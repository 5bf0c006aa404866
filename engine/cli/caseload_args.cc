#include "caseload_args.h"

#include <fstream>
#include <iostream>

#include "layak/diagnostic.h"

namespace layak::cli {

const char kCaseloadOptionsHelp[] =
    "caseload:\n"
    "  --households H.csv --members M.csv   the CSV pair (.gz read directly)\n"
    "  --jsonl F.jsonl                      JSON Lines, members nested in 'members'\n"
    "  --member-key COL     the column of members.csv naming the household (default household_id)\n"
    "  --delimiter C        CSV delimiter, e.g. ';' (default: the pack's formats block, else ',')\n"
    "  --decimal-comma      numbers written 36,5\n"
    "  --day-first          dates also as DD/MM/YYYY\n"
    "  --true S, --false S  one more bool spelling (repeatable)\n"
    "  --rejects FILE       go on past bad rows; write each with its reason to FILE (CSV)\n"
    "  --max-errors N       data errors listed before stopping (default 20)\n";

int ParseCaseloadArg(const std::string& command, const std::vector<std::string>& args, std::size_t* i,
                     CaseloadArgs* out) {
  const std::string& a = args[*i];
  auto value = [&](std::string* dst) {
    if (*i + 1 >= args.size()) {
      std::cerr << "layak " << command << ": " << a << " needs a value\n";
      return -1;
    }
    *dst = args[++*i];
    return 1;
  };
  if (a == "--households") return value(&out->households);
  if (a == "--members") return value(&out->members);
  if (a == "--jsonl") return value(&out->jsonl);
  if (a == "--member-key") {
    out->set_member_key = true;
    return value(&out->read.member_household_column);
  }
  if (a == "--rejects") return value(&out->rejects);
  if (a == "--decimal-comma") {
    out->read.decimal_comma = true;
    out->set_decimal_comma = true;
    return 1;
  }
  if (a == "--day-first") {
    out->read.day_first = true;
    out->set_day_first = true;
    return 1;
  }
  if (a == "--true" || a == "--false") {
    std::string s;
    if (value(&s) < 0) return -1;
    (a == "--true" ? out->read.true_spellings : out->read.false_spellings).push_back(s);
    return 1;
  }
  if (a == "--delimiter") {
    std::string d;
    if (value(&d) < 0) return -1;
    if (d == "\\t" || d == "tab") d = "\t";
    if (d.size() != 1 || d == "\"" || d == "\n") {
      std::cerr << "layak " << command << ": --delimiter takes one character, got '" << d << "'\n";
      return -1;
    }
    out->read.delimiter = d[0];
    out->set_delimiter = true;
    return 1;
  }
  if (a == "--max-errors") {
    std::string n;
    if (value(&n) < 0) return -1;
    try {
      out->max_errors = std::stoi(n);
    } catch (...) {
      out->max_errors = 0;
    }
    if (out->max_errors < 1) {
      std::cerr << "layak " << command << ": --max-errors needs a positive number, got '" << n << "'\n";
      return -1;
    }
    return 1;
  }
  return 0;
}

bool CheckCaseloadArgs(const std::string& command, const CaseloadArgs& a) {
  bool csv = !a.households.empty() || !a.members.empty();
  if (csv && !a.jsonl.empty()) {
    std::cerr << "layak " << command << ": give either --households and --members, or --jsonl, not both\n";
    return false;
  }
  if (csv && (a.households.empty() || a.members.empty())) {
    std::cerr << "layak " << command << ": the CSV pair needs both --households and --members\n";
    return false;
  }
  if (!csv && a.jsonl.empty()) {
    std::cerr << "layak " << command << ": no caseload: give --households H.csv --members M.csv, or --jsonl F\n";
    return false;
  }
  return true;
}

void ApplyPackFormats(const RulePack& pack, CaseloadArgs* a) {
  ReadOptions p = PackReadOptions(pack);
  if (!a->set_delimiter) a->read.delimiter = p.delimiter;
  if (!a->set_decimal_comma) a->read.decimal_comma = p.decimal_comma;
  if (!a->set_day_first) a->read.day_first = p.day_first;
  if (!a->set_member_key) a->read.member_household_column = p.member_household_column;
  a->read.true_spellings.insert(a->read.true_spellings.end(), p.true_spellings.begin(), p.true_spellings.end());
  a->read.false_spellings.insert(a->read.false_spellings.end(), p.false_spellings.begin(), p.false_spellings.end());
}

void AppendCsvField(std::string* out, std::string_view s) {
  if (s.find_first_of(",\"\n\r") == std::string_view::npos) {
    out->append(s);
    return;
  }
  *out += '"';
  for (char c : s) {
    if (c == '"') *out += '"';
    *out += c;
  }
  *out += '"';
}

void CsvField(std::ostream& out, const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) {
    out << s;
    return;
  }
  out << '"';
  for (char c : s) {
    if (c == '"') out << '"';
    out << c;
  }
  out << '"';
}

std::shared_ptr<const RulePack> LoadPackOrReport(const std::string& command, const std::string& folder) {
  auto r = LoadRulePack(folder);
  if (!r.ok()) {
    std::cerr << "layak " << command << ": " << r.status().message() << "\n";
    return nullptr;
  }
  // Notes (a layer's parameter overrides) are for `layak check`; other commands show the rest.
  std::vector<Diagnostic> shown;
  for (const Diagnostic& d : r->diagnostics) {
    if (d.severity != Severity::kNote) shown.push_back(d);
  }
  if (!shown.empty()) std::cerr << FormatDiagnostics(shown);
  if (!r->ok()) {
    std::cerr << "layak " << command << ": " << folder << ": the pack has errors (see `layak check`)\n";
    return nullptr;
  }
  return std::shared_ptr<const RulePack>(r->ReleasePack());
}

bool ChunkReporter::Report(ReadResult& r) {
  for (const std::string& n : r.notes) std::cerr << n << "\n";
  const bool stop = r.fatal || (!r.errors.empty() && a_.rejects.empty() && !a_.keep_going);
  const std::size_t room = static_cast<std::size_t>(a_.max_errors) - std::min<std::size_t>(shown_, a_.max_errors);
  const std::size_t shown = std::min<std::size_t>(r.errors.size(), room);
  if (stop || (a_.rejects.empty() && !a_.keep_going)) {
    for (std::size_t i = 0; i < shown; ++i) std::cerr << r.errors[i] << "\n";
    if (r.errors.size() > shown) std::cerr << "... and " << r.errors.size() - shown << " more data errors\n";
    shown_ += shown;
  }
  if (stop) {
    if (!r.fatal) {
      std::cerr << "layak " << command_ << ": " << r.errors.size()
                << " data error(s); nothing more evaluated (use --rejects FILE to set bad rows aside and go on)\n";
    }
    return false;
  }
  if (!a_.rejects.empty()) {
    if (!rejects_.is_open()) {
      rejects_.open(a_.rejects, std::ios::binary);
      if (!rejects_) {
        std::cerr << "layak " << command_ << ": cannot write " << a_.rejects << "\n";
        return false;
      }
      rejects_ << "file,line,reason,record\n";
    }
    for (const RejectedRow& row : r.rejects) {
      CsvField(rejects_, row.file);
      rejects_ << ',' << row.line << ',';
      CsvField(rejects_, row.reason);
      rejects_ << ',';
      CsvField(rejects_, row.record);
      rejects_ << '\n';
    }
  }
  totals_.households_read += r.households_read;
  totals_.members_read += r.members_read;
  totals_.households_rejected += r.households_rejected;
  totals_.members_rejected += r.members_rejected;
  evaluated_households_ += r.caseload->households();
  evaluated_members_ += r.caseload->members();
  return true;
}

void ChunkReporter::Finish() {
  if (a_.rejects.empty()) return;
  rejects_.flush();
  std::cerr << "layak " << command_ << ": read " << totals_.households_read << " households = " << evaluated_households_
            << " evaluated + " << totals_.households_rejected << " rejected; " << totals_.members_read
            << " members = " << evaluated_members_ << " evaluated + " << totals_.members_rejected
            << " rejected; rejects in " << a_.rejects << "\n";
}

std::unique_ptr<ReadResult> ReadCaseloadOrReport(const std::string& command, const RulePack& pack,
                                                 const CaseloadArgs& a) {
  absl::StatusOr<ReadResult> r = a.jsonl.empty() ? ReadCsvCaseload(pack, a.households, a.members, a.read)
                                                 : ReadJsonlCaseload(pack, a.jsonl, a.read);
  if (!r.ok()) {
    std::cerr << "layak " << command << ": " << r.status().message() << "\n";
    return nullptr;
  }
  ChunkReporter reporter(command, a);
  if (!reporter.Report(*r)) return nullptr;
  reporter.Finish();
  return std::make_unique<ReadResult>(std::move(*r));
}

}  // namespace layak::cli
