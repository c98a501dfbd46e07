#pragma once

#include "engine/signals/kind.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace unct::signals {

// How `Coverage` counts.
enum class CoverageUnit {
  term,  // distinct terms of the set
  set,   // distinct sets the set includes (e.g. distinct groups of "groups")
};

// At least min_distinct distinct terms (or included sets) of the set occur.
struct Coverage {
  static constexpr std::string_view element = "coverage";

  std::string term_set;
  int min_distinct = 1;
  CoverageUnit by = CoverageUnit::term;
  std::optional<std::string> part;
  Polarity polarity = Polarity::any;
  bool operator==(const Coverage&) const = default;

  static Coverage read(const pugi::xml_node& node, ReadContext& context);
  std::string describe() const;
  void collect(Needs& needs) const;
  std::optional<std::string> never_holds(const LintContext& context) const;
  rules::Outcome evaluate(const rules::Evaluator& context, rules::Trace* trace) const;
};

}  // namespace unct::signals
