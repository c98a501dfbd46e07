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

// A fresh room code: 8 characters of a 32-character alphabet without look-alikes (no 0 or O, no 1
// or I), 40 bits from the kernel's random source. Throws std::system_error when it gives none.
std::string random_room_code();

}  // namespace unct::web
