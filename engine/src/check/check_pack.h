// CheckPack: the pack model (pack/pack_model.h) -> the typed IR module
// (ir/ir.h), with every load-time error reported. Entry point of check/.
#ifndef LAYAK_CHECK_CHECK_PACK_H_
#define LAYAK_CHECK_CHECK_PACK_H_

#include <memory>
#include <vector>

#include "check/binder.h"
#include "ir/ir.h"
#include "layak/options.h"
#include "pack/pack_model.h"
#include "util/diagnostics.h"

namespace layak::check {

// Builds the module; returns it even when errors were reported (callers
// check the sink). Never throws.
std::unique_ptr<ir::Module> CheckPack(const pack::PackModel& model, util::DiagnosticSink& sink,
                                      const LoadOptions& options);

// Orders programs so that every program comes after those it reads through
// eligible(); reports each cycle once (E0308). Defined in program_graph.cc.
std::vector<int32_t> OrderPrograms(const ir::Module& module, const std::vector<ProgramEdge>& edges,
                                   const pack::PackModel& model, util::DiagnosticSink& sink);

// Reports a diagnostic at `loc` of the pack's files; empty notes are dropped.
void ReportAtLoc(const pack::PackModel& model, util::DiagnosticSink& sink, const pack::Loc& loc, DiagnosticCode code,
                 std::string message, std::vector<std::string> notes = {});

// Checks the literal data of a pack against its schema: the inputs and
// expectations of `tests:` and the kecamatan of `resources:`. Defined in
// pack_data.cc.
void CheckPackData(const pack::PackModel& model, const ir::Module& module, util::DiagnosticSink& sink);

// Why `text` is not a valid value of `field`, or "" when it is. The help
// (a did-you-mean) goes to *help. Test inputs use the spellings of caseloads.
std::string ValueProblem(const ir::Module& module, const ir::Field& field, const std::string& text, std::string* help);

}  // namespace layak::check

#endif  // LAYAK_CHECK_CHECK_PACK_H_
