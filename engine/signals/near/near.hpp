#pragma once

#include "engine/signals/kind.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace unct::signals {

// What counts as "together" for `Near`.
enum class Scope {
  sentence,   // the same sentence of one block
  paragraph,  // the same block (paragraph, list item, heading or table cell)
  row,        // the same table row (any of its cells); never outside tables
  words,      // the same block, with at most `Near::words` words between the two terms
};

// "same sentence", "same table row", "within 10 words"
std::string describe_scope(Scope scope, int words = 0);

// A term of set a and a term of set b occur together within the scope, at least min_count
// times (counted once per sentence, block or row); with `ordered`, the term of a comes first.
struct Near {
  static constexpr std::string_view element = "near";

  std::string term_set_a;
  std::string term_set_b;
  Scope within = Scope::sentence;
  int words = 0;  // Scope::words only: the most words allowed between the two terms
  bool ordered = false;
  int min_count = 1;
  std::optional<std::string> part;
  Polarity polarity = Polarity::any;  // of the pair: negated when either hit is
  bool operator==(const Near&) const = default;

  static Near read(const pugi::xml_node& node, ReadContext& context);
  std::string describe() const;
  void collect(Needs& needs) const;
  std::optional<std::string> never_holds(const LintContext& context) const;
  rules::Outcome evaluate(const rules::Evaluator& context, rules::Trace* trace) const;
};

}  // namespace unct::signals
