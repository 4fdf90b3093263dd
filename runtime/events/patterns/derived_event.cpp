#include "runtime/events/patterns/derived_event.hpp"

#include <array>
#include <cstdint>
#include <cstdio>

#include <nlohmann/json.hpp>

namespace auraos::runtime::events::patterns {
namespace {

using nlohmann::json;

/// FNV-1a (64 bits) of `text`, starting from `basis`.
std::uint64_t fnv1a(const std::string& text, std::uint64_t basis) {
  std::uint64_t hash = basis;
  for (unsigned char c : text) {
    hash ^= c;
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

json match_data(const rule& r, const match& m) {
  json data = {{"patternId", r.id},
               {"patternName", r.name},
               {"kind", kind_name(r.kind())},
               {"matched", m.matched}};
  if (m.by) data["by"] = json::parse(*m.by, nullptr, false);
  if (m.figures) {
    data["count"] = m.figures->count;
    data["mean"] = m.figures->mean;
    data["stddev"] = m.figures->stddev;
  }
  return data;
}

}  // namespace

std::string derived_event_id(const rule& r, const match& m) {
  std::string text = r.id + '\n' + std::to_string(m.at_ms);
  for (const auto& id : m.matched) text += '\n' + id;
  std::uint64_t high = fnv1a(text, 0xcbf29ce484222325ULL);
  std::uint64_t low = fnv1a(text + '\x01', 0x84222325cbf29ce4ULL);
  high = (high & ~0xf000ULL) | 0x8000ULL;          // version 8
  low = (low & ~(0x3ULL << 62)) | (0x2ULL << 62);  // variant 10
  std::array<char, 37> out{};
  std::snprintf(out.data(), out.size(), "%08x-%04x-%04x-%04x-%012llx",
                static_cast<unsigned>(high >> 32), static_cast<unsigned>((high >> 16) & 0xffff),
                static_cast<unsigned>(high & 0xffff), static_cast<unsigned>(low >> 48),
                static_cast<unsigned long long>(low & 0xffffffffffffULL));
  return std::string{out.data()};
}

event derive_event(const rule& r, const match& m) {
  event out;
  out.id = derived_event_id(r, m);
  out.type = r.emit.type;
  out.source = r.emit.source;
  out.data = match_data(r, m).dump();
  out.timestamp = m.at_ms;
  out.correlation_id = m.correlation_id;
  if (!m.causation_id.empty()) out.causation_id = m.causation_id;
  return out;
}

}  // namespace auraos::runtime::events::patterns
