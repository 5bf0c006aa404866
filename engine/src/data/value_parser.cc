#include "data/value_parser.h"

#include <charconv>
#include <cstring>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "util/absl_compat.h"
#include "util/civil_date.h"
#include "util/decimal.h"
#include "util/edit_distance.h"

namespace layak::data {

namespace {

std::string_view Trim(std::string_view t) {
  if (t.empty() || (t.front() != ' ' && t.front() != '\t' && t.back() != ' ' && t.back() != '\t' && t.back() != '\r')) {
    return t;  // the common case: nothing to trim
  }
  while (!t.empty() && (t.front() == ' ' || t.front() == '\t')) t.remove_prefix(1);
  while (!t.empty() && (t.back() == ' ' || t.back() == '\t' || t.back() == '\r')) t.remove_suffix(1);
  return t;
}

std::string Shown(std::string_view text) {
  constexpr std::size_t kMax = 60;
  if (text.size() <= kMax) return absl::StrCat("'", util::Sv(text), "'");
  return absl::StrCat("'", util::Sv(text.substr(0, kMax)), "...'");
}

}  // namespace

ValueParser::ValueParser(const ir::Module& module, int field, const Formats& formats)
    : module_(&module), field_(&module.fields[static_cast<std::size_t>(field)]), formats_(formats) {
  if (field_->type.kind == ir::Type::kEnum || field_->type.kind == ir::Type::kSet) {
    const auto& values = module.domains[static_cast<std::size_t>(field_->type.domain)].values;
    for (std::size_t i = 0; i < values.size(); ++i) spellings_[values[i]] = static_cast<int>(i);
    for (const auto& [alias, value] : field_->aliases) {
      for (std::size_t i = 0; i < values.size(); ++i) {
        if (values[i] == value) spellings_[alias] = static_cast<int>(i);
      }
    }
    if (spellings_.size() <= 24) {
      // Declared values first, in order: the common spellings are found first.
      for (std::size_t i = 0; i < values.size(); ++i) small_.emplace_back(values[i], static_cast<int>(i));
      for (const auto& [alias, index] : spellings_) {
        if (alias != values[static_cast<std::size_t>(index)]) small_.emplace_back(alias, index);
      }
      for (std::size_t k = 0; k < small_.size(); ++k) {
        buckets_[Bucket(small_[k].first)].push_back(static_cast<uint16_t>(k));
      }
    }
  }
}

int ValueParser::LookUp(std::string_view t) const {
  if (!small_.empty()) {
    const auto& bucket = buckets_[Bucket(t)];
    for (uint16_t k : bucket) {
      const auto& [spelling, index] = small_[k];
      if (spelling.size() == t.size() && std::memcmp(spelling.data(), t.data(), t.size()) == 0) return index;
    }
    return -1;
  }
  auto it = spellings_.find(util::Sv(t));
  return it == spellings_.end() ? -1 : it->second;
}

std::string ValueParser::Expected() const {
  switch (field_->type.kind) {
    case ir::Type::kBool:
      return "a bool (true/false, 1/0, ya/tidak)";
    case ir::Type::kInt:
      return "an int";
    case ir::Type::kNumber:
      return formats_.decimal_comma ? "a number (decimal comma)" : "a number";
    case ir::Type::kDate:
      return formats_.day_first ? "a date (YYYY-MM-DD or DD/MM/YYYY)" : "a date (YYYY-MM-DD)";
    case ir::Type::kEnum:
    case ir::Type::kSet: {
      const auto& values = module_->domains[static_cast<std::size_t>(field_->type.domain)].values;
      std::string list = absl::StrJoin(values.begin(), values.begin() + std::min<std::size_t>(values.size(), 12), ", ");
      if (values.size() > 12) absl::StrAppend(&list, ", ...");
      return field_->type.kind == ir::Type::kEnum ? absl::StrCat("one of ", list)
                                                  : absl::StrCat("values joined by '|' from ", list);
    }
    case ir::Type::kString:
      return "text";
  }
  return "a value";
}

bool ValueParser::ParseBool(std::string_view t, int64_t* out) const {
  if (t == "true") {  // the common spellings first, without case folding
    *out = 1;
    return true;
  }
  if (t == "false") {
    *out = 0;
    return true;
  }
  if (t == "1" || absl::EqualsIgnoreCase(util::Sv(t), "true") || absl::EqualsIgnoreCase(util::Sv(t), "ya")) {
    *out = 1;
    return true;
  }
  if (t == "0" || absl::EqualsIgnoreCase(util::Sv(t), "false") || absl::EqualsIgnoreCase(util::Sv(t), "tidak")) {
    *out = 0;
    return true;
  }
  for (const auto& s : formats_.true_spellings) {
    if (absl::EqualsIgnoreCase(util::Sv(t), s)) {
      *out = 1;
      return true;
    }
  }
  for (const auto& s : formats_.false_spellings) {
    if (absl::EqualsIgnoreCase(util::Sv(t), s)) {
      *out = 0;
      return true;
    }
  }
  return false;
}

bool ValueParser::ParseInt(std::string_view t, int64_t* out) const {
  if (!t.empty() && t.front() == '+') t.remove_prefix(1);
  auto [ptr, ec] = std::from_chars(t.data(), t.data() + t.size(), *out);
  return ec == std::errc() && ptr == t.data() + t.size() && !t.empty();
}

bool ValueParser::ParseNumber(std::string_view t, int64_t* out, std::string* why) const {
  bool negative = false;
  if (!t.empty() && (t.front() == '-' || t.front() == '+')) {
    negative = t.front() == '-';
    t.remove_prefix(1);
  }
  char point = formats_.decimal_comma ? ',' : '.';
  std::size_t dot = t.find(point);
  std::string_view whole = t.substr(0, dot);
  std::string_view frac = dot == std::string_view::npos ? std::string_view() : t.substr(dot + 1);
  if (whole.empty() || (dot != std::string_view::npos && frac.empty())) return false;
  uint64_t w = 0;
  auto [p1, e1] = std::from_chars(whole.data(), whole.data() + whole.size(), w);
  if (e1 != std::errc() || p1 != whole.data() + whole.size()) {
    if (e1 == std::errc::result_out_of_range) *why = "too large";
    return false;
  }
  if (frac.size() > 6) {
    *why = "more than 6 decimal places";
    return false;
  }
  int64_t f = 0;
  for (char c : frac) {
    if (c < '0' || c > '9') return false;
    f = f * 10 + (c - '0');
  }
  for (std::size_t i = frac.size(); i < 6; ++i) f *= 10;
  if (w > static_cast<uint64_t>(INT64_MAX / util::kDecimalScale) - 1) {
    *why = "too large";
    return false;
  }
  int64_t v = static_cast<int64_t>(w) * util::kDecimalScale + f;
  *out = negative ? -v : v;
  return true;
}

bool ValueParser::ParseDate(std::string_view t, int64_t* out, std::string* why) const {
  if (auto d = util::ParseIsoDate(t)) {
    *out = *d;
    return true;
  }
  if (formats_.day_first && t.size() == 10 && t[2] == '/' && t[5] == '/') {
    std::string iso =
        absl::StrCat(util::Sv(t.substr(6, 4)), "-", util::Sv(t.substr(3, 2)), "-", util::Sv(t.substr(0, 2)));
    if (auto d = util::ParseIsoDate(iso)) {
      *out = *d;
      return true;
    }
    *why = "a date that does not exist";
    return false;
  }
  // Well-formed but not a calendar day (2023-02-30): say so.
  if (t.size() == 10 && t[4] == '-' && t[7] == '-') *why = "a date that does not exist";
  return false;
}

bool ValueParser::CheckRange(int64_t v, std::string_view text, std::string* error) const {
  if (!field_->min && !field_->max) return true;
  if ((!field_->min || v >= *field_->min) && (!field_->max || v <= *field_->max)) return true;
  auto show = [&](int64_t b) {
    if (field_->type.kind == ir::Type::kNumber) return util::FormatScaledDecimal(b);
    if (field_->type.kind == ir::Type::kDate) return util::FormatIsoDate(static_cast<int32_t>(b));
    return absl::StrCat(b);
  };
  if (field_->min && v < *field_->min) {
    *error = absl::StrCat(Shown(text), " is below the minimum ", show(*field_->min), " of '", field_->name, "'");
    return false;
  }
  if (field_->max && v > *field_->max) {
    *error = absl::StrCat(Shown(text), " is above the maximum ", show(*field_->max), " of '", field_->name, "'");
    return false;
  }
  return true;
}

CellResult ValueParser::Parse(std::string_view text, int64_t* out, std::string* error) const {
  std::string_view t = field_->type.kind == ir::Type::kString ? text : Trim(text);
  if (t.empty()) return CellResult::kUnknown;
  if (field_->type.kind == ir::Type::kEnum) {  // the most common cell: no error path set-up
    int i = LookUp(t);
    if (i >= 0) {
      *out = i;
      return CellResult::kValue;
    }
  }
  std::string why;
  bool ok = false;
  switch (field_->type.kind) {
    case ir::Type::kBool:
      ok = ParseBool(t, out);
      break;
    case ir::Type::kInt:
      ok = ParseInt(t, out);
      break;
    case ir::Type::kNumber:
      ok = ParseNumber(t, out, &why);
      break;
    case ir::Type::kDate:
      ok = ParseDate(t, out, &why);
      break;
    case ir::Type::kEnum: {
      int i = LookUp(t);
      ok = i >= 0;
      *out = i;
      if (!ok) why = "not a declared value";
      break;
    }
    case ir::Type::kSet: {
      uint64_t mask = 0;
      ok = true;
      if (t != "{}") {
        while (ok) {
          std::size_t bar = t.find('|');
          std::string_view part = Trim(t.substr(0, bar));
          int i = LookUp(part);
          if (i < 0) {
            ok = false;
            why = absl::StrCat(Shown(part), " is not a declared value");
            break;
          }
          mask |= uint64_t{1} << i;
          if (bar == std::string_view::npos) break;
          t.remove_prefix(bar + 1);
        }
      }
      *out = static_cast<int64_t>(mask);
      break;
    }
    case ir::Type::kString:
      *out = 0;
      return CellResult::kValue;
  }
  if (!ok) {
    if (why == "a date that does not exist") {
      *error = absl::StrCat(Shown(text), " is not a real calendar day ('", field_->name, "' is a date)");
      return CellResult::kError;
    }
    if (field_->type.kind == ir::Type::kEnum) {
      const auto& values = module_->domains[static_cast<std::size_t>(field_->type.domain)].values;
      *error = absl::StrCat(
          Shown(text), " is not a value of '", field_->name, "' (", Expected(), ")",
          util::ClosestMatch(t, values).empty() ? "" : "; did you mean '" + util::ClosestMatch(t, values) + "'?");
      return CellResult::kError;
    }
    *error = absl::StrCat(Shown(text), " is not ", Expected());
    if (!why.empty()) absl::StrAppend(error, " (", why, ")");
    absl::StrAppend(error, " for '", field_->name, "'");
    return CellResult::kError;
  }
  if (!CheckRange(*out, text, error)) return CellResult::kError;
  return CellResult::kValue;
}

}  // namespace layak::data
