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
  AssessOptions out{.region = d.region, .draft = d.draft, .words = d.words};
  if (d.kind_source == "given") out.kind = d.kind;
  if (d.language_source == "given") out.language = d.language;
  if (d.year > 0) out.year = d.year;
  if (!d.country.empty()) out.country = d.country;
  if (!d.title.empty()) out.title = d.title;
  return out;
}

std::size_t changed_items(const store::AssessmentStore::Levels& before, const Assessment& after) {
  std::size_t changed = 0;
  for (const rules::ItemResult& item : after.items) {
    const auto earlier =
        std::find_if(before.items.begin(), before.items.end(),
                     [&](const store::AssessmentStore::ItemLevel& e) { return e.item_id == item.item_id; });
    // The engine's levels on both sides: a reviewer's override is not a change of the checklist.
    if (earlier == before.items.end() || earlier->applicable != item.applicable || earlier->level != item.level)
      ++changed;
  }
  return changed;
}

// Rates again the document of assessment `previous_id`. When it was rated, `rated` holds it for
// the saver, which sets its outcome; otherwise the outcome returned is final (skipped, failed).
Rescored rescore_one(std::int64_t previous_id, store::Store& store, const checklist::Checklist& checklist,
                     const rules::CompiledChecklist& compiled, const RescoreOptions& options,
                     std::optional<Rated>& rated, std::size_t& text_bytes) {
  Rescored out{.previous_id = previous_id};
  try {
    const store::AssessmentStore::Levels previous = store.assessments().levels(previous_id);
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
    rated = Rated{.assessment = std::move(assessment), .outcome = out.outcome};
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
  const std::vector<std::int64_t> previous = main_store.portfolio().latest(options.filter);

  RescoreSummary summary;
  summary.documents.resize(previous.size());
  std::vector<std::size_t> text_bytes(previous.size());
  std::mutex mutex;  // guards summary, progress and the callback
  Progress progress{.total = previous.size()};
  const unsigned jobs = std::max(1u, std::min<unsigned>(options.jobs, static_cast<unsigned>(previous.size())));
  // Document i is done, with its outcome in summary.documents[i]; `mutex` is held.
  auto done = [&](std::size_t i, double seconds) {
    const Outcome& outcome = summary.documents[i].outcome;
    if (outcome.status == Outcome::Status::scored) summary.text_bytes += text_bytes[i];
    progress.count(outcome, seconds, jobs);
    progress.elapsed_seconds = seconds_since(started);
    if (on_progress) on_progress(progress, outcome);
  };
  GroupSaver saver(options.database, options.force, [&](store::Store&, Rated& rated) {
    const std::lock_guard lock(mutex);
    summary.documents[rated.item].outcome = std::move(rated.outcome);
    done(rated.item, rated.seconds);
  });
  const MakeWork work = [&](store::Store& store) -> ItemWork {
    return [&](std::size_t i) {
      const Clock::time_point begin = Clock::now();
      std::optional<Rated> rated;
      Rescored rescored = rescore_one(previous[i], store, checklist, compiled, options, rated, text_bytes[i]);
      const double seconds = seconds_since(begin);
      {
        const std::lock_guard lock(mutex);
        summary.documents[i] = std::move(rescored);
        if (!rated) {
          done(i, seconds);
          return;
        }
      }
      rated->item = i;
      rated->seconds = seconds;
      saver.add(store, std::move(*rated));
    };
  };
  run_jobs(main_store, jobs, previous.size(), work);  // when it throws, the saver still stores what was rated
  saver.finish(main_store);
  summary.counts = progress.counts;
  summary.seconds = seconds_since(started);
  return summary;
}

}  // namespace unct::batch
