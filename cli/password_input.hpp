#pragma once
// Reading a password for the CLI: from standard input (`--password-stdin`, or when it is not a
// terminal), else typed at a prompt without echo.

#include <optional>
#include <string>

namespace auraos::cli {

/// The password: the first line of standard input when `from_stdin` or stdin is no terminal,
/// else typed after `prompt` (twice when `confirm`); nullopt when none was given or the two
/// differ (the reason printed on stderr).
std::optional<std::string> read_password(bool from_stdin, const char* prompt, bool confirm);

}  // namespace auraos::cli
