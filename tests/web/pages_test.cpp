// The web app's parts that need no server: tokens, names, drafts, pages.

#include "engine/web/pages.hpp"
#include "engine/web/drafts.hpp"
#include "engine/web/security.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace unct::web {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

TEST(WebSecurity, TokensAreRandomHex) {
  const std::string a = random_token();
  EXPECT_EQ(a.size(), 64u);
  EXPECT_EQ(a.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_NE(a, random_token());
}

TEST(WebSecurity, SameSecretComparesWholeStrings) {
  EXPECT_TRUE(same_secret("abc", "abc"));
  EXPECT_FALSE(same_secret("abc", "abd"));
  EXPECT_FALSE(same_secret("abc", "ab"));
  EXPECT_FALSE(same_secret("", "a"));
}

TEST(WebSecurity, LoopbackAddresses) {
  EXPECT_TRUE(is_loopback("127.0.0.1"));
  EXPECT_TRUE(is_loopback("127.1.2.3"));
  EXPECT_TRUE(is_loopback("::1"));
  EXPECT_TRUE(is_loopback("localhost"));
  EXPECT_FALSE(is_loopback("0.0.0.0"));
  EXPECT_FALSE(is_loopback("192.168.1.10"));
  EXPECT_FALSE(is_loopback("::"));
}

TEST(WebSecurity, LocalServerAnswersOnlyItsOwnNames) {
  EXPECT_TRUE(is_local_host_header("127.0.0.1:8080", "127.0.0.1", 8080));
  EXPECT_TRUE(is_local_host_header("localhost:8080", "127.0.0.1", 8080));
  EXPECT_TRUE(is_local_host_header("[::1]:8080", "::1", 8080));
  EXPECT_FALSE(is_local_host_header("127.0.0.1:9999", "127.0.0.1", 8080));
  EXPECT_FALSE(is_local_host_header("evil.example:8080", "127.0.0.1", 8080));
  EXPECT_FALSE(is_local_host_header("", "127.0.0.1", 8080));
}

TEST(WebSecurity, UploadNamesAreLabelsNotPaths) {
  EXPECT_EQ(upload_name("draft 2.docx"), "draft 2.docx");
  EXPECT_EQ(upload_name("../../etc/passwd"), "passwd");
  EXPECT_EQ(upload_name("C:\\Users\\me\\CCA.pdf"), "CCA.pdf");
  EXPECT_EQ(upload_name("a\nb\x01.md"), "ab.md");
  EXPECT_EQ(upload_name(""), "upload");
  EXPECT_EQ(upload_name("dir/.."), "upload");
  const std::string long_name = upload_name(std::string(500, 'x') + ".docx");
  EXPECT_EQ(long_name.size(), 200u);
  EXPECT_TRUE(long_name.ends_with(".docx"));
}

AssessmentRow row(std::int64_t id, std::string kind, std::string country, int year, std::string title) {
  return {.id = id, .path = title + ".md", .title = title, .kind = kind, .country = country, .year = year};
}

TEST(WebDrafts, DraftsAreGroupedByKindCountryAndYear) {
  const std::vector<DocumentDrafts> groups = group_drafts({
      row(4, "cca", "Valdoria", 2025, "CCA Valdoria, draft 3"),
      row(3, "cf", "Valdoria", 2025, "CF Valdoria"),
      row(2, "cca", "valdoria", 2025, "CCA Valdoria, draft 2"),
      row(1, "cca", "", 2020, "Untitled analysis"),
  });
  ASSERT_EQ(groups.size(), 3u);
  EXPECT_EQ(groups[0].title, "CCA Valdoria, draft 3");
  ASSERT_EQ(groups[0].drafts.size(), 2u);
  EXPECT_EQ(groups[0].drafts[0].id, 4);
  EXPECT_EQ(groups[0].drafts[1].id, 2);
  EXPECT_EQ(groups[1].kind, "cf");
  EXPECT_EQ(groups[2].drafts.front().id, 1);
}

TEST(WebPages, TextFromTheDatabaseIsEscaped) {
  AssessmentRow r = row(1, "cca", "<b>Valdoria</b>", 2025, "<script>alert(1)</script>");
  r.draft = "\"><img src=x>";
  const std::string page = home_page({r}, {.country = "\"><script>"}, "<i>bad</i>", "tok", 50);
  EXPECT_THAT(page, Not(HasSubstr("<script>alert")));
  EXPECT_THAT(page, Not(HasSubstr("<img src=x>")));
  EXPECT_THAT(page, Not(HasSubstr("<i>bad</i>")));
  EXPECT_THAT(page, HasSubstr("&lt;script&gt;alert(1)&lt;/script&gt;"));
  EXPECT_THAT(page, HasSubstr("name=\"csrf\" value=\"tok\""));
  EXPECT_THAT(error_page(404, "<x>"), HasSubstr("&lt;x&gt;"));
}

TEST(WebPages, EmbedAddsTheNavigationToARenderedPage) {
  const std::string page =
      embed("<html><head><style>a{}</style></head><body>\n<h1>R</h1>\n</body></html>", "TOP", "BOTTOM");
  EXPECT_LT(page.find("nav class=\"app\""), page.find("TOP"));
  EXPECT_LT(page.find("TOP"), page.find("<h1>R</h1>"));
  EXPECT_LT(page.find("<h1>R</h1>"), page.find("BOTTOM"));
  EXPECT_LT(page.find("nav.app"), page.find("</style>"));
}

TEST(WebPages, FilterQueryIsEncoded) {
  EXPECT_EQ(filter_query(GapFilter{}), "");
  EXPECT_EQ(filter_query(GapFilter{.country = "Côte d'Ivoire", .kind = "cf", .year = 2024}),
            "?country=C%C3%B4te%20d%27Ivoire&kind=cf&year=2024");
  EXPECT_EQ(filter_query(PortfolioQuery{}), "");
  EXPECT_EQ(filter_query(PortfolioQuery{.every_draft = true}), "?drafts=all");
  EXPECT_EQ(filter_query(PortfolioQuery{.filter = {.kind = "cca"}, .every_draft = true}), "?kind=cca&drafts=all");
}

}  // namespace
}  // namespace unct::web
