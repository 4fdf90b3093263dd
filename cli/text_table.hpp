#pragma once
// Aligned text tables for people (`--output table`).

#include <string>
#include <vector>

namespace auraos::cli {

/// Rows of cells under a header, printed with each column as wide as its widest cell.
class text_table {
 public:
  /// A table with these column titles.
  explicit text_table(std::vector<std::string> header);

  /// Adds a row (missing cells print empty, extra ones are dropped).
  void add(std::vector<std::string> row);
  /// Prints the header and the rows on stdout.
  void print() const;

 private:
  std::vector<std::string> header_;
  std::vector<std::vector<std::string>> rows_;
};

}  // namespace auraos::cli
