// Public LoadRulePack / LoadRulePackFromSources: finds the pack's files,
// reads them (pack/), checks them (check/) and wraps the result.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "api/rule_pack_impl.h"
#include "check/check_pack.h"
#include "pack/sections.h"
#include "pack/yaml_reader.h"

namespace layak {
namespace fs = std::filesystem;

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

namespace {

bool IsYaml(const fs::path& p) { return p.extension() == ".yaml" || p.extension() == ".yml"; }

// A file declares a pack when a line starts with the top-level key `pack:`.
bool DeclaresPack(const std::string& contents) {
  std::size_t pos = 0;
  while (pos < contents.size()) {
    if (contents.compare(pos, 5, "pack:") == 0) return true;
    pos = contents.find('\n', pos);
    if (pos == std::string::npos) break;
    ++pos;
  }
  return false;
}

}  // namespace

absl::StatusOr<LoadResult> LoadRulePackFromSources(std::vector<SourceFile> files, const LoadOptions& options) {
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
  pack::YamlReader reader(&impl->model.files, &sink, options.max_alias_expansion);
  int unreadable = pack::ReadPackFiles(reader, impl->model);
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
  std::error_code ec;
  fs::path root = fs::path(folder).lexically_normal();
  if (!root.has_filename()) root = root.parent_path();  // "rules/tuban/" is "rules/tuban"
  if (!fs::is_directory(root, ec)) {
    return absl::NotFoundError(absl::StrCat("rule pack folder '", folder, "' does not exist or is not a folder"));
  }
  std::vector<fs::path> paths;
  for (fs::recursive_directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->is_regular_file(ec) && IsYaml(it->path())) paths.push_back(it->path());
  }
  if (ec) return absl::UnavailableError(absl::StrCat("cannot list '", folder, "': ", ec.message()));
  // Pack order: byte order of the path relative to the pack folder.
  std::sort(paths.begin(), paths.end(), [&](const fs::path& a, const fs::path& b) {
    return a.lexically_relative(root).generic_string() < b.lexically_relative(root).generic_string();
  });
  std::vector<SourceFile> files;
  std::vector<fs::path> nested_packs;
  LoadResult too_big;
  for (const fs::path& p : paths) {
    std::ifstream in(p, std::ios::binary);
    if (!in) return absl::UnavailableError(absl::StrCat("cannot read '", p.string(), "'"));
    auto size = fs::file_size(p, ec);
    if (!ec && size > options.max_file_bytes) {
      Diagnostic d;
      d.code = DiagnosticCode::kFileRead;
      d.message = absl::StrCat("file is ", size, " bytes, more than LoadOptions::max_file_bytes (",
                               options.max_file_bytes, ")");
      d.location.file = p.string();
      too_big.diagnostics.push_back(std::move(d));
      ++too_big.error_total;
      continue;
    }
    std::ostringstream text;
    text << in.rdbuf();
    std::string contents = text.str();
    if (p.parent_path() != root && DeclaresPack(contents)) nested_packs.push_back(p.parent_path());
    files.push_back(SourceFile{p.string(), std::move(contents)});
  }
  if (!too_big.diagnostics.empty()) return too_big;
  // A subfolder holding its own `pack:` is another pack: leave it out.
  std::erase_if(files, [&](const SourceFile& f) {
    for (const fs::path& nested : nested_packs) {
      std::string prefix = nested.string() + "/";
      if (f.path.compare(0, prefix.size(), prefix) == 0) return true;
    }
    return false;
  });
  if (files.empty()) {
    LoadResult r;
    Diagnostic d;
    d.code = DiagnosticCode::kFileRead;
    d.message = "the folder holds no .yaml files";
    d.location.file = folder;
    r.diagnostics.push_back(std::move(d));
    r.error_total = 1;
    return r;
  }
  return LoadRulePackFromSources(std::move(files), options);
}

}  // namespace layak
