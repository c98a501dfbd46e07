#pragma once

// A workshop exercise pack: a document excerpt participants rate against a few checklist items,
// and the answer key, a level and a rationale per item, that the trainer discusses with the room.
// Packs are XML files (schemas/workshop-pack.xsd, docs/workshop.md) a trainer can edit by hand;
// `draft_pack` writes one from any document, the engine's ratings as the draft key.

#include "engine/checklist/model.hpp"
#include "engine/core/level.hpp"
#include "engine/ingest/document.hpp"
#include "engine/rules/compiled.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace unct::workshop {

// The answer key's rating of one item, with why: what the trainer says in the debrief.
struct KeyAnswer {
  std::string item_id;
  Level level = Level::missing;
  std::string rationale;
  int line = 0;  // in the pack file; 0 for a pack not read from a file
  bool operator==(const KeyAnswer&) const = default;
};

struct Pack {
  std::string id;
  std::string title;
  std::string checklist_id;
  DocumentKind kind = DocumentKind::cca;
  std::string lang;            // "en", "fr", "es": the excerpt's language
  bool draft_key = false;      // the engine's ratings, not yet checked by a trainer
  std::string source;          // where the excerpt comes from; may be empty
  std::string instructions;    // for participants; may be empty
  std::string excerpt;         // Markdown
  std::vector<KeyAnswer> key;  // the items in scope, in the pack's order
  std::filesystem::path path;  // the file it was read from
  std::string sha256;          // of the file's bytes
  bool operator==(const Pack&) const = default;
};

// The text of schemas/workshop-pack.xsd, compiled into the engine.
std::string_view pack_schema();

// Reads and validates a pack against the schema and against the checklist: the pack names this
// checklist, and each item of the key exists, applies to the pack's kind of document, can be
// rated from a document (not an RDM-UNCT item needing team records) and is keyed once.
// Throws InputError naming the file, line and item of the first problem.
Pack load_pack(const std::filesystem::path& path, const checklist::Checklist& checklist);
Pack load_pack_text(std::string_view xml, const std::filesystem::path& path, const checklist::Checklist& checklist);

// The pack as XML (format 1), which load_pack reads back to the same pack.
std::string pack_xml(const Pack& pack);

// The excerpt as a document the engine can rate: Markdown, named "<pack file>#excerpt".
ingest::Document excerpt_document(const Pack& pack);

// The engine's level for each item of the key it rates on the excerpt (excerpt_document, as a
// document of the pack's kind and language), in the key's order: what the debrief sets beside
// the key.
std::vector<std::pair<std::string, Level>> rate_excerpt(const Pack& pack, const checklist::Checklist& checklist,
                                                        const rules::CompiledChecklist& compiled);

struct DraftOptions {
  std::vector<std::string> items;     // the items in scope, in this order; at least one
  std::vector<std::string> sections;  // headings whose sections make the excerpt (words of the
                                      // heading, any case); when empty, the sections holding the
                                      // engine's evidence for the items
  std::size_t max_sections = 3;       // without `sections`: the sections with most quotes
  std::optional<DocumentKind> kind;   // when empty, the document's detected kind, else CCA
  std::optional<std::string> lang;    // when empty, the document's detected language, else "en"
  std::string id;                     // when empty, from the document's file name
  std::string title;                  // when empty, from the document's title
};

// A pack drafted from a document: the excerpt is the chosen sections as Markdown (headings,
// paragraphs, lists and tables), and the key is the engine's rating of that excerpt, with a
// rationale saying what it found and what it did not, marked draft for the trainer to check.
// Throws InputError naming the item for an item not in the checklist, not for that kind of
// document or needing team records, and when no section holds the items' evidence (or none is
// named by `sections`).
Pack draft_pack(const checklist::Checklist& checklist, const rules::CompiledChecklist& compiled,
                const ingest::Document& document, const DraftOptions& options);

}  // namespace unct::workshop
