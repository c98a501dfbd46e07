#pragma once

// A checklist made ready for matching: every term and exception of every term set, normalised
// and deduplicated, in one TermMatcher with the words negation needs, with the sets each pattern belongs to and the
// closure of includes; every regular expression of a `pattern` signal compiled once. Built once per checklist;
// immutable afterwards and safe to share across threads.

#include "engine/checklist/model.hpp"
#include "engine/text/term_matcher.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace re2 {
class RE2;
}

namespace unct::rules {

using SetIndex = std::uint32_t;

struct PatternOwner {
  SetIndex set = 0;
  std::uint16_t lang = 0;  // the term's language, an index into CompiledChecklist::languages
  bool exception = false;  // an <except> phrase of the set rather than a term
  bool operator==(const PatternOwner&) const = default;
};

// The owners of every matcher pattern in one array, which the index reads for each hit:
// pattern p's are all[begin[p], begin[p + 1]), set by set (a set's owners of a pattern are next
// to each other), which the index relies on to count a term a set lists twice once.
struct PatternOwners {
  std::vector<PatternOwner> all;
  std::vector<std::uint32_t> begin{0};

  std::size_t size() const { return begin.size() - 1; }  // patterns
  std::span<const PatternOwner> operator[](std::size_t pattern) const {
    return {all.data() + begin[pattern], all.data() + begin[pattern + 1]};
  }
  void add_pattern(std::span<const PatternOwner> owners) {
    all.insert(all.end(), owners.begin(), owners.end());
    begin.push_back(static_cast<std::uint32_t>(all.size()));
  }
  bool operator==(const PatternOwners&) const = default;
};

struct CompiledChecklist {
  text::TermMatcher matcher{{}};
  PatternOwners owners;                    // per matcher pattern
  std::vector<std::string> languages{""};  // of the terms; "" (every language) first
  std::vector<std::string> set_ids;        // per set index
  std::unordered_map<std::string, SetIndex> set_index;
  std::vector<std::vector<SetIndex>> members;    // per set: itself and every set it includes, transitively
  std::vector<std::vector<SetIndex>> includes;   // per set: the sets it includes directly
  std::vector<std::optional<SetIndex>> context;  // per set: the set its hits need in their sentence
  // Per matcher pattern: whether some signal asks whether its hits are negated (a `polarity`).
  // Negation is worked out only for sentences with such a hit...
  std::vector<bool> polarity_read;
  // ...and a negation word (text::negation_words, text::holds_one_letter_negation_word): the
  // matcher finds those of two letters or more too, as patterns of no set (their `owners` are
  // empty unless a term is the same word).
  std::vector<bool> negation_word;
  std::vector<std::pair<std::string, SetIndex>> parts;   // part id and its heading set, in checklist order
  std::vector<std::shared_ptr<const re2::RE2>> regexes;  // of `pattern` signals, deduplicated
  std::unordered_map<std::string, std::uint32_t> regex_index;

  SetIndex index_of(const std::string& set_id) const { return set_index.at(set_id); }
  // Where the part `id` is in `parts`; -2, which no block is in, when there is no such part.
  std::int32_t part_index(std::string_view id) const;

  // Which owners count in a document of a language: those of every language and those of its
  // own; every owner when the document's language is not known (empty).
  struct LanguageFilter {
    std::uint32_t lang = k_every;
    static constexpr std::uint32_t k_every = ~0u;
    bool counts(const PatternOwner& owner) const { return owner.lang == 0 || lang == k_every || owner.lang == lang; }
  };
  LanguageFilter language_filter(const std::string& language) const;
};

// Requires: a checklist that load_checklist accepted (every reference resolves, no cycles,
// every regular expression valid).
CompiledChecklist compile(const checklist::Checklist& checklist);

}  // namespace unct::rules
