#include "cli/commands.hpp"
#include "cli/commands/options.hpp"
#include "cli/defaults.hpp"
#include "cli/run.hpp"
#include "engine/checklist/load.hpp"
#include "engine/core/error.hpp"
#include "engine/report/markdown.hpp"
#include "engine/selfassess/selfassess.hpp"

#include <algorithm>
#include <fstream>

namespace unct::cli {
namespace {

int run_template(const std::vector<std::string>& args, Io io) {
  namespace po = boost::program_options;
  po::options_description options("options");
  options.add_options()
      ("checklist", po::value<std::string>()->default_value(default_checklist().string()), "checklist XML file")
      ("kind", po::value<std::string>(), "only the items for this kind of document: cca, cf or serp (default: every item)")
      ("lang", po::value<std::string>()->default_value("en"), "language of the titles and questions: en, fr or es")
      ("format", po::value<std::string>()->default_value("csv"), "csv (what score --self reads) or md")
      ("out", po::value<std::string>(), "file to write (default: standard output)");
  po::options_description hidden;
  po::positional_options_description positional;
  po::variables_map values;
  if (!parse_options(args, options, hidden, positional, values, io.out,
                     "usage: unct-assess self-assess template [--kind cca|cf|serp] [--lang en|fr|es] [--format csv|md] [--out FILE]\n\n"
                     "Writes the form a country team fills in to rate its own document: one row per item with its\n"
                     "question and where the evidence comes from (the document, or the team's records for the\n"
                     "RDM-UNCT items), and empty level, justification and source columns. Score the document with\n"
                     "`unct-assess score FILE --self FORM.csv` to store the team's levels beside the engine's.")) {
    return 0;
  }
  const std::optional<DocumentKind> kind = kind_option(values);
  const std::string format = values["format"].as<std::string>();
  if (format != "csv" && format != "md") throw InputError({}, "unknown --format \"" + format + "\": use csv or md");
  const checklist::Checklist checklist = checklist::load_checklist(values["checklist"].as<std::string>());
  const std::string lang = values["lang"].as<std::string>();
  const auto& languages = checklist.meta.languages;
  if (lang != "en" && std::find(languages.begin(), languages.end(), lang) == languages.end()) {
    throw InputError({.file = checklist.source}, "--lang " + lang + ": the checklist has no translation into this language");
  }
  const std::vector<selfassess::FormRow> rows = selfassess::form_rows(checklist, kind, lang);
  auto write = [&](std::ostream& out) {
    if (format == "csv") report::render_form_csv(rows, out);
    else report::render_form_markdown(rows, checklist.meta, out);
  };
  if (values.count("out") == 0) {
    write(io.out);
    return k_exit_ok;
  }
  const std::string path = values["out"].as<std::string>();
  std::ofstream file(path, std::ios::binary);
  if (!file) throw InputError({.file = path}, "cannot write the form");
  write(file);
  io.err << "unct-assess: wrote " << rows.size() << " items to " << path << '\n';
  return k_exit_ok;
}

}  // namespace

int run_self_assess(const std::vector<std::string>& args, Io io) {
  if (!args.empty() && args.front() == "template") return run_template({args.begin() + 1, args.end()}, io);
  io.out << "usage: unct-assess self-assess template [options]\n\n"
            "  template   write the self-assessment form a country team fills in (see --help)\n\n"
            "Then: unct-assess score FILE --self FORM.csv\n";
  return args.empty() || args.front() == "--help" || args.front() == "-h" ? k_exit_ok : k_exit_bad_input;
}

}  // namespace unct::cli
