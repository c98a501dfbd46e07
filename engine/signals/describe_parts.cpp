#include "engine/signals/describe_parts.hpp"

namespace unct::signals {

std::string in_part(const std::optional<std::string>& part) { return part ? ", in part " + *part : ""; }

std::string at_least(int count) { return count > 1 ? ", at least " + std::to_string(count) : ""; }

std::string with_polarity(Polarity polarity) {
  return polarity == Polarity::affirmed ? ", affirmed" : polarity == Polarity::negated ? ", negated" : "";
}

}  // namespace unct::signals
