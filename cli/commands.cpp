#include "cli/commands.hpp"

namespace unct::cli {
namespace {

constexpr Command k_commands[] = {
    {"score", "rate a document against the checklist, store the result, print the report", run_score},
    {"batch", "score every document of a folder or list, in parallel, resumable", run_batch},
    {"report", "print a stored assessment as text, Markdown, JSON, CSV or HTML", run_report},
    {"history", "list the stored assessments, newest first", run_history},
    {"gaps", "items most often below Meets across the stored documents", run_gaps},
    {"export", "the portfolio as CSV or an XLSX workbook: documents by items, and the findings", run_export},
    {"compare", "what changed between two stored assessments (drafts)", run_compare},
    {"override", "set a reviewer's level for an item of a stored assessment, with a note", run_override},
    {"db", "check the database (db check)", run_db},
    {"self-assess", "the country team's own rating form (template), scored with score --self", run_self_assess},
    {"workshop", "exercise packs, answer sheets, agreement with the key, debrief reports", run_workshop},
    {"evaluate", "the engine's agreement with gold ratings of sample documents", run_evaluate},
    {"inspect", "show what the engine reads in a document: outline, parts, pages, warnings", run_inspect},
    {"checklist", "check a checklist file (validate, lint) or print it (show)", run_checklist},
};

}  // namespace

std::span<const Command> commands() { return k_commands; }

}  // namespace unct::cli
