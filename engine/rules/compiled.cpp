#include "engine/rules/compiled.hpp"

#include "engine/text/negation.hpp"
#include "engine/text/normalise.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <cassert>
#include <functional>

namespace unct::rules {

CompiledChecklist compile(const checklist::Checklist& checklist) {
  CompiledChecklist out;
  for (const checklist::TermSet& set : checklist.term_sets) {
    out.set_index.emplace(set.id, static_cast<SetIndex>(out.set_ids.size()));
    out.set_ids.push_back(set.id);
  }

  std::vector<std::string> patterns;
  std::unordered_map<std::string, std::uint32_t> pattern_index;
  std::vector<std::vector<PatternOwner>> owners;  // per pattern
  auto add = [&](const checklist::Term& term, SetIndex set, bool exception) {
    const std::string pattern = text::normalise_term(term.text);
    auto [it, fresh] = pattern_index.emplace(pattern, static_cast<std::uint32_t>(patterns.size()));
    if (fresh) {
      patterns.push_back(pattern);
      owners.emplace_back();
    }
    auto language = std::find(out.languages.begin(), out.languages.end(), term.lang);
    if (language == out.languages.end()) language = out.languages.insert(language, term.lang);
    assert(out.languages.size() <= 0x10000);  // PatternOwner::lang
    const PatternOwner owner{set, static_cast<std::uint16_t>(language - out.languages.begin()), exception};
    auto& of_pattern = owners[it->second];
    if (std::find(of_pattern.begin(), of_pattern.end(), owner) == of_pattern.end()) of_pattern.push_back(owner);
  };
  out.includes.resize(out.set_ids.size());
  out.context.resize(out.set_ids.size());
  for (const checklist::TermSet& set : checklist.term_sets) {
    const SetIndex index = out.index_of(set.id);
    for (const checklist::Term& term : set.terms) add(term, index, false);
    for (const checklist::Term& term : set.exceptions) add(term, index, true);
    for (const std::string& included : set.includes) out.includes[index].push_back(out.index_of(included));
    if (!set.context.empty()) out.context[index] = out.index_of(set.context);
  }

  out.members.resize(out.set_ids.size());
  for (SetIndex set = 0; set < out.set_ids.size(); ++set) {
    std::vector<bool> seen(out.set_ids.size(), false);
    std::function<void(SetIndex)> visit = [&](SetIndex s) {
      if (seen[s]) return;
      seen[s] = true;
      out.members[set].push_back(s);
      for (SetIndex next : out.includes[s]) visit(next);
    };
    visit(set);
    std::sort(out.members[set].begin(), out.members[set].end());
  }

  for (const checklist::Part& part : checklist.parts) out.parts.emplace_back(part.id, out.index_of(part.heading_set));
  signals::Needs needs;
  for (const checklist::Section& section : checklist.sections) {
    for (const checklist::Item& item : section.items) {
      for (const checklist::Criterion& criterion : item.criteria) {
        if (criterion.signal) signals::collect(*criterion.signal, needs);
      }
    }
  }
  // Each `pattern` signal's expression, compiled once however many criteria use it.
  for (const std::string& regex : needs.regexes) {
    out.regex_index.emplace(regex, static_cast<std::uint32_t>(out.regexes.size()));
    out.regexes.push_back(std::make_shared<const re2::RE2>(regex, re2::RE2::Quiet));
  }
  std::vector<bool> set_read(out.set_ids.size(), false);
  for (const std::string& id : needs.polarity_sets) {
    for (SetIndex member : out.members[out.index_of(id)]) set_read[member] = true;
  }
  out.polarity_read.assign(owners.size(), false);
  for (std::size_t p = 0; p < owners.size(); ++p) {
    out.polarity_read[p] =
        std::any_of(owners[p].begin(), owners[p].end(), [&](const PatternOwner& o) { return set_read[o.set]; });
  }
  // The words a negated stretch needs (of two letters or more), found in the same scan: a
  // sentence without one, nor a one-letter one, is not read word by word for negation. A
  // checklist whose signals never ask about negation does without them.
  out.negation_word.assign(patterns.size(), false);
  const bool polarity_read =
      std::find(out.polarity_read.begin(), out.polarity_read.end(), true) != out.polarity_read.end();
  for (std::string_view word : polarity_read ? text::negation_words() : std::vector<std::string_view>()) {
    const auto [it, fresh] = pattern_index.emplace(std::string(word), static_cast<std::uint32_t>(patterns.size()));
    if (fresh) {
      patterns.emplace_back(word);
      owners.emplace_back();
      out.polarity_read.push_back(false);
      out.negation_word.push_back(true);
    } else {
      out.negation_word[it->second] = true;
    }
  }
  for (const std::vector<PatternOwner>& of_pattern : owners) out.owners.add_pattern(of_pattern);
  out.matcher = text::TermMatcher(std::move(patterns));
  return out;
}

std::int32_t CompiledChecklist::part_index(std::string_view id) const {
  const auto at = std::find_if(parts.begin(), parts.end(), [&](const auto& part) { return part.first == id; });
  return at == parts.end() ? -2 : static_cast<std::int32_t>(at - parts.begin());
}

CompiledChecklist::LanguageFilter CompiledChecklist::language_filter(const std::string& language) const {
  if (language.empty()) return {};
  // A language no term has: only the terms of every language count.
  const auto at = std::find(languages.begin() + 1, languages.end(), language);
  return {static_cast<std::uint32_t>(at - languages.begin())};
}

}  // namespace unct::rules
