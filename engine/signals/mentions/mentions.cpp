#include "engine/signals/mentions/mentions.hpp"

#include "engine/signals/describe_parts.hpp"

#include <pugixml.hpp>

namespace unct::signals {

Mentions Mentions::read(const pugi::xml_node& node, ReadContext& context) {
  Mentions s{.term_set = node.attribute("set").value(), .min_count = node.attribute("min").as_int(1)};
  context.require_term_set(node, s.term_set);
  s.part = context.read_part(node);
  s.polarity = read_polarity(node);
  return s;
}

std::string Mentions::describe() const {
  return "mentions(" + term_set + at_least(min_count) + in_part(part) + with_polarity(polarity) + ")";
}

void Mentions::collect(Needs& needs) const {
  needs.read_set(term_set, polarity);
  needs.read_part(part);
}

// Any set the loader accepted can occur any number of times.
std::optional<std::string> Mentions::never_holds(const LintContext&) const { return std::nullopt; }

}  // namespace unct::signals
