// unct-bench: throughput of the engine's one-pass matching and rating, against baselines run in
// the same run on the same normalised corpus. Prints figures; fails (exit 1) only when the
// engine's hits differ from the naive oracle's, or when it cannot run itself as a process for
// the whole-process comparison. See README "Benchmark".

#include "bench/baseline.hpp"
#include "bench/corpus.hpp"
#include "bench/naive.hpp"
#include "bench/process.hpp"
#include "engine/assess/assess.hpp"
#include "engine/checklist/load.hpp"
#include "engine/core/allocator.hpp"
#include "engine/core/file.hpp"
#include "engine/rules/checklist_cache.hpp"
#include "engine/rules/compiled.hpp"
#include "engine/rules/document_index.hpp"
#include "engine/text/unicode.hpp"

#include <sys/resource.h>
#include <boost/program_options.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <limits>
#include <memory>
#include <optional>
#include <span>
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

std::string ratio(double a, double b) {
  std::ostringstream out;
  out << std::fixed << std::setprecision(1) << (b > 0 ? a / b : 0.0) << "x";
  return out.str();
}

// A tool as a user sees it (the whole process: startup, preparing its patterns, reading the
// corpus), and its matching alone.
struct Timing {
  double process_s = 0;
  double matching_s = 0;
};

// A program's first line of output and the seconds it took: the best of three runs, so that a
// neighbour's build on the shared machine does not decide a comparison.
std::pair<std::string, double> best_of_3(const std::filesystem::path& program,
                                         const std::vector<std::string>& arguments) {
  std::pair<std::string, double> best{"", 1e300};
  for (int i = 0; i < 3; ++i) {
    const auto start = Clock::now();
    const std::string out = bench::run_program(program, arguments);
    const double elapsed = seconds_since(start);
    if (elapsed < best.second) best = {out.substr(0, out.find('\n')), elapsed};
  }
  return best;
}

// "<matches> <seconds>", as printed by --scan-file (reading, matching and counting) and
// bench/baselines.py (matching and counting: it reads the file before it starts its clock).
std::optional<std::pair<std::size_t, double>> parse_count_and_seconds(const std::string& line) {
  std::istringstream in(line);
  std::size_t matches = 0;
  double seconds = 0;
  if (!(in >> matches >> seconds)) return std::nullopt;
  return std::pair{matches, seconds};
}

std::string compared(std::size_t matches, std::size_t engine_matches) {
  if (matches == engine_matches) return "equal";
  const auto difference = static_cast<long long>(matches) - static_cast<long long>(engine_matches);
  return "differ by " + std::string(difference > 0 ? "+" : "") + std::to_string(difference);
}

// One row of the baselines' table: MB/s whole process and matching alone, each with how many
// times faster the engine is (below 1.0x: slower), and the matches against the engine's.
void print_baseline(const std::string& name, double mb, const Timing& timing, const Timing& engine, std::size_t matches,
                    std::size_t engine_matches) {
  std::cout << std::left << std::setw(28) << name + ":" << std::right << std::setw(7) << mb / timing.process_s
            << " MB/s  engine " << std::setw(5) << ratio(timing.process_s, engine.process_s) << std::setw(9)
            << mb / timing.matching_s << " MB/s  engine " << std::setw(5) << ratio(timing.matching_s, engine.matching_s)
            << std::setw(9) << matches << " " << compared(matches, engine_matches) << "\n";
}

// --scan-file: the engine as a process, for the whole-process comparison. Like the baselines it
// prepares its patterns (loads and compiles the checklist), reads the corpus file and matches;
// like the document index (engine/rules/document_index.cpp), it scans runs of whole lines of
// about 64 KB at a time, read from the file as it goes, since no match crosses a line break. It
// prints the matches counted as theirs are (leftmost-longest, non-overlapping: over a run that
// is the sum of its lines' counts), and the seconds of reading, matching and counting, which is
// what the baselines' "matching alone" holds too.
int scan_file(const std::string& checklist_path, const std::string& corpus_path) {
  const rules::CompiledChecklist compiled = rules::compile(checklist::load_checklist(checklist_path));
  std::ifstream in(corpus_path, std::ios::binary);
  if (!in) {
    std::cerr << "unct-bench: cannot read " << corpus_path << '\n';
    return 2;
  }
  constexpr std::size_t k_run = 64 * 1024;
  const auto start = Clock::now();
  std::size_t matches = 0;
  std::vector<text::TermMatch> hits;
  std::string run;  // a run of whole lines, and the start of the next line after them
  while (true) {
    const std::size_t kept = run.size();  // holds no line break
    if (kept >= std::numeric_limits<std::uint32_t>::max() - k_run) {
      std::cerr << "unct-bench: " << corpus_path << " has a line of 4 GB or more\n";
      return 2;
    }
    run.resize(kept + k_run);
    in.read(run.data() + kept, static_cast<std::streamsize>(k_run));
    if (in.bad()) {
      std::cerr << "unct-bench: cannot read " << corpus_path << '\n';
      return 2;
    }
    run.resize(kept + static_cast<std::size_t>(in.gcount()));
    const bool at_end = kept == run.size() || !in;
    const std::size_t last_break = std::string_view(run).substr(kept).rfind('\n');
    const std::size_t lines = at_end ? run.size() : last_break == std::string_view::npos ? 0 : kept + last_break + 1;
    hits.clear();
    compiled.matcher.scan(std::string_view(run).substr(0, lines), hits);
    matches += bench::leftmost_longest_count(hits);
    run.erase(0, lines);
    if (at_end) break;
  }
  std::cout << matches << ' ' << std::setprecision(9) << seconds_since(start) << '\n';
  return 0;
}

std::string goal(bool met) { return met ? "  [goal met]" : "  [goal NOT met]"; }

}  // namespace

int main(int argc, char** argv) {
  unct::keep_freed_memory();  // it rates document after document, as batch and rescore do
  namespace po = boost::program_options;
  po::options_description options("unct-bench options");
  std::size_t documents = 0;
  std::size_t stream_documents = 0;
  int rounds = 3;
  bench::CorpusOptions corpus;
  std::string checklist_path;
  std::string scan_file_path;
  options.add_options()("help", "this help")(
      "checklist", po::value(&checklist_path)->default_value(UNCT_SOURCE_DIR "/checklists/rdm-2021.xml"),
      "checklist XML")("documents", po::value(&documents)->default_value(100), "documents in the timed corpus")(
      "bytes", po::value(&corpus.document_bytes)->default_value(100'000), "bytes of text per document")(
      "density", po::value(&corpus.hit_density)->default_value(0.3), "share of sentences carrying a checklist term")(
      "seed", po::value(&corpus.seed)->default_value(2021), "corpus seed")(
      "stream", po::value(&stream_documents)->default_value(50),
      "documents in the first memory pass (the second has 4x)")("engine-only",
                                                                "time the engine only: no baselines (for profiling)")(
      "rounds", po::value(&rounds)->default_value(3),
      "timed passes of the scan and of scan+evaluate, the best kept (more: to profile them)")(
      "scan-file", po::value(&scan_file_path),
      "run as the engine's process baseline: match FILE's lines, print the count");
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
  if (rounds < 1) {
    std::cerr << "unct-bench: --rounds " << rounds << ": use 1 or more\n";
    return 2;
  }
  if (!scan_file_path.empty()) return scan_file(checklist_path, scan_file_path);

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
  // What a `score` after the first pays instead of load and compile: the compiled checklist's cache.
  double cached_ms = 0;
  {
    const bench::ScratchFolder scratch;
    rules::load_compiled(checklist_path, scratch / "cache");  // writes the entry
    std::vector<double> ms;
    for (int i = 0; i < 11; ++i) {
      const auto start = Clock::now();
      const rules::LoadedChecklist loaded = rules::load_compiled(checklist_path, scratch / "cache");
      ms.push_back(seconds_since(start) * 1000);
      if (!loaded.from_cache) std::abort();
    }
    std::sort(ms.begin(), ms.end());
    cached_ms = ms[ms.size() / 2];
  }

  const rules::CompiledChecklist compiled = rules::compile(checklist);
  const bench::Vocabulary vocabulary = bench::vocabulary_of(checklist);
  const std::vector<std::string> patterns = compiled.matcher.patterns();

  std::cout << std::fixed << std::setprecision(1);
  std::cout << "unct-bench: one thread, " << checklist.meta.id << " " << checklist.meta.version << "\n\n";
  std::cout << "checklist: " << checklist::item_count(checklist) << " items, " << checklist.term_sets.size()
            << " term sets, " << patterns.size() << " patterns, " << compiled.matcher.state_count()
            << " automaton states\n";
  std::cout << "compile:   median " << std::setprecision(2) << compile_ms[compile_ms.size() / 2] << " ms, min "
            << compile_ms.front() << " ms over " << compile_ms.size() << " runs"
            << goal(compile_ms[compile_ms.size() / 2] <= 20) << "\n";
  std::cout << "load:      median " << load_ms << " ms, " << one_line_ms << " ms on one line"
            << goal(one_line_ms <= load_ms * 1.5 + 1) << "\n"
            << "cached:    median " << cached_ms << " ms to take the loaded and compiled checklist from its cache\n"
            << std::setprecision(1);

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
            << rss_large << " MB after " << stream_documents * 4 << " more" << goal(rss_large <= rss_small * 1.10 + 1)
            << "\n\n";

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
            << " MB normalised, hit density " << corpus.hit_density << ", seed " << corpus.seed << "; peak RSS now "
            << peak_rss_mb() << " MB\n\n";

  // Engine: scan alone, then scan + evaluate (index every document and rate every item).
  std::vector<text::TermMatch> engine_hits;  // every block's, one after the other
  std::vector<std::size_t> engine_start;     // block n's hits begin at engine_start[n]
  engine_hits.reserve(bytes / 16);
  engine_start.reserve(block_count + 1);
  for (const Prepared& p : corpus_documents) {
    for (const rules::PreparedBlock& block : p.text->blocks) {
      engine_start.push_back(engine_hits.size());
      compiled.matcher.scan(block.normalised.text, engine_hits);
    }
  }
  engine_start.push_back(engine_hits.size());
  const std::size_t hit_count = engine_hits.size();
  // The same matcher with every key whole in its automaton (no trie past a prefix): what the
  // prefix automaton saves. Each scans the corpus `--rounds` times, in turns, and keeps its best.
  const text::TermMatcher whole(patterns, std::numeric_limits<std::size_t>::max());
  std::vector<text::TermMatch> whole_hits;
  auto scan_all = [&](const text::TermMatcher& matcher, std::vector<text::TermMatch>& hits) {
    hits.clear();
    hits.reserve(hit_count);
    const auto begin = Clock::now();
    for (const Prepared& p : corpus_documents) {
      for (const rules::PreparedBlock& block : p.text->blocks) matcher.scan(block.normalised.text, hits);
    }
    return seconds_since(begin);
  };
  double scan_s = 1e300;
  double whole_s = 1e300;
  std::vector<text::TermMatch> rerun_hits;
  for (int round = 0; round < rounds; ++round) {
    scan_s = std::min(scan_s, scan_all(compiled.matcher, rerun_hits));
    whole_s = std::min(whole_s, scan_all(whole, whole_hits));
  }

  // Scan and evaluate: every document indexed and every item rated, timed as the scan is, the
  // best of the passes (the first also warms the allocator's free lists).
  std::size_t rated = 0;
  double engine_s = 1e300;
  for (int round = 0; round < rounds; ++round) {
    rated = 0;
    const auto begin = Clock::now();
    for (const Prepared& p : corpus_documents) rated += assess(checklist, compiled, p.document, p.text).items.size();
    engine_s = std::min(engine_s, seconds_since(begin));
  }
  const double engine_mbs = mb / engine_s;
  std::cout << "engine scan:            " << std::setw(8) << mb / scan_s << " MB/s  (" << hit_count << " hits; "
            << compiled.matcher.state_count() << " states, " << compiled.matcher.table_bytes() / 1024 << " KiB table)"
            << goal(mb / scan_s >= 250) << "\n";
  std::cout << "  every key in the automaton: " << std::setw(8) << mb / whole_s << " MB/s  ("
            << (whole_hits == engine_hits ? "the same hits" : "hits DIFFER") << "; " << whole.state_count()
            << " states, " << whole.table_bytes() / 1024 << " KiB table); the prefix automaton is "
            << ratio(whole_s, scan_s) << " faster\n";
  std::cout << "engine scan+evaluate:   " << std::setw(8) << engine_mbs << " MB/s  "
            << static_cast<double>(documents) / engine_s << " documents/s (" << rated << " item ratings)"
            << goal(engine_mbs >= 200) << "\n";

  if (values.count("engine-only") != 0) return whole_hits == engine_hits ? 0 : 1;

  // Naive baseline: one find per pattern, the same boundary rule. Its hits must equal the engine's.
  auto start = Clock::now();
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
            << (mismatched_blocks == 0 ? "equal the engine's"
                                       : "DIFFER in " + std::to_string(mismatched_blocks) + " blocks")
            << "; engine scan+evaluate is " << ratio(naive_s, engine_s) << " faster" << goal(naive_s / engine_s >= 30)
            << "\n";

  // The baselines that match what the engine matches, given the same bytes: one line per block,
  // every pattern in one trie-folded alternation with the engine's boundaries and '*' endings,
  // and the matches counted as a regex search counts them (non-overlapping, leftmost-longest).
  {
    std::size_t engine_matches = 0;
    for (std::size_t n = 0; n + 1 < engine_start.size(); ++n) {
      engine_matches += bench::leftmost_longest_count(
          std::span(engine_hits).subspan(engine_start[n], engine_start[n + 1] - engine_start[n]));
    }
    const bench::ScratchFolder scratch;
    const auto write = [&](const std::string& name, const auto& write_to) {
      std::ofstream out(scratch / name, std::ios::binary);
      write_to(out);
      return (scratch / name).string();
    };
    // The characters on which a baseline's word rule may differ from the engine's (see below).
    std::size_t underscores = 0;
    std::size_t non_ascii_word_characters = 0;
    const std::string corpus_file = write("corpus.txt", [&](std::ostream& out) {
      for (const Prepared& p : corpus_documents) {
        for (const rules::PreparedBlock& b : p.text->blocks) {
          const std::string& text = b.normalised.text;
          for (std::size_t i = 0; i < text.size(); ++i) {
            const auto byte = static_cast<unsigned char>(text[i]);
            underscores += byte == '_';
            non_ascii_word_characters += byte >= 0xC0 && text::is_word_char_at(text, i);  // at a lead byte
          }
          out << text << '\n';
        }
      }
    });
    const std::string empty_file = write("empty.txt", [](std::ostream&) {});
    const std::string patterns_file = write("patterns.txt", [&](std::ostream& out) {
      for (const std::string& pattern : patterns) out << pattern << '\n';
    });
    // The engine's word rule (text/unicode.hpp: letters, decimal digits, combining marks) in each
    // dialect. PCRE2 spells it exactly. ripgrep's own regex engine gets ASCII boundaries: with a
    // Unicode \b its DFA is off and this alternation ran at a few KB/s. Python's re has no
    // \p{..}: its \b and [^\W_] are Unicode letters and digits but count '_' (\b) and not
    // combining marks. So they can differ from the engine's only on '_' and on non-ASCII word
    // characters, counted above; the equal counts of matches are the check.
    const std::string word = "[\\p{L}\\p{Nd}\\p{Mn}\\p{Mc}]";
    const auto regex_file = [&](const std::string& name, const bench::RegexDialect& dialect) {
      return write(name, [&](std::ostream& out) { out << bench::trie_regex(patterns, dialect) << '\n'; });
    };
    const std::string pcre2_regex = regex_file("pcre2.txt", {word, "(?<!" + word + ")", "(?!" + word + ")"});
    const std::string rust_regex = regex_file("rust.txt", {"[0-9A-Za-z]", "(?-u:\\b)", "(?-u:\\b)"});
    const std::string python_regex = regex_file("python.txt", {"[^\\W_]", "\\b", "\\b"});

    std::cout << "\nbaselines: the same " << mb << " MB, a line per block; the " << patterns.size()
              << " patterns as one trie-folded regex (pyahocorasick: their keys);\n"
              << "  matches counted non-overlapping, leftmost-longest: the engine's are " << engine_matches
              << " of its " << hit_count << " hits;\n"
              << "  where word rules could differ, the corpus has " << underscores << " '_' and "
              << non_ascii_word_characters << " non-ASCII word characters; best of 3 runs each\n";
    std::cout << std::left << std::setw(28) << "" << std::setw(26) << "whole process" << std::setw(29)
              << "matching alone"
              << "matches\n"
              << std::right;

    const auto [engine_line, engine_process_s] = best_of_3(std::filesystem::read_symlink("/proc/self/exe"),
                                                           {"--checklist", checklist_path, "--scan-file", corpus_file});
    const auto engine_run = parse_count_and_seconds(engine_line);
    if (!engine_run) {
      std::cout << "engine as a process: failed (" << engine_line << ")\n";
      return 1;
    }
    const Timing engine{engine_process_s, engine_run->second};
    std::cout << std::left << std::setw(28) << "engine (--scan-file):" << std::right << std::setw(7)
              << mb / engine.process_s << " MB/s" << std::setw(23) << mb / engine.matching_s << " MB/s" << std::setw(23)
              << engine_run->first << " " << compared(engine_run->first, engine_matches)
              << " to the in-process scan's\n";

    if (const std::filesystem::path rg = bench::find_program("rg"); !rg.empty()) {
      // ripgrep times nothing itself: its matching is its time on the corpus less its time on an
      // empty file (startup and compiling the regex).
      const auto ripgrep = [&](const std::string& name, std::vector<std::string> flags, const std::string& regex) {
        flags.insert(flags.end(), {"--no-config", "--no-filename", "--count-matches", "-f", regex});
        std::vector<std::string> on_corpus = flags;
        on_corpus.push_back(corpus_file);
        std::vector<std::string> on_empty = flags;
        on_empty.push_back(empty_file);
        const auto [count, s] = best_of_3(rg, on_corpus);
        const double startup_s = best_of_3(rg, on_empty).second;
        std::istringstream in(count);
        std::size_t matches = 0;
        if (!(in >> matches)) {
          std::cout << name << ": failed\n";
          return;
        }
        print_baseline(name, mb, {s, std::max(s - startup_s, 1e-9)}, engine, matches, engine_matches);
      };
      ripgrep("ripgrep -P (PCRE2 JIT)", {"-P"}, pcre2_regex);
      ripgrep("ripgrep (its regex, ASCII)", {}, rust_regex);
    } else {
      std::cout << "ripgrep:                  not installed (scripts/setup installs it)\n";
    }

    // Debian's python3 first: setup installs python3-ahocorasick for it, not for another on PATH.
    std::filesystem::path python = bench::find_program("/usr/bin/python3");
    if (python.empty()) python = bench::find_program("python3");
    const std::string script = UNCT_SOURCE_DIR "/bench/baselines.py";
    const auto python_baseline = [&](const std::string& name, const std::string& mode, const std::string& input) {
      const auto [line, s] = best_of_3(python, {script, mode, input, corpus_file});
      if (line == "unavailable") {
        std::cout << name << ": not installed (scripts/setup installs python3-ahocorasick where Debian has it)\n";
      } else if (const auto run = parse_count_and_seconds(line)) {
        print_baseline(name, mb, {s, run->second}, engine, run->first, engine_matches);
      } else {
        std::cout << name << ": failed\n";
      }
    };
    if (python.empty()) {
      std::cout << "python3:                  not installed (scripts/setup installs it)\n";
    } else {
      python_baseline("python3 re", "re", python_regex);
      python_baseline("pyahocorasick + checks", "ahocorasick", patterns_file);
    }
  }
  std::cout << "\npeak RSS: " << peak_rss_mb() << " MB\n";
  return mismatched_blocks == 0 && whole_hits == engine_hits ? 0 : 1;
}
