// The expression grammar in Boost.Spirit X3. Semantic actions build the flat
// AST directly (no intermediate X3 attribute tree); a `depth[]` directive
// bounds recursion. This is the only file that sees X3 and its exceptions.
// Entry point: RunGrammar (parser.h).
#include <boost/spirit/home/x3.hpp>

#include "absl/strings/str_cat.h"
#include "expr/parser.h"
#include "util/civil_date.h"
#include "util/decimal.h"

namespace layak::expr {
namespace {

namespace x3 = boost::spirit::x3;
using It = const char*;
using Range = boost::iterator_range<It>;

// Thrown by semantic actions and the depth guard; caught in RunGrammar.
struct GrammarThrow {
  SyntaxError error;
};

// Shared by all actions of one parse, reached through x3::with<StateTag>.
struct GrammarState {
  Ast* ast;
  const char* base;
  int depth = 0;
  int max_depth;
  // Start of each construct being parsed under mark[]: X3 1.74's _where()
  // holds only the end of a match, so starts are kept here.
  std::vector<const char*> starts = {};

  Span SpanOf(It b, It e) const {
    while (b < e && std::isspace(static_cast<unsigned char>(*b))) ++b;
    return Span{static_cast<uint32_t>(b - base), static_cast<uint32_t>(e - base)};
  }
  NodeIndex Add(Node n) {
    ast->nodes.push_back(std::move(n));
    return static_cast<NodeIndex>(ast->nodes.size() - 1);
  }
  Span Cover(NodeIndex a, NodeIndex b) const { return Span{ast->nodes[a].span.begin, ast->nodes[b].span.end}; }
  NodeIndex Binary(Op op, NodeIndex lhs, NodeIndex rhs) {
    Node n;
    n.kind = NodeKind::kBinary;
    n.op = op;
    n.span = Cover(lhs, rhs);
    n.children = {lhs, rhs};
    return Add(std::move(n));
  }
  [[noreturn]] void Fail(DiagnosticCode code, Span span, std::string message,
                         std::vector<std::string> notes = {}) const {
    throw GrammarThrow{SyntaxError{code, span, std::move(message), std::move(notes)}};
  }
};
struct StateTag;

template <typename Ctx>
GrammarState& State(Ctx& ctx) {
  return x3::get<StateTag>(ctx).get();
}

// depth[p]: parses p one nesting level deeper; beyond the limit, an E0205 error.
template <typename Subject>
struct DepthDirective : x3::unary_parser<Subject, DepthDirective<Subject>> {
  using base_type = x3::unary_parser<Subject, DepthDirective<Subject>>;
  static bool const is_pass_through_unary = true;
  using base_type::base_type;

  template <typename Iterator, typename Ctx, typename RCtx, typename Attr>
  bool parse(Iterator& first, Iterator const& last, Ctx const& ctx, RCtx& rctx, Attr& attr) const {
    GrammarState& st = x3::get<StateTag>(ctx).get();
    if (st.depth >= st.max_depth) {
      Iterator at_token = first;
      while (at_token != last && std::isspace(static_cast<unsigned char>(*at_token))) ++at_token;
      Span at = TokenAt(st.ast->source, static_cast<std::size_t>(at_token - st.base));
      if (at.end == at.begin) at.end = at.begin + 1;
      st.Fail(DiagnosticCode::kTooDeep, at, absl::StrCat("expression nested deeper than ", st.max_depth, " levels"),
              {"help: split it into named definitions, or raise LoadOptions::max_nesting_depth"});
    }
    ++st.depth;
    bool ok = this->subject.parse(first, last, ctx, rctx, attr);
    --st.depth;
    return ok;
  }
};
// Makes `name[p]` build a Directive<p> (X3's directive generator pattern).
template <template <typename> class Directive>
struct DirectiveGen {
  template <typename Subject>
  Directive<typename x3::extension::as_parser<Subject>::value_type> operator[](Subject const& subject) const {
    return {x3::as_parser(subject)};
  }
};
DirectiveGen<DepthDirective> const depth = {};

// mark[p]: records where p starts (after skipping spaces), for Here().
template <typename Subject>
struct MarkDirective : x3::unary_parser<Subject, MarkDirective<Subject>> {
  using base_type = x3::unary_parser<Subject, MarkDirective<Subject>>;
  static bool const is_pass_through_unary = true;
  using base_type::base_type;

  template <typename Iterator, typename Ctx, typename RCtx, typename Attr>
  bool parse(Iterator& first, Iterator const& last, Ctx const& ctx, RCtx& rctx, Attr& attr) const {
    GrammarState& st = x3::get<StateTag>(ctx).get();
    Iterator const save = first;
    x3::skip_over(first, last, ctx);
    st.starts.push_back(first);
    bool ok = this->subject.parse(first, last, ctx, rctx, attr);
    st.starts.pop_back();
    if (!ok) first = save;  // a failed alternative must not eat the spaces before it
    return ok;
  }
};
DirectiveGen<MarkDirective> const mark = {};

// The span of the construct whose action is running: from its mark[] start
// to the end of the match (which is where _where() begins).
template <typename Ctx>
Span Here(Ctx& ctx) {
  GrammarState& st = State(ctx);
  return Span{static_cast<uint32_t>(st.starts.back() - st.base),
              static_cast<uint32_t>(x3::_where(ctx).begin() - st.base)};
}

}  // namespace
}  // namespace layak::expr

// X3 names what it expected through get_info; without these, an expectation
// failure inside depth[] or mark[] would show a mangled type name.
namespace boost::spirit::x3 {
template <typename Subject>
struct get_info<layak::expr::DepthDirective<Subject>> {
  using result_type = std::string;
  std::string operator()(layak::expr::DepthDirective<Subject> const& p) const { return what(p.subject); }
};
template <typename Subject>
struct get_info<layak::expr::MarkDirective<Subject>> {
  using result_type = std::string;
  std::string operator()(layak::expr::MarkDirective<Subject> const& p) const { return what(p.subject); }
};
}  // namespace boost::spirit::x3

namespace layak::expr {
namespace {

// ---- keywords and tokens ----
auto const word_end = !(x3::alnum | x3::char_('_'));
x3::rule<class kw_if_id> const kw_if = "'if'";
x3::rule<class kw_then_id> const kw_then = "'then'";
x3::rule<class kw_else_id> const kw_else = "'else'";
x3::rule<class kw_or_id> const kw_or = "'or'";
x3::rule<class kw_and_id> const kw_and = "'and'";
x3::rule<class kw_not_id> const kw_not = "'not'";
x3::rule<class kw_in_id> const kw_in = "'in'";
auto kw(const char* text) { return x3::lexeme[x3::lit(text) >> word_end]; }
auto const kw_if_def = kw("if");
auto const kw_then_def = kw("then");
auto const kw_else_def = kw("else");
auto const kw_or_def = kw("or") | kw("atau");
auto const kw_and_def = kw("and") | kw("dan");
auto const kw_not_def = kw("not") | kw("bukan");
auto const kw_in_def = kw("in");
auto const kw_true = kw("true");
auto const kw_false = kw("false");
auto const reserved = kw("if") | kw("then") | kw("else") | kw("or") | kw("atau") | kw("and") | kw("dan") | kw("not") |
                      kw("bukan") | kw("in") | kw("true") | kw("false");

struct CmpOps : x3::symbols<Op> {
  CmpOps() { add("==", Op::kEq)("!=", Op::kNe)("<=", Op::kLe)(">=", Op::kGe)("<", Op::kLt)(">", Op::kGt); }
} const cmp_ops;
struct AddOps : x3::symbols<Op> {
  AddOps() { add("+", Op::kAdd)("-", Op::kSub); }
} const add_ops;
struct MulOps : x3::symbols<Op> {
  MulOps() { add("*", Op::kMul)("/", Op::kDiv)("%", Op::kMod); }
} const mul_ops;

// ---- semantic actions ----
auto const pass = [](auto& ctx) { x3::_val(ctx) = x3::_attr(ctx); };

template <Op kOp>
struct FoldFixed {
  template <typename Ctx>
  void operator()(Ctx& ctx) const {
    x3::_val(ctx) = State(ctx).Binary(kOp, x3::_val(ctx), x3::_attr(ctx));
  }
};
auto const fold_op = [](auto& ctx) {
  auto& a = x3::_attr(ctx);
  x3::_val(ctx) = State(ctx).Binary(boost::fusion::at_c<0>(a), x3::_val(ctx), boost::fusion::at_c<1>(a));
};
auto const make_default = [](auto& ctx) {
  x3::_val(ctx) = State(ctx).Binary(Op::kDefault, x3::_val(ctx), x3::_attr(ctx));
};
auto const make_range = [](auto& ctx) {
  GrammarState& st = State(ctx);
  Node n;
  n.kind = NodeKind::kRange;
  n.span = st.Cover(x3::_val(ctx), x3::_attr(ctx));
  n.children = {x3::_val(ctx), x3::_attr(ctx)};
  x3::_val(ctx) = st.Add(std::move(n));
};
template <Op kOp>
struct MakeUnary {
  template <typename Ctx>
  void operator()(Ctx& ctx) const {
    GrammarState& st = State(ctx);
    Node n;
    n.kind = NodeKind::kUnary;
    n.op = kOp;
    n.span = Here(ctx);
    n.children = {x3::_attr(ctx)};
    x3::_val(ctx) = st.Add(std::move(n));
  }
};
auto const make_if = [](auto& ctx) {
  GrammarState& st = State(ctx);
  auto& a = x3::_attr(ctx);
  Node n;
  n.kind = NodeKind::kIf;
  n.span = Here(ctx);
  n.children = {boost::fusion::at_c<0>(a), boost::fusion::at_c<1>(a), boost::fusion::at_c<2>(a)};
  x3::_val(ctx) = st.Add(std::move(n));
};
auto const chain_error = [](auto& ctx) {
  GrammarState& st = State(ctx);
  Span tok = TokenAt(st.ast->source, Here(ctx).begin);
  st.Fail(DiagnosticCode::kChainedComparison, tok, "comparisons cannot be chained",
          {"help: write 'a < b and b < c', or 'x in a..b' for a range"});
};
auto const make_number = [](auto& ctx) {
  GrammarState& st = State(ctx);
  Range r = x3::_attr(ctx);
  std::string_view text(r.begin(), static_cast<std::size_t>(r.end() - r.begin()));
  Node n;
  n.span = st.SpanOf(r.begin(), r.end());
  util::DecimalError err;
  std::optional<int64_t> scaled = util::ParseScaledDecimal(text, &err);
  bool is_decimal = text.find('.') != std::string_view::npos;
  if (!is_decimal) {
    // Integers are read directly so that the whole int64 range is available.
    __int128 v = 0;
    for (char c : text) {
      if (c == '_') continue;
      v = v * 10 + (c - '0');
      if (v > INT64_MAX) {
        st.Fail(DiagnosticCode::kBadNumber, n.span, "integer literal is too large",
                {"note: integers are 64-bit, at most 9223372036854775807"});
      }
    }
    n.kind = NodeKind::kInt;
    n.int_value = static_cast<int64_t>(v);
  } else if (!scaled) {
    if (err == util::DecimalError::kTooManyDecimals) {
      st.Fail(DiagnosticCode::kBadNumber, n.span, "decimal literal has more than six decimal places",
              {"note: numbers are exact to six decimals"});
    }
    st.Fail(DiagnosticCode::kBadNumber, n.span, "decimal literal is too large");
  } else {
    n.kind = NodeKind::kNumber;
    n.int_value = *scaled;
  }
  x3::_val(ctx) = st.Add(std::move(n));
};
auto const make_string = [](auto& ctx) {
  GrammarState& st = State(ctx);
  Range r = x3::_attr(ctx);
  Node n;
  n.kind = NodeKind::kString;
  n.span = st.SpanOf(r.begin(), r.end());
  n.text.assign(r.begin() + 1, r.end() - 1);
  x3::_val(ctx) = st.Add(std::move(n));
};
template <bool kValue>
struct MakeBool {
  template <typename Ctx>
  void operator()(Ctx& ctx) const {
    GrammarState& st = State(ctx);
    Node n;
    n.kind = NodeKind::kBool;
    n.bool_value = kValue;
    n.span = Here(ctx);
    x3::_val(ctx) = st.Add(std::move(n));
  }
};
auto const make_list = [](auto& ctx) {
  GrammarState& st = State(ctx);
  Node n;
  n.kind = NodeKind::kList;
  n.span = Here(ctx);
  if (x3::_attr(ctx)) n.children = *x3::_attr(ctx);
  x3::_val(ctx) = st.Add(std::move(n));
};
auto const make_paren = [](auto& ctx) {
  GrammarState& st = State(ctx);
  // The parenthesised node reports from its '(' : the first token of the operand.
  st.ast->nodes[x3::_attr(ctx)].span = Here(ctx);
  x3::_val(ctx) = x3::_attr(ctx);
};

NodeIndex MakeDate(GrammarState& st, Node call) {
  const Ast& ast = *st.ast;
  if (call.children.size() != 1 || ast.nodes[call.children[0]].kind != NodeKind::kString) {
    st.Fail(DiagnosticCode::kBadDate, call.span, "date() takes one string literal 'YYYY-MM-DD'");
  }
  const Node& arg = ast.nodes[call.children[0]];
  std::optional<int32_t> days = util::ParseIsoDate(arg.text);
  if (!days) {
    st.Fail(DiagnosticCode::kBadDate, arg.span, absl::StrCat("'", arg.text, "' is not a calendar date"),
            {"note: dates are written YYYY-MM-DD and must exist (2024-02-29 does, 2023-02-29 does not)"});
  }
  Node n;
  n.kind = NodeKind::kDate;
  n.span = call.span;
  n.int_value = *days;
  return st.Add(std::move(n));
}

auto const make_call_or_name = [](auto& ctx) {
  GrammarState& st = State(ctx);
  auto& a = x3::_attr(ctx);
  Range name = boost::fusion::at_c<0>(a);
  auto& args = boost::fusion::at_c<1>(a);
  Node n;
  n.text.assign(name.begin(), name.end());
  n.span = Here(ctx);
  n.name_span = st.SpanOf(name.begin(), name.end());
  if (!args) {
    n.kind = NodeKind::kName;
    x3::_val(ctx) = st.Add(std::move(n));
    return;
  }
  n.kind = NodeKind::kCall;
  n.children = *args;
  if (n.text == "date") {
    x3::_val(ctx) = MakeDate(st, std::move(n));
    return;
  }
  x3::_val(ctx) = st.Add(std::move(n));
};

// ---- rules ----
x3::rule<class expression_id, NodeIndex> const expression = "expression";
x3::rule<class or_id, NodeIndex> const or_expr = "expression";
x3::rule<class and_id, NodeIndex> const and_expr = "expression";
x3::rule<class not_id, NodeIndex> const not_expr = "expression";
x3::rule<class comparison_id, NodeIndex> const comparison = "expression";
x3::rule<class in_rhs_id, NodeIndex> const in_rhs = "a list, a range or a value";
x3::rule<class default_id, NodeIndex> const default_expr = "expression";
x3::rule<class additive_id, NodeIndex> const additive = "expression";
x3::rule<class mult_id, NodeIndex> const multiplicative = "expression";
x3::rule<class unary_id, NodeIndex> const unary = "expression";
x3::rule<class primary_id, NodeIndex> const primary = "expression";
x3::rule<class args_id, std::vector<NodeIndex>> const call_args = "arguments";
x3::rule<class name_id, Range> const name_tok = "name";

auto const ident = x3::lexeme[!reserved >> (x3::alpha | x3::char_('_')) >> *(x3::alnum | x3::char_('_'))];
auto const name_tok_def = x3::raw[x3::lexeme[ident >> *('.' >> ident)]];
auto const digits = +x3::digit >> *('_' >> +x3::digit);
auto const number_lit = x3::raw[x3::lexeme[digits >> -('.' >> digits)]];
auto const string_lit = x3::raw[x3::lexeme[('\'' >> *(x3::char_ - '\'') >> '\'') | ('"' >> *(x3::char_ - '"') >> '"')]];
auto const call_args_def = '(' > -(depth[expression] % ',') > ')';
auto const list_lit = '[' > -(depth[expression] % ',') > ']';

auto const expression_def =
    mark[(kw_if > depth[expression] > kw_then > depth[expression] > kw_else > depth[expression])[make_if]] |
    or_expr[pass];
auto const or_expr_def = and_expr[pass] >> *((kw_or > and_expr)[FoldFixed<Op::kOr>{}]);
auto const and_expr_def = not_expr[pass] >> *((kw_and > not_expr)[FoldFixed<Op::kAnd>{}]);
auto const not_expr_def = mark[(kw_not > depth[not_expr])[MakeUnary<Op::kNot>{}]] | comparison[pass];
auto const comparison_def = default_expr[pass] >>
                            -((cmp_ops > default_expr)[fold_op] | (kw_not >> kw_in > in_rhs)[FoldFixed<Op::kNotIn>{}] |
                              (kw_in > in_rhs)[FoldFixed<Op::kIn>{}]) >>
                            -mark[(&(cmp_ops | kw_in | (kw_not >> kw_in)))[chain_error]];
auto const in_rhs_def = default_expr[pass] >> -(("..") > default_expr)[make_range];
auto const default_expr_def = additive[pass] >> -(("??" > depth[default_expr])[make_default]);
auto const additive_def = multiplicative[pass] >> *((add_ops > multiplicative)[fold_op]);
auto const multiplicative_def = unary[pass] >> *((mul_ops > unary)[fold_op]);
auto const unary_def = mark[('-' > depth[unary])[MakeUnary<Op::kNeg>{}]] | primary[pass];
auto const primary_def = number_lit[make_number] | string_lit[make_string] | mark[kw_true[MakeBool<true>{}]] |
                         mark[kw_false[MakeBool<false>{}]] | mark[list_lit[make_list]] |
                         mark[('(' > depth[expression] > ')')[make_paren]] |
                         mark[(name_tok >> -call_args)[make_call_or_name]];

BOOST_SPIRIT_DEFINE(kw_if, kw_then, kw_else, kw_or, kw_and, kw_not, kw_in, expression, or_expr, and_expr, not_expr,
                    comparison, in_rhs, default_expr, additive, multiplicative, unary, primary, call_args, name_tok)

// A readable name for what X3 expected.
std::string Expected(const std::string& which) {
  if (which == "expression") return "an expression";
  return which;
}

}  // namespace

std::optional<SyntaxError> RunGrammar(Ast& ast, int max_depth) {
  GrammarState state{&ast, ast.source.data(), 0, max_depth};
  It first = ast.source.data();
  It const last = first + ast.source.size();
  NodeIndex root = -1;
  auto const parser = x3::with<StateTag>(std::ref(state))[expression];
  try {
    bool ok = x3::phrase_parse(first, last, parser, x3::ascii::space, root);
    while (first != last && std::isspace(static_cast<unsigned char>(*first))) ++first;
    std::size_t at = static_cast<std::size_t>(first - ast.source.data());
    if (!ok) {
      Span tok = TokenAt(ast.source, at);
      return SyntaxError{
          DiagnosticCode::kSyntax,
          tok,
          absl::StrCat("expected an expression, found '", ast.source.substr(tok.begin, tok.end - tok.begin), "'"),
          {}};
    }
    if (first != last) {
      Span tok = TokenAt(ast.source, at);
      std::string found = ast.source.substr(tok.begin, tok.end - tok.begin);
      SyntaxError e{
          DiagnosticCode::kSyntax, tok, absl::StrCat("unexpected '", found, "' after a complete expression"), {}};
      char next = tok.end < ast.source.size() ? ast.source[tok.end] : '\0';
      if (found == "=" && next == '>') {
        e.notes.push_back("help: write '>=' for 'at least'");
      } else if (found == "=" && next == '<') {
        e.notes.push_back("help: write '<=' for 'at most'");
      } else if (found == "=") {
        e.notes.push_back("help: use '==' to compare");
      }
      if (found == "..") {
        e.code = DiagnosticCode::kRangeOutsideIn;
        e.message = "a range 'a..b' can only follow 'in'";
        e.notes.push_back("help: write 'x in a..b'");
      }
      if (found == "&&" || found == "&") e.notes.push_back("help: write 'and' (or 'dan')");
      if (found == "||" || found == "|") e.notes.push_back("help: write 'or' (or 'atau')");
      return e;
    }
    ast.root = root;
    return std::nullopt;
  } catch (const x3::expectation_failure<It>& f) {
    std::size_t at = static_cast<std::size_t>(f.where() - ast.source.data());
    while (at < ast.source.size() && std::isspace(static_cast<unsigned char>(ast.source[at]))) ++at;
    Span tok = TokenAt(ast.source, at);
    std::string found = tok.end > tok.begin ? absl::StrCat("'", ast.source.substr(tok.begin, tok.end - tok.begin), "'")
                                            : "the end of the expression";
    SyntaxError e{DiagnosticCode::kSyntax, tok, absl::StrCat("expected ", Expected(f.which()), ", found ", found), {}};
    if (tok.end == tok.begin) e.span.end = e.span.begin + 1;
    if (found == "'..'" && f.which() != "expression" && f.which() != "a list, a range or a value") {
      e.code = DiagnosticCode::kRangeOutsideIn;
      e.message = "a range 'a..b' can only follow 'in'";
      e.notes.push_back("help: write 'x in a..b'");
    }
    return e;
  } catch (const GrammarThrow& t) {
    return t.error;
  }
}

}  // namespace layak::expr
