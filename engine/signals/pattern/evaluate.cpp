#include "engine/signals/pattern/pattern.hpp"

#include "engine/rules/evaluator.hpp"

namespace unct::signals {

rules::Outcome Pattern::evaluate(const rules::Evaluator& context, rules::Trace* trace) const {
  std::vector<rules::Hit> scratch;
  const auto& hits =
      context.filter(context.index().regex_hits[context.compiled().regex_index.at(regex)], part, false, scratch);
  return context.counted(
      hits, min_count, [&] { return "match of /" + regex + "/"; }, trace);
}

}  // namespace unct::signals
