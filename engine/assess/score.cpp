#include "engine/assess/score.hpp"

#include "engine/core/clock.hpp"
#include "engine/core/timings.hpp"

namespace unct {

Scored score_document(ingest::Source source, const TextCache& cache, const DocumentReader& read,
                      const checklist::Checklist& checklist, const rules::CompiledChecklist& compiled,
                      const AssessOptions& options) {
  bool from_cache = false;
  ingest::Document document = [&] {
    PhaseTimer timer(options.timings, "read");
    if (cache) {
      if (std::optional<ingest::Document> cached = cache(source.sha256)) {
        cached->path = source.path;  // the same bytes may have been read under another name
        from_cache = true;
        return std::move(*cached);
      }
    }
    // The file's bytes go with the source, before the document is rated.
    return read(std::move(source));
  }();
  Assessment assessment = assess(checklist, compiled, document, options);
  assessment.created_at = now_utc();
  return {std::move(document), from_cache, std::move(assessment)};
}

}  // namespace unct
