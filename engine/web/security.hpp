#pragma once

// What keeps the web app to the person who started it: the access token a non-local address
// needs, the CSRF token every state-changing form carries, which Host headers a local server
// answers, and how an uploaded file's name is kept as a label only. No HTTP library here: these
// are plain functions, tested on their own.

#include <span>
#include <string>
#include <string_view>

namespace unct::web {

// Fills `bytes` from the kernel's random source. Throws std::system_error when it gives none.
void fill_random(std::span<unsigned char> bytes);

// A fresh random token: 32 bytes from the kernel's random source, as 64 hex digits. Throws
// std::system_error when the kernel gives none.
std::string random_token();

// Whether a token given by the user can serve as the access token: at least 16 characters, each a
// letter, digit or one of - _ . ~ (it travels in a URL, a header and a cookie unescaped).
bool is_valid_token(std::string_view token);

// Whether two secrets are equal, in time that depends only on their lengths (a wrong token
// guessed a character at a time learns nothing from the answer's speed).
bool same_secret(std::string_view a, std::string_view b);

// Whether the address only accepts connections from this machine: 127.0.0.0/8, ::1, localhost.
bool is_loopback(std::string_view address);

// Whether a local server (bound to a loopback address) answers a request with this Host header:
// localhost, 127.0.0.1, [::1] or the bound address, at the bound port. Another name is a page of
// some web site that had its name point at 127.0.0.1 (DNS rebinding) to read this server's pages.
bool is_local_host_header(std::string_view host, std::string_view bound_address, int port);

// The name an uploaded file is shown and stored under: its last path component (after any / or \),
// without control characters, at most 200 bytes; "upload" when nothing is left. Never a path:
// the readers take the bytes from memory and use the name only for its extension and messages.
std::string upload_name(std::string_view filename);

}  // namespace unct::web
