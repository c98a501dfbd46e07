#include "engine/core/sha256.hpp"

// OpenSSL's SHA-256 functions themselves, not the EVP interface: in OpenSSL 3 an EVP digest is
// fetched from a provider, and the first fetch of a process initialises the library (its
// configuration file, the default provider, the names of every algorithm), which cost each
// `score` about 1 ms of CPU for a digest of a few microseconds. These functions run the same
// assembly (SHA extensions, AVX2) without it. OpenSSL 3 marks them deprecated, not removed.
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/sha.h>

#include <array>
#include <memory>
#include <stdexcept>

namespace unct {
namespace {

std::string hex_of(const unsigned char* digest, std::size_t size) {
  static constexpr char k_hex[] = "0123456789abcdef";
  std::string out;
  out.reserve(size * 2);
  for (std::size_t i = 0; i < size; ++i) {
    out += k_hex[digest[i] >> 4];
    out += k_hex[digest[i] & 0xF];
  }
  return out;
}

}  // namespace

// Not OpenSSL's one-call SHA256: in OpenSSL 3 it goes through EVP (EVP_Q_digest), with the
// initialisation above.
std::string sha256_hex(std::string_view bytes) {
  Sha256 digest;
  digest.update(bytes);
  return digest.hex();
}

struct Sha256::Context {
  SHA256_CTX context;
};

Sha256::Sha256() : m_context(std::make_unique<Context>()) {
  if (SHA256_Init(&m_context->context) != 1) throw std::runtime_error("sha-256 digest failed");
}

Sha256::~Sha256() = default;

void Sha256::update(std::string_view bytes) {
  if (SHA256_Update(&m_context->context, bytes.data(), bytes.size()) != 1) {
    throw std::runtime_error("sha-256 digest failed");
  }
}

std::string Sha256::hex() {
  std::array<unsigned char, SHA256_DIGEST_LENGTH> digest{};
  if (SHA256_Final(digest.data(), &m_context->context) != 1) throw std::runtime_error("sha-256 digest failed");
  return hex_of(digest.data(), digest.size());
}

}  // namespace unct
