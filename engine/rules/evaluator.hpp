#pragma once

// The rules layer's side of a signal kind: what its evaluation (engine/signals/<kind>/evaluate.cpp)
// reads, and the helpers kinds share to filter hits, count them, and say where they were found.

#include "engine/ingest/document.hpp"
#include "engine/rules/compiled.hpp"
#include "engine/rules/document_index.hpp"
#include "engine/rules/evaluate.hpp"
#include "engine/rules/result.hpp"
#include "engine/signals/registry.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace unct::rules {

// Proofs kept per signal: quotes use three, preferring different blocks; more only costs memory.
inline constexpr std::size_t k_max_proofs = 64;
// Places listed per leaf in a trace.
inline constexpr std::size_t k_max_found = 3;

// "1 hit", "3 hits"
std::string plural(std::size_t n, const std::string& word);

// One document's index, read for one checklist. Cheap to make; the references must outlive it.
class Evaluator {
public:
  Evaluator(const CompiledChecklist& compiled, const ingest::Document& document, const DocumentIndex& index,
            Reach reach);

  // Whether `signal` holds, and its evidence. With a `trace`, its `signal` is the signal's
  // description, which a kind may replace (a combination's head, "all of"), and `holds` is set.
  Outcome evaluate(const signals::Signal& signal, Trace* trace) const;

  const CompiledChecklist& compiled() const { return m_compiled; }
  const ingest::Document& document() const { return m_document; }
  const DocumentIndex& index() const { return m_index; }

  // Whether signals may read the block: not front or back matter when they read the running text.
  bool readable(std::uint32_t block) const;
  // The hits of the set and of the sets it includes.
  const std::vector<Hit>& set_hits(const std::string& set) const;
  // The hits restricted to `part` (and to table cells, the running text or a polarity, when
  // asked). When that leaves every hit, this is `hits` itself, not a copy: a set's hit list can
  // be long. Otherwise the result lives in `scratch`.
  const std::vector<Hit>& filter(const std::vector<Hit>& hits, const std::optional<std::string>& part, bool tables_only,
                                 std::vector<Hit>& scratch, signals::Polarity polarity = signals::Polarity::any) const;
  // "\"Roma\" in 2. Who is left behind, line 14" for a trace.
  std::string place(const Hit& hit) const;
  // Lists the places of the first proofs in `trace->found`; nothing without a trace.
  void note_found(Trace* trace, const std::vector<Proof>& proofs) const;
  // Holds, with the hits (the first k_max_proofs) as evidence.
  static Outcome holds_with(const std::vector<Hit>& hits);

  // Holds when there are at least `min_count` hits. `what` names what was looked for ("term of
  // \"groups\""); it is only called when tracing.
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

private:
  const CompiledChecklist& m_compiled;
  const ingest::Document& m_document;
  const DocumentIndex& m_index;
  const bool m_text_only;  // the running text only, and the document has other zones
};

}  // namespace unct::rules
