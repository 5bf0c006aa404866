// FormatExplanationText and FormatExplanationJson (layak/explain.h).
#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "layak/explain.h"
#include "run/writers.h"

namespace layak {
namespace {

bool Id(Language l) { return l == Language::kIndonesian; }

const char* StatusWords(Status s, Language l) {
  switch (s) {
    case Status::kEligible:
      return Id(l) ? "LAYAK" : "ELIGIBLE";
    case Status::kIneligible:
      return Id(l) ? "TIDAK LAYAK" : "NOT ELIGIBLE";
    case Status::kUnknown:
      break;
  }
  return Id(l) ? "BELUM DAPAT DIPUTUSKAN" : "UNDECIDED";
}

const char* ClauseMark(Status s) {
  switch (s) {
    case Status::kEligible:
      return "[ya]   ";
    case Status::kIneligible:
      return "[tidak]";
    case Status::kUnknown:
      break;
  }
  return "[?]    ";
}

const char* ClauseMarkEn(Status s) {
  switch (s) {
    case Status::kEligible:
      return "[yes]";
    case Status::kIneligible:
      return "[no] ";
    case Status::kUnknown:
      break;
  }
  return "[?]  ";
}

// Rp2.400.000 (Indonesian grouping) or Rp 2,400,000.
std::string Rupiah(int64_t v, Language l) {
  std::string digits = absl::StrCat(v < 0 ? -v : v);
  std::string grouped;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) grouped.push_back(Id(l) ? '.' : ',');
    grouped.push_back(digits[i]);
  }
  return absl::StrCat(Id(l) ? "Rp" : "Rp ", v < 0 ? "-" : "", grouped);
}

const char* ValueName(Status s) {
  return s == Status::kEligible ? "true" : s == Status::kIneligible ? "false" : "unknown";
}

void JsonList(const char* key, const std::vector<std::string>& items, std::string* out) {
  absl::StrAppend(out, ",\"", key, "\":[");
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out->push_back(',');
    run::AppendJsonString(items[i], out);
  }
  out->push_back(']');
}

void JsonField(const char* key, std::string_view value, std::string* out, bool first = false) {
  absl::StrAppend(out, first ? "\"" : ",\"", key, "\":");
  run::AppendJsonString(value, out);
}

}  // namespace

std::string FormatExplanationText(const Explanation& e) {
  Language l = e.language;
  std::string out;
  absl::StrAppend(&out, Id(l) ? "Keluarga " : "Household ", e.household_id.empty() ? "(tanpa id)" : e.household_id,
                  Id(l) ? ", per tanggal " : ", as of ", e.as_of, ", ", e.members,
                  Id(l) ? " anggota\n" : (e.members == 1 ? " member\n" : " members\n"));
  absl::StrAppend(&out, "(", e.provenance, ")\n");
  for (const ProgramExplanation& p : e.programs) {
    absl::StrAppend(&out, "\n", p.program, p.name.empty() ? "" : absl::StrCat(" - ", p.name));
    if (p.member > 0) {
      absl::StrAppend(&out, Id(l) ? ", anggota ke-" : ", member ", p.member,
                      p.member_id.empty() ? "" : absl::StrCat(" (", p.member_id, ")"));
    }
    absl::StrAppend(&out, ": ", StatusWords(p.status, l));
    if (p.benefit) {
      absl::StrAppend(&out, Id(l) ? ", manfaat " : ", benefit ", Rupiah(*p.benefit, l),
                      Id(l) ? " per tahun" : " a year");
    }
    out.push_back('\n');
    if (!p.in_force) {
      absl::StrAppend(&out, Id(l) ? "  Program tidak berlaku pada tanggal ini.\n"
                                  : "  The program is not in force on this date.\n");
      continue;
    }
    for (const ClauseExplanation& c : p.clauses) {
      absl::StrAppend(&out, "  ", Id(l) ? ClauseMark(c.value) : ClauseMarkEn(c.value), " ", c.id, ": ", c.text, "\n");
      std::vector<std::string> inputs;
      for (const InputExplanation& in : c.inputs) {
        inputs.push_back(
            absl::StrCat(in.label, " = ", in.value ? *in.value : (Id(l) ? "(tidak diketahui)" : "(unknown)")));
      }
      if (!inputs.empty()) absl::StrAppend(&out, "          data: ", absl::StrJoin(inputs, "; "), "\n");
      if (!c.missing.empty()) {
        absl::StrAppend(&out, Id(l) ? "          perlu data: " : "          needs: ", absl::StrJoin(c.missing, "; "),
                        "\n");
      }
      if (!c.change.empty()) absl::StrAppend(&out, "          -> ", c.change, "\n");
      if (!c.source.empty()) absl::StrAppend(&out, Id(l) ? "          sumber: " : "          source: ", c.source, "\n");
    }
    if (p.status == Status::kUnknown && !p.missing.empty()) {
      absl::StrAppend(&out, Id(l) ? "  Perlu data: " : "  Data needed: ", absl::StrJoin(p.missing, "; "), "\n");
    }
    for (const std::string& err : p.errors) absl::StrAppend(&out, Id(l) ? "  Galat: " : "  Error: ", err, "\n");
  }
  if (!e.referrals.empty()) absl::StrAppend(&out, Id(l) ? "\nRujukan\n" : "\nReferrals\n");
  for (const ReferralRow& r : e.referrals) {
    absl::StrAppend(&out, "  ", r.service, " (",
                    r.source_kind == "need" ? (Id(l) ? "kebutuhan " : "need ") : "program ", r.source, "): ");
    if (r.resource_id.empty() && !r.missing.empty()) {  // a quota whose key is not known
      absl::StrAppend(&out, Id(l) ? "perlu data: " : "data needed: ", absl::StrJoin(r.missing, "; "), "\n");
      continue;
    }
    if (r.resource_id.empty()) {
      absl::StrAppend(&out, Id(l) ? "belum ada sumber daya yang melayani keluarga ini\n"
                                  : "no resource serves this household yet\n");
      continue;
    }
    absl::StrAppend(&out, r.resource_name);
    if (r.distance_km) {
      std::string km = absl::StrFormat("%.1f km", *r.distance_km);
      if (Id(l)) std::replace(km.begin(), km.end(), '.', ',');
      absl::StrAppend(&out, "; ", km);
    }
    if (r.capacity >= 0) {
      absl::StrAppend(&out, Id(l) ? "; kapasitas " : "; capacity ", r.capacity, Id(l) ? " tempat" : " places");
    }
    if (r.status == "unknown") {
      absl::StrAppend(&out, Id(l) ? "; belum pasti menerima, perlu data: " : "; may not accept, data needed: ",
                      absl::StrJoin(r.missing, "; "));
    }
    out.push_back('\n');
  }
  return out;
}

std::string FormatExplanationJson(const Explanation& e) {
  std::string out = "{";
  JsonField("household_id", e.household_id, &out, true);
  JsonField("as_of", e.as_of, &out);
  JsonField("provenance", e.provenance, &out);
  JsonField("language", Id(e.language) ? "id" : "en", &out);
  absl::StrAppend(&out, ",\"members\":", e.members, ",\"programs\":[");
  for (std::size_t i = 0; i < e.programs.size(); ++i) {
    const ProgramExplanation& p = e.programs[i];
    if (i > 0) out.push_back(',');
    out.push_back('{');
    JsonField("program", p.program, &out, true);
    JsonField("name", p.name, &out);
    if (p.member > 0) {
      absl::StrAppend(&out, ",\"member\":", p.member);
      JsonField("member_id", p.member_id, &out);
    }
    JsonField("status", StatusName(p.status), &out);
    absl::StrAppend(&out, ",\"in_force\":", p.in_force ? "true" : "false",
                    ",\"benefit\":", p.benefit ? absl::StrCat(*p.benefit) : "null");
    JsonList("missing", p.missing, &out);
    JsonList("missing_fields", p.missing_fields, &out);
    JsonList("errors", p.errors, &out);
    out.append(",\"clauses\":[");
    for (std::size_t k = 0; k < p.clauses.size(); ++k) {
      const ClauseExplanation& c = p.clauses[k];
      if (k > 0) out.push_back(',');
      out.push_back('{');
      JsonField("id", c.id, &out, true);
      JsonField("value", ValueName(c.value), &out);
      JsonField("text", c.text, &out);
      JsonField("expression", c.expression, &out);
      JsonField("source", c.source, &out);
      out.append(",\"inputs\":[");
      for (std::size_t n = 0; n < c.inputs.size(); ++n) {
        if (n > 0) out.push_back(',');
        out.push_back('{');
        JsonField("field", c.inputs[n].field, &out, true);
        JsonField("label", c.inputs[n].label, &out);
        if (c.inputs[n].value) {
          JsonField("value", *c.inputs[n].value, &out);
        } else {
          out.append(",\"value\":null");
        }
        out.push_back('}');
      }
      out.push_back(']');
      JsonList("missing", c.missing, &out);
      if (!c.change.empty()) JsonField("change", c.change, &out);
      out.push_back('}');
    }
    out.append("]}");
  }
  out.append("],\"referrals\":[");
  for (std::size_t i = 0; i < e.referrals.size(); ++i) {
    const ReferralRow& r = e.referrals[i];
    if (i > 0) out.push_back(',');
    out.push_back('{');
    JsonField("source_kind", r.source_kind, &out, true);
    JsonField("source", r.source, &out);
    JsonField("service", r.service, &out);
    JsonField("resource", r.resource_id, &out);
    JsonField("name", r.resource_name, &out);
    absl::StrAppend(&out, ",\"rank\":", r.rank,
                    ",\"distance_km\":", r.distance_km ? absl::StrFormat("%.1f", *r.distance_km) : "null");
    JsonField("status", r.status, &out);
    JsonField("reason", r.reason, &out);
    JsonList("missing", r.missing, &out);
    out.push_back('}');
  }
  out.append("]}\n");
  return out;
}

}  // namespace layak
