#include "engine/text/term_matcher.hpp"

#include "engine/text/normalise.hpp"
#include "engine/text/unicode.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <random>

namespace unct::text {
namespace {

using ::testing::ElementsAre;

std::vector<std::string> matched(const TermMatcher& matcher, const std::string& text) {
  std::vector<TermMatch> matches;
  matcher.scan(text, matches);
  std::vector<std::string> out;
  for (const TermMatch& m : matches) out.push_back(text.substr(m.begin, m.end - m.begin));
  return out;
}

TEST(TermMatcher, MatchesWholeWordsOnly) {
  const TermMatcher matcher({"roma", "minor"});
  EXPECT_THAT(matched(matcher, "aroma of roma, romania, minority, a minor"), ElementsAre("roma", "minor"));
}

TEST(TermMatcher, PrefixWordsTakeAnyEnding) {
  const TermMatcher matcher({"minorit*"});
  EXPECT_THAT(matched(matcher, "minority minorities minor minorit"), ElementsAre("minority", "minorities", "minorit"));
}

TEST(TermMatcher, PrefixWordInsideAPhrase) {
  const TermMatcher matcher({"desplazad* intern*", "between 20* and 20*"});
  EXPECT_THAT(matched(matcher, "los desplazados internos, between 2015 and 2020"),
              ElementsAre("desplazados internos", "between 2015 and 2020"));
  EXPECT_THAT(matched(matcher, "desplazados externos"), ElementsAre());
}

TEST(TermMatcher, ReportsOverlappingTerms) {
  const TermMatcher matcher({"racial discrimination", "discrimination", "racial"});
  EXPECT_THAT(matched(matcher, "racial discrimination"),
              ElementsAre("racial", "racial discrimination", "discrimination"));
}

TEST(TermMatcher, MatchesAtTextStartAndEnd) {
  const TermMatcher matcher({"roma"});
  EXPECT_THAT(matched(matcher, "roma"), ElementsAre("roma"));
  EXPECT_THAT(matched(matcher, "roma and roma"), ElementsAre("roma", "roma"));
}

TEST(TermMatcher, UsesUnicodeWordBoundaries) {
  const TermMatcher matcher({normalise_term("égalité"), "roma"});
  EXPECT_THAT(matched(matcher, normalise("l’égalité des Roma").text), ElementsAre("egalite", "roma"));
  // A letter of another script touching the term is part of the word.
  EXPECT_THAT(matched(matcher, "roma\xD0\xB9"), ElementsAre());
}

TEST(TermMatcher, HyphenAndApostropheEndWords) {
  const TermMatcher matcher({"afro-descendant*", "descendant*"});
  EXPECT_THAT(matched(matcher, "afro-descendants"), ElementsAre("afro-descendants", "descendants"));
}

// The naive oracle: one find per pattern, same boundary rule. Literal patterns only.
std::vector<TermMatch> naive(const std::vector<std::string>& patterns, const std::string& text) {
  std::vector<TermMatch> out;
  for (std::uint32_t p = 0; p < patterns.size(); ++p) {
    for (std::size_t at = text.find(patterns[p]); at != std::string::npos; at = text.find(patterns[p], at + 1)) {
      const std::size_t end = at + patterns[p].size();
      if (!is_word_char_before(text, at) && !is_word_char_at(text, end)) {
        out.push_back({p, static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(end)});
      }
    }
  }
  std::sort(out.begin(), out.end(), [](const TermMatch& a, const TermMatch& b) {
    return a.end != b.end ? a.end < b.end : a.pattern < b.pattern;
  });
  return out;
}

TEST(TermMatcher, AgreesWithNaiveSearchOnRandomText) {
  const std::vector<std::string> patterns{"ab", "abab", "b a", "ba", "aab", "a", "bb b"};
  const TermMatcher matcher(patterns);
  std::mt19937 random(42);
  for (int round = 0; round < 300; ++round) {
    std::string text;
    const std::size_t length = round % 2 == 0 ? 40 : 64 + random() % 400;
    for (std::size_t i = 0; i < length; ++i) text += "ab "[random() % 3];
    std::vector<TermMatch> found;
    matcher.scan(text, found);
    ASSERT_EQ(found, naive(patterns, text)) << "text: \"" << text << '"';
  }
}

// Every match of every pattern, by trying each at every position with the matcher's own rule.
std::vector<TermMatch> every_match(const std::vector<std::string>& patterns, const std::string& text) {
  std::vector<TermMatch> out;
  for (std::size_t at = 0; at <= text.size(); ++at) {
    for (std::uint32_t p = 0; p < patterns.size(); ++p) {
      std::size_t end = 0;
      if (match_at(patterns[p], text, at, end))
        out.push_back({p, static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(end)});
    }
  }
  std::sort(out.begin(), out.end(), [](const TermMatch& a, const TermMatch& b) {
    return a.end != b.end ? a.end < b.end : a.pattern < b.pattern;
  });
  return out;
}

// Random text of the given pieces: short texts are scanned in one stretch, longer ones in
// stretches side by side; even rounds give the one, odd rounds the other.
std::string random_text(std::mt19937& random, int round, const std::vector<std::string>& pieces) {
  std::string text;
  const std::size_t length = round % 2 == 0 ? 40 : 64 + random() % 400;
  while (text.size() < length) text += pieces[random() % pieces.size()];
  return text;
}

// Keys longer than the automaton's prefixes are followed in the trie: with prefixes of 1 to 5
// bytes, every key of more than that takes that path, '*' endings included. The automaton
// starts keys only after a byte that may end a word: the text has word bytes no key holds ("c"),
// separators no key holds ("."), keys with separators in them ("a-b", "-b"), and letters and
// signs of two bytes, in keys and not ("й", "é", "«"), which the check of each match decides.
TEST(TermMatcher, AgreesWithTryingEveryPatternAtEveryPositionWhateverThePrefixDepth) {
  const std::vector<std::string> patterns{"ab",  "abab",    "b a",     "ba",        "aab",  "a",      "bb b",
                                          "ab*", "abab ab", "a b*",    "b* ab",     "baba", "ab a b", "aabb*",
                                          "a-b", "-b",      "\u0439a", "b \u0439*", "c.a"};
  const std::vector<std::string> pieces{"a", "b", " ", "a", "b", " ", "c", ".", "-", "\u0439", "\u00e9", "\u00ab"};
  std::mt19937 random(7);
  for (std::size_t depth = 1; depth <= 5; ++depth) {
    const TermMatcher matcher(patterns, depth);
    for (int round = 0; round < 200; ++round) {
      const std::string text = random_text(random, round, pieces);
      std::vector<TermMatch> found;
      matcher.scan(text, found);
      ASSERT_EQ(found, every_match(patterns, text)) << "prefix depth " << depth << ", text: \"" << text << '"';
    }
  }
}

// The automaton's table holds 16-bit states: keys that would need more states at the asked
// prefix depth get shorter prefixes, and the rest is followed in the trie.
TEST(TermMatcher, SoManyKeysThatTheirPrefixesAreCutStillMatch) {
  std::mt19937 random(11);
  std::vector<std::string> patterns;
  for (int p = 0; p < 6000; ++p) {
    std::string key;
    for (int i = 0; i < 12; ++i) key += static_cast<char>('a' + random() % 26);
    patterns.push_back(p % 3 == 0 ? key.substr(0, 8) + "*" : key);
  }
  const TermMatcher matcher(patterns);
  EXPECT_LE(matcher.state_count(), TermMatcher::k_max_states);
  for (int round = 0; round < 20; ++round) {
    std::string text;
    for (int w = 0; w < 60; ++w) {
      const std::string& key = patterns[random() % patterns.size()];
      text += (random() % 2 == 0 ? key.substr(0, key.find('*')) : key.substr(0, 5)) + (w % 7 == 0 ? "s " : " ");
    }
    std::vector<TermMatch> found;
    matcher.scan(text, found);
    ASSERT_EQ(found, every_match(patterns, text)) << "text: \"" << text << '"';
  }
}

// The checklist cache reads a matcher's arrays from a file and checks their shape before a scan
// uses them (well_formed); a built matcher always passes, one with a pattern, key, size or column
// out of place does not.
TEST(TermMatcher, ABuiltMatcherIsWellFormedAndADamagedOneIsNot) {
  const std::vector<std::string> patterns{"racial discrimination", "roma", "minorit*", "no",
                                          "persons of african descent"};
  for (const std::size_t depth : {1u, 2u, 12u}) EXPECT_TRUE(TermMatcher(patterns, depth).well_formed()) << depth;
  EXPECT_TRUE(TermMatcher({}).well_formed());
  // The members in visit_members' order: 0 pattern bytes, 1 pattern begins, 2 prefix depth, 3 key
  // lengths, 4 columns, 5 state count, 6 table, 7 output heads, 8 output chains, 9 outputs, ...
  auto damaged = [&](const auto& damage) {
    TermMatcher matcher(patterns, 2);
    matcher.visit_members([&](auto&... members) {
      auto all = std::tie(members...);
      damage(all);
    });
    return !matcher.well_formed();
  };
  auto changed = [](const auto& array, std::size_t at, auto value) {
    std::vector copy(array.view().begin(), array.view().end());
    copy.at(at) = value;
    return SharedArray(std::move(copy));
  };
  EXPECT_TRUE(damaged([](auto& all) { std::get<2>(all) = 0; }));
  EXPECT_TRUE(damaged([](auto& all) { std::get<5>(all) += 1; }));
  EXPECT_TRUE(damaged([&](auto& all) {  // one output chain more than outputs
    std::get<8>(all) = SharedArray(std::vector<std::int32_t>(std::get<8>(all).size() + 1, -1));
  }));
  EXPECT_TRUE(damaged([](auto& all) { std::get<4>(all)[0x20] = 1u << 30; }));
  EXPECT_TRUE(damaged([&](auto& all) { std::get<1>(all) = changed(std::get<1>(all), 1, std::uint32_t{100000}); }));
  EXPECT_TRUE(damaged([&](auto& all) { std::get<3>(all) = changed(std::get<3>(all), 1, std::uint32_t{50}); }));
}

}  // namespace
}  // namespace unct::text
