#include "bench/naive.hpp"

#include <algorithm>

namespace unct::bench {

void naive_scan(const std::vector<std::string>& patterns, std::string_view text, std::vector<text::TermMatch>& out) {
  const std::size_t first = out.size();
  for (std::uint32_t p = 0; p < patterns.size(); ++p) {
    const std::string_view pattern = patterns[p];
    const std::string_view key = pattern.substr(0, pattern.find('*'));
    for (std::size_t at = text.find(key); at != std::string_view::npos; at = text.find(key, at + 1)) {
      std::size_t end = 0;
      if (text::match_at(pattern, text, at, end)) {
        out.push_back({p, static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(end)});
      }
    }
  }
  std::sort(
      out.begin() + static_cast<std::ptrdiff_t>(first), out.end(),
      [](const text::TermMatch& a, const text::TermMatch& b) {
        return a.end != b.end ? a.end < b.end : a.pattern != b.pattern ? a.pattern < b.pattern : a.begin < b.begin;
      });
}

}  // namespace unct::bench
