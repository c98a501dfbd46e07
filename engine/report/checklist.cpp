#include "engine/report/checklist.hpp"

#include "engine/checklist/describe.hpp"
#include "engine/report/layout.hpp"

namespace unct::report {
namespace {

std::string kinds(const checklist::Item& item) {
  std::string out;
  for (DocumentKind kind : item.applies_to) out += (out.empty() ? "" : ", ") + std::string(label(kind));
  return out;
}

void render_item(const checklist::Item& item, std::ostream& out) {
  out << item.id << "  " << item.title << '\n';
  std::string applies = "Applies to: " + kinds(item);
  if (item.from_year > 0) applies += ", dated " + std::to_string(item.from_year) + " or later";
  out << wrap(applies + ". Weight " + std::to_string(item.weight).substr(0, 3) + ". Provenance: " + item.provenance +
                  (item.provenance == "reconstructed" ? " (our wording, from the sources below; not the official text)" : ""),
              2);
  if (item.external) {
    out << wrap("Evidence: outside the document (the country team's records); rated not assessable from a document.", 2);
  }
  out << '\n' << wrap(item.question, 2);
  if (!item.guidance.empty()) out << '\n' << wrap(item.guidance, 2);
  for (const checklist::LevelRule& rule : item.levels) {
    out << '\n' << "  " << label(rule.level) << " when" << (rule.level > Level::approaches ? " (and the level below)" : "") << ":\n";
    for (const std::string& id : rule.criteria) {
      const checklist::Criterion* c = checklist::find_criterion(item, id);
      out << wrap("- " + c->text, 4);
      if (c->signal) out << wrap("tested by " + checklist::describe(*c->signal), 8);
    }
  }
  out << "\n  References:\n";
  for (const checklist::Reference& ref : item.references) out << wrap("- " + ref.text, 4);
  out << "\n  To reach Meets:\n" << wrap(item.gap, 4) << '\n';
}

}  // namespace

void render_checklist(const checklist::Checklist& checklist, const std::string& item_id, std::ostream& out) {
  if (!item_id.empty()) {
    render_item(*checklist::find_item(checklist, item_id), out);
    return;
  }
  out << checklist.meta.title << '\n'
      << checklist.meta.publisher << ", " << checklist.meta.issued << "; file version " << checklist.meta.version << "\n\n"
      << wrap("Note: " + checklist.meta.provenance, 0) << '\n';
  for (const checklist::Section& section : checklist.sections) {
    out << std::string(k_width, '=') << '\n' << section.title << " (" << section.items.size() << " items)\n"
        << std::string(k_width, '=') << "\n\n";
    for (const checklist::Item& item : section.items) render_item(item, out);
  }
}

}  // namespace unct::report
