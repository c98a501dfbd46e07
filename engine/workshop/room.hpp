#pragma once

// A workshop room: a session (session.hpp) that takes answers while it is open, one participant
// at a time, from the participants' own browsers, instead of from answer sheets read at the end.
// The participants find it by its short code; the trainer closes it when the room has answered.

#include <cstdint>
#include <string>

namespace unct::workshop {

struct Room {
  std::int64_t session_id = 0;
  std::string code;       // the short link's: /r/CODE
  std::string csrf;       // the token its answer form carries (not the trainer's)
  std::string pack_name;  // the pack's file name, as listed or uploaded
  std::string pack_xml;   // the pack file as it was when the room opened: the participants' page
                          // is rendered from it, whatever happens to the file later
  std::string opened_at;
  std::string closed_at;  // empty while open
  bool operator==(const Room&) const = default;

  bool is_open() const { return closed_at.empty(); }
};

}  // namespace unct::workshop
