#include "engine/report/assessment.hpp"

namespace unct::report {

std::optional<Format> parse_format(std::string_view name) {
  if (name == "text") return Format::text;
  if (name == "json") return Format::json;
  if (name == "md" || name == "markdown") return Format::markdown;
  if (name == "csv") return Format::csv;
  if (name == "html") return Format::html;
  if (name == "docx") return Format::docx;
  return std::nullopt;
}

void render(const Assessment& assessment, Format format, std::ostream& out, const RenderOptions& options) {
  switch (format) {
    case Format::text: render_text(assessment, out, options); return;
    case Format::json: render_json(assessment, out, options); return;
    case Format::markdown: render_markdown(assessment, out, options); return;
    case Format::csv: render_csv(assessment, out, options); return;
    case Format::html: render_html(assessment, out, options); return;
    case Format::docx: render_docx(assessment, out, options); return;
  }
}

}  // namespace unct::report
