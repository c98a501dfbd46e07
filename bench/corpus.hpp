#pragma once

// A deterministic corpus of CCA-like documents for the benchmark and its correctness test:
// numbered chapters (executive summary, who is left behind, human rights, data, risks, results
// framework, annexes), paragraphs of policy prose, list items and results tables with
// indicators, baselines and targets, in English, French and Spanish. The same options give the
// same documents on every machine.

#include "engine/checklist/model.hpp"
#include "engine/ingest/document.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace unct::bench {

struct CorpusOptions {
  std::uint64_t seed = 2021;
  std::size_t document_bytes = 100'000;  // about 40 pages of text each
  double hit_density = 0.3;              // share of sentences that carry a checklist term
};

// Terms a generator can write, per language, from a checklist's term sets (terms without a
// language go to every language; a '*' ending is given a plausible ending).
struct Vocabulary {
  std::vector<std::string> en, fr, es;
};
Vocabulary vocabulary_of(const checklist::Checklist& checklist);

// Document number `n` of the corpus: language en, fr or es in the ratio 3:1:1.
ingest::Document generate_document(const CorpusOptions& options, const Vocabulary& vocabulary, std::size_t n);

}  // namespace unct::bench
