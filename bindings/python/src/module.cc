// The `_layak` extension module: the engine's public C++ API for the `layak`
// Python package (bindings/python/layak), which turns DataFrames into the
// columns read here and the arrays returned here into DataFrames. The GIL is
// released wherever only C++ runs: loading, compiling, building caseloads,
// evaluating and explaining.
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "columns.h"
#include "layak/layak.h"
#include "results.h"
#include "status.h"

namespace layak::python {
namespace {
namespace py = pybind11;

struct PackHandle {
  std::shared_ptr<const RulePack> pack;
};

struct PlanHandle {
  std::shared_ptr<const Plan> plan;
};

py::dict DiagnosticDict(const Diagnostic& d) {
  py::dict out;
  out["file"] = d.location.file;
  out["line"] = d.location.line;
  out["column"] = d.location.column;
  out["length"] = d.location.length;
  out["code"] = CodeString(d.code);
  out["severity"] = SeverityName(d.severity);
  out["message"] = d.message;
  out["source_line"] = d.source_line;
  out["notes"] = d.notes;
  return out;
}

// (pack or None, diagnostics as dicts, diagnostics as text); a folder that
// cannot be read raises OSError (FileNotFoundError when it does not exist).
py::tuple LoadPack(const std::string& path) {
  absl::StatusOr<LoadResult> loaded;
  {
    py::gil_scoped_release release;
    loaded = LoadRulePack(path);
  }
  if (!loaded.ok()) ThrowStatus(loaded.status());
  py::list diagnostics;
  for (const Diagnostic& d : loaded->diagnostics) diagnostics.append(DiagnosticDict(d));
  std::string text = FormatDiagnostics(loaded->diagnostics);
  py::object pack = py::none();
  if (loaded->ok()) pack = py::cast(PackHandle{loaded->ReleasePack()});
  return py::make_tuple(pack, diagnostics, text);
}

py::list Programs(const PackHandle& p) {
  py::list out;
  for (const ProgramInfo& info : p.pack->programs()) {
    out.append(py::make_tuple(info.id, info.name, info.unit == ProgramUnit::kMember ? "member" : "household",
                              info.clause_ids));
  }
  return out;
}

py::list Fields(const PackHandle& p) {
  py::list out;
  for (const FieldInfo& f : DescribeSchema(*p.pack)) {
    py::dict d;
    d["name"] = f.name;
    d["level"] = f.level == FieldLevel::kMember ? "member" : "household";
    d["type"] = FieldTypeName(f.type);
    d["values"] = f.values;
    d["aliases"] = f.aliases;
    d["min"] = f.min;
    d["max"] = f.max;
    d["key"] = f.key;
    d["derived"] = f.derived;
    d["protected"] = f.is_protected;
    d["sensitive"] = f.sensitive;
    d["doc"] = f.doc;
    d["label_id"] = f.label_id;
    d["label_en"] = f.label_en;
    d["programs"] = f.programs;
    out.append(std::move(d));
  }
  return out;
}

PlanHandle Compile(const PackHandle& p, const std::string& as_of,
                   const std::vector<std::pair<std::string, std::string>>& params) {
  absl::StatusOr<std::shared_ptr<const Plan>> plan;
  {
    py::gil_scoped_release release;
    plan = CompilePlan(p.pack, PlanOptions{as_of, params});
  }
  return PlanHandle{ValueOrThrow(std::move(plan))};
}

py::dict EvaluateFrames(const PlanHandle& p, std::size_t households, const py::object& member_households,
                        const py::list& household_columns, const py::list& member_columns, int threads,
                        const py::object& household_keys, const py::object& member_keys) {
  CaseloadInput in = ReadInput(households, member_households, household_columns, member_columns);
  absl::StatusOr<std::vector<ResultColumns>> results;
  {
    py::gil_scoped_release release;
    results = EvaluateColumns(*p.plan, in, threads);
  }
  if (!results.ok()) ThrowStatus(results.status());
  return ResultsToPython(*results, household_keys, member_keys);
}

Language ParseLanguage(const std::string& language) {
  if (language == "id") return Language::kIndonesian;
  if (language == "en") return Language::kEnglish;
  throw py::value_error(absl::StrCat("language must be 'id' or 'en', not '", language, "'"));
}

bool ParseJsonFormat(const std::string& format) {
  if (format == "json") return true;
  if (format == "text") return false;
  throw py::value_error(absl::StrCat("format must be 'text' or 'json', not '", format, "'"));
}

// Explains household `row` of `caseload`; the caller has released the GIL.
absl::StatusOr<std::string> ExplainRow(const Plan& plan, const Caseload& caseload, std::size_t row, Language language,
                                       bool json) {
  absl::StatusOr<Explanation> e = Explain(plan, caseload, row, language);
  if (!e.ok()) return e.status();
  return json ? FormatExplanationJson(*e) : FormatExplanationText(*e);
}

std::string ExplainFrames(const PlanHandle& p, std::size_t households, const py::object& member_households,
                          const py::list& household_columns, const py::list& member_columns,
                          const std::string& household_id, const std::string& language, const std::string& format) {
  const Language lang = ParseLanguage(language);
  const bool json = ParseJsonFormat(format);
  CaseloadInput in = ReadInput(households, member_households, household_columns, member_columns);
  absl::StatusOr<std::string> text;
  bool not_found = false;
  {
    py::gil_scoped_release release;
    absl::StatusOr<Caseload> caseload = BuildWhole(p.plan->pack(), in);
    absl::StatusOr<std::size_t> row = caseload.ok() ? FindHousehold(*caseload, household_id) : caseload.status();
    not_found = caseload.ok() && !row.ok() && row.status().code() == absl::StatusCode::kNotFound;
    text = row.ok() ? ExplainRow(*p.plan, *caseload, *row, lang, json) : row.status();
  }
  if (not_found) throw py::key_error(absl::StrCat("no household '", household_id, "' in the caseload"));
  return ValueOrThrow(std::move(text));
}

std::string ExplainJson(const PlanHandle& p, const std::string& household_json, const std::string& language,
                        const std::string& format) {
  const Language lang = ParseLanguage(language);
  const bool json = ParseJsonFormat(format);
  absl::StatusOr<std::string> text;
  {
    py::gil_scoped_release release;
    const RulePack& pack = p.plan->pack();
    absl::StatusOr<ReadResult> read = ReadJsonHousehold(pack, household_json, "<json>", PackReadOptions(pack));
    if (!read.ok()) {
      text = read.status();
    } else if (!read->errors.empty()) {
      text = absl::InvalidArgumentError(absl::StrJoin(read->errors, "\n"));
    } else if (read->caseload == nullptr || read->caseload->households() != 1) {
      text = absl::InvalidArgumentError("the JSON holds no household");
    } else {
      text = ExplainRow(*p.plan, *read->caseload, 0, lang, json);
    }
  }
  return ValueOrThrow(std::move(text));
}

}  // namespace
}  // namespace layak::python

PYBIND11_MODULE(_layak, m) {
  using namespace layak;          // NOLINT(google-build-using-namespace)
  using namespace layak::python;  // NOLINT(google-build-using-namespace)
  namespace py = pybind11;
  m.doc() = "The layak engine's C++ API; use the `layak` package rather than this module.";
  m.attr("__version__") = VersionString();
  m.def("available_threads", &AvailableThreads, "The cores this process may use.");
  m.def("load_pack", &LoadPack, py::arg("path"),
        "Loads a rule pack: (pack or None, diagnostics as dicts, diagnostics as text).");

  py::class_<PackHandle>(m, "Pack", "A loaded, type-checked rule pack.")
      .def_property_readonly("id", [](const PackHandle& p) { return p.pack->id(); })
      .def_property_readonly("name", [](const PackHandle& p) { return p.pack->name(); })
      .def_property_readonly("version", [](const PackHandle& p) { return p.pack->version(); })
      .def_property_readonly("member_household_column",
                             [](const PackHandle& p) { return PackReadOptions(*p.pack).member_household_column; })
      .def("programs", &Programs, "Programs in pack order: (id, name, unit, clause ids).")
      .def("fields", &Fields, "Every schema field as a dict (DescribeSchema).")
      .def("compile", &Compile, py::arg("as_of"), py::arg("params"),
           "Compiles the pack for an as-of date ('' for today) and parameter overrides.");

  py::class_<PlanHandle>(m, "Plan", "A pack compiled for one as-of date.")
      .def_property_readonly("as_of", [](const PlanHandle& p) { return p.plan->as_of(); })
      .def_property_readonly("provenance", [](const PlanHandle& p) { return p.plan->Provenance(); })
      .def(
          "input_fields", [](const PlanHandle& p) { return p.plan->InputFields(); }, "The input fields the plan reads.")
      .def("evaluate", &EvaluateFrames, py::arg("households"), py::arg("member_households"),
           py::arg("household_columns"), py::arg("member_columns"), py::arg("threads"),
           py::arg("household_keys") = py::none(), py::arg("member_keys") = py::none(),
           "Evaluates columns given as (field, kind, values, known) tuples; returns a dict of arrays.")
      .def("explain", &ExplainFrames, py::arg("households"), py::arg("member_households"), py::arg("household_columns"),
           py::arg("member_columns"), py::arg("household_id"), py::arg("language"), py::arg("format"),
           "Explains one household of the columns, as text or JSON.")
      .def("explain_json", &ExplainJson, py::arg("household"), py::arg("language"), py::arg("format"),
           "Explains one household given as a JSON object, as text or JSON.");
}
