// Reading in a worker process: the same document as reading here, the reader's own errors with
// their place, and a worker that crashes, hangs or talks nonsense costing one document only.

#include "engine/batch/reader_process.hpp"

#include "cli/run.hpp"
#include "engine/core/error.hpp"
#include "tests/support/support.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace unct::batch {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::StartsWith;
using ::testing::ThrowsMessage;

// This test binary serves as the worker too (tests/support/main.cpp), as unct-assess does.
const std::string k_self = fs::read_symlink(cli::k_this_program).string();
const std::vector<std::string> k_worker{k_self, cli::k_reader_worker_command};
constexpr std::chrono::milliseconds k_generous{std::chrono::minutes(2)};

TEST(ReaderProcess, ReadsEachFormatAsThisProcessDoes) {
  ReaderProcess reader(k_worker, k_generous);
  for (const char* sample : {"samples/cca-valdoria-2025.md", "samples/cca-valdoria-2025.docx",
                             "samples/cca-tessaly-2023.pdf", "samples/bcp-kavera-2024.html"}) {
    const ingest::Source source = ingest::load_source(test::source_file(sample));
    EXPECT_EQ(reader.read(source, {}), ingest::read_source(source)) << sample;  // one worker, several documents
  }
}

TEST(ReaderProcess, TheReadersErrorsKeepTheirMessageAndPlace) {
  ReaderProcess reader(k_worker, k_generous);
  const ingest::Source truncated = ingest::load_source(test::fixture("ingest/truncated.pdf"));
  std::string here;
  try {
    ingest::read_source(truncated);
  } catch (const InputError& e) {
    here = e.what();
  }
  ASSERT_THAT(here, HasSubstr("truncated.pdf: the PDF is truncated"));
  EXPECT_THAT([&] { reader.read(truncated, {}); }, ThrowsMessage<InputError>(here));
  // The limits travel with the request.
  const ingest::Source docx = ingest::load_source(test::source_file("samples/cca-valdoria-2025.docx"));
  EXPECT_THAT([&] { reader.read(docx, {.max_unzipped_bytes = 1000}); },
              ThrowsMessage<InputError>(HasSubstr("cca-valdoria-2025.docx: ")));
  EXPECT_NO_THROW(reader.read(docx, {}));  // and the worker is still there for the next
}

// A worker that dies on its first document (as a reader would on a file built to crash it), then
// reads normally: the document is failed with the reason, and the next one read by a new worker.
TEST(ReaderProcess, AWorkerThatCrashesFailsOneDocumentAndIsReplaced) {
  const test::TempDir dir;
  const std::string marker = (dir / "crashed-once").string();
  ReaderProcess reader(
      {"/bin/sh", "-c", "if [ -e \"$1\" ]; then exec \"$2\" read-worker; fi; : > \"$1\"; kill -SEGV $$", "sh", marker,
       k_self},
      k_generous);
  const ingest::Source source = ingest::load_source(test::source_file("samples/cca-valdoria-2025.md"));
  try {
    reader.read(source, {});
    ADD_FAILURE() << "no error";
  } catch (const ReaderStopped& e) {
    EXPECT_THAT(e.what(), AllOf(StartsWith(source.path.string() + ": the reader crashed on this file (signal 11"),
                                HasSubstr("save it again as DOCX or PDF")));
    EXPECT_TRUE(e.file_at_fault());  // the same file would crash it again
  }
  EXPECT_EQ(reader.read(source, {}), ingest::read_source(source));
}

// A worker that never reads: a document small enough for the socket's buffer waits for the
// answer, a large one for the worker to take it; both are stopped at the time limit. Not the
// file's fault: a busy machine is slow too.
TEST(ReaderProcess, AWorkerThatHangsIsStoppedAtTheTimeLimit) {
  ReaderProcess reader({"/bin/sleep", "600"}, std::chrono::milliseconds(300));
  const ingest::Source small = ingest::load_source(test::source_file("samples/cca-valdoria-2025.md"));
  const ingest::Source large{.path = "large.md", .bytes = std::string(32u << 20, 'a'), .sha256 = "0"};
  for (const ingest::Source* source : {&small, &large}) {
    try {
      reader.read(*source, {});
      ADD_FAILURE() << "no error";
    } catch (const ReaderStopped& e) {
      EXPECT_THAT(e.what(), StartsWith(source->path.string() + ": reading took longer than the time limit of 300 ms"));
      EXPECT_FALSE(e.file_at_fault());
    }
  }
}

TEST(ReaderProcess, AnAnswerNotOfOursIsAnInternalError) {
  ReaderProcess garbled({"/bin/sh", "-c", "printf 'garbage!' >&0; exec sleep 600"}, k_generous);
  const ingest::Source source = ingest::load_source(test::source_file("samples/cca-valdoria-2025.md"));
  EXPECT_THAT([&] { garbled.read(source, {}); }, ThrowsMessage<std::runtime_error>(HasSubstr("answered out of turn")));
  ReaderProcess missing({"/nonexistent/unct-assess", "read-worker"}, k_generous);
  EXPECT_THAT([&] { missing.read(source, {}); },
              ThrowsMessage<std::runtime_error>(HasSubstr("cannot start the reader process /nonexistent/unct-assess")));
}

}  // namespace
}  // namespace unct::batch
