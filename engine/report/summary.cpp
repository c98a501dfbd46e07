#include "engine/report/summary.hpp"

#include <algorithm>

namespace unct::report {

Summary summarise(const Assessment& a) {
  Summary s;
  for (const rules::ItemResult& item : a.items) {
    if (rules::self_reported(item)) {
      s.self_reported.push_back(&item);
    } else if (item.external) {
      s.not_assessable.push_back(&item);
    } else if (!item.applicable) {
      s.not_applicable.push_back(&item);
    } else {
      add_to(s.engine, item);
      (item.level >= Level::meets ? s.meeting : s.priorities).push_back(&item);
    }
  }
  // Stable: items of the same level and weight keep the checklist's order.
  std::stable_sort(s.priorities.begin(), s.priorities.end(), [](const auto* x, const auto* y) {
    if (x->level != y->level) return x->level < y->level;
    return x->weight > y->weight;
  });
  if (!a.self.empty()) {
    TeamFigure team;
    for (const SelfRating& rating : a.self) {
      ++team.rated;
      if (rating.level >= Level::meets) ++team.at_meets_or_above;
    }
    s.team = team;
  }
  return s;
}

std::string section_figure(const Assessment& a, const SectionScore& section, const Messages& m) {
  if (section.score.applicable > 0) {
    return m(Msg::section_line,
             {std::to_string(section.score.at_meets_or_above), std::to_string(section.score.applicable)});
  }
  const bool external = std::all_of(a.items.begin(), a.items.end(), [&](const rules::ItemResult& item) {
    return item.section_id != section.id || item.external;
  });
  return std::string(m[external ? Msg::section_external : Msg::section_not_applicable]);
}

}  // namespace unct::report
