#pragma once

#include "engine/checklist/signal.hpp"

#include <string>

namespace unct::checklist {

// A signal in one line, as a reviewer reads it in `checklist show` and `--explain`:
// "near(groups, discrimination; same sentence)", "at least 2 of: ...".
std::string describe(const Signal& signal);

// "same sentence", "same table row", "within 10 words"
std::string describe(Scope scope, int words = 0);

}  // namespace unct::checklist
