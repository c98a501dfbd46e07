#include "engine/report/localise.hpp"

namespace unct::report {
namespace {

// Why an item does not apply, in the report's language: the engine stores the English sentence,
// and the checklist says the same in facts (the kinds it is for, the year it starts).
std::string reason(const checklist::Item& item, const Assessment& a, const Messages& m, const std::string& stored) {
  if (item.external) return std::string(m[Msg::not_assessable_items]);
  if (!checklist::applies_to(item, a.document.kind)) {
    std::string kinds;
    for (DocumentKind kind : item.applies_to) kinds += (kinds.empty() ? "" : ", ") + std::string(m.kind(kind));
    return m(Msg::applies_to_kinds, {kinds});
  }
  if (item.from_year > 0 && a.document.year > 0 && a.document.year < item.from_year) {
    return m(Msg::applies_from, {std::to_string(item.from_year), std::to_string(a.document.year)});
  }
  return stored;  // a reason the checklist does not state (the engine's own words)
}

}  // namespace

Localised localise(const Assessment& assessment, const checklist::Checklist* checklist, std::string_view asked) {
  Localised out{assessment, &messages(report_language(asked, assessment.document.language)), checklist};
  if (checklist != nullptr && checklist->sha256 != assessment.checklist.sha256) out.checklist = nullptr;
  if (out.checklist == nullptr || out.m->lang() == "en") return out;
  const std::string_view lang = out.m->lang();
  out.assessment.checklist.title = checklist::title_in(out.checklist->meta, lang);
  out.assessment.checklist.provenance = checklist::provenance_in(out.checklist->meta, lang);
  for (SectionScore& score : out.assessment.sections) {
    for (const checklist::Section& section : out.checklist->sections) {
      if (section.id == score.id) score.title = checklist::title_in(section, lang);
    }
  }
  for (rules::ItemResult& item : out.assessment.items) {
    const checklist::Item* source = checklist::find_item(*out.checklist, item.item_id);
    if (source != nullptr && !item.applicable)
      item.not_applicable_reason = reason(*source, out.assessment, *out.m, item.not_applicable_reason);
    const checklist::Translation* t = source == nullptr ? nullptr : checklist::find_translation(*source, out.m->lang());
    if (t == nullptr) continue;
    item.title = t->title;
    if (!item.gap.empty() && !t->gap.empty()) item.gap = t->gap;
    for (rules::CriterionResult& c : item.criteria) {
      if (const checklist::Criterion* criterion = checklist::find_criterion(*source, c.id)) {
        c.text = checklist::criterion_text_in(*source, *criterion, out.m->lang());
      }
    }
  }
  return out;
}

}  // namespace unct::report
