#pragma once

// What one scan of a document found: its blocks normalised, split into sentences and placed in
// the checklist's document parts, and every hit of every term set. Signals read this index;
// they never look at text again.

#include "engine/ingest/document.hpp"
#include "engine/rules/compiled.hpp"
#include "engine/text/normalise.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace unct::rules {

struct Hit {
  std::uint32_t block = 0;
  std::uint32_t begin = 0;  // offsets in the block's normalised text
  std::uint32_t end = 0;
  std::uint32_t pattern = 0;
  bool operator==(const Hit&) const = default;
};

struct IndexedBlock {
  text::NormalisedText normalised;
  std::vector<std::uint32_t> sentences;  // sentence start offsets in `normalised.text`
  std::string part;                      // checklist part id; empty when the block is in none
};

struct DocumentIndex {
  std::vector<IndexedBlock> blocks;       // parallel to the document's blocks
  std::vector<std::vector<Hit>> hits;     // per set index: hits of the set and of the sets it
                                          // includes, by block then offset, exceptions removed
};

DocumentIndex index_document(const CompiledChecklist& compiled, const ingest::Document& document);

}  // namespace unct::rules
