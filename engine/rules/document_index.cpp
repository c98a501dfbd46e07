#include "engine/rules/document_index.hpp"

#include "engine/text/sentences.hpp"

#include <algorithm>

namespace unct::rules {
namespace {

bool overlaps(const Hit& a, const text::TermMatch& b) { return a.begin < b.end && b.begin < a.end; }

// Part of each block: a heading that carries a part's heading term opens that part for itself
// and everything beneath it; other headings inherit the part of the heading above them.
void assign_parts(const CompiledChecklist& compiled, const ingest::Document& document,
                  const std::vector<std::vector<text::TermMatch>>& matches, DocumentIndex& index) {
  std::vector<std::pair<int, std::string>> open;  // (heading level, part id)
  for (std::size_t b = 0; b < document.blocks.size(); ++b) {
    const ingest::Block& block = document.blocks[b];
    if (block.kind == ingest::BlockKind::heading) {
      while (!open.empty() && open.back().first >= block.level) open.pop_back();
      std::string part = open.empty() ? std::string() : open.back().second;
      for (const auto& [part_id, heading_set] : compiled.parts) {
        const auto& members = compiled.members[heading_set];
        const bool named = std::any_of(matches[b].begin(), matches[b].end(), [&](const text::TermMatch& m) {
          return std::any_of(compiled.owners[m.pattern].begin(), compiled.owners[m.pattern].end(),
                             [&](const PatternOwner& o) {
                               return !o.exception && std::binary_search(members.begin(), members.end(), o.set);
                             });
        });
        if (named) {
          part = part_id;
          break;
        }
      }
      open.emplace_back(block.level, part);
    }
    index.blocks[b].part = open.empty() ? std::string() : open.back().second;
  }
}

}  // namespace

DocumentIndex index_document(const CompiledChecklist& compiled, const ingest::Document& document) {
  DocumentIndex index;
  index.blocks.resize(document.blocks.size());
  std::vector<std::vector<text::TermMatch>> matches(document.blocks.size());
  for (std::size_t b = 0; b < document.blocks.size(); ++b) {
    IndexedBlock& block = index.blocks[b];
    block.normalised = text::normalise(document.blocks[b].text);
    block.sentences = text::sentence_starts(block.normalised, document.blocks[b].text);
    compiled.matcher.scan(block.normalised.text, matches[b]);
  }
  assign_parts(compiled, document, matches, index);

  // Hits of each set on its own, then with the sets it includes.
  const std::size_t sets = compiled.set_ids.size();
  std::vector<std::vector<Hit>> own(sets);
  std::vector<std::pair<SetIndex, text::TermMatch>> exceptions;  // of the current block; usually none
  for (std::uint32_t b = 0; b < matches.size(); ++b) {
    exceptions.clear();
    for (const text::TermMatch& m : matches[b]) {
      for (const PatternOwner& owner : compiled.owners[m.pattern]) {
        if (owner.exception) exceptions.emplace_back(owner.set, m);
      }
    }
    for (const text::TermMatch& m : matches[b]) {
      for (const PatternOwner& owner : compiled.owners[m.pattern]) {
        if (owner.exception) continue;
        const Hit hit{b, m.begin, m.end, m.pattern};
        const bool masked = std::any_of(exceptions.begin(), exceptions.end(), [&](const auto& e) {
          return e.first == owner.set && overlaps(hit, e.second);
        });
        if (!masked) own[owner.set].push_back(hit);
      }
    }
  }
  index.hits.resize(sets);
  for (SetIndex set = 0; set < sets; ++set) {
    std::vector<Hit>& hits = index.hits[set];
    for (SetIndex member : compiled.members[set]) hits.insert(hits.end(), own[member].begin(), own[member].end());
    std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) {
      return std::tie(a.block, a.begin, a.end, a.pattern) < std::tie(b.block, b.begin, b.end, b.pattern);
    });
    hits.erase(std::unique(hits.begin(), hits.end()), hits.end());
  }
  return index;
}

}  // namespace unct::rules
