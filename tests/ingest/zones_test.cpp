// Front and back matter as every reader gives it: covers and imprints, signatures, tables of
// contents, acronym lists and references are marked, entries stand alone, and they never lift
// an item above Approaches.

#include "engine/assess/assess.hpp"
#include "engine/checklist/load.hpp"
#include "engine/ingest/read.hpp"
#include "engine/rules/compiled.hpp"
#include "tests/support/support.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace unct::ingest {
namespace {

using ::testing::ElementsAre;

const Block& block_with(const Document& d, const std::string& text) {
  for (const Block& b : d.blocks) {
    if (b.text.find(text) != std::string::npos) return b;
  }
  throw std::runtime_error("no block with " + text);
}

Zone zone_of(const Document& d, const std::string& text) { return block_with(d, text).zone; }

Document read_as(const std::string& name, const std::string& text) {
  test::TempDir dir;
  test::write_bytes(dir / name, text);
  return read_document(dir / name);
}

// A real document's opening as a text export has it.
const char* const k_front_matter =
    "REPUBLIC OF TESTLAND\n"
    "UNITED NATIONS COOPERATION FRAMEWORK 2026-2030\n"
    "Copyright (c) 2025 United Nations Country Team. All rights reserved.\n"
    "\n"
    "CONTENTS\n"
    "EXECUTIVE SUMMARY 4\n"
    "1. INTRODUCTION 12\n"
    "2. Human rights commitments ........ 14\n"
    "3. COMMUNICATION OF RESULTS 61\n"
    "\n"
    "ACRONYMS\n"
    "CBF Common Budgetary Framework\n"
    "CEDAW Convention on the Elimination of all Forms of Discrimination Against Women\n"
    "GoN Government of Testland\n"
    "M&E Monitoring and Evaluation\n"
    "\n"
    "For the Government of Testland\n"
    "\n"
    "EXECUTIVE SUMMARY\n"
    "\n"
    "Roma children face discrimination in school and leave it early, and the framework\n"
    "will support an equality body to hear their complaints.\n"
    "\n"
    "REFERENCES\n"
    "\n"
    "Committee on the Elimination of Racial Discrimination, concluding observations, 2023.\n";

TEST(Zones, TextExportOfFrontMatter) {
  const Document d = read_as("cf.txt", k_front_matter);
  EXPECT_EQ(zone_of(d, "REPUBLIC OF TESTLAND"), Zone::cover);
  EXPECT_EQ(zone_of(d, "All rights reserved"), Zone::cover);
  EXPECT_EQ(zone_of(d, "CONTENTS"), Zone::contents);
  EXPECT_EQ(zone_of(d, "1. INTRODUCTION 12"), Zone::contents);
  EXPECT_EQ(zone_of(d, "Human rights commitments"), Zone::contents);
  EXPECT_EQ(zone_of(d, "CEDAW Convention"), Zone::acronyms);
  EXPECT_EQ(zone_of(d, "For the Government of Testland"), Zone::signatures);
  EXPECT_EQ(zone_of(d, "Roma children"), Zone::text);
  EXPECT_EQ(zone_of(d, "concluding observations"), Zone::references);
  // Each entry stands alone: its words never pair with another entry's.
  EXPECT_EQ(block_with(d, "CEDAW").text,
            "CEDAW Convention on the Elimination of all Forms of Discrimination Against Women");
  EXPECT_EQ(block_with(d, "CBF").text, "CBF Common Budgetary Framework");
  // Upper-case contents entries are not headings: the body sits under its own heading only.
  EXPECT_EQ(block_with(d, "1. INTRODUCTION 12").kind, BlockKind::paragraph);
  EXPECT_THAT(block_with(d, "Roma children").section, ElementsAre("EXECUTIVE SUMMARY"));
  // A wrapped paragraph of the body stays one block.
  EXPECT_EQ(block_with(d, "Roma children").text,
            "Roma children face discrimination in school and leave it early, and the framework\n"
            "will support an equality body to hear their complaints.");
}

TEST(Zones, ContentsWithoutATitleAndAcronymsListedOnOneLine) {
  const Document d =
      read_as("cf.txt",
              "Table of contents v\nAcronyms and abbreviations vi\nExecutive summary viii\n"
              "Declaration of commitment 1\n\n"
              "Acronyms and abbreviations\n"
              "National institutions: CPD Commissioner for Protection from Discrimination; DDFFA "
              "Department for Development and Foreign Aid\n\n"
              "The Programme of Cooperation supports the country's integration with the European Union.\n");
  EXPECT_EQ(zone_of(d, "Executive summary viii"), Zone::contents);
  EXPECT_EQ(zone_of(d, "Declaration of commitment 1"), Zone::contents);
  EXPECT_EQ(block_with(d, "CPD").text, "CPD Commissioner for Protection from Discrimination");
  EXPECT_EQ(block_with(d, "CPD").zone, Zone::acronyms);
  EXPECT_EQ(block_with(d, "DDFFA").zone, Zone::acronyms);
  EXPECT_EQ(zone_of(d, "supports the country's integration"), Zone::text);
}

TEST(Zones, ShortPassagesAndPlainSentencesAreRunningText) {
  const Document d =
      read_as("p.md", "## 2. Who is left behind\n\nThe Roma minority faces discrimination in housing.\n");
  for (const Block& b : d.blocks) EXPECT_EQ(b.zone, Zone::text) << b.text;
  const Document sentence = read_as("s.txt", "Roma children\nin school.\n");
  EXPECT_EQ(zone_of(sentence, "Roma children"), Zone::text);
}

// Words that mark front matter on a line of their own are prose inside running text.
TEST(Zones, EntryWordsInsideRunningTextStayText) {
  const Document d = read_as("p.txt",
                             "The Government will act (a) on housing, (b) on schools and (c) on health, and the\n"
                             "on behalf of clause of the law protects the right of Roma to be heard in every court.\n\n"
                             "Notes\n\nThe analysis then turns to the situation of Roma children in schools and the\n"
                             "discrimination they face in the north of the country, where most of them live.\n");
  EXPECT_EQ(zone_of(d, "The Government will act"), Zone::text);
  EXPECT_EQ(block_with(d, "The Government will act").text.find('\n') != std::string::npos, true);  // not cut
  // A "Notes" title on a plain line does not swallow the running text that follows it.
  EXPECT_EQ(zone_of(d, "situation of Roma children"), Zone::text);
}

TEST(Zones, MarkdownAndHtmlMarkTheSameZones) {
  const Document md = read_as("cf.md",
                              "# Testland Cooperation Framework\n\n## Table of contents\n\n- Who is left behind 3\n"
                              "- Theory of change 7\n\n## Acronyms\n\n| CERD | Committee on the Elimination of Racial "
                              "Discrimination |\n|---|---|\n| UNCT | United Nations Country Team |\n\n"
                              "## 1. Who is left behind\n\nRoma children face discrimination in school.\n\n"
                              "## Bibliography\n\nOHCHR, A human rights-based approach to data, 2018.\n");
  EXPECT_EQ(zone_of(md, "Theory of change 7"), Zone::contents);
  EXPECT_EQ(zone_of(md, "Committee on the Elimination"), Zone::acronyms);
  EXPECT_EQ(zone_of(md, "Roma children"), Zone::text);
  EXPECT_EQ(zone_of(md, "human rights-based approach to data"), Zone::references);

  const Document html =
      read_as("cf.html",
              "<html><body><h1>Testland Cooperation Framework</h1><h2>Contents</h2>"
              "<p>1. Who is left behind ........ 3</p><p>2. Theory of change ........ 7</p>"
              "<h2>1. Who is left behind</h2><p>Roma children face discrimination in school.</p>"
              "<h2>References</h2><p>OHCHR, A human rights-based approach to data, 2018.</p></body></html>");
  EXPECT_EQ(zone_of(html, "Theory of change"), Zone::contents);
  EXPECT_EQ(zone_of(html, "Roma children"), Zone::text);
  EXPECT_EQ(zone_of(html, "human rights-based approach"), Zone::references);
}

TEST(Zones, WordAndPdfMarkTheSameZones) {
  const Document docx = read_document(test::fixture("ingest/zones.docx"));
  EXPECT_EQ(zone_of(docx, "All rights reserved"), Zone::cover);
  EXPECT_EQ(zone_of(docx, "Theory of change"), Zone::contents);
  EXPECT_EQ(zone_of(docx, "Committee on the Elimination of Racial Discrimination"), Zone::acronyms);
  EXPECT_EQ(zone_of(docx, "Roma children"), Zone::text);
  EXPECT_EQ(zone_of(docx, "concluding observations"), Zone::references);

  const Document pdf = read_document(test::fixture("ingest/zones.pdf"));
  EXPECT_EQ(zone_of(pdf, "All rights reserved"), Zone::cover);
  // Entries a PDF reader joins on one line are cut apart again.
  EXPECT_EQ(block_with(pdf, "Human rights commitments").zone, Zone::contents);
  EXPECT_THAT(block_with(pdf, "Human rights commitments").text, ::testing::StartsWith("2. Human rights commitments"));
  EXPECT_THAT(block_with(pdf, "Human rights commitments").text, ::testing::EndsWith(" 5"));
  EXPECT_EQ(zone_of(pdf, "Roma children"), Zone::text);
}

class ZoneRatings : public ::testing::Test {
protected:
  const rules::ItemResult& rate(const std::string& text, const std::string& item) {
    m_assessment = assess(m_checklist, m_compiled, read_as("cf.txt", text), {.kind = DocumentKind::cf});
    return *find_result(m_assessment, item);
  }
  checklist::Checklist m_checklist = checklist::load_checklist(test::bundled_checklist());
  rules::CompiledChecklist m_compiled = rules::compile(m_checklist);
  Assessment m_assessment;
};

// An acronym line about budgets beside one about discrimination is not a costed measure
// against racial discrimination, and a contents entry reveals no content of its own.
TEST_F(ZoneRatings, FrontMatterNeverPairsAcrossEntriesNorReachesMeets) {
  const std::string acronyms =
      "ACRONYMS\nCBF Common Budgetary Framework\nCERD Committee on the Elimination of Racial Discrimination\n"
      "UPR Universal Periodic Review\nOHCHR Office of the High Commissioner for Human Rights\n\n"
      "The framework supports the country's development priorities.\n";
  EXPECT_EQ(rate(acronyms, "RDM-CF-12").level, Level::missing);
  EXPECT_LE(rate(acronyms, "RDM-CF-06").level, Level::approaches);
  EXPECT_LE(rate(k_front_matter, "RDM-CF-12").level, Level::approaches);  // the body's "will support ... Roma"
  EXPECT_EQ(rate(k_front_matter, "RDM-CF-13").level, Level::missing);     // "COMMUNICATION OF RESULTS 61"
}

}  // namespace
}  // namespace unct::ingest
