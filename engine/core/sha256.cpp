#include "engine/core/sha256.hpp"

#include <openssl/evp.h>

#include <array>
#include <memory>
#include <stdexcept>

namespace unct {
namespace {

std::string hex_of(const unsigned char* digest, unsigned int size) {
  static constexpr char k_hex[] = "0123456789abcdef";
  std::string out;
  out.reserve(size * 2);
  for (unsigned int i = 0; i < size; ++i) {
    out += k_hex[digest[i] >> 4];
    out += k_hex[digest[i] & 0xF];
  }
  return out;
}

}  // namespace

std::string sha256_hex(std::string_view bytes) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int size = 0;
  if (EVP_Digest(bytes.data(), bytes.size(), digest.data(), &size, EVP_sha256(), nullptr) != 1) {
    throw std::runtime_error("sha-256 digest failed");
  }
  return hex_of(digest.data(), size);
}

struct Sha256::Context {
  EVP_MD_CTX* context = EVP_MD_CTX_new();
  ~Context() { EVP_MD_CTX_free(context); }
};

Sha256::Sha256() : m_context(std::make_unique<Context>()) {
  if (m_context->context == nullptr || EVP_DigestInit_ex(m_context->context, EVP_sha256(), nullptr) != 1) {
    throw std::runtime_error("sha-256 digest failed");
  }
}

Sha256::~Sha256() = default;

void Sha256::update(std::string_view bytes) {
  if (EVP_DigestUpdate(m_context->context, bytes.data(), bytes.size()) != 1) {
    throw std::runtime_error("sha-256 digest failed");
  }
}

std::string Sha256::hex() {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int size = 0;
  if (EVP_DigestFinal_ex(m_context->context, digest.data(), &size) != 1) {
    throw std::runtime_error("sha-256 digest failed");
  }
  return hex_of(digest.data(), size);
}

}  // namespace unct
