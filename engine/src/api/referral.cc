// layak/referral.h over refer/referral.h.
#include "layak/referral.h"

#include "api/caseload_impl.h"
#include "api/referral_impl.h"
#include "api/rule_pack_impl.h"
#include "refer/hsds.h"

namespace layak {

absl::StatusOr<ReferralReport> Refer(const Plan& plan, const Caseload& caseload, const ReferralOptions& options) {
  std::vector<ReferralRow> rows;
  auto report = ReferEach(plan, caseload, options, [&rows](const ReferralRow& row) { rows.push_back(row); });
  if (report.ok()) report->rows = std::move(rows);
  return report;
}

absl::StatusOr<ReferralReport> ReferEach(const Plan& plan, const Caseload& caseload, const ReferralOptions& options,
                                         const std::function<void(const ReferralRow&)>& sink) {
  const eval::Plan& p = plan.impl().plan;
  const data::CaseloadData& data = *caseload.impl().data;
  if (&data.module() != p.module) {
    return absl::InvalidArgumentError("the caseload was read for another pack than the plan's");
  }
  const ir::Module& m = *p.module;
  refer::ReferOptions o;
  o.as_of = p.as_of;
  o.top = options.top;
  o.threads = options.threads;
  o.assign = options.assign;
  ReferralReport out;
  std::vector<pack::ResourceDecl> extra;
  if (!options.resources_hsds.empty()) {
    std::vector<std::string> kecamatan;
    int kec = m.FindField("kecamatan", ir::Scope::kHousehold);
    if (kec >= 0 && m.fields[static_cast<std::size_t>(kec)].type.kind == ir::Type::kEnum) {
      kecamatan = m.domains[static_cast<std::size_t>(m.fields[static_cast<std::size_t>(kec)].type.domain)].values;
    }
    auto hsds = refer::ReadHsds(options.resources_hsds, kecamatan);
    if (!hsds.ok()) return hsds.status();
    extra = std::move(hsds->resources);
    out.hsds_resources = extra.size();
    out.hsds_unmapped = std::move(hsds->unmapped);
    out.hsds_notes = std::move(hsds->notes);
  }
  auto r = refer::Refer(m, plan.pack().impl().model, data, o, extra);
  if (!r.ok()) return r.status();
  if (options.assign) {
    for (std::size_t i = 0; i < r->resource_id.size(); ++i) {
      out.loads.push_back({r->resource_id[i], r->resource_name[i], r->capacity[i], r->load[i]});
    }
  }
  ReferralRow row;
  refer::ForEachRow(*r, [&](const refer::Referral& x) {
    ToPublicRow(m, data, *r, x, &row);
    sink(row);
  });
  return out;
}

std::vector<std::string> ReferralInputFields(const Plan& plan) {
  const eval::Plan& p = plan.impl().plan;
  return refer::InputFields(*p.module, p.as_of);
}

void ToPublicRow(const ir::Module& m, const data::CaseloadData& data, const refer::ReferResult& r,
                 const refer::Referral& x, ReferralRow* row) {
  row->household_id = data.HouseholdKey(x.household);
  row->source_kind = x.from_need ? "need" : "program";
  row->source =
      x.from_need ? m.needs[static_cast<std::size_t>(x.source)].id : m.programs[static_cast<std::size_t>(x.source)].id;
  row->service = *x.service;
  row->resource_id.clear();
  row->resource_name.clear();
  row->capacity = -1;
  if (x.resource >= 0) {
    row->resource_id = r.resource_id[static_cast<std::size_t>(x.resource)];
    row->resource_name = r.resource_name[static_cast<std::size_t>(x.resource)];
    row->capacity = r.capacity[static_cast<std::size_t>(x.resource)];
  }
  row->rank = x.rank;
  row->distance_km.reset();
  if (x.distance_km >= 0) row->distance_km = x.distance_km;
  row->status = x.status;
  refer::ReasonText(m, r, x, &row->reason);
  const std::vector<std::string>& missing = refer::MissingOf(r, x);
  row->missing.assign(missing.begin(), missing.end());
}

std::vector<ReferralRow> ToPublicRows(const ir::Module& m, const data::CaseloadData& data,
                                      const refer::ReferResult& r) {
  std::vector<ReferralRow> rows;
  refer::ForEachRow(r, [&](const refer::Referral& x) { ToPublicRow(m, data, r, x, &rows.emplace_back()); });
  return rows;
}

}  // namespace layak
