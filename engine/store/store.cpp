#include "engine/store/store.hpp"

#include "engine/core/error.hpp"
#include "engine/ingest/serialise.hpp"
#include "engine/store/migrations.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <thread>
#include <sstream>

namespace unct::store {
namespace {

constexpr int k_busy_timeout_ms = 10'000;
constexpr int k_wal_retry_ms = 20;

std::string highlights_text(const rules::Evidence& evidence) {
  std::string out;
  for (const auto& [begin, end] : evidence.highlights) {
    if (!out.empty()) out += ' ';
    out += std::to_string(begin) + '-' + std::to_string(end);
  }
  return out;
}

std::vector<std::pair<std::uint32_t, std::uint32_t>> parse_highlights(const std::string& text) {
  std::vector<std::pair<std::uint32_t, std::uint32_t>> out;
  std::istringstream in(text);
  for (std::string range; in >> range;) {
    const auto dash = range.find('-');
    out.emplace_back(static_cast<std::uint32_t>(std::stoul(range.substr(0, dash))),
                     static_cast<std::uint32_t>(std::stoul(range.substr(dash + 1))));
  }
  return out;
}

std::string joined(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& word : words) out += (out.empty() ? "" : " ") + word;
  return out;
}

std::vector<std::string> split(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string word; in >> word;) out.push_back(word);
  return out;
}

Level level_of(const std::string& text) { return parse_level(text).value_or(Level::missing); }

}  // namespace

int latest_schema_version() { return migrations().back().version; }

struct Store::Impl {
  std::filesystem::path path;
  mutable SQLite::Database db;  // SQLiteCpp queries are non-const even when they only read

  explicit Impl(const std::filesystem::path& p)
      : path(p), db(p.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE, k_busy_timeout_ms) {}

  InputError error(const std::string& message) const { return InputError({.file = path}, message); }

  int version() const {
    if (!db.tableExists("schema_migrations")) return 0;
    return db.execAndGet("SELECT COALESCE(MAX(version), 0) FROM schema_migrations").getInt();
  }

  void open() {
    // Checked before anything is set: another program's database is refused untouched (switching
    // it to WAL would change the file).
    const int current = version();
    if (current == 0 && db.execAndGet("SELECT COUNT(*) FROM sqlite_master").getInt() > 0) {
      throw error("not an unct-assess database: it holds other tables and no schema_migrations");
    }
    if (current > latest_schema_version()) {
      throw error("database schema version " + std::to_string(current) + " is newer than this unct-assess (" +
                  std::to_string(latest_schema_version()) + "); use a newer unct-assess");
    }
    db.exec("PRAGMA foreign_keys = ON");
    // Switching a new database to WAL needs it to itself: when another process is migrating the
    // same new file, SQLite answers "busy" at once instead of waiting, so wait here.
    for (int waited_ms = 0;; waited_ms += k_wal_retry_ms) {
      try {
        db.execAndGet("PRAGMA journal_mode = WAL");
        break;
      } catch (const SQLite::Exception& e) {
        if (e.getErrorCode() != SQLITE_BUSY || waited_ms >= k_busy_timeout_ms) throw;
        std::this_thread::sleep_for(std::chrono::milliseconds(k_wal_retry_ms));
      }
    }
    for (const Migration& migration : migrations()) {
      if (migration.version <= current) continue;
      SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
      if (version() >= migration.version) continue;  // another process migrated meanwhile
      db.exec(migration.sql);
      SQLite::Statement record(db, "INSERT INTO schema_migrations (version, applied_at) VALUES (?, "
                                   "strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))");
      record.bind(1, migration.version);
      record.exec();
      transaction.commit();
    }
  }

  // Requires: `table` is "documents" or "checklists", holding a row with that hash.
  std::int64_t id_by_hash(const std::string& table, const std::string& sha256) {
    SQLite::Statement find(db, "SELECT id FROM " + table + " WHERE sha256 = ?");
    find.bind(1, sha256);
    find.executeStep();
    return find.getColumn(0).getInt64();
  }

  // Documents and checklists are stored once per content hash; the first sighting's metadata stays.
  std::int64_t upsert_document(const Assessment& a) {
    SQLite::Statement insert(db, "INSERT INTO documents (sha256, path, format, title, bytes, words, blocks, first_seen) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(sha256) DO NOTHING");
    const DocumentSummary& d = a.document;
    insert.bind(1, d.sha256);
    insert.bind(2, d.path);
    insert.bind(3, d.format);
    insert.bind(4, d.title);
    insert.bind(5, static_cast<std::int64_t>(d.bytes));
    insert.bind(6, static_cast<std::int64_t>(d.words));
    insert.bind(7, static_cast<std::int64_t>(d.blocks));
    insert.bind(8, a.created_at);
    insert.exec();
    return id_by_hash("documents", d.sha256);
  }

  std::int64_t upsert_checklist(const Assessment& a) {
    SQLite::Statement insert(db, "INSERT INTO checklists (checklist_id, version, sha256, title, provenance, first_seen) "
                                 "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(sha256) DO NOTHING");
    const ChecklistSummary& c = a.checklist;
    insert.bind(1, c.id);
    insert.bind(2, c.version);
    insert.bind(3, c.sha256);
    insert.bind(4, c.title);
    insert.bind(5, c.provenance);
    insert.bind(6, a.created_at);
    insert.exec();
    return id_by_hash("checklists", c.sha256);
  }

  void cache_text(std::int64_t document_id, const ingest::Document& text) {
    SQLite::Statement insert(db, "INSERT INTO document_text (document_id, reader_version, content) VALUES (?, ?, ?) "
                                 "ON CONFLICT(document_id) DO UPDATE SET reader_version = excluded.reader_version, "
                                 "content = excluded.content WHERE reader_version <> excluded.reader_version "
                                 "OR content <> excluded.content");  // a newer reader, or a damaged entry
    insert.bind(1, document_id);
    insert.bind(2, ingest::k_reader_version);
    insert.bind(3, ingest::serialise(text));
    insert.exec();
  }

  std::optional<std::int64_t> assessed(const std::string& document_sha256, const std::string& checklist_sha256) {
    SQLite::Statement find(db, "SELECT a.id FROM assessments a JOIN documents d ON d.id = a.document_id "
                               "JOIN checklists c ON c.id = a.checklist_id WHERE d.sha256 = ? AND c.sha256 = ? "
                               "ORDER BY a.id DESC LIMIT 1");
    find.bind(1, document_sha256);
    find.bind(2, checklist_sha256);
    if (!find.executeStep()) return std::nullopt;
    return find.getColumn(0).getInt64();
  }

  // Writes the assessment whole in one transaction; with `unless_assessed`, nothing when the
  // document was already assessed with this checklist.
  std::optional<std::int64_t> save(const Assessment& a, const ingest::Document* text, bool unless_assessed) {
    SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
    if (unless_assessed && assessed(a.document.sha256, a.checklist.sha256)) return std::nullopt;
    const std::int64_t document_id = upsert_document(a);
    if (text != nullptr) cache_text(document_id, *text);
    const std::int64_t checklist_id = upsert_checklist(a);

    SQLite::Statement assessment(db, "INSERT INTO assessments (document_id, checklist_id, path, kind, kind_source, "
                                     "engine_version, created_at, applicable, at_meets_or_above, points, max_points, "
                                     "language, language_source, year, country, region, draft) "
                                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    assessment.bind(1, document_id);
    assessment.bind(2, checklist_id);
    assessment.bind(3, a.document.path);
    assessment.bind(4, std::string(code(a.document.kind)));
    assessment.bind(5, a.document.kind_source);
    assessment.bind(6, a.engine_version);
    assessment.bind(7, a.created_at);
    assessment.bind(8, static_cast<std::int64_t>(a.overall.applicable));
    assessment.bind(9, static_cast<std::int64_t>(a.overall.at_meets_or_above));
    assessment.bind(10, a.overall.points);
    assessment.bind(11, a.overall.max_points);
    assessment.bind(12, a.document.language);
    assessment.bind(13, a.document.language_source);
    assessment.bind(14, a.document.year);
    assessment.bind(15, a.document.country);
    assessment.bind(16, a.document.region);
    assessment.bind(17, a.document.draft);
    assessment.exec();
    const std::int64_t assessment_id = db.getLastInsertRowid();

    SQLite::Statement section(db, "INSERT INTO section_scores (assessment_id, position, section_id, title, applicable, "
                                  "at_meets_or_above, points, max_points) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    for (std::size_t i = 0; i < a.sections.size(); ++i) {
      const SectionScore& s = a.sections[i];
      section.bind(1, assessment_id);
      section.bind(2, static_cast<std::int64_t>(i));
      section.bind(3, s.id);
      section.bind(4, s.title);
      section.bind(5, static_cast<std::int64_t>(s.score.applicable));
      section.bind(6, static_cast<std::int64_t>(s.score.at_meets_or_above));
      section.bind(7, s.score.points);
      section.bind(8, s.score.max_points);
      section.exec();
      section.reset();
    }

    SQLite::Statement item(db, "INSERT INTO item_results (assessment_id, position, item_id, title, section_id, "
                               "applicable, not_applicable_reason, level, weight, external) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    SQLite::Statement criterion(db, "INSERT INTO criterion_results (item_result_id, position, criterion_id, text, "
                                    "level, met) VALUES (?, ?, ?, ?, ?, ?)");
    SQLite::Statement evidence(db, "INSERT INTO evidence (criterion_result_id, position, quote, highlights, section, "
                                   "page, line, block) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    SQLite::Statement finding(db, "INSERT INTO findings (item_result_id, kind, unmet, text) VALUES (?, ?, ?, ?)");
    for (std::size_t i = 0; i < a.items.size(); ++i) {
      const rules::ItemResult& r = a.items[i];
      item.bind(1, assessment_id);
      item.bind(2, static_cast<std::int64_t>(i));
      item.bind(3, r.item_id);
      item.bind(4, r.title);
      item.bind(5, r.section_id);
      item.bind(6, r.applicable ? 1 : 0);
      item.bind(7, r.not_applicable_reason);
      item.bind(8, std::string(code(r.level)));
      item.bind(9, r.weight);
      item.bind(10, r.external ? 1 : 0);
      item.exec();
      item.reset();
      const std::int64_t item_id = db.getLastInsertRowid();

      for (std::size_t c = 0; c < r.criteria.size(); ++c) {
        const rules::CriterionResult& cr = r.criteria[c];
        criterion.bind(1, item_id);
        criterion.bind(2, static_cast<std::int64_t>(c));
        criterion.bind(3, cr.id);
        criterion.bind(4, cr.text);
        criterion.bind(5, std::string(code(cr.level)));
        criterion.bind(6, cr.met ? 1 : 0);
        criterion.exec();
        criterion.reset();
        const std::int64_t criterion_id = db.getLastInsertRowid();
        for (std::size_t e = 0; e < cr.evidence.size(); ++e) {
          const rules::Evidence& ev = cr.evidence[e];
          evidence.bind(1, criterion_id);
          evidence.bind(2, static_cast<std::int64_t>(e));
          evidence.bind(3, ev.quote);
          evidence.bind(4, highlights_text(ev));
          evidence.bind(5, ev.section);
          evidence.bind(6, ev.page);
          evidence.bind(7, ev.line);
          evidence.bind(8, static_cast<std::int64_t>(ev.block));
          evidence.exec();
          evidence.reset();
        }
      }
      if (!r.unmet.empty() || !r.gap.empty()) {
        finding.bind(1, item_id);
        finding.bind(2, r.level < Level::meets ? "gap" : "next-step");
        finding.bind(3, joined(r.unmet));
        finding.bind(4, r.gap);
        finding.exec();
        finding.reset();
      }
    }
    write_self_ratings(assessment_id, a.self);
    transaction.commit();
    return assessment_id;
  }

  Assessment load(std::int64_t id) const {
    SQLite::Statement head(db, "SELECT a.path, d.sha256, d.format, d.title, a.kind, a.kind_source, d.bytes, d.words, "
                               "d.blocks, c.checklist_id, c.version, c.title, c.sha256, c.provenance, a.engine_version, "
                               "a.created_at, a.applicable, a.at_meets_or_above, a.points, a.max_points, "
                               "a.language, a.language_source, a.year, a.country, a.region, a.draft "
                               "FROM assessments a JOIN documents d ON d.id = a.document_id "
                               "JOIN checklists c ON c.id = a.checklist_id WHERE a.id = ?");
    head.bind(1, id);
    if (!head.executeStep()) throw error("no assessment with id " + std::to_string(id));
    Assessment a;
    a.document = {.path = head.getColumn(0).getString(),
                  .sha256 = head.getColumn(1).getString(),
                  .format = head.getColumn(2).getString(),
                  .title = head.getColumn(3).getString(),
                  .kind = parse_document_kind(head.getColumn(4).getString()).value_or(DocumentKind::cca),
                  .kind_source = head.getColumn(5).getString(),
                  .language = head.getColumn(20).getString(),
                  .language_source = head.getColumn(21).getString(),
                  .year = head.getColumn(22).getInt(),
                  .country = head.getColumn(23).getString(),
                  .region = head.getColumn(24).getString(),
                  .draft = head.getColumn(25).getString(),
                  .bytes = static_cast<std::uintmax_t>(head.getColumn(6).getInt64()),
                  .words = static_cast<std::size_t>(head.getColumn(7).getInt64()),
                  .blocks = static_cast<std::size_t>(head.getColumn(8).getInt64())};
    a.checklist = {.id = head.getColumn(9).getString(),
                   .version = head.getColumn(10).getString(),
                   .title = head.getColumn(11).getString(),
                   .sha256 = head.getColumn(12).getString(),
                   .provenance = head.getColumn(13).getString()};
    a.engine_version = head.getColumn(14).getString();
    a.created_at = head.getColumn(15).getString();
    a.overall = {.applicable = static_cast<std::size_t>(head.getColumn(16).getInt64()),
                 .at_meets_or_above = static_cast<std::size_t>(head.getColumn(17).getInt64()),
                 .points = head.getColumn(18).getDouble(),
                 .max_points = head.getColumn(19).getDouble()};

    SQLite::Statement sections(db, "SELECT section_id, title, applicable, at_meets_or_above, points, max_points "
                                   "FROM section_scores WHERE assessment_id = ? ORDER BY position");
    sections.bind(1, id);
    while (sections.executeStep()) {
      a.sections.push_back({.id = sections.getColumn(0).getString(),
                            .title = sections.getColumn(1).getString(),
                            .score = {.applicable = static_cast<std::size_t>(sections.getColumn(2).getInt64()),
                                      .at_meets_or_above = static_cast<std::size_t>(sections.getColumn(3).getInt64()),
                                      .points = sections.getColumn(4).getDouble(),
                                      .max_points = sections.getColumn(5).getDouble()}});
    }

    SQLite::Statement items(db, "SELECT r.id, r.item_id, r.title, r.section_id, r.applicable, r.not_applicable_reason, "
                                "r.level, r.weight, f.unmet, f.text, r.external FROM item_results r "
                                "LEFT JOIN findings f ON f.item_result_id = r.id "
                                "WHERE r.assessment_id = ? ORDER BY r.position");
    SQLite::Statement criteria(db, "SELECT id, criterion_id, text, level, met FROM criterion_results "
                                   "WHERE item_result_id = ? ORDER BY position");
    SQLite::Statement evidence(db, "SELECT quote, highlights, section, page, line, block FROM evidence "
                                   "WHERE criterion_result_id = ? ORDER BY position");
    items.bind(1, id);
    while (items.executeStep()) {
      rules::ItemResult r{.item_id = items.getColumn(1).getString(),
                          .title = items.getColumn(2).getString(),
                          .section_id = items.getColumn(3).getString(),
                          .applicable = items.getColumn(4).getInt() != 0,
                          .external = items.getColumn(10).getInt() != 0,
                          .not_applicable_reason = items.getColumn(5).getString(),
                          .level = level_of(items.getColumn(6).getString()),
                          .weight = items.getColumn(7).getDouble(),
                          .unmet = split(items.getColumn(8).getString()),
                          .gap = items.getColumn(9).getString()};
      criteria.bind(1, items.getColumn(0).getInt64());
      while (criteria.executeStep()) {
        rules::CriterionResult c{.id = criteria.getColumn(1).getString(),
                                 .text = criteria.getColumn(2).getString(),
                                 .level = level_of(criteria.getColumn(3).getString()),
                                 .met = criteria.getColumn(4).getInt() != 0};
        evidence.bind(1, criteria.getColumn(0).getInt64());
        while (evidence.executeStep()) {
          c.evidence.push_back({.quote = evidence.getColumn(0).getString(),
                                .highlights = parse_highlights(evidence.getColumn(1).getString()),
                                .section = evidence.getColumn(2).getString(),
                                .page = evidence.getColumn(3).getInt(),
                                .line = evidence.getColumn(4).getInt(),
                                .block = static_cast<std::uint32_t>(evidence.getColumn(5).getInt64())});
        }
        evidence.reset();
        r.criteria.push_back(std::move(c));
      }
      criteria.reset();
      a.items.push_back(std::move(r));
    }
    SQLite::Statement self(db, "SELECT item_id, level, justification, source, line FROM self_ratings "
                               "WHERE assessment_id = ? ORDER BY position");
    self.bind(1, id);
    while (self.executeStep()) {
      a.self.push_back({.item_id = self.getColumn(0).getString(),
                        .level = level_of(self.getColumn(1).getString()),
                        .justification = self.getColumn(2).getString(),
                        .source = self.getColumn(3).getString(),
                        .line = self.getColumn(4).getInt()});
    }
    apply_reviews(id, a);
    return a;
  }

  // The latest override of each item replaces the engine's level; the scores follow.
  void apply_reviews(std::int64_t id, Assessment& a) const {
    SQLite::Statement latest(db, "SELECT o.item_id, o.level, o.reviewer, o.note, o.created_at FROM overrides o "
                                 "WHERE o.assessment_id = ?1 AND o.id = (SELECT MAX(id) FROM overrides "
                                 "WHERE assessment_id = ?1 AND item_id = o.item_id)");
    latest.bind(1, id);
    bool any = false;
    while (latest.executeStep()) {
      rules::ItemResult* item = find_result(a, latest.getColumn(0).getString());
      if (item == nullptr) continue;
      item->review = rules::Review{.engine_level = item->level,
                                   .reviewer = latest.getColumn(2).getString(),
                                   .note = latest.getColumn(3).getString(),
                                   .at = latest.getColumn(4).getString()};
      item->level = level_of(latest.getColumn(1).getString());
      any = true;
    }
    if (any) rescore(a);
  }

  OverrideRow override_level(std::int64_t id, const std::string& item_id, Level level, const std::string& note,
                             const std::string& reviewer, const std::string& at) {
    SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
    Assessment a = load(id);
    rules::ItemResult* item = find_result(a, item_id);
    if (item == nullptr) {
      throw InputError({.file = path, .item_id = item_id}, "assessment " + std::to_string(id) + " has no such item");
    }
    if (!item->applicable) {
      throw InputError({.file = path, .item_id = item_id},
                       "assessment " + std::to_string(id) + " does not rate this item (" + item->not_applicable_reason + ")");
    }
    const OverrideRow row{.assessment_id = id, .item_id = item_id, .level = level, .previous = item->level,
                          .reviewer = reviewer, .note = note, .created_at = at};
    SQLite::Statement insert(db, "INSERT INTO overrides (assessment_id, item_id, level, previous_level, reviewer, note, "
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
    write_scores(id, a);
    transaction.commit();
    OverrideRow out = row;
    out.id = override_id;
    return out;
  }

  Assessment set_self_ratings(std::int64_t id, const std::function<void(Assessment&)>& rate) {
    SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
    Assessment a = load(id);
    rate(a);
    SQLite::Statement clear(db, "DELETE FROM self_ratings WHERE assessment_id = ?");
    clear.bind(1, id);
    clear.exec();
    write_self_ratings(id, a.self);
    // Items needing team records take the team's level; every other item keeps the engine's.
    SQLite::Statement item(db, "UPDATE item_results SET applicable = ?, level = ? WHERE assessment_id = ? AND item_id = ?");
    for (const rules::ItemResult& r : a.items) {
      if (!r.external) continue;
      item.bind(1, r.applicable ? 1 : 0);
      item.bind(2, std::string(code(r.level)));
      item.bind(3, id);
      item.bind(4, r.item_id);
      item.exec();
      item.reset();
    }
    // Read back, so that reviewers' overrides still stand over the levels, and score that.
    Assessment stored = load(id);
    rescore(stored);
    write_scores(id, stored);
    transaction.commit();
    return stored;
  }

  std::int64_t save_session(const workshop::Session& session) {
    SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
    SQLite::Statement head(db, "INSERT INTO workshop_sessions (cohort, created_at, pack_id, pack_title, pack_path, "
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
    SQLite::Statement item(db, "INSERT INTO workshop_items (session_id, position, item_id, title, key_level, rationale, "
                               "engine_level) VALUES (?, ?, ?, ?, ?, ?, ?)");
    for (std::size_t i = 0; i < session.items.size(); ++i) {
      const workshop::SessionItem& it = session.items[i];
      item.bind(1, id);
      item.bind(2, static_cast<std::int64_t>(i));
      item.bind(3, it.item_id);
      item.bind(4, it.title);
      item.bind(5, std::string(code(it.key)));
      item.bind(6, it.rationale);
      if (it.engine) item.bind(7, std::string(code(*it.engine)));
      else item.bind(7);
      item.exec();
      item.reset();
    }
    SQLite::Statement answer(db, "INSERT INTO workshop_answers (session_id, position, participant, item_id, level, "
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
  }

  std::vector<workshop::Session> sessions(const std::string& pack_id, std::optional<std::int64_t> only) const {
    SQLite::Statement head(db, "SELECT id, cohort, created_at, pack_id, pack_title, pack_path, pack_sha256, "
                               "checklist_id, kind, lang, draft_key FROM workshop_sessions "
                               "WHERE (?1 = '' OR pack_id = ?1) AND (?2 IS NULL OR id = ?2) ORDER BY id");
    head.bind(1, pack_id);
    if (only) head.bind(2, *only);
    else head.bind(2);
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
    SQLite::Statement items(db, "SELECT item_id, title, key_level, rationale, engine_level FROM workshop_items "
                                "WHERE session_id = ? ORDER BY position");
    SQLite::Statement answers(db, "SELECT participant, item_id, level, note, file, line FROM workshop_answers "
                                  "WHERE session_id = ? ORDER BY position");
    for (workshop::Session& s : out) {
      items.bind(1, s.id);
      while (items.executeStep()) {
        workshop::SessionItem it{.item_id = items.getColumn(0).getString(),
                                 .title = items.getColumn(1).getString(),
                                 .key = level_of(items.getColumn(2).getString()),
                                 .rationale = items.getColumn(3).getString()};
        if (!items.getColumn(4).isNull()) it.engine = level_of(items.getColumn(4).getString());
        s.items.push_back(std::move(it));
      }
      items.reset();
      answers.bind(1, s.id);
      while (answers.executeStep()) {
        s.answers.push_back({.participant = answers.getColumn(0).getString(),
                             .item_id = answers.getColumn(1).getString(),
                             .level = level_of(answers.getColumn(2).getString()),
                             .note = answers.getColumn(3).getString(),
                             .file = answers.getColumn(4).getString(),
                             .line = answers.getColumn(5).getInt()});
      }
      answers.reset();
    }
    return out;
  }

  // The assessment's overall and section scores as `a` holds them.
  void write_scores(std::int64_t id, const Assessment& a) {
    auto bind = [](SQLite::Statement& statement, const Score& score) {
      statement.bind(1, static_cast<std::int64_t>(score.applicable));
      statement.bind(2, static_cast<std::int64_t>(score.at_meets_or_above));
      statement.bind(3, score.points);
      statement.bind(4, score.max_points);
    };
    SQLite::Statement overall(db, "UPDATE assessments SET applicable = ?, at_meets_or_above = ?, points = ?, "
                                  "max_points = ? WHERE id = ?");
    bind(overall, a.overall);
    overall.bind(5, id);
    overall.exec();
    SQLite::Statement section(db, "UPDATE section_scores SET applicable = ?, at_meets_or_above = ?, points = ?, "
                                  "max_points = ? WHERE assessment_id = ? AND section_id = ?");
    for (const SectionScore& s : a.sections) {
      bind(section, s.score);
      section.bind(5, id);
      section.bind(6, s.id);
      section.exec();
      section.reset();
    }
  }

  void write_self_ratings(std::int64_t assessment_id, const std::vector<SelfRating>& ratings) {
    SQLite::Statement self(db, "INSERT INTO self_ratings (assessment_id, position, item_id, level, justification, "
                               "source, line) VALUES (?, ?, ?, ?, ?, ?, ?)");
    for (std::size_t i = 0; i < ratings.size(); ++i) {
      const SelfRating& s = ratings[i];
      self.bind(1, assessment_id);
      self.bind(2, static_cast<std::int64_t>(i));
      self.bind(3, s.item_id);
      self.bind(4, std::string(code(s.level)));
      self.bind(5, s.justification);
      self.bind(6, s.source);
      self.bind(7, s.line);
      self.exec();
      self.reset();
    }
  }
};

// SQLite's own errors become InputError with the database path: a file that is not a database,
// a read-only or locked file, a full disk are all things the user can act on.
template <typename F>
auto guarded(const std::filesystem::path& path, F&& f) -> decltype(f()) {
  try {
    return f();
  } catch (const SQLite::Exception& e) {
    throw InputError({.file = path}, std::string("database error: ") + e.what());
  }
}

Store::Store(const std::filesystem::path& path) {
  guarded(path, [&] {
    m_impl = std::make_unique<Impl>(path);
    m_impl->open();
  });
}

Store::~Store() = default;
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;

std::int64_t Store::save(const Assessment& assessment, const ingest::Document* text) {
  return guarded(m_impl->path, [&] { return *m_impl->save(assessment, text, false); });
}

std::optional<std::int64_t> Store::save_unless_assessed(const Assessment& assessment, const ingest::Document* text) {
  return guarded(m_impl->path, [&] { return m_impl->save(assessment, text, true); });
}

std::optional<std::int64_t> Store::assessed(const std::string& document_sha256, const std::string& checklist_sha256) const {
  return guarded(m_impl->path, [&] { return m_impl->assessed(document_sha256, checklist_sha256); });
}

OverrideRow Store::override_level(std::int64_t assessment_id, const std::string& item_id, Level level,
                                  const std::string& note, const std::string& reviewer, const std::string& at) {
  return guarded(m_impl->path, [&] { return m_impl->override_level(assessment_id, item_id, level, note, reviewer, at); });
}

Assessment Store::set_self_ratings(std::int64_t assessment_id, const std::function<void(Assessment&)>& rate) {
  return guarded(m_impl->path, [&] { return m_impl->set_self_ratings(assessment_id, rate); });
}

std::int64_t Store::save_session(const workshop::Session& session) {
  return guarded(m_impl->path, [&] { return m_impl->save_session(session); });
}

workshop::Session Store::load_session(std::int64_t id) const {
  return guarded(m_impl->path, [&] {
    std::vector<workshop::Session> found = m_impl->sessions({}, id);
    if (found.empty()) throw InputError({.file = m_impl->path}, "no workshop session " + std::to_string(id));
    return std::move(found.front());
  });
}

std::vector<workshop::Session> Store::sessions(const std::string& pack_id) const {
  return guarded(m_impl->path, [&] { return m_impl->sessions(pack_id, std::nullopt); });
}

std::vector<OverrideRow> Store::overrides(std::int64_t assessment_id) const {
  return guarded(m_impl->path, [&] {
    SQLite::Statement query(m_impl->db, "SELECT id, item_id, level, previous_level, reviewer, note, created_at "
                                        "FROM overrides WHERE assessment_id = ? ORDER BY id");
    query.bind(1, assessment_id);
    std::vector<OverrideRow> out;
    while (query.executeStep()) {
      out.push_back({.id = query.getColumn(0).getInt64(),
                     .assessment_id = assessment_id,
                     .item_id = query.getColumn(1).getString(),
                     .level = level_of(query.getColumn(2).getString()),
                     .previous = level_of(query.getColumn(3).getString()),
                     .reviewer = query.getColumn(4).getString(),
                     .note = query.getColumn(5).getString(),
                     .created_at = query.getColumn(6).getString()});
    }
    return out;
  });
}

std::int64_t Store::start_batch(const std::string& source, const std::string& checklist_sha256, std::size_t documents,
                                const std::string& at) {
  return guarded(m_impl->path, [&] {
    SQLite::Statement insert(m_impl->db, "INSERT INTO batches (source, checklist_sha256, documents, started_at) "
                                         "VALUES (?, ?, ?, ?)");
    insert.bind(1, source);
    insert.bind(2, checklist_sha256);
    insert.bind(3, static_cast<std::int64_t>(documents));
    insert.bind(4, at);
    insert.exec();
    return m_impl->db.getLastInsertRowid();
  });
}

void Store::record_failure(std::int64_t batch_id, const std::string& path, const std::string& sha256, const std::string& error,
                           const std::string& at) {
  guarded(m_impl->path, [&] {
    SQLite::Statement insert(m_impl->db,
                             "INSERT INTO batch_failures (batch_id, path, sha256, error, failed_at) VALUES (?, ?, ?, ?, ?)");
    insert.bind(1, batch_id);
    insert.bind(2, path);
    insert.bind(3, sha256);
    insert.bind(4, error);
    insert.bind(5, at);
    insert.exec();
  });
}

std::optional<FailureRow> Store::failed_before(const std::string& document_sha256, const std::string& checklist_sha256) const {
  return guarded(m_impl->path, [&]() -> std::optional<FailureRow> {
    SQLite::Statement query(m_impl->db, "SELECT f.batch_id, f.path, f.error, f.failed_at FROM batch_failures f "
                                        "JOIN batches b ON b.id = f.batch_id "
                                        "WHERE f.sha256 = ? AND b.checklist_sha256 = ? ORDER BY f.id DESC LIMIT 1");
    query.bind(1, document_sha256);
    query.bind(2, checklist_sha256);
    if (!query.executeStep()) return std::nullopt;
    return FailureRow{.batch_id = query.getColumn(0).getInt64(),
                      .path = query.getColumn(1).getString(),
                      .error = query.getColumn(2).getString(),
                      .failed_at = query.getColumn(3).getString()};
  });
}

void Store::finish_batch(std::int64_t batch_id, const BatchCounts& counts, const std::string& at) {
  guarded(m_impl->path, [&] {
    SQLite::Statement update(m_impl->db, "UPDATE batches SET finished_at = ?, scored = ?, skipped = ?, failed = ? WHERE id = ?");
    update.bind(1, at);
    update.bind(2, static_cast<std::int64_t>(counts.scored));
    update.bind(3, static_cast<std::int64_t>(counts.skipped));
    update.bind(4, static_cast<std::int64_t>(counts.failed));
    update.bind(5, batch_id);
    update.exec();
  });
}

namespace {

// The text cache entry for the document, read by the current readers; nullopt when there is none.
std::optional<ingest::Document> read_cached(SQLite::Database& db, const std::string& sha256) {
  SQLite::Statement find(db, "SELECT t.content FROM document_text t JOIN documents d ON d.id = t.document_id "
                             "WHERE d.sha256 = ? AND t.reader_version = ?");
  find.bind(1, sha256);
  find.bind(2, ingest::k_reader_version);
  if (!find.executeStep()) return std::nullopt;
  try {
    return ingest::deserialise(find.getColumn(0).getString());
  } catch (const std::runtime_error&) {
    return std::nullopt;  // a damaged cache entry: the document is read again, and the entry replaced
  }
}

}  // namespace

std::optional<ingest::Document> Store::cached(const std::string& sha256) const {
  return guarded(m_impl->path, [&] { return read_cached(m_impl->db, sha256); });
}

std::optional<ingest::Document> Store::cached_document(const std::filesystem::path& path, const std::string& sha256) {
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error)) return std::nullopt;
  // Opened for writing where it may be (nothing is written): the last connection to close a
  // database in WAL mode removes the -wal and -shm files; a read-only one would leave them.
  auto open = [&] {
    try {
      return SQLite::Database(path.string(), SQLite::OPEN_READWRITE);
    } catch (const SQLite::Exception&) {
      return SQLite::Database(path.string(), SQLite::OPEN_READONLY);
    }
  };
  try {
    SQLite::Database db = open();
    db.setBusyTimeout(k_busy_timeout_ms);
    if (!db.tableExists("document_text")) return std::nullopt;
    return read_cached(db, sha256);
  } catch (const std::exception&) {
    return std::nullopt;  // not a database this program can read: the file is read instead, and
                          // opening the store for writing reports the problem
  }
}

Assessment Store::load(std::int64_t id) const {
  return guarded(m_impl->path, [&] { return m_impl->load(id); });
}

namespace {

constexpr std::string_view k_assessment_rows =
    "SELECT a.id, a.created_at, a.path, d.title, a.kind, a.country, a.region, a.draft, a.year, c.version, "
    "a.applicable, a.at_meets_or_above FROM assessments a JOIN documents d ON d.id = a.document_id "
    "JOIN checklists c ON c.id = a.checklist_id ";

std::vector<AssessmentRow> assessment_rows(SQLite::Statement& query) {
  std::vector<AssessmentRow> out;
  while (query.executeStep()) {
    out.push_back({.id = query.getColumn(0).getInt64(),
                   .created_at = query.getColumn(1).getString(),
                   .path = query.getColumn(2).getString(),
                   .title = query.getColumn(3).getString(),
                   .kind = query.getColumn(4).getString(),
                   .country = query.getColumn(5).getString(),
                   .region = query.getColumn(6).getString(),
                   .draft = query.getColumn(7).getString(),
                   .year = query.getColumn(8).getInt(),
                   .checklist_version = query.getColumn(9).getString(),
                   .applicable = static_cast<std::size_t>(query.getColumn(10).getInt64()),
                   .at_meets_or_above = static_cast<std::size_t>(query.getColumn(11).getInt64())});
  }
  return out;
}

}  // namespace

std::vector<AssessmentRow> Store::history(const std::string& country) const {
  return guarded(m_impl->path, [&] {
    SQLite::Statement query(m_impl->db, std::string(k_assessment_rows) +
                                            "WHERE ? = '' OR instr(lower(a.country), lower(?)) > 0 ORDER BY a.created_at DESC, a.id DESC");
    query.bind(1, country);
    query.bind(2, country);
    return assessment_rows(query);
  });
}

std::vector<AssessmentRow> Store::find(const std::string& name) const {
  return guarded(m_impl->path, [&] {
    // The file name is the path after its last '/' (rtrim leaves the directory part).
    SQLite::Statement query(m_impl->db, std::string(k_assessment_rows) +
                                            "WHERE lower(?1) IN (lower(a.draft), lower(a.path), lower(d.title), "
                                            "lower(substr(a.path, length(rtrim(a.path, replace(a.path, '/', ''))) + 1))) "
                                            "ORDER BY a.created_at DESC, a.id DESC");
    query.bind(1, name);
    return assessment_rows(query);
  });
}

namespace {

// "title (path)", or the path alone for an untitled document (aliases a: assessments, d: documents).
constexpr std::string_view k_document_label = "CASE WHEN d.title = '' THEN a.path ELSE d.title || ' (' || a.path || ')' END";

// `select` run over `latest`: the newest assessment of each document that the filter keeps.
// One window pass over the assessments, not a subquery per row.
SQLite::Statement latest_query(SQLite::Database& db, const GapFilter& filter, const std::string& select) {
  SQLite::Statement query(db,
                          "WITH ranked AS (SELECT a.*, ROW_NUMBER() OVER (PARTITION BY a.document_id "
                          "  ORDER BY a.created_at DESC, a.id DESC) AS newest FROM assessments a), "
                          "latest AS (SELECT * FROM ranked a WHERE newest = 1 "
                          "  AND (?1 = '' OR instr(lower(a.country), lower(?1)) > 0) AND (?2 = '' OR a.kind = ?2) "
                          "  AND (?3 = 0 OR a.year = ?3) AND (?4 = '' OR instr(lower(a.region), lower(?4)) > 0)), "
                          // Each item result with its reviewed level: the latest override's, else the engine's.
                          "reviewed AS (SELECT r.assessment_id, r.position, r.item_id, r.title, r.applicable, "
                          "  COALESCE((SELECT o.level FROM overrides o WHERE o.assessment_id = r.assessment_id "
                          "    AND o.item_id = r.item_id ORDER BY o.id DESC LIMIT 1), r.level) AS level "
                          "  FROM item_results r) " +
                              select);
  query.bind(1, filter.country);
  query.bind(2, filter.kind);
  query.bind(3, filter.year);
  query.bind(4, filter.region);
  return query;
}

}  // namespace

std::vector<GapRow> Store::gaps(const GapFilter& filter) const {
  return guarded(m_impl->path, [&] {
    SQLite::Statement query = latest_query(m_impl->db, filter,
        "SELECT r.item_id, r.title, COUNT(*) AS rated, "
        "  SUM(r.level IN ('missing', 'approaches')) AS below, "
        "  GROUP_CONCAT(CASE WHEN r.level IN ('missing', 'approaches') THEN " + std::string(k_document_label) + " END, "
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

std::vector<PortfolioRow> Store::portfolio(const GapFilter& filter) const {
  return guarded(m_impl->path, [&] {
    SQLite::Statement query = latest_query(m_impl->db, filter,
        "SELECT a.id, " + std::string(k_document_label) + ", a.kind, "
        "  r.item_id, r.applicable, r.level, a.country, a.year, a.region "
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
      if (query.getColumn(4).getInt() != 0) level = level_of(query.getColumn(5).getString());
      out.back().levels.emplace_back(query.getColumn(3).getString(), level);
    }
    return out;
  });
}

std::vector<std::string> Store::check() const {
  return guarded(m_impl->path, [&] {
    std::vector<std::string> problems;
    SQLite::Statement integrity(m_impl->db, "PRAGMA integrity_check");
    while (integrity.executeStep()) {
      const std::string line = integrity.getColumn(0).getString();
      if (line != "ok") problems.push_back("integrity: " + line);
    }
    SQLite::Statement keys(m_impl->db, "PRAGMA foreign_key_check");
    while (keys.executeStep()) {
      problems.push_back("foreign key: row " + std::to_string(keys.getColumn(1).getInt64()) + " of " +
                         keys.getColumn(0).getString() + " points to a missing row of " + keys.getColumn(2).getString());
    }
    return problems;
  });
}

int Store::schema_version() const {
  return guarded(m_impl->path, [&] { return m_impl->version(); });
}

const std::filesystem::path& Store::path() const { return m_impl->path; }

}  // namespace unct::store
