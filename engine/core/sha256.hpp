#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace unct {

// Lower-case hex SHA-256 of the bytes: the identity of documents and checklists in the store.
std::string sha256_hex(std::string_view bytes);

// The same over bytes given in pieces: hex() of the pieces is sha256_hex of them joined, without
// joining them first.
class Sha256 {
public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;

  void update(std::string_view bytes);
  std::string hex();  // ends the digest: call once

private:
  struct Context;
  std::unique_ptr<Context> m_context;
};

}  // namespace unct
