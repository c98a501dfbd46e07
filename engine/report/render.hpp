#pragma once

#include "engine/assess/assessment.hpp"

#include <optional>
#include <ostream>
#include <string_view>

namespace unct::report {

enum class Format { text, json, markdown, csv };

// "text", "json", "md" (or "markdown"), "csv"; nullopt otherwise.
std::optional<Format> parse_format(std::string_view name);

// The assessment in that format (see text.hpp, json.hpp, markdown.hpp).
void render(const Assessment& assessment, Format format, std::ostream& out);

}  // namespace unct::report
