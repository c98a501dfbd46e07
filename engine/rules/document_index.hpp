#pragma once

// What one scan of a document found. Two steps:
//   - prepare: every block normalised and split into sentences. This depends on the document
//     only, so it can be kept and reused with any checklist;
//   - index: one pass of the checklist's matcher over the prepared text, every block placed in
//     the checklist's document parts and table rows, and every hit of every term set (and of
//     every regular expression) listed. Signals read this index; they never look at text again.

#include "engine/core/timings.hpp"
#include "engine/ingest/document.hpp"
#include "engine/rules/compiled.hpp"
#include "engine/text/normalise.hpp"
#include "engine/text/sentences.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace unct::rules {

struct PreparedBlock {
  text::NormalisedText normalised;
  text::SentenceStarts sentences;  // sentence start offsets in `normalised.text`
};

struct PreparedText {
  std::vector<PreparedBlock> blocks;  // parallel to the document's blocks
  std::size_t words = 0;              // in the document's text (runs of letters or digits)
  std::size_t bytes() const;          // of normalised text
};

// The document's blocks normalised, with their sentence starts; `words` is the document's word
// count when already known, else counted.
PreparedText prepare(const ingest::Document& document, Timings* timings = nullptr,
                     std::optional<std::size_t> words = std::nullopt);

struct Hit {
  std::uint32_t block = 0;
  std::uint32_t begin = 0;  // offsets in the block's normalised text
  std::uint32_t end = 0;
  std::uint32_t pattern = 0;  // matcher pattern; for regular-expression hits, the regex index
  bool negated = false;       // in a stretch a negation or an absence governs (text::negated_spans);
                              // worked out where a signal reads it (CompiledChecklist::polarity_read)
  bool operator==(const Hit&) const = default;
};

// A row of a table: its cells are the blocks [first_block, end_block).
struct TableRow {
  int table = 0;
  std::uint32_t first_block = 0;
  std::uint32_t end_block = 0;
};

struct DocumentIndex {
  std::shared_ptr<const PreparedText> text;
  std::vector<std::int32_t> part;            // per block: index into CompiledChecklist::parts, -1 when in none
  std::vector<std::int32_t> row;             // per block: index into `rows`, -1 outside tables
  std::vector<TableRow> rows;                // in document order
  std::vector<std::vector<Hit>> hits;        // per set index: hits of the set and of the sets it
                                             // includes, by block then offset, exceptions removed
  std::vector<std::vector<Hit>> regex_hits;  // per regex index, by block then offset
  bool front_matter = false;                 // some block stands outside the running text (ingest::Zone)

  const PreparedBlock& block(std::uint32_t b) const { return text->blocks[b]; }
};

struct IndexOptions {
  // The document's language ("en", "fr", "es"); terms marked with another language are left out.
  // Empty: every term counts.
  std::string language;
  Timings* timings = nullptr;  // "scan" is added when given
};

// The literal text every match of the regular expression `pattern` starts with ("cerd/c/" for
// "cerd/c/[a-z]{2,4}/co/[0-9]+"), or empty when it has none plain to see (an alternation, a flag
// group, a class, an escape or an anchor first). Blocks without it are not given to RE2.
std::string literal_prefix(std::string_view pattern);

// Requires: `text` prepared from `document`.
DocumentIndex index_document(const CompiledChecklist& compiled, const ingest::Document& document,
                             std::shared_ptr<const PreparedText> text, const IndexOptions& options = {});

// Every block's part id (empty when in none), for reports. Requires: `index` made with `compiled`.
std::vector<std::string> part_ids(const CompiledChecklist& compiled, const DocumentIndex& index);

// Both steps.
DocumentIndex index_document(const CompiledChecklist& compiled, const ingest::Document& document,
                             const IndexOptions& options = {});

}  // namespace unct::rules
