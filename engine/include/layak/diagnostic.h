// File: layak/diagnostic.h
// Diagnostics about a rule pack, in the format compilers use:
//
//   rules/tuban/programs/pkh.yaml:12:26: error[E0403]: 'brat' is not a value of enum field 'disability'
//      12 |     when: "disability == 'brat'"
//         |                          ^~~~~~
//      = help: did you mean 'berat'?
//
// Codes are stable: tools and tests may match on them. Lines and columns are
// 1-based; a column counts bytes of the line.
#ifndef LAYAK_DIAGNOSTIC_H_
#define LAYAK_DIAGNOSTIC_H_

#include <string>
#include <vector>

namespace layak {

// How bad a diagnostic is. Only errors make a pack unusable.
enum class Severity { kError, kWarning, kNote };

// Stable diagnostic codes, rendered as E0101 ... Grouped by hundreds:
// 1xx files and YAML, 2xx expression syntax, 3xx names, 4xx types,
// 5xx pack structure, 6xx lint.
enum class DiagnosticCode : int {
  kYamlSyntax = 101,          // the YAML file does not parse
  kFileRead = 102,            // a file cannot be read, is too large, or grows too much through YAML aliases
  kDuplicateKey = 103,        // a key repeated inside one YAML mapping
  kUnknownKey = 104,          // a key the pack format does not know
  kWrongNodeKind = 105,       // a mapping, list or scalar where another was expected
  kMissingKey = 106,          // a required key is absent
  kBadValue = 107,            // a scalar that is not a valid value for its key
  kDuplicateName = 108,       // a field, parameter, definition or id defined twice
  kTooManyDiagnostics = 109,  // the diagnostic cap was reached; the rest are counted

  kSyntax = 201,              // the expression does not parse: what was expected, what was found
  kUnterminatedString = 202,  // a string literal without its closing quote
  kBadNumber = 203,           // an integer too large, or more than six decimals
  kChainedComparison = 204,   // `a < b < c`: comparisons do not chain
  kTooDeep = 205,             // nesting deeper than LoadOptions::max_nesting_depth
  kTooLong = 206,             // expression longer than LoadOptions::max_expression_length
  kRangeOutsideIn = 207,      // `a..b` anywhere but on the right of `in`
  kBadDate = 208,             // date("...") that is malformed or does not exist
  kEmptyExpression = 209,     // an empty expression string

  kUnknownName = 301,               // a name that resolves to nothing
  kMemberOutsideQuantifier = 302,   // a member field at household scope
  kUnknownFunction = 303,           // a call to a function that does not exist
  kUnknownParameter = 304,          // params.X with no parameter X
  kUnknownProgram = 305,            // eligible("X") with no program X
  kReservedName = 306,              // a field or definition named like a keyword or reserved name
  kDefinitionCycle = 307,           // definitions (or derived fields) that depend on themselves
  kProgramCycle = 308,              // eligible() references that form a cycle
  kMemberProgramAtHousehold = 309,  // a member-level program's result read at household scope
  kNestedQuantifier = 310,          // a quantifier inside another quantifier
  kMisplacedMembers = 311,          // `members` anywhere but as a quantifier's first argument

  kTypeMismatch = 401,      // an operand of the wrong type
  kArgumentCount = 402,     // a call with the wrong number of arguments
  kUnknownEnumValue = 403,  // a literal that is not one of an enum's or set's declared values
  kEmptyRange = 404,        // a range whose low bound exceeds its high bound
  kNotConstant = 405,       // a list element or range bound that is not a constant or parameter
  kUnorderedType = 406,     // <, <=, >, >= on a type without order (enum, bool, string, set)
  kBranchMismatch = 407,    // `if` branches or `??` operands of different types
  kListOutsideIn = 408,     // a list literal outside `in` and count_true
  kBadArgument = 409,       // an argument of the right type but an invalid value (sum_top k <= 0)

  kBadFieldType = 501,       // a schema field with an unknown type
  kBadFieldOption = 502,     // min/max/values/key on a type that cannot have them, or min > max
  kKeyField = 503,           // a scope with more than one key field, or a key of the wrong type
  kFieldNameClash = 504,     // a member field with a household field's name
  kBadParameter = 505,       // a parameter without values, or with values of mixed types
  kBadUnit = 506,            // a program unit other than household or member
  kDuplicateId = 507,        // a program, clause, need, resource or test id used twice
  kBadValidWindow = 508,     // a valid window whose `from` is after its `to`
  kBadTest = 509,            // a test naming an unknown program, field or status, or a value its field cannot hold
  kPackMetadata = 510,       // a missing or repeated `pack:` block, or an `extends` naming no pack or making a cycle
  kParameterOverride = 511,  // (note) a layer overrides a parameter of a pack it extends

  // 6xx: `layak check --lint` warnings.
  kLintNeverTrue = 601,         // a clause that no values within the schema's ranges can make true
  kLintNeverFalse = 602,        // a clause that no values within the schema's ranges can make false
  kLintSameProgram = 603,       // a program with the same criteria and benefit as an earlier one
  kLintUnusedParameter = 604,   // a parameter no rule reads
  kLintUnusedDefinition = 605,  // a definition no rule uses
  kLintProtectedField = 606,    // a criterion reading a protected field without a justification
  kLintNoSource = 607,          // a clause citing no source
};

// Where a diagnostic points: 1-based line and column, and how many bytes to underline.
struct SourceLocation {
  std::string file;
  int line = 0;  // 0 when the diagnostic is about a whole file
  int column = 0;
  int length = 1;
};

// One finding about a pack, with the source line it points into.
struct Diagnostic {
  Severity severity = Severity::kError;
  DiagnosticCode code = DiagnosticCode::kSyntax;
  std::string message;
  SourceLocation location;
  std::string source_line;         // the text of location.line, without its newline
  std::vector<std::string> notes;  // "help: did you mean 'berat'?" and the like
};

// "E0403" for kUnknownEnumValue.
std::string CodeString(DiagnosticCode code);

// "error", "warning" or "note".
const char* SeverityName(Severity severity);

// Renders one diagnostic: the header line, the source line with a caret and
// tildes under the offending token, then the notes. Ends with a newline.
std::string FormatDiagnostic(const Diagnostic& diagnostic);

// Renders every diagnostic in order. Never fails; pure functions of their input.
std::string FormatDiagnostics(const std::vector<Diagnostic>& diagnostics);

}  // namespace layak

#endif  // LAYAK_DIAGNOSTIC_H_
