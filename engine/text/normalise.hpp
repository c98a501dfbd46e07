#pragma once

// Text as the matcher sees it. Both document text and checklist terms go through `normalise`,
// so a term matches whatever spelling variants fold to the same bytes:
//   - NFKC with full case folding (ligatures, full-width forms, NBSP; "ß" -> "ss"); default
//     ignorables (soft hyphens, bidi controls) removed;
//   - accents removed by script: Latin and Greek lose all marks ("discriminación" =
//     "discriminacion"); Cyrillic folds only "ё" to "е" and keeps "й"; Arabic loses harakat and
//     tatweel;
//   - typographic apostrophes to "'", dashes and minus signs to "-", quotes to '"';
//   - any run of white space to one space;
//   - a hyphen at a line end between lower-case letters is joined ("discrimi-\nnation").
// Every output byte remembers the source byte it came from, so quotes come from the original.

#include <boost/container/small_vector.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace unct::text {

// Where each byte of a normalised text came from: the source offset of the source character
// that produced it. Kept as runs in which each byte comes from the source byte after the one
// before's (folded ASCII, most of a document), a few bytes a run rather than four a byte: a
// document's index holds it for the whole text.
class Origin {
public:
  std::size_t size() const { return m_size; }
  bool empty() const { return m_size == 0; }
  // Requires i < size().
  std::uint32_t operator[](std::size_t i) const;
  // Throws std::out_of_range when i >= size().
  std::uint32_t at(std::size_t i) const;
  std::uint32_t back() const { return (*this)[m_size - 1]; }
  void push_back(std::uint32_t offset);
  // Bytes coming from `count` source bytes in a row from `offset` on.
  void push_run(std::uint32_t offset, std::size_t count);
  void pop_back();
  bool operator==(const Origin&) const = default;

private:
  struct Run {
    std::uint32_t first;   // position of the run's first byte
    std::uint32_t offset;  // its source offset; the run's k-th byte comes from offset + k
    bool operator==(const Run&) const = default;
  };
  // Most blocks' bytes come from their source in one or two runs: those are held in place.
  boost::container::small_vector<Run, 2> m_runs;
  std::size_t m_size = 0;
};

struct NormalisedText {
  std::string text;
  // origin[i] is the source offset of the source character that produced text[i];
  // origin[text.size()] is the source size.
  Origin origin;

  // The source byte range [first, second) that produced text[begin, end).
  std::pair<std::size_t, std::size_t> source_span(std::size_t begin, std::size_t end) const;
};

// Requires: valid UTF-8 (readers check it).
NormalisedText normalise(std::string_view source);

// The normalised text alone, for checklist terms.
std::string normalise_term(std::string_view term);

}  // namespace unct::text
