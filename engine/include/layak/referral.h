// File: layak/referral.h
// Referring households to community resources: for each household, the
// services its needs and eligible programs call for, the resources offering
// them that serve its place and accept it (an `accepts` rule that is unknown
// for the household is listed with the facts that would decide it), ranked
// by distance and free capacity. With assignment, a whole caseload is placed
// under each resource's capacity (urgent first, then by program priority,
// least total distance within that), the rest on a waiting list with why.
//
//   auto report = layak::Refer(*plan, caseload, {.assign = true});
//   for (const auto& r : report->rows) std::cout << r.household_id << " " << r.resource_id << "\n";
#ifndef LAYAK_REFERRAL_H_
#define LAYAK_REFERRAL_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "layak/caseload.h"
#include "layak/evaluate.h"

namespace layak {

// How to refer.
struct ReferralOptions {
  int top = 3;          // ranked resources per service (without assignment)
  int threads = 0;      // households ranked on this many threads (0: the cores available); same result whatever it is
  bool assign = false;  // place every demand under capacity, or put it on the waiting list
  // An Open Referral HSDS dataset (a folder of CSV tables) whose services join
  // the pack's resources; their service names, slugified, are the service ids.
  std::string resources_hsds;
};

// One referral row.
struct ReferralRow {
  std::string household_id;
  std::string source_kind;  // "need" or "program"
  std::string source;       // the need or program id
  std::string service;
  std::string resource_id, resource_name;  // empty when there is none
  int64_t capacity = -1;                   // the resource's places; -1 when not limited or none
  int rank = 0;                            // 1-based by distance within the service; 0 without a resource
  std::optional<double> distance_km;
  std::string status;  // candidate, unknown, none; with assignment: assigned, waiting
  std::string reason;
  std::vector<std::string> missing;  // facts that would decide an unknown
};

// Places used per resource, with assignment.
struct ResourceLoad {
  std::string id, name;
  int64_t capacity = -1;  // -1: not limited
  int64_t used = 0;
};

// Every row (households in input order) and, with assignment, the loads.
struct ReferralReport {
  std::vector<ReferralRow> rows;
  std::vector<ResourceLoad> loads;
  // With an HSDS import: how many resources it gave, every column or table it
  // did not map ("service.fees"), and every row or value it could not use.
  std::size_t hsds_resources = 0;
  std::vector<std::string> hsds_unmapped, hsds_notes;
};

// The input fields a referral run reads: those of the programs, the needs,
// the resources' accepts rules and priorities, and the household's place.
std::vector<std::string> ReferralInputFields(const Plan& plan);

// Refers every household of `caseload` on the plan's as-of date. Thread-safe:
// plan and caseload are only read. Fails when the caseload was read for
// another pack, or the HSDS folder or one of its required tables cannot be read.
absl::StatusOr<ReferralReport> Refer(const Plan& plan, const Caseload& caseload, const ReferralOptions& options = {});

// Refers like Refer but hands the rows to `sink` one at a time, in the same
// order, instead of keeping them (the report's rows stay empty): a caseload's
// millions of rows are written out without all existing at once as strings.
// The row passed is reused between calls; copy what is kept.
absl::StatusOr<ReferralReport> ReferEach(const Plan& plan, const Caseload& caseload, const ReferralOptions& options,
                                         const std::function<void(const ReferralRow&)>& sink);

}  // namespace layak

#endif  // LAYAK_REFERRAL_H_
