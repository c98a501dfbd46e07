#pragma once

#include "engine/assess/assessment.hpp"
#include "engine/checklist/model.hpp"

#include <optional>
#include <ostream>
#include <string_view>

namespace unct::report {

enum class Format { text, json, markdown, csv, html };

// "text", "json", "md" (or "markdown"), "csv", "html"; nullopt otherwise.
std::optional<Format> parse_format(std::string_view name);

// The assessment in that format (see text.hpp, json.hpp, markdown.hpp, html.hpp). `checklist`
// lets the HTML report show each item's question when it is the checklist the assessment used.
void render(const Assessment& assessment, Format format, std::ostream& out, const checklist::Checklist* checklist = nullptr);

}  // namespace unct::report
