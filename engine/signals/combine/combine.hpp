#pragma once

// The combinations: signals made of signals. Each holds the signals inside it before `Signal` is
// complete (registry.hpp), hence the vectors.

#include "engine/signals/kind.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace unct::signals {

// Every signal holds.
struct AllOf {
  static constexpr std::string_view element = "all";

  std::vector<Signal> signals;
  bool operator==(const AllOf&) const = default;

  static AllOf read(const pugi::xml_node& node, ReadContext& context);
  std::string describe() const;
  void collect(Needs& needs) const;
  std::optional<std::string> never_holds(const LintContext& context) const;
  rules::Outcome evaluate(const rules::Evaluator& context, rules::Trace* trace) const;
};

// At least one signal holds.
struct AnyOf {
  static constexpr std::string_view element = "any";

  std::vector<Signal> signals;
  bool operator==(const AnyOf&) const = default;

  static AnyOf read(const pugi::xml_node& node, ReadContext& context);
  std::string describe() const;
  void collect(Needs& needs) const;
  std::optional<std::string> never_holds(const LintContext& context) const;
  rules::Outcome evaluate(const rules::Evaluator& context, rules::Trace* trace) const;
};

// The one signal does not hold. Holds with no evidence: absence has nothing to quote.
struct Not {
  static constexpr std::string_view element = "not";

  std::vector<Signal> signal;  // exactly one; a vector because the variant is recursive
  bool operator==(const Not&) const = default;

  static Not read(const pugi::xml_node& node, ReadContext& context);
  std::string describe() const;
  void collect(Needs& needs) const;
  std::optional<std::string> never_holds(const LintContext& context) const;
  rules::Outcome evaluate(const rules::Evaluator& context, rules::Trace* trace) const;
};

// At least `count` of the signals hold.
struct AtLeast {
  static constexpr std::string_view element = "at-least";

  int count = 1;
  std::vector<Signal> signals;
  bool operator==(const AtLeast&) const = default;

  static AtLeast read(const pugi::xml_node& node, ReadContext& context);
  std::string describe() const;
  void collect(Needs& needs) const;
  std::optional<std::string> never_holds(const LintContext& context) const;
  rules::Outcome evaluate(const rules::Evaluator& context, rules::Trace* trace) const;
};

}  // namespace unct::signals
