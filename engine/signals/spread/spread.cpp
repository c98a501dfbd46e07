#include "engine/signals/spread/spread.hpp"

#include <pugixml.hpp>

namespace unct::signals {

Spread Spread::read(const pugi::xml_node& node, ReadContext& context) {
  Spread s{.term_set = node.attribute("set").value(), .min_sections = node.attribute("min").as_int(2)};
  context.require_term_set(node, s.term_set);
  return s;
}

std::string Spread::describe() const {
  return "spread(" + term_set + ", " + std::to_string(min_sections) + " sections)";
}

void Spread::collect(Needs& needs) const { needs.read_set(term_set); }

// How many sections a document has, only the document can tell.
std::optional<std::string> Spread::never_holds(const LintContext&) const { return std::nullopt; }

}  // namespace unct::signals
