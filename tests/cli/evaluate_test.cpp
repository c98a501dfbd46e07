#include "cli/run.hpp"

#include "tests/support/support.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>

namespace unct {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using test::run_cli;

// A folder with one passage; its gold ratings are written from what the engine rates, with
// RDM-CCA-02 one level higher, so that exactly one item disagrees.
class GoldFolder : public ::testing::Test {
protected:
  void SetUp() override { fs::copy_file(test::fixture("items/RDM-CCA-01.meets.md"), m_dir / "passage.md"); }
  test::TempDir m_dir;
};

TEST_F(GoldFolder, PrintsTheFiguresAndEachDisagreement) {
  const auto engine = run_cli({"score", (m_dir / "passage.md").string(), "--db", (m_dir / "u.db").string(), "--format", "csv"});
  ASSERT_EQ(engine.exit_code, 0) << engine.err;
  fs::remove(m_dir / "u.db");
  std::string gold = "item,level,rationale\n";
  int n = 0;
  std::istringstream rows(engine.out);
  for (std::string row; std::getline(rows, row);) {
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
  EXPECT_THAT(r.out, HasSubstr("gold (passage.gold.csv:3): why RDM-CCA-02"));

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
  EXPECT_THAT(partial.err, HasSubstr("passage.gold.csv: item RDM-CCA-02: the gold file leaves out an item the engine rates"));
  test::write_bytes(m_dir / "passage.gold.csv", "item,level,rationale\nRDM-CF-01,meets,x\n");
  EXPECT_THAT(run_cli({"evaluate", m_dir.path().string()}).err,
              HasSubstr("passage.gold.csv:2: item RDM-CF-01: the engine does not rate this item for passage.md"));
  EXPECT_THAT(run_cli({"evaluate", (m_dir / "none").string()}).err, HasSubstr("none: not a folder"));
}

// The shipped samples and their gold files stay consistent (CI also enforces the floor).
TEST(EvaluateSamples, EverySampleWithGoldIsRated) {
  const auto r = run_cli({"evaluate", test::source_file("samples").string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("cca-norvania-2024.docx (cca, en, "));
  EXPECT_THAT(r.out, HasSubstr("cca-tessaly-2023.pdf (cca, en, "));
  EXPECT_THAT(r.out, HasSubstr("serp-tessaly-2020.md (serp, en, "));
}

}  // namespace
}  // namespace unct
