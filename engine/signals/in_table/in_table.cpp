#include "engine/signals/in_table/in_table.hpp"

#include "engine/signals/describe_parts.hpp"

#include <pugixml.hpp>

namespace unct::signals {

InTable InTable::read(const pugi::xml_node& node, ReadContext& context) {
  InTable s{.term_set = node.attribute("set").value(), .min_count = node.attribute("min").as_int(1)};
  context.require_term_set(node, s.term_set);
  s.part = context.read_part(node);
  s.polarity = read_polarity(node);
  return s;
}

std::string InTable::describe() const {
  return "in-table(" + term_set + at_least(min_count) + in_part(part) + with_polarity(polarity) + ")";
}

void InTable::collect(Needs& needs) const {
  needs.read_set(term_set, polarity);
  needs.read_part(part);
}

// Whether a document has tables, and what they say, only the document can tell.
std::optional<std::string> InTable::never_holds(const LintContext&) const { return std::nullopt; }

}  // namespace unct::signals
