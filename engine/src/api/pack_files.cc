// GatherPackFiles: finds a pack's files on disk and follows `extends`.
// `extends` is read with a bare YAML parse of the `pack:` block before the
// real load, because which files make up the pack depends on it; any YAML
// problem in that file is reported later by the full reader.
#include "api/pack_files.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "util/edit_distance.h"
#include "util/source_text.h"

namespace layak {
namespace fs = std::filesystem;
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

Diagnostic& AddError(LoadResult& r, std::string file, int line, int column, int length, std::string message,
                     std::vector<std::string> notes = {}, DiagnosticCode code = DiagnosticCode::kPackMetadata) {
  Diagnostic& d = r.diagnostics.emplace_back();
  d.code = code;
  d.message = std::move(message);
  d.location = SourceLocation{std::move(file), line, column, length};
  d.notes = std::move(notes);
  ++r.error_total;
  return d;
}

// One folder's own files in pack order, leaving out subfolders that are packs.
absl::Status FolderFiles(const fs::path& root, const LoadOptions& options, std::vector<SourceFile>& out,
                         LoadResult& problems) {
  std::error_code ec;
  std::vector<fs::path> paths;
  for (fs::recursive_directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->is_regular_file(ec) && IsYaml(it->path())) paths.push_back(it->path());
  }
  if (ec) return absl::UnavailableError(absl::StrCat("cannot list '", root.string(), "': ", ec.message()));
  // Pack order: byte order of the path relative to the pack folder.
  std::sort(paths.begin(), paths.end(), [&](const fs::path& a, const fs::path& b) {
    return a.lexically_relative(root).generic_string() < b.lexically_relative(root).generic_string();
  });
  std::vector<SourceFile> files;
  std::vector<fs::path> nested_packs;
  for (const fs::path& p : paths) {
    std::ifstream in(p, std::ios::binary);
    if (!in) return absl::UnavailableError(absl::StrCat("cannot read '", p.string(), "'"));
    auto size = fs::file_size(p, ec);
    if (!ec && size > options.max_file_bytes) {
      AddError(problems, p.string(), 0, 0, 1,
               absl::StrCat("file is ", size, " bytes, more than LoadOptions::max_file_bytes (", options.max_file_bytes,
                            ")"),
               {}, DiagnosticCode::kFileRead);
      continue;
    }
    std::ostringstream text;
    text << in.rdbuf();
    std::string contents = text.str();
    if (p.parent_path() != root && DeclaresPack(contents)) nested_packs.push_back(p.parent_path());
    files.push_back(SourceFile{p.string(), std::move(contents)});
  }
  std::erase_if(files, [&](const SourceFile& f) {
    for (const fs::path& nested : nested_packs) {
      std::string prefix = nested.string() + "/";
      if (f.path.compare(0, prefix.size(), prefix) == 0) return true;
    }
    return false;
  });
  for (SourceFile& f : files) out.push_back(std::move(f));
  return absl::OkStatus();
}

// An `extends` entry with where it is written.
struct ExtendsRef {
  std::string folder;
  std::string file;
  int line = 0, column = 0;
  std::string source_line;
};

std::vector<ExtendsRef> ReadExtends(const std::vector<SourceFile>& files, std::size_t first) {
  std::vector<ExtendsRef> out;
  for (std::size_t i = first; i < files.size(); ++i) {
    if (!DeclaresPack(files[i].contents)) continue;
    try {
      YAML::Node root = YAML::Load(files[i].contents);
      if (!root.IsMap() || !root["pack"].IsMap()) continue;
      YAML::Node ext = root["pack"]["extends"];
      if (!ext) continue;
      std::vector<YAML::Node> items;
      if (ext.IsScalar()) items.push_back(ext);
      if (ext.IsSequence()) {
        for (const YAML::Node& e : ext) items.push_back(e);
      }
      for (const YAML::Node& e : items) {
        if (!e.IsScalar()) continue;
        util::SourceText text(files[i].path, files[i].contents);
        out.push_back(
            {e.Scalar(), files[i].path, e.Mark().line + 1, e.Mark().column + 1, text.Line(e.Mark().line + 1)});
      }
    } catch (const YAML::Exception&) {
      // Reported with its position by the full reader.
    }
  }
  return out;
}

struct Gatherer {
  const LoadOptions& options;
  PackFiles out;
  std::vector<std::string> loaded;  // canonical folders, in layer order
  std::vector<std::string> stack;   // the chain being followed, for cycles
  int layers = 0;

  absl::Status Gather(const fs::path& folder) {
    std::error_code ec;
    std::string canonical = fs::weakly_canonical(folder, ec).string();
    stack.push_back(canonical);
    std::vector<SourceFile> own;
    absl::Status s = FolderFiles(folder, options, own, out.problems);
    if (!s.ok()) return s;
    for (const ExtendsRef& e : ReadExtends(own, 0)) {
      fs::path base = (folder / e.folder).lexically_normal();
      std::string base_canonical = fs::weakly_canonical(base, ec).string();
      int length = static_cast<int>(e.folder.size());
      if (std::find(stack.begin(), stack.end(), base_canonical) != stack.end()) {
        std::vector<std::string> chain = stack;
        chain.push_back(base_canonical);
        AddError(out.problems, e.file, e.line, e.column, length,
                 absl::StrCat("extends '", e.folder, "' makes a cycle: ", absl::StrJoin(chain, " -> ")),
                 {"help: a pack may only extend packs below it (kabupaten -> provinsi -> nasional)"})
            .source_line = e.source_line;
        continue;
      }
      if (std::find(loaded.begin(), loaded.end(), base_canonical) != loaded.end()) continue;  // shared base
      if (!fs::is_directory(base, ec)) {
        std::vector<std::string> siblings;
        for (const auto& entry : fs::directory_iterator(base.parent_path(), ec)) {
          if (entry.is_directory()) {
            siblings.push_back((fs::path(e.folder).parent_path() / entry.path().filename()).string());
          }
        }
        std::string hint = util::DidYouMean(e.folder, siblings);
        AddError(out.problems, e.file, e.line, e.column, length,
                 absl::StrCat("extends '", e.folder, "': no such folder (", base.string(), ")"),
                 hint.empty() ? std::vector<std::string>{"help: extends names a pack folder, relative to this one"}
                              : std::vector<std::string>{hint})
            .source_line = e.source_line;
        continue;
      }
      absl::Status b = Gather(base);
      if (!b.ok()) return b;
    }
    stack.pop_back();
    loaded.push_back(canonical);
    if (own.empty()) {
      AddError(out.problems, folder.string(), 0, 0, 1, "the folder holds no .yaml files", {},
               DiagnosticCode::kFileRead);
    }
    for (SourceFile& f : own) {
      out.files.push_back(std::move(f));
      out.file_layer.push_back(layers);
    }
    ++layers;
    return absl::OkStatus();
  }
};

}  // namespace

absl::StatusOr<PackFiles> GatherPackFiles(const std::string& folder, const LoadOptions& options) {
  std::error_code ec;
  fs::path root = fs::path(folder).lexically_normal();
  if (!root.has_filename()) root = root.parent_path();  // "rules/tuban/" is "rules/tuban"
  if (!fs::is_directory(root, ec)) {
    return absl::NotFoundError(absl::StrCat("rule pack folder '", folder, "' does not exist or is not a folder"));
  }
  Gatherer g{options, {}, {}, {}, 0};
  absl::Status s = g.Gather(root);
  if (!s.ok()) return s;
  return std::move(g.out);
}

}  // namespace layak
