#include "cli/commands.hpp"

#include "cli/run.hpp"

#include <algorithm>
#include <iomanip>

namespace unct::cli {
namespace {

constexpr Command k_commands[] = {
    {"score", "rate a document against the checklist, store the result, print the report", run_score},
    {"annotate", "score a Word draft and write a copy with the findings as Word comments", run_annotate},
    {"batch", "score every document of a folder or list, in parallel, resumable", run_batch},
    {"rescore", "rate the stored documents again (e.g. with a new checklist) from their kept text", run_rescore},
    {"report", "print a stored assessment as text, Markdown, JSON, CSV, HTML or Word, in en, fr or es", run_report},
    {"history", "list the stored assessments, newest first", run_history},
    {"gaps", "items most often below Meets across the stored documents", run_gaps},
    {"export", "the portfolio as CSV or an XLSX workbook: documents by items, and the findings", run_export},
    {"compare", "what changed between two stored assessments (drafts)", run_compare},
    {"override", "set a reviewer's level for an item of a stored assessment, with a note", run_override},
    {"db", "check the database (db check)", run_db},
    {"serve", "a local web app: score drafts, read reports, compare drafts, review the portfolio", run_serve},
    {"self-assess", "the country team's own rating form (template), scored with score --self", run_self_assess},
    {"workshop", "exercise packs, answer sheets, agreement with the key, debrief reports", run_workshop},
    {"evaluate", "the engine's agreement with gold ratings of sample documents", run_evaluate},
    {"inspect", "show what the engine reads in a document: outline, parts, pages, warnings", run_inspect},
    {"checklist", "check a checklist file (validate, lint) or print it (show)", run_checklist},
};

// "unct-assess workshop", or "unct-assess" for the top level.
std::string program(const CommandGroup& group) {
  return group.name.empty() ? std::string("unct-assess") : "unct-assess " + std::string(group.name);
}

void print_usage(const CommandGroup& group, std::ostream& out) {
  if (!group.intro.empty()) out << group.intro << "\n\n";
  out << "usage: " << program(group) << " <command> [options]\n\ncommands:\n";
  std::size_t width = 0;
  for (const Command& c : group.subcommands) width = std::max(width, c.name.size());
  for (const Command& c : group.subcommands) {
    out << "  " << std::left << std::setw(static_cast<int>(width + 2)) << c.name << c.summary << '\n';
  }
  out << '\n';
  if (!group.footer.empty()) out << group.footer << '\n';
  out << "'" << program(group) << " <command> --help' describes a command.\n";
}

}  // namespace

std::span<const Command> commands() { return k_commands; }

int dispatch(const CommandGroup& group, const std::vector<std::string>& args, Io io) {
  if (args.empty()) {
    print_usage(group, io.err);
    return k_exit_bad_input;
  }
  const std::string& name = args.front();
  if (name == "--help" || name == "-h" || name == "help") {
    print_usage(group, io.out);
    return k_exit_ok;
  }
  for (const Command& c : group.subcommands) {
    if (c.name == name) return c.run({args.begin() + 1, args.end()}, io);
  }
  io.err << "unct-assess: unknown " << (group.name.empty() ? "" : std::string(group.name) + " ") << "command \"" << name
         << "\" (see " << program(group) << " --help)\n";
  return k_exit_bad_input;
}

}  // namespace unct::cli
