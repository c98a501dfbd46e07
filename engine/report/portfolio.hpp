#pragma once

// The portfolio (the latest assessment of each document): a heat map page, and for a
// spreadsheet a matrix of documents by items and the findings, as CSV files or one XLSX workbook.

#include "engine/assess/assessment.hpp"
#include "engine/assess/portfolio.hpp"

#include <filesystem>
#include <functional>
#include <ostream>
#include <string>
#include <vector>

namespace unct::report {

// One finding of the export: an item below Meets in a document's latest assessment.
struct FindingRow {
  std::string document;  // "title (path)", or the path alone
  std::string item_id;
  std::string title;
  Level level = Level::missing;  // the reviewed level where a reviewer overrode the engine
  std::string not_found;         // the criteria between the level and Meets, "; "-separated
  std::string what_to_add;       // the item's gap text
  std::string review;            // "reviewed by ... (engine: ...): note", when overridden
  bool operator==(const FindingRow&) const = default;
};

std::vector<FindingRow> finding_rows(const std::vector<Assessment>& assessments);

// How the heat map is laid out.
struct PortfolioHtml {
  // What the rows are, said above the map.
  std::string rows = "The latest assessment of each document.";
  // A section per country, each with its own item row, and a list of countries to jump to.
  bool by_country = false;
  // When set, each rated cell links to this address (e.g. a page to review the rating).
  std::function<std::string(const PortfolioRow& document, const std::string& item_id)> cell_link;
};

// A portfolio on one page: a heat map of documents by items (the latest assessment of each
// document, cells coloured by level, those a reviewer set marked *; row ids "a{assessment id}")
// and the items most often below Meets.
void render_portfolio_html(const std::vector<PortfolioRow>& documents, const std::vector<GapRow>& gaps,
                           std::ostream& out, const PortfolioHtml& options = {});

// One row per document (its latest assessment), one column per item rated in any of them; cells
// hold level codes, empty where the item does not apply.
void render_matrix_csv(const std::vector<PortfolioRow>& documents, std::ostream& out);

// One row per item below Meets in each assessment: document, item, title, level, the criteria
// not found, what to add, and the reviewer's override when there is one.
void render_findings_csv(const std::vector<Assessment>& assessments, std::ostream& out);

// One workbook at `path` with the sheets "Documents" (the matrix, cells coloured by level, a
// note on overridden cells), "Items" (the items ranked by the share of documents below Meets),
// "Findings" and "About" (checklist versions and provenance). Written beside `path` and renamed
// into place, so a failure never leaves half a workbook. Throws InputError naming the file when
// it cannot be written.
void write_portfolio_xlsx(const std::vector<PortfolioRow>& documents, const std::vector<GapRow>& items,
                          const std::vector<Assessment>& assessments, const std::filesystem::path& path);

}  // namespace unct::report
