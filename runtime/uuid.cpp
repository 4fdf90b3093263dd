#include "runtime/uuid.hpp"

#include <array>
#include <cctype>
#include <cstdint>
#include <random>

namespace auraos::runtime {
namespace {

std::array<std::uint8_t, 16> random_bytes() {
  thread_local std::mt19937_64 engine{[] {
    std::random_device device;
    std::seed_seq seed{device(), device(), device(), device(), device(), device()};
    return std::mt19937_64{seed};
  }()};
  std::array<std::uint8_t, 16> bytes{};
  for (std::size_t i = 0; i < bytes.size(); i += 8) {
    auto word = engine();
    for (std::size_t j = 0; j < 8; ++j) bytes[i + j] = static_cast<std::uint8_t>(word >> (8 * j));
  }
  return bytes;
}

/// Two 64-bit FNV-1a hashes of `name` with different offsets: 128 bits that depend on every byte.
std::array<std::uint8_t, 16> name_bytes(std::string_view name) {
  std::array<std::uint8_t, 16> bytes{};
  std::uint64_t offsets[2] = {0xcbf29ce484222325ULL, 0x84222325cbf29ce4ULL};
  for (std::size_t half = 0; half < 2; ++half) {
    std::uint64_t hash = offsets[half];
    for (unsigned char c : name) hash = (hash ^ c) * 0x100000001b3ULL;
    hash ^= hash >> 29;
    for (std::size_t j = 0; j < 8; ++j)
      bytes[half * 8 + j] = static_cast<std::uint8_t>(hash >> (8 * j));
  }
  return bytes;
}

/// Canonical text of 16 bytes with the version nibble `version` and the RFC 4122 variant.
std::string uuid_text(std::array<std::uint8_t, 16> bytes, std::uint8_t version) {
  bytes[6] = static_cast<std::uint8_t>((bytes[6] & 0x0f) | (version << 4));
  bytes[8] = static_cast<std::uint8_t>((bytes[8] & 0x3f) | 0x80);
  static constexpr char digits[] = "0123456789abcdef";
  std::string text;
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) text += '-';
    text += digits[bytes[i] >> 4];
    text += digits[bytes[i] & 0x0f];
  }
  return text;
}

bool is_dash_position(std::size_t i) {
  return i == 8 || i == 13 || i == 18 || i == 23;
}

}  // namespace

std::string random_uuid() {
  return uuid_text(random_bytes(), 4);
}

std::string name_uuid(std::string_view name) {
  return uuid_text(name_bytes(name), 8);
}

bool is_uuid(std::string_view text) {
  if (text.size() != 36) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    bool ok = is_dash_position(i) ? text[i] == '-'
                                  : std::isxdigit(static_cast<unsigned char>(text[i])) != 0;
    if (!ok) return false;
  }
  return true;
}

}  // namespace auraos::runtime
