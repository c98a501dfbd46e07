#include "cli/guard.hpp"

#include "cli/run.hpp"
#include "engine/core/error.hpp"
#include "engine/core/shared_library.hpp"

#include <boost/program_options/errors.hpp>

namespace unct::cli {

int run_guarded(std::ostream& err, const std::function<int()>& command) {
  try {
    return command();
  } catch (const boost::program_options::error& e) {
    err << "unct-assess: " << e.what() << " (see --help)\n";
    return k_exit_bad_input;
  } catch (const InputError& e) {
    err << "unct-assess: " << e.what() << '\n';
    return k_exit_bad_input;
  } catch (const MissingLibrary& e) {
    err << "unct-assess: " << e.what() << '\n';
    return k_exit_internal_error;
  } catch (const std::exception& e) {
    err << "unct-assess: internal error: " << e.what() << '\n';
    return k_exit_internal_error;
  } catch (...) {
    err << "unct-assess: internal error\n";
    return k_exit_internal_error;
  }
}

}  // namespace unct::cli
