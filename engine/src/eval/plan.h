// The compiled plan: the typed IR of a pack, for one as-of date, as a flat
// list of instructions in dependency order. Every instruction writes one
// register (a column of values and known bytes for the rows of a batch, at
// household or member scope); a sub-expression shared between programs is one
// instruction. Parameters, `as_of` and programs out of force are constants by
// now. Immutable once built, shared by all threads.
#ifndef LAYAK_EVAL_PLAN_H_
#define LAYAK_EVAL_PLAN_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "ir/ir.h"

namespace layak::eval {

using pack::Scope;

// Plan operations: the IR's, minus parameters and as_of (constants now),
// plus the two the plan adds.
enum class POp : uint8_t {
  kConst,      // imm (strings: an index into Plan::strings)
  kField,      // imm = field index
  kBroadcast,  // a: a household register, copied to each member row
  kStatus,     // Kleene AND of the clause registers in args
  kNot,
  kAnd,
  kOr,
  kIf,
  kDefault,
  kKnown,
  kEq,
  kNe,
  kLt,
  kLe,
  kGt,
  kGe,
  kInList,  // a = x; list = constants
  kInRange,
  kInSet,
  kAdd,
  kSub,
  kMul,
  kDiv,
  kMod,
  kNeg,
  kToNumber,
  kAny,
  kAll,
  kNone,
  kCount,
  kCountMembers,
  kSum,
  kMinOf,
  kMaxOf,
  kSumTop,  // a = value, imm = k
  kCountTrue,
  kYearsBetween,
  kMonthsBetween,
  kDaysBetween,
  kMin,
  kMax,
  kAbs,
  kRound,
  kFloor,
  kCeil,
  kLookup,  // a = the key register, imm = index into Plan::lookups
};

// A table parameter fixed on the as-of date: its value per key value.
struct Lookup {
  int32_t param = -1;
  bool by_enum = false;
  std::vector<int64_t> enum_value;  // by enum index
  std::vector<uint8_t> enum_known;
  absl::flat_hash_map<std::string, int64_t> text_value;  // string keys
  bool has_fallback = false;
  int64_t fallback = 0;
};

// One instruction; its register has the same index.
struct Instr {
  POp op = POp::kConst;
  Scope scope = Scope::kHousehold;
  ir::TypeRef type;
  bool interval = false;  // counts: the register also holds an upper bound
  int32_t a = -1, b = -1, c = -1;
  std::vector<int32_t> args;  // kStatus, kCountTrue: registers
  std::vector<int64_t> list;  // kInList: constant elements
  int64_t imm = 0;
  ir::NodeId node = -1;  // the IR node, for explanations; -1 for plan-made
  int32_t program = -1;  // kStatus: the program; kEligible reads become its register
};

// A program in the plan.
struct PlanProgram {
  int32_t index = -1;  // in the module's programs (pack order)
  Scope unit = Scope::kHousehold;
  bool in_force = true;
  int32_t status = -1;           // register
  std::vector<int32_t> clauses;  // registers, in criteria order (empty when not in force)
  int32_t benefit = -1;          // register or -1
};

// A compiled plan. (clang-tidy 14 reports a reserved '__i0' on the implicit
// members of this class, a false positive.)
class Plan {  // NOLINT(bugprone-reserved-identifier)
 public:
  const ir::Module* module = nullptr;
  uint64_t id = 0;    // unique per compilation: scratch reused across calls is keyed by it, not by address
  int32_t as_of = 0;  // days since the epoch
  std::vector<Instr> instrs;
  std::vector<PlanProgram> programs;   // pack order
  std::vector<std::string> strings;    // string constants
  std::vector<Lookup> lookups;         // table parameters
  std::vector<uint8_t> field_used[2];  // per scope, per field: read by an instruction
  int max_list = 0;                    // longest in-list, for scratch sizing
  std::vector<int32_t> roots;          // registers of the extra roots asked for
  // Per instruction: a program status or an extra root depends on it.
  // Counting runs and referral skip the rest (benefits), as neither shows a
  // benefit.
  std::vector<uint8_t> for_status;

  const Instr& instr(int32_t r) const { return instrs[static_cast<std::size_t>(r)]; }
};

// A string value in a register: a constant (source 0) or a row of a string
// field's column (source field + 1).
inline int64_t StringHandle(int64_t source, int64_t index) { return (source << 40) | index; }
inline int64_t StringSource(int64_t handle) { return handle >> 40; }
inline int64_t StringIndex(int64_t handle) { return handle & ((int64_t{1} << 40) - 1); }

// Compiles `module` for evaluation on `as_of` (days since the epoch). Fails
// when an in-force program reads a parameter that has no value on that date
// (the message names both).
// `roots` are further nodes (household scope) to evaluate, e.g. definitions
// under test; their registers are Plan::roots.
// `overrides` replace a parameter's values on every date (what-if runs and
// rule tests), keyed by parameter index; values of the parameter's type.
using ParamOverrides = absl::flat_hash_map<int64_t, pack::ParamValue>;
absl::StatusOr<Plan> CompilePlan(const ir::Module& module, int32_t as_of, const std::vector<ir::NodeId>& roots = {},
                                 const ParamOverrides& overrides = {});

// The register's name in dumps and tests.
const char* POpName(POp op);

}  // namespace layak::eval

#endif  // LAYAK_EVAL_PLAN_H_
