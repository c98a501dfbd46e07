#include "engine/checklist/load.hpp"

#include "tests/support/support.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

namespace unct::checklist {
namespace {

using test::fixture;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::ThrowsMessage;
using namespace unct::signals;  // the kinds a criterion holds

std::string problem(const std::string& name) {
  try {
    load_checklist(fixture("checklist/" + name));
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

// A one-item checklist whose only criterion holds `signal`, with sets a and b, part p and the
// <define>s in `definitions` (on line 6; the signal is on line 9).
std::string with_signal(const std::string& signal, const std::string& definitions = "") {
  return R"(<?xml version="1.0"?>
<checklist format="1" id="x" version="1">
  <meta><title>t</title><publisher>p</publisher><issued>2021-01-01</issued><provenance>p</provenance><languages>en</languages></meta>
  <scale><level code="missing" label="M"/><level code="approaches" label="A"/><level code="meets" label="M"/><level code="exceeds" label="E"/><not-applicable label="NA"/></scale>
  <term-sets><term-set id="a"><term>roma</term></term-set><term-set id="b"><term>racism</term></term-set></term-sets>
  <parts><part id="p" title="P" headings="a"/></parts>)" +
         (definitions.empty() ? "" : "<signals>" + definitions + "</signals>") + R"(
  <section id="s" title="s"><item id="I-1" applies-to="cca" provenance="reconstructed"><title>t</title><question>q</question>
    <references><ref type="source">s</ref></references>
    <criteria><criterion id="c" text="c">)" +
         signal + R"(</criterion></criteria>
    <rating><meets criteria="c"/></rating><gap>g</gap></item></section>
</checklist>)";
}

std::string inline_problem(const std::string& signal, const std::string& definitions = "") {
  try {
    load_checklist_text(with_signal(signal, definitions), "inline.xml");
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

Signal only_signal(const std::string& signal, const std::string& definitions = "") {
  return load_checklist_text(with_signal(signal, definitions), "inline.xml")
      .sections[0]
      .items[0]
      .criteria[0]
      .signal.value();
}

// `xml` with its line breaks removed (issue 18).
std::string on_one_line(std::string xml) {
  std::erase(xml, '\n');
  return xml;
}

std::vector<Diagnostic> problems_in(const std::string& xml) {
  test::TempDir dir;
  test::write_bytes(dir / "inline.xml", xml);
  return check_checklist(dir / "inline.xml");
}

// The line and column of the first `needle` in `xml`, which is ASCII, counted by hand.
std::pair<int, int> place_of(const std::string& xml, const std::string& needle) {
  const std::size_t at = xml.find(needle);
  const std::size_t line_start = at == 0 ? 0 : xml.rfind('\n', at - 1) + 1;  // npos + 1 is 0
  return {static_cast<int>(std::count(xml.begin(), xml.begin() + static_cast<std::ptrdiff_t>(at), '\n')) + 1,
          static_cast<int>(at - line_start) + 1};
}

std::pair<int, int> place_of(const Diagnostic& diagnostic) { return {diagnostic.where.line, diagnostic.where.column}; }

TEST(LoadChecklist, ReadsEverySignal) {
  EXPECT_EQ(only_signal(R"(<near a="a" b="b" within="words" words="5" ordered="true" min="2" part="p"/>)"),
            Signal(Near{.term_set_a = "a",
                        .term_set_b = "b",
                        .within = Scope::words,
                        .words = 5,
                        .ordered = true,
                        .min_count = 2,
                        .part = "p"}));
  EXPECT_EQ(only_signal(R"(<near a="a" b="b" within="row"/>)"),
            Signal(Near{.term_set_a = "a", .term_set_b = "b", .within = Scope::row}));
  EXPECT_EQ(only_signal(R"(<in-table set="a" min="2"/>)"), Signal(InTable{.term_set = "a", .min_count = 2}));
  EXPECT_EQ(only_signal(R"(<in-part set="a" part="p"/>)"), Signal(Mentions{.term_set = "a", .part = "p"}));
  EXPECT_EQ(only_signal(R"(<pattern regex="a/[0-9]+"/>)"), Signal(Pattern{.regex = "a/[0-9]+"}));
  EXPECT_EQ(only_signal(R"(<share header="a" having="b" min-share="0.2" min-rows="3" part="p"/>)"),
            Signal(Share{.header_set = "a", .having_set = "b", .min_share = 0.2, .min_rows = 3, .part = "p"}));
}

TEST(LoadChecklist, RejectsBadSignals) {
  EXPECT_THAT(inline_problem(R"(<pattern regex="cerd/(c"/>)"),
              HasSubstr("inline.xml:9:42: item I-1: pattern \"cerd/(c\" is not a valid RE2 expression: missing )"));
  EXPECT_THAT(inline_problem(R"(<near a="a" b="b" within="words"/>)"),
              HasSubstr("give words=\"N\" exactly when within=\"words\""));
  EXPECT_THAT(inline_problem(R"(<near a="a" b="b" words="3"/>)"),
              HasSubstr("give words=\"N\" exactly when within=\"words\""));
  EXPECT_THAT(inline_problem(R"(<share header="a" having="b" min-share="1.5"/>)"), HasSubstr("inline.xml:9"));
  EXPECT_THAT(inline_problem(R"(<in-part set="a"/>)"), HasSubstr("part"));
  EXPECT_THAT(inline_problem(R"(<in-table set="zz"/>)"), HasSubstr("unknown term set \"zz\""));
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

TEST(LoadChecklist, DoctypeIsRefusedWithItsLine) {
  EXPECT_THAT(problem("doctype.xml"), HasSubstr("doctype.xml:3: a DOCTYPE is not allowed"));
}

TEST(LoadChecklist, SchemaViolationNamesLineAndColumn) {
  EXPECT_THAT(problem("schema_error.xml"),
              HasSubstr("schema_error.xml:33:52: element 'mentions', attribute 'minimum'"));
}

TEST(LoadChecklist, UnknownTermSetNamesFileLineAndItem) {
  EXPECT_THAT(
      [] { load_checklist(fixture("checklist/unknown_term_set.xml")); },
      ThrowsMessage<InputError>(HasSubstr("unknown_term_set.xml:33:52: item T-01: unknown term set \"grups\"")));
}

TEST(LoadChecklist, RejectsDuplicateItemIds) {
  EXPECT_THAT(problem("duplicate_item.xml"),
              HasSubstr("duplicate_item.xml:44:5: item T-01: duplicate item id \"T-01\""));
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

// Issue 18: a checklist written on one line loads like any other (placing each term by counting
// from the start of its line made it quadratic), and the tests after this one place its problems.
// The bundled checklist's file and every item file it includes are each put on one line.
TEST(LoadChecklist, ReadsTheBundledChecklistWrittenOnOneLine) {
  const Checklist lines = load_checklist(test::bundled_checklist());
  test::TempDir dir;
  const std::filesystem::path folder = test::bundled_checklist().parent_path();
  for (const auto& entry : std::filesystem::recursive_directory_iterator(folder)) {
    if (!entry.is_regular_file()) continue;
    const std::filesystem::path copy = dir.path() / entry.path().lexically_relative(folder);
    std::filesystem::create_directories(copy.parent_path());
    test::write_bytes(copy, on_one_line(test::read_bytes(entry.path())));
  }
  const Checklist one_line = load_checklist(dir / test::bundled_checklist().filename().string());
  EXPECT_EQ(item_count(one_line), item_count(lines));
  EXPECT_EQ(one_line.includes.size(), lines.includes.size());
  ASSERT_EQ(one_line.term_sets.size(), lines.term_sets.size());
  for (const TermSet& set : one_line.term_sets) {
    EXPECT_EQ(set.line, 1) << set.id;
    for (const Term& term : set.terms) EXPECT_EQ(term.line, 1) << term.text;
  }
  for (const Section& section : one_line.sections) {
    for (const Item& item : section.items) EXPECT_EQ(item.line, 1) << item.id;
  }
}

// Item files (tests/fixtures/checklist/included/): a checklist's <include href> brings in one item
// and the term sets only it reads, each placed in its own file.
TEST(LoadChecklist, ReadsIncludedItemsInFileOrder) {
  const std::filesystem::path main = fixture("checklist/included/checklist.xml");
  const std::filesystem::path t10 = fixture("checklist/included/items/T-10.xml");
  const Checklist c = load_checklist(main);
  ASSERT_EQ(c.sections.size(), 1u);
  std::vector<std::string> ids;
  for (const Item& item : c.sections[0].items) ids.push_back(item.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"T-10", "T-01", "T-11"}));
  EXPECT_EQ(c.sections[0].items[0].file, t10);
  EXPECT_EQ(c.sections[0].items[0].line, 7);
  EXPECT_EQ(c.sections[0].items[1].file, main);
  EXPECT_EQ(c.sections[0].items[1].line, 26);
  EXPECT_EQ(c.includes, (std::vector<std::filesystem::path>{t10, fixture("checklist/included/items/T-11.xml")}));
  ASSERT_NE(find_term_set(c, "travellers"), nullptr);
  EXPECT_EQ(find_term_set(c, "travellers")->file, t10);
  EXPECT_EQ(find_term_set(c, "travellers")->line, 4);
  EXPECT_EQ(find_term_set(c, "roma")->file, main);
}

TEST(LoadChecklist, TextResolvesIncludesAgainstItsPath) {
  const std::filesystem::path main = fixture("checklist/included/checklist.xml");
  const std::string xml = test::read_bytes(main);
  EXPECT_EQ(item_count(load_checklist_text(xml, main)), 3u);
  EXPECT_THAT(
      [&] { load_checklist_text(xml, "elsewhere/checklist.xml"); },
      ThrowsMessage<InputError>(HasSubstr(
          "elsewhere/checklist.xml:25:5: cannot read the included file elsewhere/items/T-10.xml: no such file")));
}

// A store keeps assessments by the checklist's hash: editing an item file makes a new checklist.
TEST(LoadChecklist, HashCoversTheItemFiles) {
  test::TempDir dir;
  std::filesystem::copy(fixture("checklist/included"), dir.path(), std::filesystem::copy_options::recursive);
  const std::string before = load_checklist(dir / "checklist.xml").sha256;
  std::string item = test::read_bytes(dir / "items/T-11.xml");
  item.replace(item.find("Name the Roma."), 14, "Name the Sinti.");
  test::write_bytes(dir / "items/T-11.xml", item);
  EXPECT_NE(load_checklist(dir / "checklist.xml").sha256, before);
}

TEST(LoadChecklist, MissingIncludeNamesTheIncludeAndTheFile) {
  EXPECT_THAT(problem("included/missing.xml"),
              HasSubstr("missing.xml:26:5: cannot read the included file " +
                        fixture("checklist/included/items/T-99.xml").string() + ": no such file"));
}

TEST(LoadChecklist, IncludeMustStayInsideTheChecklistsFolder) {
  EXPECT_THAT(problem("included/escape.xml"),
              HasSubstr("escape.xml:25:5: include \"items/../../minimal.xml\" must be a path relative to the "
                        "folder of escape.xml that stays inside it"));
  EXPECT_THAT(problem("included/absolute.xml"), HasSubstr("absolute.xml:25:5: include \"/etc/hostname\" must be"));
}

TEST(LoadChecklist, ItemFileMayNotInclude) {
  EXPECT_THAT(problem("included/nested.xml"),
              HasSubstr("items/nested.xml:15:3: element 'include': This element is not expected"));
}

TEST(LoadChecklist, SchemaErrorInAnItemFileNamesThatFile) {
  EXPECT_THAT(problem("included/schema_error.xml"),
              HasSubstr("items/schema_error.xml:8:47: element 'mentions', attribute 'minimum'"));
}

TEST(LoadChecklist, DuplicateItemAcrossFilesNamesBothPlaces) {
  EXPECT_THAT(problem("included/duplicate_item.xml"),
              HasSubstr("duplicate_item.xml:26:5: item T-10: duplicate item id \"T-10\" (first at " +
                        fixture("checklist/included/items/T-10.xml").string() + ":7)"));
}

TEST(LoadChecklist, SameItemFileIncludedTwiceIsRefused) {
  EXPECT_THAT(problem("included/twice.xml"),
              HasSubstr("twice.xml:26:5: \"items/T-11.xml\" is included twice (first on line 25)"));
}

TEST(LoadChecklist, TermSetOfAnItemFileIsOnlyForItsItem) {
  EXPECT_THAT(problem("included/foreign_set.xml"),
              HasSubstr("items/reads_other.xml:8:47: item T-12: term set \"travellers\" belongs to the item of " +
                        fixture("checklist/included/items/T-10.xml").string() +
                        "; a set more than one item reads goes in foreign_set.xml"));
}

// Named signals (tests/fixtures/checklist/definitions/): a <use ref> reads as the signal its
// <define> holds, so the model has no trace of the name.
std::vector<std::vector<Criterion>> criteria_of(const Checklist& checklist) {
  std::vector<std::vector<Criterion>> out;
  for (const Section& section : checklist.sections) {
    for (const Item& item : section.items) out.push_back(item.criteria);
  }
  return out;
}

TEST(LoadChecklist, UseReadsAsTheDefinedSignalWrittenOut) {
  const Checklist named = load_checklist(fixture("checklist/definitions/checklist.xml"));
  const Checklist written = load_checklist(fixture("checklist/definitions/written_out.xml"));
  EXPECT_EQ(criteria_of(named), criteria_of(written));
  EXPECT_EQ(item_count(named), 2u);
  EXPECT_TRUE(written.definitions.empty());
}

TEST(LoadChecklist, UseStandsWhereverASignalMay) {
  const std::string near = R"(<near a="a" b="b" within="paragraph" polarity="affirmed"/>)";
  const std::string defined = R"(<define id="d" title="a beside b">)" + near + R"(</define>)" +
                              R"(<define id="not-d"><not><use ref="d"/></not></define>)";
  const std::vector<std::pair<std::string, std::string>> cases{
      {R"(<use ref="d"/>)", near},
      {R"(<all><use ref="d"/><mentions set="a"/></all>)", "<all>" + near + R"(<mentions set="a"/></all>)"},
      {R"(<any><mentions set="b"/><use ref="d"/></any>)", R"(<any><mentions set="b"/>)" + near + "</any>"},
      {R"(<not><use ref="d"/></not>)", "<not>" + near + "</not>"},
      {R"(<at-least count="2"><use ref="d"/><use ref="d"/></at-least>)",
       R"(<at-least count="2">)" + near + near + "</at-least>"},
      {R"(<use ref="not-d"/>)", "<not>" + near + "</not>"},
  };
  for (const auto& [used, written] : cases) EXPECT_EQ(only_signal(used, defined), only_signal(written)) << used;
}

TEST(LoadChecklist, KeepsWhereEachDefinitionIsAndWhatItUses) {
  const std::filesystem::path main = fixture("checklist/definitions/checklist.xml");
  const std::filesystem::path item_file = fixture("checklist/definitions/items/D-02.xml");
  EXPECT_EQ(load_checklist(main).definitions,
            (std::vector<Definition>{
                {.id = "roma-in-education", .used_by_criteria = true, .file = main, .line = 29},
                {.id = "roma-in-a-sector",
                 .uses = {"roma-in-education", "roma-in-health"},
                 .used_by_criteria = true,
                 .file = main,
                 .line = 30},
                {.id = "roma-in-health", .used_by_criteria = true, .file = main, .line = 33},
                {.id = "travellers-discriminated", .used_by_criteria = true, .file = item_file, .line = 7},
                {.id = "both-discriminated",
                 .uses = {"travellers-discriminated"},
                 .used_by_criteria = true,
                 .file = item_file,
                 .line = 8},
            }));
}

TEST(LoadChecklist, UnknownUseNamesItsPlaceAndTheNearestId) {
  EXPECT_THAT(problem("definitions/unknown.xml"),
              HasSubstr("unknown.xml:37:62: item D-01: unknown signal definition \"roma-in-educaton\" (did you mean "
                        "\"roma-in-education\"?)"));
  const std::string far =
      inline_problem(R"(<use ref="zz"/>)", R"(<define id="roma-in-education"><mentions set="a"/></define>)");
  EXPECT_THAT(far, HasSubstr("inline.xml:9:42: item I-1: unknown signal definition \"zz\""));
  EXPECT_THAT(far, Not(HasSubstr("did you mean")));
}

TEST(LoadChecklist, RejectsDefinitionsThatUseThemselves) {
  const std::string through = with_signal(R"(<use ref="a"/>)", R"(<define id="a"><all><use ref="b"/></all></define>)"
                                                               R"(<define id="b"><any><use ref="a"/></any></define>)");
  const std::vector<Diagnostic> cycle = problems_in(through);
  ASSERT_EQ(cycle.size(), 1u);
  EXPECT_EQ(cycle[0].message, "signal definitions use each other in a cycle: a -> b -> a");
  EXPECT_EQ(place_of(cycle[0]), place_of(through, R"(<use ref="a"/></any>)"));
  const std::string directly = with_signal(R"(<use ref="s"/>)", R"(<define id="s"><not><use ref="s"/></not></define>)");
  const std::vector<Diagnostic> self = problems_in(directly);
  ASSERT_EQ(self.size(), 1u);
  EXPECT_EQ(self[0].message, "signal definitions use each other in a cycle: s -> s");
  EXPECT_EQ(place_of(self[0]), place_of(directly, R"(<use ref="s"/></not>)"));
}

TEST(LoadChecklist, ReportsADefinitionsOwnProblemOnceAtTheDefinition) {
  const std::string xml =
      with_signal(R"(<all><use ref="d"/><use ref="d"/></all>)", R"(<define id="d"><mentions set="zz"/></define>)");
  const std::vector<Diagnostic> problems = problems_in(xml);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].message, "unknown term set \"zz\"");
  EXPECT_EQ(place_of(problems[0]), place_of(xml, R"(<mentions set="zz"/>)"));
  EXPECT_EQ(problems[0].where.item_id, "");
}

// Like a term set, a definition written in an item file is for that file's item; a shared
// definition reading an item file's set is reported once, at the definition, not at its uses.
TEST(LoadChecklist, DefinitionOfAnItemFileIsOnlyForItsItem) {
  const std::filesystem::path main = fixture("checklist/definitions/foreign.xml");
  const std::string owner = fixture("checklist/definitions/items/D-02.xml").string();
  const std::vector<Diagnostic> problems = check_checklist(main);
  ASSERT_EQ(problems.size(), 3u);
  EXPECT_EQ(problems[0].where.file, main);
  EXPECT_EQ(place_of(problems[0]), std::pair(29, 35));
  EXPECT_EQ(problems[0].message, "signal definition \"travellers-discriminated\" belongs to the item of " + owner +
                                     "; a definition more than one item uses goes in foreign.xml");
  EXPECT_EQ(place_of(problems[1]), std::pair(30, 35));
  EXPECT_EQ(problems[1].message, "term set \"travellers\" belongs to the item of " + owner +
                                     "; a set more than one item reads goes in foreign.xml");
  EXPECT_EQ(problems[2].where.file, fixture("checklist/definitions/items/uses_other.xml"));
  EXPECT_EQ(place_of(problems[2]), std::pair(9, 74));
  EXPECT_EQ(problems[2].where.item_id, "D-03");
  EXPECT_THAT(problems[2].message, HasSubstr("signal definition \"travellers-discriminated\" belongs to the item of"));
}

TEST(LoadChecklist, DuplicateDefinitionAcrossFilesNamesBothPlaces) {
  EXPECT_THAT(problem("definitions/duplicate.xml"),
              HasSubstr("items/D-02.xml:7:5: duplicate signal definition id \"travellers-discriminated\" (first at " +
                        fixture("checklist/definitions/duplicate.xml").string() + ":30)"));
}

TEST(LoadChecklist, IncludedFileMustBeAnItemFile) {
  EXPECT_THAT(problem("included/whole_checklist.xml"),
              HasSubstr("whole_checklist.xml:25:5: " + fixture("checklist/included/checklist.xml").string() +
                        " is a checklist, not an item file"));
  EXPECT_THAT(problem("included/items/T-11.xml"),
              HasSubstr("T-11.xml:2:1: an item file holds one item of a checklist: load or validate the checklist "
                        "that includes it"));
}

TEST(CheckChecklist, OneLineChecklistPlacesEachProblemAtItsColumn) {
  const std::string xml = on_one_line(with_signal(R"(<all><in-table set="zz"/><in-table set="yy"/></all>)"));
  const std::vector<Diagnostic> problems = problems_in(xml);
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_EQ(problems[0].message, "unknown term set \"zz\"");
  EXPECT_EQ(place_of(problems[0]), place_of(xml, R"(<in-table set="zz")"));
  EXPECT_EQ(place_of(problems[1]), place_of(xml, R"(<in-table set="yy")"));
  EXPECT_EQ(problems[1].where.item_id, "I-1");
}

// libxml2 names the element of a schema error but not its column: each error is placed at its
// own element, not at the first element of that name on the line.
TEST(CheckChecklist, OneLineSchemaErrorsArePlacedAtTheirOwnElement) {
  const std::string xml = on_one_line(with_signal(R"(<all><mentions set="a"/><mentions set="a" minimum="2"/></all>)"));
  const std::vector<Diagnostic> problems = problems_in(xml);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_THAT(problems[0].message, HasSubstr("attribute 'minimum'"));
  EXPECT_EQ(place_of(problems[0]), place_of(xml, R"(<mentions set="a" minimum="2")"));
}

TEST(CheckChecklist, SchemaErrorOnATermIsPlacedAtTheTermNotItsSet) {
  std::string xml = with_signal(R"(<mentions set="a"/>)");
  xml.replace(xml.find("<term>roma"), 6, R"(<term lang="english">)");
  const std::vector<Diagnostic> problems = problems_in(xml);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_THAT(problems[0].message, HasSubstr("element 'term', attribute 'lang'"));
  EXPECT_EQ(place_of(problems[0]), place_of(xml, R"(<term lang="english">)"));
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
