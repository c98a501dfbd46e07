#include "bench/baseline.hpp"

#include <algorithm>
#include <map>
#include <string_view>

namespace unct::bench {
namespace {

// A trie of patterns by UTF-8 code point (a regex must not split one); "*" is the wildcard.
struct Node {
  std::map<std::string, std::size_t> next;  // code point -> node index
  bool end = false;                         // a pattern ends here
};

bool is_continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

std::string escaped(const std::string& unit) {
  // The meta characters that Rust's regex, PCRE2, Python's re and ECMAScript all accept escaped.
  static constexpr std::string_view meta = "\\.+*?()|[]{}^$#&-~";
  return unit.size() == 1 && meta.find(unit[0]) != std::string_view::npos ? "\\" + unit : unit;
}

std::string alternation(const std::vector<Node>& nodes, std::size_t n, const RegexDialect& dialect) {
  std::vector<std::string> alternatives;
  for (const auto& [unit, child] : nodes[n].next) {
    if (unit != "*") alternatives.push_back(escaped(unit) + alternation(nodes, child, dialect));
  }
  if (const auto star = nodes[n].next.find("*"); star != nodes[n].next.end()) {
    alternatives.push_back(dialect.word + "*" + alternation(nodes, star->second, dialect));
  }
  if (alternatives.empty()) return {};
  std::string out;
  for (const std::string& alternative : alternatives) out += (out.empty() ? "" : "|") + alternative;
  // Greedy '?': the longer pattern is tried before the one that ends here.
  if (alternatives.size() > 1 || nodes[n].end) out = "(?:" + out + ")";
  if (nodes[n].end) out += "?";
  return out;
}

}  // namespace

std::string trie_regex(const std::vector<std::string>& patterns, const RegexDialect& dialect) {
  std::vector<Node> nodes(1);
  for (const std::string& pattern : patterns) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < pattern.size();) {
      std::size_t next = i + 1;
      while (next < pattern.size() && is_continuation_byte(pattern[next])) ++next;
      const auto [it, added] = nodes[n].next.try_emplace(pattern.substr(i, next - i), nodes.size());
      if (added) nodes.emplace_back();  // invalidates references into `nodes`, not `it`
      n = it->second;
      i = next;
    }
    nodes[n].end = true;
  }
  // The boundaries stand outside the alternation (grouped when it has several branches): that
  // is the same regex as one per pattern, and small enough for PCRE2's limit on a compiled one.
  return dialect.before + alternation(nodes, 0, dialect) + dialect.after;
}

std::size_t leftmost_longest_count(std::span<const text::TermMatch> hits) {
  std::vector<text::TermMatch> sorted(hits.begin(), hits.end());
  std::sort(sorted.begin(), sorted.end(), [](const text::TermMatch& a, const text::TermMatch& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
  });
  std::size_t count = 0;
  std::uint32_t reach = 0;  // where the last counted match ends
  for (const text::TermMatch& hit : sorted) {
    if (hit.begin < reach) continue;  // overlaps the last counted match
    ++count;
    reach = hit.end;
  }
  return count;
}

}  // namespace unct::bench
