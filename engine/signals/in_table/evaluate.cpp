#include "engine/signals/in_table/in_table.hpp"

#include "engine/rules/evaluator.hpp"

namespace unct::signals {

rules::Outcome InTable::evaluate(const rules::Evaluator& context, rules::Trace* trace) const {
  std::vector<rules::Hit> scratch;
  const auto& hits = context.filter(context.set_hits(term_set), part, true, scratch, polarity);
  return context.counted(
      hits, min_count,
      [&] { return "term of \"" + term_set + "\" in a table cell" + (part ? " of part " + *part : ""); }, trace);
}

}  // namespace unct::signals
