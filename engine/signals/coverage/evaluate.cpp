#include "engine/signals/coverage/coverage.hpp"

#include "engine/rules/evaluator.hpp"

#include <algorithm>
#include <set>

namespace unct::signals {

rules::Outcome Coverage::evaluate(const rules::Evaluator& context, rules::Trace* trace) const {
  const rules::CompiledChecklist& compiled = context.compiled();
  const rules::SetIndex set = compiled.index_of(term_set);
  std::vector<rules::Hit> first_of_each;  // the first hit of each distinct term or included set
  std::vector<std::string> names;         // for the trace
  std::vector<rules::Hit> scratch;
  if (by == CoverageUnit::term) {
    std::set<std::uint32_t> seen;
    const std::size_t enough = std::max<std::size_t>(static_cast<std::size_t>(min_distinct), rules::k_max_proofs);
    for (const rules::Hit& hit : context.filter(context.index().hits[set], part, false, scratch, polarity)) {
      if (seen.insert(hit.pattern).second) {
        first_of_each.push_back(hit);
        if (trace != nullptr)
          names.emplace_back(compiled.matcher.pattern(hit.pattern));
        else if (first_of_each.size() == enough)
          break;  // holds, and its quotes are all taken
      }
    }
  } else {
    for (rules::SetIndex included : compiled.includes[set]) {
      const auto& hits = context.filter(context.index().hits[included], part, false, scratch, polarity);
      if (!hits.empty()) {
        first_of_each.push_back(hits.front());
        if (trace != nullptr) names.push_back(compiled.set_ids[included]);
      }
    }
  }
  const bool holds = first_of_each.size() >= static_cast<std::size_t>(min_distinct);
  if (trace != nullptr) {
    std::string list;
    for (const std::string& name : names) list += (list.empty() ? ": " : ", ") + name;
    trace->detail =
        std::to_string(first_of_each.size()) + " distinct (needs " + std::to_string(min_distinct) + ")" + list;
    std::vector<rules::Proof> shown;
    for (const rules::Hit& hit : first_of_each) shown.push_back({hit.block, {hit}});
    context.note_found(trace, shown);
  }
  return holds ? rules::Evaluator::holds_with(first_of_each) : rules::Outcome{};
}

}  // namespace unct::signals
