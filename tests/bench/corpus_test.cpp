#include "bench/corpus.hpp"
#include "bench/naive.hpp"
#include "bench/process.hpp"
#include "engine/checklist/load.hpp"
#include "engine/rules/compiled.hpp"
#include "engine/rules/document_index.hpp"
#include "tests/support/support.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace unct::bench {
namespace {

using ::testing::Contains;

class Corpus : public ::testing::Test {
protected:
  checklist::Checklist m_checklist = checklist::load_checklist(test::bundled_checklist());
  rules::CompiledChecklist m_compiled = rules::compile(m_checklist);
  Vocabulary m_vocabulary = vocabulary_of(m_checklist);
  CorpusOptions m_options{.document_bytes = 20'000, .hit_density = 0.5};
};

TEST_F(Corpus, IsDeterministic) {
  EXPECT_EQ(generate_document(m_options, m_vocabulary, 7), generate_document(m_options, m_vocabulary, 7));
  EXPECT_NE(generate_document(m_options, m_vocabulary, 7), generate_document(m_options, m_vocabulary, 8));
}

TEST_F(Corpus, HasEveryBlockKindAndLanguage) {
  std::set<ingest::BlockKind> kinds;
  std::set<std::string> headings;
  for (std::size_t n = 0; n < 5; ++n) {
    for (const ingest::Block& block : generate_document(m_options, m_vocabulary, n).blocks) {
      kinds.insert(block.kind);
      if (block.kind == ingest::BlockKind::heading) headings.insert(block.text);
    }
  }
  EXPECT_EQ(kinds.size(), 4u);
  EXPECT_TRUE(headings.count("2. Who is left behind") == 1 && headings.count("2. Qui est laissé de côté") == 1 &&
              headings.count("2. Quién se queda atrás") == 1);
}

// The matcher's hits equal one find per pattern with the same boundary rule, on every block of
// a generated corpus in three languages, dense with checklist terms.
TEST_F(Corpus, MatcherHitsEqualTheNaiveOracle) {
  std::size_t blocks = 0;
  std::size_t hits = 0;
  const std::vector<std::string> patterns = m_compiled.matcher.patterns();
  for (std::size_t n = 0; n < 10; ++n) {
    const ingest::Document document = generate_document(m_options, m_vocabulary, n);
    const rules::PreparedText text = rules::prepare(document);
    for (const rules::PreparedBlock& block : text.blocks) {
      std::vector<text::TermMatch> engine;
      std::vector<text::TermMatch> naive;
      m_compiled.matcher.scan(block.normalised.text, engine);
      naive_scan(patterns, block.normalised.text, naive);
      ASSERT_EQ(engine, naive) << block.normalised.text;
      ++blocks;
      hits += engine.size();
    }
  }
  EXPECT_GT(blocks, 500u);
  EXPECT_GT(hits, 1000u);
}

// The running of the external baselines (bench/process.hpp) is tested here too, beside the
// rest of the benchmark's support.

TEST(ScratchFolder, IsPrivateUnpredictableAndRemoved) {
  test::TempDir dir;
  // A parent a shell would misread: a quote, a space and a command substitution.
  const std::filesystem::path parent = dir / "it's a $(touch pwned) folder";
  std::filesystem::create_directory(parent);
  std::filesystem::path kept;
  {
    const ScratchFolder a(parent);
    const ScratchFolder b(parent);
    EXPECT_NE(a.path(), b.path());
    EXPECT_EQ(a.path().parent_path(), parent);
    EXPECT_EQ(std::filesystem::status(a.path()).permissions(), std::filesystem::perms::owner_all);
    test::write_bytes(a / "corpus.txt", "text");
    kept = a.path();
  }
  EXPECT_FALSE(std::filesystem::exists(kept));
  EXPECT_FALSE(std::filesystem::exists(dir / "pwned"));
  EXPECT_FALSE(std::filesystem::exists("pwned"));
}

TEST(RunProgram, PassesArgumentsAsTheyAre) {
  const std::filesystem::path printf = find_program("printf");
  ASSERT_FALSE(printf.empty());
  EXPECT_EQ(run_program(printf, {"%s|%s", "it's $HOME; `id`", "a  b"}), "it's $HOME; `id`|a  b");
}

TEST(RunProgram, AddsAndReplacesEnvironmentVariables) {
  const std::filesystem::path env = find_program("env");
  ASSERT_FALSE(env.empty());
  std::istringstream out(run_program(env, {}, {"LC_ALL=C", "UNCT_BENCH_PROBE=x 'y'"}));
  std::vector<std::string> lines;
  for (std::string line; std::getline(out, line);) lines.push_back(line);
  EXPECT_THAT(lines, Contains("UNCT_BENCH_PROBE=x 'y'"));
  EXPECT_THAT(lines, Contains("LC_ALL=C"));
  EXPECT_EQ(std::count_if(lines.begin(), lines.end(), [](const std::string& l) { return l.starts_with("LC_ALL="); }),
            1);
}

TEST(FindProgram, FindsWhatIsOnThePathOnly) {
  EXPECT_TRUE(find_program("sh").is_absolute());
  EXPECT_TRUE(find_program("unct-no-such-program").empty());
  EXPECT_TRUE(find_program("").empty());
}

}  // namespace
}  // namespace unct::bench
