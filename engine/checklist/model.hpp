#pragma once

// The checklist as the engine holds it once loaded: plain values, no XML. See
// docs/checklist-format.md for the file format and schemas/checklist.xsd for its grammar.

#include "engine/core/level.hpp"
#include "engine/signals/registry.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace unct::checklist {

// The rule vocabulary: criteria hold signals (engine/signals/).
using signals::Signal;

// The checklist's title and provenance note in another language, for reports in that language.
struct MetaTranslation {
  std::string lang;
  std::string title;
  std::string provenance;
  bool operator==(const MetaTranslation&) const = default;
};

struct Meta {
  std::string id;       // e.g. "rdm-2021"
  std::string version;  // version of this file, e.g. "0.1.0"
  std::string title;
  std::string publisher;
  std::string issued;      // ISO date of the checklist the file encodes
  std::string provenance;  // how faithful the file is to the published checklist, for readers
  std::vector<std::string> languages;
  std::vector<MetaTranslation> translations;  // in file order, one per language at most
  bool operator==(const Meta&) const = default;
};

// A term is a phrase of words as the author wrote it; a word may end in '*' (any ending).
// `lang` is empty when the term holds in every language.
struct Term {
  std::string text;
  std::string lang;
  int line = 0;  // where it is written in its file
  bool operator==(const Term&) const = default;
};

// A named lexicon. `exceptions` are phrases whose occurrences mask overlapping hits of this
// set's own terms (e.g. "arms race" for a set holding "race"). `includes` names other sets whose
// terms count for this one too.
struct TermSet {
  std::string id;
  std::string title;
  std::vector<Term> terms;
  std::vector<Term> exceptions;
  std::vector<std::string> includes;
  // When set, the set's hits (its own and its included sets') count only in a sentence that
  // also holds a term of this set: "discrimination" with a racial, ethnic or similar ground.
  std::string context;
  std::filesystem::path file;  // where it is written: the checklist file or an item file it includes
  int line = 0;                // where it starts in that file
  bool operator==(const TermSet&) const = default;
};

// A canonical part of a CCA or CF (LNOB analysis, results framework, ...), recognised when a
// heading carries a term of `heading_set`.
struct Part {
  std::string id;
  std::string title;
  std::string heading_set;
  bool operator==(const Part&) const = default;
};

// A named signal, <define id="...">, which criteria and other definitions reuse with <use ref="..."/>.
// The loader puts the signal itself wherever it is used, so only lint reads these.
struct Definition {
  std::string id;
  std::vector<std::string> uses;  // the definitions its own signal uses, each once
  bool used_by_criteria = false;  // whether a criterion uses it itself
  std::filesystem::path file;     // where it is written: the checklist file or an item file it includes
  int line = 0;                   // where it starts in that file
  bool operator==(const Definition&) const = default;
};

struct Reference {
  std::string type;  // "guidance-note", "treaty", "mechanism", "source"
  std::string text;
  bool operator==(const Reference&) const = default;
};

// A criterion: a signal with the sentence a reader sees ("names at least two groups"). Items
// that need external evidence have criteria without a signal: the team or reviewer judges them.
struct Criterion {
  std::string id;
  std::string text;
  std::optional<Signal> signal;
  bool operator==(const Criterion&) const = default;
};

// The criteria (by id) that must all hold for `level`, on top of the levels below it.
struct LevelRule {
  Level level = Level::meets;
  std::vector<std::string> criteria;
  bool operator==(const LevelRule&) const = default;
};

// A criterion's sentence in another language; `id` names a criterion of the same item.
struct CriterionText {
  std::string id;
  std::string text;
  bool operator==(const CriterionText&) const = default;
};

// An item's reader-facing text in another language. `gap` may be empty and a criterion may have no
// wording here: the English text is shown instead.
struct Translation {
  std::string lang;
  std::string title;
  std::string question;
  std::string gap;
  std::vector<CriterionText> criteria;  // in file order, each criterion at most once
  bool operator==(const Translation&) const = default;
};

struct Item {
  std::string id;  // stable id, e.g. "RDM-CCA-01"
  std::string title;
  std::string question;
  std::string guidance;
  std::vector<DocumentKind> applies_to;
  double weight = 1.0;
  std::string provenance;  // "recovered", "reconstructed" or "engine-extension"
  std::vector<Reference> references;
  std::vector<Criterion> criteria;
  std::vector<LevelRule> levels;  // ascending: approaches, meets, exceeds (each optional but meets)
  std::string gap;                // what to add to reach Meets
  // The item needs evidence a document cannot show (UNCT records): rated "not assessable from
  // the document" unless a self-assessment supplies it, never Missing by default.
  bool external = false;
  int from_year = 0;  // when set, not applicable to documents dated before this year
  std::vector<Translation> translations;
  std::filesystem::path file;  // where it is written: the checklist file or an item file it includes
  int line = 0;                // where the item starts in that file
  bool operator==(const Item&) const = default;
};

// A section's title in another language.
struct SectionTranslation {
  std::string lang;
  std::string title;
  bool operator==(const SectionTranslation&) const = default;
};

struct Section {
  std::string id;
  std::string title;
  std::vector<Item> items;
  std::vector<SectionTranslation> translations;  // in file order, one per language at most
  bool operator==(const Section&) const = default;
};

struct ScaleLevel {
  Level level = Level::missing;
  std::string label;
  bool operator==(const ScaleLevel&) const = default;
};

struct Checklist {
  Meta meta;
  std::vector<ScaleLevel> scale;
  std::string not_applicable_label = "Not applicable";
  std::vector<TermSet> term_sets;
  std::vector<Part> parts;
  std::vector<Definition> definitions;  // those of the checklist file, then of its item files
  std::vector<Section> sections;
  std::filesystem::path source;  // the file it was loaded from
  // The item files it includes, in the order it names them, each as `source`'s folder joined with
  // the href (so "checklists/rdm-2021/cca/RDM-CCA-01.xml" when `source` is in "checklists").
  std::vector<std::filesystem::path> includes;
  std::string sha256;  // of the file's bytes, and of its item files' when it has some
  bool operator==(const Checklist&) const = default;
};

// Lookups by id; nullptr when absent.
const TermSet* find_term_set(const Checklist& checklist, std::string_view id);
const Item* find_item(const Checklist& checklist, std::string_view id);
const Criterion* find_criterion(const Item& item, std::string_view id);
bool applies_to(const Item& item, DocumentKind kind);
// The term sets an item's signals read directly (not those they include), in the order they first
// appear, each once.
std::vector<std::string> term_sets_read(const Item& item);
// The document parts (Checklist::parts ids) the item's signals look in, in the order they first
// appear, each once: where the checklist expects the item's content.
std::vector<std::string> parts_read(const Item& item);
// The item's text in `lang`, or nullptr when the checklist has none (English is the item itself).
const Translation* find_translation(const Item& item, std::string_view lang);
// The item's title and question in `lang` where the checklist translates them, else its own.
const std::string& title_in(const Item& item, std::string_view lang);
const std::string& question_in(const Item& item, std::string_view lang);
// The item's gap text ("what to add") in `lang` where the checklist translates it, else its own.
const std::string& gap_in(const Item& item, std::string_view lang);
// The sentence of `criterion` (one of `item`'s) in `lang` where the checklist translates it, else
// its own, so a report in French shows French criteria and falls back to English per criterion.
const std::string& criterion_text_in(const Item& item, const Criterion& criterion, std::string_view lang);
// The checklist's title and provenance note, and a section's title, in `lang` where the checklist
// translates them, else its own (English), so a report's heading and note follow its language.
const std::string& title_in(const Meta& meta, std::string_view lang);
const std::string& provenance_in(const Meta& meta, std::string_view lang);
const std::string& title_in(const Section& section, std::string_view lang);
std::size_t item_count(const Checklist& checklist);

}  // namespace unct::checklist
