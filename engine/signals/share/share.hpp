#pragma once

#include "engine/signals/kind.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace unct::signals {

// Results-framework proportions. A table takes part when one of its rows carries a term of
// `header_set` (e.g. "indicator", "baseline"); that row is its header, and each later row with
// text in at least two cells is a data row (an indicator, typically). The share of data rows in
// which some cell carries a term of `having_set` must be at least `min_share`, over at least
// `min_rows` qualifying rows.
struct Share {
  static constexpr std::string_view element = "share";

  std::string header_set;
  std::string having_set;
  double min_share = 0.0;
  int min_rows = 1;  // qualifying rows needed, whatever the share
  std::optional<std::string> part;
  bool operator==(const Share&) const = default;

  static Share read(const pugi::xml_node& node, ReadContext& context);
  std::string describe() const;
  void collect(Needs& needs) const;
  std::optional<std::string> never_holds(const LintContext& context) const;
  rules::Outcome evaluate(const rules::Evaluator& context, rules::Trace* trace) const;
};

}  // namespace unct::signals
