// The web app over HTTP: a server started in this process on a free port, asked with
// httplib::Client as a browser or a program would, every route's answers and refusals.

#include "engine/web/server.hpp"

#include "cli/run.hpp"
#include "tests/web/test_server.hpp"

#include "engine/core/error.hpp"
#include "engine/rules/checklist_cache.hpp"
#include "tests/support/support.hpp"

#include <fcntl.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>
#include <nlohmann/json.hpp>

#include <atomic>
#include <chrono>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <thread>

namespace unct::web {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

httplib::MultipartFormDataItems upload(const std::string& bytes, const std::string& name, const std::string& csrf,
                                       httplib::MultipartFormDataItems fields = {}) {
  fields.push_back({"document", bytes, name, "application/octet-stream"});
  if (!csrf.empty()) fields.push_back({"csrf", csrf, "", ""});
  return fields;
}

httplib::MultipartFormDataItems sample(const std::string& file, const std::string& csrf,
                                       httplib::MultipartFormDataItems fields = {}) {
  return upload(test::read_bytes(test::source_file("samples/" + file)), file, csrf, std::move(fields));
}

std::size_t stored(const TestServer& s) {
  auto res = s.client().Get("/api/assessments");
  return nlohmann::json::parse(res->body).at("assessments").size();
}

std::string error_message(const httplib::Result& res) {
  return nlohmann::json::parse(res->body).at("error").at("message").get<std::string>();
}

TEST(WebServer, StartPageHasTheUploadFormAndSecurityHeaders) {
  TestServer s;
  auto res = s.client().Get("/");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_THAT(res->body, HasSubstr("enctype=\"multipart/form-data\""));
  EXPECT_THAT(res->body, HasSubstr("name=\"csrf\" value=\"" + s.csrf() + "\""));
  EXPECT_THAT(res->body, Not(HasSubstr("<script")));
  EXPECT_THAT(res->get_header_value("Content-Security-Policy"), HasSubstr("default-src 'none'"));
  EXPECT_EQ(res->get_header_value("X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(res->get_header_value("X-Frame-Options"), "DENY");
  // Errors carry the same headers.
  auto missing = s.client().Get("/no/such/page");
  EXPECT_EQ(missing->status, 404);
  EXPECT_THAT(missing->body, HasSubstr("there is no page at this address"));
  EXPECT_THAT(missing->get_header_value("Content-Security-Policy"), HasSubstr("default-src 'none'"));
}

TEST(WebServer, AnUploadIsScoredStoredOnceAndItsReportOpensWithTheSummary) {
  TestServer s;
  auto res = s.client().Post("/score", sample("cca-valdoria-2025.docx", s.csrf(), {{"draft", "draft 1", "", ""}}));
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 303) << res->body;
  EXPECT_EQ(res->get_header_value("Location"), "/assessments/1");
  EXPECT_EQ(stored(s), 1u);

  auto report = s.client().Get("/assessments/1");
  ASSERT_EQ(report->status, 200);
  const std::string& page = report->body;
  EXPECT_THAT(page, HasSubstr("Republic of Valdoria"));
  EXPECT_LT(page.find("Summary"), page.find("RDM-CCA-01"));
  EXPECT_THAT(page, HasSubstr("<nav class=\"app\">"));
  EXPECT_THAT(page, HasSubstr("action=\"/assessments/1/override\""));

  auto json = s.client().Get("/api/assessments/1");
  ASSERT_EQ(json->status, 200);
  const auto assessment = nlohmann::json::parse(json->body);
  EXPECT_EQ(assessment.at("document").at("path"), "cca-valdoria-2025.docx");
  EXPECT_EQ(assessment.at("document").at("draft"), "draft 1");
  // The report in another language, and a language reports are not written in.
  EXPECT_EQ(s.client().Get("/assessments/1?lang=fr")->status, 200);
  auto bad_lang = s.client().Get("/assessments/1?lang=de");
  EXPECT_EQ(bad_lang->status, 400);
  EXPECT_THAT(bad_lang->body, HasSubstr("unknown lang"));
}

TEST(WebServer, TheFormsOptionsReachTheAssessment) {
  TestServer s;
  auto res = s.client().Post("/api/score", sample("cca-valdoria-2025.md", s.csrf(),
                                                  {{"kind", "cf", "", ""},
                                                   {"country", "Norvania", "", ""},
                                                   {"year", "2031", "", ""},
                                                   {"region", "Europe", "", ""}}));
  ASSERT_EQ(res->status, 201) << res->body;
  EXPECT_EQ(res->get_header_value("Location"), "/api/assessments/1");
  const auto rows = nlohmann::json::parse(s.client().Get("/api/assessments")->body).at("assessments");
  EXPECT_EQ(rows[0].at("kind"), "cf");
  EXPECT_EQ(rows[0].at("country"), "Norvania");
  EXPECT_EQ(rows[0].at("year"), 2031);
  EXPECT_EQ(rows[0].at("region"), "Europe");
}

TEST(WebServer, AFileNameFromTheRequestIsOnlyALabel) {
  TestServer s;
  const std::string bytes = test::read_bytes(test::source_file("samples/cca-valdoria-2025.md"));
  auto res = s.client().Post("/api/score", upload(bytes, "../../../tmp/evil.md", s.csrf()));
  ASSERT_EQ(res->status, 201) << res->body;
  const auto assessment = nlohmann::json::parse(s.client().Get("/api/assessments/1")->body);
  EXPECT_EQ(assessment.at("document").at("path"), "evil.md");
  EXPECT_FALSE(std::filesystem::exists("/tmp/evil.md"));
}

TEST(WebServer, ADocumentTheReadersRefuseIsShownWithTheirMessage) {
  TestServer s;
  const std::string legacy_word = std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(600, '\0');
  auto page = s.client().Post("/score", upload(legacy_word, "draft.doc", s.csrf(), {{"country", "Valdoria", "", ""}}));
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 422);
  EXPECT_THAT(page->body, HasSubstr("draft.doc: a legacy Word (.doc)"));
  EXPECT_THAT(page->body, HasSubstr("value=\"Valdoria\""));  // the form comes back filled in
  auto api = s.client().Post("/api/score", upload("named as a PDF", "draft.pdf", s.csrf()));
  EXPECT_EQ(api->status, 422);
  EXPECT_THAT(error_message(api), HasSubstr("named .pdf but not a PDF"));
  EXPECT_EQ(stored(s), 0u);
}

TEST(WebServer, ABadFormIsRefusedWithWhatIsWrong) {
  TestServer s;
  const std::string csrf = s.csrf();
  auto empty = s.client().Post("/api/score", upload("", "empty.md", csrf));
  EXPECT_EQ(empty->status, 400);
  EXPECT_THAT(error_message(empty), HasSubstr("empty.md: the file is empty"));
  auto none = s.client().Post("/api/score", httplib::MultipartFormDataItems{{"csrf", csrf, "", ""}});
  EXPECT_EQ(none->status, 400);
  EXPECT_THAT(error_message(none), HasSubstr("choose a document to score"));
  auto two = s.client().Post("/api/score", upload("# A\n\ntext", "a.md", csrf, {{"extra", "# B", "b.md", ""}}));
  EXPECT_EQ(two->status, 400);
  EXPECT_THAT(error_message(two), HasSubstr("one document per upload"));
  auto kind = s.client().Post("/api/score", sample("cca-valdoria-2025.md", csrf, {{"kind", "memo", "", ""}}));
  EXPECT_EQ(kind->status, 400);
  EXPECT_THAT(error_message(kind), HasSubstr("unknown kind \"memo\""));
  auto year = s.client().Post("/api/score", sample("cca-valdoria-2025.md", csrf, {{"year", "twenty", "", ""}}));
  EXPECT_EQ(year->status, 400);
  EXPECT_THAT(error_message(year), HasSubstr("not a plausible document year"));
  auto form = s.client().Post("/api/score", "document=x&csrf=" + csrf, "application/x-www-form-urlencoded");
  EXPECT_EQ(form->status, 400);
  EXPECT_THAT(error_message(form), HasSubstr("multipart/form-data"));
  EXPECT_EQ(stored(s), 0u);
}

TEST(WebServer, AnOversizedUploadIsRefusedAndTheServerCarriesOn) {
  TestServer s;  // 256 KiB limit
  const std::string csrf = s.csrf();
  auto over = s.client().Post("/score", upload(std::string(300 * 1024, 'a'), "big.txt", csrf));
  ASSERT_TRUE(over);
  EXPECT_EQ(over->status, 413);
  EXPECT_THAT(over->body, HasSubstr("big.txt is 0.293 MB, above the upload limit of 0.25 MB"));
  auto api = s.client().Post("/api/score", upload(std::string(300 * 1024, 'a'), "big.txt", csrf));
  EXPECT_EQ(api->status, 413);
  EXPECT_THAT(error_message(api), HasSubstr("above the upload limit"));
  // Far above the limit, the body is refused before it is read: the answer is 413 when the
  // client reads it before the server closes the connection.
  auto far = s.client().Post("/api/score", upload(std::string(4 * 1024 * 1024, 'a'), "huge.txt", csrf));
  if (far) {
    EXPECT_EQ(far->status, 413);
    EXPECT_THAT(far->body, HasSubstr("larger than the limit of 0.25 MB"));
  }
  EXPECT_EQ(s.client().Get("/")->status, 200);
  EXPECT_EQ(stored(s), 0u);
}

TEST(WebServer, StateChangesNeedTheCsrfToken) {
  TestServer s;
  auto none = s.client().Post("/score", sample("cca-valdoria-2025.md", ""));
  EXPECT_EQ(none->status, 403);
  EXPECT_THAT(none->body, HasSubstr("carries no CSRF token"));
  auto wrong = s.client().Post("/api/score", sample("cca-valdoria-2025.md", std::string(64, 'a')));
  EXPECT_EQ(wrong->status, 403);
  EXPECT_THAT(error_message(wrong), HasSubstr("CSRF token is not this server's"));
  EXPECT_EQ(stored(s), 0u);
  // A program sends it as a header.
  auto header =
      s.client().Post("/api/score", httplib::Headers{{"X-CSRF-Token", s.csrf()}}, sample("cca-valdoria-2025.md", ""));
  ASSERT_EQ(header->status, 201) << header->body;
  // An override without it changes nothing.
  auto override_none =
      s.client().Post("/assessments/1/override",
                      httplib::Params{{"item", "RDM-CCA-09"}, {"level", "meets"}, {"note", "n"}, {"reviewer", "r"}});
  EXPECT_EQ(override_none->status, 403);
  EXPECT_THAT(override_none->body, HasSubstr("carries no CSRF token"));
  auto api_wrong = s.client().Post(
      "/api/assessments/1/override",
      httplib::Params{{"item", "RDM-CCA-09"}, {"level", "meets"}, {"note", "n"}, {"reviewer", "r"}, {"csrf", "nope"}});
  EXPECT_EQ(api_wrong->status, 403);
  auto trail = nlohmann::json::parse(s.client().Get("/api/assessments/1/overrides")->body);
  EXPECT_TRUE(trail.at("overrides").empty());
}

TEST(WebServer, AnUnknownIdIsNotFound) {
  TestServer s;
  const std::string csrf = s.csrf();
  ASSERT_EQ(s.client().Post("/api/score", sample("cca-valdoria-2025.md", csrf))->status, 201);
  auto page = s.client().Get("/assessments/999");
  EXPECT_EQ(page->status, 404);
  EXPECT_THAT(page->body, HasSubstr("no assessment with id 999"));
  auto api = s.client().Get("/api/assessments/999");
  EXPECT_EQ(api->status, 404);
  EXPECT_EQ(error_message(api), "no assessment with id 999");
  EXPECT_EQ(s.client().Get("/api/assessments/999/overrides")->status, 404);
  auto compare = s.client().Get("/compare?first=1&second=999");
  EXPECT_EQ(compare->status, 404);
  EXPECT_THAT(compare->body, HasSubstr("no assessment with id 999"));
  EXPECT_EQ(s.client().Get("/api/compare?first=999&second=1")->status, 404);
  const httplib::Params review{
      {"item", "RDM-CCA-09"}, {"level", "meets"}, {"note", "n"}, {"reviewer", "r"}, {"csrf", csrf}};
  EXPECT_EQ(s.client().Post("/assessments/999/override", review)->status, 404);
  EXPECT_EQ(s.client().Post("/api/assessments/999/override", review)->status, 404);
  // An id too large for a number names no assessment either.
  EXPECT_EQ(s.client().Get("/assessments/99999999999999999999999")->status, 400);
  auto unnamed = s.client().Get("/compare?first=1");
  EXPECT_EQ(unnamed->status, 400);
  EXPECT_THAT(unnamed->body, HasSubstr("give two assessments to compare"));
  auto not_a_number = s.client().Get("/api/compare?first=one&second=1");
  EXPECT_EQ(not_a_number->status, 400);
  EXPECT_THAT(error_message(not_a_number), HasSubstr("first must be an assessment id"));
}

TEST(WebServer, AReviewerOverridesARatingWithANoteAndTheTrailIsKept) {
  TestServer s;
  const std::string csrf = s.csrf();
  ASSERT_EQ(s.client().Post("/api/score", sample("cca-valdoria-2025.md", csrf))->status, 201);
  auto res = s.client().Post("/assessments/1/override", httplib::Params{{"item", "rdm-cca-09"},
                                                                        {"level", "meets"},
                                                                        {"note", "Table 4 gives seats by group."},
                                                                        {"reviewer", "A. Reviewer"},
                                                                        {"csrf", csrf}});
  ASSERT_EQ(res->status, 303) << res->body;
  EXPECT_EQ(res->get_header_value("Location"), "/assessments/1#review");
  auto api = s.client().Post("/api/assessments/1/override", httplib::Params{{"item", "RDM-CCA-10"},
                                                                            {"level", "approaches"},
                                                                            {"note", "Names two groups."},
                                                                            {"reviewer", "B"},
                                                                            {"csrf", csrf}});
  ASSERT_EQ(api->status, 201) << api->body;
  EXPECT_EQ(nlohmann::json::parse(api->body).at("override").at("previous"), "missing");

  const auto trail = nlohmann::json::parse(s.client().Get("/api/assessments/1/overrides")->body).at("overrides");
  ASSERT_EQ(trail.size(), 2u);
  EXPECT_EQ(trail[0].at("item_id"), "RDM-CCA-09");
  EXPECT_EQ(trail[0].at("level"), "meets");
  EXPECT_EQ(trail[0].at("reviewer"), "A. Reviewer");
  EXPECT_EQ(trail[0].at("note"), "Table 4 gives seats by group.");
  const std::string page = s.client().Get("/assessments/1")->body;
  EXPECT_THAT(page, HasSubstr("Table 4 gives seats by group."));

  auto no_note = s.client().Post(
      "/assessments/1/override",
      httplib::Params{{"item", "RDM-CCA-09"}, {"level", "meets"}, {"note", "  "}, {"reviewer", "A"}, {"csrf", csrf}});
  EXPECT_EQ(no_note->status, 400);
  EXPECT_THAT(no_note->body, HasSubstr("a note is required"));
  EXPECT_THAT(no_note->body, HasSubstr("Republic of Valdoria"));  // the report again, with why
  auto no_reviewer =
      s.client().Post("/api/assessments/1/override",
                      httplib::Params{{"item", "RDM-CCA-09"}, {"level", "meets"}, {"note", "n"}, {"csrf", csrf}});
  EXPECT_EQ(no_reviewer->status, 400);
  EXPECT_THAT(error_message(no_reviewer), HasSubstr("reviewer's name is required"));
  auto bad_level = s.client().Post(
      "/api/assessments/1/override",
      httplib::Params{{"item", "RDM-CCA-09"}, {"level", "great"}, {"note", "n"}, {"reviewer", "A"}, {"csrf", csrf}});
  EXPECT_EQ(bad_level->status, 400);
  EXPECT_THAT(error_message(bad_level), HasSubstr("unknown level \"great\""));
  auto bad_item = s.client().Post(
      "/api/assessments/1/override",
      httplib::Params{{"item", "RDM-XX-99"}, {"level", "meets"}, {"note", "n"}, {"reviewer", "A"}, {"csrf", csrf}});
  EXPECT_EQ(bad_item->status, 400);
  EXPECT_THAT(error_message(bad_item), HasSubstr("RDM-XX-99"));
  EXPECT_EQ(nlohmann::json::parse(s.client().Get("/api/assessments/1/overrides")->body).at("overrides").size(), 2u);
}

TEST(WebServer, DraftsOfOneDocumentAreListedAndCompared) {
  TestServer s;
  const std::string csrf = s.csrf();
  for (const char* draft : {"items/RDM-CCA-15.approaches.vulnerable-only.md", "items/RDM-CCA-15.exceeds.md"}) {
    auto res = s.client().Post(
        "/score", upload(test::read_bytes(test::fixture(draft)), "cca.md", csrf, {{"country", "Valdoria", "", ""}}));
    ASSERT_EQ(res->status, 303) << res->body;
  }
  auto documents = s.client().Get("/documents");
  ASSERT_EQ(documents->status, 200);
  EXPECT_THAT(documents->body, HasSubstr("2 assessments"));
  EXPECT_THAT(documents->body, HasSubstr("action=\"/compare\""));
  const auto listed = nlohmann::json::parse(s.client().Get("/api/documents")->body).at("documents");
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0].at("drafts").size(), 2u);

  auto page = s.client().Get("/compare?first=1&second=2");
  ASSERT_EQ(page->status, 200);
  EXPECT_THAT(page->body, HasSubstr("What changed between two assessments"));
  EXPECT_THAT(page->body, HasSubstr("class=\"up\""));  // the changed row highlighted
  const auto c = nlohmann::json::parse(s.client().Get("/api/compare?first=1&second=2")->body);
  EXPECT_THAT(c.at("resolved").get<std::vector<std::string>>(), ::testing::Contains("RDM-CCA-15"));
  EXPECT_TRUE(c.at("new_gaps").empty());
  // The report links to the other draft.
  EXPECT_THAT(s.client().Get("/assessments/2")->body, HasSubstr("<option value=\"1\" selected>"));
}

TEST(WebServer, ThePortfolioFiltersAndDownloads) {
  TestServer s;
  const std::string csrf = s.csrf();
  // Two documents (the portfolio takes the latest assessment of each file's content).
  for (const char* file : {"cca-valdoria-2025.md", "cca-norvania-2024.docx"}) {
    ASSERT_EQ(s.client().Post("/api/score", sample(file, csrf, {{"region", "Europe", "", ""}}))->status, 201);
  }
  auto all = s.client().Get("/portfolio");
  ASSERT_EQ(all->status, 200);
  EXPECT_THAT(all->body, HasSubstr("Portfolio: 2 documents"));
  EXPECT_THAT(all->body, HasSubstr("Items most often below Meets"));
  auto one = s.client().Get("/portfolio?country=norv&kind=cca&year=2024");
  EXPECT_THAT(one->body, HasSubstr("Portfolio: 1 document"));
  EXPECT_THAT(one->body, HasSubstr("href=\"/portfolio.xlsx?country=norv&amp;kind=cca&amp;year=2024\""));
  const auto json = nlohmann::json::parse(s.client().Get("/api/portfolio?region=europe")->body);
  EXPECT_EQ(json.at("documents").size(), 2u);
  EXPECT_FALSE(json.at("items_below_meets").empty());

  auto csv = s.client().Get("/portfolio.csv?country=valdoria");
  ASSERT_EQ(csv->status, 200);
  EXPECT_THAT(csv->get_header_value("Content-Type"), StartsWith("text/csv"));
  EXPECT_THAT(csv->get_header_value("Content-Disposition"), HasSubstr("portfolio.csv"));
  EXPECT_THAT(csv->body, HasSubstr("RDM-CCA-01"));
  auto findings = s.client().Get("/portfolio-findings.csv");
  ASSERT_EQ(findings->status, 200);
  EXPECT_THAT(findings->body, HasSubstr("RDM-CCA-09"));
  auto xlsx = s.client().Get("/portfolio.xlsx");
  ASSERT_EQ(xlsx->status, 200);
  EXPECT_THAT(xlsx->body, StartsWith("PK"));
  EXPECT_THAT(xlsx->get_header_value("Content-Disposition"), HasSubstr("portfolio.xlsx"));

  auto kind = s.client().Get("/portfolio?kind=memo");
  EXPECT_EQ(kind->status, 400);
  EXPECT_THAT(kind->body, HasSubstr("unknown kind"));
  auto year = s.client().Get("/portfolio.csv?year=1800");
  EXPECT_EQ(year->status, 400);
  EXPECT_THAT(year->body, HasSubstr("not a plausible document year"));
  EXPECT_EQ(s.client().Get("/api/portfolio?year=x")->status, 400);
  EXPECT_EQ(s.client().Get("/portfolio.xlsx?kind=x")->status, 400);
}

TEST(WebServer, TextFromUploadsIsEscapedOnEveryPage) {
  TestServer s;
  auto res = s.client().Post("/score", sample("cca-valdoria-2025.md", s.csrf(),
                                              {{"draft", "<script>alert(1)</script>", "", ""},
                                               {"country", "<img src=x onerror=alert(1)>", "", ""}}));
  ASSERT_EQ(res->status, 303);
  for (const char* path : {"/", "/assessments/1", "/documents", "/portfolio"}) {
    const std::string body = s.client().Get(path)->body;
    EXPECT_THAT(body, Not(HasSubstr("<script>alert"))) << path;
    EXPECT_THAT(body, Not(HasSubstr("<img src=x"))) << path;
  }
}

// The team's self-assessment in the browser: saved as `self-assess import` saves a form, and the
// report then shows the team's levels and each over- and underclaim.
TEST(WebSelfAssessment, TheFormIsSavedAndTheReportShowsTheOverAndUnderclaims) {
  TestServer s;
  const std::string csrf = s.csrf();
  ASSERT_EQ(s.client().Post("/api/score", sample("cca-valdoria-2025.docx", csrf))->status, 201);
  const auto before = nlohmann::json::parse(s.client().Get("/api/assessments/1")->body);
  auto form = s.client().Get("/assessments/1/self-assessment");
  ASSERT_EQ(form->status, 200);
  EXPECT_THAT(form->body, HasSubstr("action=\"/assessments/1/self-assessment?lang=en\""));
  EXPECT_THAT(form->body, HasSubstr("name=\"csrf\" value=\"" + csrf + "\""));
  EXPECT_THAT(form->body, HasSubstr("<select name=\"level.RDM-CCA-04\""));
  EXPECT_THAT(form->body, HasSubstr("name=\"justification.RDM-UNCT-01\""));  // items needing team records too
  EXPECT_THAT(form->body, Not(HasSubstr("level.RDM-CF-01")));                // not the CF's items
  EXPECT_THAT(form->body, HasSubstr("<option value=\"\" selected>not rated</option>"));
  EXPECT_THAT(form->body, Not(HasSubstr("<script")));
  EXPECT_THAT(s.client().Get("/assessments/1")->body, HasSubstr("href=\"/assessments/1/self-assessment\""));

  // The engine finds RDM-CCA-04 at Approaches and RDM-CCA-01 at Meets: Exceeds is an overclaim,
  // Missing an underclaim. RDM-UNCT-01 needs the team's records: it takes the team's level.
  auto saved = s.client().Post("/assessments/1/self-assessment",
                               httplib::Params{{"csrf", csrf},
                                               {"level.RDM-CCA-04", "exceeds"},
                                               {"justification.RDM-CCA-04", "Section 3 <covers> it"},
                                               {"source.RDM-CCA-04", "p. 12"},
                                               {"level.RDM-CCA-01", "Missing"},
                                               {"level.RDM-UNCT-01", "meets"},
                                               {"level.RDM-CCA-02", ""}});
  ASSERT_EQ(saved->status, 303) << saved->body;
  EXPECT_EQ(saved->get_header_value("Location"), "/assessments/1");
  const std::string report = s.client().Get("/assessments/1")->body;
  EXPECT_THAT(report, HasSubstr("Team self-assessment and engine"));
  EXPECT_THAT(report, HasSubstr("Overclaim: RDM-CCA-04"));
  EXPECT_THAT(report, HasSubstr("Underclaim: RDM-CCA-01"));
  EXPECT_THAT(report, HasSubstr("Section 3 &lt;covers&gt; it"));
  EXPECT_THAT(report, Not(HasSubstr("<covers>")));

  // Stored as the CLI stores it: three ratings, the team-record item applicable at the team's
  // level and marked self-reported.
  const auto after = nlohmann::json::parse(s.client().Get("/api/assessments/1")->body);
  EXPECT_EQ(after.at("self").size(), 3u);
  for (const auto& item : after.at("items")) {
    if (item.at("id") == "RDM-UNCT-01") {
      EXPECT_TRUE(item.at("applicable").get<bool>());
      EXPECT_EQ(item.at("level"), "meets");
      EXPECT_TRUE(item.value("self_reported", false));
    }
  }
  const auto api = nlohmann::json::parse(s.client().Get("/api/assessments/1/self-assessment")->body);
  EXPECT_EQ(api.at("rated"), 3);
  EXPECT_EQ(api.at("overclaims"), 1);
  EXPECT_EQ(api.at("underclaims"), 1);
  for (const auto& item : api.at("items")) {
    const std::string id = item.at("item_id").get<std::string>();
    if (id == "RDM-CCA-04") {
      EXPECT_EQ(item.at("claim"), "overclaim");
      EXPECT_EQ(item.at("team").at("level"), "exceeds");
      EXPECT_EQ(item.at("team").at("source"), "p. 12");
      EXPECT_EQ(item.at("engine"), "approaches");
    }
    if (id == "RDM-UNCT-01") {
      EXPECT_EQ(item.at("evidence_from"), "team_records");
      EXPECT_TRUE(item.at("engine").is_null());
      EXPECT_TRUE(item.at("claim").is_null());
    }
  }
  // The form opens again with what was saved, and the claims beside the engine's level.
  const std::string again = s.client().Get("/assessments/1/self-assessment")->body;
  EXPECT_THAT(again, HasSubstr("<option value=\"exceeds\" selected>Exceeds</option>"));
  EXPECT_THAT(again, HasSubstr("value=\"p. 12\""));
  EXPECT_THAT(again, HasSubstr("<span class=\"claim-mark\">Overclaim</span>"));

  // A program sends JSON; saving replaces the ratings the assessment held.
  auto by_api = s.client().Post("/api/assessments/1/self-assessment", httplib::Headers{{"X-CSRF-Token", csrf}},
                                R"({"ratings": [{"item": "RDM-CCA-09", "level": "meets", "justification": "j"}]})",
                                "application/json");
  ASSERT_EQ(by_api->status, 200) << by_api->body;
  const auto replaced = nlohmann::json::parse(by_api->body);
  EXPECT_EQ(replaced.at("rated"), 1);
  EXPECT_EQ(replaced.at("overclaims"), 1);
  EXPECT_EQ(replaced.at("underclaims"), 0);
  const nlohmann::json reread = nlohmann::json::parse(s.client().Get("/api/assessments/1")->body);
  for (const auto& item : reread.at("items")) {
    if (item.at("id") == "RDM-UNCT-01") {
      EXPECT_FALSE(item.at("applicable").get<bool>());  // no longer rated by the team
    }
  }
  EXPECT_EQ(replaced.at("applicable"), before.at("overall").at("applicable"));
}

// The team's ratings of the self-assessment form as GET /api/.../self-assessment gives them.
std::map<std::string, std::string> team_levels(const TestServer& s) {
  std::map<std::string, std::string> out;
  const auto form = nlohmann::json::parse(s.client().Get("/api/assessments/1/self-assessment")->body);
  for (const auto& item : form.at("items")) {
    if (!item.at("team").is_null()) {
      out[item.at("item_id").get<std::string>()] = item.at("team").at("level").get<std::string>() + "|" +
                                                   item.at("team").at("justification").get<std::string>() + "|" +
                                                   item.at("team").at("source").get<std::string>();
    }
  }
  return out;
}

TEST(WebSelfAssessment, TheFilledFormDownloadsAsCsvAndXlsxThatSelfAssessImportReadsBack) {
  TestServer s;
  const std::string csrf = s.csrf();
  ASSERT_EQ(s.client().Post("/api/score", sample("cca-valdoria-2025.docx", csrf))->status, 201);
  const httplib::Params ratings{{"csrf", csrf},
                                {"level.RDM-CCA-04", "exceeds"},
                                {"justification.RDM-CCA-04", "Section 3, \"quoted\", covers it"},
                                {"source.RDM-CCA-04", "p. 12"},
                                {"level.RDM-UNCT-01", "meets"}};
  ASSERT_EQ(s.client().Post("/assessments/1/self-assessment", ratings)->status, 303);
  const std::map<std::string, std::string> saved = team_levels(s);
  ASSERT_EQ(saved.size(), 2u);
  EXPECT_THAT(s.client().Get("/assessments/1/self-assessment")->body,
              HasSubstr("href=\"/assessments/1/self-assessment.csv?lang=en\""));

  auto csv = s.client().Get("/assessments/1/self-assessment.csv?lang=fr");
  ASSERT_EQ(csv->status, 200);
  EXPECT_THAT(csv->get_header_value("Content-Disposition"), HasSubstr("self-assessment-1.csv"));
  EXPECT_THAT(csv->body, HasSubstr("RDM-CCA-04,"));
  EXPECT_THAT(csv->body, HasSubstr(",Dépasse,\"Section 3, \"\"quoted\"\", covers it\",p. 12"));  // in French
  auto xlsx = s.client().Get("/assessments/1/self-assessment.xlsx");
  ASSERT_EQ(xlsx->status, 200);
  EXPECT_THAT(xlsx->body, StartsWith("PK"));
  EXPECT_EQ(s.client().Get("/assessments/9/self-assessment.csv")->status, 404);

  // Each file, imported with the command line after the ratings were cleared, gives them back.
  for (const auto& [name, bytes] : {std::pair{std::string("form.csv"), csv->body}, {"form.xlsx", xlsx->body}}) {
    ASSERT_EQ(s.client().Post("/assessments/1/self-assessment", httplib::Params{{"csrf", csrf}})->status, 303);
    ASSERT_TRUE(team_levels(s).empty());
    const std::filesystem::path file = s.dir() / name;
    std::ofstream(file, std::ios::binary) << bytes;
    std::ostringstream out, err;
    const int code = cli::run({"self-assess", "import", "1", file.string(), "--db", (s.dir() / "web.db").string(),
                               "--checklist", test::bundled_checklist().string()},
                              out, err);
    ASSERT_EQ(code, 0) << err.str();
    EXPECT_EQ(team_levels(s), saved) << name;
  }
}

TEST(WebSelfAssessment, ABadAnswerIsRefusedWithWhyAndNothingIsStored) {
  TestServer s;
  const std::string csrf = s.csrf();
  ASSERT_EQ(s.client().Post("/api/score", sample("cca-valdoria-2025.md", csrf))->status, 201);
  auto bad =
      s.client().Post("/assessments/1/self-assessment", httplib::Params{{"csrf", csrf},
                                                                        {"level.RDM-CCA-01", "meets"},
                                                                        {"level.RDM-CCA-04", "brilliant"},
                                                                        {"justification.RDM-CCA-04", "kept as typed"}});
  EXPECT_EQ(bad->status, 400);
  EXPECT_THAT(bad->body, HasSubstr("item RDM-CCA-04: unknown level &quot;brilliant&quot;: use Missing, Approaches"));
  EXPECT_THAT(bad->body, HasSubstr("kept as typed"));  // the form again, as typed
  EXPECT_THAT(bad->body, HasSubstr("<option value=\"meets\" selected>"));
  auto not_applicable = s.client().Post("/api/assessments/1/self-assessment",
                                        httplib::Params{{"csrf", csrf}, {"level.RDM-CF-01", "meets"}});
  EXPECT_EQ(not_applicable->status, 400);
  EXPECT_THAT(error_message(not_applicable), HasSubstr("RDM-CF-01 does not apply to this document"));
  auto unknown = s.client().Post("/api/assessments/1/self-assessment",
                                 httplib::Params{{"csrf", csrf}, {"level.RDM-XYZ-99", "meets"}});
  EXPECT_EQ(unknown->status, 400);
  EXPECT_THAT(error_message(unknown), HasSubstr("item RDM-XYZ-99: not in the checklist"));
  auto twice = s.client().Post("/api/assessments/1/self-assessment", httplib::Headers{{"X-CSRF-Token", csrf}},
                               R"({"ratings": [{"item": "RDM-CCA-01", "level": "meets"},
                                               {"item": "RDM-CCA-01", "level": "missing"}]})",
                               "application/json");
  EXPECT_EQ(twice->status, 400);
  EXPECT_THAT(error_message(twice), HasSubstr("RDM-CCA-01 is rated twice"));
  auto not_json = s.client().Post("/api/assessments/1/self-assessment", httplib::Headers{{"X-CSRF-Token", csrf}}, "{",
                                  "application/json");
  EXPECT_EQ(not_json->status, 400);
  EXPECT_THAT(error_message(not_json), HasSubstr("\"ratings\""));
  const auto api = nlohmann::json::parse(s.client().Get("/api/assessments/1/self-assessment")->body);
  EXPECT_EQ(api.at("rated"), 0);
  EXPECT_TRUE(nlohmann::json::parse(s.client().Get("/api/assessments/1")->body).at("self").empty());
}

TEST(WebSelfAssessment, SavingNeedsTheCsrfTokenAndAKnownAssessment) {
  TestServer s;
  const std::string csrf = s.csrf();
  ASSERT_EQ(s.client().Post("/api/score", sample("cca-valdoria-2025.md", csrf))->status, 201);
  auto page = s.client().Post("/assessments/1/self-assessment", httplib::Params{{"level.RDM-CCA-01", "meets"}});
  EXPECT_EQ(page->status, 403);
  EXPECT_THAT(page->body, HasSubstr("carries no CSRF token"));
  auto api = s.client().Post("/api/assessments/1/self-assessment",
                             httplib::Params{{"csrf", "not-the-token"}, {"level.RDM-CCA-01", "meets"}});
  EXPECT_EQ(api->status, 403);
  EXPECT_THAT(error_message(api), HasSubstr("is not this server's"));
  EXPECT_EQ(nlohmann::json::parse(s.client().Get("/api/assessments/1/self-assessment")->body).at("rated"), 0);

  EXPECT_EQ(s.client().Get("/assessments/999/self-assessment")->status, 404);
  auto missing = s.client().Get("/api/assessments/999/self-assessment");
  EXPECT_EQ(missing->status, 404);
  EXPECT_EQ(error_message(missing), "no assessment with id 999");
  const httplib::Params form{{"csrf", csrf}, {"level.RDM-CCA-01", "meets"}};
  auto post = s.client().Post("/assessments/999/self-assessment", form);
  EXPECT_EQ(post->status, 404);
  EXPECT_THAT(post->body, HasSubstr("no assessment with id 999"));
  EXPECT_EQ(s.client().Post("/api/assessments/999/self-assessment", form)->status, 404);
}

TEST(WebSelfAssessment, TheFormIsInTheDocumentsLanguageOrTheOneAskedFor) {
  TestServer s;
  const std::string csrf = s.csrf();
  ASSERT_EQ(s.client().Post("/api/score", sample("bcp-kavera-2024.html", csrf))->status, 201);
  ASSERT_EQ(s.client().Post("/api/score", sample("cca-valdoria-2025.md", csrf))->status, 201);
  // A French document's form is in French without asking.
  auto french = s.client().Get("/assessments/1/self-assessment");
  ASSERT_EQ(french->status, 200);
  EXPECT_THAT(french->body, HasSubstr("<html lang=\"fr\">"));
  EXPECT_THAT(french->body, HasSubstr("Auto-évaluation"));
  EXPECT_THAT(french->body, HasSubstr("<option value=\"\" selected>non noté</option>"));
  EXPECT_THAT(french->body, HasSubstr(">Répond</option>"));
  // An English document's, in French when asked; the save comes back to the French report.
  auto asked = s.client().Get("/assessments/2/self-assessment?lang=fr");
  EXPECT_THAT(asked->body, HasSubstr(">Dépasse</option>"));
  EXPECT_THAT(asked->body, HasSubstr("action=\"/assessments/2/self-assessment?lang=fr\""));
  auto saved = s.client().Post("/assessments/2/self-assessment?lang=fr",
                               httplib::Params{{"csrf", csrf}, {"level.RDM-CCA-01", "Répond"}});
  EXPECT_EQ(saved->status, 303);
  EXPECT_EQ(saved->get_header_value("Location"), "/assessments/2?lang=fr");
  EXPECT_THAT(s.client().Get("/assessments/2?lang=fr")->body, HasSubstr("/assessments/2/self-assessment?lang=fr"));
  auto spanish = nlohmann::json::parse(s.client().Get("/api/assessments/2/self-assessment?lang=es")->body);
  EXPECT_EQ(spanish.at("lang"), "es");
  EXPECT_EQ(spanish.at("items").at(0).at("team").at("level"), "meets");
  EXPECT_EQ(s.client().Get("/assessments/2/self-assessment?lang=de")->status, 400);
}

TEST(WebServer, ALocalServerRefusesOtherHostNames) {
  TestServer s;
  auto res = s.client().Get("/", httplib::Headers{{"Host", "attacker.example"}});
  EXPECT_EQ(res->status, 403);
  EXPECT_THAT(res->body, HasSubstr("this server answers only at http://127.0.0.1:"));
  EXPECT_EQ(s.client().Get("/", httplib::Headers{{"Host", "localhost:" + std::to_string(s.port())}})->status, 200);
}

TEST(WebServer, WithATokenEveryRequestWithoutItIsRefused) {
  const std::string token = "a-token-of-20-chars";
  TestServer s(ServerOptions{.token = token});
  EXPECT_EQ(s.server().token(), token);
  EXPECT_THAT(s.server().url(), HasSubstr("?token=" + token));
  for (const char* path : {"/", "/api/session", "/portfolio.csv", "/assessments/1", "/no/such/page"}) {
    auto res = s.client().Get(path);
    EXPECT_EQ(res->status, 401) << path;
    EXPECT_THAT(res->body, HasSubstr("needs its access token")) << path;
  }
  auto post = s.client().Post("/api/score", sample("cca-valdoria-2025.md", "x"));
  EXPECT_EQ(post->status, 401);
  auto wrong = s.client().Get("/", httplib::Headers{{"Authorization", "Bearer wrong"}});
  EXPECT_EQ(wrong->status, 401);
  EXPECT_THAT(wrong->body, HasSubstr("wrong access token"));
  EXPECT_EQ(s.client().Get("/", httplib::Headers{{"Authorization", "Bearer " + token}})->status, 200);
  // A browser opens the printed address once; the token moves to a cookie and out of the address.
  auto opened = s.client().Get("/portfolio?token=" + token + "&country=x");
  ASSERT_EQ(opened->status, 303);
  EXPECT_EQ(opened->get_header_value("Location"), "/portfolio?country=x");
  const std::string set_cookie = opened->get_header_value("Set-Cookie");
  EXPECT_THAT(set_cookie, HasSubstr("HttpOnly"));
  EXPECT_THAT(set_cookie, HasSubstr("SameSite=Strict"));
  const std::string cookie = set_cookie.substr(0, set_cookie.find(';'));
  EXPECT_EQ(s.client().Get("/portfolio?country=x", httplib::Headers{{"Cookie", cookie}})->status, 200);
  // With the token, a POST still needs the CSRF token.
  auto csrf_less = s.client().Post("/api/score", httplib::Headers{{"Authorization", "Bearer " + token}},
                                   sample("cca-valdoria-2025.md", ""));
  EXPECT_EQ(csrf_less->status, 403);
}

TEST(WebServer, BindingBeyondThisMachineMakesAToken) {
  test::TempDir dir;
  Server server(checklist(), ServerOptions{.database = dir / "w.db", .bind = "0.0.0.0", .port = 0});
  EXPECT_EQ(server.token().size(), 64u);
  const int port = server.bind();
  std::thread thread([&] { server.run(); });
  httplib::Client client("127.0.0.1", port);
  auto res = client.Get("/api");
  EXPECT_EQ(res->status, 401);
  EXPECT_EQ(client.Get("/api", httplib::Headers{{"Authorization", "Bearer " + server.token()}})->status, 200);
  server.stop();
  thread.join();
}

TEST(WebServer, ATokenThatCannotTravelIsRefused) {
  test::TempDir dir;
  for (const char* token : {"short", "has a space in it!!", "semi;colon;in;the;token"}) {
    try {
      Server server(checklist(), ServerOptions{.database = dir / "w.db", .token = token});
      FAIL() << token;
    } catch (const InputError& e) {
      EXPECT_THAT(e.what(), HasSubstr("at least 16 letters, digits")) << token;
    }
  }
}

TEST(WebServer, APortInUseIsAClearError) {
  TestServer s;
  test::TempDir dir;
  Server second(checklist(), ServerOptions{.database = dir / "w.db", .port = s.port()});
  try {
    second.bind();
    FAIL() << "bound a port in use";
  } catch (const InputError& e) {
    EXPECT_THAT(e.what(), HasSubstr("cannot listen on 127.0.0.1 port " + std::to_string(s.port())));
  }
}

TEST(WebServer, GarbageOnTheSocketNeverStopsTheServer) {
  TestServer s;
  for (const std::string& junk : {std::string("GARBAGE\r\n\r\n"), std::string(20000, 'x') + "\r\n\r\n",
                                  std::string("POST /score HTTP/1.1\r\nContent-Length: 99999999999999999999\r\n\r\n"),
                                  std::string("GET /\xff\xfe HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")}) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(s.port()));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ASSERT_EQ(::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
    (void)!::send(fd, junk.data(), junk.size(), MSG_NOSIGNAL);
    ::shutdown(fd, SHUT_WR);
    char buffer[512];
    while (::recv(fd, buffer, sizeof buffer, 0) > 0) {
    }
    ::close(fd);
  }
  EXPECT_EQ(s.client().Get("/")->status, 200);
}

TEST(WebServer, StopBeforeRunReturnsAtOnce) {
  test::TempDir dir;
  Server server(checklist(), ServerOptions{.database = dir / "w.db", .port = 0});
  server.bind();
  server.stop();
  server.run();  // returns: the stop was not lost
  SUCCEED();
}

// Uploads, reviews and reads from several clients at once, documents read in worker processes:
// every request answered, every upload stored once, none "database is locked".
TEST(WebServer, ConcurrentRequestsNeverFailAndNeverLoseAWrite) {
  TestServer s(ServerOptions{.read = {.max_bytes = 4 * 1024 * 1024},
                             .reader_command = {"/proc/self/exe", "read-worker"},
                             .parallel_scores = 2});
  const std::string csrf = s.csrf();
  ASSERT_EQ(s.client().Post("/api/score", sample("cca-valdoria-2025.md", csrf))->status, 201);
  const std::vector<std::string> files = {"cca-valdoria-2025.md", "cca-valdoria-2025.docx", "cca-valdoria-2025.html",
                                          "cca-valdoria-2025.pdf"};
  constexpr int k_threads = 6;
  constexpr int k_each = 3;
  std::atomic<int> failures{0};
  std::vector<std::string> problems(k_threads);
  std::vector<std::thread> threads;
  for (int t = 0; t < k_threads; ++t) {
    threads.emplace_back([&, t] {
      httplib::Client client = s.client();
      for (int i = 0; i < k_each; ++i) {
        auto up = client.Post("/api/score", sample(files[(t + i) % files.size()], csrf,
                                                   {{"draft", std::to_string(t) + "-" + std::to_string(i), "", ""}}));
        auto review =
            client.Post("/api/assessments/1/override", httplib::Params{{"item", "RDM-CCA-09"},
                                                                       {"level", "meets"},
                                                                       {"note", "thread " + std::to_string(t)},
                                                                       {"reviewer", "T"},
                                                                       {"csrf", csrf}});
        auto read = client.Get("/portfolio");
        for (const auto* res : {&up, &review, &read}) {
          if (!*res || ((*res)->status != 200 && (*res)->status != 201)) {
            ++failures;
            problems[t] = *res ? (*res)->body : httplib::to_string(res->error());
          }
        }
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(failures, 0) << ::testing::PrintToString(problems);
  EXPECT_EQ(stored(s), 1u + k_threads * k_each);
  const auto trail = nlohmann::json::parse(s.client().Get("/api/assessments/1/overrides")->body).at("overrides");
  EXPECT_EQ(trail.size(), static_cast<std::size_t>(k_threads * k_each));
}

// A small, bounded load: 8 clients each upload 25 of the sample documents (Markdown, HTML, DOCX,
// PDF; read in worker processes) while the others do the same. Every upload is answered 201 and
// stored exactly once, under its own draft label; the throughput is printed.
TEST(WebLoad, EightClientsUploadTwentyFiveDocumentsEach) {
  TestServer s(
      ServerOptions{.read = {.max_bytes = 4 * 1024 * 1024}, .reader_command = {"/proc/self/exe", "read-worker"}});
  const std::string csrf = s.csrf();
  const std::vector<std::string> files = {"cca-valdoria-2025.md",  "cca-valdoria-2025.html", "cca-valdoria-2025.docx",
                                          "cca-valdoria-2025.pdf", "cca-norvania-2024.docx", "cf-norvania-2025.docx",
                                          "cca-tessaly-2023.pdf",  "cf-tessaly-2024.pdf",    "serp-tessaly-2020.md",
                                          "bcp-kavera-2024.html",  "mc-aldemar-2026.md",     "prse-aldemar-2020.docx"};
  std::vector<std::string> bytes;
  for (const std::string& f : files) bytes.push_back(test::read_bytes(test::source_file("samples/" + f)));
  constexpr int k_clients = 8;
  constexpr int k_each = 25;
  std::atomic<int> failures{0};
  std::vector<std::string> problems(k_clients);
  const auto start = std::chrono::steady_clock::now();
  std::vector<std::thread> threads;
  for (int t = 0; t < k_clients; ++t) {
    threads.emplace_back([&, t] {
      httplib::Client client = s.client();
      for (int i = 0; i < k_each; ++i) {
        const std::size_t f = static_cast<std::size_t>(t * k_each + i) % files.size();
        const std::string label = "c" + std::to_string(t) + "-" + std::to_string(i);
        // Markdown and HTML uploads are made unique, so that they are read anew (in a worker)
        // rather than taken from the text cache; DOCX and PDF are read once each, then cached.
        std::string document = bytes[f];
        if (files[f].ends_with(".md")) document += "\n\nUpload " + label + ".\n";
        if (files[f].ends_with(".html")) document += "<!-- " + label + " -->\n";
        auto res = client.Post("/api/score", upload(document, files[f], csrf, {{"draft", label, "", ""}}));
        if (!res || res->status != 201) {
          ++failures;
          problems[t] = res ? res->body : httplib::to_string(res.error());
        }
      }
    });
  }
  for (std::thread& t : threads) t.join();
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_EQ(failures, 0) << ::testing::PrintToString(problems);
  const auto rows = nlohmann::json::parse(s.client().Get("/api/assessments")->body).at("assessments");
  ASSERT_EQ(rows.size(), static_cast<std::size_t>(k_clients * k_each));
  std::set<std::string> drafts;
  for (const auto& row : rows) drafts.insert(row.at("draft").get<std::string>());
  EXPECT_EQ(drafts.size(), static_cast<std::size_t>(k_clients * k_each));  // each upload once
  std::cout << "[ load     ] " << k_clients * k_each << " uploads by " << k_clients << " clients in " << seconds
            << " s: " << (k_clients * k_each) / seconds << " uploads/s\n";
}

// The real program: `serve` prints its address, answers, and stops cleanly on SIGTERM.
TEST(WebServe, TheCommandStartsAndStopsOnSigterm) {
  test::TempDir dir;
  const std::filesystem::path log = dir / "serve.log";
  const pid_t pid = ::fork();
  if (pid == 0) {
    const int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ::dup2(fd, 1);
    ::dup2(fd, 2);
    const std::string db = (dir / "s.db").string();
    ::execl(UNCT_PROGRAM, UNCT_PROGRAM, "serve", "--port", "0", "--db", db.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  ASSERT_GT(pid, 0);
  int port = 0;
  for (int tries = 0; tries < 300 && port == 0; ++tries) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    const std::string text = test::read_bytes(log);
    const std::size_t at = text.find("http://127.0.0.1:");
    if (at != std::string::npos && text.find('/', at + 17) != std::string::npos) port = std::stoi(text.substr(at + 17));
  }
  ASSERT_NE(port, 0) << test::read_bytes(log);
  httplib::Client client("127.0.0.1", port);
  auto res = client.Get("/");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  ::kill(pid, SIGTERM);
  int status = 0;
  ASSERT_EQ(::waitpid(pid, &status, 0), pid);
  EXPECT_TRUE(WIFEXITED(status)) << test::read_bytes(log);
  EXPECT_EQ(WEXITSTATUS(status), 0);
  EXPECT_THAT(test::read_bytes(log), HasSubstr("unct-assess serve: stopped"));
}

}  // namespace
}  // namespace unct::web
