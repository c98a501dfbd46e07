#include "engine/assess/compare.hpp"

#include <algorithm>

namespace unct {
namespace {

std::optional<Level> rated(const Assessment& a, const std::string& id) {
  const rules::ItemResult* item = find_result(a, id);
  if (item == nullptr || !item->applicable) return std::nullopt;
  return item->level;
}

}  // namespace

Comparison compare(const Assessment& first, const Assessment& second) {
  Comparison out{.first = first, .second = second};
  out.same_checklist = first.checklist.sha256 == second.checklist.sha256;
  out.points_delta = second.overall.points - first.overall.points;
  std::vector<const rules::ItemResult*> order;
  for (const rules::ItemResult& r : second.items) order.push_back(&r);
  for (const rules::ItemResult& r : first.items) {
    if (find_result(second, r.item_id) == nullptr) order.push_back(&r);
  }
  for (const rules::ItemResult* r : order) {
    ItemChange change{.item_id = r->item_id,
                      .title = r->title,
                      .before = rated(first, r->item_id),
                      .after = rated(second, r->item_id)};
    if (change.before && change.after) {
      change.delta = points(*change.after) - points(*change.before);
      if (change.delta > 0) out.up.push_back(r->item_id);
      if (change.delta < 0) out.down.push_back(r->item_id);
      if (*change.before < Level::meets && *change.after >= Level::meets) out.closed.push_back(r->item_id);
      if (*change.before >= Level::meets && *change.after < Level::meets) out.opened.push_back(r->item_id);
    }
    out.items.push_back(std::move(change));
  }
  return out;
}

}  // namespace unct
