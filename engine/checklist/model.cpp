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

}  // namespace unct::checklist
