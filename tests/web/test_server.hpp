#pragma once

// A server of the web app started in the test's process, for the tests that talk to it over HTTP.

#include "engine/rules/checklist_cache.hpp"
#include "engine/web/server.hpp"
#include "tests/support/support.hpp"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <memory>
#include <string>
#include <thread>

namespace unct::web {

// Loaded once for every test: the checklist does not change between them.
inline const rules::LoadedChecklist& checklist() {
  static const rules::LoadedChecklist loaded = rules::load_compiled(test::bundled_checklist(), {});
  return loaded;
}

// A server on a free port of 127.0.0.1 over a fresh database, answering from its own thread
// until the object dies.
class TestServer {
public:
  explicit TestServer(ServerOptions options = {}) {
    options.database = m_dir / "web.db";
    options.port = 0;
    if (options.read.max_bytes == ServerOptions{}.read.max_bytes) options.read.max_bytes = 256 * 1024;
    m_server = std::make_unique<Server>(checklist(), std::move(options));
    m_port = m_server->bind();
    m_thread = std::thread([this] { m_server->run(); });
  }
  ~TestServer() {
    m_server->stop();
    m_thread.join();
  }
  Server& server() { return *m_server; }
  int port() const { return m_port; }
  httplib::Client client() const {
    httplib::Client c("127.0.0.1", m_port);
    c.set_read_timeout(60);
    c.set_write_timeout(60);
    return c;
  }
  std::string csrf() const {
    auto res = client().Get("/api/session");
    return nlohmann::json::parse(res->body).at("csrf").get<std::string>();
  }
  const test::TempDir& dir() const { return m_dir; }

private:
  test::TempDir m_dir;
  std::unique_ptr<Server> m_server;
  int m_port = 0;
  std::thread m_thread;
};

}  // namespace unct::web
