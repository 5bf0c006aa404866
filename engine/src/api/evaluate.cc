// layak/evaluate.h: plans, whole-caseload runs and per-row results.
#include "layak/evaluate.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "api/caseload_impl.h"
#include "api/rule_pack_impl.h"
#include "eval/results.h"
#include "layak/version.h"
#include "run/redact.h"
#include "run/runner.h"
#include "run/writers.h"
#include "util/civil_date.h"
#include "util/decimal.h"
#include "util/edit_distance.h"

namespace layak {

Plan::Plan(std::unique_ptr<PlanImpl> impl) : impl_(std::move(impl)) {}
Plan::~Plan() = default;
const RulePack& Plan::pack() const { return *impl_->pack; }
std::string Plan::as_of() const { return util::FormatIsoDate(impl_->plan.as_of); }
std::string Plan::Provenance() const { return impl_->provenance; }
std::vector<std::string> Plan::InputFields() const {
  std::vector<std::string> out;
  const eval::Plan& p = impl_->plan;
  for (std::size_t f = 0; f < p.module->fields.size(); ++f) {
    if (p.field_used[0][f] || p.field_used[1][f]) out.push_back(p.module->fields[f].name);
  }
  return out;
}

namespace {

// FNV-1a over every file of the pack in pack order: stable across runs and
// machines, so that an appeal can ask which rules decided.
uint64_t ContentHash(const pack::PackModel& model) {
  uint64_t h = 1469598103934665603ULL;
  auto mix = [&](std::string_view bytes) {
    for (unsigned char c : bytes) {
      h ^= c;
      h *= 1099511628211ULL;
    }
  };
  for (const auto& file : model.files) {
    mix(absl::StrCat(file.contents().size(), ":"));
    mix(file.contents());
  }
  return h;
}

absl::Status SamePack(const Plan& plan, const Caseload& caseload) {
  if (&caseload.impl().data->module() != plan.impl().plan.module) {
    return absl::InvalidArgumentError("the caseload was read for another pack than the plan's");
  }
  return absl::OkStatus();
}

// An override's text as a value of the parameter's type (an int given to a
// number parameter is scaled; an enum value must be declared).
absl::StatusOr<pack::ParamValue> OverrideValue(const ir::Module& m, const ir::Param& param, const std::string& text) {
  pack::ParamValue v;
  v.type = param.values.empty() ? pack::FieldType::kInt : param.values[0].type;
  auto bad = [&](const char* expected) {
    return absl::InvalidArgumentError(
        absl::StrCat("--param ", param.name, "=", text, ": '", text, "' is not ", expected));
  };
  switch (v.type) {
    case pack::FieldType::kBool:
      if (text != "true" && text != "false") return bad("true or false");
      v.number = text == "true" ? 1 : 0;
      return v;
    case pack::FieldType::kDate: {
      std::optional<int32_t> d = util::ParseIsoDate(text);
      if (!d) return bad("a date YYYY-MM-DD");
      v.number = *d;
      return v;
    }
    case pack::FieldType::kInt:
    case pack::FieldType::kNumber: {
      bool negative = !text.empty() && text[0] == '-';
      util::DecimalError err;
      std::optional<int64_t> scaled = util::ParseScaledDecimal(negative ? text.substr(1) : text, &err);
      if (!scaled) return bad("a number");
      if (v.type == pack::FieldType::kInt && *scaled % util::kDecimalScale != 0) return bad("a whole number");
      v.number = v.type == pack::FieldType::kInt ? *scaled / util::kDecimalScale : *scaled;
      if (negative) v.number = -v.number;
      return v;
    }
    default:
      if (param.type.kind == ir::Type::kEnum) {
        const auto& values = m.domains[static_cast<std::size_t>(param.type.domain)].values;
        if (std::find(values.begin(), values.end(), text) == values.end()) {
          return absl::InvalidArgumentError(absl::StrCat("--param ", param.name, "=", text, ": '", text,
                                                         "' is not one of ", absl::StrJoin(values, ", ")));
        }
      }
      v.text = text;
      return v;
  }
}

absl::StatusOr<eval::ParamOverrides> Overrides(const ir::Module& m, const PlanOptions& options) {
  eval::ParamOverrides out;
  for (const auto& [name, text] : options.params) {
    int64_t index = -1;
    std::vector<std::string> names;
    for (std::size_t i = 0; i < m.params.size(); ++i) {
      names.push_back(m.params[i].name);
      if (m.params[i].name == name) index = static_cast<int64_t>(i);
    }
    if (index < 0) {
      std::string hint = util::DidYouMean(name, names);
      return absl::InvalidArgumentError(
          absl::StrCat("--param ", name, ": the pack has no parameter '", name, "'", hint.empty() ? "" : "; ", hint));
    }
    auto v = OverrideValue(m, m.params[static_cast<std::size_t>(index)], text);
    if (!v.ok()) return v.status();
    out[index] = *v;
  }
  return out;
}

int Threads(const EvaluateOptions& o) { return o.threads > 0 ? o.threads : run::AvailableThreads(); }

}  // namespace

absl::StatusOr<std::shared_ptr<const Plan>> CompilePlan(std::shared_ptr<const RulePack> pack,
                                                        const PlanOptions& options) {
  if (pack == nullptr) return absl::InvalidArgumentError("no pack");
  int32_t as_of = util::Today();
  if (!options.as_of.empty()) {
    auto d = util::ParseIsoDate(options.as_of);
    if (!d) {
      return absl::InvalidArgumentError(
          absl::StrCat("'", options.as_of, "' is not a date: expected YYYY-MM-DD, a real calendar day"));
    }
    as_of = *d;
  }
  auto overrides = Overrides(*pack->impl().module, options);
  if (!overrides.ok()) return overrides.status();
  auto plan = eval::CompilePlan(*pack->impl().module, as_of, {}, *overrides);
  if (!plan.ok()) return plan.status();
  auto impl = std::make_unique<PlanImpl>();
  impl->plan = std::move(*plan);
  const pack::PackModel& model = pack->impl().model;
  impl->provenance = absl::StrCat("layak ", VersionString(), "; pack ", pack->id(), " ", pack->version(),
                                  "; content fnv1a64:", absl::Hex(ContentHash(model), absl::kZeroPad16), "; as_of ",
                                  util::FormatIsoDate(as_of));
  // A what-if run says so in every output it writes.
  for (const auto& [name, text] : options.params) absl::StrAppend(&impl->provenance, "; param ", name, "=", text);
  impl->pack = std::move(pack);
  return std::shared_ptr<const Plan>(std::make_shared<Plan>(std::move(impl)));
}

int AvailableThreads() { return run::AvailableThreads(); }

std::vector<std::string> RedactedPrograms(const Plan& plan) {
  return run::Redaction(plan.impl().plan, "").WithheldPrograms();
}

const char* StatusName(Status status) { return eval::StatusName(static_cast<eval::Status>(status)); }

absl::Status EvaluateInto(const Plan& plan, const Caseload& caseload, std::vector<ProgramResult>* results,
                          const EvaluateOptions& options) {
  if (results == nullptr) return absl::InvalidArgumentError("EvaluateInto: results is null");
  if (auto s = SamePack(plan, caseload); !s.ok()) return s;
  const eval::Plan& p = plan.impl().plan;
  const data::CaseloadData& data = *caseload.impl().data;
  std::vector<ProgramResult>& out = *results;
  std::size_t rows = 0;
  for (const eval::PlanProgram& pp : p.programs) {
    rows += pp.unit == pack::Scope::kMember ? data.members() : data.households();
  }
  out.reserve(rows);
  // Batches are evaluated in order on this thread: results of a whole
  // caseload through this call are bounded by memory anyway. The scratch is
  // kept per thread, so that a case-management system asking about one
  // household at a time does not lay out the registers again each time; the
  // rows already in `results` are overwritten in place, so that their strings
  // and lists keep their storage from one call to the next.
  thread_local eval::Scratch s;
  thread_local eval::RowResult r;
  std::size_t used = 0;
  const std::size_t batch = std::max<std::size_t>(options.batch_size, 1);
  for (std::size_t h0 = 0; h0 < data.households(); h0 += batch) {
    std::size_t n = std::min(batch, data.households() - h0);
    eval::EvaluateBatch(p, data, h0, n, &s);
    for (std::size_t h = 0; h < n; ++h) {
      for (std::size_t prog = 0; prog < p.programs.size(); ++prog) {
        const eval::PlanProgram& pp = p.programs[prog];
        bool member = pp.unit == pack::Scope::kMember;
        uint32_t begin = member ? s.moff[h] : static_cast<uint32_t>(h);
        uint32_t end = member ? s.moff[h + 1] : static_cast<uint32_t>(h + 1);
        for (uint32_t row = begin; row < end; ++row) {
          eval::ResultAt(p, data, s, static_cast<int32_t>(prog), row, &r);
          ProgramResult& o = used < out.size() ? out[used] : out.emplace_back();
          ++used;
          o.program = p.module->programs[prog].id;
          o.household = r.household;
          o.household_id.clear();
          run::AppendHouseholdId(data, r.household, &o.household_id);
          o.member = r.member;
          o.member_id.clear();
          if (member) run::AppendMemberId(data, s, static_cast<std::size_t>(r.member), &o.member_id);
          o.status = static_cast<Status>(r.status);
          o.benefit.reset();
          if (r.has_benefit) o.benefit = r.benefit;
          // Copy-assignment reuses the row's storage (and r's for the next row).
          o.failed_clauses = r.failed_clauses;
          o.missing_fields = r.missing_fields;
          o.errors = r.errors;
        }
      }
    }
  }
  out.resize(used);
  return absl::OkStatus();
}

absl::StatusOr<std::vector<ProgramResult>> Evaluate(const Plan& plan, const Caseload& caseload,
                                                    const EvaluateOptions& options) {
  std::vector<ProgramResult> out;
  if (absl::Status s = EvaluateInto(plan, caseload, &out, options); !s.ok()) return s;
  return out;
}

absl::StatusOr<RunSummary> RunCaseload(const Plan& plan, const Caseload& caseload, const RunOptions& options) {
  if (auto s = SamePack(plan, caseload); !s.ok()) return s;
  const eval::Plan& p = plan.impl().plan;
  const data::CaseloadData& data = *caseload.impl().data;
  run::RunOptions ro;
  ro.threads = Threads(options.evaluate);
  ro.batch_size = options.evaluate.batch_size;
  ro.progress = options.progress;
  ro.sink = options.sink;
  if (!options.summary_by.empty()) {
    int f = p.module->FindField(options.summary_by, pack::Scope::kHousehold);
    if (f < 0 || p.module->fields[static_cast<std::size_t>(f)].type.kind != ir::Type::kEnum) {
      return absl::InvalidArgumentError(
          absl::StrCat("--summary-by needs a household enum field; '", options.summary_by, "' is not one"));
    }
    ro.group_field = f;
  }
  std::shared_ptr<run::Redaction> redact;
  if (options.redact) redact = std::make_shared<run::Redaction>(p, options.redact_key);
  if (options.format == OutputFormat::kCsv) {
    ro.render = [redact](const eval::Plan& pl, const data::CaseloadData& d, const eval::Scratch& sc, std::string* out) {
      run::RenderCsv(pl, d, sc, out, redact.get());
    };
    if (options.sink && options.write_header) {
      options.sink(absl::StrCat("# ", plan.Provenance(), "\n", run::CsvHeader()));
    }
  } else if (options.format == OutputFormat::kJsonl) {
    ro.render = [redact](const eval::Plan& pl, const data::CaseloadData& d, const eval::Scratch& sc, std::string* out) {
      run::RenderJsonl(pl, d, sc, out, redact.get());
    };
    if (options.sink && options.write_header) {
      options.sink(absl::StrCat("{\"provenance\":\"", plan.Provenance(), "\"}\n"));
    }
  }
  run::Summary summary;
  run::RunPlan(p, data, ro, &summary);
  RunSummary out;
  for (std::size_t i = 0; i < summary.programs.size(); ++i) {
    const run::Counts& c = summary.programs[i];
    out.programs.push_back({p.module->programs[i].id, c.eligible, c.ineligible, c.unknown});
  }
  if (ro.group_field >= 0) {
    const ir::Field& f = p.module->fields[static_cast<std::size_t>(ro.group_field)];
    out.groups = p.module->domains[static_cast<std::size_t>(f.type.domain)].values;
    out.groups.push_back("(unknown)");
    for (const auto& g : summary.groups) {
      auto& row = out.by_group.emplace_back();
      for (std::size_t i = 0; i < g.size(); ++i) {
        row.push_back({p.module->programs[i].id, g[i].eligible, g[i].ineligible, g[i].unknown});
      }
    }
  }
  return out;
}

}  // namespace layak
