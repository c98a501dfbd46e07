// unct-bench: throughput of the engine's one-pass matching and rating, against baselines run in
// the same process on the same normalised corpus. Prints figures; fails (exit 1) only when the
// engine's hits differ from the naive oracle's. See README "Benchmark".

#include "bench/corpus.hpp"
#include "bench/naive.hpp"
#include "bench/process.hpp"
#include "engine/assess/assess.hpp"
#include "engine/checklist/load.hpp"
#include "engine/core/file.hpp"
#include "engine/rules/compiled.hpp"
#include "engine/rules/document_index.hpp"

#include <boost/program_options.hpp>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

namespace {

using namespace unct;
using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

double peak_rss_mb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;  // Linux reports KiB
}

struct Prepared {
  ingest::Document document;
  std::shared_ptr<const rules::PreparedText> text;
};

// Runs a program and returns its first line of output, and the seconds it took.
std::pair<std::string, double> run(const std::filesystem::path& program, const std::vector<std::string>& arguments,
                                   const std::vector<std::string>& environment = {}) {
  const auto start = Clock::now();
  const std::string out = bench::run_program(program, arguments, environment);
  const double elapsed = seconds_since(start);
  return {out.substr(0, out.find('\n')), elapsed};
}

std::string ratio(double a, double b) {
  std::ostringstream out;
  out << std::fixed << std::setprecision(1) << (b > 0 ? a / b : 0.0) << "x";
  return out.str();
}

std::string goal(bool met) { return met ? "  [goal met]" : "  [goal NOT met]"; }

}  // namespace

int main(int argc, char** argv) {
  namespace po = boost::program_options;
  po::options_description options("unct-bench options");
  std::size_t documents = 0;
  std::size_t stream_documents = 0;
  bench::CorpusOptions corpus;
  std::string checklist_path;
  options.add_options()("help", "this help")
      ("checklist", po::value(&checklist_path)->default_value(UNCT_SOURCE_DIR "/checklists/rdm-2021.xml"), "checklist XML")
      ("documents", po::value(&documents)->default_value(100), "documents in the timed corpus")
      ("bytes", po::value(&corpus.document_bytes)->default_value(100'000), "bytes of text per document")
      ("density", po::value(&corpus.hit_density)->default_value(0.3), "share of sentences carrying a checklist term")
      ("seed", po::value(&corpus.seed)->default_value(2021), "corpus seed")
      ("stream", po::value(&stream_documents)->default_value(50), "documents in the first memory pass (the second has 4x)")
      ("engine-only", "time the engine only: no baselines (for profiling)");
  po::variables_map values;
  try {
    po::store(po::parse_command_line(argc, argv, options), values);
    po::notify(values);
  } catch (const po::error& e) {
    std::cerr << "unct-bench: " << e.what() << '\n';
    return 2;
  }
  if (values.count("help") != 0) {
    std::cout << options;
    return 0;
  }

  const checklist::Checklist checklist = checklist::load_checklist(checklist_path);
  std::vector<double> compile_ms;
  for (int i = 0; i < 21; ++i) {
    const auto start = Clock::now();
    const rules::CompiledChecklist c = rules::compile(checklist);
    compile_ms.push_back(seconds_since(start) * 1000);
  }
  std::sort(compile_ms.begin(), compile_ms.end());
  // Issue 18: placing each term by counting from the start of its line made a checklist written
  // on one line quadratic to load. The same text on one line (its line breaks turned into spaces)
  // must load about as fast.
  const std::string checklist_text = read_file(checklist_path, 16u * 1024 * 1024);
  std::string one_line = checklist_text;
  std::replace(one_line.begin(), one_line.end(), '\n', ' ');
  const auto median_load_ms = [&](const std::string& xml) {
    std::vector<double> ms;
    for (int i = 0; i < 5; ++i) {
      const auto start = Clock::now();
      const checklist::Checklist loaded = checklist::load_checklist_text(xml, checklist_path);
      ms.push_back(seconds_since(start) * 1000);
    }
    std::sort(ms.begin(), ms.end());
    return ms[ms.size() / 2];
  };
  const double load_ms = median_load_ms(checklist_text);
  const double one_line_ms = median_load_ms(one_line);

  const rules::CompiledChecklist compiled = rules::compile(checklist);
  const bench::Vocabulary vocabulary = bench::vocabulary_of(checklist);
  const auto& patterns = compiled.matcher.patterns();

  std::cout << std::fixed << std::setprecision(1);
  std::cout << "unct-bench: one thread, " << checklist.meta.id << " " << checklist.meta.version << "\n\n";
  std::cout << "checklist: " << checklist::item_count(checklist) << " items, " << checklist.term_sets.size()
            << " term sets, " << patterns.size() << " patterns, " << compiled.matcher.state_count() << " automaton states\n";
  std::cout << "compile:   median " << std::setprecision(2) << compile_ms[compile_ms.size() / 2] << " ms, min "
            << compile_ms.front() << " ms over " << compile_ms.size() << " runs" << goal(compile_ms[compile_ms.size() / 2] <= 20)
            << "\n";
  std::cout << "load:      median " << load_ms << " ms, " << one_line_ms << " ms on one line"
            << goal(one_line_ms <= load_ms * 1.5 + 1) << "\n" << std::setprecision(1);

  // Memory: documents generated, prepared, rated and dropped one at a time; the peak should not
  // grow with the number of documents.
  auto stream = [&](std::size_t first, std::size_t count) {
    for (std::size_t n = first; n < first + count; ++n) {
      const ingest::Document document = bench::generate_document(corpus, vocabulary, n);
      const Assessment a = assess(checklist, compiled, document);
      if (a.items.empty()) std::abort();
    }
    return peak_rss_mb();
  };
  const double rss_small = stream(1'000'000, stream_documents);
  const double rss_large = stream(2'000'000, stream_documents * 4);
  std::cout << "memory:    peak RSS " << rss_small << " MB after " << stream_documents << " documents streamed, "
            << rss_large << " MB after " << stream_documents * 4 << " more"
            << goal(rss_large <= rss_small * 1.10 + 1) << "\n\n";

  // The timed corpus, generated and normalised before any clock starts.
  std::vector<Prepared> corpus_documents;
  std::size_t bytes = 0;
  std::size_t block_count = 0;
  for (std::size_t n = 0; n < documents; ++n) {
    Prepared p{bench::generate_document(corpus, vocabulary, n), nullptr};
    p.text = std::make_shared<const rules::PreparedText>(rules::prepare(p.document));
    bytes += p.text->bytes();
    block_count += p.document.blocks.size();
    corpus_documents.push_back(std::move(p));
  }
  const double mb = static_cast<double>(bytes) / 1e6;
  std::cout << "corpus:    " << documents << " documents (en:fr:es 3:1:1), " << block_count << " blocks, " << mb
            << " MB normalised, hit density " << corpus.hit_density << ", seed " << corpus.seed
            << "; peak RSS now " << peak_rss_mb() << " MB\n\n";

  // Engine: scan alone, then scan + evaluate (index every document and rate every item).
  std::vector<text::TermMatch> engine_hits;  // every block's, one after the other
  std::vector<std::size_t> engine_start;      // block n's hits begin at engine_start[n]
  engine_hits.reserve(bytes / 16);
  engine_start.reserve(block_count + 1);
  auto start = Clock::now();
  for (const Prepared& p : corpus_documents) {
    for (const rules::PreparedBlock& block : p.text->blocks) {
      engine_start.push_back(engine_hits.size());
      compiled.matcher.scan(block.normalised.text, engine_hits);
    }
  }
  const double scan_s = seconds_since(start);
  engine_start.push_back(engine_hits.size());
  const std::size_t hit_count = engine_hits.size();

  start = Clock::now();
  std::size_t rated = 0;
  for (const Prepared& p : corpus_documents) rated += assess(checklist, compiled, p.document, p.text).items.size();
  const double engine_s = seconds_since(start);
  const double engine_mbs = mb / engine_s;
  std::cout << "engine scan:            " << std::setw(8) << mb / scan_s << " MB/s  (" << hit_count << " hits)\n";
  std::cout << "engine scan+evaluate:   " << std::setw(8) << engine_mbs << " MB/s  " << static_cast<double>(documents) / engine_s
            << " documents/s (" << rated << " item ratings)" << goal(engine_mbs >= 250) << "\n";

  if (values.count("engine-only") != 0) return 0;

  // Naive baseline: one find per pattern, the same boundary rule. Its hits must equal the engine's.
  start = Clock::now();
  std::size_t block = 0;
  std::size_t mismatched_blocks = 0;
  std::vector<text::TermMatch> naive;
  for (const Prepared& p : corpus_documents) {
    for (const rules::PreparedBlock& b : p.text->blocks) {
      naive.clear();
      bench::naive_scan(patterns, b.normalised.text, naive);
      const auto engine_begin = engine_hits.begin() + static_cast<std::ptrdiff_t>(engine_start[block]);
      const auto engine_end = engine_hits.begin() + static_cast<std::ptrdiff_t>(engine_start[block + 1]);
      if (!std::equal(naive.begin(), naive.end(), engine_begin, engine_end)) ++mismatched_blocks;
      ++block;
    }
  }
  const double naive_s = seconds_since(start);
  std::cout << "naive find per pattern: " << std::setw(8) << mb / naive_s << " MB/s  hits "
            << (mismatched_blocks == 0 ? "equal the engine's" : "DIFFER in " + std::to_string(mismatched_blocks) + " blocks")
            << "; engine scan+evaluate is " << ratio(naive_s, engine_s) << " faster" << goal(naive_s / engine_s >= 30) << "\n";

  // External tools on the same bytes, when installed. '*' endings have no equivalent in -F -w:
  // those patterns are given up to the '*', so counts differ and are shown, not compared.
  {
    const bench::ScratchFolder scratch;
    {
      std::ofstream text(scratch / "corpus.txt", std::ios::binary);
      for (const Prepared& p : corpus_documents) {
        for (const rules::PreparedBlock& b : p.text->blocks) text << b.normalised.text << '\n';
      }
      std::ofstream list(scratch / "patterns.txt", std::ios::binary);
      for (const std::string& pattern : patterns) list << pattern.substr(0, pattern.find('*')) << '\n';
    }
    const auto on_files = [&](std::vector<std::string> flags) {
      flags.insert(flags.end(), {"-f", (scratch / "patterns.txt").string(), (scratch / "corpus.txt").string()});
      return flags;
    };
    if (const std::filesystem::path rg = bench::find_program("rg"); !rg.empty()) {
      const auto [count, s] = run(rg, on_files({"-F", "-w", "--no-filename", "--count-matches"}));
      std::cout << "ripgrep -F -w:          " << std::setw(8) << mb / s << " MB/s  (" << count << " matches); engine is "
                << ratio(s, engine_s) << " faster" << goal(s / engine_s >= 2) << "\n";
    } else {
      std::cout << "ripgrep -F -w:          not installed (apt-get install ripgrep)\n";
    }
    if (const std::filesystem::path grep = bench::find_program("grep"); !grep.empty()) {
      const auto [count, s] = run(grep, on_files({"-F", "-w", "-c"}), {"LC_ALL=C"});
      std::cout << "grep -F -w (C locale):  " << std::setw(8) << mb / s << " MB/s  (" << count << " matching lines); engine is "
                << ratio(s, engine_s) << " faster\n";
    }
  }
  std::cout << "\npeak RSS: " << peak_rss_mb() << " MB\n";
  return mismatched_blocks == 0 ? 0 : 1;
}
