// Looking up the dashboard's embedded files, their Content-Type and ETag matches.

#include <algorithm>
#include <array>
#include <utility>

#include "gateway/dashboard_assets.hpp"

namespace auraos::gateway {
namespace {

/// Content-Types by extension (what a browser needs for the bundle's kinds of files).
constexpr std::array<std::pair<std::string_view, std::string_view>, 12> content_types{{
    {".css", "text/css; charset=utf-8"},
    {".html", "text/html; charset=utf-8"},
    {".ico", "image/x-icon"},
    {".js", "text/javascript; charset=utf-8"},
    {".json", "application/json"},
    {".map", "application/json"},
    {".mjs", "text/javascript; charset=utf-8"},
    {".png", "image/png"},
    {".svg", "image/svg+xml"},
    {".txt", "text/plain; charset=utf-8"},
    {".woff2", "font/woff2"},
    {".webp", "image/webp"},
}};

/// `tag` without a weak prefix ("W/").
std::string_view opaque(std::string_view tag) {
  if (tag.starts_with("W/")) tag.remove_prefix(2);
  return tag;
}

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

}  // namespace

const dashboard_asset* find_dashboard_asset(std::string_view name) {
  auto files = dashboard_assets();
  auto it = std::find_if(files.begin(), files.end(),
                         [name](const dashboard_asset& file) { return file.name == name; });
  return it == files.end() ? nullptr : &*it;
}

std::string_view asset_content_type(std::string_view name) {
  auto dot = name.rfind('.');
  if (dot == std::string_view::npos) return "application/octet-stream";
  auto extension = name.substr(dot);
  for (const auto& [known, type] : content_types)
    if (known == extension) return type;
  return "application/octet-stream";
}

bool etag_matches(std::string_view if_none_match, std::string_view etag) {
  while (true) {
    auto comma = if_none_match.find(',');
    auto tag = trimmed(if_none_match.substr(0, comma));
    if (tag == "*" || (!tag.empty() && opaque(tag) == opaque(etag))) return true;
    if (comma == std::string_view::npos) return false;
    if_none_match.remove_prefix(comma + 1);
  }
}

}  // namespace auraos::gateway
