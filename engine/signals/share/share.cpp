#include "engine/signals/share/share.hpp"

#include "engine/signals/describe_parts.hpp"

#include <pugixml.hpp>

#include <cmath>

namespace unct::signals {

Share Share::read(const pugi::xml_node& node, ReadContext& context) {
  Share s{.header_set = node.attribute("header").value(),
          .having_set = node.attribute("having").value(),
          .min_share = node.attribute("min-share").as_double(0.0),
          .min_rows = node.attribute("min-rows").as_int(1)};
  context.require_term_set(node, s.header_set);
  context.require_term_set(node, s.having_set);
  s.part = context.read_part(node);
  return s;
}

std::string Share::describe() const {
  const long percent = std::lround(min_share * 100);
  return "share(rows of tables headed by " + header_set + " carrying " + having_set + " >= " + std::to_string(percent) +
         "%, at least " + std::to_string(min_rows) + " rows" + in_part(part) + ")";
}

void Share::collect(Needs& needs) const {
  needs.read_set(header_set);
  needs.read_set(having_set);
  needs.read_part(part);
}

std::optional<std::string> Share::never_holds(const LintContext&) const {
  if (min_share <= 1.0) return std::nullopt;
  return "a share of " + std::to_string(min_share) + " is more than all rows";
}

}  // namespace unct::signals
