#include "engine/checklist/model.hpp"

#include "engine/core/overloaded.hpp"

#include <algorithm>

namespace unct::checklist {

const TermSet* find_term_set(const Checklist& checklist, std::string_view id) {
  for (const TermSet& set : checklist.term_sets) {
    if (set.id == id) return &set;
  }
  return nullptr;
}

const Item* find_item(const Checklist& checklist, std::string_view id) {
  for (const Section& section : checklist.sections) {
    for (const Item& item : section.items) {
      if (item.id == id) return &item;
    }
  }
  return nullptr;
}

const Criterion* find_criterion(const Item& item, std::string_view id) {
  for (const Criterion& criterion : item.criteria) {
    if (criterion.id == id) return &criterion;
  }
  return nullptr;
}

bool applies_to(const Item& item, DocumentKind kind) {
  return std::find(item.applies_to.begin(), item.applies_to.end(), kind) != item.applies_to.end();
}

std::size_t item_count(const Checklist& checklist) {
  std::size_t count = 0;
  for (const Section& section : checklist.sections) count += section.items.size();
  return count;
}

namespace {

void add_once(std::vector<std::string>& out, const std::string& id) {
  if (std::find(out.begin(), out.end(), id) == out.end()) out.push_back(id);
}

}  // namespace

void for_each_leaf(const Signal& signal, const std::function<void(const Signal&)>& visit) {
  std::visit(Overloaded{
                 [&](const AllOf& s) { for (const Signal& x : s.signals) for_each_leaf(x, visit); },
                 [&](const AnyOf& s) { for (const Signal& x : s.signals) for_each_leaf(x, visit); },
                 [&](const Not& s) { for (const Signal& x : s.signal) for_each_leaf(x, visit); },
                 [&](const AtLeast& s) { for (const Signal& x : s.signals) for_each_leaf(x, visit); },
                 [&](const auto&) { visit(signal); },
             },
             signal);
}

std::vector<std::string> term_sets_read(const Item& item) {
  std::vector<std::string> out;
  for (const Criterion& criterion : item.criteria) {
    if (!criterion.signal) continue;
    for_each_leaf(*criterion.signal, [&](const Signal& leaf) {
      std::visit(Overloaded{
                     [&](const Mentions& s) { add_once(out, s.term_set); },
                     [&](const Coverage& s) { add_once(out, s.term_set); },
                     [&](const Near& s) {
                       add_once(out, s.term_set_a);
                       add_once(out, s.term_set_b);
                     },
                     [&](const InTable& s) { add_once(out, s.term_set); },
                     [&](const Share& s) {
                       add_once(out, s.header_set);
                       add_once(out, s.having_set);
                     },
                     [](const auto&) {},  // a pattern reads no set
                 },
                 leaf);
    });
  }
  return out;
}

const Translation* find_translation(const Item& item, std::string_view lang) {
  for (const Translation& t : item.translations) {
    if (t.lang == lang) return &t;
  }
  return nullptr;
}

const std::string& title_in(const Item& item, std::string_view lang) {
  const Translation* t = find_translation(item, lang);
  return t != nullptr && !t->title.empty() ? t->title : item.title;
}

const std::string& question_in(const Item& item, std::string_view lang) {
  const Translation* t = find_translation(item, lang);
  return t != nullptr && !t->question.empty() ? t->question : item.question;
}

const std::string& gap_in(const Item& item, std::string_view lang) {
  const Translation* t = find_translation(item, lang);
  return t != nullptr && !t->gap.empty() ? t->gap : item.gap;
}

}  // namespace unct::checklist
