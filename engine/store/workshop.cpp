#include "engine/store/workshop.hpp"

#include "engine/core/error.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

namespace unct::store {

namespace {

// Stores `answers` in the session, at positions from `first` on.
void insert_answers(SQLite::Database& db, std::int64_t session_id, std::int64_t first,
                    const std::vector<workshop::Answer>& answers) {
  SQLite::Statement add(db,
                        "INSERT INTO workshop_answers (session_id, position, participant, item_id, level, note, "
                        "file, line) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  for (std::size_t i = 0; i < answers.size(); ++i) {
    const workshop::Answer& a = answers[i];
    add.bind(1, session_id);
    add.bind(2, first + static_cast<std::int64_t>(i));
    add.bind(3, a.participant);
    add.bind(4, a.item_id);
    add.bind(5, std::string(code(a.level)));
    add.bind(6, a.note);
    add.bind(7, a.file);
    add.bind(8, a.line);
    add.exec();
    add.reset();
  }
}

}  // namespace

std::int64_t WorkshopStore::save(const workshop::Session& session) {
  return m_database->guarded([&] {
    SQLite::Transaction transaction(m_database->sqlite(), SQLite::TransactionBehavior::IMMEDIATE);
    const std::int64_t id = insert(session);
    transaction.commit();
    return id;
  });
}

std::int64_t WorkshopStore::insert(const workshop::Session& session) {
  SQLite::Database& db = m_database->sqlite();
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
  insert_answers(db, id, 0, session.answers);
  return id;
}

namespace {

// Answers of one participant in a room sit in a slot of positions: the first answer of the slot
// at slot * k_slot, the others after it in the pack's order (a pack has far fewer items).
constexpr std::int64_t k_slot = 100000;

constexpr const char* k_room_columns = "session_id, code, csrf, pack_name, pack_xml, opened_at, closed_at";

workshop::Room room_row(SQLite::Statement& row) {
  return {.session_id = row.getColumn(0).getInt64(),
          .code = row.getColumn(1).getString(),
          .csrf = row.getColumn(2).getString(),
          .pack_name = row.getColumn(3).getString(),
          .pack_xml = row.getColumn(4).getString(),
          .opened_at = row.getColumn(5).getString(),
          .closed_at = row.getColumn(6).getString()};
}

}  // namespace

std::int64_t WorkshopStore::open_room(const workshop::Session& session, const workshop::Room& room) {
  return m_database->guarded([&] {
    SQLite::Database& db = m_database->sqlite();
    SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
    SQLite::Statement taken(db, "SELECT 1 FROM workshop_rooms WHERE code = ?");
    taken.bind(1, room.code);
    if (taken.executeStep()) {
      throw InputError({.file = m_database->path()}, "the room code " + room.code + " is taken");
    }
    const std::int64_t id = insert(session);
    SQLite::Statement add(
        db, std::string("INSERT INTO workshop_rooms (") + k_room_columns + ") VALUES (?, ?, ?, ?, ?, ?, ?)");
    add.bind(1, id);
    add.bind(2, room.code);
    add.bind(3, room.csrf);
    add.bind(4, room.pack_name);
    add.bind(5, room.pack_xml);
    add.bind(6, room.opened_at);
    add.bind(7, room.closed_at);
    add.exec();
    transaction.commit();
    return id;
  });
}

std::optional<workshop::Room> WorkshopStore::room(const std::string& code) const {
  return m_database->guarded([&]() -> std::optional<workshop::Room> {
    SQLite::Statement row(m_database->sqlite(),
                          std::string("SELECT ") + k_room_columns + " FROM workshop_rooms WHERE code = ?");
    row.bind(1, code);
    if (!row.executeStep()) return std::nullopt;
    return room_row(row);
  });
}

std::optional<workshop::Room> WorkshopStore::room_of(std::int64_t session_id) const {
  return m_database->guarded([&]() -> std::optional<workshop::Room> {
    SQLite::Statement row(m_database->sqlite(),
                          std::string("SELECT ") + k_room_columns + " FROM workshop_rooms WHERE session_id = ?");
    row.bind(1, session_id);
    if (!row.executeStep()) return std::nullopt;
    return room_row(row);
  });
}

std::vector<workshop::Room> WorkshopStore::rooms() const {
  return m_database->guarded([&] {
    SQLite::Statement row(m_database->sqlite(),
                          std::string("SELECT ") + k_room_columns + " FROM workshop_rooms ORDER BY session_id DESC");
    std::vector<workshop::Room> out;
    while (row.executeStep()) out.push_back(room_row(row));
    return out;
  });
}

WorkshopStore::Taken WorkshopStore::replace_answers(std::int64_t session_id, const std::string& participant,
                                                    const std::vector<workshop::Answer>& answers,
                                                    std::size_t max_participants) {
  return m_database->guarded([&] {
    SQLite::Database& db = m_database->sqlite();
    SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
    SQLite::Statement open(db, "SELECT closed_at FROM workshop_rooms WHERE session_id = ?");
    open.bind(1, session_id);
    if (!open.executeStep()) return Taken::no_room;
    if (!open.getColumn(0).getString().empty()) return Taken::closed;
    SQLite::Statement slot(db,
                           "SELECT (SELECT MIN(position) FROM workshop_answers WHERE session_id = ?1 AND "
                           "participant = ?2), (SELECT MAX(position) FROM workshop_answers WHERE session_id = ?1), "
                           "(SELECT COUNT(DISTINCT participant) FROM workshop_answers WHERE session_id = ?1)");
    slot.bind(1, session_id);
    slot.bind(2, participant);
    slot.executeStep();
    if (slot.getColumn(0).isNull() && static_cast<std::size_t>(slot.getColumn(2).getInt64()) >= max_participants) {
      return Taken::full;
    }
    const std::int64_t first = !slot.getColumn(0).isNull()  ? slot.getColumn(0).getInt64() / k_slot * k_slot
                               : slot.getColumn(1).isNull() ? 0
                                                            : (slot.getColumn(1).getInt64() / k_slot + 1) * k_slot;
    SQLite::Statement remove(db, "DELETE FROM workshop_answers WHERE session_id = ? AND participant = ?");
    remove.bind(1, session_id);
    remove.bind(2, participant);
    remove.exec();
    insert_answers(db, session_id, first, answers);
    transaction.commit();
    return Taken::stored;
  });
}

bool WorkshopStore::close_room(std::int64_t session_id, const std::string& closed_at) {
  return m_database->guarded([&] {
    SQLite::Statement close(m_database->sqlite(),
                            "UPDATE workshop_rooms SET closed_at = ? WHERE session_id = ? AND closed_at = ''");
    close.bind(1, closed_at);
    close.bind(2, session_id);
    return close.exec() == 1;
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
