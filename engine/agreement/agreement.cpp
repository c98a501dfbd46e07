#include "engine/agreement/agreement.hpp"

#include "engine/core/error.hpp"

#include <cmath>
#include <cstdlib>
#include <map>

namespace unct::agreement {

Agreement measure(const std::vector<Pair>& pairs) {
  Agreement out;
  out.count = pairs.size();
  for (const Pair& p : pairs) {
    const int reference = points(p.reference);
    const int rater = points(p.rater);
    ++out.confusion[reference][rater];
    out.exact += reference == rater;
    out.within_one += std::abs(reference - rater) <= 1;
  }
  if (pairs.empty()) return out;

  // kappa = 1 - sum(w * observed) / sum(w * expected), w = (i - j)^2 / (k - 1)^2.
  std::array<double, 4> reference_total{};
  std::array<double, 4> rater_total{};
  for (int i = 0; i < 4; ++i) {
    for (int j = 0; j < 4; ++j) {
      reference_total[i] += static_cast<double>(out.confusion[i][j]);
      rater_total[j] += static_cast<double>(out.confusion[i][j]);
    }
  }
  const double n = static_cast<double>(pairs.size());
  double observed = 0;
  double expected = 0;
  for (int i = 0; i < 4; ++i) {
    for (int j = 0; j < 4; ++j) {
      const double weight = static_cast<double>((i - j) * (i - j)) / 9.0;
      observed += weight * static_cast<double>(out.confusion[i][j]);
      expected += weight * reference_total[i] * rater_total[j] / n;
    }
  }
  if (expected > 0) out.kappa = 1.0 - observed / expected;
  return out;
}

std::optional<double> Agreement::found_share() const {
  std::size_t credited = 0;
  std::size_t found = 0;
  for (int i = 1; i < 4; ++i) {
    for (int j = 0; j < 4; ++j) {
      credited += confusion[i][j];
      if (j >= 1) found += confusion[i][j];
    }
  }
  if (credited == 0) return std::nullopt;
  return static_cast<double>(found) / static_cast<double>(credited);
}

std::optional<double> Agreement::false_credit_share() const {
  std::size_t missing = 0;
  for (std::size_t n : confusion[0]) missing += n;
  if (missing == 0) return std::nullopt;
  return static_cast<double>(missing - confusion[0][0]) / static_cast<double>(missing);
}

std::size_t Agreement::unearned_meets() const {
  std::size_t out = 0;
  for (int i = 0; i < 2; ++i) {
    for (int j = 2; j < 4; ++j) out += confusion[i][j];
  }
  return out;
}

std::vector<Rating> read_ratings(const CsvTable& table) {
  const auto item = table.column("item");
  const auto level = table.column("level");
  const auto rationale = table.column("rationale");
  for (const auto& [column, name] :
       {std::pair{item, "item"}, std::pair{level, "level"}, std::pair{rationale, "rationale"}}) {
    if (!column)
      throw InputError({.file = table.path, .line = 1},
                       std::string("no \"") + name + "\" column: the columns are item, level, rationale");
  }
  std::vector<Rating> out;
  std::map<std::string, int> seen;
  for (const CsvRow& row : table.rows) {
    const SourceLocation where{.file = table.path, .line = row.line};
    Rating r{.item_id = table.field(row, item), .rationale = table.field(row, rationale), .line = row.line};
    if (r.item_id.empty()) throw InputError(where, "the item is empty");
    const std::string text = table.field(row, level);
    const std::optional<Level> parsed = parse_level(text);
    if (!parsed) {
      throw InputError({.file = table.path, .line = row.line, .item_id = r.item_id},
                       "unknown level \"" + text + "\": use missing, approaches, meets or exceeds");
    }
    r.level = *parsed;
    if (const auto [it, inserted] = seen.emplace(r.item_id, row.line); !inserted) {
      throw InputError({.file = table.path, .line = row.line, .item_id = r.item_id},
                       "rated twice (first on line " + std::to_string(it->second) + ")");
    }
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace unct::agreement
