#include "cli/commands.hpp"
#include "cli/commands/options.hpp"
#include "engine/core/clock.hpp"
#include "engine/core/error.hpp"
#include "engine/report/wording.hpp"
#include "engine/store/store.hpp"

#include <cstdlib>

namespace unct::cli {
namespace {

namespace po = boost::program_options;

void print_trail(const std::vector<OverrideRow>& rows, std::ostream& out) {
  for (const OverrideRow& r : rows) {
    out << "  " << r.created_at << "  " << r.item_id << "  " << label(r.previous) << " -> " << label(r.level) << "  by "
        << (r.reviewer.empty() ? "a reviewer" : r.reviewer) << ": " << r.note << '\n';
  }
}

}  // namespace

int run_override(const std::vector<std::string>& args, Io io) {
  po::options_description options("options");
  options.add_options()("level", po::value<std::string>(), "the reviewed level: missing, approaches, meets or exceeds")(
      "note", po::value<std::string>(), "why: what the reviewer found in the document (required with --level)")(
      "reviewer", po::value<std::string>(), "who overrides (default: $USER)");
  add_db_option(options);
  po::options_description hidden;
  hidden.add_options()("assessment", po::value<std::int64_t>()->required(), "assessment id")(
      "item", po::value<std::string>(), "item id");
  po::positional_options_description positional;
  positional.add("assessment", 1).add("item", 1);
  po::variables_map values;
  if (!parse_options(args, options, hidden, positional, values, io.out,
                     "usage: unct-assess override ASSESSMENT ITEM --level L --note TEXT [--reviewer NAME] [--db FILE]\n"
                     "       unct-assess override ASSESSMENT   (lists the assessment's overrides)\n\n"
                     "Sets a reviewer's level for one item of a stored assessment, after reading the document.\n"
                     "Who, when, the note and the level it replaces are kept; reports, gaps and exports show the\n"
                     "reviewed level beside the engine's.")) {
    return 0;
  }
  const std::int64_t id = values["assessment"].as<std::int64_t>();
  if (values.count("item") == 0) {
    if (values.count("level") != 0 || values.count("note") != 0)
      throw InputError({}, "--level and --note need an ITEM");
    const store::Store store = open_existing_store(values);
    store.assessments().load(id);  // an unknown id is an error, not an empty list
    const std::vector<OverrideRow> rows = store.reviews().overrides(id);
    if (rows.empty())
      io.out << "Assessment " << id << " has no overrides.\n";
    else
      io.out << "Overrides of assessment " << id << ", oldest first:\n";
    print_trail(rows, io.out);
    return 0;
  }

  const std::string item = item_id(values["item"].as<std::string>());
  if (values.count("level") == 0) throw InputError({}, "--level is required: missing, approaches, meets or exceeds");
  const std::string level_text = values["level"].as<std::string>();
  const std::optional<Level> level = parse_level(level_text);
  if (!level) throw InputError({}, "unknown --level \"" + level_text + "\": use missing, approaches, meets or exceeds");
  const std::string note = values.count("note") != 0 ? values["note"].as<std::string>() : "";
  if (note.find_first_not_of(" \t\n") == std::string::npos) {
    throw InputError({}, "--note is required: say what in the document justifies the level");
  }
  std::string reviewer;
  if (values.count("reviewer") != 0)
    reviewer = values["reviewer"].as<std::string>();
  else if (const char* user = std::getenv("USER"); user != nullptr)
    reviewer = user;

  check_writable_database(values["db"].as<std::string>());
  store::Store store = open_existing_store(values);
  const OverrideRow row = store.reviews().override_level(id, item, *level, note, reviewer, now_utc());
  const Assessment reviewed = store.assessments().load(id);
  io.out << item << " in assessment " << id << ": " << label(row.previous) << " -> " << label(row.level) << ", by "
         << (reviewer.empty() ? "a reviewer" : reviewer) << ".\n"
         << "The assessment now has " << reviewed.overall.at_meets_or_above << " of " << reviewed.overall.applicable
         << " applicable items at Meets or above ("
         << report::percent(reviewed.overall.at_meets_or_above, reviewed.overall.applicable) << ").\n";
  return 0;
}

}  // namespace unct::cli
