// `layak check --lint`: warnings that are not errors. Clauses that can never
// be true, or never be false, given the schema's declared ranges and values
// (an interval analysis over the IR); programs identical to another;
// parameters and definitions nothing uses; criteria reading a protected
// field (directly, or through a derived field or a definition) without a
// justification; clauses citing no source.
#ifndef LAYAK_CHECK_LINT_H_
#define LAYAK_CHECK_LINT_H_

#include "ir/ir.h"
#include "pack/pack_model.h"
#include "util/diagnostics.h"

namespace layak::check {

// Reports every finding as a warning (E06xx) into `sink`.
void LintPack(const pack::PackModel& model, const ir::Module& module, util::DiagnosticSink& sink);

}  // namespace layak::check

#endif  // LAYAK_CHECK_LINT_H_
