#include "engine/web/pages.hpp"

#include "engine/report/html.hpp"
#include "engine/report/messages.hpp"
#include "engine/report/wording.hpp"

#include <array>
#include <sstream>

namespace unct::web {
namespace {

using report::escape_html;

// What the app adds to report::k_style: the navigation, forms and messages, and a heat map that
// scrolls in its own box rather than squeezing the documents' names when the portfolio mixes kinds
// (35 items and more), its item row and document column staying in view (600 documents). Forms and the navigation are
// left out of print: a printed page is the report.
constexpr std::string_view k_web_style = R"css(
nav.app { display: flex; flex-wrap: wrap; gap: .3rem 1.2rem; align-items: baseline; border-bottom: 1px solid #ddd; padding-bottom: .5rem; margin-bottom: 1rem; }
nav.app strong { color: #009edb; margin-right: .6rem; } nav.app a { color: #1b1b1b; }
.toolbar { display: flex; flex-wrap: wrap; gap: .4rem 1.2rem; font-size: .92rem; margin: .4rem 0 1rem; }
form.app { background: #f7f7f7; border: 1px solid #ddd; border-radius: .4rem; padding: .8rem 1rem; margin: 1rem 0; }
form.app label { display: inline-block; margin: .3rem 1rem .3rem 0; } form.app .field { display: block; margin: .5rem 0; }
form.app input[type=text], form.app input[type=number], form.app select, form.app textarea { font: inherit; padding: .2rem .3rem; }
form.app textarea { width: 100%; box-sizing: border-box; }
form.app button { font: inherit; padding: .3rem 1rem; background: #009edb; color: #fff; border: 0; border-radius: .3rem; cursor: pointer; }
form.inline { display: inline; }
.error { background: #fbeaea; border-left: 4px solid #c0392b; padding: .5rem .8rem; margin: .8rem 0; }
.hint { color: #555; font-size: .88rem; }
table.list { border-collapse: collapse; width: 100%; font-size: .92rem; } table.list th, table.list td { border-bottom: 1px solid #ddd; padding: .3rem .4rem; text-align: left; vertical-align: top; }
table.heat { display: block; overflow: auto; max-width: 100%; max-height: 80vh; } table.heat th.doc { min-width: 18rem; }
table.heat tr:first-child th { position: sticky; top: 0; background: #fff; z-index: 1; }
table.heat th.doc, table.heat tr:first-child th:first-child { position: sticky; left: 0; background: #fff; z-index: 2; }
table.team td.item { width: 38%; } table.team td.engine { width: 14%; }
table.team textarea, table.team input[type=text] { width: 100%; min-width: 8rem; box-sizing: border-box; }
table.team details summary { cursor: pointer; color: #555; font-size: .88rem; }
table.team tr.section td { background: #eef6fb; font-weight: bold; }
.claim-mark { display: inline-block; margin-top: .3rem; padding: 0 .4rem; border-radius: .3rem; background: #fbeaea; color: #8b1e12; font-size: .85rem; font-weight: bold; }
@media print { nav.app, .toolbar, form.app, .noprint { display: none; } table.heat { display: table; max-height: none; } }
)css";

std::string nav() {
  return "<nav class=\"app\"><strong>unct-assess</strong><a href=\"/\">Score a draft</a>"
         "<a href=\"/documents\">Documents and drafts</a><a href=\"/portfolio\">Portfolio</a>"
         "<a href=\"/workshop\">Workshop</a><a href=\"/api\">API (JSON)</a></nav>\n";
}

std::string head(std::string_view title, std::string_view lang = "en") {
  return "<!DOCTYPE html>\n<html lang=\"" + escape_html(lang) +
         "\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
         escape_html(title) + " - unct-assess</title>\n<style>" + std::string(report::k_style) +
         std::string(k_web_style) + "</style>\n</head>\n<body>\n";
}

std::string page(std::string_view title, std::string_view body, std::string_view lang = "en") {
  return app_page(title, body, lang);
}

std::string document_name(const AssessmentRow& r) { return r.title.empty() ? r.path : r.title; }

std::string figure(const AssessmentRow& r) {
  return std::to_string(r.at_meets_or_above) + " of " + std::to_string(r.applicable) + " (" +
         report::percent(r.at_meets_or_above, r.applicable) + ")";
}

std::string draft_label(const AssessmentRow& r) {
  return "#" + std::to_string(r.id) + " " + (r.draft.empty() ? r.path : r.draft) + ", " + r.created_at.substr(0, 10);
}

}  // namespace

std::string app_page(std::string_view title, std::string_view body, std::string_view lang) {
  return head(title, lang) + nav() + std::string(body) + "</body>\n</html>\n";
}

std::string bare_page(std::string_view title, std::string_view body, std::string_view lang) {
  return head(title, lang) + std::string(body) + "</body>\n</html>\n";
}

std::string csrf_field(const std::string& csrf) {
  return "<input type=\"hidden\" name=\"csrf\" value=\"" + escape_html(csrf) + "\">";
}

std::string option(std::string_view value, std::string_view text, bool selected) {
  return "<option value=\"" + escape_html(value) + "\"" + (selected ? " selected" : "") + ">" + escape_html(text) +
         "</option>";
}

std::string url_encode(std::string_view text) {
  static constexpr char k_hex[] = "0123456789ABCDEF";
  std::string out;
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if ((u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || c == '-' || c == '_' ||
        c == '.' || c == '~') {
      out += c;
    } else {
      out += '%';
      out += k_hex[u >> 4];
      out += k_hex[u & 15];
    }
  }
  return out;
}

std::string filter_query(const GapFilter& filter) {
  std::string query;
  auto add = [&](std::string_view name, const std::string& value) {
    if (value.empty()) return;
    query += (query.empty() ? "?" : "&") + std::string(name) + "=" + url_encode(value);
  };
  add("country", filter.country);
  add("region", filter.region);
  add("kind", filter.kind);
  add("year", filter.year == 0 ? "" : std::to_string(filter.year));
  return query;
}

std::string filter_query(const PortfolioQuery& query) {
  const std::string filter = filter_query(query.filter);
  if (!query.every_draft) return filter;
  return filter + (filter.empty() ? "?" : "&") + "drafts=all";
}

std::string home_page(const std::vector<AssessmentRow>& recent, const UploadForm& form, const std::string& error,
                      const std::string& csrf, double max_mb) {
  std::ostringstream out;
  out << "<h1>Score a draft</h1>\n"
      << "<p class=\"meta\">Choose a CCA, Cooperation Framework or response plan as you have it (Word, PDF, web "
         "page, Markdown or plain text). It is rated against every applicable item of the checklist; the report "
         "opens with a summary, then every item with the evidence found.</p>\n";
  if (!error.empty())
    out << "<p class=\"error\" role=\"alert\"><strong>Not scored:</strong> " << escape_html(error) << "</p>\n";
  out << "<form class=\"app\" method=\"post\" action=\"/score\" enctype=\"multipart/form-data\">" << csrf_field(csrf)
      << "\n<label class=\"field\">Document <input type=\"file\" name=\"document\" required "
         "accept=\".docx,.odt,.pdf,.html,.htm,.xhtml,.md,.markdown,.txt\"></label>"
      << "<p class=\"hint\">DOCX, ODT, PDF, HTML, Markdown or text, at most " << max_mb
      << " MB. The file is read in memory and not kept; its text and the assessment are stored.</p>\n"
      << "<label>Kind <select name=\"kind\">" << option("", "detect from the title", form.kind.empty())
      << option("cca", "Common Country Analysis", form.kind == "cca")
      << option("cf", "Cooperation Framework", form.kind == "cf")
      << option("serp", "COVID-19 response plan", form.kind == "serp") << "</select></label>\n"
      << "<label>Country <input type=\"text\" name=\"country\" maxlength=\"100\" value=\"" << escape_html(form.country)
      << "\" placeholder=\"from the title\"></label>\n"
      << "<label>Year <input type=\"number\" name=\"year\" min=\"1945\" max=\"2100\" value=\"" << escape_html(form.year)
      << "\" placeholder=\"from the title\"></label>\n"
      << "<label>Draft label <input type=\"text\" name=\"draft\" maxlength=\"100\" value=\"" << escape_html(form.draft)
      << "\" placeholder=\"e.g. draft 2\"></label>\n"
      << "<label>Region <input type=\"text\" name=\"region\" maxlength=\"100\" value=\"" << escape_html(form.region)
      << "\"></label>\n<p><button type=\"submit\">Score</button></p>\n</form>\n";
  out << "<h2>Recent assessments</h2>\n";
  if (recent.empty()) {
    out << "<p>None yet: the first document you score appears here.</p>\n";
  } else {
    out << "<table class=\"list\">\n<tr><th>Id</th><th>Date</th><th>Document</th><th>Kind</th><th>Country</th>"
           "<th>Year</th><th>Draft</th><th>At Meets or above</th></tr>\n";
    for (const AssessmentRow& r : recent) {
      out << "<tr><td><a href=\"/assessments/" << r.id << "\">" << r.id << "</a></td><td>" << escape_html(r.created_at)
          << "</td><td><a href=\"/assessments/" << r.id << "\">" << escape_html(document_name(r)) << "</a></td><td>"
          << escape_html(r.kind) << "</td><td>" << escape_html(r.country) << "</td><td>"
          << (r.year == 0 ? "" : std::to_string(r.year)) << "</td><td>" << escape_html(r.draft) << "</td><td>"
          << figure(r) << "</td></tr>\n";
    }
    out << "</table>\n<p><a href=\"/documents\">All documents and their drafts</a></p>\n";
  }
  return page("Score a draft", out.str());
}

std::string documents_page(const std::vector<DocumentDrafts>& documents) {
  std::ostringstream out;
  out << "<h1>Documents and drafts</h1>\n<p class=\"meta\">" << documents.size()
      << (documents.size() == 1 ? " document" : " documents")
      << ". Drafts of one document are the assessments of the same kind of document for the same country and "
         "year (or with the same title, when no country is known). Compare any two to see which items moved, "
         "what was resolved and what is new.</p>\n";
  for (const DocumentDrafts& d : documents) {
    out << "<h2>" << escape_html(d.title) << "</h2>\n<p class=\"meta\">" << escape_html(d.kind);
    if (!d.country.empty()) out << ", " << escape_html(d.country);
    if (d.year != 0) out << ", " << d.year;
    out << "; " << d.drafts.size() << (d.drafts.size() == 1 ? " assessment" : " assessments") << "</p>\n"
        << "<table class=\"list\">\n<tr><th>Id</th><th>Date</th><th>Draft</th><th>File</th><th>At Meets or "
           "above</th></tr>\n";
    for (const AssessmentRow& r : d.drafts) {
      out << "<tr><td><a href=\"/assessments/" << r.id << "\">" << r.id << "</a></td><td>" << escape_html(r.created_at)
          << "</td><td>" << escape_html(r.draft) << "</td><td>" << escape_html(r.path) << "</td><td>" << figure(r)
          << "</td></tr>\n";
    }
    out << "</table>\n";
    if (d.drafts.size() >= 2) {
      // The usual question is what the newest draft changed since the one before.
      out << "<form class=\"app\" method=\"get\" action=\"/compare\"><label>From <select name=\"first\">";
      for (std::size_t i = 0; i < d.drafts.size(); ++i)
        out << option(std::to_string(d.drafts[i].id), draft_label(d.drafts[i]), i == 1);
      out << "</select></label><label>to <select name=\"second\">";
      for (std::size_t i = 0; i < d.drafts.size(); ++i)
        out << option(std::to_string(d.drafts[i].id), draft_label(d.drafts[i]), i == 0);
      out << "</select></label><button type=\"submit\">Compare</button></form>\n";
    }
  }
  if (documents.empty()) out << "<p>No assessments yet: <a href=\"/\">score a draft</a>.</p>\n";
  return page("Documents and drafts", out.str());
}

std::string error_page(int status, std::string_view message) {
  const std::string heading = status == 400   ? "Bad request"
                              : status == 401 ? "Access token needed"
                              : status == 403 ? "Refused"
                              : status == 404 ? "Not found"
                              : status == 405 ? "Method not allowed"
                              : status == 413 ? "Too large"
                              : status == 422 ? "Cannot read the document"
                              : status == 503 ? "Busy"
                                              : "Error";
  return page(heading, "<h1>" + std::to_string(status) + " " + heading + "</h1>\n<p class=\"error\" role=\"alert\">" +
                           escape_html(message) + "</p>\n<p><a href=\"/\">Back to the start page</a></p>\n");
}

std::string embed(const std::string& rendered, std::string_view top, std::string_view bottom) {
  std::string out = rendered;
  // The renderers write one <head> and one <body>: the app's style joins theirs, the navigation
  // and `top` open the body, `bottom` closes it.
  if (const std::size_t at = out.find("</style>"); at != std::string::npos) out.insert(at, k_web_style);
  if (const std::size_t at = out.find("<body>"); at != std::string::npos) {
    out.insert(at + 6, "\n" + nav() + std::string(top));
  }
  if (const std::size_t at = out.rfind("</body>"); at != std::string::npos) out.insert(at, bottom);
  return out;
}

std::string report_top(std::int64_t id, std::string_view lang) {
  const std::string n = std::to_string(id);
  const std::string in_lang = lang.empty() ? "" : "?lang=" + url_encode(lang);
  return "<div class=\"toolbar\"><span>Assessment " + n + "</span><a href=\"/assessments/" + n + "/self-assessment" +
         in_lang + "\">Self-assessment</a><a href=\"#review\">Review a rating</a>" +
         "<a href=\"#drafts\">Compare with another draft</a><a href=\"/api/assessments/" + n +
         "\">JSON</a><a href=\"?lang=en\">English</a><a href=\"?lang=fr\">Français</a><a "
         "href=\"?lang=es\">Español</a></div>\n";
}

std::string report_bottom(const Assessment& assessment, std::int64_t id, const std::vector<OverrideRow>& trail,
                          const std::vector<AssessmentRow>& drafts, const std::string& csrf, const std::string& error) {
  std::ostringstream out;
  out << "<section class=\"noprint\">\n<h2 id=\"review\">Review a rating</h2>\n"
      << "<p class=\"meta\">After reading the document, a reviewer may set an item's level. Who, when, the note and "
         "the level it replaces are kept; the report, the portfolio and the exports show the reviewed level.</p>\n";
  if (!error.empty())
    out << "<p class=\"error\" role=\"alert\"><strong>Not saved:</strong> " << escape_html(error) << "</p>\n";
  out << "<form class=\"app\" method=\"post\" action=\"/assessments/" << id << "/override\">" << csrf_field(csrf)
      << "\n<label>Item <select name=\"item\" required>";
  for (const rules::ItemResult& item : assessment.items) {
    if (!item.applicable) continue;
    out << option(item.item_id, item.item_id + " " + item.title + " (now " + std::string(label(item.level)) + ")",
                  false);
  }
  out << "</select></label>\n<label>Level <select name=\"level\" required>";
  for (Level l : k_levels) out << option(code(l), report::un_label(l), false);
  out << "</select></label>\n<label class=\"field\">Note: what in the document justifies the level "
         "<textarea name=\"note\" rows=\"3\" required maxlength=\"4000\"></textarea></label>\n"
      << "<label>Reviewer <input type=\"text\" name=\"reviewer\" required maxlength=\"100\"></label>\n"
      << "<button type=\"submit\">Save the reviewed level</button>\n</form>\n";
  out << "<h3>Audit trail</h3>\n";
  if (trail.empty()) {
    out << "<p>No reviewer has changed a level of this assessment.</p>\n";
  } else {
    out << "<table class=\"list\">\n<tr><th>When</th><th>Item</th><th>Level</th><th>Reviewer</th><th>Note</th></tr>\n";
    for (const OverrideRow& r : trail) {
      out << "<tr><td>" << escape_html(r.created_at) << "</td><td>" << escape_html(r.item_id) << "</td><td>"
          << escape_html(label(r.previous)) << " &rarr; " << escape_html(label(r.level)) << "</td><td>"
          << escape_html(r.reviewer) << "</td><td>" << escape_html(r.note) << "</td></tr>\n";
    }
    out << "</table>\n";
  }
  out << "<h2 id=\"drafts\">Other drafts of this document</h2>\n";
  std::vector<AssessmentRow> others;
  for (const AssessmentRow& r : drafts)
    if (r.id != id) others.push_back(r);
  if (others.empty()) {
    out << "<p>This is the only assessment of this document. Score the next draft with the same kind, country and "
           "year to compare them.</p>\n";
  } else {
    out << "<form class=\"app\" method=\"get\" action=\"/compare\"><label>Compare <select name=\"first\">";
    for (std::size_t i = 0; i < others.size(); ++i)
      out << option(std::to_string(others[i].id), draft_label(others[i]), i == 0);
    out << "</select></label><input type=\"hidden\" name=\"second\" value=\"" << id
        << "\"><label>with this assessment</label><button type=\"submit\">Compare</button></form>\n";
  }
  out << "</section>\n";
  return out.str();
}

std::string compare_top(std::int64_t first, std::int64_t second) {
  const std::string a = std::to_string(first);
  const std::string b = std::to_string(second);
  return "<div class=\"toolbar\"><a href=\"/assessments/" + a + "\">Report " + a + "</a><a href=\"/assessments/" + b +
         "\">Report " + b + "</a><a href=\"/api/compare?first=" + a + "&amp;second=" + b +
         "\">JSON</a><a href=\"/documents\">All documents and drafts</a></div>\n";
}

std::string portfolio_top(const PortfolioQuery& query, std::size_t documents) {
  const GapFilter& filter = query.filter;
  std::ostringstream out;
  out << "<form class=\"app\" method=\"get\" action=\"/portfolio\"><strong>Filter</strong> "
      << "<label>Country <input type=\"text\" name=\"country\" value=\"" << escape_html(filter.country) << "\"></label>"
      << "<label>Region <input type=\"text\" name=\"region\" value=\"" << escape_html(filter.region) << "\"></label>"
      << "<label>Kind <select name=\"kind\">" << option("", "any", filter.kind.empty())
      << option("cca", "CCA", filter.kind == "cca") << option("cf", "CF", filter.kind == "cf")
      << option("serp", "SERP", filter.kind == "serp") << "</select></label>"
      << "<label>Year <input type=\"number\" name=\"year\" min=\"1945\" max=\"2100\" value=\""
      << (filter.year == 0 ? "" : std::to_string(filter.year)) << "\"></label>"
      << "<label><input type=\"checkbox\" name=\"drafts\" value=\"all\"" << (query.every_draft ? " checked" : "")
      << "> every draft</label>"
      << "<button type=\"submit\">Apply</button> <a href=\"/portfolio\">clear</a></form>\n";
  // The & of a query string is escaped inside an attribute.
  const std::string here = escape_html(filter_query(query));
  PortfolioQuery toggled = query;
  toggled.every_draft = !query.every_draft;
  out << "<div class=\"toolbar\"><span>" << documents << (documents == 1 ? " row: " : " rows: ")
      << (query.every_draft ? "every draft of each document" : "the newest draft of each document")
      << "</span><a href=\"/portfolio" << escape_html(filter_query(toggled)) << "\">"
      << (query.every_draft ? "Show only the newest draft" : "Show every draft") << "</a></div>\n"
      << "<div class=\"toolbar\"><span>Download these rows:</span><a href=\"/portfolio.xlsx" << here
      << "\">XLSX workbook</a><a href=\"/portfolio.csv" << here << "\">CSV matrix</a><a href=\"/portfolio-findings.csv"
      << here << "\">CSV findings</a><a href=\"/api/portfolio" << here << "\">JSON</a></div>\n"
      << "<p class=\"hint noprint\">Open a cell to read the engine's evidence for it and review the rating.</p>\n";
  return out.str();
}

std::string portfolio_bottom(const std::vector<PortfolioRow>& documents) {
  std::ostringstream out;
  out << "<h2>Documents</h2>\n<p class=\"meta\">Open a report to read the evidence and review a rating.</p>\n"
      << "<table class=\"list\">\n<tr><th>Id</th><th>Document</th><th>Kind</th><th>Country</th><th>Region</th>"
         "<th>Year</th></tr>\n";
  for (const PortfolioRow& d : documents) {
    out << "<tr><td><a href=\"/assessments/" << d.assessment_id << "\">" << d.assessment_id
        << "</a></td><td><a href=\"/assessments/" << d.assessment_id << "\">" << escape_html(d.label) << "</a></td><td>"
        << escape_html(d.kind) << "</td><td>" << escape_html(d.country) << "</td><td>" << escape_html(d.region)
        << "</td><td>" << (d.year == 0 ? "" : std::to_string(d.year)) << "</td></tr>\n";
  }
  out << "</table>\n";
  return out.str();
}

namespace {

// The page's own words, beside those of the report catalogue (report/messages.hpp), in the
// catalogue's order of languages: en, fr, es.
struct FormWords {
  std::string_view not_rated, save, saved_where, offline, report, csv, xlsx;
};
constexpr std::array<FormWords, 3> k_form_words{{
    {"not rated", "Save the team's ratings",
     "Saved with the assessment, in place of the ratings it held: the report shows the team's levels beside the "
     "engine's and each over- or underclaim.",
     "For work offline, download the form filled with the saved ratings as CSV or XLSX; unct-assess self-assess "
     "import reads it back.",
     "Back to the report", "Download CSV", "Download XLSX"},
    {"non noté", "Enregistrer les notes de l'équipe",
     "Enregistré avec l'évaluation, à la place des notes qu'elle contenait : le rapport montre les niveaux de "
     "l'équipe à côté de ceux du moteur, et chaque surévaluation ou sous-évaluation.",
     "Pour travailler hors ligne, téléchargez le formulaire rempli des notes enregistrées en CSV ou XLSX ; "
     "unct-assess self-assess import le relit.",
     "Retour au rapport", "Télécharger en CSV", "Télécharger en XLSX"},
    {"sin calificar", "Guardar las calificaciones del equipo",
     "Se guarda con la evaluación, en lugar de las calificaciones que tenía: el informe muestra los niveles del "
     "equipo junto a los del motor, y cada sobrevaloración o infravaloración.",
     "Para trabajar sin conexión, descargue el formulario con las calificaciones guardadas en CSV o XLSX; "
     "unct-assess self-assess import lo vuelve a leer.",
     "Volver al informe", "Descargar CSV", "Descargar XLSX"},
}};

const FormWords& form_words(std::string_view lang) {
  const auto& languages = report::report_languages();
  for (std::size_t i = 0; i < languages.size() && i < k_form_words.size(); ++i) {
    if (languages[i] == lang) return k_form_words[i];
  }
  return k_form_words[0];
}

}  // namespace

std::vector<TeamFormRow> team_form(const Assessment& assessment, const checklist::Checklist& checklist,
                                   const std::string& lang) {
  const std::vector<selfassess::FormRow> form = selfassess::form_rows(checklist, assessment.document.kind, lang);
  const std::vector<selfassess::Discrepancy> claims = selfassess::discrepancies(assessment);
  std::vector<TeamFormRow> rows;
  for (const selfassess::FormRow& f : form) {
    const rules::ItemResult* item = find_result(assessment, f.item_id);
    // The items the team can rate: those rated on the document and those needing its records
    // (selfassess::apply refuses the others).
    if (item == nullptr || !(item->applicable || item->external)) continue;
    TeamFormRow row{.item = f};
    if (!item->external && item->applicable) row.engine = item->level;
    for (const SelfRating& r : assessment.self) {
      if (r.item_id == f.item_id) row.team = r;
    }
    for (const selfassess::Discrepancy& d : claims) {
      if (d.item_id == f.item_id) row.claim = d;
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

std::string self_assessment_page(const Assessment& assessment, std::int64_t id, const std::vector<TeamFormRow>& rows,
                                 const checklist::Meta& checklist, std::string_view lang,
                                 const std::map<std::string, TeamAnswer>& answers, const std::string& csrf,
                                 const std::string& error) {
  using report::Msg;
  const report::Messages& m = report::messages(lang);
  const FormWords& words = form_words(lang);
  const std::string n = std::to_string(id);
  const std::string in_lang = "?lang=" + url_encode(lang);
  const std::string title = m(Msg::form_title, {checklist::title_in(checklist, lang), checklist.version});
  const std::string document = assessment.document.title.empty() ? assessment.document.path : assessment.document.title;
  std::ostringstream out;
  out << "<div class=\"toolbar\"><a href=\"/assessments/" << n << escape_html(in_lang) << "\">"
      << escape_html(words.report) << "</a><a href=\"/api/assessments/" << n
      << "/self-assessment\">JSON</a><a href=\"/assessments/" << n << "/self-assessment.csv" << escape_html(in_lang)
      << "\">" << escape_html(words.csv) << "</a><a href=\"/assessments/" << n << "/self-assessment.xlsx"
      << escape_html(in_lang) << "\">" << escape_html(words.xlsx)
      << "</a><a href=\"?lang=en\">English</a><a href=\"?lang=fr\">Français</a><a "
         "href=\"?lang=es\">Español</a></div>\n"
      << "<h1>" << escape_html(title) << "</h1>\n<p class=\"meta\">" << escape_html(document) << " (" << n
      << ")</p>\n<p>"
      << escape_html(m(Msg::form_instructions, {m.level(Level::missing), m.level(Level::approaches),
                                                m.level(Level::meets), m.level(Level::exceeds)}))
      << "</p>\n<p class=\"hint\">" << escape_html(words.saved_where) << " " << escape_html(words.offline) << "</p>\n";
  if (!error.empty())
    out << "<p class=\"error\" role=\"alert\"><strong>" << escape_html(m[Msg::note]) << ":</strong> "
        << escape_html(error) << "</p>\n";
  out << "<form class=\"app\" method=\"post\" action=\"/assessments/" << n << "/self-assessment" << escape_html(in_lang)
      << "\">" << csrf_field(csrf) << "\n<table class=\"list team\">\n<tr><th>" << escape_html(m[Msg::item])
      << "</th><th>" << escape_html(m[Msg::engine]) << "</th><th>" << escape_html(m[Msg::team]) << "</th><th>"
      << escape_html(m[Msg::justification]) << "</th><th>" << escape_html(m[Msg::source_column]) << "</th></tr>\n";
  std::string section;
  for (const TeamFormRow& row : rows) {
    const std::string& item = row.item.item_id;
    if (row.item.section != section) {
      section = row.item.section;
      out << "<tr class=\"section\"><td colspan=\"5\">" << escape_html(section) << "</td></tr>\n";
    }
    const auto given = answers.find(item);
    const TeamAnswer answer = given != answers.end() ? given->second : TeamAnswer{};
    const std::optional<Level> chosen = parse_level_name(answer.level);
    out << "<tr id=\"" << escape_html(item) << "\"><td class=\"item\"><strong>" << escape_html(item) << "</strong> "
        << escape_html(row.item.title) << "<details><summary>" << escape_html(m[Msg::question])
        << "</summary><p class=\"hint\">" << escape_html(row.item.question)
        << "</p></details></td><td class=\"engine\">";
    if (row.engine) {
      out << report::level_badge(row.engine, m);
    } else {
      out << "<span class=\"hint\">" << escape_html(m[Msg::needs_team_records]) << "</span>";
    }
    if (row.claim) {
      const bool over = row.claim->claim == selfassess::Claim::overclaim;
      out << "<br><span class=\"claim-mark\">" << escape_html(m[over ? Msg::overclaim : Msg::underclaim]) << "</span>";
    }
    out << "</td><td><select name=\"level." << escape_html(item) << "\" aria-label=\"" << escape_html(m[Msg::team])
        << " " << escape_html(item) << "\">" << option("", words.not_rated, !chosen);
    for (Level l : k_levels) out << option(code(l), m.level(l), chosen == l);
    out << "</select></td><td><textarea name=\"justification." << escape_html(item)
        << "\" rows=\"2\" maxlength=\"4000\""
        << " aria-label=\"" << escape_html(m[Msg::justification]) << " " << escape_html(item) << "\">"
        << escape_html(answer.justification) << "</textarea></td><td><input type=\"text\" name=\"source."
        << escape_html(item) << "\" maxlength=\"1000\" aria-label=\"" << escape_html(m[Msg::source_column]) << " "
        << escape_html(item) << "\" value=\"" << escape_html(answer.source) << "\"></td></tr>\n";
  }
  out << "</table>\n<p><button type=\"submit\">" << escape_html(words.save) << "</button></p>\n</form>\n";
  return page(title, out.str(), lang);
}

std::string review_item_page(const Assessment& assessment, std::int64_t id, const rules::ItemResult& item,
                             const std::string& item_html, const PortfolioQuery& query, const std::string& csrf,
                             const std::string& error) {
  const std::string n = std::to_string(id);
  const std::string document = assessment.document.title.empty() ? assessment.document.path : assessment.document.title;
  const std::string back = "/portfolio" + filter_query(query) + "#a" + n;
  std::ostringstream out;
  out << "<div class=\"toolbar\"><a href=\"" << escape_html(back)
      << "\">Back to the portfolio</a><a href=\"/assessments/" << n << "#" << escape_html(item.item_id)
      << "\">The whole report</a></div>\n<h1>Review " << escape_html(item.item_id) << "</h1>\n<p class=\"meta\">"
      << escape_html(document) << " (" << n << ")";
  if (!assessment.document.country.empty()) out << " &middot; " << escape_html(assessment.document.country);
  out << "</p>\n";
  if (item.review) {
    out << "<p class=\"meta\">The engine rated it " << escape_html(label(item.review->engine_level))
        << "; a reviewer set it to " << escape_html(label(item.level)) << ".</p>\n";
  } else {
    out << "<p class=\"meta\">The engine rated it " << escape_html(label(item.level)) << ".</p>\n";
  }
  out << item_html;
  if (!error.empty())
    out << "<p class=\"error\" role=\"alert\"><strong>Not saved:</strong> " << escape_html(error) << "</p>\n";
  out << "<form class=\"app\" method=\"post\" action=\"/assessments/" << n << "/override\">" << csrf_field(csrf)
      << "<input type=\"hidden\" name=\"item\" value=\"" << escape_html(item.item_id) << "\">"
      << "<input type=\"hidden\" name=\"return\" value=\"portfolio\">";
  const auto hidden = [&](std::string_view name, const std::string& value) {
    if (!value.empty()) out << "<input type=\"hidden\" name=\"" << name << "\" value=\"" << escape_html(value) << "\">";
  };
  hidden("country", query.filter.country);
  hidden("region", query.filter.region);
  hidden("kind", query.filter.kind);
  hidden("year", query.filter.year == 0 ? "" : std::to_string(query.filter.year));
  hidden("drafts", query.every_draft ? "all" : "");
  out << "\n<label>Level <select name=\"level\" required>";
  for (Level l : k_levels) out << option(code(l), report::un_label(l), l == item.level);
  out << "</select></label>\n<label class=\"field\">Note: what in the document justifies the level "
         "<textarea name=\"note\" rows=\"3\" required maxlength=\"4000\"></textarea></label>\n"
      << "<label>Reviewer <input type=\"text\" name=\"reviewer\" required maxlength=\"100\"></label>\n"
      << "<button type=\"submit\">Save the reviewed level</button>\n</form>\n"
      << "<p class=\"hint\">Who, when, the note and the level it replaces are kept in the assessment's audit trail, "
         "as with <code>unct-assess override</code>.</p>\n";
  return app_page("Review " + item.item_id, out.str());
}

}  // namespace unct::web
