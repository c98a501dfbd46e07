#include "engine/agreement/evaluation.hpp"

#include "engine/assess/assess.hpp"
#include "engine/core/error.hpp"

#include <algorithm>

namespace unct::agreement {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view k_gold_suffix = ".gold.csv";

// The document a gold file is about: the one file beside it with the same name and a document
// extension.
fs::path document_for(const fs::path& gold) {
  const std::string name = gold.filename().string();
  const std::string stem = name.substr(0, name.size() - k_gold_suffix.size());
  std::vector<fs::path> found;
  for (const auto& entry : fs::directory_iterator(gold.parent_path())) {
    if (entry.is_regular_file() && entry.path().stem() == stem && ingest::is_document_name(entry.path())) {
      found.push_back(entry.path());
    }
  }
  if (found.empty())
    throw InputError({.file = gold}, "no document " + stem + ".pdf, .docx, .html, .md or .txt beside it");
  if (found.size() > 1) {
    std::sort(found.begin(), found.end());
    throw InputError({.file = gold}, "several documents are named " + stem + " (" + found[0].filename().string() +
                                         ", " + found[1].filename().string() + "); keep one per gold file");
  }
  return found.front();
}

// The kinds of document every rated item applies to, e.g. CF for a gold file of RDM-CF items.
std::vector<DocumentKind> gold_kinds(const checklist::Checklist& checklist, const std::vector<Rating>& gold,
                                     const fs::path& gold_path) {
  std::vector<DocumentKind> kinds{DocumentKind::cca, DocumentKind::cf, DocumentKind::serp};
  for (const Rating& r : gold) {
    const checklist::Item* item = checklist::find_item(checklist, r.item_id);
    const SourceLocation where{.file = gold_path, .line = r.line, .item_id = r.item_id};
    if (item == nullptr) throw InputError(where, "no such item in the checklist");
    if (item->external) continue;
    std::erase_if(kinds, [&](DocumentKind k) { return !checklist::applies_to(*item, k); });
    if (kinds.empty()) throw InputError(where, "the gold's items apply to no one kind of document (CCA, CF or SERP)");
  }
  return kinds;
}

}  // namespace

Evaluation evaluate(const checklist::Checklist& checklist, const rules::CompiledChecklist& compiled,
                    const fs::path& folder, const ingest::ReadOptions& read) {
  std::error_code error;
  if (!fs::is_directory(folder, error)) throw InputError({.file = folder}, "not a folder");
  std::vector<fs::path> golds;
  for (const auto& entry : fs::directory_iterator(folder)) {
    if (entry.is_regular_file() && entry.path().filename().string().ends_with(k_gold_suffix))
      golds.push_back(entry.path());
  }
  if (golds.empty())
    throw InputError({.file = folder}, "no gold files (<name>.gold.csv beside <name>.pdf, .docx, .md...)");
  std::sort(golds.begin(), golds.end());

  Evaluation out;
  std::vector<Pair> all;
  std::map<std::string, std::vector<Pair>> by_item;
  std::map<std::string, std::vector<Pair>> by_kind;
  std::map<std::string, std::vector<Pair>> by_language;
  for (const fs::path& gold_path : golds) {
    const std::vector<Rating> gold = read_ratings(read_csv(gold_path));
    const fs::path document_path = document_for(gold_path);
    const ingest::Document document = ingest::read_document(document_path, read);
    const std::vector<DocumentKind> kinds = gold_kinds(checklist, gold, gold_path);
    const Assessment assessment = assess(checklist, compiled, document);
    // Items that apply to several kinds leave the engine's reading as good as any of them.
    const bool misread = std::find(kinds.begin(), kinds.end(), assessment.document.kind) == kinds.end();
    const DocumentKind kind = misread ? kinds.front() : assessment.document.kind;
    DocumentOutcome d{.document = document_path,
                      .gold = gold_path,
                      .title = assessment.document.title,
                      .kind = std::string(code(kind)),
                      .kind_read = std::string(code(assessment.document.kind)),
                      .language = assessment.document.language,
                      .words = assessment.document.words};
    for (const Rating& r : gold) {
      const rules::ItemResult* item = find_result(assessment, r.item_id);
      const SourceLocation where{.file = gold_path, .line = r.line, .item_id = r.item_id};
      if (misread) {
        d.items.push_back({.item_id = r.item_id,
                           .title = checklist::find_item(checklist, r.item_id)->title,
                           .gold = r.level,
                           .engine = Level::missing,
                           .rationale = r.rationale,
                           .gold_line = r.line,
                           .rated = false});
        continue;
      }
      if (!item->applicable) {
        throw InputError(where, "the engine does not rate this item for " + document_path.filename().string() + " (" +
                                    item->not_applicable_reason + ")");
      }
      ItemOutcome o{.item_id = r.item_id,
                    .title = item->title,
                    .gold = r.level,
                    .engine = item->level,
                    .rationale = r.rationale,
                    .gold_line = r.line,
                    .evidence = {}};
      if (const rules::Evidence* e = rules::best_evidence(*item)) o.evidence = *e;
      for (const std::string& id : item->unmet) {
        for (const rules::CriterionResult& c : item->criteria) {
          if (c.id == id) o.unmet.push_back(c.text);
        }
      }
      d.items.push_back(std::move(o));
    }
    for (const rules::ItemResult& item : assessment.items) {
      if (misread) break;
      const bool rated =
          std::any_of(gold.begin(), gold.end(), [&](const Rating& r) { return r.item_id == item.item_id; });
      if (item.applicable && !rated) {
        throw InputError({.file = gold_path, .item_id = item.item_id},
                         "the gold file leaves out an item the engine rates");
      }
    }
    std::vector<Pair> pairs;
    for (const ItemOutcome& o : d.items) {
      const Pair p{.reference = o.gold, .rater = o.engine};
      pairs.push_back(p);
      all.push_back(p);
      by_item[o.item_id].push_back(p);
      by_kind[d.kind].push_back(p);
      by_language[d.language.empty() ? "unknown" : d.language].push_back(p);
    }
    d.agreement = measure(pairs);
    out.documents.push_back(std::move(d));
  }
  out.overall = measure(all);
  for (const auto& [key, pairs] : by_item) out.by_item[key] = measure(pairs);
  for (const auto& [key, pairs] : by_kind) out.by_kind[key] = measure(pairs);
  for (const auto& [key, pairs] : by_language) out.by_language[key] = measure(pairs);
  return out;
}

}  // namespace unct::agreement
