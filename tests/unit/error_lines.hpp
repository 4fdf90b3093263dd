#pragma once
// Definition errors as the lines people read, for tests that compare them with a table.

#include <ostream>
#include <string>
#include <vector>

// Lets Boost.Test print a mismatching error list (found by argument-dependent lookup).
namespace std {
inline ostream& boost_test_print_type(ostream& out, const vector<string>& texts) {
  for (const auto& text : texts) out << "\n  " << text;
  return out;
}
}  // namespace std

namespace auraos::test {

/// The `to_string()` of each error of a failed parse; empty when it succeeded.
template <class Parsed>
std::vector<std::string> error_lines(const Parsed& parsed) {
  std::vector<std::string> lines;
  if (!parsed)
    for (const auto& error : parsed.error()) lines.push_back(error.to_string());
  return lines;
}

}  // namespace auraos::test
