#include "engine/signals/spread/spread.hpp"

#include "engine/rules/evaluator.hpp"

#include <algorithm>

namespace unct::signals {
namespace {

// How many leading headings every block sits under: 1 for a "# Title" above all the sections.
std::size_t shared_depth(const ingest::Document& document) {
  if (document.blocks.empty()) return 0;
  const std::vector<std::string>& first = document.blocks.front().section;
  std::size_t depth = first.size();
  for (const ingest::Block& block : document.blocks) {
    std::size_t same = 0;
    while (same < depth && same < block.section.size() && block.section[same] == first[same]) ++same;
    depth = same;
  }
  return depth;
}

}  // namespace

rules::Outcome Spread::evaluate(const rules::Evaluator& context, rules::Trace* trace) const {
  const ingest::Document& document = context.document();
  const std::size_t depth = shared_depth(document);
  std::vector<rules::Hit> scratch;
  const auto& hits = context.filter(context.set_hits(term_set), std::nullopt, false, scratch);
  std::vector<rules::Hit> first_of_each;  // the first hit under each top-level section
  std::vector<std::string> names;         // of those sections, in document order
  for (const rules::Hit& hit : hits) {
    const std::vector<std::string>& path = document.blocks[hit.block].section;
    if (path.size() <= depth || std::find(names.begin(), names.end(), path[depth]) != names.end()) continue;
    names.push_back(path[depth]);
    first_of_each.push_back(hit);
  }
  const bool holds = first_of_each.size() >= static_cast<std::size_t>(min_sections);
  if (trace != nullptr) {
    if (first_of_each.empty()) {
      trace->detail = "no term of \"" + term_set + "\" found in a section";
    } else {
      std::string list;
      for (const std::string& name : names) list += (list.empty() ? ": " : ", ") + name;
      trace->detail =
          rules::plural(first_of_each.size(), "section") + " (needs " + std::to_string(min_sections) + ")" + list;
    }
    std::vector<rules::Proof> shown;
    for (const rules::Hit& hit : first_of_each) shown.push_back({hit.block, {hit}});
    context.note_found(trace, shown);
  }
  return holds ? rules::Evaluator::holds_with(first_of_each) : rules::Outcome{};
}

}  // namespace unct::signals
