#pragma once

// The assessments: each with its item results, criteria, evidence, findings and the team's
// self-ratings, written whole in one transaction (stored whole or not at all), loaded back with
// the reviewers' overrides applied, and listed.

#include "engine/assess/assessment.hpp"
#include "engine/assess/portfolio.hpp"
#include "engine/ingest/document.hpp"
#include "engine/store/database.hpp"
#include "engine/store/documents.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace unct::store {

class AssessmentStore {
public:
  // Requires: `database` outlives this.
  explicit AssessmentStore(Database& database) : m_database(&database) {}

  // Stores the assessment, its document and checklist (once per content hash); returns the
  // assessment's id. With `text` (pack_text of the document as read), the text cache keeps it
  // too; give none for a document that came from the cache.
  std::int64_t save(const Assessment& assessment, const CachedText* text = nullptr);

  // The same, unless the document (same SHA-256) was already assessed with the same checklist
  // (same SHA-256): then nothing is written and nullopt is returned. The check and the write are
  // one transaction, so two processes racing on one document store it once.
  std::optional<std::int64_t> save_unless_assessed(const Assessment& assessment, const CachedText* text = nullptr);

  // One assessment for save_all: with its text for the text cache (or none), and whether it is
  // left out when its document was already assessed with its checklist.
  struct ToSave {
    const Assessment* assessment = nullptr;
    const CachedText* text = nullptr;
    bool unless_assessed = false;
  };

  // Saves each of `group` as save() or save_unless_assessed() would, in order, all in one write
  // transaction: a batch pays SQLite's commit (the WAL pages written, the index pages rewritten,
  // the checkpoint) once for many assessments. Returns each one's id, or nullopt where it was
  // left out. When one cannot be saved, none is and the error is thrown.
  std::vector<std::optional<std::int64_t>> save_all(std::span<const ToSave> group);

  // The newest assessment of the document with this SHA-256 made with the checklist with this
  // SHA-256; nullopt when there is none.
  std::optional<std::int64_t> assessed(const std::string& document_sha256, const std::string& checklist_sha256) const;

  // How much of an assessment `load` reads: all of it, or all but each criterion's results and
  // evidence (its items keep their levels), which is most of its rows.
  enum class Detail { whole, items };

  // The stored assessment, with the reviewers' latest overrides applied and scored. Throws
  // InputError when there is none with that id.
  Assessment load(std::int64_t id, Detail detail = Detail::whole) const;

  // What rating a document again needs of an earlier assessment of it: the document as it was
  // given, each item's stored level (the engine's; for an item the team rates from its records,
  // the team's, as set_self_ratings stores it; reviewers' overrides are not read) and the team's
  // ratings. Far fewer rows than load(): no sections, criteria or findings. Throws
  // InputError when there is no assessment with that id.
  struct ItemLevel {
    std::string item_id;
    bool applicable = false;
    Level level = Level::missing;
  };
  struct Levels {
    DocumentSummary document;
    std::vector<ItemLevel> items;  // in no particular order
    std::vector<SelfRating> self;
  };
  Levels levels(std::int64_t id) const;

  // The assessment of each portfolio row, in the rows' order (the findings export's input).
  std::vector<Assessment> load(const std::vector<PortfolioRow>& documents) const;

  // Every assessment, newest first; only those whose country holds `country` (any case: "valdoria"
  // finds "Republic of Valdoria") when it is not empty.
  std::vector<AssessmentRow> history(const std::string& country = {}) const;

  // Assessments whose draft label, document file name, path or title is `name` (exactly,
  // ignoring case), newest first: for `compare` by name.
  std::vector<AssessmentRow> find(const std::string& name) const;

  // Replaces the country team's ratings of a stored assessment with those `rate` sets on it (the
  // caller's rules, e.g. selfassess::apply): its self ratings are stored, items needing team
  // records take the level `rate` gives them, the scores are recomputed, reviewers' overrides
  // still stand; one transaction, rolled back when `rate` throws. Returns the assessment as now
  // stored. Throws InputError when the assessment does not exist.
  Assessment set_self_ratings(std::int64_t id, const std::function<void(Assessment&)>& rate);

  // Sets the stored overall and section scores of assessment `id` to those `assessment` holds,
  // after its levels changed. ReviewStore::override_level calls it inside its transaction.
  void update_scores(std::int64_t id, const Assessment& assessment);

private:
  // Writes the assessment whole, inside save_all's write transaction and error guard; with
  // `unless_assessed`, nothing when the document was already assessed with this checklist.
  std::optional<std::int64_t> write(const ToSave& entry);

  Database* m_database;
};

}  // namespace unct::store
