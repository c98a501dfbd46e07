#pragma once

// What every HTML page (assessment, portfolio, comparison, debrief) shares: escaping, the style
// sheet, and the level badges in the UN scorecard's wording and colours.

#include "engine/core/level.hpp"
#include "engine/report/messages.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace unct::report {

// The text with &, <, >, " and ' as entities: safe in element content and quoted attributes.
std::string escape_html(std::string_view text);

// The style sheet every page embeds (no external assets: pages work offline and print well).
extern const std::string_view k_style;

// The UN scorecard wording of a level: "Missing", "Meets minimum requirements".
std::string un_label(Level level);

// A badge coloured by the level, in the UN scorecard's wording of `m`'s language; "Not
// applicable" on grey for none.
std::string level_badge(const std::optional<Level>& level, const Messages& m = messages("en"));

}  // namespace unct::report
