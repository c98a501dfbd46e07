// unct-bench-batch: how `unct-assess batch` scales with its jobs, and how fast a stored portfolio
// is rated again (`rescore`). Writes a corpus of distinct generated documents as Markdown, then runs
// the program (as a user would) over it with --jobs 1 and --jobs N into fresh databases, the
// fastest of --repeat runs of each, and prints documents per second and the ratio. Figures only:
// it fails (exit 1) only when a run fails.

#include "bench/corpus.hpp"
#include "bench/process.hpp"
#include "engine/checklist/load.hpp"

#include <boost/program_options.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iomanip>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

namespace {

using namespace unct;
namespace fs = std::filesystem;

// The document as Markdown: headings, paragraphs, list items and pipe tables, as a team writes it.
std::string markdown_of(const ingest::Document& document) {
  std::string out;
  int table = -1;
  int row = -1;
  for (const ingest::Block& b : document.blocks) {
    if (b.kind != ingest::BlockKind::table_cell && table >= 0) {
      out += "|\n\n";
      table = row = -1;
    }
    switch (b.kind) {
      case ingest::BlockKind::heading:
        out += std::string(static_cast<std::size_t>(std::clamp(b.level, 1, 6)), '#') + " " + b.text + "\n\n";
        break;
      case ingest::BlockKind::paragraph: out += b.text + "\n\n"; break;
      case ingest::BlockKind::list_item: out += "- " + b.text + "\n"; break;
      case ingest::BlockKind::table_cell: {
        if (b.table != table) {
          if (table >= 0) out += "|\n\n";
          table = b.table;
          row = -1;
        }
        if (b.row != row) {
          if (row >= 0) out += "|\n";
          if (row == 0) out += "|---|---|---|---|\n";
          row = b.row;
        }
        std::string cell = b.text;
        std::replace(cell.begin(), cell.end(), '|', '/');
        std::replace(cell.begin(), cell.end(), '\n', ' ');
        out += "| " + cell + " ";
        break;
      }
    }
  }
  if (table >= 0) out += "|\n";
  return out;
}

// Seconds a batch run took; exits the benchmark unless the run's summary says `expected`
// (e.g. "200 scored"): a run that fails fast would otherwise look fast.
double timed(const fs::path& program, const std::vector<std::string>& arguments, const std::string& expected) {
  const auto start = std::chrono::steady_clock::now();
  std::string out;
  try {
    out = bench::run_program(program, arguments, {}, true);
  } catch (const std::exception& e) {
    std::cerr << "unct-bench-batch: " << e.what() << '\n';
    std::exit(1);
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (out.find(expected) == std::string::npos) {
    std::cerr << "unct-bench-batch: the batch did not report \"" << expected << "\":\n" << out;
    std::exit(1);
  }
  return seconds;
}

}  // namespace

int main(int argc, char** argv) {
  namespace po = boost::program_options;
  po::options_description options("unct-bench-batch options");
  std::size_t documents = 0;
  unsigned jobs = 0;
  unsigned repeat = 0;
  bench::CorpusOptions corpus;
  std::string program;
  std::string checklist_path;
  options.add_options()("help", "this help")("program", po::value(&program)->required(),
                                             "the unct-assess program to run")(
      "checklist", po::value(&checklist_path)->default_value(UNCT_SOURCE_DIR "/checklists/rdm-2021.xml"),
      "checklist XML")("documents", po::value(&documents)->default_value(200), "distinct documents in the batch")(
      "bytes", po::value(&corpus.document_bytes)->default_value(60'000), "bytes of text per document")(
      "jobs", po::value(&jobs)->default_value(std::max(2u, std::thread::hardware_concurrency())),
      "the jobs compared with one")("repeat", po::value(&repeat)->default_value(3),
                                    "runs of each, one job and N alternating; the fastest counts")(
      "seed", po::value(&corpus.seed)->default_value(2021), "corpus seed");
  po::variables_map values;
  try {
    po::store(po::parse_command_line(argc, argv, options), values);
    if (values.count("help") != 0) {
      std::cout << options;
      return 0;
    }
    po::notify(values);
  } catch (const po::error& e) {
    std::cerr << "unct-bench-batch: " << e.what() << '\n';
    return 2;
  }

  const checklist::Checklist checklist = checklist::load_checklist(checklist_path);
  const bench::Vocabulary vocabulary = bench::vocabulary_of(checklist);
  const bench::ScratchFolder scratch;
  const fs::path folder = scratch / "documents";
  fs::create_directory(folder);
  std::uintmax_t bytes = 0;
  for (std::size_t n = 0; n < documents; ++n) {
    const std::string text = markdown_of(bench::generate_document(corpus, vocabulary, n));
    bytes += text.size();
    std::ofstream(folder / ("document-" + std::to_string(n) + ".md"), std::ios::binary) << text;
  }
  const double mb = static_cast<double>(bytes) / 1e6;
  std::cout << std::fixed << std::setprecision(1) << "unct-bench-batch: " << documents
            << " distinct Markdown documents, " << mb << " MB; " << std::thread::hardware_concurrency() << " cores\n\n";

  auto batch = [&](const std::string& db, unsigned n, bool force) {
    std::vector<std::string> arguments{"batch",       folder.string(), "--db",   (scratch / db).string(),
                                       "--checklist", checklist_path,  "--jobs", std::to_string(n)};
    if (force) arguments.push_back("--force");
    return timed(program, arguments, std::to_string(documents) + " scored");
  };
  auto line = [&](const std::string& what, double seconds) {
    std::cout << std::left << std::setw(44) << what << std::right << std::setw(7)
              << static_cast<double>(documents) / seconds << " documents/s  " << std::setw(6) << mb / seconds
              << " MB/s  (" << std::setprecision(2) << seconds << " s)\n"
              << std::setprecision(1);
  };
  // The fastest of `repeat` runs of each, one job and N taking turns, so that both meet the same
  // moments of a shared machine.
  auto fastest_pair = [&](const std::function<double(unsigned n)>& run) {
    std::pair<double, double> best{run(1), run(jobs)};
    for (unsigned r = 1; r < repeat; ++r) {
      best.first = std::min(best.first, run(1));
      best.second = std::min(best.second, run(jobs));
    }
    return best;
  };
  // Cold: every document read (in the reader worker processes), rated and stored with its text,
  // each run into a database of its own; the last ones are kept for the runs below.
  const auto [one, many] = fastest_pair([&](unsigned n) {
    const std::string db = n == 1 ? "one.db" : "many.db";
    std::error_code ignored;
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(scratch / (db + suffix), ignored);
    return batch(db, n, false);
  });
  // Its documents, their text and one assessment of each, before the runs below add assessments.
  const auto cold_database_bytes = fs::file_size(scratch / "one.db");
  line("batch --jobs 1, cold", one);
  line("batch --jobs " + std::to_string(jobs) + ", cold", many);
  const double speedup = one / many;
  std::cout << "  --jobs " << jobs << " against --jobs 1: " << std::setprecision(2) << speedup << "x"
            << (speedup >= 1.7 ? "  [goal met]" : "  [goal NOT met: 1.7x]") << "\n\n"
            << std::setprecision(1);
  // Warm: the same documents again, forced, so each comes from the text cache.
  const auto [warm_one, warm_many] =
      fastest_pair([&](unsigned n) { return batch(n == 1 ? "one.db" : "many.db", n, true); });
  line("batch --force --jobs 1, from the text cache", warm_one);
  line("batch --force --jobs " + std::to_string(jobs) + ", from the text cache", warm_many);
  std::cout << "  --jobs " << jobs << " against --jobs 1: " << std::setprecision(2) << warm_one / warm_many << "x\n"
            << std::setprecision(1);
  // The stored portfolio rated again from the text cache alone (`rescore --force`).
  auto rescore = [&](const std::string& db, unsigned n) {
    return timed(program,
                 {"rescore", "--db", (scratch / db).string(), "--checklist", checklist_path, "--force", "--jobs",
                  std::to_string(n)},
                 std::to_string(documents) + " scored");
  };
  const auto [again_one, again_many] =
      fastest_pair([&](unsigned n) { return rescore(n == 1 ? "one.db" : "many.db", n); });
  std::cout << '\n';
  line("rescore --jobs 1", again_one);
  line("rescore --jobs " + std::to_string(jobs), again_many);
  std::cout << "  --jobs " << jobs << " against --jobs 1: " << std::setprecision(2) << again_one / again_many << "x"
            << (mb / again_one >= 50 ? "  [goal met: 50 MB/s on one core]" : "  [goal NOT met: 50 MB/s on one core]")
            << "\n"
            << std::setprecision(1);
  std::cout << "  database: " << std::setprecision(1) << static_cast<double>(cold_database_bytes) / 1e6 << " MB for "
            << mb << " MB of documents after the cold batch (text cache compressed)\n";
  return 0;
}
