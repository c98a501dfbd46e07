#include "engine/report/export.hpp"

#include "engine/report/csv.hpp"
#include "engine/report/wording.hpp"

#include <algorithm>

namespace unct::report {

std::vector<FindingRow> finding_rows(const std::vector<Assessment>& assessments) {
  std::vector<FindingRow> out;
  for (const Assessment& a : assessments) {
    const std::string document = a.document.title.empty() ? a.document.path : a.document.title + " (" + a.document.path + ")";
    for (const rules::ItemResult& item : a.items) {
      if (!item.applicable || item.level >= Level::meets) continue;
      FindingRow row{.document = document, .item_id = item.item_id, .title = item.title, .level = item.level,
                     .what_to_add = item.gap};
      for (const std::string& id : item.unmet) {
        for (const rules::CriterionResult& c : item.criteria) {
          if (c.id == id) row.not_found += (row.not_found.empty() ? "" : "; ") + c.text;
        }
      }
      if (item.review) row.review = reviewed(*item.review) + ": " + item.review->note;
      out.push_back(std::move(row));
    }
  }
  return out;
}

void render_matrix_csv(const std::vector<PortfolioRow>& documents, std::ostream& out) {
  const std::vector<std::string> items = rated_items(documents);
  out << "assessment,document,kind,country,region,year";
  for (const std::string& id : items) out << ',' << csv_field(id);
  out << "\r\n";
  for (const PortfolioRow& d : documents) {
    out << d.assessment_id << ',' << csv_field(d.label) << ',' << d.kind << ',' << csv_field(d.country) << ','
        << csv_field(d.region) << ',' << (d.year > 0 ? std::to_string(d.year) : "");
    for (const std::string& id : items) {
      const std::optional<Level> level = d.level(id);
      out << ',' << (level ? std::string(code(*level)) : "");
    }
    out << "\r\n";
  }
}

void render_findings_csv(const std::vector<Assessment>& assessments, std::ostream& out) {
  out << "document,item,title,level,not_found,what_to_add,review\r\n";
  for (const FindingRow& f : finding_rows(assessments)) {
    out << csv_field(f.document) << ',' << csv_field(f.item_id) << ',' << csv_field(f.title) << ',' << code(f.level) << ','
        << csv_field(f.not_found) << ',' << csv_field(f.what_to_add) << ',' << csv_field(f.review) << "\r\n";
  }
}

}  // namespace unct::report
