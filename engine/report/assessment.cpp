#include "engine/report/assessment.hpp"

namespace unct::report {

std::optional<Format> parse_format(std::string_view name) {
  if (name == "text") return Format::text;
  if (name == "json") return Format::json;
  if (name == "md" || name == "markdown") return Format::markdown;
  if (name == "csv") return Format::csv;
  if (name == "html") return Format::html;
  return std::nullopt;
}

void render(const Assessment& assessment, Format format, std::ostream& out, const checklist::Checklist* checklist) {
  switch (format) {
    case Format::text: render_text(assessment, out); return;
    case Format::json: render_json(assessment, out); return;
    case Format::markdown: render_markdown(assessment, out); return;
    case Format::csv: render_csv(assessment, out); return;
    case Format::html: render_html(assessment, checklist, out); return;
  }
}

}  // namespace unct::report
