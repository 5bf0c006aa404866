// `layak schema PACK_DIR`: the pack's input fields for people and for the
// systems that build intake forms: a table (text), DescribeSchema as JSON, or
// the JSON Schema of a household (layak/schema.h).
#include <algorithm>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "absl/strings/str_join.h"
#include "commands.h"
#include "layak/diagnostic.h"
#include "layak/rule_pack.h"
#include "layak/schema.h"

namespace layak::cli {
namespace {

const char kSchemaUsage[] =
    "usage: layak schema PACK_DIR [--format text|json|json-schema] [--out FILE]\n"
    "\n"
    "Describes the fields a household and its members may carry: type, allowed\n"
    "values and aliases, bounds, labels, and the programs whose decision reads\n"
    "each field (directly, through definitions, derived fields or eligible()).\n"
    "\n"
    "options:\n"
    "  --format text         a table, one line per field (default)\n"
    "  --format json         every detail of every field, as one JSON object\n"
    "  --format json-schema  the JSON Schema (draft 2020-12) of one household as\n"
    "                        `layak run --jsonl` and `layak explain --json` read it\n"
    "  --out FILE            write to FILE instead of stdout\n"
    "  -h, --help            show this help\n"
    "\n"
    "exit codes: 0 success, 1 the pack has errors, 2 wrong usage\n";

// Display width: UTF-8 code points (labels are Indonesian, some with symbols).
std::size_t Width(const std::string& s) {
  std::size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return n;
}

// `s` cut to at most `max` code points, ending in "..." when cut.
std::string Clip(const std::string& s, std::size_t max) {
  if (Width(s) <= max) return s;
  std::size_t points = 0, i = 0;
  for (; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && points++ == max - 3) break;
  }
  return s.substr(0, i) + "...";
}

std::string Kind(const FieldInfo& f) {
  std::string k = FieldTypeName(f.type);
  if (f.key) k += " key";
  if (f.derived) k += " derived";
  if (f.is_protected) k += " protected";
  if (f.sensitive) k += " sensitive";
  return k;
}

// Declared values (as many as fit, then the count), or the bounds.
std::string Values(const FieldInfo& f) {
  constexpr std::size_t kMax = 48;
  if (!f.values.empty()) {
    std::string all = absl::StrJoin(f.values, ", ");
    if (Width(all) <= kMax) return all;
    const std::string count = "... (" + std::to_string(f.values.size()) + " values)";
    std::string shown;
    for (const std::string& v : f.values) {
      if (Width(shown) + Width(v) + 2 + Width(count) > kMax) break;
      shown += v + ", ";
    }
    return shown + count;
  }
  if (f.min && f.max) return FormatFieldBound(f.type, *f.min) + ".." + FormatFieldBound(f.type, *f.max);
  if (f.min) return ">= " + FormatFieldBound(f.type, *f.min);
  if (f.max) return "<= " + FormatFieldBound(f.type, *f.max);
  return "";
}

std::string Table(const std::vector<FieldInfo>& fields) {
  std::vector<std::vector<std::string>> rows = {{"FIELD", "LEVEL", "TYPE", "VALUES", "LABEL", "PROGRAMS"}};
  for (const FieldInfo& f : fields) {
    rows.push_back({f.name, f.level == FieldLevel::kMember ? "member" : "household", Kind(f), Values(f),
                    Clip(f.label_id, 40), f.programs.empty() ? "-" : absl::StrJoin(f.programs, ", ")});
  }
  std::vector<std::size_t> widths(rows[0].size(), 0);
  for (const auto& row : rows) {
    for (std::size_t c = 0; c < row.size(); ++c) widths[c] = std::max(widths[c], Width(row[c]));
  }
  std::string out;
  for (const auto& row : rows) {
    for (std::size_t c = 0; c + 1 < row.size(); ++c) out += row[c] + std::string(widths[c] - Width(row[c]) + 2, ' ');
    out += row.back() + "\n";
  }
  return out;
}

}  // namespace

int RunSchema(const std::vector<std::string>& args) {
  std::string folder, out_path, format = "text";
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "-h" || a == "--help") {
      std::cout << kSchemaUsage;
      return kExitOk;
    }
    if (a == "--format" || a == "--out") {
      if (i + 1 >= args.size()) {
        std::cerr << "layak schema: " << a << " needs a value\n\n" << kSchemaUsage;
        return kExitUsage;
      }
      (a == "--format" ? format : out_path) = args[++i];
      if (format != "text" && format != "json" && format != "json-schema") {
        std::cerr << "layak schema: --format takes text, json or json-schema, not '" << format << "'\n\n"
                  << kSchemaUsage;
        return kExitUsage;
      }
    } else if (!a.empty() && a[0] == '-') {
      std::cerr << "layak schema: unknown option '" << a << "'\n\n" << kSchemaUsage;
      return kExitUsage;
    } else if (!folder.empty()) {
      std::cerr << "layak schema: one PACK_DIR only (got '" << folder << "' and '" << a << "')\n";
      return kExitUsage;
    } else {
      folder = a;
    }
  }
  if (folder.empty()) {
    std::cerr << "layak schema: missing PACK_DIR\n\n" << kSchemaUsage;
    return kExitUsage;
  }
  absl::StatusOr<LoadResult> result = LoadRulePack(folder);
  if (!result.ok()) {
    std::cerr << "layak schema: " << result.status().message() << "\n";
    return kExitUsage;  // as `layak check`: a folder that does not exist is a usage error
  }
  // Notes (a layer's parameter overrides) are for `layak check`.
  std::vector<Diagnostic> shown;
  for (const Diagnostic& d : result->diagnostics) {
    if (d.severity != Severity::kNote) shown.push_back(d);
  }
  std::cerr << FormatDiagnostics(shown);
  if (!result->ok()) {
    std::cerr << "layak schema: " << folder << ": " << result->error_count() << " error(s)\n";
    return kExitProblems;
  }
  const RulePack& pack = *result->pack();
  std::string text = format == "json"          ? DescribeSchemaJson(pack)
                     : format == "json-schema" ? HouseholdJsonSchema(pack)
                                               : Table(DescribeSchema(pack));
  if (out_path.empty()) {
    std::cout << text;
    return kExitOk;
  }
  std::ofstream out(out_path, std::ios::binary);
  if (!out || !(out << text) || !out.flush()) {
    std::cerr << "layak schema: cannot write " << out_path << "\n";
    return kExitProblems;
  }
  return kExitOk;
}

}  // namespace layak::cli
