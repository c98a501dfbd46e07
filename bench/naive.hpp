#pragma once

// The baseline the benchmark compares the matcher with, and the oracle its test checks it
// against: one std::string_view::find per pattern over the text, each candidate checked with
// the matcher's own boundary rule (text::match_at). Slow on purpose; never used by the engine.

#include "engine/text/term_matcher.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace unct::bench {

// Appends the matches in `text`, in the matcher's order (end offset, then pattern index).
void naive_scan(const std::vector<std::string>& patterns, std::string_view text, std::vector<text::TermMatch>& out);

}  // namespace unct::bench
