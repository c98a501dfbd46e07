#include "engine/report/assessment.hpp"

#include "engine/report/csv.hpp"
#include "engine/report/localise.hpp"
#include "engine/report/summary.hpp"
#include "engine/report/wording.hpp"

namespace unct::report {

void render_csv(const Assessment& assessment, std::ostream& out, const RenderOptions& options) {
  const Localised l = localise(assessment, options.checklist, options.lang);
  const Messages& m = *l.m;
  const Summary s = summarise(l.assessment);
  out << "priority,item,title,section,applicable,level,level_label,criteria_met,criteria_unmet,quote,place,gap,"
         "engine_level,review_note\r\n";
  std::vector<const rules::ItemResult*> rows = s.priorities;
  for (const auto* part : {&s.meeting, &s.self_reported, &s.not_assessable, &s.not_applicable}) {
    rows.insert(rows.end(), part->begin(), part->end());
  }
  for (std::size_t row = 0; row < rows.size(); ++row) {
    const rules::ItemResult& item = *rows[row];
    std::string met;
    std::string unmet;
    const rules::Evidence* quote = nullptr;
    for (const rules::CriterionResult& c : item.criteria) {
      if (c.met) {
        met += (met.empty() ? "" : " ") + c.id;
        if (quote == nullptr && !c.evidence.empty()) quote = &c.evidence.front();
      }
    }
    for (const std::string& id : item.unmet) unmet += (unmet.empty() ? "" : " ") + id;
    const std::string applicable = item.external ? "not assessable" : item.applicable ? "yes" : "no";
    out << (row < s.priorities.size() ? std::to_string(row + 1) : "") << ',' << csv_field(item.item_id) << ','
        << csv_field(item.title) << ',' << csv_field(item.section_id) << ',' << applicable << ','
        << (item.applicable ? std::string(code(item.level)) : "") << ',' << csv_field(item_level_text(item, m)) << ','
        << csv_field(met) << ',' << csv_field(unmet) << ',' << csv_field(quote != nullptr ? quote->quote : "") << ','
        << csv_field(quote != nullptr ? place(*quote, m) : "") << ','
        << csv_field(item.applicable && item.level < Level::meets ? item.gap : "") << ','
        << (item.review ? code(item.review->engine_level) : "") << ','
        << csv_field(item.review ? item.review->note : "") << "\r\n";
  }
}

}  // namespace unct::report
