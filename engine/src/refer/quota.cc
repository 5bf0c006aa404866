#include "refer/quota.h"

#include <algorithm>

namespace layak::refer {

QuotaPools::QuotaPools(const ir::Module& m, const data::CaseloadData& data, int32_t as_of)
    : m_(m), data_(data), as_of_(as_of) {}

const std::string& QuotaPools::KeyField(std::size_t q) const {
  const ir::Param& p = m_.params[static_cast<std::size_t>(m_.quotas[q].param)];
  return m_.fields[static_cast<std::size_t>(p.key_field)].name;
}

const std::string& QuotaPools::Program(std::size_t q) const {
  return m_.programs[static_cast<std::size_t>(m_.quotas[q].program)].id;
}

std::optional<std::string> QuotaPools::Key(std::size_t q, std::size_t row) const {
  const ir::Param& p = m_.params[static_cast<std::size_t>(m_.quotas[q].param)];
  auto f = static_cast<std::size_t>(p.key_field);
  const data::Table& t = data_.table(ir::Scope::kHousehold);
  if (!t.present[f] || !t.columns[f].valid(row)) return std::nullopt;
  const ir::Field& field = m_.fields[f];
  if (field.type.kind == ir::Type::kEnum) {
    const auto& values = m_.domains[static_cast<std::size_t>(field.type.domain)].values;
    auto v = static_cast<std::size_t>(t.columns[f].value(row));
    if (v >= values.size()) return std::nullopt;
    return values[v];
  }
  return std::string(t.columns[f].text(row));
}

int64_t QuotaPools::Places(std::size_t q, const std::string& key, bool* listed) const {
  const ir::Param& p = m_.params[static_cast<std::size_t>(m_.quotas[q].param)];
  const pack::ParamValue* best = nullptr;
  for (const pack::ParamValue& v : p.values) {
    if (v.from <= as_of_ && (best == nullptr || v.from >= best->from)) best = &v;
  }
  *listed = false;
  if (best != nullptr) {
    auto it = std::lower_bound(best->table.begin(), best->table.end(), key,
                               [](const pack::TableEntry& e, const std::string& k) { return e.key < k; });
    if (it != best->table.end() && it->key == key) {
      *listed = true;
      return std::max<int64_t>(it->number, 0);
    }
  }
  if (p.fallback) {
    *listed = true;
    return std::max<int64_t>(p.fallback->number, 0);
  }
  return 0;
}

std::size_t QuotaPools::PoolOf(std::size_t q, const std::string& key) {
  auto [it, fresh] = index_.try_emplace(std::make_pair(q, key), pools_.size());
  if (fresh) {
    Pool pool{q, key, 0, false};
    pool.places = Places(q, key, &pool.listed);
    pools_.push_back(std::move(pool));
  }
  return it->second;
}

}  // namespace layak::refer
