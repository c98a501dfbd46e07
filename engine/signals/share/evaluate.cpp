#include "engine/signals/share/share.hpp"

#include "engine/rules/evaluator.hpp"

#include <cmath>
#include <set>

namespace unct::signals {

rules::Outcome Share::evaluate(const rules::Evaluator& context, rules::Trace* trace) const {
  const rules::DocumentIndex& index = context.index();
  const std::size_t row_count = index.rows.size();
  auto mark_rows = [&](const std::vector<rules::Hit>& hits, std::vector<const rules::Hit*>& first) {
    first.assign(row_count, nullptr);
    for (const rules::Hit& hit : hits) {
      const std::int32_t row = index.row[hit.block];
      if (row >= 0 && context.readable(hit.block) && first[static_cast<std::size_t>(row)] == nullptr) {
        first[static_cast<std::size_t>(row)] = &hit;
      }
    }
  };
  std::vector<const rules::Hit*> header_hit;
  std::vector<const rules::Hit*> having_hit;
  mark_rows(context.set_hits(header_set), header_hit);
  mark_rows(context.set_hits(having_set), having_hit);

  const std::int32_t wanted_part = part ? context.compiled().part_index(*part) : -1;
  std::set<int> headed_tables;
  std::size_t data_rows = 0;
  std::vector<rules::Hit> qualifying;
  for (std::size_t r = 0; r < row_count; ++r) {
    const rules::TableRow& row = index.rows[r];
    if (part && index.part[row.first_block] != wanted_part) continue;
    if (headed_tables.count(row.table) == 0) {
      if (header_hit[r] != nullptr) headed_tables.insert(row.table);
      continue;
    }
    std::size_t filled = 0;
    for (std::uint32_t b = row.first_block; b < row.end_block; ++b)
      filled += index.block(b).normalised.text.empty() ? 0 : 1;
    if (filled < 2) continue;  // a title row ("Outcome 1: ...") or an empty one
    ++data_rows;
    if (having_hit[r] != nullptr) qualifying.push_back(*having_hit[r]);
  }
  const double ratio = data_rows == 0 ? 0.0 : static_cast<double>(qualifying.size()) / static_cast<double>(data_rows);
  const bool holds = qualifying.size() >= static_cast<std::size_t>(min_rows) && ratio + 1e-9 >= min_share;
  if (trace != nullptr) {
    if (headed_tables.empty()) {
      trace->detail =
          "no table with a row carrying a term of \"" + header_set + "\"" + (part ? " in part " + *part : "");
    } else {
      trace->detail = std::to_string(qualifying.size()) + " of " + rules::plural(data_rows, "row") + " in " +
                      rules::plural(headed_tables.size(), "table") + " carry \"" + having_set + "\" (" +
                      std::to_string(std::lround(ratio * 100)) + "%; needs " +
                      std::to_string(std::lround(min_share * 100)) + "% and " +
                      rules::plural(static_cast<std::size_t>(min_rows), "row") + ")";
    }
    std::vector<rules::Proof> shown;
    for (std::size_t i = 0; i < qualifying.size() && i < rules::k_max_found; ++i)
      shown.push_back({qualifying[i].block, {qualifying[i]}});
    context.note_found(trace, shown);
  }
  return holds ? rules::Evaluator::holds_with(qualifying) : rules::Outcome{};
}

}  // namespace unct::signals
