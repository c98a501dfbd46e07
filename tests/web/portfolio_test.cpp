// The web app's portfolio at scale: one row per document (its newest draft) unless every draft is
// asked for, a section per country, and a review of any rating from its cell.

#include "tests/support/support.hpp"
#include "tests/web/test_server.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <string>

namespace unct::web {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

// Two drafts of the CCA of Valdoria (draft 2 newest) and one of Norvania.
void score_drafts(const TestServer& s) {
  const std::string csrf = s.csrf();
  for (const char* draft : {"items/RDM-CCA-15.approaches.vulnerable-only.md", "items/RDM-CCA-15.exceeds.md"}) {
    auto res = s.client().Post(
        "/score", httplib::MultipartFormDataItems{{"document", test::read_bytes(test::fixture(draft)), "cca.md", ""},
                                                  {"country", "Valdoria", "", ""},
                                                  {"csrf", csrf, "", ""}});
    ASSERT_EQ(res->status, 303) << res->body;
  }
  auto res = s.client().Post(
      "/score", httplib::MultipartFormDataItems{
                    {"document", test::read_bytes(test::source_file("samples/cca-norvania-2024.docx")), "n.docx", ""},
                    {"csrf", csrf, "", ""}});
  ASSERT_EQ(res->status, 303) << res->body;
}

TEST(WebPortfolio, EachDocumentHasOneRowUnlessEveryDraftIsAsked) {
  TestServer s;
  score_drafts(s);
  const auto latest = nlohmann::json::parse(s.client().Get("/api/portfolio")->body).at("documents");
  ASSERT_EQ(latest.size(), 2u);
  std::set<std::int64_t> ids;
  for (const auto& d : latest) ids.insert(d.at("assessment_id").get<std::int64_t>());
  EXPECT_EQ(ids, (std::set<std::int64_t>{2, 3}));  // draft 1 (assessment 1) left out
  EXPECT_EQ(nlohmann::json::parse(s.client().Get("/api/portfolio?drafts=all")->body).at("documents").size(), 3u);

  auto page = s.client().Get("/portfolio");
  EXPECT_THAT(page->body, HasSubstr("Portfolio: 2 documents"));
  EXPECT_THAT(page->body, HasSubstr("href=\"/portfolio?drafts=all\">Show every draft</a>"));
  auto every = s.client().Get("/portfolio?country=&drafts=all");
  EXPECT_THAT(every->body, HasSubstr("Portfolio: 3 documents"));
  EXPECT_THAT(every->body, HasSubstr("name=\"drafts\" value=\"all\" checked"));
  // The downloads follow the page's rows.
  EXPECT_THAT(every->body, HasSubstr("href=\"/portfolio.csv?drafts=all\""));
  auto csv = s.client().Get("/portfolio.csv")->body;
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 3);  // a header and two rows
  auto csv_all = s.client().Get("/portfolio.csv?drafts=all")->body;
  EXPECT_EQ(std::count(csv_all.begin(), csv_all.end(), '\n'), 4);
  EXPECT_EQ(s.client().Get("/portfolio.xlsx?drafts=all")->status, 200);
  auto bad = s.client().Get("/portfolio?drafts=some");
  EXPECT_EQ(bad->status, 400);
  EXPECT_THAT(bad->body, HasSubstr("drafts &quot;some&quot; is all"));
}

TEST(WebPortfolio, DocumentsAreGroupedByCountryWithAListToJumpTo) {
  TestServer s;
  score_drafts(s);
  const std::string page = s.client().Get("/portfolio")->body;
  EXPECT_THAT(page, HasSubstr("<nav class=\"countries\"><strong>2 countries:</strong>"));
  const std::size_t norvania = page.find("<h3 id=\"country-1\">Republic of Norvania");
  const std::size_t valdoria = page.find("<h3 id=\"country-2\">Valdoria");
  ASSERT_NE(norvania, std::string::npos) << page;
  ASSERT_NE(valdoria, std::string::npos);
  EXPECT_LT(norvania, valdoria);
  EXPECT_THAT(page, HasSubstr("href=\"#country-2\">Valdoria</a> (1)"));
  // Each section has its own item row.
  EXPECT_NE(page.find("<th class=\"item\">RDM-CCA-01</th>", valdoria), std::string::npos);
}

TEST(WebPortfolio, ACellOpensItsRatingAndAReviewReturnsToThePortfolioMarked) {
  TestServer s;
  score_drafts(s);
  const std::string page = s.client().Get("/portfolio?country=valdoria")->body;
  EXPECT_THAT(page, HasSubstr("<tr id=\"a2\">"));
  EXPECT_THAT(page, HasSubstr("href=\"/assessments/2/items/RDM-CCA-15?country=valdoria\""));

  auto item = s.client().Get("/assessments/2/items/RDM-CCA-15?country=valdoria");
  ASSERT_EQ(item->status, 200);
  EXPECT_THAT(item->body, HasSubstr("The engine rated it Exceeds."));
  EXPECT_THAT(item->body, HasSubstr("<ul class=\"criteria\">"));  // the evidence, as the report shows it
  EXPECT_THAT(item->body, HasSubstr("<blockquote>"));
  EXPECT_THAT(item->body, HasSubstr("name=\"return\" value=\"portfolio\""));
  EXPECT_THAT(item->body, HasSubstr("name=\"country\" value=\"valdoria\""));
  EXPECT_THAT(item->body, HasSubstr("href=\"/portfolio?country=valdoria#a2\">Back to the portfolio"));

  const httplib::Params review{{"item", "RDM-CCA-15"}, {"level", "meets"},      {"note", "one group only"},
                               {"reviewer", "R. Ev"},  {"return", "portfolio"}, {"country", "valdoria"}};
  // Without the CSRF token nothing is stored.
  auto forged = s.client().Post("/assessments/2/override", review);
  EXPECT_EQ(forged->status, 403);
  EXPECT_EQ(nlohmann::json::parse(s.client().Get("/api/assessments/2/overrides")->body).at("overrides").size(), 0u);
  // Without a note the review page comes back with why, the filter kept.
  httplib::Params no_note = review;
  no_note.erase("note");
  no_note.emplace("csrf", s.csrf());
  auto refused = s.client().Post("/assessments/2/override", no_note);
  EXPECT_EQ(refused->status, 400);
  EXPECT_THAT(refused->body, HasSubstr("Not saved:</strong> a note is required"));
  EXPECT_THAT(refused->body, HasSubstr("name=\"country\" value=\"valdoria\""));

  httplib::Params sent = review;
  sent.emplace("csrf", s.csrf());
  auto saved = s.client().Post("/assessments/2/override", sent);
  ASSERT_EQ(saved->status, 303) << saved->body;
  EXPECT_EQ(saved->get_header_value("Location"), "/portfolio?country=valdoria#a2");
  const std::string after = s.client().Get("/portfolio?country=valdoria")->body;
  EXPECT_THAT(after, HasSubstr("<td class=\"meets reviewed\" title=\"RDM-CCA-15: Meets minimum requirements, set by a reviewer\">"
                               "<a href=\"/assessments/2/items/RDM-CCA-15?country=valdoria\">Me*</a></td>"));
  // The same audit trail as the command line's override.
  const auto trail = nlohmann::json::parse(s.client().Get("/api/assessments/2/overrides")->body).at("overrides");
  ASSERT_EQ(trail.size(), 1u);
  EXPECT_EQ(trail[0].at("previous"), "exceeds");
  EXPECT_EQ(trail[0].at("reviewer"), "R. Ev");
  EXPECT_THAT(s.client().Get("/assessments/2/items/RDM-CCA-15")->body,
              HasSubstr("The engine rated it Exceeds; a reviewer set it to Meets."));
}

TEST(WebPortfolio, AnItemTheAssessmentDoesNotRateIsNotFound) {
  TestServer s;
  score_drafts(s);
  auto res = s.client().Get("/assessments/2/items/RDM-XX-99");
  EXPECT_EQ(res->status, 404);
  EXPECT_THAT(res->body, HasSubstr("assessment 2 does not rate item &quot;RDM-XX-99&quot;"));
  EXPECT_EQ(s.client().Get("/assessments/99/items/RDM-CCA-01")->status, 404);
}

}  // namespace
}  // namespace unct::web
