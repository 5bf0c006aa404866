#include "data/caseload_data.h"

namespace layak::data {

CaseloadData::CaseloadData(const ir::Module& module) : module_(&module) {
  for (Table* t : {&households_, &members_}) {
    t->columns.resize(module.fields.size());
    t->present.assign(module.fields.size(), 0);
  }
  for (std::size_t f = 0; f < module.fields.size(); ++f) {
    const ir::Field& field = module.fields[f];
    Table& t = table(field.scope);
    t.columns[f] = Column(StorageFor(module, field.type));
    if (field.key && field.derive < 0) {
      (field.scope == pack::Scope::kHousehold ? household_key_ : member_key_) = static_cast<int>(f);
    }
  }
}

std::string_view CaseloadData::HouseholdKey(std::size_t h) const {
  if (household_key_ < 0 || !households_.present[static_cast<std::size_t>(household_key_)]) return {};
  const Column& c = households_.columns[static_cast<std::size_t>(household_key_)];
  if (c.storage() != Storage::kString || !c.valid(h)) return {};
  return c.text(h);
}

std::string_view CaseloadData::MemberKey(std::size_t m) const {
  if (member_key_ < 0 || !members_.present[static_cast<std::size_t>(member_key_)]) return {};
  const Column& c = members_.columns[static_cast<std::size_t>(member_key_)];
  if (c.storage() != Storage::kString || !c.valid(m)) return {};
  return c.text(m);
}

std::size_t CaseloadData::MemoryBytes() const {
  std::size_t n = offsets_.capacity() * 8;
  for (const Table* t : {&households_, &members_}) {
    for (const Column& c : t->columns) n += c.MemoryBytes();
  }
  return n;
}

}  // namespace layak::data
