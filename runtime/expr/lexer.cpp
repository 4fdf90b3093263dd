// The lexer: identifiers, numbers, strings and operators of the expression language.

#include "runtime/expr/lexer.hpp"

#include <array>
#include <cctype>
#include <charconv>
#include <cmath>

namespace auraos::runtime::expr {
namespace {

bool is_ident_start(char c) {
  return std::isalpha(static_cast<unsigned char>(c)) || c == '_';
}
bool is_ident_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

constexpr std::array<std::string_view, 24> punctuators{
    "==", "!=", "<=", ">=", "&&", "||", "<", ">", "!", "+", "-", "*",
    "/",  "%",  "?",  ":",  ".",  ",",  "(", ")", "[", "]", "{", "}"};

}  // namespace

failure<syntax_error> lexer::error_at(std::size_t offset, std::string message) const {
  return fail(syntax_error{std::string(source_), offset, std::move(message)});
}

void lexer::skip_blanks() {
  while (pos_ < source_.size()) {
    char c = source_[pos_];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      ++pos_;
    } else if (starts_with("//")) {
      while (pos_ < source_.size() && source_[pos_] != '\n') ++pos_;
    } else {
      return;
    }
  }
}

result<token, syntax_error> lexer::next() {
  skip_blanks();
  if (pos_ >= source_.size()) return token{token_kind::end, pos_, {}, 0, 0};
  char c = source_[pos_];
  if (is_digit(c) || (c == '.' && pos_ + 1 < source_.size() && is_digit(source_[pos_ + 1]))) {
    return number();
  }
  if (c == '\'' || c == '"') return string_token(false);
  if (is_ident_start(c)) {
    std::size_t start = pos_;
    while (pos_ < source_.size() && is_ident_char(source_[pos_])) ++pos_;
    std::string name(source_.substr(start, pos_ - start));
    bool quote_follows = pos_ < source_.size() && (source_[pos_] == '\'' || source_[pos_] == '"');
    if (quote_follows && (name == "r" || name == "R")) return string_token(true);
    if (quote_follows && name.find_first_of("bB") != std::string::npos && name.size() <= 2) {
      return error_at(start, "bytes literals are not supported");
    }
    return token{token_kind::identifier, start, std::move(name), 0, 0};
  }
  return punctuation();
}

result<token, syntax_error> lexer::punctuation() {
  for (std::string_view p : punctuators) {
    if (starts_with(p)) {
      token t{token_kind::punct, pos_, std::string(p), 0, 0};
      pos_ += p.size();
      return t;
    }
  }
  unsigned char c = static_cast<unsigned char>(source_[pos_]);
  std::string shown = std::isprint(c) ? "'" + std::string(1, source_[pos_]) + "'"
                                      : "byte " + std::to_string(static_cast<int>(c));
  return error_at(pos_, "unexpected character " + shown);
}

result<token, syntax_error> lexer::number() {
  std::size_t start = pos_;
  bool hex = starts_with("0x") || starts_with("0X");
  bool is_double = false;
  if (hex) {
    pos_ += 2;
    while (pos_ < source_.size() && std::isxdigit(static_cast<unsigned char>(source_[pos_])))
      ++pos_;
    if (pos_ == start + 2) return error_at(start, "hexadecimal literal without digits");
  } else {
    while (pos_ < source_.size() && is_digit(source_[pos_])) ++pos_;
    if (pos_ + 1 < source_.size() && source_[pos_] == '.' && is_digit(source_[pos_ + 1])) {
      is_double = true;
      for (++pos_; pos_ < source_.size() && is_digit(source_[pos_]);) ++pos_;
    }
    if (pos_ < source_.size() && (source_[pos_] == 'e' || source_[pos_] == 'E')) {
      std::size_t mark = pos_++;
      if (pos_ < source_.size() && (source_[pos_] == '+' || source_[pos_] == '-')) ++pos_;
      if (pos_ >= source_.size() || !is_digit(source_[pos_]))
        return error_at(mark, "exponent without digits");
      while (pos_ < source_.size() && is_digit(source_[pos_])) ++pos_;
      is_double = true;
    }
  }
  if (pos_ < source_.size() && (source_[pos_] == 'u' || source_[pos_] == 'U')) {
    return error_at(start, "unsigned integer literals are not supported");
  }
  std::string_view text = source_.substr(start, pos_ - start);
  token t{is_double ? token_kind::double_literal : token_kind::int_literal, start,
          std::string(text), 0, 0};
  if (is_double) {
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), t.double_value);
    if (ec == std::errc::result_out_of_range) {
      bool tiny = text.find("e-") != text.npos || text.find("E-") != text.npos;
      t.double_value = tiny ? 0.0 : HUGE_VAL;
    }
    (void)ptr;
    return t;
  }
  auto digits = hex ? text.substr(2) : text;
  auto [ptr, ec] =
      std::from_chars(digits.data(), digits.data() + digits.size(), t.int_value, hex ? 16 : 10);
  (void)ptr;
  if (ec != std::errc()) return error_at(start, "integer literal out of range");
  return t;
}

result<token, syntax_error> lexer::string_token(bool raw) {
  std::size_t start = raw ? pos_ - 1 : pos_;
  char quote = source_[pos_];
  std::string triple(3, quote);
  bool is_triple = starts_with(triple);
  pos_ += is_triple ? 3 : 1;
  std::size_t body_start = pos_;
  while (true) {
    if (pos_ >= source_.size()) return error_at(start, "unterminated string literal");
    char c = source_[pos_];
    if (is_triple ? starts_with(triple) : c == quote) break;
    if (!is_triple && (c == '\n' || c == '\r'))
      return error_at(start, "unterminated string literal");
    pos_ += (c == '\\' && !raw && pos_ + 1 < source_.size()) ? 2 : 1;
  }
  std::string_view body = source_.substr(body_start, pos_ - body_start);
  pos_ += is_triple ? 3 : 1;
  if (raw) return token{token_kind::string_literal, start, std::string(body), 0, 0};
  auto decoded = decode_escapes(body);
  if (!decoded) return error_at(body_start + decoded.error().first, decoded.error().second);
  return token{token_kind::string_literal, start, std::move(decoded.value()), 0, 0};
}

}  // namespace auraos::runtime::expr
