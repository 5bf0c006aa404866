#include "data/caseload_data.h"

namespace layak::data {

int KeyField(const ir::Module& module, pack::Scope scope) {
  for (std::size_t f = 0; f < module.fields.size(); ++f) {
    const ir::Field& field = module.fields[f];
    if (field.scope == scope && field.key && field.derive < 0) return static_cast<int>(f);
  }
  return -1;
}

CaseloadData::CaseloadData(const ir::Module& module)
    : module_(&module),
      household_key_(KeyField(module, pack::Scope::kHousehold)),
      member_key_(KeyField(module, pack::Scope::kMember)) {
  for (Table* t : {&households_, &members_}) {
    t->columns.resize(module.fields.size());
    t->present.assign(module.fields.size(), 0);
  }
  for (std::size_t f = 0; f < module.fields.size(); ++f) {
    const ir::Field& field = module.fields[f];
    Table& t = table(field.scope);
    t.columns[f] = Column(StorageFor(module, field.type));
  }
}

std::string_view CaseloadData::HouseholdKey(std::size_t h) const {
  if (household_key_ < 0 || !households_.present[static_cast<std::size_t>(household_key_)]) return {};
  const Column& c = households_.columns[static_cast<std::size_t>(household_key_)];
  if (c.storage() != Storage::kString || !c.valid(h)) return {};
  return c.text(h);
}

}  // namespace layak::data
