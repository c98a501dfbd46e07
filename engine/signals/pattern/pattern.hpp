#pragma once

#include "engine/signals/kind.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace unct::signals {

// A regular expression (RE2 syntax) matches the normalised text of blocks at least min_count
// times. Normalised text is lower case without accents, so patterns are written that way:
// "cerd/c/[a-z]+/co/[0-9-]+" finds CERD concluding observations by their symbol.
struct Pattern {
  static constexpr std::string_view element = "pattern";

  std::string regex;
  int min_count = 1;
  std::optional<std::string> part;
  bool operator==(const Pattern&) const = default;

  static Pattern read(const pugi::xml_node& node, ReadContext& context);
  std::string describe() const;
  void collect(Needs& needs) const;
  std::optional<std::string> never_holds(const LintContext& context) const;
  rules::Outcome evaluate(const rules::Evaluator& context, rules::Trace* trace) const;
};

}  // namespace unct::signals
