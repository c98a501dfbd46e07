#include "engine/signals/combine/combine.hpp"

#include "engine/rules/evaluator.hpp"

#include <algorithm>

namespace unct::signals {
namespace {

// Evaluates each signal, and holds when `rule` accepts how many held out of how many; the
// evidence is that of the signals that held. A combination's trace is headed by `head` alone:
// its parts' traces, its children, say the rest.
template <class Rule>
rules::Outcome combine(const rules::Evaluator& context, const std::vector<Signal>& signals, rules::Trace* trace,
                       const std::string& head, Rule rule) {
  std::vector<rules::Outcome> parts;
  parts.reserve(signals.size());
  for (const Signal& signal : signals) {
    rules::Trace* child = nullptr;
    if (trace != nullptr) child = &trace->children.emplace_back();
    parts.push_back(context.evaluate(signal, child));
  }
  const std::size_t held = static_cast<std::size_t>(
      std::count_if(parts.begin(), parts.end(), [](const rules::Outcome& o) { return o.holds; }));
  rules::Outcome out{.holds = rule(held, parts.size())};
  if (trace != nullptr) {
    trace->signal = head;
    trace->detail = std::to_string(held) + " of " + std::to_string(parts.size()) + " hold";
  }
  if (!out.holds) return out;
  for (rules::Outcome& part : parts) {
    if (part.holds) out.evidence.insert(out.evidence.end(), part.evidence.begin(), part.evidence.end());
  }
  return out;
}

}  // namespace

rules::Outcome AllOf::evaluate(const rules::Evaluator& context, rules::Trace* trace) const {
  return combine(context, signals, trace, "all of", [](std::size_t held, std::size_t n) { return held == n; });
}

rules::Outcome AnyOf::evaluate(const rules::Evaluator& context, rules::Trace* trace) const {
  return combine(context, signals, trace, "any of", [](std::size_t held, std::size_t) { return held > 0; });
}

rules::Outcome Not::evaluate(const rules::Evaluator& context, rules::Trace* trace) const {
  // What must be absent is looked for everywhere: reading less would only make absence easier
  // to claim.
  const rules::Evaluator everywhere(context.compiled(), context.document(), context.index(), rules::Reach::all);
  const rules::Outcome inner =
      combine(everywhere, signal, trace, "not", [](std::size_t held, std::size_t) { return held > 0; });
  return rules::Outcome{.holds = !inner.holds};
}

rules::Outcome AtLeast::evaluate(const rules::Evaluator& context, rules::Trace* trace) const {
  const auto k = static_cast<std::size_t>(count);
  return combine(context, signals, trace, "at least " + std::to_string(count) + " of",
                 [k](std::size_t held, std::size_t) { return held >= k; });
}

}  // namespace unct::signals
