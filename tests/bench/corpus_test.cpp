#include "bench/corpus.hpp"
#include "bench/naive.hpp"
#include "engine/checklist/load.hpp"
#include "engine/rules/compiled.hpp"
#include "engine/rules/document_index.hpp"
#include "tests/support/support.hpp"

#include <gtest/gtest.h>

#include <set>

namespace unct::bench {
namespace {

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
  for (std::size_t n = 0; n < 10; ++n) {
    const ingest::Document document = generate_document(m_options, m_vocabulary, n);
    const rules::PreparedText text = rules::prepare(document);
    for (const rules::PreparedBlock& block : text.blocks) {
      std::vector<text::TermMatch> engine;
      std::vector<text::TermMatch> naive;
      m_compiled.matcher.scan(block.normalised.text, engine);
      naive_scan(m_compiled.matcher.patterns(), block.normalised.text, naive);
      ASSERT_EQ(engine, naive) << block.normalised.text;
      ++blocks;
      hits += engine.size();
    }
  }
  EXPECT_GT(blocks, 500u);
  EXPECT_GT(hits, 1000u);
}

}  // namespace
}  // namespace unct::bench
