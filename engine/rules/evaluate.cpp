#include "engine/rules/evaluate.hpp"

#include "engine/core/ascii.hpp"
#include "engine/rules/evaluator.hpp"

#include <algorithm>
#include <iterator>

namespace unct::rules {

std::string plural(std::size_t n, const std::string& word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

Evaluator::Evaluator(const CompiledChecklist& compiled, const ingest::Document& document, const DocumentIndex& index,
                     Reach reach)
    : m_compiled(compiled),
      m_document(document),
      m_index(index),
      m_text_only(reach == Reach::running_text && index.front_matter) {}

// Each kind evaluates itself (engine/signals/<kind>/evaluate.cpp): a registered kind without
// `evaluate` does not compile.
Outcome Evaluator::evaluate(const signals::Signal& signal, Trace* trace) const {
  if (trace != nullptr) trace->signal = signals::describe(signal);
  Outcome out = std::visit([&](const auto& kind) { return kind.evaluate(*this, trace); }, signal);
  if (trace != nullptr) trace->holds = out.holds;
  return out;
}

bool Evaluator::readable(std::uint32_t block) const {
  return !m_text_only || m_document.blocks[block].zone == ingest::Zone::text;
}

const std::vector<Hit>& Evaluator::set_hits(const std::string& set) const {
  return m_index.hits[m_compiled.index_of(set)];
}

const std::vector<Hit>& Evaluator::filter(const std::vector<Hit>& hits, const std::optional<std::string>& part,
                                          bool tables_only, std::vector<Hit>& scratch,
                                          signals::Polarity polarity) const {
  if (!part && !tables_only && !m_text_only && polarity == signals::Polarity::any) return hits;
  const std::int32_t wanted = part ? m_compiled.part_index(*part) : -1;
  const auto kept = [&](const Hit& h) {
    return (!part || m_index.part[h.block] == wanted) && (!tables_only || m_index.row[h.block] >= 0) &&
           readable(h.block) &&
           (polarity == signals::Polarity::any || h.negated == (polarity == signals::Polarity::negated));
  };
  // Most often every hit is kept (none in the front matter, none negated): then the list itself,
  // not a copy of it.
  const auto first_left_out = std::find_if_not(hits.begin(), hits.end(), kept);
  if (first_left_out == hits.end()) return hits;
  scratch.assign(hits.begin(), first_left_out);
  std::copy_if(std::next(first_left_out), hits.end(), std::back_inserter(scratch), kept);
  return scratch;
}

std::string Evaluator::place(const Hit& hit) const {
  const ingest::Block& block = m_document.blocks[hit.block];
  const auto [b, e] = m_index.block(hit.block).normalised.source_span(hit.begin, hit.end);
  std::string out = "\"" + block.text.substr(b, e - b) + "\"";
  line_breaks_to_spaces(out);
  const std::string section = ingest::section_label(block);
  out += " in " + (section.empty() ? std::string("the opening text") : section);
  if (block.kind == ingest::BlockKind::table_cell) out += " (table)";
  if (block.page > 0)
    out += ", page " + std::to_string(block.page);
  else if (block.line > 0)
    out += ", line " + std::to_string(block.line);
  return out;
}

void Evaluator::note_found(Trace* trace, const std::vector<Proof>& proofs) const {
  if (trace == nullptr) return;
  for (const Proof& proof : proofs) {
    if (trace->found.size() == k_max_found) break;
    std::string line;
    for (const Hit& hit : proof.hits) line += (line.empty() ? "" : " with ") + place(hit);
    trace->found.push_back(line);
  }
}

Outcome Evaluator::holds_with(const std::vector<Hit>& hits) {
  Outcome out{.holds = true};
  out.evidence.reserve(std::min(hits.size(), k_max_proofs));
  for (const Hit& hit : hits) {
    if (out.evidence.size() == k_max_proofs) break;
    out.evidence.push_back({hit.block, {hit}});
  }
  return out;
}

Outcome evaluate(const signals::Signal& signal, const CompiledChecklist& compiled, const ingest::Document& document,
                 const DocumentIndex& index, Trace* trace, Reach reach) {
  return Evaluator(compiled, document, index, reach).evaluate(signal, trace);
}

}  // namespace unct::rules
