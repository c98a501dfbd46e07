#pragma once

// The drafts of one document: the stored assessments grouped by the document they rate, for the
// page where a country team compares its drafts. Drafts are different files (their bytes, and so
// their SHA-256, differ), so what makes them one document is what they are about: the same kind
// of document for the same country and year ("the CCA of Valdoria 2025"). An assessment that
// names no country is grouped by its title (or file name) instead.

#include "engine/assess/portfolio.hpp"

#include <string>
#include <vector>

namespace unct::web {

struct DocumentDrafts {
  std::string key;                    // what groups them, e.g. "cca|valdoria|2025"
  std::string title;                  // of the newest draft (its file name when untitled)
  std::string kind;                   // "cca", "cf", "serp"
  std::string country;                // as the newest draft names it
  int year = 0;                       // 0 when unknown
  std::vector<AssessmentRow> drafts;  // newest first
  bool operator==(const DocumentDrafts&) const = default;
};

// The assessments (newest first, as AssessmentStore::history gives them) grouped by document,
// the document with the newest assessment first.
std::vector<DocumentDrafts> group_drafts(const std::vector<AssessmentRow>& rows);

}  // namespace unct::web
