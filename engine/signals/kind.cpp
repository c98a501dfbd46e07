#include "engine/signals/kind.hpp"

#include <algorithm>

namespace unct::signals {

void Needs::read_set(const std::string& id, Polarity polarity) {
  if (std::find(sets.begin(), sets.end(), id) == sets.end()) sets.push_back(id);
  if (polarity != Polarity::any) polarity_sets.push_back(id);
}

void Needs::read_regex(const std::string& regex) {
  if (std::find(regexes.begin(), regexes.end(), regex) == regexes.end()) regexes.push_back(regex);
}

void Needs::read_part(const std::optional<std::string>& part) {
  if (part && std::find(parts.begin(), parts.end(), *part) == parts.end()) parts.push_back(*part);
}

}  // namespace unct::signals
