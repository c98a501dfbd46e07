#include "engine/store/reviews.hpp"

#include "engine/core/error.hpp"
#include "engine/store/assessments.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

namespace unct::store {

OverrideRow ReviewStore::override_level(std::int64_t id, const std::string& item_id, Level level,
                                        const std::string& note, const std::string& reviewer, const std::string& at) {
  return m_database->guarded([&] {
    SQLite::Database& db = m_database->sqlite();
    SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
    AssessmentStore assessments(*m_database);
    Assessment a = assessments.load(id);
    rules::ItemResult* item = find_result(a, item_id);
    if (item == nullptr) {
      throw InputError({.file = m_database->path(), .item_id = item_id},
                       "assessment " + std::to_string(id) + " has no such item");
    }
    if (!item->applicable) {
      throw InputError(
          {.file = m_database->path(), .item_id = item_id},
          "assessment " + std::to_string(id) + " does not rate this item (" + item->not_applicable_reason + ")");
    }
    const OverrideRow row{.assessment_id = id,
                          .item_id = item_id,
                          .level = level,
                          .previous = item->level,
                          .reviewer = reviewer,
                          .note = note,
                          .created_at = at};
    SQLite::Statement insert(db,
                             "INSERT INTO overrides (assessment_id, item_id, level, previous_level, reviewer, note, "
                             "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
    insert.bind(1, id);
    insert.bind(2, item_id);
    insert.bind(3, std::string(code(level)));
    insert.bind(4, std::string(code(row.previous)));
    insert.bind(5, reviewer);
    insert.bind(6, note);
    insert.bind(7, at);
    insert.exec();
    const std::int64_t override_id = db.getLastInsertRowid();

    // The stored scores follow the reviewed levels, so that history and reports agree.
    item->level = level;
    rescore(a);
    assessments.update_scores(id, a);
    transaction.commit();
    OverrideRow out = row;
    out.id = override_id;
    return out;
  });
}

std::vector<OverrideRow> ReviewStore::overrides(std::int64_t assessment_id) const {
  return m_database->guarded([&] {
    SQLite::Statement query(m_database->sqlite(),
                            "SELECT id, item_id, level, previous_level, reviewer, note, created_at "
                            "FROM overrides WHERE assessment_id = ? ORDER BY id");
    query.bind(1, assessment_id);
    std::vector<OverrideRow> out;
    while (query.executeStep()) {
      out.push_back({.id = query.getColumn(0).getInt64(),
                     .assessment_id = assessment_id,
                     .item_id = query.getColumn(1).getString(),
                     .level = stored_level(query.getColumn(2).getString()),
                     .previous = stored_level(query.getColumn(3).getString()),
                     .reviewer = query.getColumn(4).getString(),
                     .note = query.getColumn(5).getString(),
                     .created_at = query.getColumn(6).getString()});
    }
    return out;
  });
}

void ReviewStore::apply(std::int64_t id, Assessment& a) const {
  m_database->guarded([&] {
    // Kept prepared: every assessment loaded asks (a rescore, one per document).
    const Database::Prepared latest_kept = m_database->prepared(
        "SELECT o.item_id, o.level, o.reviewer, o.note, o.created_at FROM overrides o "
        "WHERE o.assessment_id = ?1 AND o.id = (SELECT MAX(id) FROM overrides "
        "WHERE assessment_id = ?1 AND item_id = o.item_id)");
    SQLite::Statement& latest = *latest_kept;
    latest.bind(1, id);
    bool any = false;
    while (latest.executeStep()) {
      rules::ItemResult* item = find_result(a, latest.getColumn(0).getString());
      if (item == nullptr) continue;
      item->review = rules::Review{.engine_level = item->level,
                                   .reviewer = latest.getColumn(2).getString(),
                                   .note = latest.getColumn(3).getString(),
                                   .at = latest.getColumn(4).getString()};
      item->level = stored_level(latest.getColumn(1).getString());
      any = true;
    }
    if (any) rescore(a);
  });
}

}  // namespace unct::store
