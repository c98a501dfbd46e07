#include "engine/web/drafts.hpp"

#include "engine/core/ascii.hpp"

#include <map>

namespace unct::web {
namespace {

std::string document_key(const AssessmentRow& row) {
  if (!row.country.empty()) return row.kind + "|" + ascii_lower(row.country) + "|" + std::to_string(row.year);
  return row.kind + "||" + std::to_string(row.year) + "|" + ascii_lower(row.title.empty() ? row.path : row.title);
}

}  // namespace

std::vector<DocumentDrafts> group_drafts(const std::vector<AssessmentRow>& rows) {
  std::vector<DocumentDrafts> groups;
  std::map<std::string, std::size_t> index;
  for (const AssessmentRow& row : rows) {
    const std::string key = document_key(row);
    auto [at, added] = index.try_emplace(key, groups.size());
    if (added) {
      groups.push_back({.key = key,
                        .title = row.title.empty() ? row.path : row.title,
                        .kind = row.kind,
                        .country = row.country,
                        .year = row.year,
                        .drafts = {}});
    }
    groups[at->second].drafts.push_back(row);
  }
  return groups;
}

}  // namespace unct::web
