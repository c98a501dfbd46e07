#pragma once

// A read document as JSON and back, so that its text and structure can be kept (the store's
// text cache) and a document scored again without reading the file anew.

#include "engine/ingest/document.hpp"

#include <string>
#include <string_view>

namespace unct::ingest {

// Bump when a reader changes what it makes of a file: cached documents read by an older reader
// are then read again.
inline constexpr int k_reader_version = 2;  // 2: zones

std::string serialise(const Document& document);

// Throws std::runtime_error on text that serialise did not write.
Document deserialise(std::string_view json);

}  // namespace unct::ingest
