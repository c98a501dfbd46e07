#pragma once

#include "engine/assess/assessment.hpp"
#include "engine/checklist/model.hpp"
#include "engine/ingest/document.hpp"
#include "engine/rules/compiled.hpp"
#include "engine/rules/document_index.hpp"

#include "engine/core/timings.hpp"

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace unct {

// Whether documents can be rated in this language: "en", "fr" or "es", the languages of the
// checklist's vocabulary. For checking what a user gives (--lang, a batch manifest).
bool is_rated_language(std::string_view code);

// Whether a document can carry this year: 1945 to 2100.
bool is_plausible_year(int year);

struct AssessOptions {
  // The document kind to rate for; when empty, the detected kind, else CCA.
  std::optional<DocumentKind> kind;
  std::optional<std::string> language;  // "en", "fr", "es"; when empty, the detected language
  std::optional<int> year;              // when empty, the year in the title
  std::optional<std::string> country;   // when empty, the country in the title
  std::optional<std::string> title;     // when empty, the document's own title
  std::string region;                   // stored with the assessment; never detected
  std::string draft;                    // draft label, e.g. "draft 2"; never detected
  // The document's word count when already known (stored with it when it was first read, as a
  // rescore has it); when empty, counted from its text.
  std::optional<std::size_t> words;
  // Items whose criteria keep the trace of their signals (rules::Trace), for `--explain`.
  std::vector<std::string> explain;
  // Phases "normalise", "scan" and "evaluate" are added here when given.
  Timings* timings = nullptr;
};

// Rates every item of the checklist for the document. Pure: the same inputs give the same
// Assessment (created_at is left empty for the caller).
// Requires: `compiled` built from `checklist`.
Assessment assess(const checklist::Checklist& checklist, const rules::CompiledChecklist& compiled,
                  const ingest::Document& document, const AssessOptions& options = {});

// The same, from text already prepared (normalised) for the document, e.g. kept from an
// earlier run. Requires: `text` prepared from `document`.
Assessment assess(const checklist::Checklist& checklist, const rules::CompiledChecklist& compiled,
                  const ingest::Document& document, std::shared_ptr<const rules::PreparedText> text,
                  const AssessOptions& options = {});

}  // namespace unct
