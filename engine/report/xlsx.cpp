// The portfolio workbook (libxlsxwriter).

#include "engine/core/error.hpp"
#include "engine/report/export.hpp"
#include "engine/report/form.hpp"
#include "engine/report/wording.hpp"

#include <xlsxwriter.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>

namespace unct::report {
namespace {

// The level colours of the HTML reports, with a text colour that reads on them.
struct LevelStyle {
  Level level;
  lxw_color_t fill;
  lxw_color_t text;
};
constexpr LevelStyle k_level_styles[] = {{Level::missing, 0xC0392B, LXW_COLOR_WHITE},
                                         {Level::approaches, 0xE67E22, LXW_COLOR_WHITE},
                                         {Level::meets, 0x27AE60, LXW_COLOR_WHITE},
                                         {Level::exceeds, 0x1E6FB8, LXW_COLOR_WHITE}};

class Workbook {
public:
  explicit Workbook(const std::filesystem::path& path) : m_path(path) {
    m_book = workbook_new(path.string().c_str());
    if (m_book == nullptr) throw InputError({.file = path}, "cannot create the workbook");
    m_header = workbook_add_format(m_book);
    format_set_bold(m_header);
    format_set_bg_color(m_header, 0xD9E2F3);
    format_set_bottom(m_header, LXW_BORDER_THIN);
    format_set_text_wrap(m_header);
    format_set_align(m_header, LXW_ALIGN_VERTICAL_TOP);
    m_wrap = workbook_add_format(m_book);
    format_set_text_wrap(m_wrap);
    format_set_align(m_wrap, LXW_ALIGN_VERTICAL_TOP);
    m_percent = workbook_add_format(m_book);
    format_set_num_format(m_percent, "0%");
    for (const LevelStyle& style : k_level_styles) {
      lxw_format* format = workbook_add_format(m_book);
      format_set_bg_color(format, style.fill);
      format_set_font_color(format, style.text);
      format_set_align(format, LXW_ALIGN_CENTER);
      m_levels[style.level] = format;
    }
  }
  ~Workbook() {
    if (m_book != nullptr) workbook_close(m_book);  // only on an error path: close() clears m_book
  }
  Workbook(const Workbook&) = delete;
  Workbook& operator=(const Workbook&) = delete;

  lxw_worksheet* sheet(const char* name) { return workbook_add_worksheet(m_book, name); }
  lxw_format* header() const { return m_header; }
  lxw_format* wrap() const { return m_wrap; }
  lxw_format* percent() const { return m_percent; }
  lxw_format* level(Level level) const { return m_levels.at(level); }

  void close() {
    const lxw_error error = workbook_close(m_book);
    m_book = nullptr;
    if (error != LXW_NO_ERROR) throw InputError({.file = m_path}, std::string("cannot write the workbook: ") + lxw_strerror(error));
  }

private:
  std::filesystem::path m_path;
  lxw_workbook* m_book = nullptr;
  lxw_format* m_header = nullptr;
  lxw_format* m_wrap = nullptr;
  lxw_format* m_percent = nullptr;
  std::map<Level, lxw_format*> m_levels;
};

lxw_row_t row_at(std::size_t i) { return static_cast<lxw_row_t>(i); }
lxw_col_t col_at(std::size_t i) { return static_cast<lxw_col_t>(i); }

void write_headers(lxw_worksheet* sheet, const std::vector<std::string>& names, lxw_format* format) {
  for (std::size_t c = 0; c < names.size(); ++c) worksheet_write_string(sheet, 0, col_at(c), names[c].c_str(), format);
  worksheet_freeze_panes(sheet, 1, 0);
}

void write_documents(Workbook& book, const std::vector<PortfolioRow>& documents, const std::vector<Assessment>& assessments) {
  lxw_worksheet* sheet = book.sheet("Documents");
  const std::vector<std::string> items = rated_items(documents);
  std::vector<std::string> names{"Assessment", "Document", "Kind", "Country", "Region", "Year"};
  const std::size_t first_item = names.size();
  names.insert(names.end(), items.begin(), items.end());
  write_headers(sheet, names, book.header());
  worksheet_freeze_panes(sheet, 1, 2);
  worksheet_set_column(sheet, 1, 1, 48, nullptr);
  worksheet_set_column(sheet, col_at(first_item), col_at(first_item + items.size()), 12, nullptr);
  for (std::size_t r = 0; r < documents.size(); ++r) {
    const PortfolioRow& d = documents[r];
    const lxw_row_t row = row_at(r + 1);
    worksheet_write_number(sheet, row, 0, static_cast<double>(d.assessment_id), nullptr);
    worksheet_write_string(sheet, row, 1, d.label.c_str(), nullptr);
    worksheet_write_string(sheet, row, 2, d.kind.c_str(), nullptr);
    worksheet_write_string(sheet, row, 3, d.country.c_str(), nullptr);
    worksheet_write_string(sheet, row, 4, d.region.c_str(), nullptr);
    if (d.year > 0) worksheet_write_number(sheet, row, 5, d.year, nullptr);
    const Assessment* assessment = r < assessments.size() ? &assessments[r] : nullptr;
    for (std::size_t c = 0; c < items.size(); ++c) {
      const std::optional<Level> level = d.level(items[c]);
      if (!level) continue;
      const lxw_col_t col = col_at(first_item + c);
      worksheet_write_string(sheet, row, col, std::string(label(*level)).c_str(), book.level(*level));
      if (assessment == nullptr) continue;
      for (const rules::ItemResult& item : assessment->items) {
        if (item.item_id == items[c] && item.review) {
          worksheet_write_comment(sheet, row, col, (reviewed(*item.review) + ": " + item.review->note).c_str());
        }
      }
    }
  }
  if (!documents.empty()) {
    worksheet_autofilter(sheet, 0, 0, row_at(documents.size()), col_at(names.size() - 1));
  }
}

void write_items(Workbook& book, const std::vector<GapRow>& items) {
  lxw_worksheet* sheet = book.sheet("Items");
  write_headers(sheet, {"Item", "Title", "Documents rated", "Below Meets", "Share below Meets", "Documents below Meets"},
                book.header());
  worksheet_set_column(sheet, 1, 1, 48, nullptr);
  worksheet_set_column(sheet, 5, 5, 80, book.wrap());
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
    worksheet_write_string(sheet, row, 0, g.item_id.c_str(), nullptr);
    worksheet_write_string(sheet, row, 1, g.title.c_str(), nullptr);
    worksheet_write_number(sheet, row, 2, static_cast<double>(g.applicable), nullptr);
    worksheet_write_number(sheet, row, 3, static_cast<double>(g.below_meets), nullptr);
    worksheet_write_number(sheet, row, 4, g.applicable == 0 ? 0 : static_cast<double>(g.below_meets) / static_cast<double>(g.applicable),
                           book.percent());
    worksheet_write_string(sheet, row, 5, documents.c_str(), book.wrap());
  }
}

void write_findings(Workbook& book, const std::vector<Assessment>& assessments) {
  lxw_worksheet* sheet = book.sheet("Findings");
  write_headers(sheet, {"Document", "Item", "Title", "Level", "Not found in the document", "What to add", "Reviewer override"},
                book.header());
  worksheet_set_column(sheet, 0, 0, 40, book.wrap());
  worksheet_set_column(sheet, 2, 2, 32, book.wrap());
  worksheet_set_column(sheet, 4, 6, 60, book.wrap());
  const std::vector<FindingRow> rows = finding_rows(assessments);
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const FindingRow& f = rows[r];
    const lxw_row_t row = row_at(r + 1);
    worksheet_write_string(sheet, row, 0, f.document.c_str(), book.wrap());
    worksheet_write_string(sheet, row, 1, f.item_id.c_str(), nullptr);
    worksheet_write_string(sheet, row, 2, f.title.c_str(), book.wrap());
    worksheet_write_string(sheet, row, 3, std::string(label(f.level)).c_str(), book.level(f.level));
    worksheet_write_string(sheet, row, 4, f.not_found.c_str(), book.wrap());
    worksheet_write_string(sheet, row, 5, f.what_to_add.c_str(), book.wrap());
    worksheet_write_string(sheet, row, 6, f.review.c_str(), book.wrap());
  }
  if (!rows.empty()) worksheet_autofilter(sheet, 0, 0, row_at(rows.size()), 6);
}

void write_about(Workbook& book, const std::vector<Assessment>& assessments) {
  lxw_worksheet* sheet = book.sheet("About");
  write_headers(sheet, {"Checklist", "Version", "Documents", "Provenance"}, book.header());
  worksheet_set_column(sheet, 0, 0, 48, book.wrap());
  worksheet_set_column(sheet, 3, 3, 90, book.wrap());
  std::vector<std::pair<ChecklistSummary, std::size_t>> checklists;
  for (const Assessment& a : assessments) {
    const auto it = std::find_if(checklists.begin(), checklists.end(), [&](const auto& c) { return c.first == a.checklist; });
    if (it == checklists.end()) checklists.emplace_back(a.checklist, 1);
    else ++it->second;
  }
  for (std::size_t r = 0; r < checklists.size(); ++r) {
    const auto& [c, count] = checklists[r];
    worksheet_write_string(sheet, row_at(r + 1), 0, c.title.c_str(), book.wrap());
    worksheet_write_string(sheet, row_at(r + 1), 1, c.version.c_str(), nullptr);
    worksheet_write_number(sheet, row_at(r + 1), 2, static_cast<double>(count), nullptr);
    worksheet_write_string(sheet, row_at(r + 1), 3, c.provenance.c_str(), book.wrap());
  }
  const lxw_row_t note = row_at(checklists.size() + 2);
  worksheet_write_string(sheet, note, 0,
                         "Levels are the engine's, or the reviewer's where a reviewer overrode them (a note on the cell "
                         "in Documents). Each document counts with its latest assessment.",
                         book.wrap());
}

// Runs `write` on a workbook beside `path`, then renames it into place: a failure never leaves
// half a workbook.
template <typename Write>
void write_atomically(const std::filesystem::path& path, Write write) {
  std::filesystem::path partial = path;
  partial += ".part";
  try {
    Workbook book(partial);
    write(book);
    book.close();
  } catch (...) {
    std::error_code ignored;
    std::filesystem::remove(partial, ignored);
    throw;
  }
  std::error_code error;
  std::filesystem::rename(partial, path, error);
  if (error) {
    std::filesystem::remove(partial, error);
    throw InputError({.file = path}, "cannot write the workbook: " + error.message());
  }
}

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

void write_form_xlsx(const std::vector<selfassess::FormRow>& rows, const checklist::Meta& checklist,
                     const std::filesystem::path& path) {
  write_atomically(path, [&](Workbook& book) {
    lxw_worksheet* sheet = book.sheet("Form");
    write_headers(sheet, {"item", "section", "title", "question", "evidence_from", "level", "justification", "source"},
                  book.header());
    worksheet_set_column(sheet, 1, 2, 28, book.wrap());
    worksheet_set_column(sheet, 3, 3, 60, book.wrap());
    worksheet_set_column(sheet, 4, 4, 16, nullptr);
    worksheet_set_column(sheet, 5, 5, 14, nullptr);
    worksheet_set_column(sheet, 6, 7, 45, book.wrap());
    for (std::size_t r = 0; r < rows.size(); ++r) {
      const selfassess::FormRow& f = rows[r];
      const lxw_row_t row = row_at(r + 1);
      worksheet_write_string(sheet, row, 0, f.item_id.c_str(), nullptr);
      worksheet_write_string(sheet, row, 1, f.section.c_str(), book.wrap());
      worksheet_write_string(sheet, row, 2, f.title.c_str(), book.wrap());
      worksheet_write_string(sheet, row, 3, f.question.c_str(), book.wrap());
      worksheet_write_string(sheet, row, 4, f.external ? "team records" : "the document", nullptr);
    }
    // The level column offers the four levels; an empty cell means "not rated".
    // libxlsxwriter takes the list as char**: writable copies of the labels.
    static char missing[] = "Missing", approaches[] = "Approaches", meets[] = "Meets", exceeds[] = "Exceeds";
    static char* k_levels_list[] = {missing, approaches, meets, exceeds, nullptr};
    static char title[] = "Level";
    static char message[] = "Missing, Approaches, Meets or Exceeds; leave empty to skip the item";
    lxw_data_validation validation{};
    validation.validate = LXW_VALIDATION_TYPE_LIST;
    validation.value_list = k_levels_list;
    validation.ignore_blank = LXW_VALIDATION_ON;
    validation.input_title = title;
    validation.input_message = message;
    if (!rows.empty()) worksheet_data_validation_range(sheet, 1, 5, row_at(rows.size()), 5, &validation);

    lxw_worksheet* about = book.sheet("About");
    worksheet_set_column(about, 0, 0, 110, book.wrap());
    const std::string lines[] = {
        "Self-assessment: " + checklist.title + " " + checklist.version,
        "Rate each item Missing, Approaches, Meets or Exceeds in the Form sheet, say why (justification) and where the "
        "evidence is (source): a page of the document or, for items that need team records, the record. Leave the level "
        "empty for an item the team does not rate. Keep the column names in the first row.",
        "Then: unct-assess score DOCUMENT --self this-file.xlsx, or unct-assess self-assess import ASSESSMENT this-file.xlsx.",
        checklist.provenance};
    for (std::size_t r = 0; r < std::size(lines); ++r) {
      worksheet_write_string(about, row_at(r), 0, lines[r].c_str(), r == 0 ? book.header() : book.wrap());
    }
  });
}

}  // namespace unct::report
