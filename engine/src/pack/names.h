// Names the expression language reserves; no field, definition or
// parameter may take one.
#ifndef LAYAK_PACK_NAMES_H_
#define LAYAK_PACK_NAMES_H_

#include <string_view>

namespace layak::pack {

// True for keywords, their Indonesian aliases and the reserved names
// (members, params, household, member, as_of).
bool IsReservedName(std::string_view name);

// True for a valid identifier: a letter or '_' then letters, digits, '_'.
bool IsIdentifier(std::string_view name);

}  // namespace layak::pack

#endif  // LAYAK_PACK_NAMES_H_
