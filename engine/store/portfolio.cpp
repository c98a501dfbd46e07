#include "engine/store/portfolio.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <sstream>

namespace unct::store {
namespace {

// "title (path)", or the path alone for an untitled document (aliases a: assessments, d: documents).
constexpr std::string_view k_document_label =
    "CASE WHEN d.title = '' THEN a.path ELSE d.title || ' (' || a.path || ')' END";

// `select` run over `latest`: the newest assessment of each document that the filter keeps.
// One window pass over the assessments, not a subquery per row.
SQLite::Statement latest_query(SQLite::Database& db, const GapFilter& filter, const std::string& select) {
  SQLite::Statement query(db,
                          "WITH ranked AS (SELECT a.*, ROW_NUMBER() OVER (PARTITION BY a.document_id "
                          "  ORDER BY a.created_at DESC, a.id DESC) AS newest FROM assessments a), "
                          "latest AS (SELECT * FROM ranked a WHERE newest = 1 "
                          "  AND (?1 = '' OR instr(lower(a.country), lower(?1)) > 0) AND (?2 = '' OR a.kind = ?2) "
                          "  AND (?3 = 0 OR a.year = ?3) AND (?4 = '' OR instr(lower(a.region), lower(?4)) > 0) "
                          "  AND (?5 = '' OR a.id IN (SELECT value FROM json_each(?5)))), "
                          // Each item result with its reviewed level: the latest override's, else the engine's.
                          "reviewed AS (SELECT r.assessment_id, r.position, r.item_id, r.title, r.applicable, "
                          "  COALESCE((SELECT o.level FROM overrides o WHERE o.assessment_id = r.assessment_id "
                          "    AND o.item_id = r.item_id ORDER BY o.id DESC LIMIT 1), r.level) AS level, "
                          "  EXISTS (SELECT 1 FROM overrides o WHERE o.assessment_id = r.assessment_id "
                          "    AND o.item_id = r.item_id) AS overridden "
                          "  FROM item_results r) " +
                              select);
  query.bind(1, filter.country);
  query.bind(2, filter.kind);
  query.bind(3, filter.year);
  query.bind(4, filter.region);
  std::string only;
  for (std::int64_t id : filter.only) only += (only.empty() ? "[" : ",") + std::to_string(id);
  query.bind(5, only.empty() ? only : only + "]");
  return query;
}

}  // namespace

std::vector<GapRow> PortfolioQueries::gaps(const GapFilter& filter) const {
  return m_database->guarded([&] {
    SQLite::Statement query = latest_query(
        m_database->sqlite(), filter,
        "SELECT r.item_id, r.title, COUNT(*) AS rated, "
        "  SUM(r.level IN ('missing', 'approaches')) AS below, "
        "  GROUP_CONCAT(CASE WHEN r.level IN ('missing', 'approaches') THEN " +
            std::string(k_document_label) +
            " END, "
            "    char(10)) "
            "FROM latest a JOIN reviewed r ON r.assessment_id = a.id JOIN documents d ON d.id = a.document_id "
            "WHERE r.applicable = 1 GROUP BY r.item_id, r.title "
            "ORDER BY CAST(below AS REAL) / rated DESC, below DESC, r.item_id");
    std::vector<GapRow> out;
    while (query.executeStep()) {
      GapRow row{.item_id = query.getColumn(0).getString(),
                 .title = query.getColumn(1).getString(),
                 .applicable = static_cast<std::size_t>(query.getColumn(2).getInt64()),
                 .below_meets = static_cast<std::size_t>(query.getColumn(3).getInt64())};
      std::istringstream documents(query.getColumn(4).isNull() ? std::string() : query.getColumn(4).getString());
      for (std::string line; std::getline(documents, line);) row.documents.push_back(line);
      std::sort(row.documents.begin(), row.documents.end());
      out.push_back(std::move(row));
    }
    return out;
  });
}

std::vector<PortfolioRow> PortfolioQueries::documents(const GapFilter& filter) const {
  return m_database->guarded([&] {
    SQLite::Statement query = latest_query(
        m_database->sqlite(), filter,
        "SELECT a.id, " + std::string(k_document_label) +
            ", a.kind, "
            "  r.item_id, r.applicable, r.level, a.country, a.year, a.region, r.overridden "
            "FROM latest a JOIN documents d ON d.id = a.document_id JOIN reviewed r ON r.assessment_id = a.id "
            "ORDER BY 2, a.id, r.position");
    std::vector<PortfolioRow> out;
    while (query.executeStep()) {
      const std::int64_t id = query.getColumn(0).getInt64();
      if (out.empty() || out.back().assessment_id != id) {
        out.push_back({.assessment_id = id,
                       .label = query.getColumn(1).getString(),
                       .kind = query.getColumn(2).getString(),
                       .country = query.getColumn(6).getString(),
                       .region = query.getColumn(8).getString(),
                       .year = query.getColumn(7).getInt()});
      }
      std::optional<Level> level;
      if (query.getColumn(4).getInt() != 0) level = stored_level(query.getColumn(5).getString());
      out.back().levels.emplace_back(query.getColumn(3).getString(), level);
      if (query.getColumn(9).getInt() != 0) out.back().reviewed.push_back(query.getColumn(3).getString());
    }
    return out;
  });
}

std::vector<std::int64_t> PortfolioQueries::latest(const GapFilter& filter) const {
  return m_database->guarded([&] {
    SQLite::Statement query =
        latest_query(m_database->sqlite(), filter,
                     "SELECT a.id, " + std::string(k_document_label) +
                         " FROM latest a JOIN documents d ON d.id = a.document_id ORDER BY 2, a.id");
    std::vector<std::int64_t> out;
    while (query.executeStep()) out.push_back(query.getColumn(0).getInt64());
    return out;
  });
}

}  // namespace unct::store
