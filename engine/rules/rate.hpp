#pragma once

#include "engine/checklist/model.hpp"
#include "engine/ingest/document.hpp"
#include "engine/rules/compiled.hpp"
#include "engine/rules/document_index.hpp"
#include "engine/rules/result.hpp"

namespace unct::rules {

// Rates one item: evaluates each criterion once, and the level is the highest whose criteria
// all hold while every level below it holds too (levels are cumulative). Items that do not
// apply to `kind` are not applicable, with a reason.
// Requires: `index` built from `document` with `compiled`, which was built from the item's checklist.
// With `explain`, every criterion keeps the trace of its signal.
ItemResult rate(const checklist::Item& item, const std::string& section_id, DocumentKind kind,
                const CompiledChecklist& compiled, const ingest::Document& document, const DocumentIndex& index,
                bool explain = false);

}  // namespace unct::rules
