#include "run/writers.h"

#include "absl/strings/str_cat.h"
#include "eval/results.h"

namespace layak::run {

void AppendKey(const data::CaseloadData& data, pack::Scope scope, std::size_t row, std::string* out) {
  int f = data.key_field(scope);
  if (f < 0) return;
  const data::Table& t = data.table(scope);
  const data::Column& c = t.columns[static_cast<std::size_t>(f)];
  if (!t.present[static_cast<std::size_t>(f)] || !c.valid(row)) return;
  if (c.storage() == data::Storage::kString) {
    out->append(c.text(row));
  } else {
    absl::StrAppend(out, c.value(row));
  }
}

void AppendJsonString(std::string_view text, std::string* out) {
  out->push_back('"');
  for (char ch : text) {
    switch (ch) {
      case '"':
        out->append("\\\"");
        break;
      case '\\':
        out->append("\\\\");
        break;
      case '\n':
        out->append("\\n");
        break;
      case '\r':
        out->append("\\r");
        break;
      case '\t':
        out->append("\\t");
        break;
      default:
        if (static_cast<unsigned char>(ch) < 0x20) {
          absl::StrAppend(out, "\\u00", absl::Hex(static_cast<unsigned char>(ch), absl::kZeroPad2));
        } else {
          out->push_back(ch);
        }
    }
  }
  out->push_back('"');
}

namespace {

void AppendCsvField(std::string_view text, std::string* out) {
  if (text.find_first_of(",\"\n\r") == std::string_view::npos) {
    out->append(text);
    return;
  }
  out->push_back('"');
  for (char ch : text) {
    if (ch == '"') out->push_back('"');
    out->push_back(ch);
  }
  out->push_back('"');
}

void AppendJoined(const std::vector<std::string>& items, std::string* scratch) {
  scratch->clear();
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) scratch->push_back('|');
    scratch->append(items[i]);
  }
}

void AppendJsonList(const char* name, const std::vector<std::string>& items, std::string* out) {
  if (items.empty()) return;
  absl::StrAppend(out, ",\"", name, "\":[");
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out->push_back(',');
    AppendJsonString(items[i], out);
  }
  out->push_back(']');
}

}  // namespace

void AppendHouseholdId(const data::CaseloadData& data, std::size_t h, std::string* out) {
  AppendKey(data, pack::Scope::kHousehold, h, out);
}

void AppendMemberId(const data::CaseloadData& data, const eval::Scratch& s, std::size_t member_row, std::string* out,
                    const Redaction* redact) {
  std::size_t local = member_row - s.m0;
  // The person's 1-based position in the household, as in missing-field names.
  std::string position = absl::StrCat("#", local - s.moff[s.mhh[local]] + 1);
  std::string key;
  AppendKey(data, pack::Scope::kMember, member_row, &key);
  if (redact != nullptr) {
    out->append(redact->Id(key, position));
  } else {
    out->append(key.empty() ? position : key);
  }
}

std::string CsvHeader() {
  return "household_id,member_id,program,status,benefit,failed_clauses,missing_fields,errors\n";
}

void RenderCsv(const eval::Plan& plan, const data::CaseloadData& data, const eval::Scratch& s, std::string* out,
               const Redaction* redact) {
  eval::RowResult r;
  std::string id, joined;
  for (std::size_t h = 0; h < s.nh; ++h) {
    id.clear();
    AppendHouseholdId(data, s.h0 + h, &id);
    if (redact != nullptr) id = redact->Id(id, absl::StrCat("row:", s.h0 + h + 1));
    for (std::size_t p = 0; p < plan.programs.size(); ++p) {
      if (redact != nullptr && redact->Withheld(p)) continue;
      const eval::PlanProgram& pp = plan.programs[p];
      const ir::Program& prog = plan.module->programs[p];
      bool member = pp.unit == pack::Scope::kMember;
      uint32_t begin = member ? s.moff[h] : static_cast<uint32_t>(h);
      uint32_t end = member ? s.moff[h + 1] : static_cast<uint32_t>(h + 1);
      for (uint32_t row = begin; row < end; ++row) {
        eval::ResultAt(plan, data, s, static_cast<int32_t>(p), row, &r);
        if (redact != nullptr) redact->FilterFields(&r.missing_fields);
        AppendCsvField(id, out);
        out->push_back(',');
        if (member) {
          joined.clear();
          AppendMemberId(data, s, s.m0 + row, &joined, redact);
          AppendCsvField(joined, out);
        }
        absl::StrAppend(out, ",", prog.id, ",", eval::StatusName(r.status), ",");
        if (r.has_benefit) absl::StrAppend(out, r.benefit);
        out->push_back(',');
        AppendJoined(r.failed_clauses, &joined);
        AppendCsvField(joined, out);
        out->push_back(',');
        AppendJoined(r.missing_fields, &joined);
        AppendCsvField(joined, out);
        out->push_back(',');
        AppendJoined(r.errors, &joined);
        AppendCsvField(joined, out);
        out->push_back('\n');
      }
    }
  }
}

void RenderJsonl(const eval::Plan& plan, const data::CaseloadData& data, const eval::Scratch& s, std::string* out,
                 const Redaction* redact) {
  eval::RowResult r;
  std::string id;
  for (std::size_t h = 0; h < s.nh; ++h) {
    id.clear();
    AppendHouseholdId(data, s.h0 + h, &id);
    if (redact != nullptr) id = redact->Id(id, absl::StrCat("row:", s.h0 + h + 1));
    out->append("{\"household_id\":");
    AppendJsonString(id, out);
    out->append(",\"results\":[");
    bool first = true;
    for (std::size_t p = 0; p < plan.programs.size(); ++p) {
      if (redact != nullptr && redact->Withheld(p)) continue;
      const eval::PlanProgram& pp = plan.programs[p];
      bool member = pp.unit == pack::Scope::kMember;
      uint32_t begin = member ? s.moff[h] : static_cast<uint32_t>(h);
      uint32_t end = member ? s.moff[h + 1] : static_cast<uint32_t>(h + 1);
      for (uint32_t row = begin; row < end; ++row) {
        eval::ResultAt(plan, data, s, static_cast<int32_t>(p), row, &r);
        if (redact != nullptr) redact->FilterFields(&r.missing_fields);
        if (!first) out->push_back(',');
        first = false;
        absl::StrAppend(out, "{\"program\":\"", plan.module->programs[p].id, "\"");
        if (member) {
          std::string mid;
          AppendMemberId(data, s, s.m0 + row, &mid, redact);
          out->append(",\"member_id\":");
          AppendJsonString(mid, out);
        }
        absl::StrAppend(out, ",\"status\":\"", eval::StatusName(r.status), "\"");
        if (r.has_benefit) absl::StrAppend(out, ",\"benefit\":", r.benefit);
        AppendJsonList("failed_clauses", r.failed_clauses, out);
        AppendJsonList("missing_fields", r.missing_fields, out);
        AppendJsonList("errors", r.errors, out);
        out->push_back('}');
      }
    }
    out->append("]}\n");
  }
}

}  // namespace layak::run
