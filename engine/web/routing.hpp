#pragma once

// What the web app's modules of routes share (the server's own routes in server.cpp, the
// workshop room's in workshop_room.cpp): the refusal a route throws, the answers it writes, the
// wrapper that turns what it throws into an answer, and the pool of database connections.
// Private to engine/web; cpp-httplib stays in the .cpp files (its types are only named here).

#include "engine/rules/checklist_cache.hpp"
#include "engine/store/store.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace httplib {
struct Request;
struct Response;
}  // namespace httplib

namespace unct::web {

// A request refused with a status and a message for the person who sent it.
class HttpError : public std::runtime_error {
public:
  HttpError(int status, const std::string& message) : std::runtime_error(message), m_status(status) {}
  int status() const noexcept { return m_status; }

private:
  int m_status;
};

// Objects made on demand and handed to one request at a time: database connections (SQLite
// connections are not shared between threads) and reader worker processes. One is made when
// none is idle, so a pool holds at most as many as requests ever ran at once.
template <typename T>
class Pool {
public:
  explicit Pool(std::function<std::unique_ptr<T>()> make) : m_make(std::move(make)) {}

  class Lease {
  public:
    Lease(Pool& pool, std::unique_ptr<T> item) : m_pool(&pool), m_item(std::move(item)) {}
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    ~Lease() { m_pool->give_back(std::move(m_item)); }
    T& operator*() const { return *m_item; }
    T* operator->() const { return m_item.get(); }

  private:
    Pool* m_pool;
    std::unique_ptr<T> m_item;
  };

  Lease take() {
    {
      const std::lock_guard lock(m_mutex);
      if (!m_idle.empty()) {
        std::unique_ptr<T> item = std::move(m_idle.back());
        m_idle.pop_back();
        return Lease(*this, std::move(item));
      }
    }
    return Lease(*this, m_make());  // made outside the lock: opening a database takes a while
  }

private:
  void give_back(std::unique_ptr<T> item) {
    const std::lock_guard lock(m_mutex);
    m_idle.push_back(std::move(item));
  }

  std::function<std::unique_ptr<T>()> m_make;
  std::mutex m_mutex;
  std::vector<std::unique_ptr<T>> m_idle;
};

using Handler = std::function<void(const httplib::Request&, httplib::Response&)>;
using Log = std::function<void(const std::string&)>;

// What the server lends a module of routes; every member outlives the server's requests.
struct Services {
  const rules::LoadedChecklist* loaded = nullptr;
  Pool<store::Store>* stores = nullptr;
  std::mutex* writing = nullptr;  // writes take turns: none waits in SQLite's busy handler
  std::string csrf;               // the server's CSRF token
  std::filesystem::path packs;    // the folder of workshop packs offered
  const int* port = nullptr;      // the server's, once bound
  std::string bind;               // the address it listens on
  Log log;
};

// Runs a route, turning what it throws into an answer: the route's own refusal, a user's input
// error (400), or an internal error (500, logged) that never stops the server.
Handler route(Handler handler, Log log);

bool is_api(const httplib::Request& req);
// The text without the spaces and line breaks around it.
std::string trimmed(std::string_view text);
// A form field, trimmed; throws HttpError 400 naming the field when longer than `limit`.
std::string bounded(const std::string& name, std::string_view value, std::size_t limit = 200);
// A field of a multipart form (text fields arrive as parts without a file name); empty when absent.
std::string part(const httplib::Request& req, const std::string& name);
// A field of a urlencoded or multipart form.
std::string field(const httplib::Request& req, const std::string& name);
// A positive number from the path or a query; throws HttpError 400 saying it must be `what`.
std::int64_t parse_number(const std::string& text, const std::string& name, const std::string& what);
// Throws HttpError 403 unless the request carries `expected` in X-CSRF-Token or the form's `csrf`.
void check_csrf(const httplib::Request& req, const std::string& expected);

void reply(httplib::Response& res, int status, const std::string& body, const char* type);
void html(httplib::Response& res, int status, const std::string& body);
void json(httplib::Response& res, int status, const std::string& body);
void redirect(httplib::Response& res, const std::string& location);
void attachment(httplib::Response& res, const std::string& body, const char* type, const std::string& name);
// The refusal as the request expects it: JSON under /api, else a page.
void error_reply(const httplib::Request& req, httplib::Response& res, int status, const std::string& message);

}  // namespace unct::web
