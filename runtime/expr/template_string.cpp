// Splits a template string into text and ${...} expressions; `$${` stands for a literal `${`.

#include "runtime/expr/lexer.hpp"
#include "runtime/expr/template_tree.hpp"

namespace auraos::runtime::expr {
namespace {

/// The offset of the `}` closing the expression that starts at `start`, skipping nested braces
/// and string literals.
result<std::size_t, syntax_error> closing_brace(const std::string& text, std::size_t start) {
  lexer scan(std::string_view(text).substr(start));
  int depth = 0;
  while (true) {
    auto t = scan.next();
    if (!t) {
      auto error = std::move(t).error();
      return fail(syntax_error{text, start + error.offset, error.message});
    }
    if (t.value().kind == token_kind::end)
      return fail(syntax_error{text, start - 2, "unterminated '${'"});
    if (t.value().is("{")) ++depth;
    if (t.value().is("}") && depth-- == 0) return start + t.value().offset;
  }
}

}  // namespace

result<std::vector<template_part>, syntax_error> parse_template_string(const std::string& text,
                                                                       const limits& bounds) {
  std::vector<template_part> parts(1);
  for (std::size_t i = 0; i < text.size();) {
    if (text.compare(i, 3, "$${") == 0) {
      parts.back().text += "${";
      i += 3;
    } else if (text.compare(i, 2, "${") == 0) {
      auto end = closing_brace(text, i + 2);
      if (!end) return fail(std::move(end).error());
      auto parsed =
          expression::parse(std::string_view(text).substr(i + 2, end.value() - i - 2), bounds);
      if (!parsed)
        return fail(syntax_error{text, i + 2 + parsed.error().offset, parsed.error().message});
      parts.back().value = std::move(parsed).value();
      parts.emplace_back();
      i = end.value() + 1;
    } else {
      parts.back().text += text[i++];
    }
  }
  if (parts.size() > 1 && parts.back().text.empty()) parts.pop_back();
  return parts;
}

}  // namespace auraos::runtime::expr
