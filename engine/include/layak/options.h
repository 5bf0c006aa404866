// File: layak/options.h
// Limits applied while loading a rule pack. They keep a malformed or hostile
// pack from exhausting memory or stack: every limit, when hit, becomes a
// diagnostic, never a crash.
//
//   layak::LoadOptions opts;
//   opts.max_nesting_depth = 32;
//   auto result = layak::LoadRulePack("rules/tuban", opts);
#ifndef LAYAK_OPTIONS_H_
#define LAYAK_OPTIONS_H_

#include <cstddef>

namespace layak {

// Limits for LoadRulePack. The defaults suit hand-written packs with room to spare.
struct LoadOptions {
  // Longest expression string accepted, in bytes (E0206 beyond it).
  std::size_t max_expression_length = 4096;
  // Deepest nesting of parentheses, brackets, call arguments, `not`, unary
  // minus and `if` branches inside one expression (E0205 beyond it).
  int max_nesting_depth = 64;
  // Deepest chain of definitions (and derived fields) using one another
  // (E0205 beyond it).
  int max_definition_depth = 100;
  // Diagnostics kept per load; the rest are counted in one final note.
  int max_diagnostics = 100;
  // Largest YAML file read, in bytes (E0102 beyond it).
  std::size_t max_file_bytes = 16u << 20;
  // How many times its own size (plus 64 KiB) a YAML file may grow when its
  // aliases (*name) are expanded; beyond it the file is not read (E0102).
  // Guards against "billion laughs" documents.
  int max_alias_expansion = 4;
  // Also report lint warnings (E06xx): clauses never true or never false,
  // duplicate programs, unused parameters and definitions, protected fields
  // read without a justification, clauses without a source.
  bool lint = false;
};

}  // namespace layak

#endif  // LAYAK_OPTIONS_H_
