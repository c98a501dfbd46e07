#pragma once

// The web app's HTML: its own pages (home, drafts, errors) and what it adds around the pages the
// report renderers make (navigation, filters, the review form). Plain functions from values to
// HTML text; every piece of text from a document, a form or the database goes through
// report::escape_html. No JavaScript, no external assets: the style sheet is report::k_style and
// the few rules below, inline, and every form works as a plain HTML form.

#include "engine/assess/assessment.hpp"
#include "engine/assess/portfolio.hpp"
#include "engine/checklist/model.hpp"
#include "engine/selfassess/selfassess.hpp"
#include "engine/web/drafts.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace unct::web {

// The upload form's fields as the user filled them, kept to fill it again after a refusal.
struct UploadForm {
  std::string kind;  // "", "cca", "cf", "serp"
  std::string country;
  std::string year;
  std::string draft;
  std::string region;
};

// A page of the app: the navigation, then `body`, in the app's style.
std::string app_page(std::string_view title, std::string_view body, std::string_view lang = "en");
// The same without the navigation: a page for people who may open only it (the participants of
// a workshop room, who do not have the server's access token).
std::string bare_page(std::string_view title, std::string_view body, std::string_view lang);
// A form's hidden CSRF field; a select's option, escaped.
std::string csrf_field(const std::string& csrf);
std::string option(std::string_view value, std::string_view text, bool selected);

// The page `/`: the upload form (with `error` above it, when the last upload was refused) and
// the newest assessments. `max_mb` is the upload limit the form states.
std::string home_page(const std::vector<AssessmentRow>& recent, const UploadForm& form, const std::string& error,
                      const std::string& csrf, double max_mb);

// The page `/documents`: each document with its drafts, newest first, and a form to compare two.
std::string documents_page(const std::vector<DocumentDrafts>& documents);

// A page with only a message: the status ("404 Not found") as its heading.
std::string error_page(int status, std::string_view message);

// A page the report renderers made (a whole HTML document) with the navigation and the app's
// style added, `top` after the navigation and `bottom` at the end of the body.
std::string embed(const std::string& rendered, std::string_view top, std::string_view bottom);

// Above the assessment report: links to its JSON, its self-assessment form (in `lang` when
// given), its review form and its document's drafts.
std::string report_top(std::int64_t id, std::string_view lang = {});
// Below it: the review form (override a level with a note and the reviewer's name, `error`
// above it when the last one was refused), the audit trail, and a form to compare it with
// another draft of the same document (`drafts`, newest first).
std::string report_bottom(const Assessment& assessment, std::int64_t id, const std::vector<OverrideRow>& trail,
                          const std::vector<AssessmentRow>& drafts, const std::string& csrf, const std::string& error);

// The team's self-assessment of one assessment, as the page and its JSON show it: the items of
// the form (selfassess::form_rows, in the form's language) that the document is rated on or that
// need the team's records, in checklist order.
struct TeamFormRow {
  selfassess::FormRow item;
  std::optional<Level> engine;                   // the engine's (or a reviewer's) level; none for team-record items
  std::optional<SelfRating> team;                // the stored rating; none when the team did not rate it
  std::optional<selfassess::Discrepancy> claim;  // an over- or underclaim, as the report shows it
};
std::vector<TeamFormRow> team_form(const Assessment& assessment, const checklist::Checklist& checklist,
                                   const std::string& lang);

// What a person typed into the form for one item, kept as typed to show the form again after a
// refusal: the level as sent (a code, or a level name), the justification and the source.
struct TeamAnswer {
  std::string level;
  std::string justification;
  std::string source;
};

// The page `/assessments/{id}/self-assessment`: one row per item of `rows`, with a level select
// (the four levels in `lang`, and "not rated"), a justification and a source, filled with
// `answers` (by item id) and the engine's level beside it, marked where the team's rating is an
// over- or underclaim; `error` above it when the last save was refused.
std::string self_assessment_page(const Assessment& assessment, std::int64_t id, const std::vector<TeamFormRow>& rows,
                                 const checklist::Meta& checklist, std::string_view lang,
                                 const std::map<std::string, TeamAnswer>& answers, const std::string& csrf,
                                 const std::string& error);

// Above the comparison: links to both reports and to the comparison's JSON.
std::string compare_top(std::int64_t first, std::int64_t second);

// What the portfolio page shows: the filter, and whether every draft of a document has a row
// (by default only its newest draft: drafts are different files of one document, drafts.hpp).
struct PortfolioQuery {
  GapFilter filter;
  bool every_draft = false;
  bool operator==(const PortfolioQuery&) const = default;
};

// Above the portfolio's heat map: the filters (a GET form holding `query`), the drafts toggle and
// the downloads for the same documents. Below it: each document with a link to its report.
std::string portfolio_top(const PortfolioQuery& query, std::size_t documents);
std::string portfolio_bottom(const std::vector<PortfolioRow>& documents);

// The page that reviews one rating from the portfolio: the document, `item_html` (the item as
// the report shows it: the level, evidence and gap text), and the review form, which returns to
// the portfolio showing `query`; `error` above the form when the last one was refused.
std::string review_item_page(const Assessment& assessment, std::int64_t id, const rules::ItemResult& item,
                             const std::string& item_html, const PortfolioQuery& query, const std::string& csrf,
                             const std::string& error);

// `text` for a URL's query string: unreserved characters kept, every other byte as %XX.
std::string url_encode(std::string_view text);
// "?country=...&kind=..." for the filter's non-empty fields (and drafts=all); empty for none.
std::string filter_query(const GapFilter& filter);
std::string filter_query(const PortfolioQuery& query);

}  // namespace unct::web
