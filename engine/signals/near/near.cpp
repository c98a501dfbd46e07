#include "engine/signals/near/near.hpp"

#include "engine/signals/describe_parts.hpp"

#include <pugixml.hpp>

namespace unct::signals {
namespace {

// The schema allows only these values.
Scope parse_scope(std::string_view text) {
  if (text == "paragraph") return Scope::paragraph;
  if (text == "row") return Scope::row;
  if (text == "words") return Scope::words;
  return Scope::sentence;
}

}  // namespace

std::string describe_scope(Scope scope, int words) {
  switch (scope) {
    case Scope::sentence: return "same sentence";
    case Scope::paragraph: return "same paragraph";
    case Scope::row: return "same table row";
    case Scope::words: return "within " + std::to_string(words) + " words";
  }
  return {};
}

Near Near::read(const pugi::xml_node& node, ReadContext& context) {
  Near s{.term_set_a = node.attribute("a").value(),
         .term_set_b = node.attribute("b").value(),
         .within = parse_scope(node.attribute("within").as_string("sentence")),
         .words = node.attribute("words").as_int(0),
         .ordered = node.attribute("ordered").as_bool(false),
         .min_count = node.attribute("min").as_int(1)};
  context.require_term_set(node, s.term_set_a);
  context.require_term_set(node, s.term_set_b);
  s.part = context.read_part(node);
  s.polarity = read_polarity(node);
  if ((s.within == Scope::words) != (s.words > 0))
    context.problem(node, "near: give words=\"N\" exactly when within=\"words\"");
  return s;
}

std::string Near::describe() const {
  return "near(" + term_set_a + (ordered ? " before " : ", ") + term_set_b + ", " + describe_scope(within, words) +
         at_least(min_count) + in_part(part) + with_polarity(polarity) + ")";
}

void Near::collect(Needs& needs) const {
  needs.read_set(term_set_a, polarity);
  needs.read_set(term_set_b, polarity);
  needs.read_part(part);
}

// Two sets can meet in any sentence; only the document can tell.
std::optional<std::string> Near::never_holds(const LintContext&) const { return std::nullopt; }

}  // namespace unct::signals
