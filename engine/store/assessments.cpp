#include "engine/store/assessments.hpp"

#include "engine/core/error.hpp"
#include "engine/store/documents.hpp"
#include "engine/store/reviews.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <string_view>

namespace unct::store {
namespace {

std::string highlights_text(const rules::Evidence& evidence) {
  std::string out;
  for (const auto& [begin, end] : evidence.highlights) {
    if (!out.empty()) out += ' ';
    out += std::to_string(begin) + '-' + std::to_string(end);
  }
  return out;
}

// The words of `text` between single spaces, as joined() and highlights_text() write them.
template <class Each>
void for_each_word(std::string_view text, Each each) {
  for (std::size_t at = 0; at < text.size();) {
    const std::size_t end = std::min(text.find(' ', at), text.size());
    if (end > at) each(text.substr(at, end - at));
    at = end + 1;
  }
}

std::uint32_t offset_of(std::string_view digits) {
  std::uint32_t value = 0;
  std::from_chars(digits.data(), digits.data() + digits.size(), value);
  return value;
}

std::vector<std::pair<std::uint32_t, std::uint32_t>> parse_highlights(const std::string& text) {
  std::vector<std::pair<std::uint32_t, std::uint32_t>> out;
  for_each_word(text, [&](std::string_view range) {
    const std::size_t dash = range.find('-');
    if (dash != std::string_view::npos)
      out.emplace_back(offset_of(range.substr(0, dash)), offset_of(range.substr(dash + 1)));
  });
  return out;
}

std::string joined(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& word : words) out += (out.empty() ? "" : " ") + word;
  return out;
}

std::vector<std::string> split(const std::string& text) {
  std::vector<std::string> out;
  for_each_word(text, [&](std::string_view word) { out.emplace_back(word); });
  return out;
}

// The assessment's overall and section scores as `a` holds them.
void write_scores(SQLite::Database& db, std::int64_t id, const Assessment& a) {
  auto bind = [](SQLite::Statement& statement, const Score& score) {
    statement.bind(1, static_cast<std::int64_t>(score.applicable));
    statement.bind(2, static_cast<std::int64_t>(score.at_meets_or_above));
    statement.bind(3, score.points);
    statement.bind(4, score.max_points);
  };
  SQLite::Statement overall(db,
                            "UPDATE assessments SET applicable = ?, at_meets_or_above = ?, points = ?, "
                            "max_points = ? WHERE id = ?");
  bind(overall, a.overall);
  overall.bind(5, id);
  overall.exec();
  SQLite::Statement section(db,
                            "UPDATE section_scores SET applicable = ?, at_meets_or_above = ?, points = ?, "
                            "max_points = ? WHERE assessment_id = ? AND section_id = ?");
  for (const SectionScore& s : a.sections) {
    bind(section, s.score);
    section.bind(5, id);
    section.bind(6, s.id);
    section.exec();
    section.reset();
  }
}

const std::string& level_code(Level level) {
  static const std::array<std::string, 4> codes = [] {
    std::array<std::string, 4> out;
    for (const Level l : k_levels) out[static_cast<std::size_t>(l)] = std::string(code(l));
    return out;
  }();
  return codes[static_cast<std::size_t>(level)];
}

const std::string k_gap = "gap";
const std::string k_next_step = "next-step";

// The id after the largest of a table, by `query`, kept prepared: asked twice per document.
std::int64_t next_id(const Database& database, const std::string& query) {
  const Database::Prepared next = database.prepared(query);
  next->executeStep();
  return next->getColumn(0).getInt64();
}

// An assessment's sections, items, criteria, evidence and findings, each table's rows in
// statements of many rows. Items and criteria take their ids from here (the next after the
// largest, as SQLite would give them; the write transaction holds the database), so that the
// rows referring to them can go in the same way.
void write_results(const Database& database, std::int64_t assessment_id, const Assessment& a) {
  // Text is bound where it lies (SQLite does not copy it): what is bound outlives the statements'
  // runs, and a temporary does not compile.
  struct BindInPlace {
    void operator()(SQLite::Statement& s, int p, const std::string& value) const { s.bindNoCopy(p, value); }
    void operator()(SQLite::Statement&, int, std::string&&) const = delete;
  };
  constexpr BindInPlace text;

  static const RowInsert k_sections(
      "INSERT INTO section_scores (assessment_id, position, section_id, title, applicable, at_meets_or_above, "
      "points, max_points) VALUES",
      8);
  database.insert_rows(k_sections, a.sections.size(), [&](SQLite::Statement& s, int p, std::size_t i) {
    const SectionScore& section = a.sections[i];
    s.bind(p, assessment_id);
    s.bind(p + 1, static_cast<std::int64_t>(i));
    text(s, p + 2, section.id);
    text(s, p + 3, section.title);
    s.bind(p + 4, static_cast<std::int64_t>(section.score.applicable));
    s.bind(p + 5, static_cast<std::int64_t>(section.score.at_meets_or_above));
    s.bind(p + 6, section.score.points);
    s.bind(p + 7, section.score.max_points);
  });

  const std::int64_t first_item = next_id(database, "SELECT COALESCE(MAX(id), 0) + 1 FROM item_results");
  static const RowInsert k_items(
      "INSERT INTO item_results (id, assessment_id, position, item_id, title, section_id, applicable, "
      "not_applicable_reason, level, weight, external) VALUES",
      11);
  database.insert_rows(k_items, a.items.size(), [&](SQLite::Statement& s, int p, std::size_t i) {
    const rules::ItemResult& r = a.items[i];
    s.bind(p, first_item + static_cast<std::int64_t>(i));
    s.bind(p + 1, assessment_id);
    s.bind(p + 2, static_cast<std::int64_t>(i));
    text(s, p + 3, r.item_id);
    text(s, p + 4, r.title);
    text(s, p + 5, r.section_id);
    s.bind(p + 6, r.applicable ? 1 : 0);
    text(s, p + 7, r.not_applicable_reason);
    text(s, p + 8, level_code(r.level));
    s.bind(p + 9, r.weight);
    s.bind(p + 10, r.external ? 1 : 0);
  });

  struct Criterion {
    std::int64_t item_result_id;
    std::size_t position;
    const rules::CriterionResult* result;
  };
  struct Proof {
    std::size_t criterion;  // in `criteria`
    std::size_t position;
    const rules::Evidence* evidence;
    std::string highlights;
  };
  struct Finding {
    std::int64_t item_result_id;
    const rules::ItemResult* result;
    std::string unmet;
  };
  std::vector<Criterion> criteria;
  std::vector<Proof> proofs;
  std::vector<Finding> findings;
  for (std::size_t i = 0; i < a.items.size(); ++i) {
    const rules::ItemResult& r = a.items[i];
    const std::int64_t item_result_id = first_item + static_cast<std::int64_t>(i);
    for (std::size_t c = 0; c < r.criteria.size(); ++c) {
      for (std::size_t e = 0; e < r.criteria[c].evidence.size(); ++e) {
        const rules::Evidence& evidence = r.criteria[c].evidence[e];
        proofs.push_back({criteria.size(), e, &evidence, highlights_text(evidence)});
      }
      criteria.push_back({item_result_id, c, &r.criteria[c]});
    }
    if (!r.unmet.empty() || !r.gap.empty()) findings.push_back({item_result_id, &r, joined(r.unmet)});
  }

  const std::int64_t first_criterion = next_id(database, "SELECT COALESCE(MAX(id), 0) + 1 FROM criterion_results");
  static const RowInsert k_criteria(
      "INSERT INTO criterion_results (id, item_result_id, position, criterion_id, text, level, met) VALUES", 7);
  database.insert_rows(k_criteria, criteria.size(), [&](SQLite::Statement& s, int p, std::size_t i) {
    const Criterion& c = criteria[i];
    s.bind(p, first_criterion + static_cast<std::int64_t>(i));
    s.bind(p + 1, c.item_result_id);
    s.bind(p + 2, static_cast<std::int64_t>(c.position));
    text(s, p + 3, c.result->id);
    text(s, p + 4, c.result->text);
    text(s, p + 5, level_code(c.result->level));
    s.bind(p + 6, c.result->met ? 1 : 0);
  });
  static const RowInsert k_evidence(
      "INSERT INTO evidence (criterion_result_id, position, quote, highlights, section, page, line, block) VALUES", 8);
  database.insert_rows(k_evidence, proofs.size(), [&](SQLite::Statement& s, int p, std::size_t i) {
    const Proof& proof = proofs[i];
    s.bind(p, first_criterion + static_cast<std::int64_t>(proof.criterion));
    s.bind(p + 1, static_cast<std::int64_t>(proof.position));
    text(s, p + 2, proof.evidence->quote);
    text(s, p + 3, proof.highlights);
    text(s, p + 4, proof.evidence->section);
    s.bind(p + 5, proof.evidence->page);
    s.bind(p + 6, proof.evidence->line);
    s.bind(p + 7, static_cast<std::int64_t>(proof.evidence->block));
  });
  static const RowInsert k_findings("INSERT INTO findings (item_result_id, kind, unmet, text) VALUES", 4);
  database.insert_rows(k_findings, findings.size(), [&](SQLite::Statement& s, int p, std::size_t i) {
    const Finding& f = findings[i];
    s.bind(p, f.item_result_id);
    text(s, p + 1, f.result->level < Level::meets ? k_gap : k_next_step);
    text(s, p + 2, f.unmet);
    text(s, p + 3, f.result->gap);
  });
}

void write_self_ratings(const Database& database, std::int64_t assessment_id, const std::vector<SelfRating>& ratings) {
  const Database::Prepared self_kept = database.prepared(
      "INSERT INTO self_ratings (assessment_id, position, item_id, level, justification, "
      "source, line) VALUES (?, ?, ?, ?, ?, ?, ?)");
  SQLite::Statement& self = *self_kept;
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

// The columns document_of() reads first, of `assessments a JOIN documents d`.
constexpr std::string_view k_document_columns =
    "SELECT a.path, d.sha256, d.format, d.title, a.kind, a.kind_source, d.bytes, d.words, d.blocks, "
    "a.language, a.language_source, a.year, a.country, a.region, a.draft";

// The document of an assessment as stored with it, from a row starting with k_document_columns.
DocumentSummary document_of(const SQLite::Statement& row) {
  return {.path = row.getColumn(0).getString(),
          .sha256 = row.getColumn(1).getString(),
          .format = row.getColumn(2).getString(),
          .title = row.getColumn(3).getString(),
          .kind = parse_document_kind(row.getColumn(4).getString()).value_or(DocumentKind::cca),
          .kind_source = row.getColumn(5).getString(),
          .language = row.getColumn(9).getString(),
          .language_source = row.getColumn(10).getString(),
          .year = row.getColumn(11).getInt(),
          .country = row.getColumn(12).getString(),
          .region = row.getColumn(13).getString(),
          .draft = row.getColumn(14).getString(),
          .bytes = static_cast<std::uintmax_t>(row.getColumn(6).getInt64()),
          .words = static_cast<std::size_t>(row.getColumn(7).getInt64()),
          .blocks = static_cast<std::size_t>(row.getColumn(8).getInt64())};
}

std::vector<SelfRating> self_ratings(const Database& database, std::int64_t assessment_id) {
  const Database::Prepared self_kept = database.prepared(
      "SELECT item_id, level, justification, source, line FROM self_ratings "
      "WHERE assessment_id = ? ORDER BY position");
  SQLite::Statement& self = *self_kept;
  self.bind(1, assessment_id);
  std::vector<SelfRating> out;
  while (self.executeStep()) {
    out.push_back({.item_id = self.getColumn(0).getString(),
                   .level = stored_level(self.getColumn(1).getString()),
                   .justification = self.getColumn(2).getString(),
                   .source = self.getColumn(3).getString(),
                   .line = self.getColumn(4).getInt()});
  }
  return out;
}

}  // namespace

std::int64_t AssessmentStore::save(const Assessment& assessment, const CachedText* text) {
  return *save_all(std::array{ToSave{.assessment = &assessment, .text = text}}).front();
}

std::optional<std::int64_t> AssessmentStore::save_unless_assessed(const Assessment& assessment,
                                                                  const CachedText* text) {
  return save_all(std::array{ToSave{.assessment = &assessment, .text = text, .unless_assessed = true}}).front();
}

std::vector<std::optional<std::int64_t>> AssessmentStore::save_all(std::span<const ToSave> group) {
  return m_database->guarded([&] {
    SQLite::Transaction transaction(m_database->sqlite(), SQLite::TransactionBehavior::IMMEDIATE);
    std::vector<std::optional<std::int64_t>> ids;
    ids.reserve(group.size());
    for (const ToSave& entry : group) ids.push_back(write(entry));
    transaction.commit();
    return ids;
  });
}

std::optional<std::int64_t> AssessmentStore::write(const ToSave& entry) {
  const Assessment& a = *entry.assessment;
  const CachedText* text = entry.text;
  SQLite::Database& db = m_database->sqlite();
  if (entry.unless_assessed && assessed(a.document.sha256, a.checklist.sha256)) return std::nullopt;
  DocumentStore documents(*m_database);
  const std::int64_t document_id = documents.keep_document(a);
  if (text != nullptr) documents.cache_text(document_id, *text);
  const std::int64_t checklist_id = documents.keep_checklist(a);

  const Database::Prepared assessment_kept = m_database->prepared(
      "INSERT INTO assessments (document_id, checklist_id, path, kind, kind_source, "
      "engine_version, created_at, applicable, at_meets_or_above, points, max_points, "
      "language, language_source, year, country, region, draft) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  SQLite::Statement& assessment = *assessment_kept;
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

  write_results(*m_database, assessment_id, a);
  write_self_ratings(*m_database, assessment_id, a.self);
  return assessment_id;
}

std::optional<std::int64_t> AssessmentStore::assessed(const std::string& document_sha256,
                                                      const std::string& checklist_sha256) const {
  return m_database->guarded([&]() -> std::optional<std::int64_t> {
    const Database::Prepared find_kept = m_database->prepared(
        "SELECT a.id FROM assessments a JOIN documents d ON d.id = a.document_id "
        "JOIN checklists c ON c.id = a.checklist_id WHERE d.sha256 = ? AND c.sha256 = ? "
        "ORDER BY a.id DESC LIMIT 1");
    SQLite::Statement& find = *find_kept;
    find.bind(1, document_sha256);
    find.bind(2, checklist_sha256);
    if (!find.executeStep()) return std::nullopt;
    return find.getColumn(0).getInt64();
  });
}

std::vector<Assessment> AssessmentStore::load(const std::vector<PortfolioRow>& documents) const {
  std::vector<Assessment> out;
  out.reserve(documents.size());
  for (const PortfolioRow& d : documents) out.push_back(load(d.assessment_id));
  return out;
}

Assessment AssessmentStore::load(std::int64_t id, Detail detail) const {
  return m_database->guarded([&] {
    static const std::string k_head = std::string(k_document_columns) +
                                      ", c.checklist_id, c.version, c.title, c.sha256, c.provenance, a.engine_version, "
                                      "a.created_at, a.applicable, a.at_meets_or_above, a.points, a.max_points "
                                      "FROM assessments a JOIN documents d ON d.id = a.document_id "
                                      "JOIN checklists c ON c.id = a.checklist_id WHERE a.id = ?";
    const Database::Prepared head_kept = m_database->prepared(k_head);
    SQLite::Statement& head = *head_kept;
    head.bind(1, id);
    if (!head.executeStep())
      throw InputError({.file = m_database->path()}, "no assessment with id " + std::to_string(id));
    Assessment a;
    a.document = document_of(head);
    a.checklist = {.id = head.getColumn(15).getString(),
                   .version = head.getColumn(16).getString(),
                   .title = head.getColumn(17).getString(),
                   .sha256 = head.getColumn(18).getString(),
                   .provenance = head.getColumn(19).getString()};
    a.engine_version = head.getColumn(20).getString();
    a.created_at = head.getColumn(21).getString();
    a.overall = {.applicable = static_cast<std::size_t>(head.getColumn(22).getInt64()),
                 .at_meets_or_above = static_cast<std::size_t>(head.getColumn(23).getInt64()),
                 .points = head.getColumn(24).getDouble(),
                 .max_points = head.getColumn(25).getDouble()};

    const Database::Prepared sections_kept = m_database->prepared(
        "SELECT section_id, title, applicable, at_meets_or_above, points, max_points "
        "FROM section_scores WHERE assessment_id = ? ORDER BY position");
    SQLite::Statement& sections = *sections_kept;
    sections.bind(1, id);
    while (sections.executeStep()) {
      a.sections.push_back({.id = sections.getColumn(0).getString(),
                            .title = sections.getColumn(1).getString(),
                            .score = {.applicable = static_cast<std::size_t>(sections.getColumn(2).getInt64()),
                                      .at_meets_or_above = static_cast<std::size_t>(sections.getColumn(3).getInt64()),
                                      .points = sections.getColumn(4).getDouble(),
                                      .max_points = sections.getColumn(5).getDouble()}});
    }

    const Database::Prepared items_kept = m_database->prepared(
        "SELECT r.id, r.item_id, r.title, r.section_id, r.applicable, r.not_applicable_reason, "
        "r.level, r.weight, f.unmet, f.text, r.external FROM item_results r "
        "LEFT JOIN findings f ON f.item_result_id = r.id "
        "WHERE r.assessment_id = ? ORDER BY r.position");
    SQLite::Statement& items = *items_kept;
    const Database::Prepared criteria_kept = m_database->prepared(
        "SELECT id, criterion_id, text, level, met FROM criterion_results "
        "WHERE item_result_id = ? ORDER BY position");
    SQLite::Statement& criteria = *criteria_kept;
    const Database::Prepared evidence_kept = m_database->prepared(
        "SELECT quote, highlights, section, page, line, block FROM evidence "
        "WHERE criterion_result_id = ? ORDER BY position");
    SQLite::Statement& evidence = *evidence_kept;
    items.bind(1, id);
    while (items.executeStep()) {
      rules::ItemResult r{.item_id = items.getColumn(1).getString(),
                          .title = items.getColumn(2).getString(),
                          .section_id = items.getColumn(3).getString(),
                          .applicable = items.getColumn(4).getInt() != 0,
                          .external = items.getColumn(10).getInt() != 0,
                          .not_applicable_reason = items.getColumn(5).getString(),
                          .level = stored_level(items.getColumn(6).getString()),
                          .weight = items.getColumn(7).getDouble(),
                          .unmet = split(items.getColumn(8).getString()),
                          .gap = items.getColumn(9).getString()};
      criteria.bind(1, items.getColumn(0).getInt64());
      while (detail == Detail::whole && criteria.executeStep()) {
        rules::CriterionResult c{.id = criteria.getColumn(1).getString(),
                                 .text = criteria.getColumn(2).getString(),
                                 .level = stored_level(criteria.getColumn(3).getString()),
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
    a.self = self_ratings(*m_database, id);
    ReviewStore(*m_database).apply(id, a);
    return a;
  });
}

AssessmentStore::Levels AssessmentStore::levels(std::int64_t id) const {
  return m_database->guarded([&] {
    static const std::string k_head =
        std::string(k_document_columns) + " FROM assessments a JOIN documents d ON d.id = a.document_id WHERE a.id = ?";
    const Database::Prepared head_kept = m_database->prepared(k_head);
    SQLite::Statement& head = *head_kept;
    head.bind(1, id);
    if (!head.executeStep())
      throw InputError({.file = m_database->path()}, "no assessment with id " + std::to_string(id));
    Levels out{.document = document_of(head)};
    // In any order: no sort, and no finding or criterion read.
    const Database::Prepared items_kept =
        m_database->prepared("SELECT item_id, applicable, level FROM item_results WHERE assessment_id = ?");
    SQLite::Statement& items = *items_kept;
    items.bind(1, id);
    while (items.executeStep()) {
      out.items.push_back({.item_id = items.getColumn(0).getString(),
                           .applicable = items.getColumn(1).getInt() != 0,
                           .level = stored_level(items.getColumn(2).getString())});
    }
    out.self = self_ratings(*m_database, id);
    return out;
  });
}

std::vector<AssessmentRow> AssessmentStore::history(const std::string& country) const {
  return m_database->guarded([&] {
    SQLite::Statement query(
        m_database->sqlite(),
        std::string(k_assessment_rows) +
            "WHERE ? = '' OR instr(lower(a.country), lower(?)) > 0 ORDER BY a.created_at DESC, a.id DESC");
    query.bind(1, country);
    query.bind(2, country);
    return assessment_rows(query);
  });
}

std::vector<AssessmentRow> AssessmentStore::find(const std::string& name) const {
  return m_database->guarded([&] {
    // The file name is the path after its last '/' (rtrim leaves the directory part).
    SQLite::Statement query(m_database->sqlite(),
                            std::string(k_assessment_rows) +
                                "WHERE lower(?1) IN (lower(a.draft), lower(a.path), lower(d.title), "
                                "lower(substr(a.path, length(rtrim(a.path, replace(a.path, '/', ''))) + 1))) "
                                "ORDER BY a.created_at DESC, a.id DESC");
    query.bind(1, name);
    return assessment_rows(query);
  });
}

Assessment AssessmentStore::set_self_ratings(std::int64_t id, const std::function<void(Assessment&)>& rate) {
  return m_database->guarded([&] {
    SQLite::Database& db = m_database->sqlite();
    SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
    Assessment a = load(id);
    rate(a);
    SQLite::Statement clear(db, "DELETE FROM self_ratings WHERE assessment_id = ?");
    clear.bind(1, id);
    clear.exec();
    write_self_ratings(*m_database, id, a.self);
    // Items needing team records take the team's level; every other item keeps the engine's.
    SQLite::Statement item(db,
                           "UPDATE item_results SET applicable = ?, level = ? WHERE assessment_id = ? AND item_id = ?");
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
    write_scores(db, id, stored);
    transaction.commit();
    return stored;
  });
}

void AssessmentStore::update_scores(std::int64_t id, const Assessment& assessment) {
  m_database->guarded([&] { write_scores(m_database->sqlite(), id, assessment); });
}

}  // namespace unct::store
