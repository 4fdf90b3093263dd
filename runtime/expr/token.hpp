#pragma once
// Tokens of the expression language, produced by the lexer.

#include <cstddef>
#include <cstdint>
#include <string>

namespace auraos::runtime::expr {

/// What a token is.
enum class token_kind {
  end,
  identifier,
  int_literal,
  double_literal,
  string_literal,
  punct,
};

/// One token: its kind, where it starts, its text (operator, name, decoded string) and value.
struct token {
  /// What the token is.
  token_kind kind = token_kind::end;
  /// Byte offset of its first character.
  std::size_t offset = 0;
  /// Operator or punctuation text, identifier name, or decoded string literal.
  std::string text;
  /// Magnitude of an integer literal (the sign is a separate operator).
  std::uint64_t int_value = 0;
  /// Value of a double literal.
  double double_value = 0;
  /// True when `kind == punct` and the text equals `p`.
  bool is(const char* p) const { return kind == token_kind::punct && text == p; }
};

}  // namespace auraos::runtime::expr
