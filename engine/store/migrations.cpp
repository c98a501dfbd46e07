#include "engine/store/migrations.hpp"

namespace unct::store {
namespace {

// Version 1: documents, checklists, assessments and what each assessment found.
constexpr const char* k_v1 = R"sql(
CREATE TABLE schema_migrations (
  version     INTEGER PRIMARY KEY,
  applied_at  TEXT NOT NULL
);

CREATE TABLE documents (
  id          INTEGER PRIMARY KEY,
  sha256      TEXT NOT NULL UNIQUE,
  path        TEXT NOT NULL,      -- where it was first read from
  format      TEXT NOT NULL,
  title       TEXT NOT NULL,
  bytes       INTEGER NOT NULL,
  words       INTEGER NOT NULL,
  blocks      INTEGER NOT NULL,
  first_seen  TEXT NOT NULL
);

CREATE TABLE checklists (
  id            INTEGER PRIMARY KEY,
  checklist_id  TEXT NOT NULL,
  version       TEXT NOT NULL,
  sha256        TEXT NOT NULL UNIQUE,
  title         TEXT NOT NULL,
  provenance    TEXT NOT NULL,
  first_seen    TEXT NOT NULL
);

CREATE TABLE assessments (
  id                 INTEGER PRIMARY KEY,
  document_id        INTEGER NOT NULL REFERENCES documents(id),
  checklist_id       INTEGER NOT NULL REFERENCES checklists(id),
  path               TEXT NOT NULL,   -- as given for this run
  kind               TEXT NOT NULL CHECK (kind IN ('cca', 'cf', 'serp')),
  kind_source        TEXT NOT NULL CHECK (kind_source IN ('given', 'detected', 'assumed')),
  engine_version     TEXT NOT NULL,
  created_at         TEXT NOT NULL,
  applicable         INTEGER NOT NULL,
  at_meets_or_above  INTEGER NOT NULL,
  points             REAL NOT NULL,
  max_points         REAL NOT NULL
);
CREATE INDEX assessments_by_document ON assessments(document_id);

CREATE TABLE section_scores (
  assessment_id      INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
  position           INTEGER NOT NULL,
  section_id         TEXT NOT NULL,
  title              TEXT NOT NULL,
  applicable         INTEGER NOT NULL,
  at_meets_or_above  INTEGER NOT NULL,
  points             REAL NOT NULL,
  max_points         REAL NOT NULL,
  PRIMARY KEY (assessment_id, position)
);

CREATE TABLE item_results (
  id                     INTEGER PRIMARY KEY,
  assessment_id          INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
  position               INTEGER NOT NULL,
  item_id                TEXT NOT NULL,
  title                  TEXT NOT NULL,
  section_id             TEXT NOT NULL,
  applicable             INTEGER NOT NULL CHECK (applicable IN (0, 1)),
  not_applicable_reason  TEXT NOT NULL,
  level                  TEXT NOT NULL CHECK (level IN ('missing', 'approaches', 'meets', 'exceeds')),
  weight                 REAL NOT NULL,
  UNIQUE (assessment_id, item_id)
);
CREATE INDEX item_results_by_item ON item_results(item_id, level);

CREATE TABLE criterion_results (
  id              INTEGER PRIMARY KEY,
  item_result_id  INTEGER NOT NULL REFERENCES item_results(id) ON DELETE CASCADE,
  position        INTEGER NOT NULL,
  criterion_id    TEXT NOT NULL,
  text            TEXT NOT NULL,
  level           TEXT NOT NULL,
  met             INTEGER NOT NULL CHECK (met IN (0, 1))
);
CREATE INDEX criterion_results_by_item ON criterion_results(item_result_id);

CREATE TABLE evidence (
  id                   INTEGER PRIMARY KEY,
  criterion_result_id  INTEGER NOT NULL REFERENCES criterion_results(id) ON DELETE CASCADE,
  position             INTEGER NOT NULL,
  quote                TEXT NOT NULL,
  highlights           TEXT NOT NULL,   -- "begin-end begin-end", byte offsets in quote
  section              TEXT NOT NULL,
  page                 INTEGER NOT NULL,
  line                 INTEGER NOT NULL,
  block                INTEGER NOT NULL
);
CREATE INDEX evidence_by_criterion ON evidence(criterion_result_id);

-- A finding per item that has something left to do: 'gap' below Meets, 'next-step' at Meets.
CREATE TABLE findings (
  id              INTEGER PRIMARY KEY,
  item_result_id  INTEGER NOT NULL UNIQUE REFERENCES item_results(id) ON DELETE CASCADE,
  kind            TEXT NOT NULL CHECK (kind IN ('gap', 'next-step')),
  unmet           TEXT NOT NULL,   -- criterion ids, space-separated
  text            TEXT NOT NULL
);
)sql";

// Version 2: the document's language and year as rated, and items not assessable from the
// document (they need the country team's records).
constexpr const char* k_v2 = R"sql(
ALTER TABLE assessments ADD COLUMN language TEXT NOT NULL DEFAULT '';
ALTER TABLE assessments ADD COLUMN language_source TEXT NOT NULL DEFAULT '';
ALTER TABLE assessments ADD COLUMN year INTEGER NOT NULL DEFAULT 0;
ALTER TABLE item_results ADD COLUMN external INTEGER NOT NULL DEFAULT 0 CHECK (external IN (0, 1));
)sql";

// Version 3: the text and structure of each document as read, so that scoring it again (with
// another checklist version, say) does not read the file anew. `reader_version` is the
// readers' version when it was read (engine/ingest/serialise.hpp); older entries are ignored.
constexpr const char* k_v3 = R"sql(
CREATE TABLE document_text (
  document_id     INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
  reader_version  INTEGER NOT NULL,
  content         TEXT NOT NULL  -- the read document as JSON
);
)sql";

// Version 4: the country each assessment is about (from the title or --country).
constexpr const char* k_v4 = R"sql(
ALTER TABLE assessments ADD COLUMN country TEXT NOT NULL DEFAULT '';
)sql";

// Version 5: portfolio work. The region and draft label of each assessment (from a batch
// manifest or `score`); reviewers' overrides of the engine's level, every one kept; and batch
// runs with the documents that failed in them.
constexpr const char* k_v5 = R"sql(
ALTER TABLE assessments ADD COLUMN region TEXT NOT NULL DEFAULT '';
ALTER TABLE assessments ADD COLUMN draft TEXT NOT NULL DEFAULT '';
CREATE INDEX assessments_by_document_checklist ON assessments(document_id, checklist_id);

CREATE TABLE overrides (
  id              INTEGER PRIMARY KEY,
  assessment_id   INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
  item_id         TEXT NOT NULL,
  level           TEXT NOT NULL CHECK (level IN ('missing', 'approaches', 'meets', 'exceeds')),
  -- the level it replaced: the engine's, or an earlier override's
  previous_level  TEXT NOT NULL CHECK (previous_level IN ('missing', 'approaches', 'meets', 'exceeds')),
  reviewer        TEXT NOT NULL,
  note            TEXT NOT NULL,
  created_at      TEXT NOT NULL
);
CREATE INDEX overrides_by_item ON overrides(assessment_id, item_id);

CREATE TABLE batches (
  id                INTEGER PRIMARY KEY,
  source            TEXT NOT NULL,   -- the directory or list file given
  checklist_sha256  TEXT NOT NULL,
  documents         INTEGER NOT NULL,
  started_at        TEXT NOT NULL,
  finished_at       TEXT NOT NULL DEFAULT '',  -- '' while running, or when the run was cut short
  scored            INTEGER NOT NULL DEFAULT 0,
  skipped           INTEGER NOT NULL DEFAULT 0,
  failed            INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE batch_failures (
  id         INTEGER PRIMARY KEY,
  batch_id   INTEGER NOT NULL REFERENCES batches(id) ON DELETE CASCADE,
  path       TEXT NOT NULL,
  error      TEXT NOT NULL,
  failed_at  TEXT NOT NULL
);
CREATE INDEX batch_failures_by_batch ON batch_failures(batch_id);
)sql";

// Version 6: the country team's own ratings (self-assessment), one row per rated item.
constexpr const char* k_v6 = R"sql(
CREATE TABLE self_ratings (
  assessment_id  INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
  position       INTEGER NOT NULL,
  item_id        TEXT NOT NULL,
  level          TEXT NOT NULL CHECK (level IN ('missing', 'approaches', 'meets', 'exceeds')),
  justification  TEXT NOT NULL,
  source         TEXT NOT NULL,
  line           INTEGER NOT NULL,  -- of the team's file
  PRIMARY KEY (assessment_id, item_id)
);
)sql";

// Version 7: workshop sessions. The pack's key and the engine's rating of its excerpt are kept
// as they were on the day (a trainer may edit the pack afterwards), with every answer, so that
// cohorts can be compared.
constexpr const char* k_v7 = R"sql(
CREATE TABLE workshop_sessions (
  id            INTEGER PRIMARY KEY,
  cohort        TEXT NOT NULL,
  created_at    TEXT NOT NULL,
  pack_id       TEXT NOT NULL,
  pack_title    TEXT NOT NULL,
  pack_path     TEXT NOT NULL,
  pack_sha256   TEXT NOT NULL,
  checklist_id  TEXT NOT NULL,
  kind          TEXT NOT NULL CHECK (kind IN ('cca', 'cf', 'serp')),
  lang          TEXT NOT NULL,
  draft_key     INTEGER NOT NULL CHECK (draft_key IN (0, 1))
);
CREATE INDEX workshop_sessions_by_pack ON workshop_sessions(pack_id);

CREATE TABLE workshop_items (
  session_id    INTEGER NOT NULL REFERENCES workshop_sessions(id) ON DELETE CASCADE,
  position      INTEGER NOT NULL,
  item_id       TEXT NOT NULL,
  title         TEXT NOT NULL,
  key_level     TEXT NOT NULL CHECK (key_level IN ('missing', 'approaches', 'meets', 'exceeds')),
  rationale     TEXT NOT NULL,
  engine_level  TEXT CHECK (engine_level IN ('missing', 'approaches', 'meets', 'exceeds')),  -- NULL: not rated
  PRIMARY KEY (session_id, item_id)
);

CREATE TABLE workshop_answers (
  session_id    INTEGER NOT NULL REFERENCES workshop_sessions(id) ON DELETE CASCADE,
  position      INTEGER NOT NULL,
  participant   TEXT NOT NULL,
  item_id       TEXT NOT NULL,
  level         TEXT NOT NULL CHECK (level IN ('missing', 'approaches', 'meets', 'exceeds')),
  note          TEXT NOT NULL,
  file          TEXT NOT NULL,  -- the answer sheet
  line          INTEGER NOT NULL,
  PRIMARY KEY (session_id, participant, item_id),
  FOREIGN KEY (session_id, item_id) REFERENCES workshop_items(session_id, item_id)
);
)sql";

// Version 8: a failure keeps the SHA-256 of the file that failed (empty when it could not be
// read at all), so that a batch run again passes over files that failed before, unless asked.
constexpr const char* k_v8 = R"sql(
ALTER TABLE batch_failures ADD COLUMN sha256 TEXT NOT NULL DEFAULT '';
CREATE INDEX batch_failures_by_sha256 ON batch_failures(sha256);
)sql";

// Version 9: workshop rooms. A session opened from the web app takes answers while its room is
// open; the room keeps the pack file it was opened from, for the participants' page.
constexpr const char* k_v9 = R"sql(
CREATE TABLE workshop_rooms (
  session_id    INTEGER PRIMARY KEY REFERENCES workshop_sessions(id) ON DELETE CASCADE,
  code          TEXT NOT NULL UNIQUE,
  csrf          TEXT NOT NULL,
  pack_name     TEXT NOT NULL,
  pack_xml      TEXT NOT NULL,
  opened_at     TEXT NOT NULL,
  closed_at     TEXT NOT NULL DEFAULT ''  -- '' while open
);
)sql";

// Version 10: item_results' level check written as comparisons. SQLite checks `IN` with more
// than two constants through a temporary table built for every row written, which was a third
// of the cost of storing an assessment. The table is rebuilt, as SQLite's ALTER TABLE documents
// for changing a constraint; its rows, ids and the rows that refer to them are unchanged.
constexpr const char* k_v10 = R"sql(
CREATE TABLE item_results_v10 (
  id                     INTEGER PRIMARY KEY,
  assessment_id          INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
  position               INTEGER NOT NULL,
  item_id                TEXT NOT NULL,
  title                  TEXT NOT NULL,
  section_id             TEXT NOT NULL,
  applicable             INTEGER NOT NULL CHECK (applicable IN (0, 1)),
  not_applicable_reason  TEXT NOT NULL,
  level                  TEXT NOT NULL
                         CHECK (level = 'missing' OR level = 'approaches' OR level = 'meets' OR level = 'exceeds'),
  weight                 REAL NOT NULL,
  external               INTEGER NOT NULL DEFAULT 0 CHECK (external IN (0, 1)),
  UNIQUE (assessment_id, item_id)
);
INSERT INTO item_results_v10 (id, assessment_id, position, item_id, title, section_id, applicable,
                              not_applicable_reason, level, weight, external)
  SELECT id, assessment_id, position, item_id, title, section_id, applicable, not_applicable_reason, level,
         weight, external FROM item_results;
DROP TABLE item_results;
ALTER TABLE item_results_v10 RENAME TO item_results;
CREATE INDEX item_results_by_item ON item_results(item_id, level);
)sql";

constexpr const char* k_v10_referring[] = {"criterion_results", "findings"};

// Version 11: no index of item results by item. No query of the program reads item results
// other than by assessment (UNIQUE (assessment_id, item_id) serves those), and keeping this one
// cost a fifth of rescoring a portfolio: each of an assessment's 43 items went into another page.
constexpr const char* k_v11 = R"sql(
DROP INDEX IF EXISTS item_results_by_item;
)sql";

constexpr Migration k_migrations[] = {{1, k_v1},  {2, k_v2}, {3, k_v3}, {4, k_v4}, {5, k_v5},
                                      {6, k_v6},  {7, k_v7}, {8, k_v8}, {9, k_v9}, {10, k_v10, k_v10_referring},
                                      {11, k_v11}};

}  // namespace

std::span<const Migration> migrations() { return k_migrations; }

}  // namespace unct::store
