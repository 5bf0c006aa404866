// layak/referral.h over refer/referral.h.
#include "layak/referral.h"

#include "api/caseload_impl.h"
#include "api/referral_impl.h"
#include "api/rule_pack_impl.h"
#include "refer/hsds.h"

namespace layak {

absl::StatusOr<ReferralReport> Refer(const Plan& plan, const Caseload& caseload, const ReferralOptions& options) {
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
  out.rows = ToPublicRows(m, data, *r);
  if (options.assign) {
    for (std::size_t i = 0; i < r->resource_id.size(); ++i) {
      out.loads.push_back({r->resource_id[i], r->resource_name[i], r->capacity[i], r->load[i]});
    }
  }
  return out;
}

std::vector<std::string> ReferralInputFields(const Plan& plan) {
  const eval::Plan& p = plan.impl().plan;
  return refer::InputFields(*p.module, p.as_of);
}

std::vector<ReferralRow> ToPublicRows(const ir::Module& m, const data::CaseloadData& data,
                                      const refer::ReferResult& r) {
  std::vector<ReferralRow> rows;
  rows.reserve(r.rows.size());
  for (const refer::Referral& x : r.rows) {
    ReferralRow& row = rows.emplace_back();
    row.household_id = std::string(data.HouseholdKey(x.household));
    row.source_kind = x.from_need ? "need" : "program";
    row.source = x.from_need ? m.needs[static_cast<std::size_t>(x.source)].id
                             : m.programs[static_cast<std::size_t>(x.source)].id;
    row.service = *x.service;
    if (x.resource >= 0) {
      row.resource_id = r.resource_id[static_cast<std::size_t>(x.resource)];
      row.resource_name = r.resource_name[static_cast<std::size_t>(x.resource)];
      row.capacity = r.capacity[static_cast<std::size_t>(x.resource)];
    }
    row.rank = x.rank;
    if (x.distance_km >= 0) row.distance_km = x.distance_km;
    row.status = x.status;
    row.reason = refer::ReasonText(m, r, x);
    row.missing = x.missing;
  }
  return rows;
}

}  // namespace layak
