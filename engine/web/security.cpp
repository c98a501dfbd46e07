#include "engine/web/security.hpp"

#include <sys/random.h>

#include <array>
#include <cerrno>
#include <cstdint>
#include <system_error>

namespace unct::web {

void fill_random(std::span<unsigned char> bytes) {
  std::size_t got = 0;
  while (got < bytes.size()) {
    const ssize_t n = ::getrandom(bytes.data() + got, bytes.size() - got, 0);
    if (n < 0) {
      if (errno == EINTR) continue;
      throw std::system_error(errno, std::generic_category(), "getrandom");
    }
    got += static_cast<std::size_t>(n);
  }
}

std::string random_token() {
  std::array<unsigned char, 32> bytes{};
  fill_random(bytes);
  static constexpr char k_hex[] = "0123456789abcdef";
  std::string token;
  for (unsigned char b : bytes) {
    token += k_hex[b >> 4];
    token += k_hex[b & 15];
  }
  return token;
}

bool is_valid_token(std::string_view token) {
  if (token.size() < 16) return false;
  for (char c : token) {
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                       c == '_' || c == '.' || c == '~';
    if (!plain) return false;
  }
  return true;
}

bool same_secret(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  unsigned char diff = 0;
  for (std::size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  return diff == 0;
}

bool is_loopback(std::string_view address) {
  return address == "localhost" || address == "::1" || address == "[::1]" || address.starts_with("127.");
}

bool is_local_host_header(std::string_view host, std::string_view bound_address, int port) {
  // The port is part of the Host header unless it is the scheme's default.
  const std::string suffix = ":" + std::to_string(port);
  std::string_view name = host;
  if (name.ends_with(suffix)) {
    name.remove_suffix(suffix.size());
  } else if (port != 80) {
    return false;
  }
  return name == "localhost" || name == "127.0.0.1" || name == "[::1]" || name == bound_address;
}

std::string upload_name(std::string_view filename) {
  const std::size_t slash = filename.find_last_of("/\\");
  if (slash != std::string_view::npos) filename.remove_prefix(slash + 1);
  std::string name;
  for (char c : filename) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7f) continue;
    name += c;
  }
  if (name.size() > 200) {
    // Cut at a character boundary, keeping the extension the readers look at.
    const std::size_t dot = name.rfind('.');
    const std::string extension = dot != std::string::npos && name.size() - dot <= 10 ? name.substr(dot) : "";
    std::size_t keep = 200 - extension.size();
    while (keep > 0 && (static_cast<unsigned char>(name[keep]) & 0xC0) == 0x80) --keep;
    name = name.substr(0, keep) + extension;
  }
  if (name.empty() || name == "." || name == "..") return "upload";
  return name;
}

}  // namespace unct::web
