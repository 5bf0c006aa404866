// Public LoadRulePack / LoadRulePackFromSources: gathers the pack's files
// (api/pack_files.cc), reads them (pack/), checks them (check/) and wraps the result.
#include <algorithm>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "api/pack_files.h"
#include "api/rule_pack_impl.h"
#include "check/check_pack.h"
#include "pack/sections.h"
#include "pack/yaml_reader.h"

namespace layak {

RulePack::RulePack(std::unique_ptr<RulePackImpl> impl) : impl_(std::move(impl)) {}
RulePack::~RulePack() = default;
const std::string& RulePack::id() const { return impl_->model.meta.id; }
const std::string& RulePack::name() const { return impl_->model.meta.name; }
const std::string& RulePack::version() const { return impl_->model.meta.version; }
const std::vector<ProgramInfo>& RulePack::programs() const { return impl_->programs; }

int LoadResult::error_count() const {
  int kept = static_cast<int>(std::count_if(diagnostics.begin(), diagnostics.end(),
                                            [](const Diagnostic& d) { return d.severity == Severity::kError; }));
  return std::max(kept, error_total);
}

absl::StatusOr<LoadResult> LoadRulePackFromSources(std::vector<SourceFile> files, const LoadOptions& options) {
  return LoadLayeredSources(std::move(files), {}, options);
}

absl::StatusOr<LoadResult> LoadLayeredSources(std::vector<SourceFile> files, std::vector<int> file_layer,
                                              const LoadOptions& options) {
  auto impl = std::make_unique<RulePackImpl>();
  util::DiagnosticSink sink(options.max_diagnostics);
  if (files.empty()) {
    LoadResult empty;
    Diagnostic d;
    d.code = DiagnosticCode::kFileRead;
    d.message = "a rule pack needs at least one file; none was given";
    empty.diagnostics.push_back(std::move(d));
    empty.error_total = 1;
    return empty;
  }
  for (SourceFile& f : files) impl->model.files.emplace_back(std::move(f.path), std::move(f.contents));
  impl->model.file_layer = std::move(file_layer);
  pack::YamlReader reader(&impl->model.files, &sink, options.max_alias_expansion);
  int unreadable = pack::ReadPackFiles(reader, impl->model);
  // Every override is listed, so that nobody changes a base pack's threshold by accident.
  for (const pack::ParameterOverride& o : impl->model.overrides) {
    const pack::PackMeta& base = impl->model.layers[static_cast<std::size_t>(impl->model.LayerOf(o.base))];
    const util::SourceText& base_file = impl->model.files[static_cast<std::size_t>(o.base.file)];
    reader.Report(
        o.loc, DiagnosticCode::kParameterOverride,
        absl::StrCat("parameter '", o.name, "' overrides the value of pack '", base.id, "'"),
        {absl::StrCat("note: the base value is in ", base_file.path(), " line ", base_file.Locate(o.base.offset).line)},
        Severity::kNote);
  }
  // With a file unreadable, its `pack:` block may be the one missing: say nothing more.
  if (!impl->model.meta.present && unreadable == 0) {
    Diagnostic d;
    d.code = DiagnosticCode::kPackMetadata;
    d.message = "no file of the pack has a 'pack:' block";
    d.location.file = impl->model.files.front().path();
    d.notes.push_back("help: add pack: { id: my_pack, name: ..., version: ... } to one file");
    sink.Report(std::move(d));
  }
  impl->module = check::CheckPack(impl->model, sink, options);
  LoadResult result;
  bool failed = sink.has_errors();
  result.error_total = sink.error_count();
  result.diagnostics = sink.Take();
  if (failed) return result;
  for (const ir::Program& p : impl->module->programs) {
    ProgramInfo info{p.id, p.name, p.unit == ir::Scope::kMember ? ProgramUnit::kMember : ProgramUnit::kHousehold, {}};
    for (const ir::Clause& c : p.criteria) info.clause_ids.push_back(c.id);
    impl->programs.push_back(std::move(info));
  }
  result.pack_ptr = std::make_unique<RulePack>(std::move(impl));
  return result;
}

absl::StatusOr<LoadResult> LoadRulePack(const std::string& folder, const LoadOptions& options) {
  absl::StatusOr<PackFiles> gathered = GatherPackFiles(folder, options);
  if (!gathered.ok()) return gathered.status();
  if (!gathered->problems.diagnostics.empty()) return std::move(gathered->problems);
  return LoadLayeredSources(std::move(gathered->files), std::move(gathered->file_layer), options);
}

}  // namespace layak
