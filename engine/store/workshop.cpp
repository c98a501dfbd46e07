#include "engine/store/workshop.hpp"

#include "engine/core/error.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

namespace unct::store {

std::int64_t WorkshopStore::save(const workshop::Session& session) {
  return m_database->guarded([&] {
    SQLite::Database& db = m_database->sqlite();
    SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
    SQLite::Statement head(db,
                           "INSERT INTO workshop_sessions (cohort, created_at, pack_id, pack_title, pack_path, "
                           "pack_sha256, checklist_id, kind, lang, draft_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    head.bind(1, session.cohort);
    head.bind(2, session.created_at);
    head.bind(3, session.pack_id);
    head.bind(4, session.pack_title);
    head.bind(5, session.pack_path);
    head.bind(6, session.pack_sha256);
    head.bind(7, session.checklist_id);
    head.bind(8, std::string(code(session.kind)));
    head.bind(9, session.lang);
    head.bind(10, session.draft_key ? 1 : 0);
    head.exec();
    const std::int64_t id = db.getLastInsertRowid();
    SQLite::Statement item(db,
                           "INSERT INTO workshop_items (session_id, position, item_id, title, key_level, rationale, "
                           "engine_level) VALUES (?, ?, ?, ?, ?, ?, ?)");
    for (std::size_t i = 0; i < session.items.size(); ++i) {
      const workshop::SessionItem& it = session.items[i];
      item.bind(1, id);
      item.bind(2, static_cast<std::int64_t>(i));
      item.bind(3, it.item_id);
      item.bind(4, it.title);
      item.bind(5, std::string(code(it.key)));
      item.bind(6, it.rationale);
      if (it.engine)
        item.bind(7, std::string(code(*it.engine)));
      else
        item.bind(7);
      item.exec();
      item.reset();
    }
    SQLite::Statement answer(db,
                             "INSERT INTO workshop_answers (session_id, position, participant, item_id, level, "
                             "note, file, line) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    for (std::size_t i = 0; i < session.answers.size(); ++i) {
      const workshop::Answer& a = session.answers[i];
      answer.bind(1, id);
      answer.bind(2, static_cast<std::int64_t>(i));
      answer.bind(3, a.participant);
      answer.bind(4, a.item_id);
      answer.bind(5, std::string(code(a.level)));
      answer.bind(6, a.note);
      answer.bind(7, a.file);
      answer.bind(8, a.line);
      answer.exec();
      answer.reset();
    }
    transaction.commit();
    return id;
  });
}

workshop::Session WorkshopStore::load(std::int64_t id) const {
  return m_database->guarded([&] {
    std::vector<workshop::Session> found = read({}, id);
    if (found.empty()) throw InputError({.file = m_database->path()}, "no workshop session " + std::to_string(id));
    return std::move(found.front());
  });
}

std::vector<workshop::Session> WorkshopStore::sessions(const std::string& pack_id) const {
  return m_database->guarded([&] { return read(pack_id, std::nullopt); });
}

std::vector<workshop::Session> WorkshopStore::read(const std::string& pack_id, std::optional<std::int64_t> only) const {
  SQLite::Database& db = m_database->sqlite();
  SQLite::Statement head(db,
                         "SELECT id, cohort, created_at, pack_id, pack_title, pack_path, pack_sha256, "
                         "checklist_id, kind, lang, draft_key FROM workshop_sessions "
                         "WHERE (?1 = '' OR pack_id = ?1) AND (?2 IS NULL OR id = ?2) ORDER BY id");
  head.bind(1, pack_id);
  if (only)
    head.bind(2, *only);
  else
    head.bind(2);
  std::vector<workshop::Session> out;
  while (head.executeStep()) {
    out.push_back({.id = head.getColumn(0).getInt64(),
                   .cohort = head.getColumn(1).getString(),
                   .created_at = head.getColumn(2).getString(),
                   .pack_id = head.getColumn(3).getString(),
                   .pack_title = head.getColumn(4).getString(),
                   .pack_path = head.getColumn(5).getString(),
                   .pack_sha256 = head.getColumn(6).getString(),
                   .checklist_id = head.getColumn(7).getString(),
                   .kind = parse_document_kind(head.getColumn(8).getString()).value_or(DocumentKind::cca),
                   .lang = head.getColumn(9).getString(),
                   .draft_key = head.getColumn(10).getInt() != 0});
  }
  SQLite::Statement items(db,
                          "SELECT item_id, title, key_level, rationale, engine_level FROM workshop_items "
                          "WHERE session_id = ? ORDER BY position");
  SQLite::Statement answers(db,
                            "SELECT participant, item_id, level, note, file, line FROM workshop_answers "
                            "WHERE session_id = ? ORDER BY position");
  for (workshop::Session& s : out) {
    items.bind(1, s.id);
    while (items.executeStep()) {
      workshop::SessionItem it{.item_id = items.getColumn(0).getString(),
                               .title = items.getColumn(1).getString(),
                               .key = stored_level(items.getColumn(2).getString()),
                               .rationale = items.getColumn(3).getString()};
      if (!items.getColumn(4).isNull()) it.engine = stored_level(items.getColumn(4).getString());
      s.items.push_back(std::move(it));
    }
    items.reset();
    answers.bind(1, s.id);
    while (answers.executeStep()) {
      s.answers.push_back({.participant = answers.getColumn(0).getString(),
                           .item_id = answers.getColumn(1).getString(),
                           .level = stored_level(answers.getColumn(2).getString()),
                           .note = answers.getColumn(3).getString(),
                           .file = answers.getColumn(4).getString(),
                           .line = answers.getColumn(5).getInt()});
    }
    answers.reset();
  }
  return out;
}

}  // namespace unct::store
