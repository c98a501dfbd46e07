#pragma once

// The signal kinds, registered in one place: the alternatives of `Signal`. A signal is a yes/no
// question about a document, asked of the term hits found in it (docs/signals.md). A kind is a
// folder (kind.hpp says what it holds) and its line below; every dispatch over the kinds is a
// visit without a fallback, so a registered kind must provide them all.

#include "engine/signals/combine/combine.hpp"
#include "engine/signals/coverage/coverage.hpp"
#include "engine/signals/in_table/in_table.hpp"
#include "engine/signals/kind.hpp"
#include "engine/signals/mentions/mentions.hpp"
#include "engine/signals/near/near.hpp"
#include "engine/signals/pattern/pattern.hpp"
#include "engine/signals/share/share.hpp"
#include "engine/signals/spread/spread.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace unct::signals {

// One signal of any kind. A struct rather than an alias so that the combinations can hold
// signals before the variant is complete (GCC takes the alias; Clang rightly does not).
struct Signal : std::variant<Mentions, Coverage, Near, InTable, Pattern, Share, AllOf, AnyOf, Not, AtLeast, Spread> {
  using variant::variant;
};

// A named signal's stand-in, <use ref="id"/>, which may stand wherever a signal may. It is no kind:
// the context puts the defined signal in its place, so no Signal holds a use.
constexpr std::string_view k_use_element = "use";

// The signal `node` is, picked by its element name. An element no kind claims is reported and
// read as an empty `all` (the schema lets none through).
Signal read_signal(const pugi::xml_node& node, ReadContext& context);
// Each element child of `parent`, in order.
std::vector<Signal> read_signals(const pugi::xml_node& parent, ReadContext& context);

// A signal in one line, as a reviewer reads it in `checklist show` and `--explain`:
// "near(groups, discrimination, same sentence)", "at least 2 of: ...".
std::string describe(const Signal& signal);
// Adds what `signal` reads of a document's scan to `needs`, depth first.
void collect(const Signal& signal, Needs& needs);
// Why no document can meet `signal`; nullopt when some may.
std::optional<std::string> never_holds(const Signal& signal, const LintContext& context);

}  // namespace unct::signals
