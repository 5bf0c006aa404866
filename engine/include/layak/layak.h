// File: layak/layak.h
// Umbrella header of the layak rules engine: load a rule pack of social-service
// programs, check it, and evaluate caseloads against it.
//
//   #include "layak/layak.h"
//   auto r = layak::LoadRulePack("rules/tuban");
//   if (r.ok() && r->ok()) std::cout << r->pack()->programs().size() << "\n";
#ifndef LAYAK_LAYAK_H_
#define LAYAK_LAYAK_H_

#include "layak/caseload.h"
#include "layak/diagnostic.h"
#include "layak/evaluate.h"
#include "layak/explain.h"
#include "layak/export.h"
#include "layak/live_plan.h"
#include "layak/options.h"
#include "layak/referral.h"
#include "layak/rule_pack.h"
#include "layak/rule_tests.h"
#include "layak/schema.h"
#include "layak/version.h"

#endif  // LAYAK_LAYAK_H_
