#pragma once

// `unct-assess checklist lint`: what a valid checklist can still get wrong. The loader rejects
// what cannot work (unknown sets, cycles, bad regexes); lint warns about what works but is
// probably a mistake: vocabulary nobody uses, terms that can never count, terms written twice,
// levels no document can reach, and items the test fixtures do not cover.

#include "engine/checklist/model.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace unct::checklist {

struct LintWarning {
  std::filesystem::path file;  // the checklist file or an item file; empty when about the fixtures
  int line = 0;                // in `file`; 0 when the warning is about the fixtures
  std::string subject;         // the term set, item or fixture directory concerned
  std::string message;
  bool operator==(const LintWarning&) const = default;
};

struct LintOptions {
  // Item fixtures: files named <ITEM>.<level>[.<note>].<ext> anywhere below this directory. When
  // given, every item a document can show needs one rated Meets or above and one rated below.
  std::optional<std::filesystem::path> fixtures;
};

// The warnings in file order, the checklist's own file first and then its item files in the
// order it includes them (fixture warnings last). An empty result means a clean checklist.
std::vector<LintWarning> lint(const Checklist& checklist, const LintOptions& options = {});

// "checklists/rdm-2021.xml:120: group-roma: ..." for a terminal or an editor; the checklist's file
// names a warning without a file of its own.
std::string to_string(const Checklist& checklist, const LintWarning& warning);

}  // namespace unct::checklist
