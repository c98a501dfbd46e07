#include "engine/batch/batch.hpp"

#include "engine/assess/score.hpp"
#include "engine/batch/jobs.hpp"
#include "engine/batch/reader_process.hpp"

#include "engine/core/ascii.hpp"
#include "engine/core/clock.hpp"
#include "engine/core/error.hpp"
#include "engine/core/file.hpp"
#include "engine/text/unicode.hpp"

#include <algorithm>
#include <chrono>
#include <exception>
#include <map>
#include <mutex>
#include <sstream>

namespace unct::batch {
namespace {

namespace fs = std::filesystem;

// The same file however it was named: "samples/./a.pdf", "/work/samples/a.pdf".
fs::path same_file_key(const fs::path& path) {
  std::error_code error;
  const fs::path canonical = fs::weakly_canonical(path, error);
  return error ? path.lexically_normal() : canonical;
}

std::string display(const fs::path& path) { return path.string(); }

}  // namespace

namespace {

// Why a file of a folder is not a document to score; what to do when it could be.
std::string passed_over_reason(const fs::path& path) {
  const std::string name = path.filename().string();
  const std::string extension = ascii_lower(path.extension().string());
  if (name.starts_with("~$")) return "an Office lock file, left while the document is open";
  if (extension == ".doc" || extension == ".rtf" || extension == ".wpd" || extension == ".pages") {
    return "not a format the readers take: save it as DOCX or PDF to score it";
  }
  for (const char* sheet : {".xlsx", ".xls", ".ods", ".csv", ".pptx", ".ppt", ".odp"}) {
    if (extension == sheet) return "a spreadsheet, table or slides, not a document to score";
  }
  return "not a document the readers take (PDF, DOCX, ODT, HTML, Markdown or text)";
}

}  // namespace

Listing entries_in_directory(const fs::path& directory, bool recursive) {
  std::error_code error;
  if (!fs::is_directory(directory, error)) throw InputError({.file = directory}, "not a folder");
  Listing out;
  const fs::path root = fs::weakly_canonical(directory, error);
  // A link is followed only to a file inside the folder: a link to /etc/passwd named notes.txt is
  // not read and stored.
  auto inside = [&](const fs::path& file) {
    const fs::path target = fs::weakly_canonical(file, error);
    const auto [end, _] = std::mismatch(root.begin(), root.end(), target.begin(), target.end());
    return !error && end == root.end();
  };
  auto add = [&](const fs::directory_entry& file) {
    if (file.path().filename().string().starts_with('.') || file.is_directory(error)) return;
    if (!file.is_regular_file(error)) {
      out.passed_over.push_back({file.path(), "not a regular file (a pipe, device, socket or broken link)"});
    } else if (!ingest::is_document_name(file.path()) || file.path().filename().string().starts_with("~$")) {
      out.passed_over.push_back({file.path(), passed_over_reason(file.path())});
    } else if (file.is_symlink(error) && !inside(file.path())) {
      out.passed_over.push_back({file.path(), "a link to a file outside the folder"});
    } else {
      out.entries.push_back({.path = file.path()});
    }
  };
  try {
    if (recursive) {
      // Hidden folders (.git, .Trash) are not entered.
      for (auto it = fs::recursive_directory_iterator(directory); it != fs::recursive_directory_iterator(); ++it) {
        if (it->path().filename().string().starts_with('.') && it->is_directory(error)) it.disable_recursion_pending();
        add(*it);
      }
    } else {
      for (const auto& file : fs::directory_iterator(directory)) add(file);
    }
  } catch (const fs::filesystem_error& e) {
    throw InputError({.file = e.path1().empty() ? directory : e.path1()},
                     std::string("cannot list the folder: ") + e.code().message());
  }
  std::sort(out.entries.begin(), out.entries.end(), [](const Entry& a, const Entry& b) { return a.path < b.path; });
  std::sort(out.passed_over.begin(), out.passed_over.end(),
            [](const Passed& a, const Passed& b) { return a.path < b.path; });
  return out;
}

std::vector<Entry> entries_in_list(const fs::path& list) {
  const std::string text = read_file(list, 64u << 20);
  std::istringstream lines(text);
  std::vector<Entry> out;
  std::map<fs::path, int> seen;
  int number = 0;
  for (std::string line; std::getline(lines, line);) {
    ++number;
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) line.pop_back();
    const auto start = line.find_first_not_of(" \t");
    if (start == std::string::npos || line[start] == '#') continue;
    fs::path path = fs::path(line.substr(start));
    if (path.is_relative()) path = list.parent_path() / path;
    std::error_code error;
    if (!fs::is_regular_file(path, error)) {
      throw InputError({.file = list, .line = number}, "no such file: " + display(path));
    }
    const auto [it, inserted] = seen.emplace(same_file_key(path), number);
    if (!inserted) {
      throw InputError({.file = list, .line = number},
                       display(path) + " is already listed on line " + std::to_string(it->second));
    }
    out.push_back({.path = path});
  }
  return out;
}

void apply_manifest(std::vector<Entry>& entries, const CsvTable& manifest) {
  static const std::vector<std::string> k_columns{"file", "country", "region", "kind", "language", "year", "draft"};
  for (std::size_t i = 0; i < manifest.header.size(); ++i) {
    if (std::find(k_columns.begin(), k_columns.end(), ascii_lower(manifest.header[i])) == k_columns.end()) {
      throw InputError(
          {.file = manifest.path, .line = 1},
          "unknown column \"" + manifest.header[i] + "\": use file, country, region, kind, language, year, draft");
    }
  }
  const auto file = manifest.column("file");
  if (!file) throw InputError({.file = manifest.path, .line = 1}, "no \"file\" column: it names each document");
  const fs::path base = manifest.path.parent_path();
  // Each entry's file name and resolved path, worked out once rather than once per row.
  std::multimap<fs::path, Entry*> by_name;
  std::map<fs::path, Entry*> by_file;
  for (Entry& entry : entries) {
    by_name.emplace(entry.path.filename(), &entry);
    by_file.emplace(same_file_key(entry.path), &entry);
  }
  std::map<const Entry*, int> applied;
  for (const CsvRow& row : manifest.rows) {
    const SourceLocation where{.file = manifest.path, .line = row.line};
    const std::string name = manifest.field(row, file);
    if (name.empty()) throw InputError(where, "the file is empty: name the document");
    // A bare file name matches by name; a path matches the same file.
    std::vector<Entry*> matches;
    if (fs::path(name).filename() == fs::path(name)) {
      const auto [first, last] = by_name.equal_range(fs::path(name));
      for (auto it = first; it != last; ++it) matches.push_back(it->second);
    }
    const auto same = by_file.find(same_file_key(fs::path(name).is_absolute() ? fs::path(name) : base / name));
    if (same != by_file.end() && std::find(matches.begin(), matches.end(), same->second) == matches.end()) {
      matches.push_back(same->second);
    }
    if (matches.empty()) throw InputError(where, "\"" + name + "\" is not one of the documents of this batch");
    if (matches.size() > 1) {
      throw InputError(where, "\"" + name + "\" names " + std::to_string(matches.size()) +
                                  " documents of this batch; give its path relative to the manifest");
    }
    Entry& entry = *matches.front();
    const auto [it, inserted] = applied.emplace(&entry, row.line);
    if (!inserted)
      throw InputError(where, "\"" + name + "\" is already described on line " + std::to_string(it->second));

    if (const std::string kind = manifest.field(row, manifest.column("kind")); !kind.empty()) {
      entry.kind = parse_document_kind(kind);
      if (!entry.kind) throw InputError(where, "unknown kind \"" + kind + "\": use cca, cf or serp");
    }
    if (const std::string language = ascii_lower(manifest.field(row, manifest.column("language"))); !language.empty()) {
      if (!is_rated_language(language)) {
        throw InputError(where, "unknown language \"" + language + "\": use en, fr or es");
      }
      entry.language = language;
    }
    if (const std::string year = manifest.field(row, manifest.column("year")); !year.empty()) {
      std::size_t used = 0;
      int value = 0;
      try {
        value = std::stoi(year, &used);
      } catch (const std::exception&) {
        used = 0;
      }
      if (used != year.size() || !is_plausible_year(value)) throw InputError(where, "\"" + year + "\" is not a year");
      entry.year = value;
    }
    if (const std::string country = manifest.field(row, manifest.column("country")); !country.empty())
      entry.country = country;
    entry.region = manifest.field(row, manifest.column("region"));
    entry.draft = manifest.field(row, manifest.column("draft"));
  }
}

namespace {

std::size_t word_count(const ingest::Document& document) {
  std::size_t words = 0;
  for (const ingest::Block& block : document.blocks) words += text::count_words(block.text);
  return words;
}

// Scores one document, reading it with `reader` when there is one, and consulting `store`. When it
// was rated, `rated` holds it for the saver, which sets its outcome; otherwise the outcome returned
// is final (skipped, or failed: every problem becomes a failed Outcome).
Outcome score_one(const Entry& entry, store::Store& store, ReaderProcess* reader, const checklist::Checklist& checklist,
                  const rules::CompiledChecklist& compiled, const Options& options, std::optional<Rated>& rated) {
  Outcome out{.path = entry.path};
  try {
    ingest::Source source = ingest::load_source(entry.path, options.read);
    out.sha256 = source.sha256;
    if (!options.force) {
      if (const std::optional<std::int64_t> earlier = store.assessments().assessed(source.sha256, checklist.sha256)) {
        out.status = Outcome::Status::skipped;
        out.assessment_id = *earlier;
        return out;
      }
    }
    if (!options.retry_failed && !options.force) {
      if (const std::optional<FailureRow> failure = store.batches().failed_before(source.sha256, checklist.sha256)) {
        out.status = Outcome::Status::failed;
        // The same bytes may have failed under another name.
        out.error = failure->path == display(entry.path) ? failure->error
                                                         : display(entry.path) + ": the same file as " + failure->path +
                                                               ", which failed: " + failure->error;
        out.failed_in_batch = failure->batch_id;
        return out;
      }
    }
    const AssessOptions assess_options{.kind = entry.kind,
                                       .language = entry.language,
                                       .year = entry.year,
                                       .country = entry.country,
                                       .region = entry.region,
                                       .draft = entry.draft};
    Scored scored = [&] {
      try {
        Scored read = score_document(
            std::move(source), [&](const std::string& sha256) { return store.documents().cached(sha256); },
            [&](ingest::Source&& s) {
              return reader ? reader->read(s, options.read) : ingest::read_source(std::move(s), options.read);
            },
            checklist, compiled, assess_options);
        if (const std::size_t words = word_count(read.document); words < options.min_words) {
          throw InputError({.file = entry.path},
                           "only " + std::to_string(words) + (words == 1 ? " word" : " words") +
                               ": too short to assess as a CCA, Cooperation Framework or response plan "
                               "(is it the right file?)");
        }
        return read;
      } catch (const ReaderStopped& e) {
        out.file_at_fault = e.file_at_fault();
        throw;
      } catch (const InputError&) {
        out.file_at_fault = true;  // the reader's verdict on the file
        throw;
      }
    }();
    // The text is packed here, on the rating thread, and only when it was read: a document from
    // the cache is there already.
    rated = Rated{.assessment = std::move(scored.assessment),
                  .text = scored.from_cache ? std::nullopt : std::optional(store::pack_text(scored.document)),
                  .outcome = out};
  } catch (...) {
    fail_with_current_exception(out, display(entry.path));
  }
  return out;
}

}  // namespace

Summary run(const checklist::Checklist& checklist, const rules::CompiledChecklist& compiled,
            const std::vector<Entry>& entries, const Options& options, const OnProgress& on_progress) {
  using Clock = std::chrono::steady_clock;
  const Clock::time_point started = Clock::now();
  auto seconds_since = [](Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); };

  store::Store main_store(options.database);  // creates and migrates the database before the workers open it
  Summary summary;
  summary.batch_id = main_store.batches().start(options.source, checklist.sha256, entries.size(), now_utc());
  summary.outcomes.resize(entries.size());

  const unsigned jobs = std::max(1u, std::min<unsigned>(options.jobs, static_cast<unsigned>(entries.size())));
  summary.jobs = jobs;
  std::mutex mutex;  // guards summary, progress and the callback
  Progress progress{.total = entries.size()};
  // Document i is done with `outcome`; `mutex` is held.
  auto done = [&](std::size_t i, Outcome&& outcome, double seconds) {
    progress.count(outcome, seconds, jobs);
    progress.elapsed_seconds = seconds_since(started);
    summary.outcomes[i] = std::move(outcome);
    if (on_progress) on_progress(progress, summary.outcomes[i]);
  };
  // Keeps a failure in the database, keyed by the file's SHA-256 only when the file is at fault,
  // and only where it first failed: a failure passed over again keeps pointing to that batch. The
  // saver's write lock is held.
  auto record_failure = [&](store::Store& store, const Outcome& outcome) {
    try {
      const bool remember = outcome.file_at_fault && outcome.failed_in_batch == 0;
      store.batches().record_failure(summary.batch_id, display(outcome.path), remember ? outcome.sha256 : std::string(),
                                     outcome.error, now_utc());
    } catch (const InputError&) {
      // The failure is still reported at the end of the run; the database problem shows on the
      // next document's save.
    }
  };
  GroupSaver saver(options.database, options.force, [&](store::Store& store, Rated& rated) {
    if (rated.outcome.status == Outcome::Status::failed) record_failure(store, rated.outcome);
    const std::lock_guard lock(mutex);
    done(rated.item, std::move(rated.outcome), rated.seconds);
  });
  const MakeWork work = [&](store::Store& store) -> ItemWork {
    // A worker process per thread, started with its first document.
    auto reader = std::make_shared<std::optional<ReaderProcess>>();
    if (!options.reader_command.empty()) reader->emplace(options.reader_command, options.time_limit);
    return [&, reader](std::size_t i) {
      const Clock::time_point begin = Clock::now();
      std::optional<Rated> rated;
      Outcome outcome =
          score_one(entries[i], store, *reader ? &**reader : nullptr, checklist, compiled, options, rated);
      const double seconds = seconds_since(begin);
      if (rated) {
        rated->item = i;
        rated->seconds = seconds;
        saver.add(store, std::move(*rated));
        return;
      }
      if (outcome.status == Outcome::Status::failed) {
        const std::lock_guard lock(saver.writing());
        record_failure(store, outcome);
      }
      const std::lock_guard lock(mutex);
      done(i, std::move(outcome), seconds);
    };
  };
  run_jobs(main_store, jobs, entries.size(), work);  // when it throws, the saver still stores what was rated
  saver.finish(main_store);
  summary.counts = progress.counts;
  summary.seconds = seconds_since(started);
  main_store.batches().finish(summary.batch_id, summary.counts, now_utc());
  return summary;
}

}  // namespace unct::batch
