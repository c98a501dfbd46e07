#include "engine/report/assessment.hpp"

#include "engine/assess/assess.hpp"
#include "engine/checklist/load.hpp"
#include "engine/ingest/read.hpp"
#include "engine/rules/compiled.hpp"
#include "tests/support/support.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <sstream>

namespace unct::report {
namespace {

using ::testing::HasSubstr;

Assessment sample() {
  const checklist::Checklist c = checklist::load_checklist(test::bundled_checklist());
  Assessment a = assess(c, rules::compile(c), ingest::read_document(test::source_file("samples/cca-valdoria-2025.md")));
  a.created_at = "2026-11-23T10:00:00Z";
  return a;
}

TEST(RenderJson, CarriesDocumentChecklistScoresAndEvidence) {
  std::ostringstream out;
  render_json(sample(), out);
  const auto json = nlohmann::json::parse(out.str());
  EXPECT_EQ(json["document"]["kind"], "cca");
  EXPECT_EQ(json["checklist"]["id"], "rdm-2021");
  std::size_t applicable = 0;
  for (const auto& item : json["items"]) {
    const std::string id = item["id"];
    if (item["applicable"].get<bool>()) {
      ++applicable;
      EXPECT_EQ(id.rfind("RDM-CCA-", 0), 0u) << id;  // a CCA is rated on the CCA items only
    } else if (id.rfind("RDM-UNCT-", 0) == 0) {
      EXPECT_EQ(item["assessable"], false) << id;  // needs the team's records
    } else {
      EXPECT_FALSE(item.contains("assessable")) << id;  // a CF or SERP item: not applicable to a CCA
      EXPECT_FALSE(item["not_applicable_reason"].get<std::string>().empty()) << id;
    }
  }
  EXPECT_EQ(applicable, 15u);
  EXPECT_EQ(applicable, json["overall"]["applicable"].get<std::size_t>());
  EXPECT_EQ(json["document"]["language"], "en");
  EXPECT_EQ(json["document"]["year"], 2025);
  const auto& first = json["items"][0];
  EXPECT_EQ(first["id"], "RDM-CCA-01");
  EXPECT_TRUE(first["level"].is_string());
  bool quoted = false;
  for (const auto& criterion : first["criteria"]) {
    for (const auto& evidence : criterion["evidence"]) {
      const std::string quote = evidence["quote"];
      const auto range = evidence["highlights"][0];
      EXPECT_LE(range[1].get<std::size_t>(), quote.size());
      quoted = true;
    }
  }
  EXPECT_TRUE(quoted);
}

TEST(RenderText, ShowsTableOverallAndGaps) {
  std::ostringstream out;
  render_text(sample(), out);
  const std::string text = out.str();
  EXPECT_THAT(text, HasSubstr("A sourced reconstruction, not the official text"));
  EXPECT_THAT(text, HasSubstr("RDM-CCA-01   Groups named and profiled"));
  EXPECT_THAT(text, HasSubstr("applicable items at Meets or above"));
  EXPECT_THAT(text, HasSubstr("PRIORITIES: WHAT TO ADD FIRST"));
  EXPECT_THAT(text, HasSubstr("GAPS IN DETAIL"));
  EXPECT_LT(text.find("SUMMARY"), text.find("ITEMS BY SECTION"));
}

}  // namespace
}  // namespace unct::report
