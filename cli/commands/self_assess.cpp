#include "cli/commands.hpp"
#include "cli/commands/options.hpp"
#include "cli/defaults.hpp"
#include "cli/run.hpp"
#include "engine/checklist/load.hpp"
#include "engine/core/csv.hpp"
#include "engine/core/error.hpp"
#include "engine/report/form.hpp"
#include "engine/selfassess/selfassess.hpp"

#include <algorithm>

namespace unct::cli {
namespace {

int run_template(const std::vector<std::string>& args, Io io) {
  namespace po = boost::program_options;
  po::options_description options("options");
  add_checklist_option(options);
  options.add_options()("kind", po::value<std::string>(),
                        "only the items for this kind of document: cca, cf or serp (default: every item)")(
      "lang", po::value<std::string>()->default_value("en"),
      "language of the form: its headings, instructions and level names, and the titles and questions: en, fr or es")(
      "format", po::value<std::string>()->default_value("csv"), "csv or xlsx (what score --self reads back), or md")(
      "out", po::value<std::string>(), "file to write (default: standard output)");
  po::options_description hidden;
  po::positional_options_description positional;
  po::variables_map values;
  if (!parse_options(args, options, hidden, positional, values, io.out,
                     "usage: unct-assess self-assess template [--kind cca|cf|serp] [--lang en|fr|es] [--format "
                     "csv|xlsx|md] [--out FILE]\n\n"
                     "Writes the form a country team fills in to rate its own document: one row per item with its\n"
                     "question and where the evidence comes from (the document, or the team's records for the\n"
                     "RDM-UNCT items), and empty level, justification and source columns. Score the document with\n"
                     "`unct-assess score FILE --self FORM.csv` to store the team's levels beside the engine's.")) {
    return 0;
  }
  const std::optional<DocumentKind> kind = kind_option(values);
  const std::string format = values["format"].as<std::string>();
  if (format != "csv" && format != "xlsx" && format != "md") {
    throw InputError({}, "unknown --format \"" + format + "\": use csv, xlsx or md");
  }
  if (format == "xlsx" && values.count("out") == 0) throw InputError({}, "--format xlsx needs --out FILE.xlsx");
  const checklist::Checklist checklist = load_checklist_option(values);
  const std::string lang = values["lang"].as<std::string>();
  const auto& languages = checklist.meta.languages;
  if (lang != "en" && std::find(languages.begin(), languages.end(), lang) == languages.end()) {
    throw InputError({.file = checklist.source},
                     "--lang " + lang + ": the checklist has no translation into this language");
  }
  const std::vector<selfassess::FormRow> rows = selfassess::form_rows(checklist, kind, lang);
  if (format == "xlsx") {
    check_out_path(values, values["out"].as<std::string>());
    report::write_form_xlsx(rows, checklist.meta, lang, values["out"].as<std::string>());
  } else {
    write_output(values, io.out, io.err, [&](std::ostream& out) {
      if (format == "csv")
        report::render_form_csv(rows, lang, out);
      else
        report::render_form_markdown(rows, checklist.meta, lang, out);
    });
    if (values.count("out") == 0) return k_exit_ok;
  }
  const std::string path = values["out"].as<std::string>();
  io.err << "unct-assess: wrote " << rows.size() << " items to " << path << '\n';
  return k_exit_ok;
}

int run_import(const std::vector<std::string>& args, Io io) {
  namespace po = boost::program_options;
  po::options_description options("options");
  add_checklist_option(options);
  add_db_option(options);
  po::options_description hidden;
  hidden.add_options()("id", po::value<std::int64_t>()->required(), "assessment id")(
      "form", po::value<std::string>()->required(), "filled-in form");
  po::positional_options_description positional;
  positional.add("id", 1).add("form", 1);
  po::variables_map values;
  if (!parse_options(args, options, hidden, positional, values, io.out,
                     "usage: unct-assess self-assess import ASSESSMENT FORM.csv [--db FILE]\n\n"
                     "Stores a country team's filled-in form with an assessment already in the database, in place\n"
                     "of any ratings it held: items needing team records take the team's level, the scores follow,\n"
                     "and `report ASSESSMENT` shows team and engine side by side.")) {
    return k_exit_ok;
  }
  const checklist::Checklist checklist = load_checklist_option(values);
  const std::string form = values["form"].as<std::string>();
  const std::vector<SelfRating> ratings = selfassess::read_self_ratings(read_table(form), checklist);
  // Importing replaces the team's ratings: a form left blank would wipe them without a word.
  if (ratings.empty()) {
    throw InputError({.file = form},
                     "no item has a level: fill in the level column (importing a blank form would "
                     "clear the team's ratings)");
  }
  check_writable_database(values["db"].as<std::string>());
  store::Store store = open_existing_store(values);
  const std::int64_t id = values["id"].as<std::int64_t>();
  const Assessment a =
      store.assessments().set_self_ratings(id, [&](Assessment& stored) { selfassess::apply(stored, ratings, form); });
  std::size_t over = 0;
  std::size_t under = 0;
  for (const selfassess::Discrepancy& d : selfassess::discrepancies(a))
    (d.claim == selfassess::Claim::overclaim ? over : under)++;
  io.out << "Assessment " << id << ": " << ratings.size() << " items rated by the team; " << over << " overclaims, "
         << under << " underclaims; " << a.overall.at_meets_or_above << " of " << a.overall.applicable
         << " applicable items at Meets or above.\nunct-assess report " << id << " shows them side by side.\n";
  return k_exit_ok;
}

}  // namespace

int run_self_assess(const std::vector<std::string>& args, Io io) {
  static constexpr Command k_subcommands[] = {
      {"template", "write the self-assessment form a country team fills in", run_template},
      {"import", "store a filled-in form with an assessment already scored", run_import},
  };
  return dispatch({.name = "self-assess",
                   .subcommands = k_subcommands,
                   .footer = "Or score and store the team's ratings at once: unct-assess score FILE --self FORM.csv"},
                  args, io);
}

}  // namespace unct::cli
