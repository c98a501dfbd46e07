#pragma once

// `unct-assess serve`: a local web app over the same database, checklist, engine and renderers
// as the command line. Its routes (docs/api.md) are small functions that call the store, the
// scoring path every command shares (score_document) and the report renderers; this module adds
// only the HTTP around them (cpp-httplib), the pages' frame (pages.hpp) and the JSON lists
// (api.hpp).
//
// Who may use it: a server bound to a loopback address answers only requests naming it as the
// Host (no other web site can reach it through DNS rebinding); any other address needs an access
// token, given or generated, on every request (cookie, `Authorization: Bearer`, or ?token= once
// from a browser). Every POST carries the server's CSRF token. Every response has a
// Content-Security-Policy that allows no script and no external asset.
//
// Concurrency: each request takes a database connection from a pool (SQLite connections are not
// shared between threads; WAL lets readers run beside a writer), and writes take turns on one
// mutex, so that requests never wait in SQLite's busy handler or fail with "database is locked";
// the busy timeout still covers another process (a CLI batch) writing the same file. Scoring is
// bounded to a number of uploads at a time; the others wait their turn.

#include "engine/ingest/read.hpp"
#include "engine/rules/checklist_cache.hpp"

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

namespace unct::web {

struct ServerOptions {
  std::filesystem::path database;
  std::string bind = "127.0.0.1";
  int port = 8080;  // 0: a free port, chosen when binding
  // Needed on every request when not empty. Binding to an address other than loopback without
  // one generates one (Server::token).
  std::string token;
  // The upload limit (max_bytes) and the zip limits, as the CLI's readers take them.
  ingest::ReadOptions read{.max_bytes = 50ull * 1024 * 1024};
  // The reader worker (batch::ReaderProcess): a document that crashes or hangs a reader fails its
  // upload, not the server. Empty: documents are read in this process.
  std::vector<std::string> reader_command;
  std::chrono::milliseconds read_time_limit{std::chrono::minutes(2)};
  unsigned parallel_scores = 0;  // uploads scored at once; 0: the machine's hardware threads
  std::size_t recent = 20;       // assessments on the start page
  // The folder of workshop packs (*.xml) a trainer may open a room from; empty: none (a pack
  // file can still be uploaded).
  std::filesystem::path packs;
  std::ostream* log = nullptr;  // one line per request (method, path without its query, status)
};

class Server {
public:
  // Opens (creates, migrates) the database, so that a bad --db fails before anything listens.
  // Throws InputError as store::Store does. Requires: `loaded` outlives the server.
  Server(const rules::LoadedChecklist& loaded, ServerOptions options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds the address and port; returns the port (the one chosen, for port 0). Throws InputError
  // when it cannot (in use, not an address of this machine).
  int bind();
  // Answers requests until stop(); returns once those in progress are answered.
  // Requires: bind() succeeded.
  void run();
  // Makes run() return; from any thread, before or while run() runs.
  void stop();

  // The access token every request needs; empty when none is needed.
  const std::string& token() const;
  // "http://127.0.0.1:8080/", with ?token=... when one is needed: what to open in a browser.
  std::string url() const;

private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

// Runs the server until SIGINT or SIGTERM, then stops it cleanly (requests in progress are
// answered, the database closed). Blocks both signals in this and every thread it starts, and
// restores the mask on return.
void serve_until_signalled(Server& server);

}  // namespace unct::web
