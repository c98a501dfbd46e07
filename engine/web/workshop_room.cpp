#include "engine/web/workshop_room.hpp"

#include "engine/core/ascii.hpp"
#include "engine/core/clock.hpp"
#include "engine/core/csv.hpp"
#include "engine/core/error.hpp"
#include "engine/core/file.hpp"
#include "engine/web/security.hpp"
#include "engine/web/workshop_pages.hpp"
#include "engine/workshop/pack.hpp"
#include "engine/workshop/session.hpp"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>

namespace unct::web {
namespace {

constexpr std::string_view k_code_alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
constexpr std::size_t k_code_length = 8;
constexpr int k_refresh_seconds = 10;
constexpr std::size_t k_max_pack_upload = 1024 * 1024;
constexpr std::size_t k_max_answer_fields = 400;  // a pack has a few items; two fields each

// The code as typed in a link (any case); empty when it cannot be a room's.
std::string room_code_of(std::string_view text) {
  if (text.empty() || text.size() > 16) return {};
  std::string code = ascii_upper(text);
  for (char c : code) {
    if (k_code_alphabet.find(c) == std::string_view::npos) return {};
  }
  return code;
}

bool is_code_path(std::string_view rest) {
  return !rest.empty() && rest.size() <= 16 &&
         std::all_of(rest.begin(), rest.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)); });
}

// A Host header fit to print in a link: a name or address and a port, nothing else.
bool is_plain_host(std::string_view host) {
  return !host.empty() && host.size() <= 255 && std::all_of(host.begin(), host.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == ':' || c == '[' || c == ']';
  });
}

bool names_this_machine_only(std::string_view host) {
  std::string_view name = host;
  if (name.starts_with('[')) return name.starts_with("[::1]");
  name = name.substr(0, name.find(':'));
  return is_loopback(name);
}

class Rooms {
public:
  explicit Rooms(const Services& s) : m_s(s) {}

  std::vector<PackEntry> packs() const {
    std::vector<PackEntry> out;
    std::error_code error;
    if (m_s.packs.empty() || !std::filesystem::is_directory(m_s.packs, error)) return out;
    for (const auto& entry : std::filesystem::directory_iterator(m_s.packs, error)) {
      if (entry.path().extension() != ".xml" || !entry.is_regular_file(error)) continue;
      PackEntry pack{.name = entry.path().filename().string()};
      try {
        pack.pack = workshop::load_pack(entry.path(), m_s.loaded->checklist);
      } catch (const InputError& e) {
        pack.error = e.what();
      }
      out.push_back(std::move(pack));
    }
    std::sort(out.begin(), out.end(), [](const PackEntry& a, const PackEntry& b) { return a.name < b.name; });
    return out;
  }

  std::vector<SessionEntry> sessions() const {
    auto db = m_s.stores->take();
    std::vector<workshop::Room> rooms = db->workshop().rooms();
    std::vector<SessionEntry> out;
    const std::vector<workshop::Session> stored = db->workshop().sessions();
    for (auto s = stored.rbegin(); s != stored.rend(); ++s) {
      SessionEntry entry{.debrief = workshop::debrief(*s)};
      for (const workshop::Room& r : rooms) {
        if (r.session_id == s->id) entry.room = r;
      }
      out.push_back(std::move(entry));
    }
    return out;
  }

  SessionEntry session(const std::string& id_text) const {
    const std::int64_t id = parse_number(id_text, "the session", "a workshop session id");
    auto db = m_s.stores->take();
    SessionEntry entry;
    try {
      entry.debrief = workshop::debrief(db->workshop().load(id));
    } catch (const InputError&) {
      throw HttpError(404, "no workshop session with id " + std::to_string(id));
    }
    entry.room = db->workshop().room_of(id);
    return entry;
  }

  workshop::Room room(const std::string& code_text) const {
    const std::string code = room_code_of(code_text);
    std::optional<workshop::Room> found;
    if (!code.empty()) found = m_s.stores->take()->workshop().room(code);
    if (!found) {
      throw HttpError(404, "no workshop room with the code \"" + code_text +
                               "\": check the link the trainer gave (8 letters and digits)");
    }
    return *found;
  }

  workshop::Pack pack_of(const workshop::Room& room) const {
    return workshop::load_pack_text(room.pack_xml, room.pack_name, m_s.loaded->checklist);
  }

  // Opens a room from the form: a pack of the folder, or a pack file uploaded; its session id.
  std::int64_t open(const httplib::Request& req, RoomForm& form) const {
    form = {.pack = trimmed(field(req, "pack")), .cohort = trimmed(field(req, "cohort"))};
    check_csrf(req, m_s.csrf);
    const std::string cohort = bounded("cohort", form.cohort, 100);
    std::string name;
    std::string xml;
    const auto upload = req.files.find("pack_file");
    if (upload != req.files.end() && !upload->second.content.empty()) {
      name = upload_name(upload->second.filename);
      if (upload->second.content.size() > k_max_pack_upload) {
        throw HttpError(413, name + " is larger than a pack can be (1 MB)");
      }
      xml = upload->second.content;
    } else if (!form.pack.empty()) {
      for (const PackEntry& p : packs()) {
        if (p.name == form.pack) name = p.name;  // only a file of the folder, never a path from the request
      }
      if (name.empty()) throw HttpError(400, "no pack \"" + form.pack + "\" in the packs folder");
      xml = read_file(m_s.packs / name, k_max_pack_upload);
    } else {
      throw HttpError(400, "choose a pack, or a pack file to upload");
    }
    const workshop::Pack pack = workshop::load_pack_text(xml, name, m_s.loaded->checklist);
    const workshop::Session session = workshop::open_session(
        pack, m_s.loaded->checklist, workshop::rate_excerpt(pack, m_s.loaded->checklist, m_s.loaded->compiled), cohort,
        now_utc());
    auto db = m_s.stores->take();
    const std::lock_guard lock(*m_s.writing);
    for (int attempt = 0;; ++attempt) {
      const workshop::Room room{.code = random_room_code(),
                                .csrf = random_token(),
                                .pack_name = name,
                                .pack_xml = xml,
                                .opened_at = session.created_at};
      if (db->workshop().room(room.code) && attempt < 8) continue;  // 40 bits: a second draw is enough
      return db->workshop().open_room(session, room);
    }
  }

  // A participant's answers from the room's form (or a program sending its fields or JSON), read
  // as an answer sheet is read (workshop::read_answers: the same checks and messages).
  std::vector<workshop::Answer> answers(const httplib::Request& req, const workshop::Room& room,
                                        const workshop::Pack& pack, ParticipantForm& typed) const {
    std::vector<std::tuple<std::string, std::string, std::string>> given;  // item, level, note
    const bool is_json = req.get_header_value("Content-Type").starts_with("application/json");
    if (is_json) {
      const nlohmann::json doc = nlohmann::json::parse(req.body, nullptr, false);
      const auto text = [](const nlohmann::json& o, const char* key) -> std::string {
        if (!o.is_object() || !o.contains(key) || o.at(key).is_null()) return {};
        if (!o.at(key).is_string()) throw HttpError(400, std::string("\"") + key + "\" is a string");
        return o.at(key).get<std::string>();
      };
      if (doc.is_discarded() || !doc.is_object() || !doc.contains("answers") || !doc.at("answers").is_array()) {
        throw HttpError(400,
                        "send {\"name\": \"...\", \"answers\": [{\"item\": \"RDM-CF-05\", \"level\": \"meets\", "
                        "\"note\": \"...\"}]}");
      }
      typed.name = text(doc, "name");
      if (doc.at("answers").size() > k_max_answer_fields) throw HttpError(400, "too many answers for one pack");
      for (const nlohmann::json& a : doc.at("answers")) {
        if (!a.is_object()) throw HttpError(400, "each answer is an object with item, level and note");
        const std::string item = trimmed(text(a, "item"));
        // Refused here rather than by read_answers, whose message names a line of a sheet.
        if (!item.empty() &&
            std::any_of(given.begin(), given.end(), [&](const auto& g) { return std::get<0>(g) == item; })) {
          throw HttpError(400, "item " + item + " is answered twice: send one answer per item");
        }
        given.emplace_back(item, text(a, "level"), text(a, "note"));
      }
    } else {
      typed.name = field(req, "name");
      if (req.params.size() > k_max_answer_fields) throw HttpError(400, "too many fields for one pack");
      for (const auto& [key, value] : req.params) {
        const std::size_t dot = key.find('.');
        if (dot == std::string::npos) continue;
        const std::string kind = key.substr(0, dot);
        const std::string item = trimmed(key.substr(dot + 1));
        if (item.empty() || (kind != "level" && kind != "note")) continue;
        auto row = std::find_if(given.begin(), given.end(), [&](const auto& g) { return std::get<0>(g) == item; });
        if (row == given.end()) row = given.insert(given.end(), {item, "", ""});
        (kind == "level" ? std::get<1>(*row) : std::get<2>(*row)) = value;
      }
    }
    for (auto& [item, level, note] : given) {
      item = bounded("item", item, 100);
      level = bounded("level." + item, level, 100);
      note = bounded("note." + item, note, 1000);
      typed.answers[item] = {level, note};
    }
    typed.name = bounded("name", typed.name, 100);
    if (typed.name.empty()) {
      throw HttpError(400,
                      "write your name before sending your answers: the trainer's debrief lists each "
                      "participant by name");
    }
    // In the pack's order, as a sheet lists them; items not in the pack last, to be refused.
    std::stable_sort(given.begin(), given.end(), [&](const auto& a, const auto& b) {
      const auto position = [&](const std::string& id) {
        const auto at = std::find_if(pack.key.begin(), pack.key.end(),
                                     [&](const workshop::KeyAnswer& k) { return k.item_id == id; });
        return at - pack.key.begin();
      };
      return position(std::get<0>(a)) < position(std::get<0>(b));
    });
    CsvTable sheet{.header = {"participant", "item", "level", "note"}};
    for (const auto& [item, level, note] : given) {
      sheet.rows.push_back({.line = 0, .fields = {typed.name, item, level, note}});
    }
    std::vector<workshop::Answer> out = workshop::read_answers(sheet, pack);
    if (out.empty()) throw HttpError(400, "choose a level for at least one item before sending");
    for (workshop::Answer& a : out) a.file = "room " + room.code;
    return out;
  }

  // The participant's answers read from the request and stored; 409 when the room is closed or full.
  std::vector<workshop::Answer> submit(const httplib::Request& req, const workshop::Room& room,
                                       const workshop::Pack& pack, ParticipantForm& typed) const {
    if (!room.is_open()) throw HttpError(409, closed_text(pack));
    std::vector<workshop::Answer> given = answers(req, room, pack, typed);
    store(room, pack, typed.name, given);
    return given;
  }

  // Stores them in place of the participant's earlier answers; 409 when the room is closed or
  // full.
  void store(const workshop::Room& room, const workshop::Pack& pack, const std::string& participant,
             const std::vector<workshop::Answer>& answers) const {
    auto db = m_s.stores->take();
    const std::lock_guard lock(*m_s.writing);
    switch (db->workshop().replace_answers(room.session_id, participant, answers, k_max_room_participants)) {
      case store::WorkshopStore::Taken::stored: return;
      case store::WorkshopStore::Taken::full: throw HttpError(409, full_text(pack, k_max_room_participants));
      case store::WorkshopStore::Taken::closed:
      case store::WorkshopStore::Taken::no_room: throw HttpError(409, closed_text(pack));
    }
  }

  // The participants' link as the trainer reached this server, and a hint when that address
  // reaches this machine only.
  std::pair<std::string, std::string> link(const httplib::Request& req, const std::string& code) const {
    std::string host = req.get_header_value("Host");
    if (!is_plain_host(host)) host = m_s.bind + ":" + std::to_string(*m_s.port);
    std::string link = "http://" + host + "/r/" + code;
    std::string hint;
    if (is_loopback(m_s.bind)) {
      hint = "This server listens on this machine only (--bind " + m_s.bind +
             "): start it with --bind 0.0.0.0 (or this machine's network address) for participants to reach the room.";
    } else if (names_this_machine_only(host)) {
      hint = "You opened this page at " + host +
             ", which reaches this machine only: give participants this machine's network address with the same "
             "port and /r/" +
             code + ".";
    }
    return {link, hint};
  }

  // Registers the routes; each holds its own copy of `rooms` (a few pointers and names).
  static void add(httplib::Server& http, const Rooms& rooms) {
    const Log log = rooms.m_s.log;
    // The trainer's pages.
    http.Get("/workshop", route(
                              [rooms](const httplib::Request&, httplib::Response& res) {
                                html(res, 200, workshop_page(rooms.packs(), rooms.sessions(), {}, {}, rooms.m_s.csrf));
                              },
                              log));
    http.Post("/workshop", route(
                               [rooms](const httplib::Request& req, httplib::Response& res) {
                                 RoomForm form;
                                 try {
                                   redirect(res, "/workshop/" + std::to_string(rooms.open(req, form)));
                                 } catch (const HttpError& e) {
                                   html(res, e.status(),
                                        workshop_page(rooms.packs(), rooms.sessions(), form, e.what(), rooms.m_s.csrf));
                                 } catch (const InputError& e) {
                                   html(res, 400,
                                        workshop_page(rooms.packs(), rooms.sessions(), form, e.what(), rooms.m_s.csrf));
                                 }
                               },
                               log));
    http.Get(R"(/workshop/(\d+))", route(
                                       [rooms](const httplib::Request& req, httplib::Response& res) {
                                         const SessionEntry s = rooms.session(req.matches[1]);
                                         const auto [link, hint] = rooms.link(req, s.room ? s.room->code : "");
                                         html(res, 200, trainer_page(s, link, hint, rooms.m_s.csrf, k_refresh_seconds));
                                       },
                                       log));
    http.Post(R"(/workshop/(\d+)/close)", route(
                                              [rooms](const httplib::Request& req, httplib::Response& res) {
                                                const SessionEntry s = rooms.close(req, req.matches[1]);
                                                redirect(res, "/workshop/" + std::to_string(s.debrief.session.id));
                                              },
                                              log));
    // The participants' pages.
    http.Get(R"(/r/([^/]+))",
             route(
                 [rooms](const httplib::Request& req, httplib::Response& res) {
                   const workshop::Room r = rooms.room(req.matches[1]);
                   html(res, 200, participant_page(rooms.pack_of(r), rooms.m_s.loaded->checklist, r, {}, {}, {}));
                 },
                 log));
    http.Post(R"(/r/([^/]+))",
              route(
                  [rooms](const httplib::Request& req, httplib::Response& res) {
                    const workshop::Room r = rooms.room(req.matches[1]);
                    check_csrf(req, r.csrf);
                    const workshop::Pack pack = rooms.pack_of(r);
                    ParticipantForm typed;
                    try {
                      const std::vector<workshop::Answer> given = rooms.submit(req, r, pack, typed);
                      html(res, 200,
                           participant_page(pack, rooms.m_s.loaded->checklist, r, typed, {},
                                            thanks_text(pack, typed.name, given.size())));
                    } catch (const HttpError& e) {
                      html(res, e.status(),
                           participant_page(pack, rooms.m_s.loaded->checklist, r, typed, e.what(), {}));
                    } catch (const InputError& e) {
                      html(res, 400, participant_page(pack, rooms.m_s.loaded->checklist, r, typed, e.what(), {}));
                    }
                  },
                  log));

    // The same as JSON.
    http.Get("/api/workshop",
             route([rooms](const httplib::Request&,
                           httplib::Response& res) { json(res, 200, workshop_json(rooms.packs(), rooms.sessions())); },
                   log));
    http.Post("/api/workshop", route(
                                   [rooms](const httplib::Request& req, httplib::Response& res) {
                                     RoomForm form;
                                     const std::string id = std::to_string(rooms.open(req, form));
                                     const SessionEntry s = rooms.session(id);
                                     json(res, 201, debrief_json(s, rooms.link(req, s.room->code).first));
                                     res.set_header("Location", "/api/workshop/sessions/" + id);
                                   },
                                   log));
    http.Get(R"(/api/workshop/sessions/(\d+))",
             route(
                 [rooms](const httplib::Request& req, httplib::Response& res) {
                   const SessionEntry s = rooms.session(req.matches[1]);
                   json(res, 200, debrief_json(s, rooms.link(req, s.room ? s.room->code : "").first));
                 },
                 log));
    http.Post(R"(/api/workshop/sessions/(\d+)/close)",
              route(
                  [rooms](const httplib::Request& req, httplib::Response& res) {
                    const SessionEntry s = rooms.close(req, req.matches[1]);
                    json(res, 200, debrief_json(s, rooms.link(req, s.room->code).first));
                  },
                  log));
    http.Get(R"(/api/workshop/rooms/([^/]+))", route(
                                                   [rooms](const httplib::Request& req, httplib::Response& res) {
                                                     const workshop::Room r = rooms.room(req.matches[1]);
                                                     json(res, 200,
                                                          room_json(rooms.pack_of(r), rooms.m_s.loaded->checklist, r));
                                                   },
                                                   log));
    http.Post(R"(/api/workshop/rooms/([^/]+)/answers)",
              route(
                  [rooms](const httplib::Request& req, httplib::Response& res) {
                    const workshop::Room r = rooms.room(req.matches[1]);
                    check_csrf(req, r.csrf);
                    const workshop::Pack pack = rooms.pack_of(r);
                    ParticipantForm typed;
                    const std::vector<workshop::Answer> given = rooms.submit(req, r, pack, typed);
                    json(res, 200, answers_json(r.code, typed.name, given));
                  },
                  log));
  }

  // Closes the session's room (the trainer's form); the session after it.
  SessionEntry close(const httplib::Request& req, const std::string& id_text) const {
    check_csrf(req, m_s.csrf);
    SessionEntry s = session(id_text);
    if (!s.room) {
      throw HttpError(409, "workshop session " + id_text + " has no room to close: it was scored from answer sheets");
    }
    {
      auto db = m_s.stores->take();
      const std::lock_guard lock(*m_s.writing);
      db->workshop().close_room(s.debrief.session.id, now_utc());
    }
    return session(id_text);
  }

private:
  Services m_s;
};

}  // namespace

std::string random_room_code() {
  std::array<unsigned char, k_code_length> bytes{};
  fill_random(bytes);
  std::string code;
  for (unsigned char b : bytes) code += k_code_alphabet[b % k_code_alphabet.size()];  // 256 = 8 * 32: uniform
  return code;
}

bool is_participant_request(std::string_view method, std::string_view path) {
  const bool get = method == "GET" || method == "HEAD";
  const bool post = method == "POST";
  if (path.starts_with("/r/")) return (get || post) && is_code_path(path.substr(3));
  if (path.starts_with("/api/workshop/rooms/")) {
    std::string_view rest = path.substr(20);
    if (get && is_code_path(rest)) return true;
    return post && rest.ends_with("/answers") && is_code_path(rest.substr(0, rest.size() - 8));
  }
  return false;
}

std::string participant_body_refusal(std::string_view content_length, std::string_view transfer_encoding) {
  const std::string too_large =
      "a participant's answers are at most " + std::to_string(k_max_participant_body / 1024) + " KB";
  if (!transfer_encoding.empty()) return "send the answers with a Content-Length (" + too_large + ")";
  if (content_length.empty()) return {};
  std::uint64_t length = 0;
  const auto [end, error] =
      std::from_chars(content_length.data(), content_length.data() + content_length.size(), length);
  if (error != std::errc() || end != content_length.data() + content_length.size() || length > k_max_participant_body) {
    return too_large;
  }
  return {};
}

void add_workshop_routes(httplib::Server& http, const Services& services) { Rooms::add(http, Rooms(services)); }

}  // namespace unct::web
