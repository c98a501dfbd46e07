#pragma once

// What a signal kind is made of, as ClangTidyCheck.h says what a check is. A kind is a value type
// in its own folder, engine/signals/<kind>/, listed once in registry.hpp. It provides:
//
//   static constexpr std::string_view element;  its element in the checklist XML ("mentions");
//                                               optionally `alias`, a second element it answers to
//   static K read(const pugi::xml_node&, ReadContext&);  the value of a schema-valid element;
//                                               what the schema cannot see goes to the context
//   std::string describe() const;               one line for `checklist show` and `--explain`
//   void collect(Needs&) const;                 what it reads of a document's scan, which the
//                                               compile step prepares
//   std::optional<std::string> never_holds(const LintContext&) const;  why no document can meet
//                                               it, for `checklist lint`; nullopt when some may
//   rules::Outcome evaluate(const rules::Evaluator&, rules::Trace*) const;  whether it holds, and
//                                               the hits that made it hold: in <kind>/evaluate.cpp,
//                                               which belongs to the rules layer (tests/layers.cmake)
//
// beside its doc (<kind>/<kind>.md, linked from docs/signals.md) and its tests
// (tests/signals/<kind>_test.cpp). Every dispatch visits the kinds without a fallback, and
// registry.hpp checks `Kind` for each: a registered kind that lacks one of these does not compile.

#include "engine/signals/polarity.hpp"

#include <concepts>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pugi {
class xml_node;
}

namespace unct::rules {
class Evaluator;
struct Outcome;
struct Trace;
}  // namespace unct::rules

namespace unct::signals {

struct Signal;

// The checklist loader's side of reading a signal: where problems go (with the item being read)
// and what the rest of the checklist holds.
class ReadContext {
public:
  // A problem at `node` that the schema cannot see.
  virtual void problem(const pugi::xml_node& node, std::string message) = 0;
  // Reports "unknown term set" at `node` unless the checklist has set `id`.
  virtual void require_term_set(const pugi::xml_node& node, const std::string& id) = 0;
  // The `part` attribute of `node`; reports an unknown part. nullopt when there is none.
  virtual std::optional<std::string> read_part(const pugi::xml_node& node) = 0;
  // How many sets the set `id` includes directly; nullopt when the checklist has no such set.
  virtual std::optional<std::size_t> included_sets(const std::string& id) const = 0;
  // The signal a <use ref="..."/> at `node` names (a <define> of the checklist), read once where it
  // is defined; reports a ref that cannot be used there and stands in an empty `all` for it.
  virtual Signal use(const pugi::xml_node& node) = 0;

protected:
  ~ReadContext() = default;
};

// What lint knows of the checklist's vocabulary.
class LintContext {
public:
  // Distinct normalised terms of the set `id` and of the sets it includes.
  virtual std::size_t distinct_terms(const std::string& id) const = 0;

protected:
  ~LintContext() = default;
};

// What signals read of a document's scan, collected over signal trees.
struct Needs {
  std::vector<std::string> sets;           // term sets read directly, in first-read order, each once
  std::vector<std::string> polarity_sets;  // sets whose hits are asked whether they are negated
  std::vector<std::string> regexes;        // of `pattern` signals, in first-read order, each once
  std::vector<std::string> parts;          // document parts signals look in, in first-read order, each once

  void read_set(const std::string& id, Polarity polarity = Polarity::any);
  void read_regex(const std::string& regex);
  void read_part(const std::optional<std::string>& part);  // nothing when the signal looks everywhere
};

// The contract above, but for `evaluate`: rules::Evaluator's visit checks that one.
template <class K>
concept Kind = requires(const K& kind, const pugi::xml_node& node, ReadContext& reading, Needs& needs,
                        const LintContext& linting) {
  { K::element } -> std::convertible_to<std::string_view>;
  { K::read(node, reading) } -> std::same_as<K>;
  { kind.describe() } -> std::same_as<std::string>;
  { kind.collect(needs) } -> std::same_as<void>;
  { kind.never_holds(linting) } -> std::same_as<std::optional<std::string>>;
  { kind == kind } -> std::same_as<bool>;
};

}  // namespace unct::signals
