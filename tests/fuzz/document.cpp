// A document of one format (the extension FUZZ_EXTENSION names it) read, rated against the
// bundled checklist, and its text cache written and read back: every step a file a user gives
// goes through. Bad input may only end in InputError.

#include "engine/assess/assess.hpp"
#include "engine/checklist/load.hpp"
#include "engine/core/error.hpp"
#include "engine/ingest/read.hpp"
#include "engine/ingest/serialise.hpp"
#include "engine/rules/compiled.hpp"

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>

namespace {

struct Bundled {
  unct::checklist::Checklist checklist = unct::checklist::load_checklist(UNCT_BUNDLED_CHECKLIST);
  unct::rules::CompiledChecklist compiled = unct::rules::compile(checklist);
};

const Bundled& bundled_checklist() {
  static const Bundled bundled;
  return bundled;
}

}  // namespace

// Loading and compiling the checklist takes seconds under the sanitizers: done here, before the
// first input, so that it does not count against that input's time limit.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  bundled_checklist();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const Bundled& bundled = bundled_checklist();
  unct::ingest::Source source{.path = std::string("input") + FUZZ_EXTENSION,
                              .bytes = std::string(reinterpret_cast<const char*>(data), size),
                              .sha256 = "0"};
  try {
    if (source.bytes.empty()) return 0;
    const unct::ingest::Document document = unct::ingest::read_source(
        source, {.max_bytes = 1u << 20, .max_unzipped_bytes = 8u << 20, .max_zip_ratio = 100});
    const unct::Assessment assessment = unct::assess(bundled.checklist, bundled.compiled, document);
    if (unct::ingest::deserialise(unct::ingest::serialise(document)) != document)
      throw std::logic_error("cache round trip");
    (void)assessment;
  } catch (const unct::InputError&) {
  }
  return 0;
}
