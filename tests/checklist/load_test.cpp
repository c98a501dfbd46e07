#include "engine/checklist/load.hpp"

#include "tests/support/support.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace unct::checklist {
namespace {

using ::testing::HasSubstr;
using ::testing::ThrowsMessage;
using test::fixture;

std::string problem(const std::string& name) {
  try {
    load_checklist(fixture("checklist/" + name));
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

TEST(LoadChecklist, ReadsTheMinimalChecklist) {
  const Checklist c = load_checklist(fixture("checklist/minimal.xml"));
  EXPECT_EQ(c.meta.id, "mini");
  ASSERT_EQ(c.sections.size(), 1u);
  const Item& item = c.sections[0].items[0];
  EXPECT_EQ(item.id, "T-01");
  EXPECT_EQ(item.applies_to, std::vector<DocumentKind>{DocumentKind::cca});
  ASSERT_EQ(item.levels.size(), 3u);
  EXPECT_EQ(item.levels[1].level, Level::meets);
  EXPECT_EQ(item.levels[1].criteria, std::vector<std::string>{"two"});
  EXPECT_EQ(item.criteria[1].signal,
            Signal(Coverage{.term_set = "groups", .min_distinct = 2, .by = CoverageUnit::set}));
  EXPECT_EQ(item.criteria[2].signal, Signal(Near{.term_set_a = "groups", .term_set_b = "discrimination"}));
  EXPECT_EQ(find_term_set(c, "groups")->includes, (std::vector<std::string>{"roma", "indigenous"}));
  EXPECT_EQ(c.sha256.size(), 64u);
}

TEST(LoadChecklist, ReadsTheBundledChecklist) {
  const Checklist c = load_checklist(test::bundled_checklist());
  EXPECT_EQ(c.meta.id, "rdm-2021");
  EXPECT_GE(item_count(c), 5u);
  for (const Section& section : c.sections) {
    for (const Item& item : section.items) {
      EXPECT_EQ(item.provenance, "reconstructed") << item.id;
      EXPECT_FALSE(item.references.empty()) << item.id;
      EXPECT_FALSE(item.gap.empty()) << item.id;
    }
  }
}

TEST(LoadChecklist, MalformedXmlNamesLineAndColumn) {
  EXPECT_THAT(problem("malformed.xml"), HasSubstr("malformed.xml:4:37: opening and ending tag mismatch"));
}

TEST(LoadChecklist, SchemaViolationNamesLineAndColumn) {
  EXPECT_THAT(problem("schema_error.xml"), HasSubstr("schema_error.xml:33:52: element 'mentions', attribute 'minimum'"));
}

TEST(LoadChecklist, UnknownTermSetNamesFileLineAndItem) {
  EXPECT_THAT([] { load_checklist(fixture("checklist/unknown_term_set.xml")); },
              ThrowsMessage<InputError>(HasSubstr("unknown_term_set.xml:33:52: item T-01: unknown term set \"grups\"")));
}

TEST(LoadChecklist, RejectsDuplicateItemIds) {
  EXPECT_THAT(problem("duplicate_item.xml"), HasSubstr("duplicate_item.xml:44:5: item T-01: duplicate item id \"T-01\""));
}

TEST(LoadChecklist, RejectsLevelNamingUnknownCriterion) {
  EXPECT_THAT(problem("unknown_criterion.xml"),
              HasSubstr("unknown_criterion.xml:39:9: item T-01: level meets names unknown criterion \"three\""));
}

TEST(LoadChecklist, RejectsEmptyTermSet) {
  EXPECT_THAT(problem("empty_term_set.xml"), HasSubstr("empty_term_set.xml:18:5: term set \"roma\" is empty"));
}

TEST(LoadChecklist, RejectsItemWithoutMeetsRule) {
  EXPECT_THAT(problem("no_meets.xml"), HasSubstr("no_meets.xml:37:7: item T-01: item has no rule for Meets"));
}

TEST(LoadChecklist, RejectsIncludeCycles) {
  EXPECT_THAT(problem("include_cycle.xml"), HasSubstr("cycle: roma -> groups -> roma"));
}

TEST(LoadChecklist, SaysHowManyMoreProblemsThereAre) {
  EXPECT_THAT(problem("two_problems.xml"), HasSubstr("unknown term set \"grups\" (and 1 more;"));
}

TEST(LoadChecklist, MissingFileNamesTheFile) {
  EXPECT_THAT(problem("no-such.xml"), HasSubstr("no-such.xml: no such file"));
}

TEST(LoadChecklist, EmptyFileIsAnError) {
  test::TempDir dir;
  test::write_bytes(dir / "empty.xml", "");
  EXPECT_THAT([&] { load_checklist(dir / "empty.xml"); }, ThrowsMessage<InputError>(HasSubstr("empty.xml:")));
}

TEST(CheckChecklist, CollectsEveryProblemInFileOrder) {
  const std::vector<Diagnostic> problems = check_checklist(fixture("checklist/two_problems.xml"));
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_EQ(problems[0].where.line, 33);
  EXPECT_EQ(problems[1].where.line, 39);
  EXPECT_TRUE(check_checklist(fixture("checklist/minimal.xml")).empty());
}

}  // namespace
}  // namespace unct::checklist
