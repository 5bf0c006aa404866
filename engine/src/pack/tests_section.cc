// ReadTests: the pack's rule tests. A case gives a household inline (fields
// left out are unknown), an optional as-of date, parameter overrides and the
// pack it is for, and per program the expected status, or an outcome (status,
// benefit, failed clauses, missing fields), or one outcome per person.
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "pack/sections.h"

namespace layak::pack {
namespace {

// Reads `field: value` pairs of a test household or member; sets may be lists.
std::vector<TestValue> ReadTestValues(const YAML::Node& node, YamlReader& r, const std::string& what,
                                      std::vector<std::vector<TestValue>>* members) {
  std::vector<TestValue> out;
  if (!r.ExpectMap(node, what)) return out;
  for (const auto& kv : node) {
    const std::string& field = kv.first.Scalar();
    if (field == "members" && members != nullptr) {
      if (!r.ExpectSeq(kv.second, what + " members")) continue;
      for (const YAML::Node& m : kv.second) members->push_back(ReadTestValues(m, r, "a test member", nullptr));
      continue;
    }
    TestValue v;
    v.field = field;
    v.loc = r.LocOf(kv.first);
    if (kv.second.IsNull()) {
      out.push_back(std::move(v));
      continue;
    }
    if (kv.second.IsSequence()) {
      std::vector<std::string> items;
      for (const LocatedString& s : r.StringList(kv.second, absl::StrCat(what, " ", field))) items.push_back(s.value);
      v.value = items.empty() ? "{}" : absl::StrJoin(items, "|");
    } else if (r.ExpectScalar(kv.second, absl::StrCat(what, " ", field))) {
      v.value = kv.second.Scalar();
    }
    out.push_back(std::move(v));
  }
  return out;
}

// `eligible`, or `{ status: eligible, benefit: N, failed: [...], missing: [...] }`.
std::optional<TestOutcome> ReadOutcome(const YAML::Node& node, YamlReader& r, const std::string& what) {
  TestOutcome out;
  if (node.IsScalar()) {
    out.status = {node.Scalar(), r.LocOf(node)};
    return out;
  }
  if (!r.ExpectMap(node, what)) return std::nullopt;
  r.CheckKeys(node, {"status", "benefit", "failed", "missing"}, what);
  std::optional<YAML::Node> status = r.Required(node, "status", what);
  if (!status || !r.ExpectScalar(*status, what + " status")) return std::nullopt;
  out.status = {status->Scalar(), r.LocOf(*status)};
  for (const auto& kv : node) {
    const std::string& k = kv.first.Scalar();
    if (k == "benefit" && r.ExpectScalar(kv.second, what + " benefit")) {
      out.benefit = LocatedString{kv.second.Scalar(), r.LocOf(kv.second)};
    } else if (k == "failed") {
      out.failed = r.StringList(kv.second, what + " failed");
    } else if (k == "missing") {
      out.missing = r.StringList(kv.second, what + " missing");
    }
  }
  return out;
}

void ReadExpect(const YAML::Node& node, YamlReader& r, TestDecl& test) {
  if (!r.ExpectMap(node, "test expect")) return;
  for (const auto& kv : node) {
    TestExpect e;
    e.program = {kv.first.Scalar(), r.LocOf(kv.first)};
    std::string what = absl::StrCat("the expectation of ", e.program.value);
    if (kv.second.IsMap() && kv.second["members"]) {
      r.CheckKeys(kv.second, {"members"}, what);
      const YAML::Node& people = kv.second["members"];
      if (!r.ExpectSeq(people, what + " members")) continue;
      e.per_member = true;
      for (const YAML::Node& p : people) {
        if (std::optional<TestOutcome> o = ReadOutcome(p, r, what + " for a person")) e.members.push_back(*o);
      }
    } else {
      e.outcome = ReadOutcome(kv.second, r, what);
      if (!e.outcome) continue;
    }
    test.expect.push_back(std::move(e));
  }
}

void ReadTest(const YAML::Node& node, YamlReader& r, PackModel& model) {
  if (!r.ExpectMap(node, "a test")) return;
  r.CheckKeys(node, {"name", "as_of", "household", "expect", "pack", "params"}, "a test");
  std::optional<YAML::Node> name = r.Required(node, "name", "a test");
  std::optional<YAML::Node> household = r.Required(node, "household", "a test");
  std::optional<YAML::Node> expect = r.Required(node, "expect", "a test");
  if (!name || !household || !expect) return;
  TestDecl test;
  test.name = r.String(*name, "test name").value_or("");
  test.loc = r.LocOf(*name);
  for (const auto& kv : node) {
    const std::string& k = kv.first.Scalar();
    if (k == "as_of") {
      test.as_of = r.Date(kv.second, "test as_of");
    } else if (k == "pack") {
      if (std::optional<std::string> p = r.String(kv.second, "test pack")) {
        test.pack = LocatedString{*p, r.LocOf(kv.second)};
      }
    } else if (k == "params" && r.ExpectMap(kv.second, "test params")) {
      for (const auto& p : kv.second) {
        if (!r.ExpectScalar(p.second, "test parameter value")) continue;
        test.params.push_back({{p.first.Scalar(), r.LocOf(p.first)}, {p.second.Scalar(), r.LocOf(p.second)}});
      }
    }
  }
  test.household = ReadTestValues(*household, r, "a test household", &test.members);
  ReadExpect(*expect, r, test);
  model.tests.push_back(std::move(test));
}

}  // namespace

void ReadTests(const YAML::Node& node, YamlReader& r, PackModel& model) {
  if (!r.ExpectSeq(node, "tests")) return;
  for (const YAML::Node& n : node) ReadTest(n, r, model);
}

}  // namespace layak::pack
