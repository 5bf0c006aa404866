// YamlReader: the one place that sees yaml-cpp's exceptions, and the typed,
// located getters every section uses.
#include "pack/yaml_reader.h"

#include <algorithm>
#include <charconv>
#include <sstream>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "util/civil_date.h"
#include "util/edit_distance.h"
#include "yaml-cpp/eventhandler.h"
#include "yaml-cpp/parser.h"

namespace layak::pack {
namespace {

const char* KindName(const YAML::Node& node) {
  if (node.IsMap()) return "a mapping";
  if (node.IsSequence()) return "a list";
  if (node.IsNull()) return "nothing";
  return "a scalar";
}

// Counts the parser's events and stops it past a budget. yaml-cpp 0.7 never
// returns on some malformed files (a ',' where a node should start, as in
// "," or "a #\n,"): it emits nodes until memory runs out (found by
// pack_fuzzer). A well-formed file has fewer events than bytes, so a first
// pass with this handler, which builds nothing, tells the two apart.
class EventBudget : public YAML::EventHandler {
 public:
  // Where the parser was when the budget ran out.
  struct Exhausted {
    YAML::Mark mark;
  };
  explicit EventBudget(std::size_t events) : left_(events) {}
  void OnDocumentStart(const YAML::Mark& mark) override { Tick(mark); }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t /*anchor*/) override { Tick(mark); }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t /*anchor*/) override { Tick(mark); }
  void OnScalar(const YAML::Mark& mark, const std::string& /*tag*/, YAML::anchor_t /*anchor*/,
                const std::string& /*value*/) override {
    Tick(mark);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string& /*tag*/, YAML::anchor_t /*anchor*/,
                       YAML::EmitterStyle::value /*style*/) override {
    Tick(mark);
  }
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark& mark, const std::string& /*tag*/, YAML::anchor_t /*anchor*/,
                  YAML::EmitterStyle::value /*style*/) override {
    Tick(mark);
  }
  void OnMapEnd() override {}

 private:
  void Tick(const YAML::Mark& mark) {
    if (left_ == 0) throw Exhausted{mark};
    --left_;
  }
  std::size_t left_;
};

// Empty when yaml-cpp finishes the file within the budget; otherwise where it
// was stuck. yaml-cpp's own syntax errors are left to the real parse.
std::optional<YAML::Mark> StuckParse(const std::string& text) {
  std::istringstream in(text);
  YAML::Parser parser(in);
  EventBudget budget(2 * text.size() + 64);
  try {
    while (parser.HandleNextDocument(budget)) {
    }
  } catch (const EventBudget::Exhausted& e) {
    return e.mark;
  } catch (const YAML::Exception&) {
  }
  return std::nullopt;
}

}  // namespace

std::optional<YAML::Node> YamlReader::Parse(int file) {
  file_ = file;
  const util::SourceText& src = (*files_)[file];
  if (std::optional<YAML::Mark> stuck = StuckParse(src.contents())) {
    Loc loc{file, 0, 1};
    if (stuck->pos >= 0) loc.offset = std::min(static_cast<std::size_t>(stuck->pos), src.contents().size());
    Report(loc, DiagnosticCode::kYamlSyntax, "YAML syntax error: the YAML parser cannot get past this point",
           {"help: a ',' where a value should start is the usual cause; ',' separates the items of a [list] or "
            "{map}: remove it, or put the items in brackets"});
    return std::nullopt;
  }
  try {
    std::vector<YAML::Node> docs = YAML::LoadAll(src.contents());
    if (docs.empty()) return YAML::Node();
    for (std::size_t i = 1; i < docs.size(); ++i) {
      // yaml-cpp's Load would silently drop every document after the first.
      Report(LocOf(docs[i]), DiagnosticCode::kYamlSyntax, "a pack file holds one YAML document; this is another",
             {"help: remove the '---' line, or move this document into a file of its own"});
    }
    // YAML aliases can make a small file expand exponentially ("billion
    // laughs"); the pack is read only while its expanded size stays within
    // a multiple of the file's own.
    std::size_t budget = static_cast<std::size_t>(max_alias_expansion_) * src.contents().size() + (64u << 10);
    if (!CheckDocument(docs[0], 0, &budget)) {
      Report(Loc{file, 0, 1}, DiagnosticCode::kFileRead,
             absl::StrCat("the file expands to more than ", max_alias_expansion_,
                          " times its size through YAML aliases (*name); it is not read"),
             {"note: LoadOptions::max_alias_expansion sets the limit"});
      return std::nullopt;
    }
    return docs[0];
  } catch (const YAML::Exception& e) {
    Loc loc{file, 0, 1};
    if (e.mark.pos >= 0) loc.offset = static_cast<std::size_t>(e.mark.pos);
    std::string msg = e.msg.empty() ? "malformed YAML" : e.msg;
    // The quoting hint only where a quote on the line makes it likely.
    std::string line = src.Line(src.Locate(loc.offset).line);
    std::string note;
    if (line.find('\'') != std::string::npos || line.find('"') != std::string::npos) {
      note =
          "note: an expression that starts with a quote, or contains ': ', must be quoted as a whole, "
          "e.g. when: \"'abh' in ppks\"";
    }
    Report(loc, DiagnosticCode::kYamlSyntax, "YAML syntax error: " + msg, {note});
    return std::nullopt;
  }
}

bool YamlReader::CheckDocument(const YAML::Node& node, int depth, std::size_t* budget) {
  if (depth > 200) return true;  // yaml-cpp itself bounds nesting far below this
  std::size_t cost = 16 + (node.IsScalar() ? node.Scalar().size() : 0);
  if (cost > *budget) return false;
  *budget -= cost;
  if (node.IsSequence()) {
    for (const YAML::Node& child : node) {
      if (!CheckDocument(child, depth + 1, budget)) return false;
    }
  } else if (node.IsMap()) {
    absl::flat_hash_map<std::string, YAML::Mark> seen;
    for (const auto& kv : node) {
      const std::string& key = kv.first.Scalar();
      auto [it, inserted] = seen.emplace(key, kv.first.Mark());
      if (!inserted) {
        Error(kv.first, DiagnosticCode::kDuplicateKey, absl::StrCat("key '", key, "' repeated in the same mapping"),
              {absl::StrCat("note: first given on line ", it->second.line + 1)});
      }
      if (!CheckDocument(kv.first, depth + 1, budget) || !CheckDocument(kv.second, depth + 1, budget)) return false;
    }
  }
  return true;
}

Loc YamlReader::LocOf(const YAML::Node& node) const {
  Loc loc{file_, 0, 1};
  YAML::Mark mark = node.Mark();
  if (mark.pos >= 0) loc.offset = static_cast<std::size_t>(mark.pos);
  const std::string& contents = (*files_)[file_].contents();
  if (node.IsNull() && loc.offset > 0) {
    // An empty value's mark is the next token, often on the next line; point
    // at the key it belongs to instead.
    std::size_t p = loc.offset;
    while (p > 0 && std::isspace(static_cast<unsigned char>(contents[p - 1]))) --p;
    if (p > 0 && contents[p - 1] == ':') {
      std::size_t end = p - 1, begin = end;
      while (begin > 0 && !std::isspace(static_cast<unsigned char>(contents[begin - 1])) &&
             contents[begin - 1] != '{' && contents[begin - 1] != ',') {
        --begin;
      }
      loc.offset = begin;
      loc.length = std::max<std::size_t>(1, end - begin);
    }
    return loc;
  }
  if (node.IsScalar()) {
    loc.offset = SkipNodeProperties(contents, loc.offset);
    char c = loc.offset < contents.size() ? contents[loc.offset] : ' ';
    std::size_t extra = (c == '"' || c == '\'') ? 2 : 0;
    loc.length = std::max<std::size_t>(1, node.Scalar().size() + extra);
  }
  return loc;
}

void YamlReader::Report(const Loc& loc, DiagnosticCode code, std::string message, std::vector<std::string> notes,
                        Severity severity) {
  const util::SourceText& src = (*files_)[loc.file < 0 ? file_ : loc.file];
  Diagnostic d = util::MakeDiagnostic(src, loc.offset, loc.length, code, std::move(message), severity);
  for (std::string& n : notes) {
    if (!n.empty()) d.notes.push_back(std::move(n));
  }
  sink_->Report(std::move(d));
}

void YamlReader::Error(const YAML::Node& at, DiagnosticCode code, std::string message, std::vector<std::string> notes) {
  Report(LocOf(at), code, std::move(message), std::move(notes));
}

bool YamlReader::ExpectMap(const YAML::Node& node, const std::string& what) {
  if (node.IsMap()) return true;
  Error(node, DiagnosticCode::kWrongNodeKind,
        absl::StrCat(what, " must be a mapping (key: value), found ", KindName(node)));
  return false;
}

bool YamlReader::ExpectSeq(const YAML::Node& node, const std::string& what) {
  if (node.IsSequence()) return true;
  Error(node, DiagnosticCode::kWrongNodeKind, absl::StrCat(what, " must be a list, found ", KindName(node)),
        {"help: start each entry with '- '"});
  return false;
}

bool YamlReader::ExpectScalar(const YAML::Node& node, const std::string& what) {
  if (node.IsScalar()) return true;
  Error(node, DiagnosticCode::kWrongNodeKind, absl::StrCat(what, " must be a single value, found ", KindName(node)));
  return false;
}

void YamlReader::CheckKeys(const YAML::Node& map, std::initializer_list<const char*> allowed, const std::string& what) {
  std::vector<std::string> names(allowed.begin(), allowed.end());
  for (const auto& kv : map) {
    const std::string& key = kv.first.Scalar();
    if (std::find(names.begin(), names.end(), key) != names.end()) continue;
    std::string help = util::DidYouMean(key, names);
    if (help.empty()) help = "note: allowed keys are " + absl::StrJoin(names, ", ");
    Error(kv.first, DiagnosticCode::kUnknownKey, absl::StrCat("unknown key '", key, "' in ", what), {help});
  }
}

std::optional<YAML::Node> YamlReader::Required(const YAML::Node& map, const char* key, const std::string& what) {
  for (const auto& kv : map) {
    if (kv.first.Scalar() == key) return kv.second;
  }
  Error(map, DiagnosticCode::kMissingKey, absl::StrCat(what, " has no '", key, "'"));
  return std::nullopt;
}

std::optional<std::string> YamlReader::String(const YAML::Node& node, const std::string& what) {
  if (!ExpectScalar(node, what)) return std::nullopt;
  return node.Scalar();
}

std::optional<int64_t> YamlReader::Int(const YAML::Node& node, const std::string& what) {
  if (!ExpectScalar(node, what)) return std::nullopt;
  std::string text = node.Scalar();
  text.erase(std::remove(text.begin(), text.end(), '_'), text.end());
  int64_t value = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || ptr != text.data() + text.size() || text.empty()) {
    Error(node, DiagnosticCode::kBadValue, absl::StrCat(what, " must be an integer, found '", node.Scalar(), "'"));
    return std::nullopt;
  }
  return value;
}

std::optional<bool> YamlReader::Bool(const YAML::Node& node, const std::string& what) {
  if (!ExpectScalar(node, what)) return std::nullopt;
  const std::string& s = node.Scalar();
  if (s == "true") return true;
  if (s == "false") return false;
  Error(node, DiagnosticCode::kBadValue, absl::StrCat(what, " must be true or false, found '", s, "'"));
  return std::nullopt;
}

std::optional<int32_t> YamlReader::Date(const YAML::Node& node, const std::string& what) {
  if (!ExpectScalar(node, what)) return std::nullopt;
  std::optional<int32_t> d = util::ParseIsoDate(node.Scalar());
  if (!d) {
    Error(node, DiagnosticCode::kBadValue,
          absl::StrCat(what, " must be a date YYYY-MM-DD that exists, found '", node.Scalar(), "'"));
  }
  return d;
}

std::optional<ExprSource> YamlReader::Expr(const YAML::Node& node, const std::string& what) {
  if (!ExpectScalar(node, what)) return std::nullopt;
  ExprSource src;
  src.text = node.Scalar();
  src.loc = LocOf(node);
  src.file_offset = MapScalarOffsets((*files_)[file_].contents(), src.loc.offset, src.text, &src.file_end);
  return src;
}

std::vector<LocatedString> YamlReader::StringList(const YAML::Node& node, const std::string& what) {
  std::vector<LocatedString> out;
  if (node.IsScalar()) {
    out.push_back({node.Scalar(), LocOf(node)});
    return out;
  }
  if (!ExpectSeq(node, what)) return out;
  for (const YAML::Node& item : node) {
    if (ExpectScalar(item, what + " entry")) out.push_back({item.Scalar(), LocOf(item)});
  }
  return out;
}

}  // namespace layak::pack
