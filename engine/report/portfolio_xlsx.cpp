// The portfolio workbook (libxlsxwriter).

#include "engine/report/portfolio.hpp"
#include "engine/report/wording.hpp"
#include "engine/report/xlsx.hpp"
#include "engine/report/xlsx_library.hpp"

#include <algorithm>

namespace unct::report {
namespace {

void write_documents(Workbook& book, const std::vector<PortfolioRow>& documents,
                     const std::vector<Assessment>& assessments) {
  lxw_worksheet* sheet = book.sheet("Documents");
  const std::vector<std::string> items = rated_items(documents);
  std::vector<std::string> names{"Assessment", "Document", "Kind", "Country", "Region", "Year"};
  const std::size_t first_item = names.size();
  names.insert(names.end(), items.begin(), items.end());
  write_headers(sheet, names, book.header());
  lxw().worksheet_freeze_panes(sheet, 1, 2);
  lxw().worksheet_set_column(sheet, 1, 1, 48, nullptr);
  lxw().worksheet_set_column(sheet, col_at(first_item), col_at(first_item + items.size()), 12, nullptr);
  for (std::size_t r = 0; r < documents.size(); ++r) {
    const PortfolioRow& d = documents[r];
    const lxw_row_t row = row_at(r + 1);
    lxw().worksheet_write_number(sheet, row, 0, static_cast<double>(d.assessment_id), nullptr);
    lxw().worksheet_write_string(sheet, row, 1, d.label.c_str(), nullptr);
    lxw().worksheet_write_string(sheet, row, 2, d.kind.c_str(), nullptr);
    lxw().worksheet_write_string(sheet, row, 3, d.country.c_str(), nullptr);
    lxw().worksheet_write_string(sheet, row, 4, d.region.c_str(), nullptr);
    if (d.year > 0) lxw().worksheet_write_number(sheet, row, 5, d.year, nullptr);
    const Assessment* assessment = r < assessments.size() ? &assessments[r] : nullptr;
    for (std::size_t c = 0; c < items.size(); ++c) {
      const std::optional<Level> level = d.level(items[c]);
      if (!level) continue;
      const lxw_col_t col = col_at(first_item + c);
      lxw().worksheet_write_string(sheet, row, col, std::string(label(*level)).c_str(), book.level(*level));
      if (assessment == nullptr) continue;
      for (const rules::ItemResult& item : assessment->items) {
        if (item.item_id == items[c] && item.review) {
          lxw().worksheet_write_comment(sheet, row, col, (reviewed(*item.review) + ": " + item.review->note).c_str());
        }
      }
    }
  }
  if (!documents.empty()) {
    lxw().worksheet_autofilter(sheet, 0, 0, row_at(documents.size()), col_at(names.size() - 1));
  }
}

void write_items(Workbook& book, const std::vector<GapRow>& items) {
  lxw_worksheet* sheet = book.sheet("Items");
  write_headers(sheet,
                {"Item", "Title", "Documents rated", "Below Meets", "Share below Meets", "Documents below Meets"},
                book.header());
  lxw().worksheet_set_column(sheet, 1, 1, 48, nullptr);
  lxw().worksheet_set_column(sheet, 5, 5, 80, book.wrap());
  for (std::size_t r = 0; r < items.size(); ++r) {
    const GapRow& g = items[r];
    const lxw_row_t row = row_at(r + 1);
    // A cell holds at most 32,767 characters: a long list ends with how many it leaves out.
    std::string documents;
    for (std::size_t i = 0; i < g.documents.size(); ++i) {
      if (documents.size() + g.documents[i].size() > 32'000) {
        documents += "\n... and " + std::to_string(g.documents.size() - i) + " more";
        break;
      }
      documents += (documents.empty() ? "" : "\n") + g.documents[i];
    }
    lxw().worksheet_write_string(sheet, row, 0, g.item_id.c_str(), nullptr);
    lxw().worksheet_write_string(sheet, row, 1, g.title.c_str(), nullptr);
    lxw().worksheet_write_number(sheet, row, 2, static_cast<double>(g.applicable), nullptr);
    lxw().worksheet_write_number(sheet, row, 3, static_cast<double>(g.below_meets), nullptr);
    lxw().worksheet_write_number(
        sheet, row, 4, g.applicable == 0 ? 0 : static_cast<double>(g.below_meets) / static_cast<double>(g.applicable),
        book.percent());
    lxw().worksheet_write_string(sheet, row, 5, documents.c_str(), book.wrap());
  }
}

void write_findings(Workbook& book, const std::vector<Assessment>& assessments) {
  lxw_worksheet* sheet = book.sheet("Findings");
  write_headers(sheet,
                {"Document", "Item", "Title", "Level", "Not found in the document", "What to add", "Reviewer override"},
                book.header());
  lxw().worksheet_set_column(sheet, 0, 0, 40, book.wrap());
  lxw().worksheet_set_column(sheet, 2, 2, 32, book.wrap());
  lxw().worksheet_set_column(sheet, 4, 6, 60, book.wrap());
  const std::vector<FindingRow> rows = finding_rows(assessments);
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const FindingRow& f = rows[r];
    const lxw_row_t row = row_at(r + 1);
    lxw().worksheet_write_string(sheet, row, 0, f.document.c_str(), book.wrap());
    lxw().worksheet_write_string(sheet, row, 1, f.item_id.c_str(), nullptr);
    lxw().worksheet_write_string(sheet, row, 2, f.title.c_str(), book.wrap());
    lxw().worksheet_write_string(sheet, row, 3, std::string(label(f.level)).c_str(), book.level(f.level));
    lxw().worksheet_write_string(sheet, row, 4, f.not_found.c_str(), book.wrap());
    lxw().worksheet_write_string(sheet, row, 5, f.what_to_add.c_str(), book.wrap());
    lxw().worksheet_write_string(sheet, row, 6, f.review.c_str(), book.wrap());
  }
  if (!rows.empty()) lxw().worksheet_autofilter(sheet, 0, 0, row_at(rows.size()), 6);
}

void write_about(Workbook& book, const std::vector<Assessment>& assessments) {
  lxw_worksheet* sheet = book.sheet("About");
  write_headers(sheet, {"Checklist", "Version", "Documents", "Provenance"}, book.header());
  lxw().worksheet_set_column(sheet, 0, 0, 48, book.wrap());
  lxw().worksheet_set_column(sheet, 3, 3, 90, book.wrap());
  std::vector<std::pair<ChecklistSummary, std::size_t>> checklists;
  for (const Assessment& a : assessments) {
    const auto it =
        std::find_if(checklists.begin(), checklists.end(), [&](const auto& c) { return c.first == a.checklist; });
    if (it == checklists.end())
      checklists.emplace_back(a.checklist, 1);
    else
      ++it->second;
  }
  for (std::size_t r = 0; r < checklists.size(); ++r) {
    const auto& [c, count] = checklists[r];
    lxw().worksheet_write_string(sheet, row_at(r + 1), 0, c.title.c_str(), book.wrap());
    lxw().worksheet_write_string(sheet, row_at(r + 1), 1, c.version.c_str(), nullptr);
    lxw().worksheet_write_number(sheet, row_at(r + 1), 2, static_cast<double>(count), nullptr);
    lxw().worksheet_write_string(sheet, row_at(r + 1), 3, c.provenance.c_str(), book.wrap());
  }
  const lxw_row_t note = row_at(checklists.size() + 2);
  lxw().worksheet_write_string(
      sheet, note, 0,
      "Levels are the engine's, or the reviewer's where a reviewer overrode them (a note on the cell "
      "in Documents). Each document counts with its latest assessment.",
      book.wrap());
}

// Runs `write` on a workbook beside `path`, then renames it into place: a failure never leaves
}  // namespace

void write_portfolio_xlsx(const std::vector<PortfolioRow>& documents, const std::vector<GapRow>& items,
                          const std::vector<Assessment>& assessments, const std::filesystem::path& path) {
  write_atomically(path, [&](Workbook& book) {
    write_documents(book, documents, assessments);
    write_items(book, items);
    write_findings(book, assessments);
    write_about(book, assessments);
  });
}

}  // namespace unct::report
