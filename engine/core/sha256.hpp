#pragma once

#include <string>
#include <string_view>

namespace unct {

// Lower-case hex SHA-256 of the bytes: the identity of documents and checklists in the store.
std::string sha256_hex(std::string_view bytes);

}  // namespace unct
