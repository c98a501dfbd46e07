#include "engine/batch/rescore.hpp"

#include "engine/assess/assess.hpp"
#include "engine/batch/jobs.hpp"
#include "engine/core/clock.hpp"
#include "engine/core/error.hpp"
#include "engine/selfassess/selfassess.hpp"

#include <algorithm>
#include <chrono>
#include <mutex>

namespace unct::batch {
namespace {

// What was given for the document when it was scored, so that it is rated as it was: the kind
// and language only when given (detected ones are detected again, the same way), the rest as
// stored.
AssessOptions options_of(const DocumentSummary& d) {
  AssessOptions out{.region = d.region, .draft = d.draft};
  if (d.kind_source == "given") out.kind = d.kind;
  if (d.language_source == "given") out.language = d.language;
  if (d.year > 0) out.year = d.year;
  if (!d.country.empty()) out.country = d.country;
  if (!d.title.empty()) out.title = d.title;
  return out;
}

std::size_t changed_items(const Assessment& before, const Assessment& after) {
  std::size_t changed = 0;
  for (const rules::ItemResult& item : after.items) {
    const rules::ItemResult* earlier = find_result(before, item.item_id);
    if (earlier == nullptr) {
      ++changed;
      continue;
    }
    // The engine's levels on both sides: a reviewer's override is not a change of the checklist.
    const Level was = earlier->review ? earlier->review->engine_level : earlier->level;
    if (earlier->applicable != item.applicable || was != item.level) ++changed;
  }
  return changed;
}

Rescored rescore_one(std::int64_t previous_id, store::Store& store, const checklist::Checklist& checklist,
                     const rules::CompiledChecklist& compiled, const RescoreOptions& options, std::mutex& writing,
                     std::size_t& text_bytes) {
  Rescored out{.previous_id = previous_id};
  try {
    const Assessment previous = store.assessments().load(previous_id, store::AssessmentStore::Detail::items);
    out.outcome.path = previous.document.path;
    out.outcome.sha256 = previous.document.sha256;
    if (!options.force) {
      if (const auto earlier = store.assessments().assessed(previous.document.sha256, checklist.sha256)) {
        out.outcome.status = Outcome::Status::skipped;
        out.outcome.assessment_id = *earlier;
        return out;
      }
    }
    std::optional<ingest::Document> text = store.documents().cached(previous.document.sha256);
    if (!text) {
      throw InputError({.file = previous.document.path},
                       "its text is not in the database (it was read by an earlier version of the readers): "
                       "score the file again with `unct-assess score` or `batch`");
    }
    text->path = previous.document.path;
    for (const ingest::Block& block : text->blocks) text_bytes += block.text.size();
    Assessment assessment = assess(checklist, compiled, *text, options_of(previous.document));
    assessment.created_at = now_utc();
    // The team's ratings of items the checklist still has for this document carry over; a
    // rating of an item it dropped or no longer applies is left out, and counted.
    std::vector<SelfRating> ratings;
    for (const SelfRating& rating : previous.self) {
      const rules::ItemResult* item = find_result(assessment, rating.item_id);
      if (item != nullptr && (item->applicable || item->external))
        ratings.push_back(rating);
      else
        ++out.dropped_self_ratings;
    }
    if (!ratings.empty())
      selfassess::apply(assessment, ratings, "the team's ratings of assessment " + std::to_string(previous_id));
    out.changed = changed_items(previous, assessment);
    store_rated(store, writing, assessment, nullptr, options.force, out.outcome);
  } catch (...) {
    fail_with_current_exception(out.outcome, out.outcome.path.string());
  }
  return out;
}

}  // namespace

RescoreSummary rescore(const checklist::Checklist& checklist, const rules::CompiledChecklist& compiled,
                       const RescoreOptions& options, const OnProgress& on_progress) {
  using Clock = std::chrono::steady_clock;
  const Clock::time_point started = Clock::now();
  auto seconds_since = [](Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); };

  store::Store main_store(options.database);
  std::vector<std::int64_t> previous;
  for (const PortfolioRow& row : main_store.portfolio().documents(options.filter))
    previous.push_back(row.assessment_id);

  RescoreSummary summary;
  summary.documents.resize(previous.size());
  std::mutex mutex;    // guards summary, progress and the callback
  std::mutex writing;  // one thread at a time in a write transaction
  Progress progress{.total = previous.size()};
  const unsigned jobs = std::max(1u, std::min<unsigned>(options.jobs, static_cast<unsigned>(previous.size())));
  run_jobs(main_store, jobs, previous.size(), [&](store::Store& store) -> ItemWork {
    return [&](std::size_t i) {
      const Clock::time_point begin = Clock::now();
      std::size_t bytes = 0;
      Rescored rescored = rescore_one(previous[i], store, checklist, compiled, options, writing, bytes);
      const std::lock_guard lock(mutex);
      if (rescored.outcome.status == Outcome::Status::scored) summary.text_bytes += bytes;
      progress.count(rescored.outcome, seconds_since(begin), jobs);
      progress.elapsed_seconds = seconds_since(started);
      summary.documents[i] = std::move(rescored);
      if (on_progress) on_progress(progress, summary.documents[i].outcome);
    };
  });
  summary.counts = progress.counts;
  summary.seconds = seconds_since(started);
  return summary;
}

}  // namespace unct::batch
