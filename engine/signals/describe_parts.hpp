#pragma once

// Pieces of the one-line descriptions (`describe`) that several kinds share.

#include "engine/signals/polarity.hpp"

#include <optional>
#include <string>

namespace unct::signals {

std::string in_part(const std::optional<std::string>& part);  // ", in part lnob"; empty without one
std::string at_least(int count);                              // ", at least 2"; empty for 1
std::string with_polarity(Polarity polarity);                 // ", affirmed", ", negated"; empty for any

}  // namespace unct::signals
