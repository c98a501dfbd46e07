#include "engine/report/checklist.hpp"

#include "engine/report/layout.hpp"
#include "engine/signals/registry.hpp"

#include <algorithm>

namespace unct::report {
namespace {

std::string kinds(const checklist::Item& item) {
  std::string out;
  for (DocumentKind kind : item.applies_to) out += (out.empty() ? "" : ", ") + std::string(label(kind));
  return out;
}

// Terms of `set` and of the sets it includes: those written for `lang`, and how many count in
// every language.
void collect_terms(const checklist::Checklist& checklist, const std::string& set_id, const std::string& lang,
                   std::vector<std::string>& own, std::size_t& everywhere, std::vector<std::string>& visited) {
  if (std::find(visited.begin(), visited.end(), set_id) != visited.end()) return;
  visited.push_back(set_id);
  const checklist::TermSet* set = checklist::find_term_set(checklist, set_id);
  if (set == nullptr) return;
  for (const checklist::Term& term : set->terms) {
    if (term.lang == lang)
      own.push_back(term.text);
    else if (term.lang.empty())
      ++everywhere;
  }
  for (const std::string& included : set->includes) collect_terms(checklist, included, lang, own, everywhere, visited);
}

// "Words counted in French documents", one line per term set the item reads.
void render_vocabulary(const checklist::Checklist& checklist, const checklist::Item& item, const std::string& lang,
                       std::ostream& out) {
  out << "\n  Words counted in documents in \"" << lang << "\" (terms of that language; the number of terms that\n"
      << "  count in every language after the +):\n";
  for (const std::string& set_id : checklist::term_sets_read(item)) {
    std::vector<std::string> own;
    std::size_t everywhere = 0;
    std::vector<std::string> visited;
    collect_terms(checklist, set_id, lang, own, everywhere, visited);
    std::string line = "- " + set_id + ": ";
    for (std::size_t i = 0; i < own.size(); ++i) line += (i == 0 ? "" : ", ") + own[i];
    if (own.empty()) line += "(none of its own)";
    line += " +" + std::to_string(everywhere);
    out << wrap(line, 4);
  }
}

void render_item(const checklist::Checklist& checklist, const checklist::Item& item, const std::string& lang,
                 std::ostream& out) {
  out << item.id << "  " << checklist::title_in(item, lang) << '\n';
  std::string applies = "Applies to: " + kinds(item);
  if (item.from_year > 0) applies += ", dated " + std::to_string(item.from_year) + " or later";
  out << wrap(
      applies + ". Weight " + std::to_string(item.weight).substr(0, 3) + ". Provenance: " + item.provenance +
          (item.provenance == "reconstructed" ? " (our wording, from the sources below; not the official text)" : ""),
      2);
  if (item.external) {
    out << wrap("Evidence: outside the document (the country team's records); rated not assessable from a document.",
                2);
  }
  out << '\n' << wrap(checklist::question_in(item, lang), 2);
  if (!item.guidance.empty()) out << '\n' << wrap(item.guidance, 2);
  for (const checklist::LevelRule& rule : item.levels) {
    out << '\n'
        << "  " << label(rule.level) << " when" << (rule.level > Level::approaches ? " (and the level below)" : "")
        << ":\n";
    for (const std::string& id : rule.criteria) {
      const checklist::Criterion* c = checklist::find_criterion(item, id);
      out << wrap("- " + c->text, 4);
      if (c->signal) out << wrap("tested by " + signals::describe(*c->signal), 8);
    }
  }
  out << "\n  References:\n";
  for (const checklist::Reference& ref : item.references) out << wrap("- " + ref.text, 4);
  out << "\n  To reach Meets:\n" << wrap(checklist::gap_in(item, lang), 4);
  if (!lang.empty() && lang != "en" && !item.external) render_vocabulary(checklist, item, lang, out);
  out << '\n';
}

}  // namespace

void render_checklist(const checklist::Checklist& checklist, const std::string& item_id, std::ostream& out,
                      const std::string& lang) {
  if (!item_id.empty()) {
    render_item(checklist, *checklist::find_item(checklist, item_id), lang, out);
    return;
  }
  out << checklist.meta.title << '\n'
      << checklist.meta.publisher << ", " << checklist.meta.issued << "; file version " << checklist.meta.version
      << "\n\n"
      << wrap("Note: " + checklist.meta.provenance, 0) << '\n';
  if (!lang.empty() && lang != "en") {
    out << wrap("Language \"" + lang +
                    "\": titles and questions are translated where the checklist has them; "
                    "guidance, criteria and references are in English. Under each item are the words the engine "
                    "counts in documents in that language.",
                0)
        << '\n';
  }
  for (const checklist::Section& section : checklist.sections) {
    out << std::string(k_width, '=') << '\n'
        << section.title << " (" << section.items.size() << " items)\n"
        << std::string(k_width, '=') << "\n\n";
    for (const checklist::Item& item : section.items) render_item(checklist, item, lang, out);
  }
}

}  // namespace unct::report
