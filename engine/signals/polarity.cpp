#include "engine/signals/polarity.hpp"

#include <pugixml.hpp>

#include <string_view>

namespace unct::signals {

Polarity read_polarity(const pugi::xml_node& node) {
  const std::string_view value = node.attribute("polarity").as_string("any");
  return value == "affirmed" ? Polarity::affirmed : value == "negated" ? Polarity::negated : Polarity::any;
}

}  // namespace unct::signals
