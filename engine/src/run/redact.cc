// Redaction: which programs read sensitive fields (a walk over the plan's
// registers under each status), and keyed pseudonyms.
#include "run/redact.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <algorithm>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"

namespace layak::run {

Redaction::Redaction(const eval::Plan& plan, std::string key) : plan_(plan), key_(std::move(key)) {
  const ir::Module& m = *plan.module;
  for (const ir::Field& f : m.fields) {
    if (f.sensitive) sensitive_.push_back(f.name);
  }
  withheld_.assign(plan.programs.size(), 0);
  for (std::size_t p = 0; p < plan.programs.size(); ++p) {
    std::vector<int32_t> stack = {plan.programs[p].status};
    std::vector<uint8_t> seen(plan.instrs.size(), 0);
    while (!stack.empty()) {
      int32_t r = stack.back();
      stack.pop_back();
      if (r < 0 || seen[static_cast<std::size_t>(r)]) continue;
      seen[static_cast<std::size_t>(r)] = 1;
      const eval::Instr& i = plan.instr(r);
      if (i.op == eval::POp::kField && m.fields[static_cast<std::size_t>(i.imm)].sensitive) {
        withheld_[p] = 1;
        break;
      }
      for (int32_t a : {i.a, i.b, i.c}) stack.push_back(a);
      for (int32_t a : i.args) stack.push_back(a);
    }
  }
}

std::vector<std::string> Redaction::WithheldPrograms() const {
  std::vector<std::string> out;
  for (std::size_t p = 0; p < withheld_.size(); ++p) {
    if (withheld_[p]) out.push_back(plan_.module->programs[p].id);
  }
  return out;
}

void Redaction::FilterFields(std::vector<std::string>* names) const {
  std::erase_if(*names, [&](const std::string& n) {
    std::string_view field = n;
    if (std::size_t dot = field.rfind('.'); dot != std::string_view::npos) field = field.substr(dot + 1);
    return std::find(sensitive_.begin(), sensitive_.end(), field) != sensitive_.end();
  });
}

std::string Redaction::Id(std::string_view id, std::string_view position) const {
  if (key_.empty() || id.empty()) return std::string(position);
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  HMAC(EVP_sha256(), key_.data(), static_cast<int>(key_.size()), reinterpret_cast<const unsigned char*>(id.data()),
       id.size(), digest, &length);
  // 128 bits: no collision in any caseload, short enough to read.
  return absl::BytesToHexString(absl::string_view(reinterpret_cast<const char*>(digest), 16));
}

}  // namespace layak::run
