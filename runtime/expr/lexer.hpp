#pragma once
// Splits expression source into tokens, one at a time.

#include <cstddef>
#include <string>
#include <string_view>

#include "runtime/expr/expression.hpp"
#include "runtime/expr/token.hpp"

namespace auraos::runtime::expr {

/// Reads tokens from a source text; errors are syntax errors at a byte offset.
class lexer {
 public:
  /// Lexes `source`; offsets are reported relative to its start.
  explicit lexer(std::string_view source) : source_(source) {}

  /// The next token, or a syntax error (bad character, literal or escape).
  result<token, syntax_error> next();

  /// Byte offset of the next unread character.
  std::size_t position() const { return pos_; }

 private:
  void skip_blanks();
  result<token, syntax_error> number();
  result<token, syntax_error> string_token(bool raw);
  result<token, syntax_error> punctuation();
  failure<syntax_error> error_at(std::size_t offset, std::string message) const;
  bool starts_with(std::string_view text) const { return source_.substr(pos_).starts_with(text); }

  std::string_view source_;
  std::size_t pos_ = 0;
};

/// Decodes the body of a quoted, non-raw string literal with CEL escapes.
/// On failure returns the offset (within `body`) and message of the bad escape.
result<std::string, std::pair<std::size_t, std::string>> decode_escapes(std::string_view body);

}  // namespace auraos::runtime::expr
