#pragma once

// The portfolio: the latest assessment of each document, with the reviewed levels, filtered by
// country, region, kind and year.

#include "engine/assess/portfolio.hpp"
#include "engine/store/database.hpp"

#include <cstdint>
#include <vector>

namespace unct::store {

class PortfolioQueries {
public:
  // Requires: `database` outlives this.
  explicit PortfolioQueries(const Database& database) : m_database(&database) {}

  // Items ranked by the share of documents (latest assessment each) rating them below Meets,
  // most often first.
  std::vector<GapRow> gaps(const GapFilter& filter = {}) const;

  // The documents `gaps` counts, each with the levels of its latest assessment.
  std::vector<PortfolioRow> documents(const GapFilter& filter = {}) const;

  // The ids of those assessments alone, in the same order, without their items: what `rescore`
  // starts from.
  std::vector<std::int64_t> latest(const GapFilter& filter = {}) const;

private:
  const Database* m_database;
};

}  // namespace unct::store
