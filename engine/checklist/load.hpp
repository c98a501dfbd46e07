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

// Reads, validates against schemas/checklist.xsd, and checks the meaning of a checklist file and
// of the item files it includes (docs/checklist-format.md), each problem placed in its own file.
// Throws InputError with the first problem, saying how many more there are.
Checklist load_checklist(const std::filesystem::path& path);

// The same from text already in memory; `path` names it in messages, and its item files are read
// from disk relative to `path`'s folder (the current folder when `path` has none).
Checklist load_checklist_text(std::string_view xml, const std::filesystem::path& path);

// Every problem in the file and its item files, in the order they are found (an item file's
// grammar problems when its <include> is read); empty when the checklist is valid. Throws
// InputError only when the checklist file itself cannot be read at all.
std::vector<Diagnostic> check_checklist(const std::filesystem::path& path);

}  // namespace unct::checklist
