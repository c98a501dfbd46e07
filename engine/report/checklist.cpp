#include "engine/report/checklist.hpp"

#include "engine/report/layout.hpp"
#include "engine/report/messages.hpp"
#include "engine/report/wording.hpp"
#include "engine/signals/registry.hpp"

#include <algorithm>

namespace unct::report {
namespace {

std::string kinds(const checklist::Item& item, const Messages& m) {
  std::string out;
  for (DocumentKind kind : item.applies_to) out += (out.empty() ? "" : ", ") + std::string(m.kind(kind));
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
  out << '\n' << wrap(messages(lang)(Msg::words_counted, {lang}), 2);
  for (const std::string& set_id : checklist::term_sets_read(item)) {
    std::vector<std::string> own;
    std::size_t everywhere = 0;
    std::vector<std::string> visited;
    collect_terms(checklist, set_id, lang, own, everywhere, visited);
    std::string line = "- " + set_id + ": ";
    for (std::size_t i = 0; i < own.size(); ++i) line += (i == 0 ? "" : ", ") + own[i];
    if (own.empty()) line += messages(lang)[Msg::none_of_its_own];
    line += " +" + std::to_string(everywhere);
    out << wrap(line, 4);
  }
}

// The headings and fixed sentences are in `lang` where the catalogue has it (messages.hpp); how
// each criterion is tested, the guidance and the references stay English.
void render_item(const checklist::Checklist& checklist, const checklist::Item& item, const std::string& lang,
                 std::ostream& out) {
  const Messages& m = messages(lang);
  out << item.id << "  " << checklist::title_in(item, lang) << '\n';
  std::string applies = m(Msg::applies_to, {kinds(item, m)});
  if (item.from_year > 0) applies += m(Msg::dated_from, {std::to_string(item.from_year)});
  out << wrap(applies + m(Msg::weight, {std::to_string(item.weight).substr(0, 3)}) +
                  m(Msg::provenance_line, {item.provenance}) +
                  (item.provenance == "reconstructed" ? std::string(m[Msg::our_wording]) : ""),
              2);
  if (item.external) out << wrap(m[Msg::external_evidence], 2);
  out << '\n' << wrap(checklist::question_in(item, lang), 2);
  if (!item.guidance.empty()) out << '\n' << wrap(item.guidance, 2);
  for (const checklist::LevelRule& rule : item.levels) {
    out << '\n'
        << "  "
        << m(rule.level > Level::approaches ? Msg::level_when_cumulative : Msg::level_when, {m.level(rule.level)})
        << '\n';
    for (const std::string& id : rule.criteria) {
      const checklist::Criterion* c = checklist::find_criterion(item, id);
      out << wrap("- " + checklist::criterion_text_in(item, *c, lang), 4);
      if (c->signal) out << wrap("tested by " + signals::describe(*c->signal), 8);
    }
  }
  out << "\n  " << m[Msg::references] << '\n';
  for (const checklist::Reference& ref : item.references) out << wrap("- " + ref.text, 4);
  out << "\n  " << m[Msg::to_reach_meets] << '\n' << wrap(checklist::gap_in(item, lang), 4);
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
  const Messages& m = messages(lang);
  out << checklist::title_in(checklist.meta, lang) << '\n'
      << m(Msg::file_version, {checklist.meta.publisher, checklist.meta.issued, checklist.meta.version}) << "\n\n"
      << wrap(std::string(m[Msg::note]) + ": " + checklist::provenance_in(checklist.meta, lang), 0) << '\n';
  if (!lang.empty() && lang != "en") out << wrap(m(Msg::show_language, {lang}), 0) << '\n';
  for (const checklist::Section& section : checklist.sections) {
    out << std::string(k_width, '=') << '\n'
        << checklist::title_in(section, lang) << " (" << counted(section.items.size(), Msg::item_one, Msg::item_many, m)
        << ")\n"
        << std::string(k_width, '=') << "\n\n";
    for (const checklist::Item& item : section.items) render_item(checklist, item, lang, out);
  }
}

}  // namespace unct::report
