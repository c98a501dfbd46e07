#pragma once

#include <functional>
#include <ostream>

namespace unct::cli {

// Runs a command and turns what it throws into the message and exit code that every program of
// unct-assess gives (unct-assess and the web app's unct-assess-web): a bad option or an InputError
// prints "unct-assess: ..." on `err` and returns k_exit_bad_input; a library missing from the
// system (MissingLibrary) prints its message and returns k_exit_internal_error; anything else is
// an internal error (k_exit_internal_error). Never throws.
int run_guarded(std::ostream& err, const std::function<int()>& command);

}  // namespace unct::cli
