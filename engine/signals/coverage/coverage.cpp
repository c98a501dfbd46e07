#include "engine/signals/coverage/coverage.hpp"

#include "engine/signals/describe_parts.hpp"

#include <pugixml.hpp>

namespace unct::signals {

Coverage Coverage::read(const pugi::xml_node& node, ReadContext& context) {
  Coverage s{.term_set = node.attribute("set").value(), .min_distinct = node.attribute("min").as_int(1)};
  s.by = std::string_view(node.attribute("by").as_string("term")) == "set" ? CoverageUnit::set : CoverageUnit::term;
  context.require_term_set(node, s.term_set);
  s.part = context.read_part(node);
  s.polarity = read_polarity(node);
  const std::optional<std::size_t> count = s.by == CoverageUnit::set ? context.included_sets(s.term_set) : std::nullopt;
  if (count && *count < static_cast<std::size_t>(s.min_distinct)) {
    context.problem(node, "coverage of " + std::to_string(s.min_distinct) + " sets can never hold: \"" + s.term_set +
                              "\" includes " + std::to_string(*count));
  }
  return s;
}

std::string Coverage::describe() const {
  return "coverage(" + term_set + ", " + std::to_string(min_distinct) + " distinct " +
         (by == CoverageUnit::set ? "sets" : "terms") + in_part(part) + with_polarity(polarity) + ")";
}

void Coverage::collect(Needs& needs) const {
  needs.read_set(term_set, polarity);
  needs.read_part(part);
}

// Too few included sets is a load error; too few distinct terms only a warning, as a set's terms
// are its vocabulary and may yet grow.
std::optional<std::string> Coverage::never_holds(const LintContext& context) const {
  if (by != CoverageUnit::term) return std::nullopt;
  const std::size_t n = context.distinct_terms(term_set);
  if (static_cast<std::size_t>(min_distinct) <= n) return std::nullopt;
  return "it needs " + std::to_string(min_distinct) + " distinct terms of \"" + term_set + "\", which has " +
         std::to_string(n);
}

}  // namespace unct::signals
