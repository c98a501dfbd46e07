#include "engine/report/form.hpp"

#include "engine/report/csv.hpp"
#include "engine/report/markdown.hpp"
#include "engine/report/xlsx.hpp"

#include <xlsxwriter.h>

namespace unct::report {
namespace {

std::string evidence_from(const selfassess::FormRow& row) { return row.external ? "team records" : "the document"; }

}  // namespace

void render_form_csv(const std::vector<selfassess::FormRow>& rows, std::ostream& out) {
  out << "item,section,title,question,evidence_from,level,justification,source\r\n";
  for (const selfassess::FormRow& row : rows) {
    out << csv_field(row.item_id) << ',' << csv_field(row.section) << ',' << csv_field(row.title) << ','
        << csv_field(row.question) << ',' << evidence_from(row) << ",,,\r\n";
  }
}

void render_form_markdown(const std::vector<selfassess::FormRow>& rows, const checklist::Meta& checklist,
                          std::ostream& out) {
  out << "# Self-assessment: " << escape_markdown(checklist.title) << " " << escape_markdown(checklist.version)
      << "\n\n"
      << "Rate each item Missing, Approaches, Meets or Exceeds, say why, and say where the evidence is: a page "
         "of the document or, for items that need team records, the record. Leave the level empty for an item "
         "the team does not rate.\n\n"
      << "> " << escape_markdown(checklist.provenance) << "\n\n"
      << "| Item | Question | Evidence from | Level | Justification | Source |\n"
      << "| --- | --- | --- | --- | --- | --- |\n";
  for (const selfassess::FormRow& row : rows) {
    out << "| " << escape_markdown(row.item_id) << " " << escape_markdown(row.title) << " | "
        << escape_markdown(row.question) << " | " << evidence_from(row) << " |  |  |  |\n";
  }
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
        "evidence is (source): a page of the document or, for items that need team records, the record. Leave the "
        "level "
        "empty for an item the team does not rate. Keep the column names in the first row.",
        "Then: unct-assess score DOCUMENT --self this-file.xlsx, or unct-assess self-assess import ASSESSMENT "
        "this-file.xlsx.",
        checklist.provenance};
    for (std::size_t r = 0; r < std::size(lines); ++r) {
      worksheet_write_string(about, row_at(r), 0, lines[r].c_str(), r == 0 ? book.header() : book.wrap());
    }
  });
}

}  // namespace unct::report
