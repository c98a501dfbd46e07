#include "engine/checklist/model.hpp"

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

std::vector<std::string> term_sets_read(const Item& item) {
  signals::Needs needs;
  for (const Criterion& criterion : item.criteria) {
    if (criterion.signal) signals::collect(*criterion.signal, needs);
  }
  return needs.sets;
}

std::vector<std::string> parts_read(const Item& item) {
  signals::Needs needs;
  for (const Criterion& criterion : item.criteria) {
    if (criterion.signal) signals::collect(*criterion.signal, needs);
  }
  return needs.parts;
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

const std::string& criterion_text_in(const Item& item, const Criterion& criterion, std::string_view lang) {
  if (const Translation* t = find_translation(item, lang)) {
    for (const CriterionText& wording : t->criteria) {
      if (wording.id == criterion.id && !wording.text.empty()) return wording.text;
    }
  }
  return criterion.text;
}

namespace {

const MetaTranslation* find_translation(const Meta& meta, std::string_view lang) {
  for (const MetaTranslation& t : meta.translations) {
    if (t.lang == lang) return &t;
  }
  return nullptr;
}

}  // namespace

const std::string& title_in(const Meta& meta, std::string_view lang) {
  const MetaTranslation* t = find_translation(meta, lang);
  return t != nullptr && !t->title.empty() ? t->title : meta.title;
}

const std::string& provenance_in(const Meta& meta, std::string_view lang) {
  const MetaTranslation* t = find_translation(meta, lang);
  return t != nullptr && !t->provenance.empty() ? t->provenance : meta.provenance;
}

const std::string& title_in(const Section& section, std::string_view lang) {
  for (const SectionTranslation& t : section.translations) {
    if (t.lang == lang && !t.title.empty()) return t.title;
  }
  return section.title;
}

}  // namespace unct::checklist
