#include "engine/rules/rate.hpp"

#include "engine/core/ascii.hpp"
#include "engine/rules/evaluate.hpp"
#include "engine/text/sentences.hpp"

#include <algorithm>

namespace unct::rules {
namespace {

constexpr std::size_t k_quote_target = 240;

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t'; }

// A quote around the proof's hits: their sentence, cut to about k_quote_target characters
// around the first hit, at word boundaries.
Evidence quote(const Proof& proof, const ingest::Document& document, const DocumentIndex& index) {
  const ingest::Block& block = document.blocks[proof.block];
  const PreparedBlock& indexed = index.block(proof.block);
  const std::string& source = block.text;
  const auto& norm = indexed.normalised;

  // A row's proof may pair hits of two cells: the quote is the proof's own block, and only
  // that block's hits are placed in its text.
  const auto own = [&](const Hit& h) { return h.block == proof.block; };
  const Hit& first = *std::find_if(proof.hits.begin(), proof.hits.end(), own);
  const Hit& last = *std::find_if(proof.hits.rbegin(), proof.hits.rend(), own);
  const std::size_t sentence = text::sentence_of(indexed.sentences, first.begin);
  const std::size_t last_sentence = text::sentence_of(indexed.sentences, last.begin);
  std::size_t begin = norm.origin[indexed.sentences[sentence]];
  std::size_t end =
      last_sentence + 1 < indexed.sentences.size() ? norm.origin[indexed.sentences[last_sentence + 1]] : source.size();
  const std::size_t hit_begin = norm.source_span(first.begin, first.end).first;
  const std::size_t hit_end = norm.source_span(last.begin, last.end).second;

  bool cut_front = false;
  bool cut_back = false;
  if (end - begin > k_quote_target) {
    const std::size_t lead = 80;
    if (hit_begin > begin + lead) {
      begin = hit_begin - lead;
      while (begin < hit_begin && !is_space(source[begin])) ++begin;  // next word start
      cut_front = true;
    }
    const std::size_t limit = std::max(begin + k_quote_target, hit_end);
    if (end > limit) {
      end = limit;
      while (end > hit_end && !is_space(source[end])) --end;  // previous word end
      cut_back = true;
    }
  }
  while (begin < end && is_space(source[begin])) ++begin;
  while (end > begin && is_space(source[end - 1])) --end;

  Evidence evidence{
      .section = ingest::section_label(block), .page = block.page, .line = block.line, .block = proof.block};
  const std::string_view prefix = cut_front ? "..." : "";
  evidence.quote.reserve(prefix.size() + (end - begin) + 3);
  evidence.quote.append(prefix).append(source, begin, end - begin).append(cut_back ? "..." : "");
  line_breaks_to_spaces(evidence.quote);
  for (const Hit& hit : proof.hits) {
    if (!own(hit)) continue;
    const auto [b, e] = norm.source_span(hit.begin, hit.end);
    if (b < begin || e > end) continue;
    evidence.highlights.emplace_back(static_cast<std::uint32_t>(prefix.size() + b - begin),
                                     static_cast<std::uint32_t>(prefix.size() + e - begin));
  }
  return evidence;
}

// Up to k_max_quotes quotes, preferring different blocks so that the reader sees breadth.
std::vector<Evidence> select_quotes(const std::vector<Proof>& proofs, const ingest::Document& document,
                                    const DocumentIndex& index) {
  std::vector<const Proof*> chosen;
  chosen.reserve(k_max_quotes);
  for (const Proof& proof : proofs) {
    if (chosen.size() == k_max_quotes) break;
    const bool new_block =
        std::none_of(chosen.begin(), chosen.end(), [&](const Proof* c) { return c->block == proof.block; });
    if (new_block) chosen.push_back(&proof);
  }
  for (const Proof& proof : proofs) {
    if (chosen.size() == k_max_quotes) break;
    if (std::find(chosen.begin(), chosen.end(), &proof) == chosen.end()) chosen.push_back(&proof);
  }
  std::sort(chosen.begin(), chosen.end(), [](const Proof* a, const Proof* b) {
    return std::tie(a->block, a->hits.front().begin) < std::tie(b->block, b->hits.front().begin);
  });
  std::vector<Evidence> out;
  for (const Proof* proof : chosen) out.push_back(quote(*proof, document, index));
  return out;
}

std::string kinds_text(const std::vector<DocumentKind>& kinds) {
  std::string out;
  for (DocumentKind kind : kinds) {
    if (!out.empty()) out += ", ";
    out += std::string(code(kind));
  }
  return out;
}

}  // namespace

ItemResult rate(const checklist::Item& item, const std::string& section_id, const DocumentFacts& facts,
                const CompiledChecklist& compiled, const ingest::Document& document, const DocumentIndex& index,
                bool explain) {
  ItemResult result{.item_id = item.id, .title = item.title, .section_id = section_id, .weight = item.weight};
  if (!checklist::applies_to(item, facts.kind)) {
    result.applicable = false;
    result.not_applicable_reason =
        "applies to " + kinds_text(item.applies_to) + ", not " + std::string(code(facts.kind));
    return result;
  }
  if (item.from_year > 0 && facts.year > 0 && facts.year < item.from_year) {
    result.applicable = false;
    result.not_applicable_reason = "applies to documents from " + std::to_string(item.from_year) +
                                   "; this one is dated " + std::to_string(facts.year);
    return result;
  }
  if (item.external) {
    result.applicable = false;
    result.external = true;
    result.not_applicable_reason =
        "not assessable from the document: needs the country team's records (self-assessment or reviewer request)";
    return result;
  }

  for (const checklist::Criterion& criterion : item.criteria) {
    CriterionResult c{.id = criterion.id, .text = criterion.text};
    for (const checklist::LevelRule& rule : item.levels) {
      if (std::find(rule.criteria.begin(), rule.criteria.end(), criterion.id) != rule.criteria.end()) {
        c.level = rule.level;
        break;
      }
    }
    if (explain) c.trace.emplace();
    const Reach reach = c.level >= Level::meets ? Reach::running_text : Reach::all;
    const Outcome outcome =
        evaluate(*criterion.signal, compiled, document, index, c.trace ? &*c.trace : nullptr, reach);
    c.met = outcome.holds;
    if (outcome.holds) c.evidence = select_quotes(outcome.evidence, document, index);
    result.criteria.push_back(std::move(c));
  }

  auto is_met = [&](const std::string& id) {
    return std::find_if(result.criteria.begin(), result.criteria.end(),
                        [&](const CriterionResult& c) { return c.id == id; })
        ->met;
  };
  bool climbing = true;
  for (const checklist::LevelRule& rule : item.levels) {
    const bool holds = std::all_of(rule.criteria.begin(), rule.criteria.end(), is_met);
    if (climbing && holds) {
      result.level = rule.level;
      continue;
    }
    climbing = false;
    // What stands between the rating and Meets (or, at Meets, the next level).
    if (rule.level <= std::max(Level::meets, static_cast<Level>(points(result.level) + 1))) {
      for (const std::string& id : rule.criteria) {
        if (!is_met(id) && std::find(result.unmet.begin(), result.unmet.end(), id) == result.unmet.end()) {
          result.unmet.push_back(id);
        }
      }
    }
  }
  if (result.level < Level::meets) result.gap = checklist::gap_in(item, facts.language);
  return result;
}

}  // namespace unct::rules
