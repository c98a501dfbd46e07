#include "engine/signals/pattern/pattern.hpp"

#include "engine/signals/describe_parts.hpp"

#include <re2/re2.h>
#include <pugixml.hpp>

namespace unct::signals {

Pattern Pattern::read(const pugi::xml_node& node, ReadContext& context) {
  Pattern s{.regex = node.attribute("regex").value(), .min_count = node.attribute("min").as_int(1)};
  const RE2 compiled(s.regex, RE2::Quiet);
  if (!compiled.ok())
    context.problem(node, "pattern \"" + s.regex + "\" is not a valid RE2 expression: " + compiled.error());
  s.part = context.read_part(node);
  return s;
}

std::string Pattern::describe() const { return "pattern(/" + regex + "/" + at_least(min_count) + in_part(part) + ")"; }

void Pattern::collect(Needs& needs) const {
  needs.read_regex(regex);
  needs.read_part(part);
}

// The loader refuses an invalid expression; a valid one may match some document.
std::optional<std::string> Pattern::never_holds(const LintContext&) const { return std::nullopt; }

}  // namespace unct::signals
