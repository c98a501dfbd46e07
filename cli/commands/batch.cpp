#include "engine/batch/batch.hpp"
#include "cli/commands.hpp"
#include "cli/commands/options.hpp"
#include "cli/defaults.hpp"
#include "cli/run.hpp"
#include "engine/batch/rescore.hpp"
#include "engine/checklist/load.hpp"
#include "engine/core/allocator.hpp"
#include "engine/core/error.hpp"
#include "engine/report/layout.hpp"

#include <unistd.h>

#include <chrono>
#include <cmath>
#include <iostream>
#include <sstream>
#include <thread>

namespace unct::cli {
namespace {

namespace po = boost::program_options;

// "0:42", "1:05:09".
std::string duration(double seconds) {
  const long total = std::lround(seconds);
  const long hours = total / 3600;
  const long minutes = total / 60 % 60;
  const long secs = total % 60;
  auto two = [](long n) { return (n < 10 ? "0" : "") + std::to_string(n); };
  return (hours > 0 ? std::to_string(hours) + ":" + two(minutes) : std::to_string(minutes)) + ":" + two(secs);
}

std::string counts_text(const BatchCounts& c) {
  return std::to_string(c.scored) + " scored, " + std::to_string(c.skipped) + " skipped, " + std::to_string(c.failed) +
         " failed";
}

// A bar redrawn in place on a terminal; a line per document otherwise (a log, a CI job).
class ProgressPrinter {
public:
  ProgressPrinter(std::ostream& out, bool terminal) : m_out(out), m_terminal(terminal) {}

  void operator()(const batch::Progress& p, const batch::Outcome& o) {
    const std::string eta = p.eta_seconds ? "ETA " + duration(*p.eta_seconds) : "ETA -";
    // Made whole, then written at once: the error stream writes each piece as it comes, a system
    // call each, some ten a document.
    std::ostringstream line;
    if (m_terminal) {
      constexpr std::size_t k_width = 24;
      const std::size_t filled = p.total == 0 ? k_width : k_width * p.done / p.total;
      line << "\r\x1b[K[" << std::string(filled, '#') << std::string(k_width - filled, '.') << "] " << p.done << '/'
           << p.total << "  " << counts_text(p.counts) << "  " << eta << "  "
           << report::fit(o.path.filename().string(), 30);
      if (p.done == p.total) line << '\n';
    } else {
      line << '[' << p.done << '/' << p.total << "] ";
      switch (o.status) {
        case batch::Outcome::Status::scored:
          line << "scored " << o.path.string() << " (assessment " << o.assessment_id << ")";
          break;
        case batch::Outcome::Status::skipped:
          line << "skipped " << o.path.string() << " (assessed with this checklist as " << o.assessment_id << ")";
          break;
        case batch::Outcome::Status::failed:
          line << "FAILED " << o.error;
          if (o.failed_in_batch != 0) line << " (as in batch " << o.failed_in_batch << ", not read again)";
          break;
      }
      line << "; " << eta << '\n';
    }
    m_out << line.str();
    m_out.flush();
  }

private:
  std::ostream& m_out;
  bool m_terminal;
};

// "2 files that are not documents:\n  notes.csv: a spreadsheet ..." (the first 20).
std::string passed_over_text(const std::vector<batch::Passed>& passed) {
  constexpr std::size_t k_shown = 20;
  std::string out = std::to_string(passed.size()) + (passed.size() == 1 ? " file" : " files") + " passed over:";
  for (std::size_t i = 0; i < passed.size() && i < k_shown; ++i) {
    out += "\n  " + passed[i].path.string() + ": " + passed[i].reason;
  }
  if (passed.size() > k_shown) out += "\n  and " + std::to_string(passed.size() - k_shown) + " more";
  return out;
}

// 120, 0.5, 1e+300 as typed, without trailing zeros.
std::string values_text(double value) {
  std::ostringstream out;
  out << value;
  return out.str();
}

}  // namespace

int run_batch(const std::vector<std::string>& args, Io io) {
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  po::options_description options("options");
  add_checklist_option(options);
  options.add_options()("db", po::value<std::string>()->default_value(default_database().string()),
                        "database file the results are stored in")(
      "jobs,j", po::value<long long>()->default_value(cores),
      "documents scored at once (default: the number of cores)")(
      "manifest", po::value<std::string>(), "CSV giving per file: country, region, kind, language, year, draft")(
      "force", po::bool_switch(), "score again documents already assessed with this checklist, and those that failed")(
      "retry-failed", po::bool_switch(), "read again documents that failed in an earlier run (passed over otherwise)")(
      "time-limit", po::value<double>()->default_value(120), "seconds to read one document before it is failed")(
      "min-words", po::value<long long>()->default_value(100),
      "fail documents with fewer words, as too short to assess")("recursive", po::bool_switch(),
                                                                 "take the documents in subfolders of DIR too");
  add_read_options(options);
  po::options_description hidden;
  hidden.add_options()("source", po::value<std::string>()->required(), "folder or list file");
  po::positional_options_description positional;
  positional.add("source", 1);
  po::variables_map values;
  if (!parse_options(
          args, options, hidden, positional, values, io.out,
          "usage: unct-assess batch DIR|LIST [--jobs N] [--manifest CSV] [--force] [options]\n\n"
          "Scores every document in the folder DIR (PDF, DOCX, ODT, HTML, Markdown, text), or every file the\n"
          "list file LIST names (one path per line), and stores the assessments as they are rated (a\n"
          "quarter of a second later, about).\n"
          "Documents already assessed with this checklist are skipped, so a run cut short is resumed by\n"
          "running it again. Each document is read in a worker process with a time limit: a document\n"
          "that fails, crashes or hangs its reader is reported and recorded, and the run goes on; a run\n"
          "again passes over it unless --retry-failed. Documents of fewer than --min-words words are\n"
          "failed as too short. Files that are not documents are listed. Exit code 1 when any document\n"
          "failed.")) {
    return 0;
  }
  // Read signed, so that "--jobs -1" is named as given, not as 4294967295.
  const long long asked = values["jobs"].as<long long>();
  if (asked < 1 || asked > 256) throw InputError({}, "--jobs " + std::to_string(asked) + ": use 1 to 256");
  const auto jobs = static_cast<unsigned>(asked);
  const double time_limit = values["time-limit"].as<double>();
  if (!(time_limit >= 0.1 && time_limit <= 86400)) {
    throw InputError({}, "--time-limit " + values_text(time_limit) + ": use 0.1 to 86400 seconds");
  }
  const long long min_words = values["min-words"].as<long long>();
  if (min_words < 0 || min_words > 1'000'000)
    throw InputError({}, "--min-words " + std::to_string(min_words) + ": use 0 to 1000000");

  // Every input is read and checked before the database is opened.
  const std::filesystem::path source = values["source"].as<std::string>();
  std::error_code error;
  batch::Listing listing = std::filesystem::is_directory(source, error)
                               ? batch::entries_in_directory(source, values["recursive"].as<bool>())
                               : batch::Listing{.entries = batch::entries_in_list(source)};
  std::vector<batch::Entry>& entries = listing.entries;
  if (entries.empty()) {
    throw InputError({.file = source},
                     "no documents to score (PDF, DOCX, ODT, HTML, Markdown or text files)" +
                         std::string(listing.passed_over.empty() ? "" : "; " + passed_over_text(listing.passed_over)));
  }
  if (values.count("manifest") != 0) batch::apply_manifest(entries, read_csv(values["manifest"].as<std::string>()));
  const rules::LoadedChecklist loaded = load_compiled_option(values);
  const checklist::Checklist& checklist = loaded.checklist;
  const rules::CompiledChecklist& compiled = loaded.compiled;

  const batch::Options batch_options{.jobs = jobs,
                                     .force = values["force"].as<bool>(),
                                     .retry_failed = values["retry-failed"].as<bool>(),
                                     .reader_command = {k_this_program, k_reader_worker_command},
                                     .time_limit = std::chrono::milliseconds(std::llround(time_limit * 1000)),
                                     .min_words = static_cast<std::size_t>(min_words),
                                     .read = read_options(values),
                                     .database = values["db"].as<std::string>(),
                                     .source = source.string()};
  keep_freed_memory();  // document after document: see engine/core/allocator.hpp
  ProgressPrinter printer(io.err, &io.err == &std::cerr && isatty(STDERR_FILENO) != 0);
  const batch::Summary summary = batch::run(checklist, compiled, entries, batch_options, std::ref(printer));

  io.out << "Batch " << summary.batch_id << ": " << entries.size() << " documents in " << duration(summary.seconds)
         << " with " << summary.jobs << (summary.jobs == 1 ? " job" : " jobs") << ": " << counts_text(summary.counts)
         << ".\n";
  if (summary.counts.skipped > 0) {
    io.out << "Skipped documents were already assessed with this checklist; --force scores them again.\n";
  }
  if (summary.counts.failed > 0) {
    io.out << "\nFailed:\n";
    bool before = false;
    for (const batch::Outcome& o : summary.outcomes) {
      if (o.status != batch::Outcome::Status::failed) continue;
      io.out << "  " << o.error;
      if (o.failed_in_batch != 0) io.out << " (as in batch " << o.failed_in_batch << ", not read again)";
      io.out << '\n';
      before = before || o.failed_in_batch != 0;
    }
    if (before) io.out << "Documents that failed in an earlier run are not read again; --retry-failed reads them.\n";
  }
  if (!listing.passed_over.empty()) io.out << "\nNot scored: " << passed_over_text(listing.passed_over) << '\n';
  io.out << "\nStored in " << batch_options.database.string()
         << ". Next: `unct-assess gaps` ranks the items most often below Meets; `unct-assess export` writes the "
            "portfolio.\n";
  return summary.counts.failed > 0 ? 1 : k_exit_ok;  // 1: some documents failed
}

int run_rescore(const std::vector<std::string>& args, Io io) {
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  po::options_description options("options");
  add_checklist_option(options, "checklist XML file to rate with (default: the bundled checklist)");
  add_db_option(options);
  add_filter_options(options);
  options.add_options()("jobs,j", po::value<long long>()->default_value(cores),
                        "documents rated at once (default: the number of cores)")(
      "force", po::bool_switch(), "rate again documents already assessed with this checklist");
  po::options_description hidden;
  po::positional_options_description positional;
  po::variables_map values;
  if (!parse_options(
          args, options, hidden, positional, values, io.out,
          "usage: unct-assess rescore [--checklist FILE] [--country C] [--region R] [--kind K] [--year Y] [options]\n\n"
          "Rates every stored document again (the latest assessment of each, narrowed by the filters) with\n"
          "the checklist, from the text the database kept when the document was read: the files are not\n"
          "needed. Each new assessment is stored beside the earlier one, with what was given for the\n"
          "document (kind, language, country, region, draft) and the team's self-ratings; reviewers'\n"
          "overrides stay with the assessment they were made on. Documents already assessed with this\n"
          "checklist are skipped. Exit code 1 when any document failed.")) {
    return k_exit_ok;
  }
  const long long asked = values["jobs"].as<long long>();
  if (asked < 1 || asked > 256) throw InputError({}, "--jobs " + std::to_string(asked) + ": use 1 to 256");
  const GapFilter filter = filter_from(values);
  const rules::LoadedChecklist loaded = load_compiled_option(values);
  const checklist::Checklist& checklist = loaded.checklist;
  const rules::CompiledChecklist& compiled = loaded.compiled;
  check_writable_database(values["db"].as<std::string>());
  const std::filesystem::path database = open_existing_store(values).path();  // never creates one

  keep_freed_memory();  // document after document: see engine/core/allocator.hpp
  ProgressPrinter printer(io.err, &io.err == &std::cerr && isatty(STDERR_FILENO) != 0);
  const batch::RescoreSummary summary = batch::rescore(checklist, compiled,
                                                       {.database = database,
                                                        .filter = filter,
                                                        .jobs = static_cast<unsigned>(asked),
                                                        .force = values["force"].as<bool>()},
                                                       std::ref(printer));
  if (summary.documents.empty()) {
    io.out << "No stored documents" << (filter == GapFilter{} ? "" : " match these filters") << " in "
           << database.string() << ": score or batch some first.\n";
    return k_exit_ok;
  }
  std::size_t changed_documents = 0;
  std::size_t changed_items = 0;
  std::size_t dropped = 0;
  for (const batch::Rescored& r : summary.documents) {
    if (r.outcome.status != batch::Outcome::Status::scored) continue;
    changed_documents += r.changed > 0 ? 1 : 0;
    changed_items += r.changed;
    dropped += r.dropped_self_ratings;
  }
  io.out << "Rescored " << summary.documents.size() << " documents with " << checklist.meta.id << " "
         << checklist.meta.version << " in " << duration(summary.seconds) << ": " << counts_text(summary.counts)
         << ".\n";
  if (summary.counts.scored > 0) {
    io.out << changed_items << (changed_items == 1 ? " item" : " items") << " changed level in " << changed_documents
           << " of " << summary.counts.scored << " documents";
    if (summary.seconds > 0) {
      io.out << " (" << std::lround(static_cast<double>(summary.text_bytes) / 1e6 / summary.seconds)
             << " MB of text per second)";
    }
    io.out << ".\n";
  }
  if (dropped > 0) {
    io.out << dropped
           << " of the teams' self-ratings were left out: their items are no longer in this checklist, or no "
           << "longer apply to the document.\n";
  }
  if (summary.counts.skipped > 0)
    io.out << "Skipped documents were already assessed with this checklist; --force rates them again.\n";
  if (summary.counts.failed > 0) {
    io.out << "\nFailed:\n";
    for (const batch::Rescored& r : summary.documents) {
      if (r.outcome.status == batch::Outcome::Status::failed) io.out << "  " << r.outcome.error << '\n';
    }
  }
  io.out << "\nStored in " << database.string()
         << ". `unct-assess compare OLD NEW` shows what changed for one document; "
         << "`unct-assess gaps` ranks the items.\n";
  return summary.counts.failed > 0 ? 1 : k_exit_ok;
}

}  // namespace unct::cli
