#pragma once

// What every Markdown renderer (assessment, form, workshop) shares.

#include <string>
#include <string_view>

namespace unct::report {

// Characters that Markdown would read as inline markup or a table cell border, escaped; line
// breaks become spaces. Every text the renderers write sits inside a line they have started
// ("| ", "- ", "> ", "# "), so characters that only matter at the start of a line need nothing.
std::string escape_markdown(std::string_view text);

}  // namespace unct::report
