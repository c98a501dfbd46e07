#include "cli/run.hpp"

#include "tests/support/support.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

namespace unct {
namespace {

namespace fs = std::filesystem;
using test::run_cli;
using ::testing::ContainsRegex;
using ::testing::HasSubstr;

// A folder with one passage; its gold ratings are written from what the engine rates, with
// RDM-CCA-02 one level higher, so that exactly one item disagrees.
class GoldFolder : public ::testing::Test {
protected:
  void SetUp() override { fs::copy_file(test::fixture("items/RDM-CCA-01.meets.md"), m_dir / "passage.md"); }
  test::TempDir m_dir;
};

TEST_F(GoldFolder, PrintsTheFiguresAndEachDisagreement) {
  const auto engine =
      run_cli({"score", (m_dir / "passage.md").string(), "--db", (m_dir / "u.db").string(), "--format", "csv"});
  ASSERT_EQ(engine.exit_code, 0) << engine.err;
  fs::remove(m_dir / "u.db");
  std::string gold = "item,level,rationale\n";
  int n = 0;
  std::istringstream rows(engine.out);
  for (std::string row; std::getline(rows, row);) {
    row.erase(0, row.find(',') + 1);  // the priority column
    if (!row.starts_with("RDM-CCA-")) continue;
    const std::string id = row.substr(0, 10);
    std::string level = row.substr(row.find(",yes,") + 5);
    level = level.substr(0, level.find(','));
    if (id == "RDM-CCA-02") level = level == "missing" ? "approaches" : level == "approaches" ? "meets" : "exceeds";
    gold += id + "," + level + ",why " + id + "\n";
    ++n;
  }
  ASSERT_EQ(n, 15);
  test::write_bytes(m_dir / "passage.gold.csv", gold);

  const auto r = run_cli({"evaluate", m_dir.path().string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("1 documents, 15 items"));
  EXPECT_THAT(r.out, HasSubstr("development set"));
  EXPECT_THAT(r.out, HasSubstr("passage.md (cca, en, "));
  EXPECT_THAT(r.out, HasSubstr("14 of 15 exact, 15 within one"));
  EXPECT_THAT(r.out, HasSubstr("RDM-CCA-02 Discrimination analysed as a cause: gold "));
  EXPECT_THAT(r.out, ContainsRegex("gold \\(passage\\.gold\\.csv:[0-9]+\\): why RDM-CCA-02"));

  const auto json = run_cli({"evaluate", m_dir.path().string(), "--format", "json"});
  EXPECT_THAT(json.out, HasSubstr("\"exact\": 14"));
  const auto floor = run_cli({"evaluate", m_dir.path().string(), "--min-exact", "0.95"});
  EXPECT_EQ(floor.exit_code, cli::k_exit_threshold_failed);
  EXPECT_THAT(floor.err, HasSubstr("exact agreement 0.933 is below the floor 0.950 (--min-exact)"));
  EXPECT_FALSE(fs::exists(m_dir / "u.db"));  // evaluate stores nothing
}

TEST_F(GoldFolder, GoldProblemsAreBadInputNamingTheFile) {
  test::write_bytes(m_dir / "lonely.gold.csv", "item,level,rationale\n");
  EXPECT_THAT(run_cli({"evaluate", m_dir.path().string()}).err, HasSubstr("lonely.gold.csv: no document lonely.pdf"));
  fs::remove(m_dir / "lonely.gold.csv");
  test::write_bytes(m_dir / "passage.gold.csv", "item,level,rationale\nRDM-CCA-01,meets,x\n");
  const auto partial = run_cli({"evaluate", m_dir.path().string()});
  EXPECT_EQ(partial.exit_code, cli::k_exit_bad_input);
  EXPECT_THAT(partial.err,
              HasSubstr("passage.gold.csv: item RDM-CCA-02: the gold file leaves out an item the engine rates"));
  test::write_bytes(m_dir / "passage.gold.csv", "item,level,rationale\nRDM-CCA-01,meets,x\nRDM-CF-01,meets,x\n");
  EXPECT_THAT(run_cli({"evaluate", m_dir.path().string()}).err,
              HasSubstr("passage.gold.csv:3: item RDM-CF-01: the gold's items apply to no one kind of document"));
  test::write_bytes(m_dir / "passage.gold.csv", "item,level,rationale\nRDM-XX-01,meets,x\n");
  EXPECT_THAT(run_cli({"evaluate", m_dir.path().string()}).err,
              HasSubstr("passage.gold.csv:2: item RDM-XX-01: no such item in the checklist"));
  EXPECT_THAT(run_cli({"evaluate", (m_dir / "none").string()}).err, HasSubstr("none: not a folder"));
}

// A gold file of another kind than the engine reads: every item counts as rated Missing, the
// disagreement is reported and the run goes on.
TEST_F(GoldFolder, DocumentReadAsAnotherKindIsADisagreementNotAStop) {
  std::string gold = "item,level,rationale\n";
  for (int i = 1; i <= 13; ++i)
    gold += "RDM-CF-" + std::string(i < 10 ? "0" : "") + std::to_string(i) + ",approaches,x\n";
  test::write_bytes(m_dir / "passage.gold.csv", gold);
  const auto r = run_cli({"evaluate", m_dir.path().string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("passage.md (cf, en, "));
  EXPECT_THAT(r.out, HasSubstr("READ AS cca, not rated: 0 of 13 exact"));
  EXPECT_THAT(r.out, HasSubstr("engine read the document as a Common Country Analysis and did not rate this item"));
  EXPECT_THAT(r.out, HasSubstr("Gold Approaches or above that the engine rates Approaches or above: 0%"));
  const auto floor = run_cli({"evaluate", m_dir.path().string(), "--min-found", "0.8"});
  EXPECT_EQ(floor.exit_code, cli::k_exit_threshold_failed);
  EXPECT_THAT(floor.err,
              HasSubstr("share of gold Approaches-or-above found 0.000 is below the floor 0.800 (--min-found)"));
}

// The shipped samples and their gold files stay consistent (CI also enforces the floor): each is
// read as the kind and language it is written in, and is 3,000 to 15,000 words long.
TEST(EvaluateSamples, EverySampleWithGoldIsRatedAsWritten) {
  const auto r = run_cli({"evaluate", test::source_file("samples").string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::vector<std::string> samples{"cca-norvania-2024.docx (cca, en, ", "cca-tessaly-2023.pdf (cca, en, ",
                                         "bcp-kavera-2024.html (cca, fr, ",   "cf-norvania-2025.docx (cf, en, ",
                                         "cf-tessaly-2024.pdf (cf, en, ",     "mc-aldemar-2026.md (cf, es, ",
                                         "serp-tessaly-2020.md (serp, en, ",  "prse-aldemar-2020.docx (serp, es, "};
  for (const std::string& sample : samples) {
    const std::size_t at = r.out.find(sample);
    ASSERT_NE(at, std::string::npos) << sample;
    const int words = std::stoi(r.out.substr(at + sample.size()));
    EXPECT_GE(words, 3000) << sample;
    EXPECT_LE(words, 15000) << sample;
  }
  EXPECT_THAT(r.out, HasSubstr("8 documents"));
}

}  // namespace
}  // namespace unct
