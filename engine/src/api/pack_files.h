// Gathering the files of a pack from disk, with the packs it `extends`:
// every layer's files in pack order, base layers first (depth first, each
// folder once), and for each file the layer it belongs to.
#ifndef LAYAK_API_PACK_FILES_H_
#define LAYAK_API_PACK_FILES_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "layak/options.h"
#include "layak/rule_pack.h"

namespace layak {

// The files of a layered pack. When `problems` has diagnostics the pack
// cannot be loaded (a missing base folder, a cycle, a file too large).
struct PackFiles {
  std::vector<SourceFile> files;
  std::vector<int> file_layer;  // parallel to files
  LoadResult problems;
};

// Reads the files of `folder` and of the folders its `pack: { extends: [...] }`
// names (relative to it). A non-OK status: `folder` itself is missing or unreadable.
absl::StatusOr<PackFiles> GatherPackFiles(const std::string& folder, const LoadOptions& options);

// Loads files whose layers are known (GatherPackFiles); empty `file_layer`: one layer.
absl::StatusOr<LoadResult> LoadLayeredSources(std::vector<SourceFile> files, std::vector<int> file_layer,
                                              const LoadOptions& options);

}  // namespace layak

#endif  // LAYAK_API_PACK_FILES_H_
