#pragma once

#include "engine/text/normalise.hpp"

#include <cstdint>
#include <string_view>
#include <vector>

namespace unct::text {

// Offsets in `normalised.text` where sentences start (the first is 0). A sentence ends at ".",
// "!" or "?" followed by a space, unless the word before is a common abbreviation ("e.g.",
// "para.", "No.") or a single letter, or the source continues in lower case.
std::vector<std::uint32_t> sentence_starts(const NormalisedText& normalised, std::string_view source);

// The sentence number (index into `starts`) of byte offset `at`.
std::size_t sentence_of(const std::vector<std::uint32_t>& starts, std::size_t at);

}  // namespace unct::text
