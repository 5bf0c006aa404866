// The yaml-cpp adapter: parses files (catching YAML::Exception), finds keys
// repeated in a mapping, and offers typed getters that report a located
// diagnostic instead of throwing. Sections (schema_section.cc, ...) read the
// pack through it.
#ifndef LAYAK_PACK_YAML_READER_H_
#define LAYAK_PACK_YAML_READER_H_

#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "pack/pack_model.h"
#include "util/diagnostics.h"

namespace layak::pack {

// Reads YAML nodes of one pack's files, reporting problems into a sink.
class YamlReader {
 public:
  YamlReader(std::vector<util::SourceText>* files, util::DiagnosticSink* sink, int max_alias_expansion = 4)
      : files_(files), sink_(sink), max_alias_expansion_(max_alias_expansion) {}

  // Parses file `file`; nullopt (after a diagnostic) when the YAML is malformed.
  std::optional<YAML::Node> Parse(int file);

  // Selects the file that following calls report against.
  void set_file(int file) { file_ = file; }
  int file() const { return file_; }

  // The location of a node (its first character), with the scalar's length.
  Loc LocOf(const YAML::Node& node) const;

  void Error(const YAML::Node& at, DiagnosticCode code, std::string message, std::vector<std::string> notes = {});
  void Report(const Loc& loc, DiagnosticCode code, std::string message, std::vector<std::string> notes = {},
              Severity severity = Severity::kError);

  // Each returns false (after a diagnostic naming `what`) when the node is of another kind.
  bool ExpectMap(const YAML::Node& node, const std::string& what);
  bool ExpectSeq(const YAML::Node& node, const std::string& what);
  bool ExpectScalar(const YAML::Node& node, const std::string& what);

  // Reports each key of `map` not in `allowed`, with a did-you-mean.
  void CheckKeys(const YAML::Node& map, std::initializer_list<const char*> allowed, const std::string& what);
  // Reports a missing required key; returns the node when present.
  std::optional<YAML::Node> Required(const YAML::Node& map, const char* key, const std::string& what);

  std::optional<std::string> String(const YAML::Node& node, const std::string& what);
  std::optional<int64_t> Int(const YAML::Node& node, const std::string& what);
  std::optional<bool> Bool(const YAML::Node& node, const std::string& what);
  std::optional<int32_t> Date(const YAML::Node& node, const std::string& what);
  // A scalar holding an expression, with its offset map into the file.
  std::optional<ExprSource> Expr(const YAML::Node& node, const std::string& what);
  // A list of strings (or one string).
  std::vector<LocatedString> StringList(const YAML::Node& node, const std::string& what);

 private:
  // Walks the document: reports repeated keys, and returns false once the
  // document, aliases expanded, is larger than `*budget` bytes.
  bool CheckDocument(const YAML::Node& node, int depth, std::size_t* budget);

  std::vector<util::SourceText>* files_;
  util::DiagnosticSink* sink_;
  int file_ = 0;
  int max_alias_expansion_;
};

}  // namespace layak::pack

#endif  // LAYAK_PACK_YAML_READER_H_
