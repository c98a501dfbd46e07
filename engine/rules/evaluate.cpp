#include "engine/rules/evaluate.hpp"

#include "engine/text/sentences.hpp"

#include <algorithm>
#include <set>

namespace unct::rules {
namespace {

template <class... Ts>
struct Overloaded : Ts... {
  using Ts::operator()...;
};
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

// The hits restricted to `part`. Without a part this is `hits` itself, not a copy: most signals
// have no part, and a set's hit list can be long. With a part the result lives in `scratch`.
const std::vector<Hit>& hits_in_part(const std::vector<Hit>& hits, const std::optional<std::string>& part,
                                     const DocumentIndex& index, std::vector<Hit>& scratch) {
  if (!part) return hits;
  scratch.clear();
  std::copy_if(hits.begin(), hits.end(), std::back_inserter(scratch),
               [&](const Hit& h) { return index.blocks[h.block].part == *part; });
  return scratch;
}

Outcome holds_with(const std::vector<Hit>& hits) {
  Outcome out{.holds = true};
  for (const Hit& hit : hits) out.evidence.push_back({hit.block, {hit}});
  return out;
}

Outcome evaluate_mentions(const checklist::Mentions& s, const CompiledChecklist& compiled, const DocumentIndex& index) {
  std::vector<Hit> scratch;
  const std::vector<Hit>& hits = hits_in_part(index.hits[compiled.index_of(s.term_set)], s.part, index, scratch);
  if (hits.size() < static_cast<std::size_t>(s.min_count)) return {};
  return holds_with(hits);
}

Outcome evaluate_coverage(const checklist::Coverage& s, const CompiledChecklist& compiled, const DocumentIndex& index) {
  const SetIndex set = compiled.index_of(s.term_set);
  std::vector<Hit> first_of_each;  // the first hit of each distinct term or included set
  std::vector<Hit> scratch;
  if (s.by == checklist::CoverageUnit::term) {
    std::set<std::uint32_t> seen;
    for (const Hit& hit : hits_in_part(index.hits[set], s.part, index, scratch)) {
      if (seen.insert(hit.pattern).second) first_of_each.push_back(hit);
    }
  } else {
    for (SetIndex included : compiled.includes[set]) {
      const std::vector<Hit>& hits = hits_in_part(index.hits[included], s.part, index, scratch);
      if (!hits.empty()) first_of_each.push_back(hits.front());
    }
  }
  if (first_of_each.size() < static_cast<std::size_t>(s.min_distinct)) return {};
  return holds_with(first_of_each);
}

Outcome evaluate_near(const checklist::Near& s, const CompiledChecklist& compiled, const DocumentIndex& index) {
  std::vector<Hit> scratch_a;
  std::vector<Hit> scratch_b;
  const std::vector<Hit>& a = hits_in_part(index.hits[compiled.index_of(s.term_set_a)], s.part, index, scratch_a);
  const std::vector<Hit>& b = hits_in_part(index.hits[compiled.index_of(s.term_set_b)], s.part, index, scratch_b);
  Outcome out;
  std::set<std::pair<std::uint32_t, std::size_t>> used;  // one proof per sentence (or block)
  auto j_begin = b.begin();
  for (const Hit& x : a) {
    while (j_begin != b.end() && j_begin->block < x.block) ++j_begin;
    const auto& sentences = index.blocks[x.block].sentences;
    const std::size_t x_sentence = text::sentence_of(sentences, x.begin);
    for (auto j = j_begin; j != b.end() && j->block == x.block; ++j) {
      if (j->begin < x.end && x.begin < j->end) continue;  // the same words cannot be both
      if (s.within == checklist::Scope::sentence && text::sentence_of(sentences, j->begin) != x_sentence) continue;
      const std::size_t unit = s.within == checklist::Scope::sentence ? x_sentence : 0;
      if (used.insert({x.block, unit}).second) {
        out.evidence.push_back({x.block, x.begin < j->begin ? std::vector<Hit>{x, *j} : std::vector<Hit>{*j, x}});
      }
      break;
    }
  }
  out.holds = !out.evidence.empty();
  return out;
}

Outcome combine(const std::vector<Outcome>& parts, bool holds) {
  Outcome out{.holds = holds};
  if (!holds) return out;
  for (const Outcome& part : parts) {
    if (part.holds) out.evidence.insert(out.evidence.end(), part.evidence.begin(), part.evidence.end());
  }
  return out;
}

std::vector<Outcome> evaluate_all(const std::vector<checklist::Signal>& signals, const CompiledChecklist& compiled,
                                  const DocumentIndex& index) {
  std::vector<Outcome> out;
  out.reserve(signals.size());
  for (const checklist::Signal& signal : signals) out.push_back(evaluate(signal, compiled, index));
  return out;
}

std::size_t count_holding(const std::vector<Outcome>& outcomes) {
  return static_cast<std::size_t>(std::count_if(outcomes.begin(), outcomes.end(), [](const Outcome& o) { return o.holds; }));
}

}  // namespace

Outcome evaluate(const checklist::Signal& signal, const CompiledChecklist& compiled, const DocumentIndex& index) {
  return std::visit(
      Overloaded{
          [&](const checklist::Mentions& s) { return evaluate_mentions(s, compiled, index); },
          [&](const checklist::Coverage& s) { return evaluate_coverage(s, compiled, index); },
          [&](const checklist::Near& s) { return evaluate_near(s, compiled, index); },
          [&](const checklist::AllOf& s) {
            const auto parts = evaluate_all(s.signals, compiled, index);
            return combine(parts, count_holding(parts) == parts.size());
          },
          [&](const checklist::AnyOf& s) {
            const auto parts = evaluate_all(s.signals, compiled, index);
            return combine(parts, count_holding(parts) > 0);
          },
          [&](const checklist::Not& s) {
            const auto parts = evaluate_all(s.signal, compiled, index);
            return Outcome{.holds = count_holding(parts) == 0};
          },
          [&](const checklist::AtLeast& s) {
            const auto parts = evaluate_all(s.signals, compiled, index);
            return combine(parts, count_holding(parts) >= static_cast<std::size_t>(s.count));
          },
      },
      signal);
}

}  // namespace unct::rules
