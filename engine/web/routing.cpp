#include "engine/web/routing.hpp"

#include "engine/core/error.hpp"
#include "engine/web/api.hpp"
#include "engine/web/pages.hpp"
#include "engine/web/security.hpp"

#include <httplib.h>

#include <charconv>

namespace unct::web {

Handler route(Handler handler, Log log) {
  return [handler = std::move(handler), log = std::move(log)](const httplib::Request& req, httplib::Response& res) {
    try {
      handler(req, res);
    } catch (const HttpError& e) {
      error_reply(req, res, e.status(), e.what());
    } catch (const InputError& e) {
      error_reply(req, res, 400, e.what());
    } catch (const std::exception& e) {
      if (log) log("internal error on " + req.method + " " + req.path + ": " + e.what());
      error_reply(req, res, 500, "internal error; the server logged it and carries on");
    }
  };
}

bool is_api(const httplib::Request& req) { return req.path == "/api" || req.path.starts_with("/api/"); }

std::string trimmed(std::string_view text) {
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const std::size_t last = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(first, last - first + 1));
}

std::string bounded(const std::string& name, std::string_view value, std::size_t limit) {
  std::string text = trimmed(value);
  if (text.size() > limit) {
    throw HttpError(400, "the field \"" + name + "\" is longer than " + std::to_string(limit) + " characters");
  }
  return text;
}

std::string part(const httplib::Request& req, const std::string& name) {
  const auto found = req.files.find(name);
  return found == req.files.end() ? std::string() : found->second.content;
}

std::string field(const httplib::Request& req, const std::string& name) {
  return req.is_multipart_form_data() ? part(req, name) : req.get_param_value(name);
}

std::int64_t parse_number(const std::string& text, const std::string& name, const std::string& what) {
  std::int64_t id = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (text.empty() || error != std::errc() || end != text.data() + text.size() || id <= 0) {
    throw HttpError(400, name + " must be " + what + " (a number), not \"" + text + "\"");
  }
  return id;
}

void check_csrf(const httplib::Request& req, const std::string& expected) {
  std::string given = req.get_header_value("X-CSRF-Token");
  if (given.empty()) given = field(req, "csrf");
  if (given.empty()) {
    throw HttpError(403,
                    "the form carries no CSRF token: reload the page and submit it again (API: send the "
                    "X-CSRF-Token header from GET /api/session)");
  }
  if (!same_secret(given, expected)) {
    throw HttpError(403,
                    "the form's CSRF token is not this server's (the page is from before a restart, or "
                    "from another site): reload the page and submit it again");
  }
}

void reply(httplib::Response& res, int status, const std::string& body, const char* type) {
  res.status = status;
  res.set_content(body, type);
}

void html(httplib::Response& res, int status, const std::string& body) {
  reply(res, status, body, "text/html; charset=utf-8");
}

void json(httplib::Response& res, int status, const std::string& body) {
  reply(res, status, body, "application/json; charset=utf-8");
}

void redirect(httplib::Response& res, const std::string& location) {
  res.status = 303;
  res.set_header("Location", location);
}

void attachment(httplib::Response& res, const std::string& body, const char* type, const std::string& name) {
  reply(res, 200, body, type);
  res.set_header("Content-Disposition", "attachment; filename=\"" + name + "\"");
}

void error_reply(const httplib::Request& req, httplib::Response& res, int status, const std::string& message) {
  if (is_api(req))
    json(res, status, error_json(status, message));
  else
    html(res, status, error_page(status, message));
}

}  // namespace unct::web
