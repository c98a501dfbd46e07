#include "engine/checklist/schema.hpp"

#include "engine/core/xml_schema.hpp"

namespace unct::checklist {

std::vector<Diagnostic> validate_against_schema(std::string_view xml, const std::filesystem::path& path) {
  return validate_xml(xml, path, checklist_schema(), "checklist.xsd");
}

}  // namespace unct::checklist
