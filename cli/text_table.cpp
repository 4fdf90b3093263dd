// Printing aligned text tables.

#include "cli/text_table.hpp"

#include <algorithm>
#include <cstdio>

namespace auraos::cli {

text_table::text_table(std::vector<std::string> header) : header_(std::move(header)) {}

void text_table::add(std::vector<std::string> row) {
  row.resize(header_.size());
  rows_.push_back(std::move(row));
}

void text_table::print() const {
  std::vector<std::size_t> widths;
  for (const auto& title : header_) widths.push_back(title.size());
  for (const auto& row : rows_)
    for (std::size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], row[i].size());
  auto line = [&](const std::vector<std::string>& cells) {
    std::string text;
    for (std::size_t i = 0; i < cells.size(); ++i) {
      text += cells[i];
      if (i + 1 < cells.size()) text += std::string(widths[i] - cells[i].size() + 2, ' ');
    }
    std::printf("%s\n", text.c_str());
  };
  line(header_);
  for (const auto& row : rows_) line(row);
}

}  // namespace auraos::cli
