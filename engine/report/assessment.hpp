#pragma once

// One assessment as a report, in every format it has: text for a terminal, Markdown for a memo,
// CSV for a spreadsheet, JSON for other programs and one HTML page to send to colleagues.

#include "engine/assess/assessment.hpp"
#include "engine/checklist/model.hpp"
#include "engine/core/timings.hpp"

#include <cstddef>
#include <optional>
#include <ostream>
#include <string_view>

namespace unct::report {

enum class Format { text, json, markdown, csv, html };

// "text", "json", "md" (or "markdown"), "csv", "html"; nullopt otherwise.
std::optional<Format> parse_format(std::string_view name);

// The assessment in that format (one of the renderers below). `checklist` lets the HTML report
// show each item's question when it is the checklist the assessment used.
void render(const Assessment& assessment, Format format, std::ostream& out,
            const checklist::Checklist* checklist = nullptr);

// The report a reader scans in a terminal: the document, per section a table of items and
// levels, the overall figures, then each gap with what to add and the evidence already found.
void render_text(const Assessment& assessment, std::ostream& out);

// Why an item got its level: each criterion met or not, and the tree of its signal with what
// was counted and where the words were found. Requires: the item rated with an explanation.
void render_explanation(const rules::ItemResult& item, std::ostream& out);

// Seconds per phase of the run that made the assessment, and the throughput of the scan over
// the normalised text it read (Timings::scanned).
void render_timings(const Timings& timings, std::ostream& out);

// The report as Markdown for a review memo: the document and checklist (with its provenance),
// the overall figures, a table of items per section, then each item below Meets with what is
// missing, what to add and the evidence found so far (matched words in bold). User text is
// escaped so that it cannot break the Markdown.
void render_markdown(const Assessment& assessment, std::ostream& out);

// One row per item, for spreadsheets: ids, section, level (code and label), applicability,
// criteria met and unmet, the first quote with its place, and the gap text. RFC 4180 quoting.
void render_csv(const Assessment& assessment, std::ostream& out);

// The whole assessment as one JSON object, for other programs. Keys are stable; levels use
// their codes ("missing" ... "exceeds").
void render_json(const Assessment& assessment, std::ostream& out);

// The report as one self-contained HTML page (no external assets; works offline; prints well):
// the document and checklist with its provenance note, the overall figures, an SVG chart of the
// levels per section, every item with its level badge, its criteria met and unmet and the quotes
// with the matched words marked, the gap text below Meets, and the gaps ordered by weight.
// `checklist`, when it is the one the assessment used (same SHA-256), adds each item's question.
// All text from the document and the checklist is HTML-escaped.
void render_html(const Assessment& assessment, const checklist::Checklist* checklist, std::ostream& out);

}  // namespace unct::report
