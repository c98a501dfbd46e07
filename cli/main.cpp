#include "cli/run.hpp"
#include "engine/core/allocator.hpp"

#include <iostream>

int main(int argc, char** argv) {
  unct::keep_freed_memory();
  return unct::cli::run(argc, argv, std::cout, std::cerr);
}
