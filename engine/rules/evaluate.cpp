#include "engine/rules/evaluate.hpp"

#include "engine/core/overloaded.hpp"
#include "engine/checklist/describe.hpp"
#include "engine/text/sentences.hpp"
#include "engine/text/unicode.hpp"

#include <algorithm>
#include <cmath>
#include <set>

namespace unct::rules {
namespace {

// Proofs kept per signal: quotes use three, preferring different blocks; more only costs memory.
constexpr std::size_t k_max_proofs = 64;
// Places listed per leaf in a trace.
constexpr std::size_t k_max_found = 3;

std::string plural(std::size_t n, const std::string& word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

class Evaluator {
public:
  Evaluator(const CompiledChecklist& compiled, const ingest::Document& document, const DocumentIndex& index, Reach reach)
      : m_compiled(compiled), m_document(document), m_index(index),
        m_text_only(reach == Reach::running_text && index.front_matter) {}

  Outcome evaluate(const checklist::Signal& signal, Trace* trace) const {
    Outcome out = std::visit(Overloaded{
                                 [&](const checklist::Mentions& s) { return mentions(s, trace); },
                                 [&](const checklist::Coverage& s) { return coverage(s, trace); },
                                 [&](const checklist::Near& s) { return near(s, trace); },
                                 [&](const checklist::InTable& s) { return in_table(s, trace); },
                                 [&](const checklist::Pattern& s) { return pattern(s, trace); },
                                 [&](const checklist::Share& s) { return share(s, trace); },
                                 [&](const checklist::AllOf& s) {
                                   return combine(s.signals, trace, [](std::size_t held, std::size_t n) { return held == n; });
                                 },
                                 [&](const checklist::AnyOf& s) {
                                   return combine(s.signals, trace, [](std::size_t held, std::size_t) { return held > 0; });
                                 },
                                 [&](const checklist::Not& s) {
                                   // What must be absent is looked for everywhere: reading less would
                                   // only make absence easier to claim.
                                   const Evaluator everywhere(m_compiled, m_document, m_index, Reach::all);
                                   Outcome inner =
                                       everywhere.combine(s.signal, trace, [](std::size_t held, std::size_t) { return held > 0; });
                                   return Outcome{.holds = !inner.holds};
                                 },
                                 [&](const checklist::AtLeast& s) {
                                   const auto k = static_cast<std::size_t>(s.count);
                                   return combine(s.signals, trace, [k](std::size_t held, std::size_t) { return held >= k; });
                                 },
                             },
                             signal);
    if (trace != nullptr) {
      trace->signal = std::visit(Overloaded{
                                     [](const checklist::AllOf&) { return std::string("all of"); },
                                     [](const checklist::AnyOf&) { return std::string("any of"); },
                                     [](const checklist::Not&) { return std::string("not"); },
                                     [](const checklist::AtLeast& s) { return "at least " + std::to_string(s.count) + " of"; },
                                     [&](const auto&) { return checklist::describe(signal); },
                                 },
                                 signal);
      trace->holds = out.holds;
    }
    return out;
  }

private:
  bool readable(std::uint32_t block) const { return !m_text_only || m_document.blocks[block].zone == ingest::Zone::text; }

  static bool has_polarity(const Hit& hit, checklist::Polarity polarity) {
    return polarity == checklist::Polarity::any || hit.negated == (polarity == checklist::Polarity::negated);
  }

  // The hits restricted to `part` (and to table cells, the running text or a polarity, when
  // asked). Without any of these this is `hits` itself, not a copy: a set's hit list can be
  // long. Otherwise the result lives in `scratch`.
  const std::vector<Hit>& filter(const std::vector<Hit>& hits, const std::optional<std::string>& part,
                                 bool tables_only, std::vector<Hit>& scratch,
                                 checklist::Polarity polarity = checklist::Polarity::any) const {
    if (!part && !tables_only && !m_text_only && polarity == checklist::Polarity::any) return hits;
    scratch.clear();
    std::copy_if(hits.begin(), hits.end(), std::back_inserter(scratch), [&](const Hit& h) {
      return (!part || m_index.part[h.block] == *part) && (!tables_only || m_index.row[h.block] >= 0) && readable(h.block) &&
             has_polarity(h, polarity);
    });
    return scratch;
  }

  const std::vector<Hit>& set_hits(const std::string& set) const { return m_index.hits[m_compiled.index_of(set)]; }

  // "\"Roma\" in 2. Who is left behind, line 14" for a trace.
  std::string place(const Hit& hit) const {
    const ingest::Block& block = m_document.blocks[hit.block];
    const auto [b, e] = m_index.block(hit.block).normalised.source_span(hit.begin, hit.end);
    std::string out = "\"" + block.text.substr(b, e - b) + "\"";
    std::replace(out.begin(), out.end(), '\n', ' ');
    const std::string section = ingest::section_label(block);
    out += " in " + (section.empty() ? std::string("the opening text") : section);
    if (block.kind == ingest::BlockKind::table_cell) out += " (table)";
    if (block.page > 0) out += ", page " + std::to_string(block.page);
    else if (block.line > 0) out += ", line " + std::to_string(block.line);
    return out;
  }

  void note_found(Trace* trace, const std::vector<Proof>& proofs) const {
    if (trace == nullptr) return;
    for (const Proof& proof : proofs) {
      if (trace->found.size() == k_max_found) break;
      std::string line;
      for (const Hit& hit : proof.hits) line += (line.empty() ? "" : " with ") + place(hit);
      trace->found.push_back(line);
    }
  }

  static Outcome holds_with(const std::vector<Hit>& hits) {
    Outcome out{.holds = true};
    for (const Hit& hit : hits) {
      if (out.evidence.size() == k_max_proofs) break;
      out.evidence.push_back({hit.block, {hit}});
    }
    return out;
  }

  // `what` names what was looked for; it is only called when tracing.
  template <class What>
  Outcome counted(const std::vector<Hit>& hits, int min_count, What what, Trace* trace) const {
    const bool holds = hits.size() >= static_cast<std::size_t>(min_count);
    Outcome out = holds ? holds_with(hits) : Outcome{};
    if (trace != nullptr) {
      trace->detail = hits.empty() ? "no " + what() + " found"
                                   : plural(hits.size(), "hit") + " (needs " + std::to_string(min_count) + ")";
      std::vector<Proof> shown;
      for (std::size_t i = 0; i < hits.size() && i < k_max_found; ++i) shown.push_back({hits[i].block, {hits[i]}});
      note_found(trace, shown);
    }
    return out;
  }

  Outcome mentions(const checklist::Mentions& s, Trace* trace) const {
    std::vector<Hit> scratch;
    const auto& hits = filter(set_hits(s.term_set), s.part, false, scratch, s.polarity);
    return counted(hits, s.min_count, [&] { return "term of \"" + s.term_set + "\"" + (s.part ? " in part " + *s.part : ""); },
                   trace);
  }

  Outcome in_table(const checklist::InTable& s, Trace* trace) const {
    std::vector<Hit> scratch;
    const auto& hits = filter(set_hits(s.term_set), s.part, true, scratch, s.polarity);
    return counted(hits, s.min_count,
                   [&] { return "term of \"" + s.term_set + "\" in a table cell" + (s.part ? " of part " + *s.part : ""); }, trace);
  }

  Outcome pattern(const checklist::Pattern& s, Trace* trace) const {
    std::vector<Hit> scratch;
    const auto& hits = filter(m_index.regex_hits[m_compiled.regex_index.at(s.regex)], s.part, false, scratch);
    return counted(hits, s.min_count, [&] { return "match of /" + s.regex + "/"; }, trace);
  }

  Outcome coverage(const checklist::Coverage& s, Trace* trace) const {
    const SetIndex set = m_compiled.index_of(s.term_set);
    std::vector<Hit> first_of_each;  // the first hit of each distinct term or included set
    std::vector<std::string> names;  // for the trace
    std::vector<Hit> scratch;
    if (s.by == checklist::CoverageUnit::term) {
      std::set<std::uint32_t> seen;
      const std::size_t enough = std::max<std::size_t>(static_cast<std::size_t>(s.min_distinct), k_max_proofs);
      for (const Hit& hit : filter(m_index.hits[set], s.part, false, scratch, s.polarity)) {
        if (seen.insert(hit.pattern).second) {
          first_of_each.push_back(hit);
          if (trace != nullptr) names.push_back(m_compiled.matcher.patterns()[hit.pattern]);
          else if (first_of_each.size() == enough) break;  // holds, and its quotes are all taken
        }
      }
    } else {
      for (SetIndex included : m_compiled.includes[set]) {
        const auto& hits = filter(m_index.hits[included], s.part, false, scratch, s.polarity);
        if (!hits.empty()) {
          first_of_each.push_back(hits.front());
          if (trace != nullptr) names.push_back(m_compiled.set_ids[included]);
        }
      }
    }
    const bool holds = first_of_each.size() >= static_cast<std::size_t>(s.min_distinct);
    if (trace != nullptr) {
      std::string list;
      for (const std::string& name : names) list += (list.empty() ? ": " : ", ") + name;
      trace->detail = std::to_string(first_of_each.size()) + " distinct (needs " + std::to_string(s.min_distinct) + ")" + list;
      std::vector<Proof> shown;
      for (const Hit& hit : first_of_each) shown.push_back({hit.block, {hit}});
      note_found(trace, shown);
    }
    return holds ? holds_with(first_of_each) : Outcome{};
  }

  // Whether at most `limit` words stand between two hits of one block.
  bool within_words(const Hit& x, const Hit& y, std::size_t limit) const {
    const Hit& first = x.begin < y.begin ? x : y;
    const Hit& second = x.begin < y.begin ? y : x;
    const std::string& text = m_index.block(x.block).normalised.text;
    return text::count_words(std::string_view(text).substr(first.end, second.begin - first.end), limit) <= limit;
  }

  // Whether y can pair with x under the near signal's scope; sets `unit` to the place counted.
  bool together(const checklist::Near& s, const Hit& x, const Hit& y, std::pair<std::int64_t, std::int64_t>& unit) const {
    if (x.block == y.block && y.begin < x.end && x.begin < y.end) return false;  // the same words cannot be both
    if (s.polarity == checklist::Polarity::affirmed && (x.negated || y.negated)) return false;
    if (s.polarity == checklist::Polarity::negated && !x.negated && !y.negated) return false;
    if (s.ordered && std::tie(y.block, y.begin) < std::tie(x.block, x.begin)) return false;
    switch (s.within) {
      case checklist::Scope::sentence: {
        if (x.block != y.block) return false;
        const auto& sentences = m_index.block(x.block).sentences;
        const std::size_t sentence = text::sentence_of(sentences, x.begin);
        if (text::sentence_of(sentences, y.begin) != sentence) return false;
        unit = {x.block, static_cast<std::int64_t>(sentence)};
        return true;
      }
      case checklist::Scope::paragraph:
        if (x.block != y.block) return false;
        unit = {x.block, 0};
        return true;
      case checklist::Scope::words:
        if (x.block != y.block || !within_words(x, y, static_cast<std::size_t>(s.words))) return false;
        unit = {x.block, std::min(x.begin, y.begin)};
        return true;
      case checklist::Scope::row: {
        // A table row and nothing else: outside tables there is no row to share.
        const std::int32_t row = m_index.row[x.block];
        if (row < 0 || m_index.row[y.block] != row) return false;
        unit = {-1, row};
        return true;
      }
    }
    return false;
  }

  Outcome near(const checklist::Near& s, Trace* trace) const {
    std::vector<Hit> scratch_a;
    std::vector<Hit> scratch_b;
    const auto& a = filter(set_hits(s.term_set_a), s.part, false, scratch_a);
    const auto& b = filter(set_hits(s.term_set_b), s.part, false, scratch_b);
    Outcome out;
    std::set<std::pair<std::int64_t, std::int64_t>> units;  // one proof per sentence, block or row
    for (const Hit& x : a) {
      // Candidates: b's hits in x's block, or in x's table row.
      std::uint32_t first_block = x.block;
      std::uint32_t end_block = x.block + 1;
      if (s.within == checklist::Scope::row && m_index.row[x.block] >= 0) {
        const TableRow& row = m_index.rows[static_cast<std::size_t>(m_index.row[x.block])];
        first_block = row.first_block;
        end_block = row.end_block;
      }
      auto j = std::lower_bound(b.begin(), b.end(), first_block, [](const Hit& h, std::uint32_t block) { return h.block < block; });
      for (; j != b.end() && j->block < end_block; ++j) {
        std::pair<std::int64_t, std::int64_t> unit;
        if (!together(s, x, *j, unit)) continue;
        if (units.insert(unit).second && out.evidence.size() < k_max_proofs) {
          std::vector<Hit> pair = std::tie(x.block, x.begin) < std::tie(j->block, j->begin) ? std::vector<Hit>{x, *j}
                                                                                            : std::vector<Hit>{*j, x};
          out.evidence.push_back({pair.front().block, pair});
        }
        break;
      }
      // Without a trace, counting further changes nothing once the signal holds and its quotes
      // are all taken; on a long document with many hits this is most of the work saved.
      if (trace == nullptr && units.size() >= static_cast<std::size_t>(s.min_count) && out.evidence.size() == k_max_proofs) {
        break;
      }
    }
    out.holds = units.size() >= static_cast<std::size_t>(s.min_count);
    if (trace != nullptr) {
      if (!units.empty()) {
        trace->detail = plural(units.size(), "place") + " (needs " + std::to_string(s.min_count) + ")";
      } else {
        trace->detail = "\"" + s.term_set_a + "\" found " + plural(a.size(), "time") + ", \"" + s.term_set_b + "\" " +
                        plural(b.size(), "time") + ", never together (" + checklist::describe(s.within, s.words) + ")";
      }
      note_found(trace, out.evidence);
    }
    if (!out.holds) out.evidence.clear();
    return out;
  }

  Outcome share(const checklist::Share& s, Trace* trace) const {
    const std::size_t row_count = m_index.rows.size();
    auto mark_rows = [&](const std::vector<Hit>& hits, std::vector<const Hit*>& first) {
      first.assign(row_count, nullptr);
      for (const Hit& hit : hits) {
        const std::int32_t row = m_index.row[hit.block];
        if (row >= 0 && readable(hit.block) && first[static_cast<std::size_t>(row)] == nullptr) first[static_cast<std::size_t>(row)] = &hit;
      }
    };
    std::vector<const Hit*> header_hit;
    std::vector<const Hit*> having_hit;
    mark_rows(set_hits(s.header_set), header_hit);
    mark_rows(set_hits(s.having_set), having_hit);

    std::set<int> headed_tables;
    std::size_t data_rows = 0;
    std::vector<Hit> qualifying;
    for (std::size_t r = 0; r < row_count; ++r) {
      const TableRow& row = m_index.rows[r];
      if (s.part && m_index.part[row.first_block] != *s.part) continue;
      if (headed_tables.count(row.table) == 0) {
        if (header_hit[r] != nullptr) headed_tables.insert(row.table);
        continue;
      }
      std::size_t filled = 0;
      for (std::uint32_t b = row.first_block; b < row.end_block; ++b) filled += m_index.block(b).normalised.text.empty() ? 0 : 1;
      if (filled < 2) continue;  // a title row ("Outcome 1: ...") or an empty one
      ++data_rows;
      if (having_hit[r] != nullptr) qualifying.push_back(*having_hit[r]);
    }
    const double ratio = data_rows == 0 ? 0.0 : static_cast<double>(qualifying.size()) / static_cast<double>(data_rows);
    const bool holds = qualifying.size() >= static_cast<std::size_t>(s.min_rows) && ratio + 1e-9 >= s.min_share;
    if (trace != nullptr) {
      if (headed_tables.empty()) {
        trace->detail = "no table with a row carrying a term of \"" + s.header_set + "\"" + (s.part ? " in part " + *s.part : "");
      } else {
        trace->detail = std::to_string(qualifying.size()) + " of " + plural(data_rows, "row") + " in " +
                        plural(headed_tables.size(), "table") + " carry \"" + s.having_set + "\" (" +
                        std::to_string(std::lround(ratio * 100)) + "%; needs " +
                        std::to_string(std::lround(s.min_share * 100)) + "% and " + plural(static_cast<std::size_t>(s.min_rows), "row") + ")";
      }
      std::vector<Proof> shown;
      for (std::size_t i = 0; i < qualifying.size() && i < k_max_found; ++i) shown.push_back({qualifying[i].block, {qualifying[i]}});
      note_found(trace, shown);
    }
    return holds ? holds_with(qualifying) : Outcome{};
  }

  template <class Rule>
  Outcome combine(const std::vector<checklist::Signal>& signals, Trace* trace, Rule rule) const {
    std::vector<Outcome> parts;
    parts.reserve(signals.size());
    for (const checklist::Signal& signal : signals) {
      Trace* child = nullptr;
      if (trace != nullptr) child = &trace->children.emplace_back();
      parts.push_back(evaluate(signal, child));
    }
    const std::size_t held =
        static_cast<std::size_t>(std::count_if(parts.begin(), parts.end(), [](const Outcome& o) { return o.holds; }));
    Outcome out{.holds = rule(held, parts.size())};
    if (trace != nullptr) trace->detail = std::to_string(held) + " of " + std::to_string(parts.size()) + " hold";
    if (!out.holds) return out;
    for (Outcome& part : parts) {
      if (part.holds) out.evidence.insert(out.evidence.end(), part.evidence.begin(), part.evidence.end());
    }
    return out;
  }

  const CompiledChecklist& m_compiled;
  const ingest::Document& m_document;
  const DocumentIndex& m_index;
  const bool m_text_only;  // the running text only, and the document has other zones
};

}  // namespace

Outcome evaluate(const checklist::Signal& signal, const CompiledChecklist& compiled, const ingest::Document& document,
                 const DocumentIndex& index, Trace* trace, Reach reach) {
  return Evaluator(compiled, document, index, reach).evaluate(signal, trace);
}

}  // namespace unct::rules
