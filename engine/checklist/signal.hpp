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
  row,        // the same table row (any of its cells); never outside tables
  words,      // the same block, with at most `Near::words` words between the two terms
};

// Whether a hit stands in a clause that negates it or states its absence ("data are not
// disaggregated by ethnicity", "no data", "sin datos", "ne sont pas ventilées"). Positive claims
// ask for affirmed hits; a data-gap criterion may ask for negated ones.
enum class Polarity {
  any,       // every hit
  affirmed,  // hits outside a negated clause
  negated,   // hits inside one
};

// Terms of the set (with the sets it includes) occur at least min_count times, only in blocks
// of `part` when given.
struct Mentions {
  std::string term_set;
  int min_count = 1;
  std::optional<std::string> part;
  Polarity polarity = Polarity::any;
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
  Polarity polarity = Polarity::any;
  bool operator==(const Coverage&) const = default;
};

// A term of set a and a term of set b occur together within the scope, at least min_count
// times (counted once per sentence, block or row); with `ordered`, the term of a comes first.
struct Near {
  std::string term_set_a;
  std::string term_set_b;
  Scope within = Scope::sentence;
  int words = 0;  // Scope::words only: the most words allowed between the two terms
  bool ordered = false;
  int min_count = 1;
  std::optional<std::string> part;
  Polarity polarity = Polarity::any;  // of the pair: negated when either hit is
  bool operator==(const Near&) const = default;
};

// Terms of the set occur at least min_count times inside table cells (of `part` when given).
struct InTable {
  std::string term_set;
  int min_count = 1;
  std::optional<std::string> part;
  Polarity polarity = Polarity::any;
  bool operator==(const InTable&) const = default;
};

// A regular expression (RE2 syntax) matches the normalised text of blocks at least min_count
// times. Normalised text is lower case without accents, so patterns are written that way:
// "cerd/c/[a-z]+/co/[0-9-]+" finds CERD concluding observations by their symbol.
struct Pattern {
  std::string regex;
  int min_count = 1;
  std::optional<std::string> part;
  bool operator==(const Pattern&) const = default;
};

// Results-framework proportions. A table takes part when one of its rows carries a term of
// `header_set` (e.g. "indicator", "baseline"); that row is its header, and each later row with
// text in at least two cells is a data row (an indicator, typically). The share of data rows in
// which some cell carries a term of `having_set` must be at least `min_share`, over at least
// `min_rows` qualifying rows.
struct Share {
  std::string header_set;
  std::string having_set;
  double min_share = 0.0;
  int min_rows = 1;  // qualifying rows needed, whatever the share
  std::optional<std::string> part;
  bool operator==(const Share&) const = default;
};

struct AllOf;
struct AnyOf;
struct Not;
struct AtLeast;

struct Signal;

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

// One signal of any kind. A struct rather than an alias so that the combinations above can hold
// signals before the variant is complete (GCC takes the alias; Clang rightly does not).
struct Signal : std::variant<Mentions, Coverage, Near, InTable, Pattern, Share, AllOf, AnyOf, Not, AtLeast> {
  using variant::variant;
};

}  // namespace unct::checklist
