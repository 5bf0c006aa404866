// ParseExpression: expression text -> AST (ast.h) or one syntax error with its
// span. Limits (length, nesting depth) come from layak::LoadOptions.
#ifndef LAYAK_EXPR_PARSER_H_
#define LAYAK_EXPR_PARSER_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "expr/ast.h"
#include "layak/diagnostic.h"

namespace layak::expr {

// Limits applied while parsing one expression.
struct ParseLimits {
  std::size_t max_length = 4096;
  int max_depth = 64;
};

// A syntax error: the code, the span it points at, and its message and notes.
struct SyntaxError {
  DiagnosticCode code = DiagnosticCode::kSyntax;
  Span span;
  std::string message;
  std::vector<std::string> notes;
};

// The AST when the text parsed, otherwise the first syntax error.
struct ParseResult {
  Ast ast;
  std::optional<SyntaxError> error;
  bool ok() const { return !error.has_value(); }
};

// Parses one expression. Never throws; never recurses deeper than
// limits.max_depth levels of nesting.
ParseResult ParseExpression(std::string_view text, const ParseLimits& limits = {});

// Used by the parser and its grammar: runs the X3 grammar over ast.source,
// filling ast.nodes and ast.root. Defined in grammar.cc, the one file that
// sees Spirit X3 and its exceptions.
std::optional<SyntaxError> RunGrammar(Ast& ast, int max_depth);

// The token starting at `offset` of `text` (an identifier, number, string,
// operator or single character), for "found 'x'" messages. Empty at the end.
Span TokenAt(std::string_view text, std::size_t offset);

}  // namespace layak::expr

#endif  // LAYAK_EXPR_PARSER_H_
