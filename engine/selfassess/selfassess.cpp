#include "engine/selfassess/selfassess.hpp"

#include "engine/core/error.hpp"

#include <algorithm>
#include <map>

namespace unct::selfassess {
namespace {

constexpr std::size_t k_max_underclaim_quotes = 3;

}  // namespace

std::vector<FormRow> form_rows(const checklist::Checklist& checklist, std::optional<DocumentKind> kind,
                               const std::string& lang) {
  std::vector<FormRow> rows;
  for (const checklist::Section& section : checklist.sections) {
    for (const checklist::Item& item : section.items) {
      if (kind && std::find(item.applies_to.begin(), item.applies_to.end(), *kind) == item.applies_to.end()) continue;
      FormRow row{.item_id = item.id,
                  .section = checklist::title_in(section, lang),
                  .title = checklist::title_in(item, lang),
                  .question = checklist::question_in(item, lang),
                  .external = item.external};
      rows.push_back(std::move(row));
    }
  }
  return rows;
}

std::vector<SelfRating> read_self_ratings(const CsvTable& table, const checklist::Checklist& checklist) {
  const auto item = table.column("item");
  const auto level = table.column("level");
  const auto justification = table.column("justification");
  const auto source = table.column("source");
  if (!item || !level) {
    throw InputError({.file = table.path, .line = 1},
                     std::string("no \"") + (item ? "level" : "item") +
                         "\" column: a self-assessment needs item and level (justification and source optional)");
  }
  std::map<std::string, std::size_t> position;  // item id -> checklist order
  for (const checklist::Section& section : checklist.sections) {
    for (const checklist::Item& i : section.items) position.emplace(i.id, position.size());
  }
  std::vector<std::pair<std::size_t, SelfRating>> rated;
  std::map<std::string, int> seen;
  for (const CsvRow& row : table.rows) {
    const SourceLocation where{.file = table.path, .line = row.line};
    const std::string id = table.field(row, item);
    const std::string text = table.field(row, level);
    if (id.empty()) {
      if (text.empty()) continue;  // a row left blank
      throw InputError(where, "the item is empty");
    }
    const auto at = position.find(id);
    if (at == position.end()) throw InputError(where, "item " + id + ": not in the checklist " + checklist.meta.id);
    if (text.empty()) continue;  // not rated by the team
    const std::optional<Level> parsed = parse_level_name(text);
    if (!parsed) {
      throw InputError(
          where,
          "item " + id + ": unknown level \"" + text +
              "\": use Missing, Approaches, Meets or Exceeds, in English, French or Spanish (or leave it empty)");
    }
    if (const auto [first, inserted] = seen.emplace(id, row.line); !inserted) {
      throw InputError(where, "item " + id + " is rated twice (first on line " + std::to_string(first->second) + ")");
    }
    rated.emplace_back(at->second, SelfRating{.item_id = id,
                                              .level = *parsed,
                                              .justification = table.field(row, justification),
                                              .source = table.field(row, source),
                                              .line = row.line});
  }
  std::stable_sort(rated.begin(), rated.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<SelfRating> out;
  for (auto& [_, rating] : rated) out.push_back(std::move(rating));
  return out;
}

void apply(Assessment& assessment, const std::vector<SelfRating>& ratings, const std::string& file) {
  for (const SelfRating& rating : ratings) {
    const rules::ItemResult* item = find_result(assessment, rating.item_id);
    if (item == nullptr) {
      throw InputError({.file = file, .line = rating.line}, "item " + rating.item_id + ": not in this assessment");
    }
    if (!item->applicable && !item->external) {
      throw InputError({.file = file, .line = rating.line},
                       "item " + rating.item_id + " does not apply to this document (" + item->not_applicable_reason +
                           "): leave its level empty");
    }
  }
  // Items needing team records go back to "not assessable" before the new ratings apply.
  for (rules::ItemResult& item : assessment.items) {
    if (!item.external) continue;
    item.applicable = false;
    item.level = Level::missing;
  }
  for (const SelfRating& rating : ratings) {
    rules::ItemResult* item = find_result(assessment, rating.item_id);
    if (!item->external) continue;
    item->applicable = true;
    item->level = rating.level;
  }
  assessment.self = ratings;
  rescore(assessment);
}

std::vector<Discrepancy> discrepancies(const Assessment& assessment) {
  std::vector<Discrepancy> out;
  for (const SelfRating& rating : assessment.self) {
    const rules::ItemResult* item = find_result(assessment, rating.item_id);
    if (item == nullptr || !item->applicable || rules::self_reported(*item)) continue;
    Discrepancy d{.item_id = item->item_id,
                  .title = item->title,
                  .team = rating.level,
                  .engine = item->level,
                  .justification = rating.justification};
    if (rating.level >= Level::meets && item->level <= Level::approaches) {
      d.claim = Claim::overclaim;
      for (const rules::CriterionResult& c : item->criteria) {
        if (!c.met && c.level <= rating.level) d.not_evidenced.push_back(c.text);
      }
    } else if (rating.level == Level::missing && item->level >= Level::approaches) {
      d.claim = Claim::underclaim;
      // The strongest first, each quote once, at most k_max_underclaim_quotes.
      for (auto c = item->criteria.rbegin(); c != item->criteria.rend(); ++c) {
        if (!c->met || c->level > item->level || c->evidence.empty()) continue;
        const rules::Evidence& e = c->evidence.front();
        const bool seen =
            std::any_of(d.quotes.begin(), d.quotes.end(), [&](const rules::Evidence& q) { return q.quote == e.quote; });
        if (!seen && d.quotes.size() < k_max_underclaim_quotes) d.quotes.push_back(e);
      }
    } else {
      continue;
    }
    out.push_back(std::move(d));
  }
  return out;
}

std::vector<ClaimChange> compare_claims(const Assessment& first, const Assessment& second) {
  std::vector<ClaimChange> out;
  auto entry = [&](const Discrepancy& d) -> ClaimChange& {
    for (ClaimChange& c : out) {
      if (c.item_id == d.item_id) return c;
    }
    return out.emplace_back(ClaimChange{.item_id = d.item_id, .title = d.title});
  };
  for (const Discrepancy& d : discrepancies(second)) entry(d).second = d;
  for (const Discrepancy& d : discrepancies(first)) entry(d).first = d;
  return out;
}

}  // namespace unct::selfassess
