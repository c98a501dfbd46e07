#pragma once

#include "engine/checklist/model.hpp"
#include "engine/ingest/document.hpp"
#include "engine/rules/compiled.hpp"
#include "engine/rules/document_index.hpp"
#include "engine/rules/result.hpp"

namespace unct::rules {

// What decides whether an item applies to a document.
struct DocumentFacts {
  DocumentKind kind = DocumentKind::cca;
  int year = 0;          // 0 when unknown: year-bound items then apply
  std::string language;  // "en", "fr", "es": the gap text comes in this language where the item has it
};

// Rates one item: evaluates each criterion once, and the level is the highest whose criteria
// all hold while every level below it holds too (levels are cumulative). Items that do not
// apply to the document's kind or year are not applicable, with a reason; items that need
// external evidence are not assessable from the document (not applicable, `external` set).
// Requires: `index` built from `document` with `compiled`, which was built from the item's checklist.
// With `explain`, every criterion keeps the trace of its signal.
ItemResult rate(const checklist::Item& item, const std::string& section_id, const DocumentFacts& facts,
                const CompiledChecklist& compiled, const ingest::Document& document, const DocumentIndex& index,
                bool explain = false);

}  // namespace unct::rules
