#pragma once

// Reading documents in a separate process, so that a file built to crash or hang a reader (a
// DOCX nested 20,000 levels deep, a PDF that loops poppler) costs a batch one failed document,
// not the run. The worker is a long-lived child, one per batch job: it reads a document sent
// over a socket and sends back the read document (ingest::serialise) or the reader's error. If it
// dies or overruns the time limit, the document is reported as failed and a fresh worker is
// started for the next one.

#include "engine/core/error.hpp"
#include "engine/ingest/read.hpp"

#include <sys/types.h>
#include <chrono>
#include <string>
#include <vector>

namespace unct::batch {

// The worker stopped without answering: it crashed on the file, ran past the time limit, or was
// killed from outside. `file_at_fault`: it died of a fault of its own (a crash signal), which the
// same file would cause again; not for a time limit (the machine may be busy) or a SIGKILL (the
// out-of-memory killer, a user).
class ReaderStopped : public InputError {
public:
  ReaderStopped(SourceLocation where, const std::string& message, bool file_at_fault)
      : InputError(std::move(where), message), m_file_at_fault(file_at_fault) {}
  bool file_at_fault() const noexcept { return m_file_at_fault; }

private:
  bool m_file_at_fault;
};

class ReaderProcess {
public:
  // `command`: the worker program and its arguments (argv[0] is the program's path, not looked
  // up in PATH); it serves serve_reads() on its standard input, which is a socket. `time_limit`
  // bounds the reading of one document, from sending the file to receiving its text.
  ReaderProcess(std::vector<std::string> command, std::chrono::milliseconds time_limit);
  ReaderProcess(const ReaderProcess&) = delete;
  ReaderProcess& operator=(const ReaderProcess&) = delete;
  ~ReaderProcess();

  // The document read by the worker. Throws InputError naming the file when the reader refuses
  // it (the reader's own message and place), and ReaderStopped when the worker dies while reading
  // it or takes longer than the time limit.
  ingest::Document read(const ingest::Source& source, const ingest::ReadOptions& options);

private:
  void start();
  void stop(bool kill);                               // kill: the worker may be busy, do not wait for it to finish
  ReaderStopped ended(const ingest::Source& source);  // why the worker stopped, once it has closed its end

  std::vector<std::string> m_command;
  std::chrono::milliseconds m_time_limit;
  pid_t m_pid = -1;
  int m_socket = -1;
};

// The worker's side: reads requests from `socket` until it is closed, answering each with the
// read document or the error. Returns the process's exit code: 0 when the parent closed the
// socket, 2 when a request was cut short or not one of ours.
int serve_reads(int socket);

}  // namespace unct::batch
