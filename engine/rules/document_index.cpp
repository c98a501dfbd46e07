#include "engine/rules/document_index.hpp"

#include "engine/text/negation.hpp"
#include "engine/text/sentences.hpp"
#include "engine/text/unicode.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <cstring>
#include <iterator>
#include <span>

namespace unct::rules {
namespace {

constexpr SetIndex k_no_set = ~SetIndex{0};

bool overlaps(const Hit& a, const text::TermMatch& b) { return a.begin < b.end && b.begin < a.end; }

// All blocks' matches in one list; block b's are [start[b], start[b + 1]).
struct Matches {
  std::vector<text::TermMatch> all;
  std::vector<std::size_t> start;
  std::span<const text::TermMatch> of(std::size_t b) const { return {all.data() + start[b], start[b + 1] - start[b]}; }
};

// Every block's matches, with offsets in the block's own text, by start, so that each set's own
// hits come out in (block, begin, end, pattern) order. Blocks are scanned a run at a time, joined
// by line breaks, which no term holds and which end a word, so that no match runs from one block
// into the next: a heading or a table cell then costs no more a byte than a paragraph, and the
// copy is some k_run bytes, whatever the document's length.
Matches scan_blocks(const CompiledChecklist& compiled, const PreparedText& text) {
  constexpr std::size_t k_run = 64 * 1024;
  const std::size_t blocks = text.blocks.size();
  Matches matches;
  matches.start.reserve(blocks + 1);
  std::string joined;
  std::vector<std::uint32_t> block_start;  // of the run's blocks in `joined`, and its end
  for (std::size_t b = 0; b < blocks;) {
    const std::size_t first = b;
    joined.clear();
    block_start.clear();
    do {
      block_start.push_back(static_cast<std::uint32_t>(joined.size()));
      joined += text.blocks[b++].normalised.text;
      joined += '\n';
    } while (b < blocks && joined.size() < k_run);
    block_start.push_back(static_cast<std::uint32_t>(joined.size()));
    std::size_t next = matches.all.size();
    compiled.matcher.scan(joined, matches.all);  // the run's, by end
    for (std::size_t k = 0; k < b - first; ++k) {
      matches.start.push_back(next);
      const auto from = matches.all.begin() + static_cast<std::ptrdiff_t>(next);
      for (; next < matches.all.size() && matches.all[next].end < block_start[k + 1]; ++next) {
        matches.all[next].begin -= block_start[k];
        matches.all[next].end -= block_start[k];
      }
      // By end already: only overlapping matches ("racial discrimination" and "discrimination")
      // need moving, so most blocks are checked and left as they are.
      const auto by_begin = [](const text::TermMatch& x, const text::TermMatch& y) {
        if (x.begin != y.begin) return x.begin < y.begin;
        return x.end != y.end ? x.end < y.end : x.pattern < y.pattern;
      };
      const auto to = matches.all.begin() + static_cast<std::ptrdiff_t>(next);
      if (!std::is_sorted(from, to, by_begin)) std::sort(from, to, by_begin);
    }
  }
  matches.start.push_back(matches.all.size());
  return matches;
}

// Part of each block: a heading that carries a part's heading term opens that part for itself
// and everything beneath it; other headings inherit the part of the heading above them.
void assign_parts(const CompiledChecklist& compiled, const ingest::Document& document, const Matches& matches,
                  CompiledChecklist::LanguageFilter language, DocumentIndex& index) {
  std::vector<std::pair<int, std::int32_t>> open;  // (heading level, part)
  index.part.resize(document.blocks.size());
  for (std::size_t b = 0; b < document.blocks.size(); ++b) {
    const ingest::Block& block = document.blocks[b];
    if (block.kind == ingest::BlockKind::heading) {
      while (!open.empty() && open.back().first >= block.level) open.pop_back();
      std::int32_t part = open.empty() ? -1 : open.back().second;
      for (std::size_t p = 0; p < compiled.parts.size(); ++p) {
        const SetIndex heading_set = compiled.parts[p].second;
        const auto& members = compiled.members[heading_set];
        const auto in_block = matches.of(b);
        // A term of the set, not masked by one of the set's exceptions ("partnership framework"
        // names the document, not a chapter on partnerships).
        auto owned = [&](const text::TermMatch& m, bool exception) {
          const auto owners = compiled.owners[m.pattern];
          return std::any_of(owners.begin(), owners.end(), [&](const PatternOwner& o) {
            return o.exception == exception && language.counts(o) &&
                   std::binary_search(members.begin(), members.end(), o.set);
          });
        };
        const bool named = std::any_of(in_block.begin(), in_block.end(), [&](const text::TermMatch& m) {
          return owned(m, false) && std::none_of(in_block.begin(), in_block.end(), [&](const text::TermMatch& e) {
                   return e.begin < m.end && m.begin < e.end && owned(e, true);
                 });
        });
        if (named) {
          part = static_cast<std::int32_t>(p);
          break;
        }
      }
      open.emplace_back(block.level, part);
    }
    index.part[b] = open.empty() ? -1 : open.back().second;
  }
}

// Table rows: consecutive cells with the same table and row number.
void assign_rows(const ingest::Document& document, DocumentIndex& index) {
  index.row.assign(document.blocks.size(), -1);
  for (std::uint32_t b = 0; b < document.blocks.size(); ++b) {
    const ingest::Block& block = document.blocks[b];
    if (block.kind != ingest::BlockKind::table_cell) continue;
    const bool same_row = b > 0 && index.row[b - 1] >= 0 && document.blocks[b - 1].table == block.table &&
                          document.blocks[b - 1].row == block.row;
    if (!same_row) index.rows.push_back({block.table, b, b});
    index.rows.back().end_block = b + 1;
    index.row[b] = static_cast<std::int32_t>(index.rows.size() - 1);
  }
}

// Where `literal` first occurs in `text` at or after `from`, or npos. It looks for the literal's
// rarest byte with memchr, then compares the rest: the literals of `pattern` signals ("cerd/c/",
// "a/hrc/") hold a '/', rare in prose, where a search led by their first letter stops at every 'a'.
std::size_t find_literal(std::string_view text, std::string_view literal, std::size_t rare, std::size_t from) {
  const char byte = literal[rare];
  for (std::size_t at = from + rare; at < text.size();) {
    const void* found = std::memchr(text.data() + at, byte, text.size() - at);
    if (found == nullptr) return std::string_view::npos;
    const auto hit = static_cast<std::size_t>(static_cast<const char*>(found) - text.data());
    const std::size_t start = hit - rare;
    if (text.compare(start, literal.size(), literal) == 0) return start;
    at = hit + 1;
  }
  return std::string_view::npos;
}

// The position of the byte in `literal` least likely in prose: not a letter or a space, else the
// rarest letter by English and French frequency.
std::size_t rarest_byte(std::string_view literal) {
  constexpr std::string_view k_common = " etaoinsrhldcumfpgwybvkxjqz";  // most common first
  std::size_t best = 0;
  std::size_t best_rank = 0;
  for (std::size_t i = 0; i < literal.size(); ++i) {
    const std::size_t at = k_common.find(literal[i]);
    const std::size_t rank = at == std::string_view::npos ? k_common.size() : at;
    if (rank > best_rank || i == 0) {
      best = i;
      best_rank = rank;
    }
  }
  return best;
}

void find_regexes(const CompiledChecklist& compiled, const PreparedText& text, DocumentIndex& index) {
  index.regex_hits.resize(compiled.regexes.size());
  for (std::uint32_t r = 0; r < compiled.regexes.size(); ++r) {
    const re2::RE2& regex = *compiled.regexes[r];
    const std::string prefix = literal_prefix(regex.pattern());
    const std::size_t rare = prefix.empty() ? 0 : rarest_byte(prefix);
    for (std::uint32_t b = 0; b < text.blocks.size(); ++b) {
      const std::string& block = text.blocks[b].normalised.text;
      std::size_t at = 0;
      if (!prefix.empty()) {
        // Most blocks hold no match: one search for the literal skips them before RE2 is called.
        at = find_literal(block, prefix, rare, 0);
        if (at == std::string_view::npos) continue;
      }
      re2::StringPiece input(block);
      re2::StringPiece match;
      while (at <= block.size() && regex.Match(input, at, block.size(), re2::RE2::UNANCHORED, &match, 1)) {
        const auto begin = static_cast<std::size_t>(match.data() - block.data());
        const std::size_t end = begin + match.size();
        if (end > begin) {
          index.regex_hits[r].push_back({b, static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end), r});
        }
        at = end > begin ? end : end + 1;
      }
    }
  }
}

}  // namespace

std::string literal_prefix(std::string_view pattern) {
  constexpr std::string_view k_special = "\\^$.|?*+()[]{}";
  if (pattern.find('|') != std::string_view::npos) return {};  // alternatives may start otherwise
  std::size_t end = 0;
  while (end < pattern.size() && k_special.find(pattern[end]) == std::string_view::npos &&
         static_cast<unsigned char>(pattern[end]) < 0x80)
    ++end;
  // A quantifier after the run applies to its last character, which is then not required.
  if (end < pattern.size() && end > 0 && std::string_view("?*+{").find(pattern[end]) != std::string_view::npos) --end;
  return std::string(pattern.substr(0, end));
}

std::size_t PreparedText::bytes() const {
  std::size_t sum = 0;
  for (const PreparedBlock& block : blocks) sum += block.normalised.text.size();
  return sum;
}

PreparedText prepare(const ingest::Document& document, Timings* timings, std::optional<std::size_t> words) {
  PhaseTimer timer(timings, "normalise");
  PreparedText out;
  out.blocks.resize(document.blocks.size());
  for (std::size_t b = 0; b < document.blocks.size(); ++b) {
    PreparedBlock& block = out.blocks[b];
    block.normalised = text::normalise(document.blocks[b].text);
    block.sentences = text::sentence_starts(block.normalised, document.blocks[b].text);
    if (!words) out.words += text::count_words(document.blocks[b].text);
  }
  if (words) out.words = *words;
  return out;
}

DocumentIndex index_document(const CompiledChecklist& compiled, const ingest::Document& document,
                             std::shared_ptr<const PreparedText> text, const IndexOptions& options) {
  PhaseTimer timer(options.timings, "scan");
  DocumentIndex index;
  index.text = std::move(text);
  if (options.timings != nullptr) options.timings->add_scanned(index.text->bytes());
  const std::size_t blocks = document.blocks.size();
  const Matches matches = scan_blocks(compiled, *index.text);
  const CompiledChecklist::LanguageFilter language = compiled.language_filter(options.language);
  assign_parts(compiled, document, matches, language, index);
  assign_rows(document, index);
  index.front_matter = std::any_of(document.blocks.begin(), document.blocks.end(),
                                   [](const ingest::Block& b) { return b.zone != ingest::Zone::text; });
  find_regexes(compiled, *index.text, index);

  // Hits of each set on its own, then with the sets it includes. First the exceptions' matches,
  // and how many hits each set may have, so that each set's list is made once at its size.
  const std::size_t sets = compiled.set_ids.size();
  struct Exception {
    std::uint32_t block;
    SetIndex set;
    text::TermMatch match;
  };
  std::vector<Exception> exceptions;  // by block; usually few
  std::vector<std::uint32_t> most(sets, 0);
  for (std::uint32_t b = 0; b < blocks; ++b) {
    for (const text::TermMatch& m : matches.of(b)) {
      for (const PatternOwner& owner : compiled.owners[m.pattern]) {
        if (!language.counts(owner)) continue;
        if (owner.exception) {
          exceptions.push_back({b, owner.set, m});
        } else {
          ++most[owner.set];
        }
      }
    }
  }
  std::vector<std::vector<Hit>> own(sets);
  for (SetIndex set = 0; set < sets; ++set) own[set].reserve(most[set]);
  auto next_exception = exceptions.cbegin();                     // of the current block or a later one
  std::vector<std::pair<std::uint32_t, std::uint32_t>> negated;  // of the current block
  std::vector<std::size_t> with_negation_word;                   // sentences of the current block, in order
  for (std::uint32_t b = 0; b < blocks; ++b) {
    negated.clear();
    with_negation_word.clear();
    // Negation stays within its sentence: only the sentences holding both a term a polarity
    // signal reads and a negation word are looked at (matches are in order, so each sentence
    // comes up once).
    const PreparedBlock& prepared = index.block(b);
    std::size_t done = prepared.sentences.size();  // the last sentence looked at
    for (const text::TermMatch& m : matches.of(b)) {
      if (!compiled.polarity_read[m.pattern] || prepared.sentences.empty()) continue;
      const std::size_t sentence = text::sentence_of(prepared.sentences, m.begin);
      if (sentence == done) continue;
      if (done == prepared.sentences.size()) {  // the block's first: where are its negation words?
        for (const text::TermMatch& w : matches.of(b)) {
          if (!compiled.negation_word[w.pattern]) continue;
          const std::size_t at = text::sentence_of(prepared.sentences, w.begin);
          if (with_negation_word.empty() || with_negation_word.back() != at) with_negation_word.push_back(at);
        }
      }
      done = sentence;
      const std::uint32_t start = prepared.sentences[sentence];
      const std::uint32_t end = sentence + 1 < prepared.sentences.size()
                                    ? prepared.sentences[sentence + 1]
                                    : static_cast<std::uint32_t>(prepared.normalised.text.size());
      const auto sentence_text = std::string_view(prepared.normalised.text).substr(start, end - start);
      if (!std::binary_search(with_negation_word.begin(), with_negation_word.end(), sentence) &&
          !text::holds_one_letter_negation_word(sentence_text, options.language))
        continue;
      text::append_negated_spans(sentence_text, options.language, start, negated);
    }
    const auto block_exceptions = next_exception;
    while (next_exception != exceptions.cend() && next_exception->block == b) ++next_exception;
    for (const text::TermMatch& m : matches.of(b)) {
      // The last span starting at or before the match, if it reaches it.
      const auto after = std::upper_bound(negated.begin(), negated.end(), m.begin,
                                          [](std::uint32_t at, const auto& span) { return at < span.first; });
      const bool in_negation = after != negated.begin() && m.begin < std::prev(after)->second;
      const Hit hit{b, m.begin, m.end, m.pattern, in_negation};
      SetIndex last = k_no_set;  // a pattern's owners come set by set (compile)
      for (const PatternOwner& owner : compiled.owners[m.pattern]) {
        // A term the set lists both for every language and for the document's is one hit.
        if (owner.exception || owner.set == last || !language.counts(owner)) continue;
        last = owner.set;
        const bool masked = std::any_of(block_exceptions, next_exception, [&](const Exception& e) {
          return e.set == owner.set && overlaps(hit, e.match);
        });
        if (!masked) own[owner.set].push_back(hit);
      }
    }
  }
  // Each set's hits: its own and those of the sets it includes (already in context), then, for
  // a set with a context, only those with a hit of the context in their sentence. The loader
  // rules out cycles, so each set is built once, after what it reads.
  index.hits.resize(sets);
  std::vector<bool> built(sets, false);
  const auto by_place = [](const Hit& a, const Hit& b) {
    return std::tie(a.block, a.begin, a.end, a.pattern) < std::tie(b.block, b.begin, b.end, b.pattern);
  };
  std::vector<Hit> merged;  // reused: each merge writes here, then swaps with the set's list
  auto build = [&](auto& self, SetIndex set) -> void {
    if (built[set]) return;
    built[set] = true;
    std::vector<Hit> hits = std::move(own[set]);
    // Each list is in order already, and holds each hit once: merged, not sorted, and a term
    // listed twice, or reached twice, is kept once (a union; equal places are equal hits).
    for (SetIndex included : compiled.includes[set]) {
      self(self, included);
      const std::vector<Hit>& more = index.hits[included];
      if (more.empty()) continue;
      merged.clear();
      merged.reserve(hits.size() + more.size());
      std::set_union(hits.begin(), hits.end(), more.begin(), more.end(), std::back_inserter(merged), by_place);
      hits.swap(merged);
    }
    if (const auto context = compiled.context[set]) {
      self(self, *context);
      const std::vector<Hit>& around = index.hits[*context];
      // A context hit in the hit's sentence: the first context hit at or after the sentence's start.
      std::erase_if(hits, [&](const Hit& hit) {
        const auto& sentences = index.block(hit.block).sentences;
        const std::size_t sentence = text::sentence_of(sentences, hit.begin);
        const std::uint32_t start = sentences.empty() ? 0 : sentences[sentence];
        const auto it = std::lower_bound(
            around.begin(), around.end(), std::pair{hit.block, start},
            [](const Hit& h, const auto& at) { return std::tie(h.block, h.begin) < std::tie(at.first, at.second); });
        return it == around.end() || it->block != hit.block || text::sentence_of(sentences, it->begin) != sentence;
      });
    }
    index.hits[set] = std::move(hits);
  };
  for (SetIndex set = 0; set < sets; ++set) build(build, set);
  return index;
}

std::vector<std::string> part_ids(const CompiledChecklist& compiled, const DocumentIndex& index) {
  std::vector<std::string> out;
  out.reserve(index.part.size());
  for (const std::int32_t part : index.part) out.push_back(part < 0 ? std::string() : compiled.parts[part].first);
  return out;
}

DocumentIndex index_document(const CompiledChecklist& compiled, const ingest::Document& document,
                             const IndexOptions& options) {
  return index_document(compiled, document, std::make_shared<const PreparedText>(prepare(document, options.timings)),
                        options);
}

}  // namespace unct::rules
