// File: layak/rule_pack.h
// Loading a rule pack: a folder of YAML files holding the schema, parameters,
// definitions, programs, needs, resources and tests. Loading parses every
// expression, binds every name and checks every type, so that no rule fails
// at evaluation time for a reason that could be found now.
//
//   absl::StatusOr<layak::LoadResult> r = layak::LoadRulePack("rules/tuban");
//   if (!r.ok()) { /* could not run: the folder is missing, ... */ }
//   std::cerr << layak::FormatDiagnostics(r->diagnostics);
//   if (r->ok()) { const layak::RulePack& pack = *r->pack(); ... }
#ifndef LAYAK_RULE_PACK_H_
#define LAYAK_RULE_PACK_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "layak/diagnostic.h"
#include "layak/options.h"

namespace layak {

// Whether a program is decided per household or per person.
enum class ProgramUnit { kHousehold, kMember };

// What a caller may know about one program of a loaded pack.
struct ProgramInfo {
  std::string id;
  std::string name;
  ProgramUnit unit = ProgramUnit::kHousehold;
  std::vector<std::string> clause_ids;
};

class RulePackImpl;

// A loaded, type-checked rule pack. Immutable; safe to share across threads.
class RulePack {
 public:
  explicit RulePack(std::unique_ptr<RulePackImpl> impl);
  ~RulePack();
  RulePack(const RulePack&) = delete;
  RulePack& operator=(const RulePack&) = delete;

  // The `pack:` metadata.
  const std::string& id() const;
  const std::string& name() const;
  const std::string& version() const;
  // Programs in pack order.
  const std::vector<ProgramInfo>& programs() const;
  // Internal representation, for the engine's own stages.
  const RulePackImpl& impl() const { return *impl_; }

 private:
  std::unique_ptr<RulePackImpl> impl_;
};

// The outcome of loading a pack that could be read: the pack when it has no
// errors, and every diagnostic (errors and warnings) in the order found.
struct LoadResult {
  std::vector<Diagnostic> diagnostics;
  std::unique_ptr<RulePack> pack_ptr;
  // Errors found, including those past LoadOptions::max_diagnostics.
  int error_total = 0;

  // True when the pack loaded without errors (warnings allowed).
  bool ok() const { return pack_ptr != nullptr; }
  // The pack, or null when there were errors.
  const RulePack* pack() const { return pack_ptr.get(); }
  // Hands the pack to the caller; pack() is null afterwards.
  std::unique_ptr<RulePack> ReleasePack() { return std::move(pack_ptr); }
  // Number of errors found, counting those not kept past the cap.
  int error_count() const;
};

// One YAML file given as text, for callers that do not read packs from disk.
struct SourceFile {
  std::string path;  // as shown in diagnostics
  std::string contents;
};

// Loads every *.yaml / *.yml file under `folder` (recursively, in byte order
// of the relative path; a subfolder with its own `pack:` is another pack and
// is skipped). Errors in the pack are diagnostics in an OK result; a non-OK
// status means the load could not run (the folder is missing or unreadable).
absl::StatusOr<LoadResult> LoadRulePack(const std::string& folder, const LoadOptions& options = {});

// Loads a pack from files given in memory, in the order given.
absl::StatusOr<LoadResult> LoadRulePackFromSources(std::vector<SourceFile> files, const LoadOptions& options = {});

}  // namespace layak

#endif  // LAYAK_RULE_PACK_H_
