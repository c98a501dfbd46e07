#include "engine/report/assessment.hpp"

#include "engine/report/csv.hpp"
#include "engine/report/wording.hpp"

namespace unct::report {

void render_csv(const Assessment& a, std::ostream& out) {
  out << "item,title,section,applicable,level,level_label,criteria_met,criteria_unmet,quote,place,gap,engine_level,"
         "review_note\r\n";
  for (const rules::ItemResult& item : a.items) {
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
    out << csv_field(item.item_id) << ',' << csv_field(item.title) << ',' << csv_field(item.section_id) << ','
        << applicable << ',' << (item.applicable ? std::string(code(item.level)) : "") << ','
        << csv_field(item_level_text(item)) << ',' << csv_field(met) << ',' << csv_field(unmet) << ','
        << csv_field(quote != nullptr ? quote->quote : "") << ',' << csv_field(quote != nullptr ? place(*quote) : "")
        << ',' << csv_field(item.applicable && item.level < Level::meets ? item.gap : "") << ','
        << (item.review ? code(item.review->engine_level) : "") << ','
        << csv_field(item.review ? item.review->note : "") << "\r\n";
  }
}

}  // namespace unct::report
