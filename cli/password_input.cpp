// Password input without echo.

#include "cli/password_input.hpp"

#include <termios.h>
#include <unistd.h>

#include <cstdio>
#include <iostream>

namespace auraos::cli {
namespace {

std::optional<std::string> line_of_stdin() {
  std::string line;
  if (!std::getline(std::cin, line)) return std::nullopt;
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

std::optional<std::string> typed(const char* prompt) {
  std::fprintf(stderr, "%s", prompt);
  termios old_mode{};
  bool terminal = ::tcgetattr(STDIN_FILENO, &old_mode) == 0;
  if (terminal) {
    auto quiet = old_mode;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
  }
  auto line = line_of_stdin();
  if (terminal) ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &old_mode);
  std::fprintf(stderr, "\n");
  return line;
}

}  // namespace

std::optional<std::string> read_password(bool from_stdin, const char* prompt, bool confirm) {
  if (from_stdin || ::isatty(STDIN_FILENO) == 0) {
    auto line = line_of_stdin();
    if (!line || line->empty()) std::fprintf(stderr, "auraos: no password on standard input\n");
    return line && !line->empty() ? line : std::nullopt;
  }
  auto first = typed(prompt);
  if (!first || first->empty()) {
    std::fprintf(stderr, "auraos: no password given\n");
    return std::nullopt;
  }
  if (!confirm) return first;
  auto second = typed("Repeat it: ");
  if (!second || *second != *first) {
    std::fprintf(stderr, "auraos: the two passwords differ\n");
    return std::nullopt;
  }
  return first;
}

}  // namespace auraos::cli
