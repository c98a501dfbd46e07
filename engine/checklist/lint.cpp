#include "engine/checklist/lint.hpp"

#include "engine/signals/registry.hpp"
#include "engine/text/normalise.hpp"
#include "engine/text/term_matcher.hpp"
#include "engine/text/unicode.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <set>

namespace unct::checklist {
namespace {

std::string in_quotes(std::string_view s) { return "\"" + std::string(s) + "\""; }

class Linter final : public signals::LintContext {
public:
  Linter(const Checklist& checklist, std::vector<LintWarning>& out) : m_checklist(checklist), m_out(out) {
    for (const TermSet& set : checklist.term_sets) m_sets[set.id] = &set;
  }

  void unused_sets() {
    std::set<std::string> used;
    for (const Part& part : m_checklist.parts) used.insert(part.heading_set);
    for (const Section& section : m_checklist.sections) {
      for (const Item& item : section.items) {
        for (const std::string& id : term_sets_read(item)) used.insert(id);
      }
    }
    std::set<std::string> reached;
    std::function<void(const std::string&)> reach = [&](const std::string& id) {
      if (!reached.insert(id).second || m_sets.count(id) == 0) return;
      for (const std::string& included : m_sets.at(id)->includes) reach(included);
      if (!m_sets.at(id)->context.empty()) reach(m_sets.at(id)->context);  // a context is read too
    };
    for (const std::string& id : used) reach(id);
    for (const TermSet& set : m_checklist.term_sets) {
      if (reached.count(set.id) == 0) {
        warn(set.file, set.line, set.id, "term set is never used: no signal, part or used set reads it");
      }
    }
  }

  void unused_definitions() {
    std::map<std::string, const Definition*> by_id;
    for (const Definition& definition : m_checklist.definitions) by_id[definition.id] = &definition;
    std::set<std::string> reached;
    std::function<void(const std::string&)> reach = [&](const std::string& id) {
      if (!reached.insert(id).second || by_id.count(id) == 0) return;
      for (const std::string& used : by_id.at(id)->uses) reach(used);
    };
    for (const Definition& definition : m_checklist.definitions) {
      if (definition.used_by_criteria) reach(definition.id);
    }
    for (const Definition& definition : m_checklist.definitions) {
      if (reached.count(definition.id) == 0) {
        warn(definition.file, definition.line, definition.id,
             "signal definition is never used: no criterion or used definition uses it");
      }
    }
  }

  void terms() {
    const std::set<std::string> languages(m_checklist.meta.languages.begin(), m_checklist.meta.languages.end());
    for (const TermSet& set : m_checklist.term_sets) {
      std::vector<std::pair<std::string, const Term*>> seen;  // normalised pattern, term
      for (const Term& term : set.terms) {
        const std::string pattern = text::normalise_term(term.text);
        never_matches(set, term, pattern);
        if (!term.lang.empty() && languages.count(term.lang) == 0) {
          warn(set.file, term.line, set.id,
               "term " + in_quotes(term.text) + " is for language " + in_quotes(term.lang) +
                   ", which the checklist does not declare: it counts only when a document's language is unknown");
        }
        for (const auto& [other_pattern, other] : seen) {
          if (other_pattern == pattern && counts_wherever(*other, term)) {
            warn(set.file, term.line, set.id,
                 "term " + in_quotes(term.text) + " is written twice (also on line " + std::to_string(other->line) +
                     ")");
          } else if (other_pattern == pattern && counts_wherever(term, *other)) {
            warn(set.file, other->line, set.id,
                 "term " + in_quotes(other->text) + " is written twice (also on line " + std::to_string(term.line) +
                     ")");
          } else if (counts_wherever(*other, term) && covers(other_pattern, pattern)) {
            warn(set.file, term.line, set.id,
                 "term " + in_quotes(term.text) + " is already matched by " + in_quotes(other->text) + " (line " +
                     std::to_string(other->line) + ")");
          } else if (counts_wherever(term, *other) && covers(pattern, other_pattern)) {
            warn(set.file, other->line, set.id,
                 "term " + in_quotes(other->text) + " is already matched by " + in_quotes(term.text) + " (line " +
                     std::to_string(term.line) + ")");
          }
        }
        seen.emplace_back(pattern, &term);
      }
      for (const Term& exception : set.exceptions) {
        const std::string pattern = text::normalise_term(exception.text);
        const bool masks_something = std::any_of(set.terms.begin(), set.terms.end(), [&](const Term& term) {
          return contains_match(text::normalise_term(term.text), pattern);
        });
        if (!masks_something) {
          warn(set.file, exception.line, set.id,
               "exception " + in_quotes(exception.text) + " contains no term of its set, so it masks nothing");
        }
        for (const Term& term : set.terms) {
          if (text::normalise_term(term.text) == pattern) {
            warn(set.file, term.line, set.id,
                 "term " + in_quotes(term.text) + " is also an exception of its set: it never counts");
          }
        }
      }
    }
  }

  // The checklist's title and note and each section's title, in every language it declares: a
  // report in that language would otherwise open in English. The model keeps no line for these,
  // so the warning names the checklist file alone.
  void checklist_translations() {
    const Meta& meta = m_checklist.meta;
    for (const std::string& lang : meta.languages) {
      if (lang == "en") continue;
      const bool meta_translated = std::any_of(meta.translations.begin(), meta.translations.end(),
                                               [&](const MetaTranslation& t) { return t.lang == lang; });
      if (!meta_translated) {
        warn(m_checklist.source, 0, "meta",
             "no translation into " + in_quotes(lang) + " of the title and provenance: the English ones are shown");
      }
      for (const Section& section : m_checklist.sections) {
        const bool translated = std::any_of(section.translations.begin(), section.translations.end(),
                                            [&](const SectionTranslation& t) { return t.lang == lang; });
        if (!translated) {
          warn(m_checklist.source, 0, "section " + section.id,
               "no translation into " + in_quotes(lang) + " of the title: the English one is shown");
        }
      }
    }
    const auto declared = [&](const std::string& lang) {
      return std::find(meta.languages.begin(), meta.languages.end(), lang) != meta.languages.end();
    };
    for (const MetaTranslation& t : meta.translations) {
      if (!declared(t.lang))
        warn(m_checklist.source, 0, "meta",
             "translation into " + in_quotes(t.lang) + ", a language the checklist does not declare");
    }
    for (const Section& section : m_checklist.sections) {
      for (const SectionTranslation& t : section.translations) {
        if (!declared(t.lang))
          warn(m_checklist.source, 0, "section " + section.id,
               "translation into " + in_quotes(t.lang) + ", a language the checklist does not declare");
      }
    }
  }

  void items() {
    for (const Section& section : m_checklist.sections) {
      for (const Item& item : section.items) {
        std::set<std::string> rated;
        for (const LevelRule& rule : item.levels) rated.insert(rule.criteria.begin(), rule.criteria.end());
        for (const Criterion& criterion : item.criteria) {
          if (rated.count(criterion.id) == 0) {
            warn(item.file, item.line, item.id, "criterion " + in_quotes(criterion.id) + " is not used by any level");
          }
          if (!criterion.signal) continue;
          if (const std::optional<std::string> why = signals::never_holds(*criterion.signal, *this)) {
            warn(item.file, item.line, item.id,
                 "criterion " + in_quotes(criterion.id) + " can never hold: " + *why + "; " +
                     level_of(item, criterion.id) + " cannot be reached");
          }
        }
        contradictions(item);
        translations(item);
      }
    }
  }

  void fixtures(const std::filesystem::path& directory) {
    std::error_code error;
    if (!std::filesystem::is_directory(directory, error)) {
      warn({}, 0, directory.string(), "no such fixture directory");
      return;
    }
    std::map<std::string, std::pair<int, int>> counts;  // item -> (Meets or above, below)
    for (const auto& entry : std::filesystem::recursive_directory_iterator(directory)) {
      if (!entry.is_regular_file()) continue;
      const std::string name = entry.path().filename().string();
      const auto first = name.find('.');
      const auto second = name.find('.', first + 1);
      if (first == std::string::npos || second == std::string::npos) continue;
      const std::optional<Level> level = parse_level(name.substr(first + 1, second - first - 1));
      if (!level) continue;
      auto& [passing, failing] = counts[name.substr(0, first)];
      (*level >= Level::meets ? passing : failing)++;
    }
    for (const Section& section : m_checklist.sections) {
      for (const Item& item : section.items) {
        if (item.external) continue;
        const auto [passing, failing] = counts[item.id];
        if (passing == 0)
          warn(item.file, item.line, item.id, "no fixture rated Meets or above in " + directory.string());
        if (failing == 0) warn(item.file, item.line, item.id, "no fixture rated below Meets in " + directory.string());
      }
    }
  }

  std::size_t distinct_terms(const std::string& set_id) const override {
    std::set<std::string> patterns;
    std::set<std::string> visited;
    std::function<void(const std::string&)> collect = [&](const std::string& id) {
      if (!visited.insert(id).second || m_sets.count(id) == 0) return;
      const TermSet& set = *m_sets.at(id);
      for (const Term& term : set.terms) patterns.insert(text::normalise_term(term.text));
      for (const std::string& included : set.includes) collect(included);
    };
    collect(set_id);
    return patterns.size();
  }

private:
  void warn(const std::filesystem::path& file, int line, std::string subject, std::string message) {
    m_out.push_back({file, line, std::move(subject), std::move(message)});
  }

  // Whether term `a` counts in every document where `b` does: a term without a language counts in
  // all of them.
  static bool counts_wherever(const Term& a, const Term& b) { return a.lang.empty() || a.lang == b.lang; }

  // Whether `pattern` matches the whole of `text` (a term's own words, '*' read as no ending).
  static bool covers(const std::string& pattern, const std::string& words) {
    std::string text = words;
    text.erase(std::remove(text.begin(), text.end(), '*'), text.end());
    if (words.find('*') != std::string::npos && pattern.find('*') == std::string::npos) return false;
    std::size_t end = 0;
    return text::match_at(pattern, text, 0, end) && end == text.size();
  }

  // Whether `pattern` matches somewhere inside `text`.
  static bool contains_match(const std::string& pattern, const std::string& text_pattern) {
    std::string text = text_pattern;
    text.erase(std::remove(text.begin(), text.end(), '*'), text.end());
    for (std::size_t begin = 0; begin < text.size(); ++begin) {
      std::size_t end = 0;
      if (text::match_at(pattern, text, begin, end)) return true;
    }
    return false;
  }

  // A term matches at word boundaries: one that starts or ends with a character that is not part of
  // a word ("-based", "us$") only matches where a space or punctuation happens to sit beside it.
  void never_matches(const TermSet& set, const Term& term, const std::string& pattern) {
    std::string words = pattern;
    words.erase(std::remove(words.begin(), words.end(), '*'), words.end());
    std::size_t end = 0;
    if (words.empty() || !text::match_at(pattern, words, 0, end)) {
      warn(set.file, term.line, set.id,
           "term " + in_quotes(term.text) + " cannot match even its own words after normalisation");
      return;
    }
    if (!text::is_word_char_at(words, 0) || !text::is_word_char_before(words, words.size())) {
      warn(set.file, term.line, set.id,
           "term " + in_quotes(term.text) +
               " starts or ends with a character that is not part of a word, so it rarely matches");
    }
  }

  static std::string level_of(const Item& item, const std::string& criterion) {
    for (const LevelRule& rule : item.levels) {
      if (std::find(rule.criteria.begin(), rule.criteria.end(), criterion) != rule.criteria.end()) {
        return std::string(label(rule.level));
      }
    }
    return "no level";
  }

  // Every language the checklist declares besides English has the item's text, all of it (a report
  // in that language would otherwise mix in English gap or criterion sentences); no other does.
  void translations(const Item& item) {
    for (const std::string& lang : m_checklist.meta.languages) {
      if (lang == "en") continue;
      const Translation* t = find_translation(item, lang);
      if (t == nullptr) {
        warn(item.file, item.line, item.id,
             "no translation into " + in_quotes(lang) + ", a language the checklist declares");
        continue;
      }
      if (t->gap.empty())
        warn(item.file, item.line, item.id,
             "translation into " + in_quotes(lang) + " has no gap: the English one is shown");
      for (const Criterion& criterion : item.criteria) {
        const bool worded = std::any_of(t->criteria.begin(), t->criteria.end(),
                                        [&](const CriterionText& c) { return c.id == criterion.id; });
        if (!worded) {
          warn(item.file, item.line, item.id,
               "translation into " + in_quotes(lang) + " does not word criterion " + in_quotes(criterion.id) +
                   ": the English one is shown");
        }
      }
    }
    for (const Translation& t : item.translations) {
      const auto& declared = m_checklist.meta.languages;
      if (std::find(declared.begin(), declared.end(), t.lang) == declared.end()) {
        warn(item.file, item.line, item.id,
             "translation into " + in_quotes(t.lang) + ", a language the checklist does not declare");
      }
    }
  }

  // A level that needs both a signal and its negation (at that level or below) is out of reach.
  void contradictions(const Item& item) {
    std::vector<const Signal*> needed;
    for (const LevelRule& rule : item.levels) {
      for (const std::string& id : rule.criteria) {
        const Criterion* criterion = find_criterion(item, id);
        if (criterion != nullptr && criterion->signal) needed.push_back(&*criterion->signal);
      }
      for (const Signal* a : needed) {
        const auto* negation = std::get_if<signals::Not>(a);
        if (negation == nullptr || negation->signal.empty()) continue;
        for (const Signal* b : needed) {
          if (negation->signal.front() == *b) {
            warn(item.file, item.line, item.id,
                 std::string(label(rule.level)) + " needs a signal and its negation at once, so it cannot be reached");
            return;
          }
        }
      }
    }
  }

  const Checklist& m_checklist;
  std::vector<LintWarning>& m_out;
  std::map<std::string, const TermSet*> m_sets;
};

}  // namespace

std::vector<LintWarning> lint(const Checklist& checklist, const LintOptions& options) {
  std::vector<LintWarning> out;
  Linter linter(checklist, out);
  linter.unused_sets();
  linter.unused_definitions();
  linter.terms();
  linter.checklist_translations();
  linter.items();
  // Files in the order the checklist names them, then lines.
  const auto rank = [&](const std::filesystem::path& file) {
    const auto& files = checklist.includes;
    return file == checklist.source ? 0 : std::find(files.begin(), files.end(), file) - files.begin() + 1;
  };
  std::stable_sort(out.begin(), out.end(), [&](const LintWarning& a, const LintWarning& b) {
    return std::pair(rank(a.file), a.line) < std::pair(rank(b.file), b.line);
  });
  if (options.fixtures) linter.fixtures(*options.fixtures);
  return out;
}

std::string to_string(const Checklist& checklist, const LintWarning& warning) {
  std::string out = (warning.file.empty() ? checklist.source : warning.file).string();
  if (warning.line > 0) out += ":" + std::to_string(warning.line);
  return out + ": " + warning.subject + ": " + warning.message;
}

}  // namespace unct::checklist
