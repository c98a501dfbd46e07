#pragma once

// The workshop room of the web app: a trainer opens a session from an exercise pack, the
// participants (on the same network) open its short link /r/{code}, read the excerpt and send
// their ratings in a form, and the trainer's page shows the debrief as the answers arrive.
// Built on the workshop engine (pack, open_session, read_answers, debrief), the store's
// workshop sessions and rooms, and the debrief's HTML renderer; the routes are in docs/api.md.
//
// Who may use it: the participants' routes (the room's page and its answers, and their JSON)
// need no access token, so that a room link works for people who do not have the trainer's;
// they reach nothing but the room whose code they hold, and a POST carries that room's own CSRF
// token, never the server's. Every other workshop route is the trainer's and needs the token as
// the rest of the app does.

#include "engine/web/routing.hpp"

#include <cstddef>
#include <string>
#include <string_view>

namespace httplib {
class Server;
}  // namespace httplib

namespace unct::web {

// Registers the workshop routes on `http`. Requires: `services` outlives the server.
void add_workshop_routes(httplib::Server& http, const Services& services);

// Whether a request is one of a room's participant routes, which need no access token: GET or
// POST /r/{code}, GET /api/workshop/rooms/{code}, POST /api/workshop/rooms/{code}/answers.
bool is_participant_request(std::string_view method, std::string_view path);

// The largest body a participant's request may send (a name, and a level and a note of at most
// 1000 bytes per item of a pack, URL-encoded, with room to spare). A participant has no access
// token, so a larger one is refused before it is read, rather than read up to the upload limit.
constexpr std::size_t k_max_participant_body = 1024 * 1024;

// The most participants a room takes: one more is refused (409), as a room of people is far
// smaller, so that anyone holding the link cannot grow the room, its debrief and the database
// without end by sending under new names.
constexpr std::size_t k_max_room_participants = 200;

// Why a participant's request is refused before its body is read: empty when it may be read,
// else a message for 411 (a body of unknown length: chunked) or 413 (a Content-Length above
// k_max_participant_body). `content_length` and `transfer_encoding` are the request's headers.
std::string participant_body_refusal(std::string_view content_length, std::string_view transfer_encoding);

// A fresh room code: 8 characters of a 32-character alphabet without look-alikes (no 0 or O, no 1
// or I), 40 bits from the kernel's random source. Throws std::system_error when it gives none.
std::string random_room_code();

}  // namespace unct::web
