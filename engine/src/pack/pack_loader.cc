// ReadPackFiles: dispatches the top-level keys of each file to its section
// reader, in pack order. (Finding the files on disk is api/rule_pack.cc's job.)
#include <algorithm>

#include "absl/strings/str_cat.h"
#include "pack/sections.h"

namespace layak::pack {

int ReadPackFiles(YamlReader& r, PackModel& model) {
  int unreadable = 0;
  int layer_count = 1;
  for (int layer : model.file_layer) layer_count = std::max(layer_count, layer + 1);
  model.layers.assign(static_cast<std::size_t>(layer_count), PackMeta{});
  for (int f = 0; f < static_cast<int>(model.files.size()); ++f) {
    PackMeta& meta = model.layers[static_cast<std::size_t>(model.LayerOf(Loc{f, 0, 1}))];
    std::optional<YAML::Node> root = r.Parse(f);
    if (!root) {
      ++unreadable;
      continue;
    }
    if (root->IsNull()) continue;  // an empty file declares nothing
    if (!r.ExpectMap(*root, "a pack file's top level")) continue;
    r.CheckKeys(*root,
                {"pack", "schema", "parameters", "definitions", "programs", "needs", "resources", "places", "quotas",
                 "tests", "formats"},
                "a pack file's top level");
    for (const auto& kv : *root) {
      const std::string& key = kv.first.Scalar();
      const YAML::Node& value = kv.second;
      if (key == "pack" && meta.present) {
        r.Error(kv.first, DiagnosticCode::kPackMetadata, "a second 'pack:' block in the same pack",
                {absl::StrCat("note: the first is in ", model.files[meta.loc.file].path(), " line ",
                              model.files[meta.loc.file].Locate(meta.loc.offset).line)});
      } else if (key == "pack") {
        ReadPackMeta(value, r, meta);
      } else if (key == "schema") {
        ReadSchema(value, r, model);
      } else if (key == "parameters") {
        ReadParameters(value, r, model);
      } else if (key == "definitions") {
        ReadDefinitions(value, r, model);
      } else if (key == "programs") {
        ReadPrograms(value, r, model);
      } else if (key == "needs") {
        ReadNeeds(value, r, model);
      } else if (key == "resources") {
        ReadResources(value, r, model);
      } else if (key == "tests") {
        ReadTests(value, r, model);
      } else if (key == "places") {
        ReadPlaces(value, r, model);
      } else if (key == "quotas") {
        ReadQuotas(value, r, model);
      } else if (key == "formats") {
        ReadFormats(value, r, model);
      }
    }
  }
  model.meta = model.layers.back();
  return unreadable;
}

void ReadPackMeta(const YAML::Node& node, YamlReader& r, PackMeta& meta) {
  if (!r.ExpectMap(node, "pack")) return;
  meta.present = true;
  meta.loc = r.LocOf(node);
  r.CheckKeys(node, {"id", "name", "locale", "version", "extends"}, "pack");
  for (const auto& kv : node) {
    const std::string& key = kv.first.Scalar();
    if (key == "extends") {
      // The folders were resolved when the files were gathered (api/rule_pack.cc).
      meta.extends = r.StringList(kv.second, "extends");
      continue;
    }
    std::optional<std::string> s = r.String(kv.second, "pack " + key);
    if (!s) continue;
    if (key == "id") {
      meta.id = *s;
    } else if (key == "name") {
      meta.name = *s;
    } else if (key == "locale") {
      meta.locale = *s;
    } else if (key == "version") {
      meta.version = *s;
    }
  }
  if (meta.id.empty()) r.Error(node, DiagnosticCode::kPackMetadata, "pack has no 'id'");
}

std::vector<std::string> RedeclarationNotes(const PackModel& model, const Loc& first, const Loc& again) {
  std::vector<std::string> notes = {absl::StrCat("note: first declared in ", model.files[first.file].path(), " line ",
                                                 model.files[first.file].Locate(first.offset).line)};
  int base = model.LayerOf(first);
  if (base < model.LayerOf(again)) {
    notes.push_back(absl::StrCat("note: that is pack '", model.layers[base].id,
                                 "', which this one extends; a layer may override parameters only"));
  }
  return notes;
}

void ReadFormats(const YAML::Node& node, YamlReader& r, PackModel& model) {
  if (model.formats.present && model.LayerOf(model.formats.loc) == model.LayerOf(r.LocOf(node))) {
    r.Error(node, DiagnosticCode::kPackMetadata, "a second 'formats:' block in the same pack");
    return;
  }
  model.formats = FormatsDecl{};  // a later layer's block replaces the one of the pack it extends
  if (!r.ExpectMap(node, "formats")) return;
  FormatsDecl& f = model.formats;
  f.present = true;
  f.loc = r.LocOf(node);
  r.CheckKeys(node, {"delimiter", "decimal_comma", "day_first", "true", "false", "member_key"}, "formats");
  const YAML::Node* delimiter_node = nullptr;
  for (const auto& kv : node) {
    const std::string& key = kv.first.Scalar();
    if (key == "delimiter") {
      std::optional<std::string> d = r.String(kv.second, "formats delimiter");
      if (!d) continue;
      if (*d == "tab" || *d == "\\t") *d = "\t";
      if (d->size() != 1 || *d == "\"" || *d == "\n" || *d == "\r") {
        r.Error(
            kv.second, DiagnosticCode::kBadValue,
            absl::StrCat("formats delimiter must be one character other than a quote or a line end, not '", *d, "'"),
            {"help: registry exports use ';' or ',' (write 'tab' for a tab)"});
        continue;
      }
      f.delimiter = (*d)[0];
      delimiter_node = &kv.second;
    } else if (key == "decimal_comma" || key == "day_first") {
      std::optional<bool> b = r.Bool(kv.second, "formats " + key);
      if (b) (key == "decimal_comma" ? f.decimal_comma : f.day_first) = *b;
    } else if (key == "true" || key == "false") {
      for (const LocatedString& s : r.StringList(kv.second, "formats " + key)) {
        (key == "true" ? f.true_spellings : f.false_spellings).push_back(s.value);
      }
    } else if (key == "member_key") {
      std::optional<std::string> s = r.String(kv.second, "formats member_key");
      if (s) f.member_key = *s;
    }
  }
  if (f.decimal_comma && f.delimiter == ',') {
    r.Error(delimiter_node != nullptr ? *delimiter_node : node, DiagnosticCode::kBadValue,
            "formats: decimal_comma needs a delimiter other than ','", {"help: add delimiter: ';'"});
  }
}

}  // namespace layak::pack
