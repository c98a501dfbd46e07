#include "engine/report/form.hpp"

#include "engine/report/csv.hpp"
#include "engine/report/markdown.hpp"
#include "engine/report/messages.hpp"
#include "engine/report/xlsx.hpp"
#include "engine/report/xlsx_library.hpp"

#include <array>

namespace unct::report {
namespace {

std::string_view evidence_from(const selfassess::FormRow& row, const Messages& m) {
  return m[row.external ? Msg::from_team_records : Msg::from_the_document];
}

// A message whose first four arguments are the level names, Missing to Exceeds, in `m`'s language,
// so the instructions name the levels as the form offers them.
std::string with_levels(const Messages& m, Msg message, std::string_view more = {}) {
  return m(message,
           {m.level(Level::missing), m.level(Level::approaches), m.level(Level::meets), m.level(Level::exceeds), more});
}

}  // namespace

namespace {

const SelfRating* rating_of(const std::vector<SelfRating>& filled, const std::string& item_id) {
  for (const SelfRating& r : filled) {
    if (r.item_id == item_id) return &r;
  }
  return nullptr;
}

}  // namespace

void render_form_csv(const std::vector<selfassess::FormRow>& rows, std::string_view lang, std::ostream& out,
                     const std::vector<SelfRating>& filled) {
  const Messages& m = messages(lang);
  out << "item,section,title,question,evidence_from,level,justification,source\r\n";
  for (const selfassess::FormRow& row : rows) {
    out << csv_field(row.item_id) << ',' << csv_field(row.section) << ',' << csv_field(row.title) << ','
        << csv_field(row.question) << ',' << csv_field(evidence_from(row, m)) << ',';
    if (const SelfRating* r = rating_of(filled, row.item_id)) {
      out << csv_field(m.level(r->level)) << ',' << csv_field(r->justification) << ',' << csv_field(r->source);
    } else {
      out << ",,";
    }
    out << "\r\n";
  }
}

void render_form_markdown(const std::vector<selfassess::FormRow>& rows, const checklist::Meta& checklist,
                          std::string_view lang, std::ostream& out) {
  const Messages& m = messages(lang);
  out << "# " << escape_markdown(m(Msg::form_title, {checklist::title_in(checklist, m.lang()), checklist.version}))
      << "\n\n"
      << escape_markdown(with_levels(m, Msg::form_instructions)) << "\n\n"
      << "> " << escape_markdown(checklist::provenance_in(checklist, m.lang())) << "\n\n"
      << "| " << m[Msg::item] << " | " << m[Msg::question] << " | " << m[Msg::evidence_from] << " | " << m[Msg::level]
      << " | " << m[Msg::justification] << " | " << m[Msg::source_column] << " |\n"
      << "| --- | --- | --- | --- | --- | --- |\n";
  for (const selfassess::FormRow& row : rows) {
    out << "| " << escape_markdown(row.item_id) << " " << escape_markdown(row.title) << " | "
        << escape_markdown(row.question) << " | " << evidence_from(row, m) << " |  |  |  |\n";
  }
}

void write_form_xlsx(const std::vector<selfassess::FormRow>& rows, const checklist::Meta& checklist,
                     std::string_view lang, const std::filesystem::path& path, const std::vector<SelfRating>& filled) {
  const Messages& m = messages(lang);
  // What libxlsxwriter is handed as char* lives as long as the workbook: writable copies of the
  // level names (it takes the list as char**), the help text and the sheets' names.
  const std::string form_sheet(m[Msg::form_sheet]);
  const std::string about_sheet(m[Msg::about_sheet]);
  std::array<std::string, 4> names;
  std::array<char*, 5> list{};
  for (Level level : k_levels) {
    const auto i = static_cast<std::size_t>(level);
    names[i] = m.level(level);
    list[i] = names[i].data();
  }
  std::string title(m[Msg::level]);
  std::string message = with_levels(m, Msg::level_choice);
  write_atomically(path, [&](Workbook& book) {
    lxw_worksheet* sheet = book.sheet(form_sheet.c_str());
    write_headers(sheet, {"item", "section", "title", "question", "evidence_from", "level", "justification", "source"},
                  book.header());
    lxw().worksheet_set_column(sheet, 1, 2, 28, book.wrap());
    lxw().worksheet_set_column(sheet, 3, 3, 60, book.wrap());
    lxw().worksheet_set_column(sheet, 4, 4, 20, nullptr);
    lxw().worksheet_set_column(sheet, 5, 5, 14, nullptr);
    lxw().worksheet_set_column(sheet, 6, 7, 45, book.wrap());
    for (std::size_t r = 0; r < rows.size(); ++r) {
      const selfassess::FormRow& f = rows[r];
      const lxw_row_t row = row_at(r + 1);
      lxw().worksheet_write_string(sheet, row, 0, f.item_id.c_str(), nullptr);
      lxw().worksheet_write_string(sheet, row, 1, f.section.c_str(), book.wrap());
      lxw().worksheet_write_string(sheet, row, 2, f.title.c_str(), book.wrap());
      lxw().worksheet_write_string(sheet, row, 3, f.question.c_str(), book.wrap());
      lxw().worksheet_write_string(sheet, row, 4, std::string(evidence_from(f, m)).c_str(), nullptr);
      if (const SelfRating* rating = rating_of(filled, f.item_id)) {
        lxw().worksheet_write_string(sheet, row, 5, std::string(m.level(rating->level)).c_str(), nullptr);
        lxw().worksheet_write_string(sheet, row, 6, rating->justification.c_str(), book.wrap());
        lxw().worksheet_write_string(sheet, row, 7, rating->source.c_str(), book.wrap());
      }
    }
    // The level column offers the four levels in the form's language (read_self_ratings reads them
    // back in any of the three); an empty cell means "not rated".
    lxw_data_validation validation{};
    validation.validate = LXW_VALIDATION_TYPE_LIST;
    validation.value_list = list.data();
    validation.ignore_blank = LXW_VALIDATION_ON;
    validation.input_title = title.data();
    validation.input_message = message.data();
    if (!rows.empty()) lxw().worksheet_data_validation_range(sheet, 1, 5, row_at(rows.size()), 5, &validation);

    lxw_worksheet* about = book.sheet(about_sheet.c_str());
    lxw().worksheet_set_column(about, 0, 0, 110, book.wrap());
    const std::string lines[] = {m(Msg::form_title, {checklist::title_in(checklist, m.lang()), checklist.version}),
                                 with_levels(m, Msg::form_instructions_xlsx, form_sheet),
                                 std::string(m[Msg::form_then]), checklist::provenance_in(checklist, m.lang())};
    for (std::size_t r = 0; r < std::size(lines); ++r) {
      lxw().worksheet_write_string(about, row_at(r), 0, lines[r].c_str(), r == 0 ? book.header() : book.wrap());
    }
  });
}

}  // namespace unct::report
