#include "engine/signals/registry.hpp"

#include <pugixml.hpp>

#include <type_traits>

namespace unct::signals {
namespace {

template <class... Kinds>
constexpr bool all_kinds(std::type_identity<std::variant<Kinds...>>) {
  return (Kind<Kinds> && ...);
}
static_assert(all_kinds(std::type_identity<Signal::variant>{}),
              "a registered signal kind lacks part of its contract (engine/signals/kind.hpp)");

template <class K>
bool is_element_of(std::string_view name) {
  if constexpr (requires { K::alias; }) {
    if (name == K::alias) return true;
  }
  return name == K::element;
}

// The first kind whose element is `name` reads `node`.
template <class... Kinds>
std::optional<Signal> read_kind(std::string_view name, const pugi::xml_node& node, ReadContext& context,
                                std::type_identity<std::variant<Kinds...>>) {
  std::optional<Signal> out;
  (void)((is_element_of<Kinds>(name) && (out.emplace(Kinds::read(node, context)), true)) || ...);
  return out;
}

}  // namespace

Signal read_signal(const pugi::xml_node& node, ReadContext& context) {
  const std::string_view name = node.name();
  if (name == k_use_element) return context.use(node);
  if (std::optional<Signal> signal = read_kind(name, node, context, std::type_identity<Signal::variant>{})) {
    return std::move(*signal);
  }
  context.problem(node, "unknown signal <" + std::string(name) + ">");
  return AllOf{};
}

std::vector<Signal> read_signals(const pugi::xml_node& parent, ReadContext& context) {
  std::vector<Signal> out;
  for (pugi::xml_node child : parent.children()) {
    if (child.type() == pugi::node_element) out.push_back(read_signal(child, context));
  }
  return out;
}

std::string describe(const Signal& signal) {
  return std::visit([](const auto& kind) { return kind.describe(); }, signal);
}

void collect(const Signal& signal, Needs& needs) {
  std::visit([&](const auto& kind) { kind.collect(needs); }, signal);
}

std::optional<std::string> never_holds(const Signal& signal, const LintContext& context) {
  return std::visit([&](const auto& kind) { return kind.never_holds(context); }, signal);
}

}  // namespace unct::signals
