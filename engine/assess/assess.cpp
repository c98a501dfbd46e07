#include "engine/assess/assess.hpp"

#include "engine/core/version.hpp"
#include "engine/rules/document_index.hpp"
#include "engine/rules/rate.hpp"

#include <algorithm>
#include <utility>

namespace unct {

bool is_rated_language(std::string_view code) { return code == "en" || code == "fr" || code == "es"; }

bool is_plausible_year(int year) { return year >= 1945 && year <= 2100; }

const rules::ItemResult* find_result(const Assessment& assessment, std::string_view item_id) {
  for (const rules::ItemResult& item : assessment.items) {
    if (item.item_id == item_id) return &item;
  }
  return nullptr;
}

rules::ItemResult* find_result(Assessment& assessment, std::string_view item_id) {
  return const_cast<rules::ItemResult*>(find_result(std::as_const(assessment), item_id));
}

void add_to(Score& score, const rules::ItemResult& item) {
  // The team's own levels are shown beside the engine's but never move its figure.
  if (!item.applicable || rules::self_reported(item)) return;
  ++score.applicable;
  if (item.level >= Level::meets) ++score.at_meets_or_above;
  score.points += points(item.level) * item.weight;
  score.max_points += k_max_points * item.weight;
}

void rescore(Assessment& assessment) {
  assessment.overall = {};
  for (SectionScore& section : assessment.sections) {
    section.score = {};
    for (const rules::ItemResult& item : assessment.items) {
      if (item.section_id == section.id) add_to(section.score, item);
    }
  }
  for (const rules::ItemResult& item : assessment.items) add_to(assessment.overall, item);
}

Assessment assess(const checklist::Checklist& checklist, const rules::CompiledChecklist& compiled,
                  const ingest::Document& document, const AssessOptions& options) {
  auto text = std::make_shared<const rules::PreparedText>(rules::prepare(document, options.timings, options.words));
  return assess(checklist, compiled, document, std::move(text), options);
}

Assessment assess(const checklist::Checklist& checklist, const rules::CompiledChecklist& compiled,
                  const ingest::Document& document, std::shared_ptr<const rules::PreparedText> text,
                  const AssessOptions& options) {
  Assessment out;
  out.engine_version = k_engine_version;
  out.checklist = {.id = checklist.meta.id,
                   .version = checklist.meta.version,
                   .title = checklist.meta.title,
                   .sha256 = checklist.sha256,
                   .provenance = checklist.meta.provenance};
  out.document = {.path = document.path.string(),
                  .sha256 = document.sha256,
                  .format = document.format,
                  .title = document.title,
                  .bytes = document.bytes,
                  .words = text->words,
                  .blocks = document.blocks.size()};
  if (options.kind) {
    out.document.kind = *options.kind;
    out.document.kind_source = "given";
  } else if (document.kind) {
    out.document.kind = *document.kind;
    out.document.kind_source = "detected";
  } else {
    out.document.kind = DocumentKind::cca;
    out.document.kind_source = "assumed";
  }

  if (options.language) {
    out.document.language = *options.language;
    out.document.language_source = "given";
  } else if (!document.language.empty()) {
    out.document.language = document.language;
    out.document.language_source = "detected";
  }
  out.document.year = options.year.value_or(document.year.value_or(0));
  out.document.country = options.country.value_or(document.country);
  out.document.region = options.region;
  out.document.draft = options.draft;
  if (options.title) out.document.title = *options.title;

  const rules::DocumentIndex index = rules::index_document(
      compiled, document, std::move(text), {.language = out.document.language, .timings = options.timings});
  const rules::DocumentFacts facts{
      .kind = out.document.kind, .year = out.document.year, .language = out.document.language};
  PhaseTimer timer(options.timings, "evaluate");
  for (const checklist::Section& section : checklist.sections) {
    SectionScore section_score{.id = section.id, .title = section.title};
    for (const checklist::Item& item : section.items) {
      const bool explain = std::find(options.explain.begin(), options.explain.end(), item.id) != options.explain.end();
      rules::ItemResult result = rules::rate(item, section.id, facts, compiled, document, index, explain);
      add_to(section_score.score, result);
      add_to(out.overall, result);
      out.items.push_back(std::move(result));
    }
    out.sections.push_back(std::move(section_score));
  }
  return out;
}

}  // namespace unct
