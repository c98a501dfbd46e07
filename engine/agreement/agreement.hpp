#pragma once

// How far two raters agree on the four-level scale: an expert's gold ratings against the engine
// (`evaluate`), or workshop participants against the answer key. Exact agreement, agreement
// within one level, and Cohen's kappa with quadratic weights, which counts a Missing-for-Exceeds
// disagreement nine times a one-level slip and corrects for the agreement chance alone gives.

#include "engine/core/csv.hpp"
#include "engine/core/level.hpp"

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace unct::agreement {

// One item rated by both: the reference (gold, answer key) and the rater (engine, participant).
struct Pair {
  Level reference = Level::missing;
  Level rater = Level::missing;
  bool operator==(const Pair&) const = default;
};

struct Agreement {
  std::size_t count = 0;
  std::size_t exact = 0;
  std::size_t within_one = 0;  // levels at most one apart (exact included)
  // Quadratic-weighted Cohen's kappa; nullopt when chance alone would agree perfectly (every
  // rating on one level for both raters), where kappa is undefined.
  std::optional<double> kappa;
  // confusion[reference][rater]: how many items each pair of levels holds.
  std::array<std::array<std::size_t, 4>, 4> confusion{};
  bool operator==(const Agreement&) const = default;

  double exact_share() const { return count == 0 ? 0 : static_cast<double>(exact) / static_cast<double>(count); }
  double within_one_share() const {
    return count == 0 ? 0 : static_cast<double>(within_one) / static_cast<double>(count);
  }

  // The errors a reviewer minds most on skewed real ratings, where most items are Missing:
  // of the reference's Approaches-or-above, the share the rater also puts at Approaches or above;
  std::optional<double> found_share() const;
  // of the reference's Missing, the share the rater puts above Missing (credit given for nothing);
  std::optional<double> false_credit_share() const;
  // and how often the rater says Meets or Exceeds where the reference says Missing or Approaches.
  std::size_t unearned_meets() const;
};

Agreement measure(const std::vector<Pair>& pairs);

// One rating of a reference file: the item, its level and why, with the line it came from.
struct Rating {
  std::string item_id;
  Level level = Level::missing;
  std::string rationale;
  int line = 0;
  bool operator==(const Rating&) const = default;
};

// Reads ratings from a CSV with the columns `item`, `level` and `rationale` (the gold files of
// the samples, `samples/<name>.gold.csv`). Throws InputError naming the file and line for a
// missing column, an empty item, an unknown level or an item rated twice.
std::vector<Rating> read_ratings(const CsvTable& table);

}  // namespace unct::agreement
