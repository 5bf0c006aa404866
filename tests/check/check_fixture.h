// A small pack (schema, parameters, definitions, two programs) into which
// tests drop one expression as a clause, then load and inspect the result.
#ifndef LAYAK_TESTS_CHECK_CHECK_FIXTURE_H_
#define LAYAK_TESTS_CHECK_CHECK_FIXTURE_H_

#include <string>

#include "api/rule_pack_impl.h"
#include "layak/rule_pack.h"
#include "testing/testing.h"

namespace layak::testing {

inline constexpr char kFixturePack[] = R"yaml(pack: { id: fixture, version: "1" }
schema:
  household:
    id: { type: string, key: true }
    desil: { type: int, min: 1, max: 10 }
    income: { type: int }
    floor_area_m2: { type: number }
    kecamatan: { type: enum, values: [Bancar, Jenu, Tuban] }
    receives: { type: set, values: [PKH, SEMBAKO, PIP] }
    registered: { type: date }
    dtks: { type: bool }
    desa: { type: string }
  member:
    nik: { type: string, key: true }
    birth_date: { type: date }
    age: { type: int, derive: "years_between(birth_date, as_of)" }
    sex: { type: enum, values: [L, P], protected: true }
    disability: { type: enum, values: [none, ringan, sedang, berat] }
    ppks: { type: set, values: [anak_terlantar, abh, korban_trafficking] }
    pregnant: { type: bool }
    enrolled: { type: bool }
    earnings: { type: number }
parameters:
  lansia_min_age: { values: { 2018-01-01: 60, 2024-01-01: 70 } }
  area_per_person: { values: { 2017-01-01: 7.2 } }
  pkh_start: { values: { 2018-01-01: 2007-07-01 } }
definitions:
  household:
    miskin: "desil <= 4"
  member:
    anak_sekolah: "age in 6..21 and enrolled"
)yaml";

// The fixture pack plus one program T (of `unit`) whose only clause is `when`,
// written as a literal block scalar: the expression starts on line
// kClauseLine, column kClauseColumn of programs.yaml.
inline constexpr int kClauseLine = 10;
inline constexpr int kClauseColumn = 11;

inline absl::StatusOr<LoadResult> LoadClause(const std::string& when, const std::string& unit = "household") {
  std::string programs =
      "programs:\n  - id: PIP\n    unit: member\n    criteria: [ { id: c, when: \"enrolled\" } ]\n"
      "  - id: T\n    unit: " +
      unit + "\n    criteria:\n      - id: c\n        when: |-\n          " + when + "\n";
  // The clause text starts on line 10: "programs:" is line 1.
  return LoadRulePackFromSources({{"schema.yaml", kFixturePack}, {"programs.yaml", programs}});
}

// The IR dump of program T's clause, or the rendered diagnostics when the load failed.
inline std::string ClauseIr(const LoadResult& r) {
  if (!r.ok()) return "ERROR " + FormatDiagnostics(r.diagnostics);
  const ir::Module& m = *r.pack()->impl().module;
  return m.NodeString(m.programs[1].criteria[0].when);
}

}  // namespace layak::testing

#endif  // LAYAK_TESTS_CHECK_CHECK_FIXTURE_H_
