#include "engine/batch/reader_process.hpp"

#include "engine/core/error.hpp"
#include "engine/ingest/serialise.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cerrno>
#include <climits>
#include <cstdint>
#include <cstring>
#include <optional>
#include <system_error>
#include <thread>

extern char** environ;

namespace unct::batch {
namespace {

using Clock = std::chrono::steady_clock;

// The other end closed the socket (the worker died, or the parent went away).
struct Closed {};
// The deadline passed before the other end answered.
struct Late {};
// A length no request or answer of ours has: the other end is not speaking this protocol.
struct Garbled {};

// Answers, after the request's document: one status byte, then its fields.
enum Status : unsigned char { k_document = 0, k_input_error = 1, k_reader_error = 2 };

constexpr std::uint64_t k_max_path = 64 * 1024;

// One end of the socket. Every read and write waits at most until the deadline, when there is one.
class Channel {
public:
  Channel(int socket, std::optional<Clock::time_point> deadline) : m_socket(socket), m_deadline(deadline) {}

  void put(std::string_view bytes) {
    while (!bytes.empty()) {
      wait(POLLOUT);
      const ssize_t n = ::send(m_socket, bytes.data(), bytes.size(), MSG_NOSIGNAL);
      if (n < 0) {
        if (errno == EINTR || errno == EAGAIN) continue;
        if (errno == EPIPE || errno == ECONNRESET) throw Closed{};
        throw std::system_error(errno, std::generic_category(), "send");
      }
      bytes.remove_prefix(static_cast<std::size_t>(n));
    }
  }
  void put_number(std::uint64_t value) { put({reinterpret_cast<const char*>(&value), sizeof value}); }
  void put_text(std::string_view text) {
    put_number(text.size());
    put(text);
  }

  std::string get(std::size_t size) {
    std::string out(size, '\0');
    std::size_t done = 0;
    while (done < size) {
      wait(POLLIN);
      const ssize_t n = ::recv(m_socket, out.data() + done, size - done, 0);
      if (n == 0) throw Closed{};
      if (n < 0) {
        if (errno == EINTR || errno == EAGAIN) continue;
        if (errno == ECONNRESET) throw Closed{};
        throw std::system_error(errno, std::generic_category(), "recv");
      }
      done += static_cast<std::size_t>(n);
    }
    return out;
  }
  std::uint64_t get_number() {
    const std::string bytes = get(sizeof(std::uint64_t));
    std::uint64_t value = 0;
    std::memcpy(&value, bytes.data(), sizeof value);
    return value;
  }
  std::string get_text(std::uint64_t max_size) {
    const std::uint64_t size = get_number();
    if (size > max_size) throw Garbled{};
    return get(static_cast<std::size_t>(size));
  }
  int get_int() {
    const std::uint64_t value = get_number();
    if (value > static_cast<std::uint64_t>(INT_MAX)) throw Garbled{};
    return static_cast<int>(value);
  }

private:
  void wait(short events) {
    if (!m_deadline) return;
    for (;;) {
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(*m_deadline - Clock::now()).count();
      if (left <= 0) throw Late{};
      pollfd ready{m_socket, events, 0};
      const int n = ::poll(&ready, 1, static_cast<int>(std::min<long long>(left, INT_MAX)));
      if (n > 0) return;  // ready, or hung up: the send or recv that follows says which
      if (n < 0 && errno != EINTR) throw std::system_error(errno, std::generic_category(), "poll");
    }
  }

  int m_socket;
  std::optional<Clock::time_point> m_deadline;
};

std::string seconds_text(std::chrono::milliseconds limit) {
  const auto ms = limit.count();
  return ms % 1000 == 0 ? std::to_string(ms / 1000) + " s" : std::to_string(ms) + " ms";
}

// Answers one request that has been read in full.
void answer(Channel& channel, const ingest::Source& source, const ingest::ReadOptions& options) {
  std::string document;
  try {
    document = ingest::serialise(ingest::read_source(source, options));
  } catch (const InputError& e) {
    channel.put(std::string(1, static_cast<char>(k_input_error)));
    channel.put_text(e.where().file.string());
    for (const int n : {e.where().line, e.where().column, e.where().page})
      channel.put_number(static_cast<std::uint64_t>(std::max(n, 0)));
    channel.put_text(e.where().item_id);
    channel.put_text(e.message());
    return;
  } catch (const std::exception& e) {
    channel.put(std::string(1, static_cast<char>(k_reader_error)));
    channel.put_text(e.what());
    return;
  }
  channel.put(std::string(1, static_cast<char>(k_document)));
  channel.put_text(document);
}

}  // namespace

ReaderProcess::ReaderProcess(std::vector<std::string> command, std::chrono::milliseconds time_limit)
    : m_command(std::move(command)), m_time_limit(time_limit) {}

ReaderProcess::~ReaderProcess() { stop(false); }

void ReaderProcess::start() {
  int ends[2];
  if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, ends) != 0) {
    throw std::system_error(errno, std::generic_category(), "socketpair");
  }
  // The worker's end becomes its standard input. Keep it off 0-2 first, so that the dup2 below
  // always makes a new descriptor without close-on-exec.
  int worker_end = ends[1];
  if (worker_end <= STDERR_FILENO) {
    worker_end = ::fcntl(ends[1], F_DUPFD_CLOEXEC, STDERR_FILENO + 1);
    ::close(ends[1]);
    if (worker_end < 0) {
      ::close(ends[0]);
      throw std::system_error(errno, std::generic_category(), "fcntl");
    }
  }
  // The parent's end never blocks: every send and receive waits in poll, under the time limit,
  // even for a worker that stops reading halfway through a large document.
  ::fcntl(ends[0], F_SETFL, ::fcntl(ends[0], F_GETFL) | O_NONBLOCK);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, worker_end, STDIN_FILENO);
  std::vector<char*> argv;
  for (std::string& arg : m_command) argv.push_back(arg.data());
  argv.push_back(nullptr);
  pid_t pid = -1;
  const int error = ::posix_spawn(&pid, argv.front(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(worker_end);
  if (error != 0) {
    ::close(ends[0]);
    throw std::runtime_error("cannot start the reader process " + m_command.front() + ": " + std::strerror(error));
  }
  m_pid = pid;
  m_socket = ends[0];
}

void ReaderProcess::stop(bool kill) {
  if (m_socket >= 0) ::close(m_socket);  // an idle worker sees the end of its input and exits
  m_socket = -1;
  if (m_pid > 0) {
    if (kill) ::kill(m_pid, SIGKILL);
    while (::waitpid(m_pid, nullptr, 0) < 0 && errno == EINTR) {
    }
  }
  m_pid = -1;
}

ReaderStopped ReaderProcess::ended(const ingest::Source& source) {
  ::close(m_socket);
  m_socket = -1;
  // It closed its end: it is exiting. Give it a second to do so before it is made to.
  int status = 0;
  pid_t done = 0;
  for (int tries = 0; tries < 100 && (done = ::waitpid(m_pid, &status, WNOHANG)) == 0; ++tries) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  if (done == 0) {
    ::kill(m_pid, SIGKILL);
    while ((done = ::waitpid(m_pid, &status, 0)) < 0 && errno == EINTR) {
    }
  }
  m_pid = -1;
  const std::string advice =
      ": the file may be damaged or made to break readers; open it and save it again as DOCX or PDF";
  const SourceLocation where{.file = source.path};
  if (done > 0 && WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) {
    return ReaderStopped(
        where, "the reader was killed while reading this file (out of memory, or stopped from outside)", false);
  }
  if (done > 0 && WIFSIGNALED(status)) {
    const int signal = WTERMSIG(status);
    const char* name = ::sigdescr_np(signal);
    return ReaderStopped(where,
                         "the reader crashed on this file (signal " + std::to_string(signal) +
                             (name ? std::string(", ") + name : "") + ")" + advice,
                         true);
  }
  if (done > 0 && WIFEXITED(status)) {
    return ReaderStopped(
        where, "the reader stopped on this file (exit code " + std::to_string(WEXITSTATUS(status)) + ")" + advice,
        true);
  }
  return ReaderStopped(where, "the reader stopped on this file" + advice, false);
}

ingest::Document ReaderProcess::read(const ingest::Source& source, const ingest::ReadOptions& options) {
  if (m_pid < 0) start();
  Channel channel(m_socket, Clock::now() + m_time_limit);
  std::string reader_error;  // an exception in the reader, not about the file: an internal error
  try {
    for (const std::uint64_t n :
         {std::uint64_t{options.max_bytes}, options.max_unzipped_bytes, options.max_zip_ratio}) {
      channel.put_number(n);
    }
    channel.put_text(source.path.string());
    channel.put_text(source.sha256);
    channel.put_text(source.bytes);
    const std::string status = channel.get(1);
    if (status[0] == k_document) {
      // A document's JSON runs to a few times its text; anything far above is not an answer.
      ingest::Document document =
          ingest::deserialise(channel.get_text(16 * std::uint64_t{options.max_bytes} + (64u << 20)));
      document.path = source.path;
      return document;
    }
    if (status[0] == k_input_error) {
      SourceLocation where{.file = channel.get_text(k_max_path)};
      where.line = channel.get_int();
      where.column = channel.get_int();
      where.page = channel.get_int();
      where.item_id = channel.get_text(k_max_path);
      throw InputError(std::move(where), channel.get_text(k_max_path));
    }
    if (status[0] != k_reader_error) throw Garbled{};
    reader_error = channel.get_text(k_max_path);
    stop(false);  // an exception inside the reader (out of memory, say): a fresh worker for the next
  } catch (const Closed&) {
    throw ended(source);
  } catch (const Late&) {
    stop(true);
    throw ReaderStopped(
        {.file = source.path},
        "reading took longer than the time limit of " + seconds_text(m_time_limit) +
            ": the file may be damaged or made to hang readers; open it and save it again as DOCX or PDF, "
            "or allow more time",
        false);
  } catch (const Garbled&) {
    stop(true);
    throw std::runtime_error("the reader process " + m_command.front() + " answered out of turn");
  } catch (const InputError&) {
    throw;  // the reader's own answer: the worker is ready for the next document
  } catch (...) {
    stop(true);  // the worker's state is unknown: a fresh one reads the next document
    throw;
  }
  throw std::runtime_error(reader_error);
}

int serve_reads(int socket) {
  // The worker ends with the thread that started it, even when that one is killed.
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);
  Channel channel(socket, std::nullopt);
  for (;;) {
    ingest::ReadOptions options;
    ingest::Source source;
    try {
      options.max_bytes = channel.get_number();
    } catch (const Closed&) {
      return 0;  // the parent is done
    }
    try {
      options.max_unzipped_bytes = channel.get_number();
      options.max_zip_ratio = channel.get_number();
      source.path = channel.get_text(k_max_path);
      source.sha256 = channel.get_text(k_max_path);
      source.bytes = channel.get_text(options.max_bytes);
    } catch (const Closed&) {
      return 2;
    } catch (const Garbled&) {
      return 2;
    }
    try {
      answer(channel, source, options);
    } catch (const Closed&) {
      return 0;
    }
  }
}

}  // namespace unct::batch
