#pragma once

// The engine measured against an expert: every document of a folder that has a gold file
// beside it (`<name>.gold.csv` for `<name>.pdf`, `.docx`, `.md`...) is read and rated, and each
// item's level set against the gold level. The figures are what `unct-assess evaluate` prints.

#include "engine/agreement/agreement.hpp"
#include "engine/checklist/model.hpp"
#include "engine/ingest/read.hpp"
#include "engine/rules/compiled.hpp"
#include "engine/rules/result.hpp"

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace unct::agreement {

// One item of one document, rated by both.
struct ItemOutcome {
  std::string item_id;
  std::string title;
  Level gold = Level::missing;
  Level engine = Level::missing;
  std::string rationale;  // the gold's
  int gold_line = 0;
  std::optional<rules::Evidence> evidence;  // the engine's strongest quote for the item, if any
  std::vector<std::string> unmet;           // the criteria the engine did not find between its level and the next
  bool rated = true;  // false when the engine read the document as another kind: counted as Missing
  bool operator==(const ItemOutcome&) const = default;
};

struct DocumentOutcome {
  std::filesystem::path document;
  std::filesystem::path gold;
  std::string title;
  std::string kind;       // the gold's kind: "cca", "cf", "serp"
  std::string kind_read;  // the kind the engine read the document as; differs from `kind` when it
                          // misread it, and then every gold item counts as rated Missing
  std::string language;   // "en", "fr", "es", or "" when undetected
  std::size_t words = 0;
  std::vector<ItemOutcome> items;
  Agreement agreement;
  bool operator==(const DocumentOutcome&) const = default;
};

struct Evaluation {
  std::vector<DocumentOutcome> documents;  // sorted by document path
  Agreement overall;
  std::map<std::string, Agreement> by_item;
  std::map<std::string, Agreement> by_kind;
  std::map<std::string, Agreement> by_language;
};

// Rates the documents of `folder` that have a gold file. The gold's items say which kind of
// document it is; a document the engine reads as another kind is rated as it read it, and each
// gold item counts as rated Missing (a disagreement, not an error: the run goes on). Throws
// InputError naming the file (and line) for a gold file without its document or with several,
// a gold file whose items belong to no one kind, or that rates an item the engine finds not
// applicable or leaves out one it rates, and every error of read_ratings; and when the folder
// holds no gold file at all.
Evaluation evaluate(const checklist::Checklist& checklist, const rules::CompiledChecklist& compiled,
                    const std::filesystem::path& folder, const ingest::ReadOptions& read = {});

}  // namespace unct::agreement
