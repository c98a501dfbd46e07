#pragma once

#include "engine/signals/kind.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace unct::signals {

// Terms of the set occur under at least min_sections distinct top-level sections: a group
// mainstreamed across the document rather than confined to one box. Sections are counted below
// the headings every block sits under (a document's title); what stands before the first section
// heading is in none.
struct Spread {
  static constexpr std::string_view element = "spread";

  std::string term_set;
  int min_sections = 2;
  bool operator==(const Spread&) const = default;

  static Spread read(const pugi::xml_node& node, ReadContext& context);
  std::string describe() const;
  void collect(Needs& needs) const;
  std::optional<std::string> never_holds(const LintContext& context) const;
  rules::Outcome evaluate(const rules::Evaluator& context, rules::Trace* trace) const;
};

}  // namespace unct::signals
