#pragma once

// Finding blocks in a read document, for the reader tests.

#include "engine/ingest/document.hpp"

#include <stdexcept>
#include <string>
#include <vector>

namespace unct::test {

// The texts of the blocks of this kind, in order.
inline std::vector<std::string> texts(const ingest::Document& d, ingest::BlockKind kind) {
  std::vector<std::string> out;
  for (const ingest::Block& b : d.blocks) {
    if (b.kind == kind) out.push_back(b.text);
  }
  return out;
}

// The first block whose text holds `text`; throws when none does.
inline const ingest::Block& block_with(const ingest::Document& d, const std::string& text) {
  for (const ingest::Block& b : d.blocks) {
    if (b.text.find(text) != std::string::npos) return b;
  }
  throw std::runtime_error("no block with " + text);
}

}  // namespace unct::test
