// ReadHsds: an Open Referral HSDS folder of CSV tables into resources (see
// hsds.h). Tables are split by a small RFC 4180 splitter (quoted fields,
// doubled quotes, commas and newlines inside quotes), indexed by id, then
// joined service by service. Which column feeds which field is kMapped.
#include "refer/hsds.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <map>
#include <optional>
#include <set>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "io/input_file.h"

namespace layak::refer {

namespace {

// Per table, the columns that feed a resource or a note; all others are unmapped. Tables after the
// first two are optional; address (HSDS 3.0) is read only when physical_address (2.0) is absent.
const std::vector<std::pair<std::string, std::string>>& kMapped = *new std::vector<std::pair<std::string, std::string>>{
    {"organization", "id name email"},
    {"service", "id organization_id name email status eligibility_description minimum_age maximum_age"},
    {"location", "id name latitude longitude"},
    {"service_at_location", "id service_id location_id"},
    {"physical_address", "location_id address_1 city region state_province postal_code"},
    {"address", "location_id address_1 address_2 city region state_province postal_code address_type"},
    {"service_area", "service_id service_area name description"},
    {"eligibility", "service_id eligibility"},
    {"phone", "service_at_location_id service_id location_id organization_id number extension"},
    {"regular_schedule", "service_at_location_id service_id location_id weekday opens_at closes_at"},
    {"required_document", "service_id document"},
};

using Index = absl::flat_hash_map<std::string, std::vector<std::string>>;  // "service_id:x" -> values

// One CSV record: its first line (1-based) and its fields.
struct Row {
  int line = 0;
  std::vector<std::string> f;
};

// A table as read; no header and no rows when its file is absent.
struct Table {
  std::string file;
  std::vector<std::string> header;
  std::vector<Row> rows;

  // The trimmed value of `col` in `row`, "" when the table has no such column.
  std::string Get(const Row& row, absl::string_view col) const {
    auto it = std::find(header.begin(), header.end(), col);
    return it == header.end() ? "" : std::string(absl::StripAsciiWhitespace(row.f[it - header.begin()]));
  }
};

// Splits RFC 4180 `text` into records; on an unclosed quote returns false with that record's line.
bool SplitCsv(std::string_view text, std::vector<Row>* rows, int* bad_line) {
  int line = 1;
  Row row{1, {}};
  std::string field;
  bool in_quotes = false, content = false;
  auto finish = [&] {
    row.f.push_back(std::move(field));
    field.clear();
    if (content || row.f.size() > 1) rows->push_back(std::move(row));  // a blank line is no record
    row = Row{line, {}};
    content = false;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    bool crlf = c == '\r' && i + 1 < text.size() && text[i + 1] == '\n';
    if (in_quotes && c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
      field += text[i++];
    } else if (c == '"' && (in_quotes || field.empty())) {
      in_quotes = !in_quotes;
      content = true;
    } else if (!in_quotes && c == ',') {
      row.f.push_back(std::move(field));
      field.clear();
    } else if (!in_quotes && c == '\n') {
      ++line;
      finish();
    } else if (!crlf) {
      line += c == '\n';
      field += c;
      content = true;
    }
  }
  *bad_line = row.line;
  if (content || !row.f.empty()) finish();
  return !in_quotes;
}

// Reads `dir`/`name`.csv into `t`; an absent file is fine unless `required`.
absl::Status ReadTable(const std::string& dir, const std::string& name, bool required, Table* t,
                       std::vector<std::string>* notes) {
  t->file = name + ".csv";
  std::error_code ec;
  std::string path = (std::filesystem::path(dir) / t->file).string();
  if (!std::filesystem::exists(path, ec)) {
    return required ? absl::NotFoundError(absl::StrCat(t->file, " is missing in ", dir)) : absl::OkStatus();
  }
  absl::StatusOr<io::InputFile> in = io::InputFile::Open(path);
  if (!in.ok()) return absl::NotFoundError(absl::StrCat(t->file, ": cannot read (", in.status().message(), ")"));
  std::vector<Row> rows;
  if (int bad = 0; !SplitCsv(in->text(), &rows, &bad)) {
    notes->push_back(
        absl::StrCat(t->file, ":", bad, ": a quoted field is not closed; it and what follows are ignored"));
    if (!rows.empty()) rows.pop_back();
  }
  if (rows.empty()) return absl::InvalidArgumentError(absl::StrCat(t->file, ": no header row"));
  for (const std::string& h : rows[0].f) t->header.emplace_back(absl::StripAsciiWhitespace(h));
  for (std::size_t i = 1; i < rows.size(); ++i) {
    if (rows[i].f.size() == t->header.size()) {
      t->rows.push_back(std::move(rows[i]));
    } else {
      notes->push_back(absl::StrCat(t->file, ":", rows[i].line, ": the row has ", rows[i].f.size(),
                                    " fields and the header ", t->header.size(), "; the row is ignored"));
    }
  }
  return absl::OkStatus();
}

// The pack's spelling of the kecamatan `text` names ("JENU", "Kecamatan Jenu"), or "".
std::string MatchKecamatan(absl::string_view text, const std::vector<std::string>& kecamatan) {
  text = absl::StripAsciiWhitespace(text);
  for (absl::string_view prefix : {"kecamatan ", "kec. ", "kec "}) {
    if (absl::StartsWithIgnoreCase(text, prefix)) text = absl::StripAsciiWhitespace(text.substr(prefix.size()));
  }
  for (const std::string& k : kecamatan) {
    if (absl::EqualsIgnoreCase(text, k)) return k;
  }
  return "";
}

// `s` as a coordinate within ±`limit`; otherwise nullopt, and *why says why unless `s` is empty.
std::optional<double> Coordinate(const std::string& s, const char* what, double limit, std::string* why) {
  double v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  bool number = !s.empty() && ec == std::errc() && end == s.data() + s.size() && std::isfinite(v);
  if (number && std::abs(v) <= limit) return v;
  if (s.empty() || !why->empty()) return std::nullopt;
  absl::StrAppend(why, what, " '", s, number ? "' is out of range" : "' is not a number");
  return std::nullopt;
}

// Reads the HSDS tables, then builds resources service by service.
class Importer {
 public:
  Importer(const std::vector<std::string>& kecamatan, HsdsImport* out) : kecamatan_(kecamatan), out_(*out) {}

  // Reads every known table of `dir` and lists what is not mapped.
  absl::Status Read(const std::string& dir) {
    std::set<std::string> unmapped;
    for (const auto& [name, cols] : kMapped) {
      if (name == "address" && !t_["physical_address"].header.empty()) continue;
      bool required = name == "organization" || name == "service";
      if (absl::Status s = ReadTable(dir, name, required, &t_[name], &out_.notes); !s.ok()) return s;
      std::set<std::string> mapped = absl::StrSplit(cols, ' ');
      for (const std::string& col : t_[name].header) {
        if (!mapped.count(col)) unmapped.insert(absl::StrCat(name, ".", col));
      }
    }
    std::error_code ec;
    for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
      std::string file = it->path().filename().string();
      if (absl::EndsWith(file, ".csv") && !t_.count(file.substr(0, file.size() - 4))) {
        unmapped.insert(file + " (not read)");
      }
    }
    out_.unmapped.assign(unmapped.begin(), unmapped.end());
    return absl::OkStatus();
  }

  // Indexes the tables and emits one resource per service_at_location or located-less service.
  void Build() {
    const Table &svc = t_["service"], &sal = t_["service_at_location"];
    for (const Row& row : t_["organization"].rows) orgs_.emplace(t_["organization"].Get(row, "id"), &row);
    for (const Row& row : svc.rows) {
      if (std::string id = svc.Get(row, "id"); id.empty() || !services_.emplace(id, &row).second) {
        Note(svc, row, "service id '", id, "' is empty or repeated; the row is ignored");
      }
    }
    ReadPlaces();
    ReadAreas();
    IndexBy("phone", {"service_at_location_id", "service_id", "location_id", "organization_id"}, &phone_, true,
            [](const Table& t, const Row& r) {
              std::string ext = t.Get(r, "extension");
              return absl::StrCat(t.Get(r, "number"), ext.empty() ? "" : " ext. ", ext);
            });
    IndexBy("regular_schedule", {"service_at_location_id", "service_id", "location_id"}, &hours_, false,
            [](const Table& t, const Row& r) {
              std::string times = absl::StrCat(t.Get(r, "opens_at"), "-", t.Get(r, "closes_at"));
              return std::string(
                  absl::StripAsciiWhitespace(absl::StrCat(t.Get(r, "weekday"), " ", times == "-" ? "" : times)));
            });
    const Table& rd = t_["required_document"];
    for (const Row& row : rd.rows) {
      if (Known("required_document", row)) Put(&docs_, rd.Get(row, "service_id"), rd.Get(row, "document"), false);
    }
    const Table& el = t_["eligibility"];
    for (const Row& row : el.rows) {
      if (Known("eligibility", row) && !el.Get(row, "eligibility").empty()) {
        Note(el, row, "eligibility of service '", el.Get(row, "service_id"),
             "' is text and is not turned into an accepts rule: '", el.Get(row, "eligibility"), "'");
      }
    }
    for (const Row& row : sal.rows) {
      if (!Known("service_at_location", row)) continue;
      if (places_.count(sal.Get(row, "location_id"))) {
        at_[sal.Get(row, "service_id")].push_back(&row);
      } else {
        Note(sal, row, "location '", sal.Get(row, "location_id"), "' is not in location.csv; the row is ignored");
      }
    }
    for (const Row& row : svc.rows) {
      if (auto it = services_.find(svc.Get(row, "id")); it != services_.end() && it->second == &row) AddService(row);
    }
  }

 private:
  // What a location gives its resources.
  struct Place {
    std::string name, kecamatan, address;
    std::optional<double> lat, lon;
  };
  // What a service's areas give its resources: kecamatan, unless one area is the whole kabupaten.
  struct Area {
    bool all = false;
    std::vector<std::string> kecamatan;
  };

  // Adds "file:line: " and `parts` to the notes.
  template <typename... Parts>
  void Note(const Table& t, const Row& row, const Parts&... parts) {
    out_.notes.push_back(absl::StrCat(t.file, ":", row.line, ": ", parts...));
  }

  // Appends `value` under `key` (both non-empty); with `first`, only the first value is kept.
  static void Put(Index* index, const std::string& key, std::string value, bool first) {
    if (key.empty() || value.empty()) return;
    std::vector<std::string>& v = (*index)[key];
    if (!first || v.empty()) v.push_back(std::move(value));
  }

  // Indexes `value` of each row of `table` under the first of `keys` it gives ("service_id:x").
  template <typename F>
  void IndexBy(const std::string& table, std::initializer_list<const char*> keys, Index* index, bool first, F value) {
    const Table& t = t_[table];
    for (const Row& row : t.rows) {
      auto key = std::find_if(keys.begin(), keys.end(), [&](const char* k) { return !t.Get(row, k).empty(); });
      if (key != keys.end()) Put(index, absl::StrCat(*key, ":", t.Get(row, *key)), value(t, row), first);
    }
  }

  // The values under the first of `keys` that has any, joined by "; ".
  static std::string Pick(const Index& index, std::initializer_list<std::string> keys) {
    for (const std::string& k : keys) {
      if (auto it = index.find(k); it != index.end()) return absl::StrJoin(it->second, "; ");
    }
    return "";
  }

  // Whether the row's service_id is in service.csv; notes it when not.
  bool Known(const std::string& table, const Row& row) {
    std::string id = t_[table].Get(row, "service_id");
    if (services_.count(id)) return true;
    Note(t_[table], row, "service '", id, "' is not in service.csv; the row is ignored");
    return false;
  }

  void ReadPlaces();
  void ReadAreas();
  void AddService(const Row& row);

  const std::vector<std::string>& kecamatan_;
  HsdsImport& out_;
  std::map<std::string, Table> t_;
  absl::flat_hash_map<std::string, const Row*> orgs_, services_;
  absl::flat_hash_map<std::string, Place> places_;
  absl::flat_hash_map<std::string, Area> areas_;
  absl::flat_hash_map<std::string, std::vector<const Row*>> at_;  // service id -> service_at_location rows
  Index phone_, hours_, docs_;
};

// Reads locations with their coordinates and first physical address.
void Importer::ReadPlaces() {
  const Table& loc = t_["location"];
  const Table& addr = t_[t_["physical_address"].header.empty() ? "address" : "physical_address"];
  absl::flat_hash_map<std::string, const Row*> first_addr;
  for (const Row& row : addr.rows) {
    std::string type = absl::AsciiStrToLower(addr.Get(row, "address_type"));
    if (type.empty() || type == "physical") first_addr.emplace(addr.Get(row, "location_id"), &row);
  }
  for (const Row& row : loc.rows) {
    Place p;
    p.name = loc.Get(row, "name");
    std::string why, id = loc.Get(row, "id");
    p.lat = Coordinate(loc.Get(row, "latitude"), "latitude", 90, &why);
    p.lon = Coordinate(loc.Get(row, "longitude"), "longitude", 180, &why);
    if (!p.lat || !p.lon) {
      if (why.empty() && (p.lat || p.lon)) why = "only one of latitude and longitude is given";
      if (!why.empty()) Note(loc, row, why, "; the location has no coordinates");
      p.lat = p.lon = std::nullopt;
    }
    auto a = first_addr.find(id);
    if (a != first_addr.end()) {
      std::vector<std::string> parts;
      for (const char* col : {"address_1", "address_2", "city", "region", "state_province", "postal_code"}) {
        if (std::string v = addr.Get(*a->second, col); !v.empty()) parts.push_back(v);
      }
      p.address = absl::StrJoin(parts, ", ");
      p.kecamatan = MatchKecamatan(addr.Get(*a->second, "city"), kecamatan_);
      if (p.kecamatan.empty()) p.kecamatan = MatchKecamatan(addr.Get(*a->second, "region"), kecamatan_);
    }
    if (p.kecamatan.empty()) p.kecamatan = MatchKecamatan(p.name, kecamatan_);
    if (p.kecamatan.empty() && a != first_addr.end()) {
      Note(addr, *a->second, "neither city '", addr.Get(*a->second, "city"),
           "' nor region names a kecamatan of the pack; the location has no kecamatan");
    }
    if (id.empty() || !places_.emplace(id, std::move(p)).second) {
      Note(loc, row, "location id '", id, "' is empty or repeated; the row is ignored");
    }
  }
}

// Reads each service's catchment: a service_area row (service_area, else name, else description) split at
// , ; / & "dan" "and" gives the kecamatan its parts name; a row naming none is the whole kabupaten.
void Importer::ReadAreas() {
  const Table& t = t_["service_area"];
  for (const Row& row : t.rows) {
    if (!Known("service_area", row)) continue;
    std::string text = t.Get(row, "service_area");
    for (const char* col : {"name", "description"}) text = text.empty() ? t.Get(row, col) : text;
    std::string split = text, low = absl::AsciiStrToLower(text);
    for (const char* word : {" dan ", " and "}) {
      for (auto p = low.find(word); p != std::string::npos; p = low.find(word, p + 1)) split.replace(p, 5, ",,,,,");
    }
    Area& area = areas_[t.Get(row, "service_id")];
    std::vector<std::string> missed;
    std::size_t named = 0;
    for (absl::string_view part : absl::StrSplit(split, absl::ByAnyChar(",;/&"), absl::SkipWhitespace())) {
      std::string k = MatchKecamatan(part, kecamatan_);
      if (k.empty()) {
        missed.emplace_back(absl::StripAsciiWhitespace(part));
      } else if (++named && std::find(area.kecamatan.begin(), area.kecamatan.end(), k) == area.kecamatan.end()) {
        area.kecamatan.push_back(k);
      }
    }
    if (named == 0) {
      area.all = true;
      Note(t, row, "service area '", text, "' names no kecamatan of the pack; read as the whole kabupaten");
    } else if (!missed.empty()) {
      Note(t, row, "in service area '", text, "', '", absl::StrJoin(missed, "', '"),
           "' names no kecamatan of the pack and is ignored");
    }
  }
}

// Adds the resources of one service: per service_at_location row, or one without a location.
void Importer::AddService(const Row& row) {
  const Table &svc = t_["service"], &org = t_["organization"];
  std::string id = svc.Get(row, "id"), name = svc.Get(row, "name"), status = svc.Get(row, "status");
  if (!status.empty() && !absl::EqualsIgnoreCase(status, "active")) {
    return Note(svc, row, "service '", id, "' has status '", status, "'; not imported");
  }
  std::string eligibility = svc.Get(row, "eligibility_description");
  for (const char* col : {"minimum_age", "maximum_age"}) {
    std::string v = svc.Get(row, col);
    if (!v.empty()) absl::StrAppend(&eligibility, eligibility.empty() ? "" : "; ", col, " ", v);
  }
  if (!eligibility.empty()) {
    Note(svc, row, "eligibility of service '", id, "' is text and is not turned into an accepts rule: '", eligibility,
         "'");
  }
  pack::ResourceDecl base;
  base.id = "hsds-" + id;
  base.name = name;
  base.type = "hsds";
  std::string org_id = svc.Get(row, "organization_id"), slug = HsdsSlug(name);
  auto o = orgs_.find(org_id);
  if (o == orgs_.end() && !org_id.empty()) Note(svc, row, "organization '", org_id, "' is not in organization.csv");
  std::string org_name = o == orgs_.end() ? "" : org.Get(*o->second, "name");
  if (!org_name.empty()) absl::StrAppend(&base.name, " — ", org_name);
  base.email = svc.Get(row, "email");
  if (base.email.empty() && o != orgs_.end()) base.email = org.Get(*o->second, "email");
  base.services.push_back({slug.empty() ? HsdsSlug(id) : slug, {}});
  if (auto area = areas_.find(id); area != areas_.end() && !area->second.all) {
    base.serves_all = false;
    for (const std::string& k : area->second.kecamatan) base.serves_kecamatan.push_back({k, {}});
  }
  if (auto d = docs_.find(id); d != docs_.end()) base.documents = d->second;
  const std::string by_service = "service_id:" + id, by_org = "organization_id:" + org_id;
  auto located = at_.find(id);
  if (located == at_.end()) {
    Note(svc, row, "service '", id,
         "' has no usable service_at_location row; imported as one resource without a location");
  }
  const Table& sal = t_["service_at_location"];
  for (const Row* s : located == at_.end() ? std::vector<const Row*>{nullptr} : located->second) {
    pack::ResourceDecl& r = out_.resources.emplace_back(base);
    std::string loc_id = s ? sal.Get(*s, "location_id") : "", by_loc = "location_id:" + loc_id;
    std::string by_sal = s ? "service_at_location_id:" + sal.Get(*s, "id") : "";
    if (s) {
      const Place& p = places_.at(loc_id);
      absl::StrAppend(&r.id, "@", loc_id);
      r.lat = p.lat;
      r.lon = p.lon;
      r.kecamatan = p.kecamatan;
      r.address = p.address;
    }
    r.phone = Pick(phone_, {by_sal, by_service, by_loc, by_org});
    r.hours = Pick(hours_, {by_sal, by_service, by_loc});
  }
}

}  // namespace

std::string HsdsSlug(const std::string& name) {
  std::string out;
  for (char c : name) {
    if (absl::ascii_isalnum(static_cast<unsigned char>(c))) {
      out += absl::ascii_tolower(static_cast<unsigned char>(c));
    } else if (!out.empty() && out.back() != '_') {
      out += '_';
    }
  }
  if (!out.empty() && out.back() == '_') out.pop_back();
  return out;
}

absl::StatusOr<HsdsImport> ReadHsds(const std::string& dir, const std::vector<std::string>& kecamatan) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) return absl::NotFoundError(absl::StrCat(dir, ": no such folder"));
  HsdsImport out;
  Importer importer(kecamatan, &out);
  if (absl::Status s = importer.Read(dir); !s.ok()) return s;
  importer.Build();
  return out;
}

}  // namespace layak::refer
