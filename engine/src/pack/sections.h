// Readers of the top-level keys of a pack file, one per section file
// (schema_section.cc, parameters_section.cc, programs_section.cc,
// resources_section.cc). Each appends to the model and reports problems
// through the reader; none stops at the first error.
#ifndef LAYAK_PACK_SECTIONS_H_
#define LAYAK_PACK_SECTIONS_H_

#include "pack/pack_model.h"
#include "pack/yaml_reader.h"

namespace layak::pack {

void ReadPackMeta(const YAML::Node& node, YamlReader& r, PackMeta& meta);
void ReadSchema(const YAML::Node& node, YamlReader& r, PackModel& model);
void ReadParameters(const YAML::Node& node, YamlReader& r, PackModel& model);
void ReadDefinitions(const YAML::Node& node, YamlReader& r, PackModel& model);
void ReadPrograms(const YAML::Node& node, YamlReader& r, PackModel& model);
void ReadNeeds(const YAML::Node& node, YamlReader& r, PackModel& model);
void ReadResources(const YAML::Node& node, YamlReader& r, PackModel& model);
void ReadTests(const YAML::Node& node, YamlReader& r, PackModel& model);
void ReadPlaces(const YAML::Node& node, YamlReader& r, PackModel& model);
void ReadQuotas(const YAML::Node& node, YamlReader& r, PackModel& model);
void ReadFormats(const YAML::Node& node, YamlReader& r, PackModel& model);

// A text given in one language (`"..."`, read as Indonesian) or as `{ id: ..., en: ... }`.
void ReadText(const YAML::Node& node, YamlReader& r, const std::string& what, std::string* id, std::string* en);

// For a name declared again: a note saying where it was declared first and,
// when that was in a pack this one extends, that a layer may override
// parameters only.
std::vector<std::string> RedeclarationNotes(const PackModel& model, const Loc& first, const Loc& again);

// Reads every top-level key of every file of `model.files` into `model`.
// Returns how many files could not be parsed as YAML.
int ReadPackFiles(YamlReader& r, PackModel& model);

}  // namespace layak::pack

#endif  // LAYAK_PACK_SECTIONS_H_
