#pragma once

#include "engine/signals/kind.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace unct::signals {

// Terms of the set (with the sets it includes) occur at least min_count times, only in blocks
// of `part` when given.
struct Mentions {
  static constexpr std::string_view element = "mentions";
  static constexpr std::string_view alias = "in-part";  // mentions whose part the schema requires

  std::string term_set;
  int min_count = 1;
  std::optional<std::string> part;
  Polarity polarity = Polarity::any;
  bool operator==(const Mentions&) const = default;

  static Mentions read(const pugi::xml_node& node, ReadContext& context);
  std::string describe() const;
  void collect(Needs& needs) const;
  std::optional<std::string> never_holds(const LintContext& context) const;
  rules::Outcome evaluate(const rules::Evaluator& context, rules::Trace* trace) const;
};

}  // namespace unct::signals
