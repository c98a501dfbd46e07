#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace unct {

// The four-level scale the UN scorecards use (UNCT-SWAP, UNDIS). Levels are cumulative:
// a document that meets an item also satisfies what "approaches" asks.
enum class Level { missing = 0, approaches = 1, meets = 2, exceeds = 3 };

inline constexpr Level k_levels[] = {Level::missing, Level::approaches, Level::meets, Level::exceeds};
inline constexpr int k_max_points = 3;

constexpr int points(Level level) { return static_cast<int>(level); }

// "missing", "approaches", "meets", "exceeds": the code used in XML, JSON and the database.
std::string_view code(Level level);
// "Missing", "Approaches", "Meets", "Exceeds": the UN label for reports.
std::string_view label(Level level);
// Accepts a code or a label in any case; nullopt for anything else.
std::optional<Level> parse_level(std::string_view text);
// Reads a level as people write it on a form or an answer sheet: the code, or the short or the UN
// scorecard name in English, French or Spanish ("Répond", "Cumple los requisitos mínimos"), in any
// case (accented capitals too), with accents as written and either apostrophe ("S'approche",
// "S’approche"); nullopt for anything else. The names are those the reports print
// (report::Messages::level and un_level), which a test holds to.
std::optional<Level> parse_level_name(std::string_view text);

// The document types the checklist distinguishes.
enum class DocumentKind { cca, cf, serp };

std::string_view code(DocumentKind kind);   // "cca", "cf", "serp"
std::string_view label(DocumentKind kind);  // "Common Country Analysis", ...
std::optional<DocumentKind> parse_document_kind(std::string_view text);

}  // namespace unct
