#include "engine/signals/mentions/mentions.hpp"

#include "engine/rules/evaluator.hpp"

namespace unct::signals {

rules::Outcome Mentions::evaluate(const rules::Evaluator& context, rules::Trace* trace) const {
  std::vector<rules::Hit> scratch;
  const auto& hits = context.filter(context.set_hits(term_set), part, false, scratch, polarity);
  return context.counted(
      hits, min_count, [&] { return "term of \"" + term_set + "\"" + (part ? " in part " + *part : ""); }, trace);
}

}  // namespace unct::signals
