#include "engine/signals/near/near.hpp"

#include "engine/rules/evaluator.hpp"
#include "engine/text/sentences.hpp"
#include "engine/text/unicode.hpp"

#include <algorithm>
#include <tuple>
#include <vector>

namespace unct::signals {
namespace {

using Unit = std::pair<std::int64_t, std::int64_t>;  // a sentence, block or row, as counted

// Whether at most `limit` words stand between two hits of one block.
bool within_words(const rules::DocumentIndex& index, const rules::Hit& x, const rules::Hit& y, std::size_t limit) {
  const rules::Hit& first = x.begin < y.begin ? x : y;
  const rules::Hit& second = x.begin < y.begin ? y : x;
  const std::string& text = index.block(x.block).normalised.text;
  return text::count_words(std::string_view(text).substr(first.end, second.begin - first.end), limit) <= limit;
}

// Whether y can pair with x under the signal's scope; sets `unit` to the place counted.
bool together(const Near& s, const rules::DocumentIndex& index, const rules::Hit& x, const rules::Hit& y, Unit& unit) {
  if (x.block == y.block && y.begin < x.end && x.begin < y.end) return false;  // the same words cannot be both
  if (s.polarity == Polarity::affirmed && (x.negated || y.negated)) return false;
  if (s.polarity == Polarity::negated && !x.negated && !y.negated) return false;
  if (s.ordered && std::tie(y.block, y.begin) < std::tie(x.block, x.begin)) return false;
  switch (s.within) {
    case Scope::sentence: {
      if (x.block != y.block) return false;
      const auto& sentences = index.block(x.block).sentences;
      const std::size_t sentence = text::sentence_of(sentences, x.begin);
      if (text::sentence_of(sentences, y.begin) != sentence) return false;
      unit = {x.block, static_cast<std::int64_t>(sentence)};
      return true;
    }
    case Scope::paragraph:
      if (x.block != y.block) return false;
      unit = {x.block, 0};
      return true;
    case Scope::words:
      if (x.block != y.block || !within_words(index, x, y, static_cast<std::size_t>(s.words))) return false;
      unit = {x.block, std::min(x.begin, y.begin)};
      return true;
    case Scope::row: {
      // A table row and nothing else: outside tables there is no row to share.
      const std::int32_t row = index.row[x.block];
      if (row < 0 || index.row[y.block] != row) return false;
      unit = {-1, row};
      return true;
    }
  }
  return false;
}

}  // namespace

rules::Outcome Near::evaluate(const rules::Evaluator& context, rules::Trace* trace) const {
  const rules::DocumentIndex& index = context.index();
  std::vector<rules::Hit> scratch_a;
  std::vector<rules::Hit> scratch_b;
  const auto& a = context.filter(context.set_hits(term_set_a), part, false, scratch_a);
  const auto& b = context.filter(context.set_hits(term_set_b), part, false, scratch_b);
  rules::Outcome out;
  std::vector<Unit> units;  // one proof per sentence, block or row; sorted (mostly found in order)
  for (const rules::Hit& x : a) {
    // Candidates: b's hits in x's block, or in x's table row.
    std::uint32_t first_block = x.block;
    std::uint32_t end_block = x.block + 1;
    if (within == Scope::row && index.row[x.block] >= 0) {
      const rules::TableRow& row = index.rows[static_cast<std::size_t>(index.row[x.block])];
      first_block = row.first_block;
      end_block = row.end_block;
    }
    auto j = std::lower_bound(b.begin(), b.end(), first_block,
                              [](const rules::Hit& h, std::uint32_t block) { return h.block < block; });
    for (; j != b.end() && j->block < end_block; ++j) {
      Unit unit;
      if (!together(*this, index, x, *j, unit)) continue;
      const auto at = std::lower_bound(units.begin(), units.end(), unit);
      const bool new_unit = at == units.end() || *at != unit;
      if (new_unit) units.insert(at, unit);
      if (new_unit && out.evidence.size() < rules::k_max_proofs) {
        const bool x_first = std::tie(x.block, x.begin) < std::tie(j->block, j->begin);
        const rules::Hit& first = x_first ? x : *j;
        out.evidence.push_back({first.block, {first, x_first ? *j : x}});
      }
      break;
    }
    // Without a trace, counting further changes nothing once the signal holds and its quotes
    // are all taken; on a long document with many hits this is most of the work saved.
    if (trace == nullptr && units.size() >= static_cast<std::size_t>(min_count) &&
        out.evidence.size() == rules::k_max_proofs) {
      break;
    }
  }
  out.holds = units.size() >= static_cast<std::size_t>(min_count);
  if (trace != nullptr) {
    if (!units.empty()) {
      trace->detail = rules::plural(units.size(), "place") + " (needs " + std::to_string(min_count) + ")";
    } else {
      trace->detail = "\"" + term_set_a + "\" found " + rules::plural(a.size(), "time") + ", \"" + term_set_b + "\" " +
                      rules::plural(b.size(), "time") + ", never together (" + describe_scope(within, words) + ")";
    }
    context.note_found(trace, out.evidence);
  }
  if (!out.holds) out.evidence.clear();
  return out;
}

}  // namespace unct::signals
