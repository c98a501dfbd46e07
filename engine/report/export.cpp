#include "engine/report/export.hpp"

#include "engine/report/csv.hpp"

#include <algorithm>

namespace unct::report {

void render_matrix_csv(const std::vector<store::PortfolioRow>& documents, std::ostream& out) {
  std::vector<std::string> items;
  for (const store::PortfolioRow& d : documents) {
    for (const auto& [id, level] : d.levels) {
      if (level && std::find(items.begin(), items.end(), id) == items.end()) items.push_back(id);
    }
  }
  out << "assessment,document,kind,country,year";
  for (const std::string& id : items) out << ',' << csv_field(id);
  out << "\r\n";
  for (const store::PortfolioRow& d : documents) {
    out << d.assessment_id << ',' << csv_field(d.label) << ',' << d.kind << ',' << csv_field(d.country) << ','
        << (d.year > 0 ? std::to_string(d.year) : "");
    for (const std::string& id : items) {
      const auto it = std::find_if(d.levels.begin(), d.levels.end(), [&](const auto& l) { return l.first == id; });
      out << ',' << (it != d.levels.end() && it->second ? std::string(code(*it->second)) : "");
    }
    out << "\r\n";
  }
}

void render_findings_csv(const std::vector<Assessment>& assessments, std::ostream& out) {
  out << "document,item,title,level,not_found,what_to_add\r\n";
  for (const Assessment& a : assessments) {
    const std::string document = a.document.title.empty() ? a.document.path : a.document.title + " (" + a.document.path + ")";
    for (const rules::ItemResult& item : a.items) {
      if (!item.applicable || item.level >= Level::meets) continue;
      std::string missing;
      for (const std::string& id : item.unmet) {
        for (const rules::CriterionResult& c : item.criteria) {
          if (c.id == id) missing += (missing.empty() ? "" : "; ") + c.text;
        }
      }
      out << csv_field(document) << ',' << csv_field(item.item_id) << ',' << csv_field(item.title) << ','
          << code(item.level) << ',' << csv_field(missing) << ',' << csv_field(item.gap) << "\r\n";
    }
  }
}

}  // namespace unct::report
