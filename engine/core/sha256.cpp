#include "engine/core/sha256.hpp"

// Nettle's SHA-256, which uses the processor's SHA extensions where it has them. OpenSSL's
// libcrypto, used before, cost every command some 3,400 symbol bindings at start (a fifth of its
// dynamic linking), and its one-call SHA256 initialised the whole library at first use.
#include <nettle/sha2.h>

#include <array>
#include <cstdint>
#include <memory>

namespace unct {

std::string sha256_hex(std::string_view bytes) {
  Sha256 digest;
  digest.update(bytes);
  return digest.hex();
}

struct Sha256::Context {
  sha256_ctx context;
};

Sha256::Sha256() : m_context(std::make_unique<Context>()) { sha256_init(&m_context->context); }

Sha256::~Sha256() = default;

void Sha256::update(std::string_view bytes) {
  sha256_update(&m_context->context, bytes.size(), reinterpret_cast<const std::uint8_t*>(bytes.data()));
}

std::string Sha256::hex() {
  std::array<std::uint8_t, SHA256_DIGEST_SIZE> digest{};
  sha256_digest(&m_context->context, digest.size(), digest.data());
  static constexpr char k_hex[] = "0123456789abcdef";
  std::string out;
  out.reserve(digest.size() * 2);
  for (const std::uint8_t byte : digest) {
    out += k_hex[byte >> 4];
    out += k_hex[byte & 0xF];
  }
  return out;
}

}  // namespace unct
