#include "engine/web/server.hpp"

#include "engine/assess/compare.hpp"
#include "engine/assess/score.hpp"
#include "engine/batch/reader_process.hpp"
#include "engine/core/ascii.hpp"
#include "engine/core/clock.hpp"
#include "engine/core/error.hpp"
#include "engine/core/sha256.hpp"
#include "engine/report/assessment.hpp"
#include "engine/report/compare.hpp"
#include "engine/report/form.hpp"
#include "engine/report/messages.hpp"
#include "engine/report/portfolio.hpp"
#include "engine/selfassess/selfassess.hpp"
#include "engine/store/store.hpp"
#include "engine/web/api.hpp"
#include "engine/web/drafts.hpp"
#include "engine/web/pages.hpp"
#include "engine/web/routing.hpp"
#include "engine/web/security.hpp"
#include "engine/web/workshop_room.hpp"

#include <httplib.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <fstream>
#include <functional>
#include <iomanip>
#include <mutex>
#include <semaphore>
#include <sstream>
#include <thread>

namespace unct::web {
namespace {

constexpr const char* k_csp =
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; base-uri 'none'; "
    "frame-ancestors 'none'";
constexpr std::size_t k_max_form_parts = 16;
constexpr std::size_t k_max_field = 4000;
// A self-assessment form has one row per item of the checklist (about 40); this bounds what a
// request can make the server parse, far above any real form.
constexpr std::size_t k_max_ratings = 500;

std::string mb(std::uintmax_t bytes) {
  std::ostringstream out;
  out << std::setprecision(3) << static_cast<double>(bytes) / (1024.0 * 1024.0);
  return out.str();
}

// An id from the path or a query: digits only, else the id of nothing.
std::int64_t parse_id(const std::string& text, const std::string& what) {
  return parse_number(text, what, "an assessment id");
}

std::optional<int> parse_year(const std::string& text) {
  if (text.empty()) return std::nullopt;
  int year = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), year);
  if (error != std::errc() || end != text.data() + text.size() || !is_plausible_year(year)) {
    throw HttpError(400, "year \"" + text + "\" is not a plausible document year (1945 to 2100)");
  }
  return year;
}

std::string parse_kind(const std::string& text) {
  if (text.empty()) return text;
  const std::optional<DocumentKind> kind = parse_document_kind(text);
  if (!kind) throw HttpError(400, "unknown kind \"" + text + "\": use cca, cf or serp");
  return std::string(code(*kind));
}

PortfolioQuery portfolio_query(const httplib::Request& req) {
  const std::string drafts = trimmed(req.get_param_value("drafts"));
  if (!drafts.empty() && drafts != "all" && drafts != "latest") {
    throw HttpError(400, "drafts \"" + drafts + "\" is all (every draft of each document) or latest (the newest)");
  }
  return {.filter = {.country = bounded("country", req.get_param_value("country")),
                     .region = bounded("region", req.get_param_value("region")),
                     .kind = parse_kind(trimmed(req.get_param_value("kind"))),
                     .year = parse_year(trimmed(req.get_param_value("year"))).value_or(0)},
          .every_draft = drafts == "all"};
}

// The store's filter for the query: unless every draft is asked for, only the newest draft of
// each document (group_drafts), so that a document scored five times has one row.
GapFilter selection(const store::Store& db, const PortfolioQuery& query) {
  GapFilter filter = query.filter;
  if (query.every_draft) return filter;
  for (const DocumentDrafts& d : group_drafts(db.assessments().history())) filter.only.push_back(d.drafts.front().id);
  if (filter.only.empty()) filter.only.push_back(0);  // nothing stored: no row, rather than every row
  return filter;
}

// The value of one cookie in the Cookie header; empty when absent.
std::string cookie(const httplib::Request& req, std::string_view name) {
  const std::string header = req.get_header_value("Cookie");
  std::string_view rest = header;
  while (!rest.empty()) {
    const std::size_t semicolon = rest.find(';');
    std::string_view pair = rest.substr(0, semicolon);
    rest = semicolon == std::string_view::npos ? std::string_view() : rest.substr(semicolon + 1);
    while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
    if (pair.size() > name.size() && pair.starts_with(name) && pair[name.size()] == '=') {
      return std::string(pair.substr(name.size() + 1));
    }
  }
  return {};
}

// The request's query without its token, for the redirect that drops it from the address bar.
std::string query_without_token(const httplib::Request& req) {
  std::string query;
  for (const auto& [name, value] : req.params) {
    if (name == "token") continue;
    query += (query.empty() ? "?" : "&") + url_encode(name) + "=" + url_encode(value);
  }
  return query;
}

// The team's answers on a form, one per item in the order first sent, as typed.
using Answers = std::vector<std::pair<std::string, TeamAnswer>>;

TeamAnswer& answer_for(Answers& answers, const std::string& item) {
  for (auto& [id, answer] : answers) {
    if (id == item) return answer;
  }
  if (answers.size() >= k_max_ratings) {
    throw HttpError(400, "the form rates more than " + std::to_string(k_max_ratings) + " items");
  }
  return answers.emplace_back(item, TeamAnswer{}).second;
}

// The fields level.ID, justification.ID and source.ID of the page's form (or of a program
// sending the same fields).
Answers form_answers(const httplib::Request& req) {
  Answers answers;
  for (const auto& [name, value] : req.params) {
    const std::size_t dot = name.find('.');
    if (dot == std::string::npos) continue;
    const std::string field = name.substr(0, dot);
    const std::string item = trimmed(name.substr(dot + 1));
    if (item.empty() || (field != "level" && field != "justification" && field != "source")) continue;
    TeamAnswer& answer = answer_for(answers, item);
    if (field == "level") answer.level = bounded(name, value, 100);
    if (field == "justification") answer.justification = bounded(name, value, k_max_field);
    if (field == "source") answer.source = bounded(name, value, 1000);
  }
  return answers;
}

// {"ratings": [{"item": "RDM-CCA-01", "level": "meets", "justification": "...", "source": "..."}]}
Answers json_answers(const std::string& body) {
  const nlohmann::json doc = nlohmann::json::parse(body, nullptr, false);
  if (doc.is_discarded() || !doc.is_object() || !doc.contains("ratings") || !doc.at("ratings").is_array()) {
    throw HttpError(400,
                    "send {\"ratings\": [{\"item\": \"RDM-CCA-01\", \"level\": \"meets\", \"justification\": "
                    "\"...\", \"source\": \"...\"}]}");
  }
  auto text = [](const nlohmann::json& rating, const char* key, std::size_t limit) -> std::string {
    if (!rating.contains(key) || rating.at(key).is_null()) return {};
    if (!rating.at(key).is_string()) throw HttpError(400, std::string("each rating's \"") + key + "\" is a string");
    return bounded(key, rating.at(key).get<std::string>(), limit);
  };
  Answers answers;
  for (const nlohmann::json& rating : doc.at("ratings")) {
    if (!rating.is_object()) throw HttpError(400, "each rating is an object with item and level");
    if (answers.size() >= k_max_ratings) {
      throw HttpError(400, "the form rates more than " + std::to_string(k_max_ratings) + " items");
    }
    // Kept in a list, not merged by item: an item rated twice is refused as the CLI refuses it.
    answers.emplace_back(text(rating, "item", 100),
                         TeamAnswer{.level = text(rating, "level", 100),
                                    .justification = text(rating, "justification", k_max_field),
                                    .source = text(rating, "source", 1000)});
  }
  return answers;
}

std::string default_message(int status, std::uintmax_t max_upload) {
  switch (status) {
    case 400: return "the request could not be understood";
    case 404: return "there is no page at this address";
    case 405: return "this address does not take that method";
    case 413: return "the upload is larger than the limit of " + mb(max_upload) + " MB";
    case 414: return "the address is too long";
    default: return "the request could not be answered";
  }
}

}  // namespace

struct Server::Impl {
  const rules::LoadedChecklist& loaded;
  ServerOptions options;
  std::string csrf = random_token();
  std::string cookie_name;
  int port = 0;
  httplib::Server http;
  Pool<store::Store> stores;
  Pool<batch::ReaderProcess> readers;
  std::mutex writing;  // writes take turns: none waits in SQLite's busy handler
  std::counting_semaphore<1024> scoring;
  std::mutex log_mutex;
  // run() and stop() may race (stop() from a signal or a test before run() listens): see stop().
  std::atomic<bool> stop_asked{false};
  std::atomic<int> run_state{0};  // 0 not run, 1 running or about to, 2 returned

  Impl(const rules::LoadedChecklist& l, ServerOptions o)
      : loaded(l),
        options(std::move(o)),
        stores([path = options.database] { return std::make_unique<store::Store>(path); }),
        readers(
            [this] { return std::make_unique<batch::ReaderProcess>(options.reader_command, options.read_time_limit); }),
        scoring(static_cast<std::ptrdiff_t>(std::clamp<unsigned>(
            options.parallel_scores != 0 ? options.parallel_scores : std::thread::hardware_concurrency(), 1, 1024))) {
    if (!options.token.empty() && !is_valid_token(options.token)) {
      throw InputError({.field = "token"},
                       "the access token must be at least 16 letters, digits or - _ . ~ (or leave it out to have one "
                       "made)");
    }
    if (options.token.empty() && !is_loopback(options.bind)) options.token = random_token();
    // Opened now: a database that cannot be opened or migrated fails the start, not a request.
    { auto first = stores.take(); }
    setup();
  }

  httplib::Server::Handler route(Handler handler) {
    return web::route(std::move(handler), [this](const std::string& line) { log(line); });
  }

  void log(const std::string& line) {
    if (options.log == nullptr) return;
    const std::lock_guard lock(log_mutex);
    *options.log << line << std::endl;
  }

  void check_csrf(const httplib::Request& req) const { web::check_csrf(req, csrf); }

  // Refuses a request before its body is read: a wrong Host on a local server, a missing or
  // wrong access token. A right token in ?token= on a page is kept in a cookie and taken out of
  // the address.
  httplib::Server::HandlerResponse admit(const httplib::Request& req, httplib::Response& res) {
    if (is_loopback(options.bind) && !is_local_host_header(req.get_header_value("Host"), options.bind, port)) {
      error_reply(req, res, 403,
                  "this server answers only at http://" + options.bind + ":" + std::to_string(port) +
                      "/ (a request naming another host is refused)");
      return httplib::Server::HandlerResponse::Handled;
    }
    // A workshop room's participants have its link, not the token: the room's own routes only
    // (workshop_room.hpp), and the icon a browser asks for on its own. What they send is small,
    // and refused before it is read when it is not: without the token, nothing is read up to the
    // upload limit.
    const bool participant = is_participant_request(req.method, req.path);
    if (participant) {
      const std::string why =
          participant_body_refusal(req.get_header_value("Content-Length"), req.get_header_value("Transfer-Encoding"));
      if (!why.empty()) {
        error_reply(req, res, req.has_header("Transfer-Encoding") ? 411 : 413, why);
        res.set_header("Connection", "close");
        return httplib::Server::HandlerResponse::Handled;
      }
    }
    if (options.token.empty()) return httplib::Server::HandlerResponse::Unhandled;
    if (participant || (req.path == "/favicon.ico" && (req.method == "GET" || req.method == "HEAD"))) {
      return httplib::Server::HandlerResponse::Unhandled;
    }
    std::string given;
    const std::string authorization = req.get_header_value("Authorization");
    if (authorization.starts_with("Bearer ")) given = authorization.substr(7);
    if (given.empty()) given = cookie(req, cookie_name);
    const bool in_query = given.empty() && req.has_param("token");
    if (in_query) given = req.get_param_value("token");
    if (given.empty() || !same_secret(given, options.token)) {
      error_reply(req, res, 401,
                  given.empty() ? "this server needs its access token: open the address it printed when it started "
                                  "(ending in ?token=...), or send Authorization: Bearer TOKEN"
                                : "wrong access token: open the address the server printed when it started");
      res.set_header("WWW-Authenticate", "Bearer");
      return httplib::Server::HandlerResponse::Handled;
    }
    if (in_query && (req.method == "GET" || req.method == "HEAD") && !is_api(req)) {
      res.set_header("Set-Cookie", cookie_name + "=" + options.token + "; Path=/; HttpOnly; SameSite=Strict");
      redirect(res, req.path + query_without_token(req));
      return httplib::Server::HandlerResponse::Handled;
    }
    return httplib::Server::HandlerResponse::Unhandled;
  }

  report::RenderOptions rendering(const httplib::Request& req) const {
    report::RenderOptions r{.checklist = &loaded.checklist, .lang = req.get_param_value("lang")};
    const auto& known = report::report_languages();
    if (!r.lang.empty() && std::find(known.begin(), known.end(), r.lang) == known.end()) {
      throw HttpError(400, "unknown lang \"" + r.lang + "\": use en, fr or es");
    }
    return r;
  }

  // The stored assessment, or 404.
  static Assessment load(const store::Store& db, std::int64_t id,
                         store::AssessmentStore::Detail detail = store::AssessmentStore::Detail::whole) {
    try {
      return db.assessments().load(id, detail);
    } catch (const InputError& e) {
      if (e.message() == "no assessment with id " + std::to_string(id)) {
        throw HttpError(404, "no assessment with id " + std::to_string(id));
      }
      throw;
    }
  }

  // Scores the uploaded document and stores the assessment; its id. Throws HttpError for a
  // refused upload: 403 without the CSRF token, 400 for a bad form, 413 above the size limit,
  // 422 for a file the readers cannot read (their own message).
  std::int64_t score_upload(const httplib::Request& req, UploadForm& form) {
    if (!req.is_multipart_form_data()) {
      throw HttpError(400, "send the document as multipart/form-data, in a field named \"document\"");
    }
    form = {.kind = trimmed(part(req, "kind")),
            .country = trimmed(part(req, "country")),
            .year = trimmed(part(req, "year")),
            .draft = trimmed(part(req, "draft")),
            .region = trimmed(part(req, "region"))};
    check_csrf(req);
    if (req.files.size() > k_max_form_parts) {
      throw HttpError(400, "the form has " + std::to_string(req.files.size()) + " parts; at most " +
                               std::to_string(k_max_form_parts) + " are taken");
    }
    const std::size_t files = static_cast<std::size_t>(
        std::count_if(req.files.begin(), req.files.end(), [](const auto& p) { return !p.second.filename.empty(); }));
    if (files > 1) throw HttpError(400, "one document per upload: this one holds " + std::to_string(files) + " files");
    const auto document = req.files.find("document");
    if (document == req.files.end() || (document->second.filename.empty() && document->second.content.empty())) {
      throw HttpError(400, "choose a document to score (the field \"document\" is empty)");
    }
    const std::string name = upload_name(document->second.filename);
    const std::string& bytes = document->second.content;
    if (bytes.size() > options.read.max_bytes) {
      throw HttpError(413, name + " is " + mb(bytes.size()) + " MB, above the upload limit of " +
                               mb(options.read.max_bytes) +
                               " MB: save it as PDF or DOCX without embedded media, or split it");
    }
    if (bytes.empty()) throw HttpError(400, name + ": the file is empty");
    AssessOptions assess;
    const std::string kind = parse_kind(form.kind);
    if (!kind.empty()) assess.kind = parse_document_kind(kind);
    assess.year = parse_year(form.year);
    if (const std::string country = bounded("country", form.country); !country.empty()) assess.country = country;
    assess.draft = bounded("draft", form.draft);
    assess.region = bounded("region", form.region);

    ingest::Source source{.path = name, .bytes = bytes, .sha256 = sha256_hex(bytes)};
    // Scoring is bounded to a few uploads at once; the others wait here, they are not refused.
    scoring.acquire();
    struct Release {
      std::counting_semaphore<1024>& s;
      ~Release() { s.release(); }
    } release{scoring};
    auto db = stores.take();
    std::optional<Scored> scored;
    try {
      const DocumentReader read = [&](ingest::Source&& s) {
        if (options.reader_command.empty()) return ingest::read_source(std::move(s), options.read);
        return readers.take()->read(s, options.read);
      };
      scored = score_document(
          std::move(source), [&](const std::string& sha256) { return db->documents().cached(sha256); }, read,
          loaded.checklist, loaded.compiled, assess);
    } catch (const InputError& e) {
      throw HttpError(422, e.what());
    }
    const std::optional<store::CachedText> text =
        scored->from_cache ? std::nullopt : std::optional(store::pack_text(scored->document));
    const std::lock_guard lock(writing);
    return db->assessments().save(scored->assessment, text ? &*text : nullptr);
  }

  // Sets a reviewer's level; the row kept. 404 for an unknown assessment, 400 for a bad form or
  // an item the assessment does not rate.
  OverrideRow override_level(const httplib::Request& req, std::int64_t id) {
    check_csrf(req);
    auto db = stores.take();
    load(*db, id, store::AssessmentStore::Detail::items);
    const std::string item = ascii_upper(bounded("item", req.get_param_value("item")));
    const std::string level_text = trimmed(req.get_param_value("level"));
    const std::optional<Level> level = parse_level(level_text);
    if (item.empty()) throw HttpError(400, "choose the item to review");
    if (!level) throw HttpError(400, "unknown level \"" + level_text + "\": use missing, approaches, meets or exceeds");
    const std::string note = bounded("note", req.get_param_value("note"), k_max_field);
    if (note.empty()) throw HttpError(400, "a note is required: say what in the document justifies the level");
    const std::string reviewer = bounded("reviewer", req.get_param_value("reviewer"), 100);
    if (reviewer.empty()) throw HttpError(400, "the reviewer's name is required for the audit trail");
    const std::lock_guard lock(writing);
    return db->reviews().override_level(id, item, *level, note, reviewer, now_utc());
  }

  // Stores the team's answers as `self-assess import` stores a filled-in form: the same reading
  // (read_self_ratings: level names in any of the form's languages, unknown items and items
  // rated twice refused) and the same apply inside set_self_ratings, so the scores and the over-
  // and underclaims are the CLI's. Replaces the ratings the assessment held; a form with no
  // level clears them (unlike import, whose blank file is more likely a mistake: this form shows
  // the stored ratings). Throws HttpError 403/404, InputError for a bad answer.
  Assessment save_self_ratings(const httplib::Request& req, std::int64_t id, const Answers& answers) {
    check_csrf(req);
    auto db = stores.take();
    load(*db, id, store::AssessmentStore::Detail::items);
    CsvTable table{.header = {"item", "level", "justification", "source"}};
    for (const auto& [item, answer] : answers) {
      table.rows.push_back({.line = static_cast<int>(table.rows.size()) + 2,
                            .fields = {item, answer.level, answer.justification, answer.source}});
    }
    // No file name: the messages name the item only ("item RDM-CCA-01: unknown level ...").
    const std::vector<SelfRating> ratings = selfassess::read_self_ratings(table, loaded.checklist);
    const std::lock_guard lock(writing);
    return db->assessments().set_self_ratings(id, [&](Assessment& a) { selfassess::apply(a, ratings, {}); });
  }

  // The language of the self-assessment form: ?lang= when given, else the document's, as its report.
  std::string form_language(const httplib::Request& req, const Assessment& assessment) const {
    return std::string(report::report_language(rendering(req).lang, assessment.document.language));
  }

  // The self-assessment page, filled with `given` (the answers of a refused save) or else with
  // the stored ratings.
  std::string self_assessment_html(const httplib::Request& req, std::int64_t id, const Answers* given,
                                   const std::string& error) {
    auto db = stores.take();
    const Assessment assessment = load(*db, id);
    const std::string lang = form_language(req, assessment);
    std::map<std::string, TeamAnswer> answers;
    if (given != nullptr) {
      for (const auto& [item, answer] : *given) answers.emplace(item, answer);
    } else {
      for (const SelfRating& r : assessment.self) {
        answers.emplace(
            r.item_id,
            TeamAnswer{.level = std::string(code(r.level)), .justification = r.justification, .source = r.source});
      }
    }
    return self_assessment_page(assessment, id, team_form(assessment, loaded.checklist, lang), loaded.checklist.meta,
                                lang, answers, csrf, error);
  }

  std::string self_assessment_api(const httplib::Request& req, std::int64_t id, const Assessment& assessment) {
    const std::string lang = form_language(req, assessment);
    return self_assessment_json(id, lang, assessment, team_form(assessment, loaded.checklist, lang));
  }

  // The portfolio's page for one rating: 404 for an item the assessment does not rate.
  std::string review_item(const httplib::Request& req, std::int64_t id, const std::string& item_id,
                          const std::string& error) {
    const PortfolioQuery query = portfolio_query(req);
    auto db = stores.take();
    const Assessment assessment = load(*db, id);
    const rules::ItemResult* item = find_result(assessment, item_id);
    if (item == nullptr || !item->applicable) {
      throw HttpError(404, "assessment " + std::to_string(id) + " does not rate item \"" + item_id + "\"");
    }
    std::ostringstream out;
    report::render_item_html(assessment, item_id, out, rendering(req));
    return review_item_page(assessment, id, *item, out.str(), query, csrf, error);
  }

  std::string report_page(const httplib::Request& req, std::int64_t id, const std::string& error) {
    const report::RenderOptions r = rendering(req);
    auto db = stores.take();
    const Assessment assessment = load(*db, id);
    std::vector<AssessmentRow> drafts;
    for (const DocumentDrafts& d : group_drafts(db->assessments().history())) {
      if (std::any_of(d.drafts.begin(), d.drafts.end(), [&](const AssessmentRow& row) { return row.id == id; })) {
        drafts = d.drafts;
      }
    }
    std::ostringstream out;
    report::render_html(assessment, out, r);
    return embed(out.str(), report_top(id, r.lang),
                 report_bottom(assessment, id, db->reviews().overrides(id), drafts, csrf, error));
  }

  std::string home(const UploadForm& form, const std::string& error) {
    auto db = stores.take();
    std::vector<AssessmentRow> rows = db->assessments().history();
    if (rows.size() > options.recent) rows.resize(options.recent);
    return home_page(rows, form, error, csrf, static_cast<double>(options.read.max_bytes) / (1024.0 * 1024.0));
  }

  Comparison comparison(const httplib::Request& req, std::int64_t& first, std::int64_t& second) {
    if (!req.has_param("first") || !req.has_param("second")) {
      throw HttpError(400, "give two assessments to compare: ?first=ID&second=ID");
    }
    first = parse_id(req.get_param_value("first"), "first");
    second = parse_id(req.get_param_value("second"), "second");
    auto db = stores.take();
    return compare(load(*db, first), load(*db, second));
  }

  // The workbook `write` makes at the path it is given, read back from a private temporary
  // folder named by the server (never by the request) and removed at once.
  static std::string workbook(const std::function<void(const std::filesystem::path&)>& write) {
    std::string folder = (std::filesystem::temp_directory_path() / "unct-assess-serve-XXXXXX").string();
    if (::mkdtemp(folder.data()) == nullptr)
      throw std::runtime_error("cannot make a temporary folder for the workbook");
    struct Remove {
      std::filesystem::path p;
      ~Remove() {
        std::error_code ignored;
        std::filesystem::remove_all(p, ignored);
      }
    } remove{folder};
    const std::filesystem::path path = std::filesystem::path(folder) / "book.xlsx";
    write(path);
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }

  std::string portfolio_xlsx(const PortfolioQuery& query) {
    auto db = stores.take();
    const GapFilter filter = selection(*db, query);
    const std::vector<PortfolioRow> documents = db->portfolio().documents(filter);
    const std::vector<Assessment> assessments = db->assessments().load(documents);
    return workbook([&](const std::filesystem::path& path) {
      report::write_portfolio_xlsx(documents, db->portfolio().gaps(filter), assessments, path);
    });
  }

  // The team's self-assessment as the form `self-assess template` writes (CSV or XLSX), filled
  // with its stored ratings, for `self-assess import` to read back; in the page's language.
  std::string filled_form(const httplib::Request& req, std::int64_t id, bool xlsx) {
    auto db = stores.take();
    const Assessment assessment = load(*db, id);
    const std::string lang = form_language(req, assessment);
    std::vector<selfassess::FormRow> rows;
    for (const TeamFormRow& row : team_form(assessment, loaded.checklist, lang)) rows.push_back(row.item);
    if (xlsx) {
      return workbook([&](const std::filesystem::path& path) {
        report::write_form_xlsx(rows, loaded.checklist.meta, lang, path, assessment.self);
      });
    }
    std::ostringstream out;
    report::render_form_csv(rows, lang, out, assessment.self);
    return out.str();
  }

  void setup() {
    http.set_default_headers({{"Content-Security-Policy", k_csp},
                              {"X-Content-Type-Options", "nosniff"},
                              {"X-Frame-Options", "DENY"},
                              {"Referrer-Policy", "no-referrer"},
                              {"Cache-Control", "no-store"}});
    // The body of an upload is read whole into memory: the limit plus room for the form's other
    // fields. An upload a little over the limit reaches the route, which names the file and its
    // size; one far over is refused before it is read (413, default_message).
    http.set_payload_max_length(static_cast<std::size_t>(options.read.max_bytes) + (1u << 20));
    // SO_REUSEADDR only: httplib's default adds SO_REUSEPORT, which lets a second server (or
    // another user's program) bind the same port and take half of the connections, in silence.
    http.set_socket_options([](socket_t socket) {
      const int yes = 1;
      ::setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    });
    http.set_read_timeout(30);
    http.set_write_timeout(30);
    http.set_pre_routing_handler(
        [this](const httplib::Request& req, httplib::Response& res) { return admit(req, res); });
    http.set_error_handler(
        httplib::Server::HandlerWithResponse([this](const httplib::Request& req, httplib::Response& res) {
          if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;  // the route's own message
          error_reply(req, res, res.status, default_message(res.status, options.read.max_bytes));
          return httplib::Server::HandlerResponse::Handled;
        }));
    http.set_exception_handler([this](const httplib::Request& req, httplib::Response& res, std::exception_ptr) {
      log("internal error on " + req.method + " " + req.path);
      error_reply(req, res, 500, "internal error; the server logged it and carries on");
    });
    http.set_logger([this](const httplib::Request& req, const httplib::Response& res) {
      log(req.method + " " + req.path + " " + std::to_string(res.status));  // never the query: it may hold the token
    });

    // Browsers ask for /favicon.ico on their own: "no content" rather than a 404 in their console.
    http.Get("/favicon.ico", [](const httplib::Request&, httplib::Response& res) { res.status = 204; });

    // Pages.
    http.Get("/", route([this](const httplib::Request&, httplib::Response& res) { html(res, 200, home({}, {})); }));
    http.Post("/score", route([this](const httplib::Request& req, httplib::Response& res) {
                UploadForm form;
                try {
                  redirect(res, "/assessments/" + std::to_string(score_upload(req, form)));
                } catch (const HttpError& e) {
                  html(res, e.status(), home(form, e.what()));  // the form again, filled in, with why
                }
              }));
    http.Get(R"(/assessments/(\d+))", route([this](const httplib::Request& req, httplib::Response& res) {
               html(res, 200, report_page(req, parse_id(req.matches[1], "the id"), {}));
             }));
    http.Post(R"(/assessments/(\d+)/override)", route([this](const httplib::Request& req, httplib::Response& res) {
                const std::int64_t id = parse_id(req.matches[1], "the id");
                // From the portfolio's review page: back to the portfolio as it was shown.
                const bool to_portfolio = req.get_param_value("return") == "portfolio";
                const auto refused = [&](int status, const std::string& why) {
                  html(res, status,
                       to_portfolio ? review_item(req, id, ascii_upper(trimmed(req.get_param_value("item"))), why)
                                    : report_page(req, id, why));
                };
                try {
                  override_level(req, id);
                  redirect(res, to_portfolio
                                    ? "/portfolio" + filter_query(portfolio_query(req)) + "#a" + std::to_string(id)
                                    : "/assessments/" + std::to_string(id) + "#review");
                } catch (const HttpError& e) {
                  if (e.status() == 404) throw;
                  refused(e.status(), e.what());
                } catch (const InputError& e) {
                  refused(400, e.what());
                }
              }));
    http.Get(R"(/assessments/(\d+)/self-assessment\.(csv|xlsx))",
             route([this](const httplib::Request& req, httplib::Response& res) {
               const std::int64_t id = parse_id(req.matches[1], "the id");
               const bool xlsx = req.matches[2] == "xlsx";
               const std::string name = "self-assessment-" + std::to_string(id) + (xlsx ? ".xlsx" : ".csv");
               attachment(res, filled_form(req, id, xlsx),
                          xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                               : "text/csv; charset=utf-8",
                          name);
             }));
    http.Get(R"(/assessments/(\d+)/self-assessment)",
             route([this](const httplib::Request& req, httplib::Response& res) {
               html(res, 200, self_assessment_html(req, parse_id(req.matches[1], "the id"), nullptr, {}));
             }));
    http.Post(
        R"(/assessments/(\d+)/self-assessment)", route([this](const httplib::Request& req, httplib::Response& res) {
          const std::int64_t id = parse_id(req.matches[1], "the id");
          Answers answers;
          try {
            answers = form_answers(req);
            save_self_ratings(req, id, answers);
            const std::string lang = req.get_param_value("lang");
            redirect(res, "/assessments/" + std::to_string(id) + (lang.empty() ? "" : "?lang=" + url_encode(lang)));
          } catch (const HttpError& e) {
            if (e.status() == 404) throw;
            html(res, e.status(), self_assessment_html(req, id, &answers, e.what()));  // the form again, as typed
          } catch (const InputError& e) {
            html(res, 400, self_assessment_html(req, id, &answers, e.what()));
          }
        }));
    http.Get("/documents", route([this](const httplib::Request&, httplib::Response& res) {
               auto db = stores.take();
               html(res, 200, documents_page(group_drafts(db->assessments().history())));
             }));
    http.Get("/compare", route([this](const httplib::Request& req, httplib::Response& res) {
               std::int64_t first = 0, second = 0;
               std::ostringstream out;
               report::render_comparison_html(comparison(req, first, second), out);
               html(res, 200, embed(out.str(), compare_top(first, second), {}));
             }));
    http.Get("/portfolio", route([this](const httplib::Request& req, httplib::Response& res) {
               const PortfolioQuery query = portfolio_query(req);
               auto db = stores.take();
               const GapFilter filter = selection(*db, query);
               const std::vector<PortfolioRow> documents = db->portfolio().documents(filter);
               const std::string back = filter_query(query);
               std::ostringstream out;
               report::render_portfolio_html(
                   documents, db->portfolio().gaps(filter), out,
                   {.rows = query.every_draft ? "Every draft of each document (its latest assessment)."
                                              : "The newest draft of each document (its latest assessment).",
                    .by_country = true,
                    .cell_link = [&](const PortfolioRow& d, const std::string& item) {
                      return "/assessments/" + std::to_string(d.assessment_id) + "/items/" + url_encode(item) + back;
                    }});
               html(res, 200, embed(out.str(), portfolio_top(query, documents.size()), portfolio_bottom(documents)));
             }));
    http.Get(R"(/assessments/(\d+)/items/([^/]+))", route([this](const httplib::Request& req, httplib::Response& res) {
               html(res, 200, review_item(req, parse_id(req.matches[1], "the id"), req.matches[2], {}));
             }));
    http.Get("/portfolio.csv", route([this](const httplib::Request& req, httplib::Response& res) {
               auto db = stores.take();
               std::ostringstream out;
               report::render_matrix_csv(db->portfolio().documents(selection(*db, portfolio_query(req))), out);
               attachment(res, out.str(), "text/csv; charset=utf-8", "portfolio.csv");
             }));
    http.Get("/portfolio-findings.csv", route([this](const httplib::Request& req, httplib::Response& res) {
               auto db = stores.take();
               const GapFilter filter = selection(*db, portfolio_query(req));
               std::ostringstream out;
               report::render_findings_csv(db->assessments().load(db->portfolio().documents(filter)), out);
               attachment(res, out.str(), "text/csv; charset=utf-8", "portfolio-findings.csv");
             }));
    http.Get("/portfolio.xlsx", route([this](const httplib::Request& req, httplib::Response& res) {
               attachment(res, portfolio_xlsx(portfolio_query(req)),
                          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "portfolio.xlsx");
             }));

    // The same data as JSON (docs/api.md).
    http.Get("/api", route([this](const httplib::Request&, httplib::Response& res) {
               json(res, 200, index_json(!options.token.empty()));
             }));
    http.Get("/api/session",
             route([this](const httplib::Request&, httplib::Response& res) { json(res, 200, session_json(csrf)); }));
    http.Get("/api/assessments", route([this](const httplib::Request& req, httplib::Response& res) {
               auto db = stores.take();
               json(res, 200,
                    assessments_json(db->assessments().history(bounded("country", req.get_param_value("country")))));
             }));
    http.Post("/api/score", route([this](const httplib::Request& req, httplib::Response& res) {
                UploadForm form;
                const std::int64_t id = score_upload(req, form);
                json(res, 201, created_json(id));
                res.set_header("Location", "/api/assessments/" + std::to_string(id));
              }));
    http.Get(R"(/api/assessments/(\d+))", route([this](const httplib::Request& req, httplib::Response& res) {
               const report::RenderOptions r = rendering(req);
               auto db = stores.take();
               std::ostringstream out;
               report::render_json(load(*db, parse_id(req.matches[1], "the id")), out, r);
               json(res, 200, out.str());
             }));
    http.Get(R"(/api/assessments/(\d+)/overrides)", route([this](const httplib::Request& req, httplib::Response& res) {
               const std::int64_t id = parse_id(req.matches[1], "the id");
               auto db = stores.take();
               load(*db, id, store::AssessmentStore::Detail::items);
               json(res, 200, overrides_json(db->reviews().overrides(id)));
             }));
    http.Post(R"(/api/assessments/(\d+)/override)", route([this](const httplib::Request& req, httplib::Response& res) {
                json(res, 201, override_json(override_level(req, parse_id(req.matches[1], "the id"))));
              }));
    http.Get(R"(/api/assessments/(\d+)/self-assessment)",
             route([this](const httplib::Request& req, httplib::Response& res) {
               const std::int64_t id = parse_id(req.matches[1], "the id");
               auto db = stores.take();
               json(res, 200, self_assessment_api(req, id, load(*db, id)));
             }));
    http.Post(R"(/api/assessments/(\d+)/self-assessment)",
              route([this](const httplib::Request& req, httplib::Response& res) {
                const std::int64_t id = parse_id(req.matches[1], "the id");
                check_csrf(req);  // before the body is read: a forged request learns nothing of it
                const bool is_json = req.get_header_value("Content-Type").starts_with("application/json");
                const Answers answers = is_json ? json_answers(req.body) : form_answers(req);
                json(res, 200, self_assessment_api(req, id, save_self_ratings(req, id, answers)));
              }));
    http.Get("/api/documents", route([this](const httplib::Request&, httplib::Response& res) {
               auto db = stores.take();
               json(res, 200, documents_json(group_drafts(db->assessments().history())));
             }));
    http.Get("/api/compare", route([this](const httplib::Request& req, httplib::Response& res) {
               std::int64_t first = 0, second = 0;
               const Comparison c = comparison(req, first, second);
               json(res, 200, comparison_json(c, first, second));
             }));
    http.Get("/api/portfolio", route([this](const httplib::Request& req, httplib::Response& res) {
               const PortfolioQuery query = portfolio_query(req);
               auto db = stores.take();
               const GapFilter filter = selection(*db, query);
               json(res, 200,
                    portfolio_json(query.filter, db->portfolio().documents(filter), db->portfolio().gaps(filter)));
             }));

    add_workshop_routes(http, Services{.loaded = &loaded,
                                       .stores = &stores,
                                       .writing = &writing,
                                       .csrf = csrf,
                                       .packs = options.packs,
                                       .port = &port,
                                       .bind = options.bind,
                                       .log = [this](const std::string& line) { log(line); }});
  }
};

Server::Server(const rules::LoadedChecklist& loaded, ServerOptions options)
    : m_impl(std::make_unique<Impl>(loaded, std::move(options))) {}

Server::~Server() = default;

int Server::bind() {
  Impl& s = *m_impl;
  const int port = s.options.port == 0 ? s.http.bind_to_any_port(s.options.bind)
                                       : (s.http.bind_to_port(s.options.bind, s.options.port) ? s.options.port : -1);
  if (port <= 0) {
    throw InputError({.field = "port"}, "cannot listen on " + s.options.bind + " port " +
                                            std::to_string(s.options.port) +
                                            ": the port is in use or the address is not this machine's (choose "
                                            "another --port or --bind)");
  }
  s.port = port;
  s.cookie_name = "unct_assess_token_" + std::to_string(port);
  return port;
}

void Server::run() {
  Impl& s = *m_impl;
  s.run_state = 1;
  if (!s.stop_asked) s.http.listen_after_bind();
  s.run_state = 2;
}

void Server::stop() {
  Impl& s = *m_impl;
  s.stop_asked = true;
  // run() may be between its check of stop_asked and listening: wait until it listens (or has
  // returned) so that httplib's stop() has a socket to close.
  for (int waited = 0; waited < 5000 && s.run_state == 1 && !s.http.is_running(); ++waited) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  s.http.stop();
}

const std::string& Server::token() const { return m_impl->options.token; }

std::string Server::url() const {
  const Impl& s = *m_impl;
  const std::string host = s.options.bind.find(':') != std::string::npos ? "[" + s.options.bind + "]" : s.options.bind;
  return "http://" + host + ":" + std::to_string(s.port) + "/" +
         (s.options.token.empty() ? "" : "?token=" + s.options.token);
}

void serve_until_signalled(Server& server) {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  sigset_t previous;
  // Blocked before run() starts its threads, which inherit the mask: the signal is taken by the
  // waiter below, never by a thread in the middle of a request.
  pthread_sigmask(SIG_BLOCK, &signals, &previous);
  std::atomic<bool> done{false};
  std::thread waiter([&] {
    const timespec tick{0, 200'000'000};
    while (!done) {
      const int signal = ::sigtimedwait(&signals, nullptr, &tick);
      if (signal == SIGINT || signal == SIGTERM) {
        server.stop();
        return;
      }
    }
  });
  server.run();
  done = true;
  waiter.join();
  pthread_sigmask(SIG_SETMASK, &previous, nullptr);
}

}  // namespace unct::web
