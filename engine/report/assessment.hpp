#pragma once

// One assessment as a report, in every format it has: text for a terminal, Markdown for a memo,
// CSV for a spreadsheet, JSON for other programs and one HTML page to send to colleagues.

#include "engine/assess/assessment.hpp"
#include "engine/checklist/model.hpp"
#include "engine/core/timings.hpp"

#include <cstddef>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

namespace unct::report {

enum class Format { text, json, markdown, csv, html, docx };

// "text", "json", "md" (or "markdown"), "csv", "html", "docx"; nullopt otherwise.
std::optional<Format> parse_format(std::string_view name);

struct RenderOptions {
  // The checklist the assessment used: its questions (HTML) and its translations of the items'
  // wording. Ignored when it is another checklist (its SHA-256 differs).
  const checklist::Checklist* checklist = nullptr;
  // "en", "fr" or "es"; empty for the document's language when it is one of these, else English.
  std::string lang;
};

// The assessment in that format (one of the renderers below). Every format starts with the same
// summary (summary.hpp): the overall figure, the priorities with what to add, the items at Meets
// or above, then the rest in one line each; the details follow.
void render(const Assessment& assessment, Format format, std::ostream& out, const RenderOptions& options = {});

// The report a reader scans in a terminal: the document, the summary, each section's figure,
// reviewers' overrides and the team's ratings, then each gap with what the engine did not find
// and the evidence it found so far.
void render_text(const Assessment& assessment, std::ostream& out, const RenderOptions& options = {});

// Why an item got its level: each criterion met or not, and the tree of its signal with what
// was counted and where the words were found. Requires: the item rated with an explanation.
void render_explanation(const rules::ItemResult& item, std::ostream& out);

// Seconds per phase of the run that made the assessment, and the throughput of the scan over
// the normalised text it read (Timings::scanned).
void render_timings(const Timings& timings, std::ostream& out);

// The report as Markdown for a review memo: the document and checklist (with its provenance),
// the summary, a table of the sections' figures, then each item below Meets with what is missing
// and the evidence found so far (matched words in bold). User text is escaped so that it cannot
// break the Markdown.
void render_markdown(const Assessment& assessment, std::ostream& out, const RenderOptions& options = {});

// One row per item, for spreadsheets, in the summary's order (priorities first, numbered in the
// `priority` column): ids, section, level (code and label), applicability, criteria met and
// unmet, the first quote with its place, and the gap text. RFC 4180 quoting. Column names are
// keys for programs and stay English; the wording follows the report language.
void render_csv(const Assessment& assessment, std::ostream& out, const RenderOptions& options = {});

// The whole assessment as one JSON object, for other programs, with the summary (item ids in
// the summary's order) before the items. Keys are stable; levels use their codes ("missing" ...
// "exceeds"); wording follows the report language ("report_language").
void render_json(const Assessment& assessment, std::ostream& out, const RenderOptions& options = {});

// The report as one self-contained HTML page (no external assets; works offline; prints well):
// the document and checklist with its provenance note, the summary (the rest folded away), an
// SVG chart of the levels per section labelled with the items' titles, then every applicable
// item with its level badge, its question (when the checklist is given), its criteria met and
// unmet and the quotes with the matched words marked. All text from the document and the
// checklist is HTML-escaped.
void render_html(const Assessment& assessment, std::ostream& out, const RenderOptions& options = {});
// One item of the HTML report, as render_html shows it (a <div class="item">: the level, any
// reviewer's note, the question, each criterion with its evidence, the gap text), for a page
// around it. Requires: the assessment rates `item_id`.
void render_item_html(const Assessment& assessment, const std::string& item_id, std::ostream& out,
                      const RenderOptions& options = {});

// The report as a Word document (DOCX bytes): the HTML report's content with Word's own styles
// (title, headings, block quotes for the evidence with the matched words highlighted), the
// summary as a table with each level on its colour, and the provenance note.
void render_docx(const Assessment& assessment, std::ostream& out, const RenderOptions& options = {});

}  // namespace unct::report
