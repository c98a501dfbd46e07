#pragma once

#include "engine/ingest/document.hpp"
#include "engine/rules/compiled.hpp"
#include "engine/rules/document_index.hpp"
#include "engine/rules/result.hpp"
#include "engine/signals/registry.hpp"

#include <boost/container/small_vector.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace unct::rules {

// Term hits in one block (or one table row) that together show a signal holds: one hit, or a
// pair for `near`.
struct Proof {
  std::uint32_t block = 0;
  boost::container::small_vector<Hit, 2> hits;  // one hit, or a pair: held in place
  bool operator==(const Proof&) const = default;
};

// Whether a signal holds, and the hits that made it hold. Evidence is never recomputed later.
struct Outcome {
  bool holds = false;
  std::vector<Proof> evidence;  // empty when it does not hold, and for `not`
  bool operator==(const Outcome&) const = default;
};

// Which blocks a signal may read. Front and back matter (contents entries, acronym lists,
// covers, signatures, references) can show what their own words say, but never carry an item
// to Meets: criteria of Meets and above read the running text only.
enum class Reach { all, running_text };

// Requires: `signal` from the checklist `compiled` was built from; `index` built from
// `document` with `compiled`. Fills `trace` when given.
Outcome evaluate(const signals::Signal& signal, const CompiledChecklist& compiled, const ingest::Document& document,
                 const DocumentIndex& index, Trace* trace = nullptr, Reach reach = Reach::all);

}  // namespace unct::rules
