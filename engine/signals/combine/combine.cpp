#include "engine/signals/combine/combine.hpp"

#include "engine/signals/registry.hpp"

#include <pugixml.hpp>

namespace unct::signals {
namespace {

std::string list(const std::vector<Signal>& signals) {
  std::string out;
  for (const Signal& signal : signals) out += (out.empty() ? "" : "; ") + signals::describe(signal);
  return out;
}

void collect_all(const std::vector<Signal>& signals, Needs& needs) {
  for (const Signal& signal : signals) signals::collect(signal, needs);
}

}  // namespace

AllOf AllOf::read(const pugi::xml_node& node, ReadContext& context) { return AllOf{read_signals(node, context)}; }
AnyOf AnyOf::read(const pugi::xml_node& node, ReadContext& context) { return AnyOf{read_signals(node, context)}; }
Not Not::read(const pugi::xml_node& node, ReadContext& context) { return Not{read_signals(node, context)}; }

AtLeast AtLeast::read(const pugi::xml_node& node, ReadContext& context) {
  AtLeast s{.count = node.attribute("count").as_int(1), .signals = read_signals(node, context)};
  if (static_cast<std::size_t>(s.count) > s.signals.size()) {
    context.problem(node, "at-least " + std::to_string(s.count) + " of " + std::to_string(s.signals.size()) +
                              " signals can never hold");
  }
  return s;
}

std::string AllOf::describe() const { return "all of: " + list(signals); }
std::string AnyOf::describe() const { return "any of: " + list(signals); }
std::string Not::describe() const { return "not: " + list(signal); }
std::string AtLeast::describe() const { return "at least " + std::to_string(count) + " of: " + list(signals); }

void AllOf::collect(Needs& needs) const { collect_all(signals, needs); }
void AnyOf::collect(Needs& needs) const { collect_all(signals, needs); }
void Not::collect(Needs& needs) const { collect_all(signal, needs); }
void AtLeast::collect(Needs& needs) const { collect_all(signals, needs); }

std::optional<std::string> AllOf::never_holds(const LintContext& context) const {
  for (const Signal& x : signals) {
    if (auto why = signals::never_holds(x, context)) return why;
  }
  return std::nullopt;
}

std::optional<std::string> AnyOf::never_holds(const LintContext& context) const {
  std::optional<std::string> last;
  for (const Signal& x : signals) {
    last = signals::never_holds(x, context);
    if (!last) return std::nullopt;
  }
  return last;
}

// A signal that can never hold makes its negation always hold: no mistake to report. (A level
// that needs a signal and its negation at once is lint's `contradictions`.)
std::optional<std::string> Not::never_holds(const LintContext&) const { return std::nullopt; }

std::optional<std::string> AtLeast::never_holds(const LintContext& context) const {
  int possible = 0;
  std::optional<std::string> last;
  for (const Signal& x : signals) {
    if (auto why = signals::never_holds(x, context))
      last = why;
    else
      ++possible;
  }
  if (possible >= count) return std::nullopt;
  return last;
}

}  // namespace unct::signals
