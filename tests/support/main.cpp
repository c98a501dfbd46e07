// The test binary's main. It also serves as batch's reader worker: the CLI tests run `batch`
// in this process, and batch starts the program it runs in (/proc/self/exe) to read documents.

#include "cli/run.hpp"
#include "engine/batch/reader_process.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <unistd.h>
#include <string_view>

int main(int argc, char** argv) {
  if (argc == 2 && std::string_view(argv[1]) == unct::cli::k_reader_worker_command) {
    return unct::batch::serve_reads(STDIN_FILENO);
  }
  ::testing::InitGoogleMock(&argc, argv);
  return RUN_ALL_TESTS();
}
