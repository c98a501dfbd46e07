#include "engine/web/workshop_pages.hpp"

#include "engine/report/html.hpp"
#include "engine/report/messages.hpp"
#include "engine/report/wording.hpp"
#include "engine/report/workshop.hpp"
#include "engine/web/pages.hpp"

#include <nlohmann/json.hpp>

#include <array>
#include <sstream>

namespace unct::web {
namespace {

using nlohmann::json;
using report::escape_html;
using report::Msg;

std::string dump(const json& value) { return value.dump(2, ' ', false, json::error_handler_t::replace) + "\n"; }

// The participants' page's own words, beside the report catalogue's, in its order: en, fr, es.
struct RoomWords {
  std::string_view name, name_hint, not_rated, note, send, thanks, closed, answers_one, answers_many, full;
};
constexpr std::array<RoomWords, 3> k_room_words{{
    {"Your name", "As the trainer will see it in the debrief. Sending again with the same name replaces your answers.",
     "not rated", "Why (optional)", "Send my answers",
     "Thank you, {name}: your answers are in ({answers}). To change them, send the form again with the same name.",
     "This room is closed: the trainer is no longer taking answers.", "1 answer", "{} answers",
     "This room has its {} participants already: ask the trainer to open another room for you."},
    {"Votre nom",
     "Tel que le formateur le verra dans le bilan. Renvoyer le formulaire avec le même nom remplace vos réponses.",
     "non noté", "Pourquoi (facultatif)", "Envoyer mes réponses",
     "Merci, {name} : vos réponses sont enregistrées ({answers}). Pour les changer, renvoyez le formulaire avec le "
     "même nom.",
     "Cette salle est fermée : le formateur ne prend plus de réponses.", "1 réponse", "{} réponses",
     "Cette salle a déjà ses {} participants : demandez au formateur d'ouvrir une autre salle pour vous."},
    {"Su nombre",
     "Tal como el formador lo verá en el balance. Enviar de nuevo con el mismo nombre reemplaza sus respuestas.",
     "sin calificar", "Por qué (opcional)", "Enviar mis respuestas",
     "Gracias, {name}: sus respuestas están registradas ({answers}). Para cambiarlas, envíe el formulario de nuevo con "
     "el mismo nombre.",
     "Esta sala está cerrada: el formador ya no recibe respuestas.", "1 respuesta", "{} respuestas",
     "Esta sala ya tiene sus {} participantes: pida al formador que abra otra sala para usted."},
}};

const RoomWords& room_words(std::string_view lang) {
  const auto& languages = report::report_languages();
  for (std::size_t i = 0; i < languages.size() && i < k_room_words.size(); ++i) {
    if (languages[i] == lang) return k_room_words[i];
  }
  return k_room_words[0];
}

std::string replace_all(std::string text, std::string_view from, std::string_view to) {
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

std::string session_label(const workshop::Session& s) {
  return s.cohort.empty() ? s.pack_title : s.cohort + ", " + s.pack_title;
}

std::string state_text(const SessionEntry& e) {
  if (!e.room) return "scored from answer sheets";
  return e.room->is_open() ? "open, code " + e.room->code : "closed " + e.room->closed_at.substr(0, 16);
}

std::string percent_of(const agreement::Agreement& a) { return report::percent(a.exact, a.count); }

json agreement_json(const agreement::Agreement& a) {
  return {{"count", a.count},
          {"exact", a.exact},
          {"within_one", a.within_one},
          {"kappa", a.kappa ? json(*a.kappa) : json(nullptr)}};
}

json room_summary_json(const std::optional<workshop::Room>& room) {
  if (!room) return nullptr;
  return {{"code", room->code},
          {"open", room->is_open()},
          {"pack_name", room->pack_name},
          {"opened_at", room->opened_at},
          {"closed_at", room->closed_at.empty() ? json(nullptr) : json(room->closed_at)},
          {"links", {{"html", "/r/" + room->code}, {"json", "/api/workshop/rooms/" + room->code}}}};
}

json session_summary_json(const SessionEntry& e) {
  const workshop::Session& s = e.debrief.session;
  const std::string id = std::to_string(s.id);
  return {{"id", s.id},
          {"cohort", s.cohort},
          {"created_at", s.created_at},
          {"pack_id", s.pack_id},
          {"pack_title", s.pack_title},
          {"lang", s.lang},
          {"participants", e.debrief.participants.size()},
          {"answers", e.debrief.room.count},
          {"room", room_summary_json(e.room)},
          {"links", {{"html", "/workshop/" + id}, {"json", "/api/workshop/sessions/" + id}}}};
}

}  // namespace

std::string workshop_page(const std::vector<PackEntry>& packs, const std::vector<SessionEntry>& sessions,
                          const RoomForm& form, const std::string& error, const std::string& csrf) {
  std::ostringstream out;
  out << "<h1>Workshop</h1>\n<p class=\"meta\">Open a room from an exercise pack: participants on the same "
         "network open its short link, read the excerpt and rate the items in a form; your page shows the room's "
         "agreement with the answer key and the discussion points as the answers arrive.</p>\n";
  if (!error.empty())
    out << "<p class=\"error\" role=\"alert\"><strong>Not opened:</strong> " << escape_html(error) << "</p>\n";
  out << "<form class=\"app\" method=\"post\" action=\"/workshop\" enctype=\"multipart/form-data\">" << csrf_field(csrf)
      << "\n<label>Pack <select name=\"pack\">" << option("", "choose a pack", form.pack.empty());
  for (const PackEntry& p : packs) {
    if (!p.pack) continue;
    out << option(p.name,
                  p.pack->title + " (" + p.pack->lang + ", " + std::to_string(p.pack->key.size()) + " items" +
                      (p.pack->draft_key ? ", draft key" : "") + ")",
                  form.pack == p.name);
  }
  out << "</select></label>\n<label>or a pack file <input type=\"file\" name=\"pack_file\" accept=\".xml\"></label>\n"
      << "<label class=\"field\">Cohort <input type=\"text\" name=\"cohort\" maxlength=\"100\" value=\""
      << escape_html(form.cohort) << "\" placeholder=\"e.g. Nairobi, May 2026\"></label>\n"
      << "<p class=\"hint\">A pack (docs/workshop.md) holds the excerpt, the items to rate and the answer key; "
         "<code>unct-assess workshop new</code> drafts one from any document. Participants never see the key.</p>\n"
      << "<p><button type=\"submit\">Open a room</button></p>\n</form>\n";
  bool unreadable = false;
  for (const PackEntry& p : packs) {
    if (p.pack) continue;
    if (!unreadable) out << "<h2>Packs that cannot be used</h2>\n<ul>\n";
    unreadable = true;
    out << "<li>" << escape_html(p.error) << "</li>\n";
  }
  if (unreadable) out << "</ul>\n";
  out << "<h2>Sessions</h2>\n";
  if (sessions.empty()) {
    out << "<p>None yet: the rooms you open appear here, with the sessions scored with "
           "<code>unct-assess workshop score</code>.</p>\n";
  } else {
    out << "<table class=\"list\">\n<tr><th>Id</th><th>Opened</th><th>Cohort and pack</th><th>Room</th>"
           "<th>Participants</th><th>Answers on the key</th></tr>\n";
    for (const SessionEntry& e : sessions) {
      const workshop::Session& s = e.debrief.session;
      out << "<tr><td><a href=\"/workshop/" << s.id << "\">" << s.id << "</a></td><td>"
          << escape_html(s.created_at.substr(0, 16)) << "</td><td><a href=\"/workshop/" << s.id << "\">"
          << escape_html(session_label(s)) << "</a></td><td>" << escape_html(state_text(e)) << "</td><td>"
          << e.debrief.participants.size() << "</td><td>" << percent_of(e.debrief.room) << "</td></tr>\n";
    }
    out << "</table>\n";
  }
  return app_page("Workshop", out.str());
}

std::string trainer_page(const SessionEntry& session, const std::string& link, const std::string& link_hint,
                         const std::string& csrf, int refresh_seconds) {
  const workshop::Session& s = session.debrief.session;
  std::ostringstream top;
  top << "<div class=\"toolbar\"><a href=\"/workshop\">All sessions</a><a href=\"/api/workshop/sessions/" << s.id
      << "\">JSON</a></div>\n";
  if (session.room) {
    const workshop::Room& room = *session.room;
    top << "<section class=\"room noprint\">\n";
    if (room.is_open()) {
      top << "<p class=\"meta\">Participants open</p>\n<p class=\"room-link\"><a href=\"" << escape_html(link) << "\">"
          << escape_html(link) << "</a></p>\n<p class=\"meta\">Room code <strong class=\"room-code\">"
          << escape_html(room.code) << "</strong>. No access token is needed for this link; it opens only the room. "
          << "This page reloads every " << refresh_seconds << " seconds.</p>\n";
      if (!link_hint.empty()) top << "<p class=\"error\">" << escape_html(link_hint) << "</p>\n";
      top << "<form class=\"app\" method=\"post\" action=\"/workshop/" << s.id << "/close\">" << csrf_field(csrf)
          << "<button type=\"submit\">Close the room</button> <span class=\"hint\">No more answers are taken; "
             "the debrief stays.</span></form>\n";
    } else {
      top << "<p class=\"meta\">Room " << escape_html(room.code) << " closed at " << escape_html(room.closed_at)
          << ": no more answers are taken.</p>\n";
    }
    top << "</section>\n";
  }
  if (session.debrief.participants.empty()) {
    top << "<p class=\"meta\">No answers yet.</p>\n";
  }
  std::ostringstream debrief;
  report::render_debrief_html(session.debrief, debrief);
  std::string page = embed(debrief.str(), top.str(), {});
  if (session.room && session.room->is_open()) {
    // Progressive: the trainer's page follows the answers by reloading, no script needed.
    if (const std::size_t at = page.find("</head>"); at != std::string::npos) {
      page.insert(at, "<meta http-equiv=\"refresh\" content=\"" + std::to_string(refresh_seconds) + "\">\n");
    }
  }
  return page;
}

std::string thanks_text(const workshop::Pack& pack, const std::string& name, std::size_t answers) {
  const RoomWords& w = room_words(pack.lang);
  const std::string count = answers == 1 ? std::string(w.answers_one)
                                         : replace_all(std::string(w.answers_many), "{}", std::to_string(answers));
  return replace_all(replace_all(std::string(w.thanks), "{name}", name), "{answers}", count);
}

std::string closed_text(const workshop::Pack& pack) { return std::string(room_words(pack.lang).closed); }

std::string full_text(const workshop::Pack& pack, std::size_t most) {
  return replace_all(std::string(room_words(pack.lang).full), "{}", std::to_string(most));
}

std::string participant_page(const workshop::Pack& pack, const checklist::Checklist& checklist,
                             const workshop::Room& room, const ParticipantForm& typed, const std::string& error,
                             const std::string& thanks) {
  const report::Messages& m = report::messages(pack.lang);
  const RoomWords& w = room_words(pack.lang);
  const std::string title = m(Msg::exercise, {pack.title});
  std::ostringstream out;
  out << "<h1>" << escape_html(title) << "</h1>\n";
  if (!pack.instructions.empty()) out << "<p>" << escape_html(pack.instructions) << "</p>\n";
  out << "<p class=\"meta\">" << escape_html(checklist::provenance_in(checklist.meta, m.lang())) << "</p>\n";
  if (!pack.source.empty()) out << "<p class=\"meta\">" << escape_html(m(Msg::source_line, {pack.source})) << "</p>\n";
  out << "<hr>\n";
  report::render_excerpt_html(pack, out);
  out << "<hr>\n<h2 id=\"ratings\">" << escape_html(m[Msg::your_ratings]) << "</h2>\n";
  if (!thanks.empty()) out << "<p class=\"thanks\" role=\"status\">" << escape_html(thanks) << "</p>\n";
  if (!error.empty())
    out << "<p class=\"error\" role=\"alert\"><strong>" << escape_html(m[Msg::note]) << ":</strong> "
        << escape_html(error) << "</p>\n";
  if (!room.is_open()) {
    out << "<p class=\"error\" role=\"alert\">" << escape_html(w.closed) << "</p>\n";
    return bare_page(title, out.str(), pack.lang);
  }
  out << "<p>"
      << escape_html(m(Msg::rate_from_excerpt, {m.level(Level::missing), m.level(Level::approaches),
                                                m.level(Level::meets), m.level(Level::exceeds)}))
      << "</p>\n<form class=\"app\" method=\"post\" action=\"/r/" << escape_html(room.code) << "#ratings\">"
      << csrf_field(room.csrf) << "\n<label class=\"field\">" << escape_html(w.name)
      << " <input type=\"text\" name=\"name\" required maxlength=\"100\" autocomplete=\"name\" value=\""
      << escape_html(typed.name) << "\"></label>\n<p class=\"hint\">" << escape_html(w.name_hint) << "</p>\n"
      << "<table class=\"list team\">\n<tr><th>" << escape_html(m[Msg::item]) << "</th><th>"
      << escape_html(m[Msg::level]) << "</th><th>" << escape_html(m[Msg::reason]) << "</th></tr>\n";
  for (const workshop::KeyAnswer& k : pack.key) {
    const checklist::Item* item = checklist::find_item(checklist, k.item_id);  // load_pack checked it is there
    if (item == nullptr) continue;
    const auto given = typed.answers.find(k.item_id);
    const std::string level = given != typed.answers.end() ? given->second.first : std::string();
    const std::string note = given != typed.answers.end() ? given->second.second : std::string();
    const std::string id = escape_html(k.item_id);
    out << "<tr id=\"" << id << "\"><td class=\"item\"><strong>" << id << "</strong> "
        << escape_html(checklist::title_in(*item, pack.lang)) << "<p class=\"hint\">"
        << escape_html(checklist::question_in(*item, pack.lang)) << "</p></td><td><select name=\"level." << id
        << "\" aria-label=\"" << escape_html(m[Msg::level]) << " " << id << "\">"
        << option("", w.not_rated, level.empty());
    for (Level l : k_levels) out << option(code(l), m.level(l), level == code(l));
    out << "</select></td><td><textarea name=\"note." << id << "\" rows=\"2\" maxlength=\"1000\" aria-label=\""
        << escape_html(w.note) << " " << id << "\" placeholder=\"" << escape_html(w.note) << "\">" << escape_html(note)
        << "</textarea></td></tr>\n";
  }
  out << "</table>\n<p><button type=\"submit\">" << escape_html(w.send) << "</button></p>\n</form>\n";
  return bare_page(title, out.str(), pack.lang);
}

std::string workshop_json(const std::vector<PackEntry>& packs, const std::vector<SessionEntry>& sessions) {
  json list = json::array();
  for (const PackEntry& p : packs) {
    if (!p.pack) {
      list.push_back({{"name", p.name}, {"error", p.error}});
      continue;
    }
    json items = json::array();
    for (const workshop::KeyAnswer& k : p.pack->key) items.push_back(k.item_id);
    list.push_back({{"name", p.name},
                    {"id", p.pack->id},
                    {"title", p.pack->title},
                    {"lang", p.pack->lang},
                    {"kind", code(p.pack->kind)},
                    {"draft_key", p.pack->draft_key},
                    {"items", items},
                    {"error", nullptr}});
  }
  json rows = json::array();
  for (const SessionEntry& e : sessions) rows.push_back(session_summary_json(e));
  return dump({{"packs", list}, {"sessions", rows}});
}

std::string debrief_json(const SessionEntry& session, const std::string& link) {
  const workshop::Debrief& d = session.debrief;
  json out = session_summary_json(session);
  out["link"] = session.room ? json(link) : json(nullptr);
  out["draft_key"] = d.session.draft_key;
  out["room_agreement"] = agreement_json(d.room);
  out["engine_agreement"] = d.engine ? agreement_json(*d.engine) : json(nullptr);
  json participants = json::array();
  for (const workshop::ParticipantScore& p : d.participants) {
    participants.push_back({{"name", p.name}, {"answered", p.answered}, {"agreement", agreement_json(p.agreement)}});
  }
  out["participants"] = participants;
  json items = json::array();
  for (const workshop::ItemSpread& item : d.items) {
    json notes = json::array();
    for (const workshop::AnswerNote& n : item.notes) {
      notes.push_back({{"participant", n.participant}, {"level", code(n.level)}, {"note", n.note}});
    }
    json spread = json::object();
    for (Level l : k_levels) spread[std::string(code(l))] = item.answers[static_cast<std::size_t>(l)];
    items.push_back({{"item_id", item.item_id},
                     {"title", item.title},
                     {"key", code(item.key)},
                     {"rationale", item.rationale},
                     {"engine", item.engine ? json(code(*item.engine)) : json(nullptr)},
                     {"answered", item.answered},
                     {"exact", item.exact},
                     {"mean_distance", item.mean_distance},
                     {"answers", spread},
                     {"notes", notes}});
  }
  out["items"] = items;
  json discussion = json::array();
  for (std::size_t i : d.discussion) discussion.push_back(d.items[i].item_id);
  out["discussion"] = discussion;
  return dump(out);
}

std::string room_json(const workshop::Pack& pack, const checklist::Checklist& checklist, const workshop::Room& room) {
  const report::Messages& m = report::messages(pack.lang);
  json items = json::array();
  for (const workshop::KeyAnswer& k : pack.key) {
    const checklist::Item* item = checklist::find_item(checklist, k.item_id);
    if (item == nullptr) continue;
    items.push_back({{"item_id", k.item_id},
                     {"title", checklist::title_in(*item, pack.lang)},
                     {"question", checklist::question_in(*item, pack.lang)}});
  }
  json levels = json::array();
  for (Level l : k_levels) levels.push_back({{"code", code(l)}, {"name", m.level(l)}});
  return dump({{"code", room.code},
               {"open", room.is_open()},
               {"csrf", room.csrf},
               {"pack",
                {{"id", pack.id},
                 {"title", pack.title},
                 {"lang", pack.lang},
                 {"instructions", pack.instructions},
                 {"source", pack.source},
                 {"excerpt", pack.excerpt}}},
               {"items", items},
               {"levels", levels},
               {"links", {{"html", "/r/" + room.code}, {"answers", "/api/workshop/rooms/" + room.code + "/answers"}}}});
}

std::string answers_json(const std::string& code, const std::string& participant,
                         const std::vector<workshop::Answer>& answers) {
  json list = json::array();
  for (const workshop::Answer& a : answers) {
    list.push_back({{"item_id", a.item_id}, {"level", unct::code(a.level)}, {"note", a.note}});
  }
  return dump({{"code", code}, {"participant", participant}, {"answers", list}});
}

}  // namespace unct::web
