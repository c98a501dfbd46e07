#pragma once

namespace pugi {
class xml_node;
}

namespace unct::signals {

// Whether a hit stands in a clause that negates it or states its absence ("data are not
// disaggregated by ethnicity", "no data", "sin datos", "ne sont pas ventilées"). Positive claims
// ask for affirmed hits; a data-gap criterion may ask for negated ones.
enum class Polarity {
  any,       // every hit
  affirmed,  // hits outside a negated clause
  negated,   // hits inside one
};

// The `polarity` attribute of a schema-valid element (the schema allows only these values);
// `any` when it has none.
Polarity read_polarity(const pugi::xml_node& node);

}  // namespace unct::signals
