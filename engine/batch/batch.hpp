#pragma once

// Scoring many documents in one run, as a desk reviewer does with a portfolio of 50-500 CFs:
// in parallel, the documents stored as they are rated, many to a transaction but none waiting
// much more than a quarter of a second (GroupSaver), so that a run cut short keeps what it
// finished and a second run picks up the rest. A document already assessed with the same
// checklist (same SHA-256 of both) is skipped unless forced. A document that cannot be read or
// rated is recorded with its error and the run goes on; by default it is read in a worker
// process with a time limit (ReaderProcess), so that even a file that crashes or hangs a reader
// is only a failure. A run again passes over the failures unless told to retry.

#include "engine/assess/assess.hpp"
#include "engine/checklist/model.hpp"
#include "engine/core/csv.hpp"
#include "engine/ingest/read.hpp"
#include "engine/rules/compiled.hpp"
#include "engine/store/store.hpp"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace unct::batch {

// One document of a batch, with what a manifest says about it (unset: detected, as `score` does).
struct Entry {
  std::filesystem::path path;
  std::optional<DocumentKind> kind;
  std::optional<std::string> language;
  std::optional<int> year;
  std::optional<std::string> country;
  std::string region;
  std::string draft;
  bool operator==(const Entry&) const = default;
};

// A file of a folder that is not taken, and why ("a spreadsheet, not a document").
struct Passed {
  std::filesystem::path path;
  std::string reason;
  bool operator==(const Passed&) const = default;
};

struct Listing {
  std::vector<Entry> entries;
  std::vector<Passed> passed_over;  // files that are not documents, links out of the folder
};

// The documents in a folder (files named as documents, see ingest::is_document_name), sorted by
// path, and the other files with the reason each is passed over (hidden files are not listed);
// with `recursive`, those in its subfolders too. A symbolic link counts only when it leads to a
// file inside the folder. Throws InputError when it is not a folder.
Listing entries_in_directory(const std::filesystem::path& directory, bool recursive);

// The documents a list file names, one path per line, relative to the list's folder unless
// absolute; blank lines and lines starting with '#' are skipped. Throws InputError naming the
// file and line for a path that does not exist or is named twice.
std::vector<Entry> entries_in_list(const std::filesystem::path& list);

// Applies a manifest to the entries: a CSV with a `file` column (a path relative to the
// manifest's folder, or a bare file name) and any of `country`, `region`, `kind`, `language`,
// `year`, `draft`. Throws InputError naming the manifest and line for an unknown column, kind or
// language, a year that is not one, or a file that is not in the batch or is named twice.
void apply_manifest(std::vector<Entry>& entries, const CsvTable& manifest);

struct Options {
  unsigned jobs = 1;   // documents scored at once, each on its own thread and database connection
  bool force = false;  // score documents already assessed with this checklist again
  // Read again documents that failed in an earlier run with this checklist; otherwise they are
  // reported as failed again without being read.
  bool retry_failed = false;
  // The reader worker (see ReaderProcess): the program and its arguments. Empty: documents are
  // read in this process, without the time limit, and a reader crash ends the run.
  std::vector<std::string> reader_command;
  std::chrono::milliseconds time_limit{std::chrono::minutes(2)};  // to read one document
  // Fewer words than this and a document is failed as too short to assess (a note, a cover).
  std::size_t min_words = 100;
  ingest::ReadOptions read;
  std::filesystem::path database;
  std::string source;  // the folder or list, recorded with the run
};

struct Outcome {
  enum class Status { scored, skipped, failed };
  std::filesystem::path path;
  Status status = Status::failed;
  std::int64_t assessment_id = 0;  // the new assessment, or the earlier one when skipped
  std::string error;               // when failed: the message, naming the file and place
  std::string sha256;              // of the file, once read; empty when it could not be
  // Failed because of the file itself (the reader refused it or crashed on it, too few words),
  // not of the machine (time limit, out of memory, database): only such a failure is passed over
  // when the batch runs again.
  bool file_at_fault = false;
  std::int64_t failed_in_batch = 0;  // failed and not read again: the batch where it failed
  bool operator==(const Outcome&) const = default;
};

struct Progress {
  std::size_t total = 0;
  std::size_t done = 0;  // scored, skipped and failed so far
  BatchCounts counts;
  double elapsed_seconds = 0;
  // From the pace of the documents rated so far (skips are quick and not counted); nullopt
  // until one has been rated.
  std::optional<double> eta_seconds;

  // One more document done, which took `seconds`, with `jobs` working at once. Only documents
  // rated (not skipped, nor failures passed over unread) set the pace.
  void count(const Outcome& outcome, double seconds, unsigned jobs) {
    ++done;
    switch (outcome.status) {
      case Outcome::Status::scored: ++counts.scored; break;
      case Outcome::Status::skipped: ++counts.skipped; break;
      case Outcome::Status::failed: ++counts.failed; break;
    }
    if (outcome.status == Outcome::Status::skipped || outcome.failed_in_batch != 0) return;
    rating_seconds += seconds;
    ++rated;
    eta_seconds = static_cast<double>(total - done) * (rating_seconds / static_cast<double>(rated)) / jobs;
  }

  // The pace so far: the documents rated and the seconds they took.
  std::size_t rated = 0;
  double rating_seconds = 0;
};

struct Summary {
  std::int64_t batch_id = 0;
  std::vector<Outcome> outcomes;  // in the entries' order
  BatchCounts counts;
  unsigned jobs = 1;  // workers used: --jobs, at most one per document
  double seconds = 0;
};

// Called after each document, one call at a time (under a lock), from the worker threads.
using OnProgress = std::function<void(const Progress&, const Outcome&)>;

// Scores the entries into the database at options.database (created and migrated when needed).
// Requires: `compiled` built from `checklist`. Throws InputError only when the database cannot
// be opened; every per-document problem becomes a failed Outcome, recorded in the database.
Summary run(const checklist::Checklist& checklist, const rules::CompiledChecklist& compiled,
            const std::vector<Entry>& entries, const Options& options, const OnProgress& on_progress = {});

}  // namespace unct::batch
