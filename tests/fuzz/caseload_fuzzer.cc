// libFuzzer target: reading a caseload (the CSV pair and JSON Lines) and
// evaluating it must never crash, whatever the bytes; every problem must be
// reported, and read = evaluated + rejected must hold. The input is the
// households file, a line "--", then the members file; the whole input is
// also read as JSON Lines.
#include <unistd.h>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <string>

#include "layak/caseload.h"
#include "layak/evaluate.h"

namespace {

std::shared_ptr<const layak::RulePack> Pack() {
  static std::shared_ptr<const layak::RulePack> pack = [] {
    auto r = layak::LoadRulePack(std::string(LAYAK_SOURCE_DIR) + "/tests/data/caseload/pack");
    if (!r.ok() || !r->ok()) std::abort();
    return std::shared_ptr<const layak::RulePack>(r->ReleasePack());
  }();
  return pack;
}

std::string Write(const std::string& name, const std::string& text) {
  std::string path = "/tmp/layak_caseload_fuzz_" + std::to_string(getpid()) + "_" + name;
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

void Check(const layak::ReadResult& r) {
  if (r.households_read != r.caseload->households() + r.households_rejected) std::abort();
  if (r.members_read != r.caseload->members() + r.members_rejected) std::abort();
  static auto plan = layak::CompilePlan(Pack(), {"2026-01-01"});
  auto results = layak::Evaluate(**plan, *r.caseload, {.threads = 1, .batch_size = 3});
  if (!results.ok()) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  std::size_t cut = text.find("\n--\n");
  std::string households = cut == std::string::npos ? text : text.substr(0, cut + 1);
  std::string members = cut == std::string::npos ? "household_id,nik\n" : text.substr(cut + 4);
  std::string h = Write("h.csv", households), m = Write("m.csv", members), j = Write("c.jsonl", text);
  auto csv = layak::ReadCsvCaseload(*Pack(), h, m);
  if (csv.ok() && !csv->fatal) Check(*csv);
  auto jsonl = layak::ReadJsonlCaseload(*Pack(), j);
  if (jsonl.ok()) Check(*jsonl);
  std::remove(h.c_str());
  std::remove(m.c_str());
  std::remove(j.c_str());
  return 0;
}
