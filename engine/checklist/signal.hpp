#pragma once

// The rule vocabulary of the checklist. A signal is a yes/no question about a document, asked of
// the term hits found in it; criteria are signals with a sentence for the reader, and a rating
// rule names, per level, the criteria that must hold. The vocabulary is closed: a new kind of
// signal is a new alternative of `Signal`, and `rules::evaluate` does not compile until it
// handles it.

#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace unct::checklist {

// What counts as "together" for `Near`.
enum class Scope {
  sentence,   // the same sentence of one block
  paragraph,  // the same block (paragraph, list item, heading or table cell)
};

// Terms of the set (with the sets it includes) occur at least min_count times, only in blocks
// of `part` when given.
struct Mentions {
  std::string term_set;
  int min_count = 1;
  std::optional<std::string> part;
  bool operator==(const Mentions&) const = default;
};

// How `Coverage` counts.
enum class CoverageUnit {
  term,  // distinct terms of the set
  set,   // distinct sets the set includes (e.g. distinct groups of "groups")
};

// At least min_distinct distinct terms (or included sets) of the set occur.
struct Coverage {
  std::string term_set;
  int min_distinct = 1;
  CoverageUnit by = CoverageUnit::term;
  std::optional<std::string> part;
  bool operator==(const Coverage&) const = default;
};

// A term of set a and a term of set b occur together within the scope.
struct Near {
  std::string term_set_a;
  std::string term_set_b;
  Scope within = Scope::sentence;
  std::optional<std::string> part;
  bool operator==(const Near&) const = default;
};

struct AllOf;
struct AnyOf;
struct Not;
struct AtLeast;

using Signal = std::variant<Mentions, Coverage, Near, AllOf, AnyOf, Not, AtLeast>;

// Every signal holds.
struct AllOf {
  std::vector<Signal> signals;
  bool operator==(const AllOf&) const = default;
};

// At least one signal holds.
struct AnyOf {
  std::vector<Signal> signals;
  bool operator==(const AnyOf&) const = default;
};

// The one signal does not hold. Holds with no evidence: absence has nothing to quote.
struct Not {
  std::vector<Signal> signal;  // exactly one; a vector because the variant is recursive
  bool operator==(const Not&) const = default;
};

// At least `count` of the signals hold.
struct AtLeast {
  int count = 1;
  std::vector<Signal> signals;
  bool operator==(const AtLeast&) const = default;
};

}  // namespace unct::checklist
