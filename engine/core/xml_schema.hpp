#pragma once

// Validation of XML text against an XML Schema (libxml2), for the formats the engine reads: the
// checklist and the workshop packs. The schemas are compiled into the engine.

#include "engine/core/error.hpp"

#include <filesystem>
#include <string_view>
#include <vector>

namespace unct {

// Well-formedness and schema problems of `xml`, each at file:line:column; empty when the text
// is valid. `xsd_name` names the schema in the logic_error thrown when the schema itself does not
// compile (a defect of the program, never of the input).
std::vector<Diagnostic> validate_xml(std::string_view xml, const std::filesystem::path& path, std::string_view xsd,
                                     const std::filesystem::path& xsd_name);

}  // namespace unct
