// Open Referral HSDS import: a folder of HSDS CSV tables (2.0 names, with
// the 3.0 address.csv and service eligibility columns understood) read into
// layak resources, so that a published service directory can feed referral
// (refer/referral.h) without being retyped as YAML. Internal: there is no
// public header yet; the result is the pack model's `ResourceDecl`.
//
// One resource per service_at_location row ("hsds-<service>@<location>"),
// or per service that has none ("hsds-<service>"). HSDS has no capacity and
// no machine-readable eligibility, so capacity stays unset and no `accepts`
// rule is ever made up: eligibility text is reported in `notes`. Every
// column that is not mapped is listed in `unmapped`, and every row or value
// that could not be used is a note with its file:line, so nothing is dropped
// silently. The column mapping is the table in hsds.cc (kMapped).
#ifndef LAYAK_REFER_HSDS_H_
#define LAYAK_REFER_HSDS_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "pack/pack_model.h"

namespace layak::refer {

// An HSDS dataset read into resources.
struct HsdsImport {
  std::vector<pack::ResourceDecl> resources;  // one per service_at_location (or per service without a location)
  std::vector<std::string> unmapped;          // "service.fees", ..., "funding.csv (not read)": sorted, unique
  std::vector<std::string> notes;             // "location.csv:4: latitude 'abc' is not a number; ..."
};

// Reads the CSV tables in `dir`. `kecamatan` are the pack's kecamatan names:
// an address city/region, a location name or a service_area part naming one
// of them (case-insensitively, "Kecamatan "/"Kec. " allowed before it)
// becomes the resource's kecamatan or catchment, spelled as in the pack.
// A missing folder or required table (organization.csv, service.csv), a
// table without a header row, or an unreadable file is a non-OK status
// naming it; everything else is a note. Never throws.
absl::StatusOr<HsdsImport> ReadHsds(const std::string& dir, const std::vector<std::string>& kecamatan);

// The service name as a layak service id: ASCII letters and digits
// lowercased, every other run of characters one '_' ("Rumah Singgah
// \"Mentari\"" -> "rumah_singgah_mentari").
std::string HsdsSlug(const std::string& name);

}  // namespace layak::refer

#endif  // LAYAK_REFER_HSDS_H_
