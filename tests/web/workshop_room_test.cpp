// The workshop room over HTTP: a trainer opens a room from a pack, participants answer through
// its short link, the trainer's page shows the debrief; every refusal and who may reach what.

#include "engine/web/workshop_room.hpp"

#include "tests/support/support.hpp"
#include "tests/web/test_server.hpp"

#include <arpa/inet.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>
#include <nlohmann/json.hpp>

#include <regex>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace unct::web {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

ServerOptions with_packs(ServerOptions options = {}) {
  options.packs = test::source_file("samples/workshop");
  return options;
}

struct OpenedRoom {
  std::string id;
  std::string code;
  std::string csrf;  // the room's
};

// Opens a room of the Tessaly CF pack (RDM-CF-02, RDM-CF-05, RDM-CF-06) from the trainer's form.
OpenedRoom open_room(const TestServer& s, const httplib::Headers& trainer = {}) {
  auto session = s.client().Get("/api/session", trainer);
  const std::string csrf = nlohmann::json::parse(session->body).at("csrf").get<std::string>();
  auto res = s.client().Post(
      "/workshop", trainer,
      httplib::Params{{"csrf", csrf}, {"pack", "tessaly-cf-results.xml"}, {"cohort", "Nairobi, May 2026"}});
  EXPECT_EQ(res->status, 303) << res->body;
  const std::string location = res->get_header_value("Location");
  EXPECT_THAT(location, ::testing::StartsWith("/workshop/"));
  OpenedRoom room{.id = location.substr(10)};
  auto debrief = s.client().Get("/api/workshop/sessions/" + room.id, trainer);
  room.code = nlohmann::json::parse(debrief->body).at("room").at("code").get<std::string>();
  auto page = s.client().Get("/api/workshop/rooms/" + room.code);
  room.csrf = nlohmann::json::parse(page->body).at("csrf").get<std::string>();
  return room;
}

httplib::Params answer(const OpenedRoom& room, const std::string& name, const std::string& cf02,
                       const std::string& cf05, const std::string& cf06) {
  return {{"csrf", room.csrf},       {"name", name},
          {"level.RDM-CF-02", cf02}, {"level.RDM-CF-05", cf05},
          {"level.RDM-CF-06", cf06}, {"note.RDM-CF-05", name + "'s reason"}};
}

nlohmann::json debrief(const TestServer& s, const OpenedRoom& room, const httplib::Headers& trainer = {}) {
  return nlohmann::json::parse(s.client().Get("/api/workshop/sessions/" + room.id, trainer)->body);
}

std::string error_of(const httplib::Result& res) {
  return nlohmann::json::parse(res->body).at("error").at("message").get<std::string>();
}

TEST(WorkshopRoom, TheTrainerOpensARoomFromAPackAndSeesItsShortLink) {
  TestServer s(with_packs());
  auto list = s.client().Get("/workshop");
  ASSERT_EQ(list->status, 200);
  EXPECT_THAT(list->body, HasSubstr("value=\"tessaly-cf-results.xml\""));
  EXPECT_THAT(list->body, HasSubstr("name=\"pack_file\""));
  const OpenedRoom room = open_room(s);
  EXPECT_THAT(room.code, ::testing::MatchesRegex("[A-HJ-NP-Z2-9]{8}"));
  EXPECT_NE(room.csrf, s.csrf());

  auto trainer = s.client().Get("/workshop/" + room.id);
  ASSERT_EQ(trainer->status, 200);
  // The link as the trainer reached the server, the debrief below it, a reload while it is open.
  EXPECT_THAT(trainer->body, HasSubstr("http://127.0.0.1:" + std::to_string(s.port()) + "/r/" + room.code));
  EXPECT_THAT(trainer->body, HasSubstr("<meta http-equiv=\"refresh\" content=\"10\">"));
  EXPECT_THAT(trainer->body, HasSubstr("Nairobi, May 2026"));
  EXPECT_THAT(trainer->body, HasSubstr("No answers yet"));
  EXPECT_THAT(trainer->body, HasSubstr("action=\"/workshop/" + room.id + "/close\""));
  // A server on loopback tells the trainer participants cannot reach it.
  EXPECT_THAT(trainer->body, HasSubstr("start it with --bind 0.0.0.0"));
  auto listed = nlohmann::json::parse(s.client().Get("/api/workshop")->body);
  ASSERT_EQ(listed.at("sessions").size(), 1u);
  EXPECT_EQ(listed.at("sessions")[0].at("room").at("code"), room.code);
  EXPECT_EQ(listed.at("sessions")[0].at("room").at("open"), true);
}

TEST(WorkshopRoom, ParticipantsReadTheExcerptAndTheirAnswersReachTheDebrief) {
  TestServer s(with_packs());
  const OpenedRoom room = open_room(s);
  auto page = s.client().Get("/r/" + room.code);
  ASSERT_EQ(page->status, 200);
  EXPECT_THAT(page->body, HasSubstr("Kingdom of Tessaly"));           // the excerpt
  EXPECT_THAT(page->body, HasSubstr("<h3>1. Country context</h3>"));  // its headings one level down
  EXPECT_THAT(page->body, HasSubstr("name=\"level.RDM-CF-05\""));
  EXPECT_THAT(page->body, HasSubstr("name=\"csrf\" value=\"" + room.csrf + "\""));
  EXPECT_THAT(page->body, Not(HasSubstr(s.csrf())));               // never the server's CSRF token
  EXPECT_THAT(page->body, Not(HasSubstr("<nav class=\"app\">")));  // nor the app's pages
  // Never the key's rationale.
  EXPECT_THAT(page->body, Not(HasSubstr("rationale")));
  // A code is read in any case.
  std::string lower = room.code;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  EXPECT_EQ(s.client().Get("/r/" + lower)->status, 200);

  auto ana = s.client().Post("/r/" + room.code, answer(room, "Ana", "approaches", "missing", "approaches"));
  ASSERT_EQ(ana->status, 200) << ana->body;
  EXPECT_THAT(ana->body, HasSubstr("Thank you, Ana: your answers are in (3 answers)."));
  auto ben = s.client().Post("/r/" + room.code, answer(room, "Ben", "meets", "meets", "approaches"));
  ASSERT_EQ(ben->status, 200) << ben->body;

  const auto d = debrief(s, room);
  ASSERT_EQ(d.at("participants").size(), 2u);
  EXPECT_EQ(d.at("participants")[0].at("name"), "Ana");
  EXPECT_EQ(d.at("participants")[0].at("agreement").at("exact"), 3);  // Ana matched the key on every item
  EXPECT_EQ(d.at("participants")[1].at("agreement").at("exact"), 1);
  EXPECT_EQ(d.at("room_agreement").at("count"), 6);
  EXPECT_EQ(d.at("room_agreement").at("exact"), 4);
  EXPECT_EQ(d.at("discussion")[0], "RDM-CF-05");  // Ben rated it two levels above the key
  auto trainer = s.client().Get("/workshop/" + room.id);
  EXPECT_THAT(trainer->body, HasSubstr("2 participants, 6 answers"));
  EXPECT_THAT(trainer->body, HasSubstr("Ben&#39;s reason"));
}

TEST(WorkshopRoom, AParticipantSendingAgainReplacesTheirAnswersAndKeepsTheirPlace) {
  TestServer s(with_packs());
  const OpenedRoom room = open_room(s);
  ASSERT_EQ(s.client().Post("/r/" + room.code, answer(room, "Ana", "meets", "meets", "meets"))->status, 200);
  ASSERT_EQ(s.client().Post("/r/" + room.code, answer(room, "Ben", "meets", "meets", "meets"))->status, 200);
  auto again = s.client().Post("/r/" + room.code,
                               httplib::Params{{"csrf", room.csrf}, {"name", "Ana"}, {"level.RDM-CF-05", "missing"}});
  ASSERT_EQ(again->status, 200) << again->body;
  EXPECT_THAT(again->body, HasSubstr("Thank you, Ana: your answers are in (1 answer)."));
  const auto d = debrief(s, room);
  ASSERT_EQ(d.at("participants").size(), 2u);
  EXPECT_EQ(d.at("participants")[0].at("name"), "Ana");
  EXPECT_EQ(d.at("participants")[0].at("answered"), 1);
  EXPECT_EQ(d.at("room_agreement").at("count"), 4);
  // The same through the JSON route, in French level names as a sheet may give them.
  auto json_again =
      s.client().Post("/api/workshop/rooms/" + room.code + "/answers", httplib::Headers{{"X-CSRF-Token", room.csrf}},
                      R"({"name": "Ana", "answers": [{"item": "RDM-CF-02", "level": "Répond"}]})", "application/json");
  ASSERT_EQ(json_again->status, 200) << json_again->body;
  EXPECT_EQ(nlohmann::json::parse(json_again->body).at("answers")[0].at("level"), "meets");
  EXPECT_EQ(debrief(s, room).at("room_agreement").at("count"), 4);
}

TEST(WorkshopRoom, AnUnknownRoomOrSessionIsNotFound) {
  TestServer s(with_packs());
  open_room(s);
  auto page = s.client().Get("/r/ZZZZ2222");
  EXPECT_EQ(page->status, 404);
  EXPECT_THAT(page->body, HasSubstr("no workshop room with the code &quot;ZZZZ2222&quot;"));
  EXPECT_EQ(s.client().Post("/r/ZZZZ2222", httplib::Params{{"name", "Ana"}})->status, 404);
  auto api = s.client().Get("/api/workshop/rooms/O0O0O0O0");  // look-alikes are never in a code
  EXPECT_EQ(api->status, 404);
  EXPECT_THAT(error_of(api), HasSubstr("check the link the trainer gave"));
  auto session = s.client().Get("/api/workshop/sessions/99");
  EXPECT_EQ(session->status, 404);
  EXPECT_THAT(error_of(session), HasSubstr("no workshop session with id 99"));
  EXPECT_EQ(s.client().Get("/workshop/99")->status, 404);
}

TEST(WorkshopRoom, AClosedRoomTakesNoMoreAnswers) {
  TestServer s(with_packs());
  const OpenedRoom room = open_room(s);
  ASSERT_EQ(s.client().Post("/r/" + room.code, answer(room, "Ana", "meets", "meets", "meets"))->status, 200);
  // Closing is the trainer's, with the server's CSRF token: the room's is refused.
  auto forged = s.client().Post("/workshop/" + room.id + "/close", httplib::Params{{"csrf", room.csrf}});
  EXPECT_EQ(forged->status, 403);
  EXPECT_EQ(debrief(s, room).at("room").at("open"), true);
  auto closed = s.client().Post("/workshop/" + room.id + "/close", httplib::Params{{"csrf", s.csrf()}});
  ASSERT_EQ(closed->status, 303);
  EXPECT_EQ(debrief(s, room).at("room").at("open"), false);

  auto late = s.client().Post("/r/" + room.code, answer(room, "Ben", "meets", "meets", "meets"));
  EXPECT_EQ(late->status, 409);
  EXPECT_THAT(late->body, HasSubstr("This room is closed: the trainer is no longer taking answers."));
  EXPECT_THAT(late->body, Not(HasSubstr("name=\"name\"")));  // no form to fill in
  auto late_api =
      s.client().Post("/api/workshop/rooms/" + room.code + "/answers", httplib::Headers{{"X-CSRF-Token", room.csrf}},
                      R"({"name": "Ben", "answers": [{"item": "RDM-CF-02", "level": "meets"}]})", "application/json");
  EXPECT_EQ(late_api->status, 409);
  EXPECT_THAT(error_of(late_api), HasSubstr("room is closed"));
  EXPECT_EQ(debrief(s, room).at("participants").size(), 1u);
  // The trainer's page no longer reloads nor offers to close.
  auto trainer = s.client().Get("/workshop/" + room.id);
  EXPECT_THAT(trainer->body, Not(HasSubstr("http-equiv=\"refresh\"")));
  EXPECT_THAT(trainer->body, HasSubstr("no more answers are taken"));
}

TEST(WorkshopRoom, AnswersWithoutTheRoomsCsrfTokenAreRefusedAndNothingIsStored) {
  TestServer s(with_packs());
  const OpenedRoom room = open_room(s);
  httplib::Params none = answer(room, "Ana", "meets", "meets", "meets");
  none.erase("csrf");
  auto missing = s.client().Post("/r/" + room.code, none);
  EXPECT_EQ(missing->status, 403);
  EXPECT_THAT(missing->body, HasSubstr("carries no CSRF token"));
  httplib::Params server_token = none;
  server_token.emplace("csrf", s.csrf());  // the server's token is not the room's
  EXPECT_EQ(s.client().Post("/r/" + room.code, server_token)->status, 403);
  auto api =
      s.client().Post("/api/workshop/rooms/" + room.code + "/answers",
                      R"({"name": "Ana", "answers": [{"item": "RDM-CF-02", "level": "meets"}]})", "application/json");
  EXPECT_EQ(api->status, 403);
  EXPECT_EQ(debrief(s, room).at("participants").size(), 0u);
  // Opening a room needs the server's token too.
  auto open = s.client().Post("/workshop", httplib::Params{{"pack", "tessaly-cf-results.xml"}});
  EXPECT_EQ(open->status, 403);
  EXPECT_EQ(nlohmann::json::parse(s.client().Get("/api/workshop")->body).at("sessions").size(), 1u);
}

TEST(WorkshopRoom, ABlankNameIsRefusedAndTheFormKeptAsTyped) {
  TestServer s(with_packs());
  const OpenedRoom room = open_room(s);
  auto res = s.client().Post("/r/" + room.code, httplib::Params{{"csrf", room.csrf},
                                                                {"name", "   "},
                                                                {"level.RDM-CF-05", "approaches"},
                                                                {"note.RDM-CF-05", "groups <named> but not reached"}});
  EXPECT_EQ(res->status, 400);
  EXPECT_THAT(res->body, HasSubstr("write your name before sending your answers"));
  EXPECT_THAT(res->body, HasSubstr("<option value=\"approaches\" selected>"));
  EXPECT_THAT(res->body, HasSubstr("groups &lt;named&gt; but not reached</textarea>"));
  EXPECT_EQ(debrief(s, room).at("participants").size(), 0u);
}

TEST(WorkshopRoom, AnUnknownItemOrLevelIsRefusedNamingIt) {
  TestServer s(with_packs());
  const OpenedRoom room = open_room(s);
  auto item = s.client().Post("/r/" + room.code,
                              httplib::Params{{"csrf", room.csrf}, {"name", "Ana"}, {"level.RDM-CCA-01", "meets"}});
  EXPECT_EQ(item->status, 400);
  EXPECT_THAT(item->body, HasSubstr("Ana: item RDM-CCA-01 is not in the exercise tessaly-cf-results"));
  auto level = s.client().Post("/r/" + room.code,
                               httplib::Params{{"csrf", room.csrf}, {"name", "Ana"}, {"level.RDM-CF-05", "brilliant"}});
  EXPECT_EQ(level->status, 400);
  EXPECT_THAT(level->body, HasSubstr("Ana: item RDM-CF-05: unknown level &quot;brilliant&quot;"));
  auto nothing = s.client().Post("/r/" + room.code, httplib::Params{{"csrf", room.csrf}, {"name", "Ana"}});
  EXPECT_EQ(nothing->status, 400);
  EXPECT_THAT(nothing->body, HasSubstr("choose a level for at least one item"));
  auto json = s.client().Post("/api/workshop/rooms/" + room.code + "/answers",
                              httplib::Headers{{"X-CSRF-Token", room.csrf}}, R"({"name": "Ana"})", "application/json");
  EXPECT_EQ(json->status, 400);
  EXPECT_THAT(error_of(json), HasSubstr("\"answers\""));
  auto twice = s.client().Post(
      "/api/workshop/rooms/" + room.code + "/answers", httplib::Headers{{"X-CSRF-Token", room.csrf}},
      R"({"name": "Ana", "answers": [{"item": "RDM-CF-02", "level": "meets"}, {"item": " RDM-CF-02", "level": "missing"}]})",
      "application/json");
  EXPECT_EQ(twice->status, 400);
  EXPECT_EQ(error_of(twice), "item RDM-CF-02 is answered twice: send one answer per item");
  EXPECT_EQ(debrief(s, room).at("participants").size(), 0u);
}

TEST(WorkshopRoom, APackIsOneOfTheFolderOrAValidUpload) {
  TestServer s(with_packs());
  const std::string csrf = s.csrf();
  auto outside = s.client().Post("/workshop", httplib::Params{{"csrf", csrf}, {"pack", "../../CMakeLists.txt"}});
  EXPECT_EQ(outside->status, 400);
  EXPECT_THAT(outside->body, HasSubstr("no pack &quot;../../CMakeLists.txt&quot; in the packs folder"));
  auto none = s.client().Post("/workshop", httplib::Params{{"csrf", csrf}, {"cohort", "May"}});
  EXPECT_EQ(none->status, 400);
  EXPECT_THAT(none->body, HasSubstr("choose a pack, or a pack file to upload"));
  EXPECT_THAT(none->body, HasSubstr("value=\"May\""));  // the form again, as typed
  auto broken = s.client().Post(
      "/workshop", httplib::MultipartFormDataItems{{"csrf", csrf, "", ""},
                                                   {"pack_file", "<pack format=\"1\">", "mine.xml", "text/xml"}});
  EXPECT_EQ(broken->status, 400);
  EXPECT_THAT(broken->body, HasSubstr("mine.xml:1"));
  auto uploaded = s.client().Post(
      "/workshop", httplib::MultipartFormDataItems{
                       {"csrf", csrf, "", ""},
                       {"pack_file", test::read_bytes(test::source_file("samples/workshop/norvania-cca-data.xml")),
                        "norvania-cca-data.xml", "text/xml"}});
  ASSERT_EQ(uploaded->status, 303) << uploaded->body;
  const auto listed = nlohmann::json::parse(s.client().Get("/api/workshop")->body);
  ASSERT_EQ(listed.at("sessions").size(), 1u);
  EXPECT_EQ(listed.at("sessions")[0].at("pack_id"), "norvania-cca-data");
}

TEST(WorkshopRoom, WithATokenParticipantsReachOnlyTheRoom) {
  const std::string token = "a-token-of-20-chars";
  TestServer s(with_packs(ServerOptions{.token = token}));
  const httplib::Headers trainer{{"Authorization", "Bearer " + token}};
  const OpenedRoom room = open_room(s, trainer);
  // The trainer's pages need the token.
  const std::vector<std::string> trainer_paths{"/workshop",
                                               "/workshop/" + room.id,
                                               "/api/workshop",
                                               "/api/workshop/sessions/" + room.id,
                                               "/r/" + room.code + "/x",
                                               "/"};
  for (const std::string& path : trainer_paths) {
    EXPECT_EQ(s.client().Get(path)->status, 401) << path;
  }
  EXPECT_EQ(s.client().Post("/workshop/" + room.id + "/close", httplib::Params{{"csrf", room.csrf}})->status, 401);
  // The room's own pages do not.
  EXPECT_EQ(s.client().Get("/r/" + room.code)->status, 200);
  EXPECT_EQ(s.client().Get("/api/workshop/rooms/" + room.code)->status, 200);
  EXPECT_EQ(s.client().Post("/r/" + room.code, answer(room, "Ana", "meets", "meets", "meets"))->status, 200);
  EXPECT_EQ(debrief(s, room, trainer).at("participants").size(), 1u);
  EXPECT_EQ(s.client().Get("/r/ZZZZ2222")->status, 404);
}

// The status line the server answers a request's head with, sent without its body: empty when
// it waits for the body (it reads it) rather than answering within a few seconds.
std::string answer_to_head(int port, const std::string& head) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    ::close(fd);
    return "no connection";
  }
  const timeval wait{.tv_sec = 5, .tv_usec = 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &wait, sizeof wait);
  (void)!::send(fd, head.data(), head.size(), MSG_NOSIGNAL);
  std::string got;
  char buffer[512];
  while (got.find("\r\n") == std::string::npos) {
    const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
    if (n <= 0) break;
    got.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(fd);
  return got.substr(0, got.find("\r\n"));
}

TEST(WorkshopRoom, WithoutTheTokenALargeBodyIsRefusedBeforeItIsRead) {
  const std::string token = "a-token-of-20-chars";
  // Uploads of 32 MB for the trainer: a participant's body is refused far below that.
  TestServer s(with_packs(ServerOptions{.token = token, .read = {.max_bytes = 32 * 1024 * 1024}}));
  const OpenedRoom room = open_room(s, httplib::Headers{{"Authorization", "Bearer " + token}});
  const std::string head =
      "Host: 127.0.0.1:" + std::to_string(s.port()) + "\r\nContent-Type: application/x-www-form-urlencoded\r\n";
  EXPECT_EQ(
      answer_to_head(s.port(), "POST /r/" + room.code + " HTTP/1.1\r\n" + head + "Content-Length: 20000000\r\n\r\n"),
      "HTTP/1.1 413 Payload Too Large");
  EXPECT_EQ(answer_to_head(s.port(), "POST /api/workshop/rooms/" + room.code + "/answers HTTP/1.1\r\n" + head +
                                         "Transfer-Encoding: chunked\r\n\r\n"),
            "HTTP/1.1 411 Length Required");
  // The icon a browser asks for is the only other path open without the token, and only to GET.
  EXPECT_EQ(answer_to_head(s.port(), "POST /favicon.ico HTTP/1.1\r\n" + head + "Content-Length: 20000000\r\n\r\n"),
            "HTTP/1.1 401 Unauthorized");
  // The message says why.
  auto large =
      s.client().Post("/api/workshop/rooms/" + room.code + "/answers", httplib::Headers{{"X-CSRF-Token", room.csrf}},
                      std::string(2 * 1024 * 1024, ' '), "application/json");
  if (large) {  // the server may close the connection before the client has sent it all
    EXPECT_EQ(large->status, 413);
    EXPECT_THAT(error_of(large), HasSubstr("a participant's answers are at most 1024 KB"));
  }
  // Answers of a normal size are taken.
  EXPECT_EQ(s.client().Post("/r/" + room.code, answer(room, "Ana", "meets", "meets", "meets"))->status, 200);
}

TEST(WorkshopRoomAccess, AParticipantsBodyIsBoundedBeforeItIsRead) {
  EXPECT_EQ(participant_body_refusal("", ""), "");
  EXPECT_EQ(participant_body_refusal("1048576", ""), "");
  EXPECT_THAT(participant_body_refusal("1048577", ""), HasSubstr("at most 1024 KB"));
  EXPECT_THAT(participant_body_refusal("99999999999999999999999", ""), HasSubstr("at most 1024 KB"));
  EXPECT_THAT(participant_body_refusal("12x", ""), HasSubstr("at most 1024 KB"));
  EXPECT_THAT(participant_body_refusal("", "chunked"), HasSubstr("Content-Length"));
}

TEST(WorkshopRoom, ARoomTakesABoundedNumberOfParticipants) {
  TestServer s(with_packs());
  const OpenedRoom room = open_room(s);
  httplib::Client client = s.client();
  for (std::size_t i = 0; i < k_max_room_participants; ++i) {
    const httplib::Params one{{"csrf", room.csrf}, {"name", "p" + std::to_string(i)}, {"level.RDM-CF-02", "meets"}};
    ASSERT_EQ(client.Post("/r/" + room.code, one)->status, 200) << i;
  }
  auto extra = client.Post("/r/" + room.code, answer(room, "one more", "meets", "meets", "meets"));
  EXPECT_EQ(extra->status, 409);
  EXPECT_THAT(extra->body, HasSubstr("This room has its 200 participants already"));
  auto extra_api = client.Post(
      "/api/workshop/rooms/" + room.code + "/answers", httplib::Headers{{"X-CSRF-Token", room.csrf}},
      R"({"name": "and another", "answers": [{"item": "RDM-CF-02", "level": "meets"}]})", "application/json");
  EXPECT_EQ(extra_api->status, 409);
  // Those in the room still change their answers.
  EXPECT_EQ(client.Post("/r/" + room.code, answer(room, "p7", "missing", "meets", "meets"))->status, 200);
  const auto d = debrief(s, room);
  EXPECT_EQ(d.at("participants").size(), k_max_room_participants);
  EXPECT_EQ(d.at("room_agreement").at("count"), k_max_room_participants + 2);
}

TEST(WorkshopRoom, ParticipantsAnsweringAtOnceAreAllKept) {
  TestServer s(with_packs());
  const OpenedRoom room = open_room(s);
  constexpr int k_participants = 12;
  std::vector<std::thread> threads;
  std::vector<int> statuses(k_participants, 0);
  for (int i = 0; i < k_participants; ++i) {
    threads.emplace_back([&, i] {
      auto res = s.client().Post("/r/" + room.code,
                                 answer(room, "participant " + std::to_string(i), "meets", "missing", "approaches"));
      statuses[static_cast<std::size_t>(i)] = res ? res->status : -1;
    });
  }
  for (std::thread& t : threads) t.join();
  for (int status : statuses) EXPECT_EQ(status, 200);
  const auto d = debrief(s, room);
  EXPECT_EQ(d.at("participants").size(), static_cast<std::size_t>(k_participants));
  EXPECT_EQ(d.at("room_agreement").at("count"), 3 * k_participants);
  std::set<std::string> names;
  for (const auto& p : d.at("participants")) names.insert(p.at("name").get<std::string>());
  EXPECT_EQ(names.size(), static_cast<std::size_t>(k_participants));
}

TEST(WorkshopRoomAccess, OnlyTheRoomsOwnRoutesAreOpenToParticipants) {
  EXPECT_TRUE(is_participant_request("GET", "/r/ABCD2345"));
  EXPECT_TRUE(is_participant_request("POST", "/r/ABCD2345"));
  EXPECT_TRUE(is_participant_request("GET", "/api/workshop/rooms/ABCD2345"));
  EXPECT_TRUE(is_participant_request("POST", "/api/workshop/rooms/ABCD2345/answers"));
  EXPECT_FALSE(is_participant_request("POST", "/api/workshop/rooms/ABCD2345"));
  EXPECT_FALSE(is_participant_request("GET", "/r/"));
  EXPECT_FALSE(is_participant_request("GET", "/r/ABCD2345/../../workshop"));
  EXPECT_FALSE(is_participant_request("DELETE", "/r/ABCD2345"));
  EXPECT_FALSE(is_participant_request("GET", "/workshop/1"));
  EXPECT_FALSE(is_participant_request("GET", "/api/workshop/sessions/1"));
  EXPECT_FALSE(is_participant_request("GET", "/api/workshop"));
}

TEST(WorkshopRoomAccess, ACodeIsEightCharactersWithoutLookAlikes) {
  std::set<std::string> codes;
  for (int i = 0; i < 200; ++i) {
    const std::string code = random_room_code();
    EXPECT_THAT(code, ::testing::MatchesRegex("[A-HJ-NP-Z2-9]{8}")) << code;
    codes.insert(code);
  }
  EXPECT_EQ(codes.size(), 200u);
}

}  // namespace
}  // namespace unct::web
