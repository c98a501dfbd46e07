#pragma once

// The self-assessment form a country team fills in: one row per item with its question and
// where its evidence comes from (the document or the team's records), and empty level,
// justification and source columns. `score --self` and `self-assess import` read the CSV and the
// XLSX back (read_table).

#include "engine/checklist/model.hpp"
#include "engine/selfassess/selfassess.hpp"

#include <filesystem>
#include <ostream>
#include <string_view>
#include <vector>

namespace unct::report {

// The form's fixed wording (headings, instructions, the level names offered, where evidence comes
// from) and the checklist's title and provenance are in `lang` ("en", "fr", "es"; English for
// another), the language the rows' titles and questions were taken in (selfassess::form_rows). The
// column names stay English in every language: read_self_ratings finds the columns by them.
// `filled` fills the level (named in `lang`), justification and source columns of the rows it
// rates: the team's stored ratings, downloaded to work on offline and import again.
void render_form_csv(const std::vector<selfassess::FormRow>& rows, std::string_view lang, std::ostream& out,
                     const std::vector<SelfRating>& filled = {});
void render_form_markdown(const std::vector<selfassess::FormRow>& rows, const checklist::Meta& checklist,
                          std::string_view lang, std::ostream& out);

// The form as a workbook: the sheet "Form", the columns of the CSV, a list of the four
// levels to pick from in the level column, and the sheet "About" with how to fill it in and the
// checklist's provenance. Written beside `path` and renamed into place. Throws InputError naming
// the file when it cannot be written.
void write_form_xlsx(const std::vector<selfassess::FormRow>& rows, const checklist::Meta& checklist,
                     std::string_view lang, const std::filesystem::path& path,
                     const std::vector<SelfRating>& filled = {});

}  // namespace unct::report
