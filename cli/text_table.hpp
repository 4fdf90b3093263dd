#pragma once
// Aligned text tables for people (`--output table`), fitted to the terminal's width.

#include <cstddef>
#include <string>
#include <vector>

namespace auraos::cli {

/// Rows of cells under a header, each column as wide as its widest cell; when the lines would
/// be wider than the terminal, the widest columns are narrowed and their long cells end in "…".
class text_table {
 public:
  /// A table with these column titles.
  explicit text_table(std::vector<std::string> header);

  /// Adds a row (missing cells print empty, extra ones are dropped).
  void add(std::vector<std::string> row);
  /// Prints the header and the rows on stdout, fitted to the terminal when stdout is one.
  void print() const;
  /// The header and the rows as lines of at most `max_width` characters (0: no limit), as long
  /// as every column can keep `min_column` characters.
  std::string render(std::size_t max_width) const;

  /// The fewest characters a narrowed column keeps.
  static constexpr std::size_t min_column = 8;

 private:
  std::vector<std::string> header_;
  std::vector<std::vector<std::string>> rows_;
};

/// The width of the terminal on stdout: $COLUMNS when set, else the terminal's, else 0 (no
/// terminal: no limit).
std::size_t terminal_width();

}  // namespace auraos::cli
