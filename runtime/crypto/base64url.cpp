#include "runtime/crypto/base64url.hpp"

#include <sodium.h>

#include "runtime/crypto/sodium_start.hpp"

namespace auraos::runtime::crypto {
namespace {

constexpr int variant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;

const unsigned char* bytes_of(std::string_view text) {
  return reinterpret_cast<const unsigned char*>(text.data());
}

}  // namespace

std::string base64url_encode(std::string_view bytes) {
  start_sodium();
  std::string out(sodium_base64_ENCODED_LEN(bytes.size(), variant), '\0');
  sodium_bin2base64(out.data(), out.size(), bytes_of(bytes), bytes.size(), variant);
  out.resize(out.size() - 1);  // the terminating NUL
  return out;
}

std::optional<std::string> base64url_decode(std::string_view text) {
  start_sodium();
  std::string out(text.size() * 3 / 4 + 1, '\0');
  std::size_t length = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(),
                        text.size(), nullptr, &length, nullptr, variant) != 0)
    return std::nullopt;
  out.resize(length);
  return out;
}

}  // namespace auraos::runtime::crypto
