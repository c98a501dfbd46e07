#include "cli/commands.hpp"

namespace unct::cli {
namespace {

constexpr Command k_commands[] = {
    {"score", "rate a document against the checklist, store the result, print the report", run_score},
    {"checklist", "check a checklist file (validate) or print it (show)", run_checklist},
};

}  // namespace

std::span<const Command> commands() { return k_commands; }

}  // namespace unct::cli
