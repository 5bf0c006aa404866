// ParseExpression: checks that need no grammar (length, emptiness,
// unterminated strings) and then runs the X3 grammar (grammar.cc).
#include "expr/parser.h"

#include <algorithm>
#include <cctype>

#include "absl/strings/str_cat.h"

namespace layak::expr {
namespace {

bool IsWordChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

}  // namespace

Span TokenAt(std::string_view text, std::size_t offset) {
  std::size_t n = text.size();
  if (offset >= n) return Span{static_cast<uint32_t>(n), static_cast<uint32_t>(n)};
  std::size_t end = offset;
  char c = text[offset];
  if (std::isdigit(static_cast<unsigned char>(c))) {
    // A number, decimals included: "1.5" is one token, "1..3" is not.
    while (end < n && (std::isdigit(static_cast<unsigned char>(text[end])) || text[end] == '_' ||
                       (text[end] == '.' && end + 1 < n && std::isdigit(static_cast<unsigned char>(text[end + 1]))))) {
      ++end;
    }
  } else if (static_cast<unsigned char>(c) >= 0x80) {
    // A whole UTF-8 character, never half of one.
    ++end;
    while (end < n && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) ++end;
  } else if (IsWordChar(c)) {
    while (end < n && (IsWordChar(text[end]) || (text[end] == '.' && end + 1 < n && IsWordChar(text[end + 1]) &&
                                                 !std::isdigit(static_cast<unsigned char>(c))))) {
      ++end;
    }
  } else if (c == '\'' || c == '"') {
    end = text.find(c, offset + 1);
    end = end == std::string_view::npos ? n : end + 1;
  } else {
    static const char* const kTwoChar[] = {"==", "!=", "<=", ">=", "??", "..", "&&", "||"};
    end = offset + 1;
    for (const char* op : kTwoChar) {
      if (text.substr(offset, 2) == op) end = offset + 2;
    }
  }
  return Span{static_cast<uint32_t>(offset), static_cast<uint32_t>(end)};
}

ParseResult ParseExpression(std::string_view text, const ParseLimits& limits) {
  ParseResult result;
  result.ast.source.assign(text.data(), text.size());
  auto fail = [&](DiagnosticCode code, Span span, std::string message, std::vector<std::string> notes = {}) {
    result.error = SyntaxError{code, span, std::move(message), std::move(notes)};
    return std::move(result);
  };
  // Bracket nesting is measured before the length, so that 10,000 nested
  // parentheses are reported as what they are. The grammar's depth[] guard
  // still bounds every other kind of nesting (not, -, ??, if).
  int depth = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\'' || c == '"') {
      std::size_t close = text.find(c, i + 1);
      if (close == std::string_view::npos) break;  // reported below
      i = close;
    } else if (static_cast<unsigned char>(c) >= 0x80) {
      // X3's ASCII character classes must never see these bytes (they assert).
      Span tok = TokenAt(text, i);
      return fail(DiagnosticCode::kSyntax, tok,
                  absl::StrCat("unexpected character '", std::string(text.substr(tok.begin, tok.end - tok.begin)),
                               "'; names are ASCII letters, digits and '_'"),
                  {"note: text in other scripts belongs inside quotes, as a string"});
    } else if (c == '(' || c == '[') {
      if (++depth > limits.max_depth) {
        return fail(DiagnosticCode::kTooDeep, Span{static_cast<uint32_t>(i), static_cast<uint32_t>(i + 1)},
                    absl::StrCat("expression nested deeper than ", limits.max_depth, " levels"),
                    {"help: split it into named definitions, or raise LoadOptions::max_nesting_depth"});
      }
    } else if (c == ')' || c == ']') {
      depth = std::max(0, depth - 1);
    }
  }
  if (text.size() > limits.max_length) {
    return fail(DiagnosticCode::kTooLong, Span{0, 1},
                absl::StrCat("expression is ", text.size(), " bytes long, more than the limit of ", limits.max_length),
                {"help: split it into named definitions, or raise LoadOptions::max_expression_length"});
  }
  std::size_t first = 0;
  while (first < text.size() && std::isspace(static_cast<unsigned char>(text[first]))) ++first;
  if (first == text.size()) {
    return fail(DiagnosticCode::kEmptyExpression, Span{0, 1}, "empty expression");
  }
  // String literals have no escapes, so an unterminated one is found exactly
  // by a scan; reporting it at its opening quote beats "expected '\''" at the end.
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c != '\'' && c != '"') continue;
    std::size_t close = text.find(c, i + 1);
    if (close == std::string_view::npos) {
      return fail(DiagnosticCode::kUnterminatedString, Span{static_cast<uint32_t>(i), static_cast<uint32_t>(i + 1)},
                  absl::StrCat("unterminated string literal: no closing ", c == '\'' ? "'" : "\""));
    }
    i = close;
  }
  if (std::optional<SyntaxError> err = RunGrammar(result.ast, limits.max_depth)) {
    result.error = std::move(err);
    result.ast.nodes.clear();
    result.ast.root = -1;
  }
  return result;
}

}  // namespace layak::expr
