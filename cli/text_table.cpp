// Printing aligned text tables fitted to a width.

#include "cli/text_table.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <numeric>

namespace auraos::cli {
namespace {

/// Characters shown between two columns.
constexpr std::size_t gap = 2;

/// Characters of UTF-8 `text` (bytes that start a character).
std::size_t length(const std::string& text) {
  return std::size_t(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

/// `text` cut to `width` characters, its last one "…" when cut.
std::string fitted(const std::string& text, std::size_t width) {
  if (length(text) <= width) return text;
  std::size_t kept = 0, end = 0;
  while (end < text.size()) {
    if ((static_cast<unsigned char>(text[end]) & 0xC0) != 0x80) {
      if (kept == width - 1) break;
      ++kept;
    }
    ++end;
  }
  return text.substr(0, end) + "…";
}

/// Narrows the widest columns, one character at a time, until the line fits `max_width` or
/// every column is down to `floor`.
void narrow(std::vector<std::size_t>& widths, std::size_t max_width, std::size_t floor) {
  if (max_width == 0 || widths.empty()) return;
  auto total = [&] {
    return std::accumulate(widths.begin(), widths.end(), std::size_t{0}) +
           gap * (widths.size() - 1);
  };
  while (total() > max_width) {
    auto widest = std::max_element(widths.begin(), widths.end());
    if (*widest <= floor) return;
    --*widest;
  }
}

}  // namespace

text_table::text_table(std::vector<std::string> header) : header_(std::move(header)) {}

void text_table::add(std::vector<std::string> row) {
  row.resize(header_.size());
  rows_.push_back(std::move(row));
}

std::string text_table::render(std::size_t max_width) const {
  std::vector<std::size_t> widths;
  for (const auto& title : header_) widths.push_back(length(title));
  for (const auto& row : rows_)
    for (std::size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], length(row[i]));
  narrow(widths, max_width, min_column);
  std::string out;
  auto line = [&](const std::vector<std::string>& cells) {
    std::string text;
    for (std::size_t i = 0; i < cells.size(); ++i) {
      auto shown = fitted(cells[i], widths[i]);
      text += shown;
      if (i + 1 < cells.size()) text += std::string(widths[i] - length(shown) + gap, ' ');
    }
    while (!text.empty() && text.back() == ' ') text.pop_back();
    out += text + "\n";
  };
  line(header_);
  for (const auto& row : rows_) line(row);
  return out;
}

void text_table::print() const {
  std::fputs(render(terminal_width()).c_str(), stdout);
}

std::size_t terminal_width() {
  if (const char* columns = std::getenv("COLUMNS")) {
    auto value = std::strtol(columns, nullptr, 10);
    if (value > 0) return std::size_t(value);
  }
  winsize size{};
  if (::isatty(STDOUT_FILENO) && ::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0)
    return size.ws_col;
  return 0;
}

}  // namespace auraos::cli
