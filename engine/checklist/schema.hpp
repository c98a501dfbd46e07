#pragma once

#include "engine/checklist/load.hpp"

#include <filesystem>
#include <string_view>
#include <vector>

namespace unct::checklist {

// The text of schemas/checklist.xsd, compiled into the engine so that validation never depends
// on where the program runs from.
std::string_view checklist_schema();

// Well-formedness and schema problems of the XML text, each at file:line:column; empty when the
// text is valid.
std::vector<Diagnostic> validate_against_schema(std::string_view xml, const std::filesystem::path& path);

}  // namespace unct::checklist
