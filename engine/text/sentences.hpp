#pragma once

#include "engine/text/normalise.hpp"

#include <boost/container/small_vector.hpp>

#include <cstdint>
#include <string_view>

namespace unct::text {

// Sentence start offsets: up to four held in place, without an allocation (most blocks, a
// heading, a cell or a short paragraph, have one or a few sentences).
using SentenceStarts = boost::container::small_vector<std::uint32_t, 4>;

// Offsets in `normalised.text` where sentences start (the first is 0). A sentence ends at ".",
// "!" or "?" followed by a space, unless the word before is a common abbreviation ("e.g.",
// "para.", "No.") or a single letter, or the source continues in lower case.
SentenceStarts sentence_starts(const NormalisedText& normalised, std::string_view source);

// The sentence number (index into `starts`) of byte offset `at`.
std::size_t sentence_of(const SentenceStarts& starts, std::size_t at);

}  // namespace unct::text
