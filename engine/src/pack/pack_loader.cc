// ReadPackFiles: dispatches the top-level keys of each file to its section
// reader, in pack order. (Finding the files on disk is api/rule_pack.cc's job.)
#include "absl/strings/str_cat.h"
#include "pack/sections.h"

namespace layak::pack {

int ReadPackFiles(YamlReader& r, PackModel& model) {
  int unreadable = 0;
  for (int f = 0; f < static_cast<int>(model.files.size()); ++f) {
    std::optional<YAML::Node> root = r.Parse(f);
    if (!root) {
      ++unreadable;
      continue;
    }
    if (root->IsNull()) continue;  // an empty file declares nothing
    if (!r.ExpectMap(*root, "a pack file's top level")) continue;
    r.CheckKeys(*root, {"pack", "schema", "parameters", "definitions", "programs", "needs", "resources", "tests"},
                "a pack file's top level");
    for (const auto& kv : *root) {
      const std::string& key = kv.first.Scalar();
      const YAML::Node& value = kv.second;
      if (key == "pack" && model.meta.present) {
        r.Error(kv.first, DiagnosticCode::kPackMetadata, "a second 'pack:' block in the same pack",
                {absl::StrCat("note: the first is in ", model.files[model.meta.loc.file].path(), " line ",
                              model.files[model.meta.loc.file].Locate(model.meta.loc.offset).line)});
      } else if (key == "pack") {
        ReadPackMeta(value, r, model);
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
      }
    }
  }
  return unreadable;
}

void ReadPackMeta(const YAML::Node& node, YamlReader& r, PackModel& model) {
  if (!r.ExpectMap(node, "pack")) return;
  model.meta.present = true;
  model.meta.loc = r.LocOf(node);
  r.CheckKeys(node, {"id", "name", "locale", "version", "extends"}, "pack");
  for (const auto& kv : node) {
    const std::string& key = kv.first.Scalar();
    if (key == "extends") {
      model.meta.extends = r.StringList(kv.second, "extends");
      for (const LocatedString& e : model.meta.extends) {
        r.Report(e.loc, DiagnosticCode::kPackMetadata,
                 absl::StrCat("extends '", e.value, "': layering packs is not supported by this version of layak"),
                 {"note: copy the programs of the base pack into this one for now"});
      }
      continue;
    }
    std::optional<std::string> s = r.String(kv.second, "pack " + key);
    if (!s) continue;
    if (key == "id") {
      model.meta.id = *s;
    } else if (key == "name") {
      model.meta.name = *s;
    } else if (key == "locale") {
      model.meta.locale = *s;
    } else if (key == "version") {
      model.meta.version = *s;
    }
  }
  if (model.meta.id.empty()) r.Error(node, DiagnosticCode::kPackMetadata, "pack has no 'id'");
}

}  // namespace layak::pack
