#pragma once

#include "engine/checklist/model.hpp"
#include "engine/core/error.hpp"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace unct::checklist {

// A problem in a checklist file, at file:line:column (and item id where there is one).
using unct::Diagnostic;

// Reads, validates against schemas/checklist.xsd, and checks the meaning of a checklist file.
// Throws InputError with the first problem, saying how many more there are.
Checklist load_checklist(const std::filesystem::path& path);

// The same from text already in memory; `path` only names it in messages.
Checklist load_checklist_text(std::string_view xml, const std::filesystem::path& path);

// Every problem in the file, in file order; empty when the checklist is valid. Throws
// InputError only when the file cannot be read at all.
std::vector<Diagnostic> check_checklist(const std::filesystem::path& path);

}  // namespace unct::checklist
