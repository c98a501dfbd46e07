#include "engine/report/checklist.hpp"
#include "cli/commands.hpp"
#include "cli/commands/options.hpp"
#include "cli/defaults.hpp"
#include "engine/checklist/lint.hpp"
#include "engine/checklist/load.hpp"
#include "engine/core/error.hpp"

#include <algorithm>

namespace unct::cli {
namespace {

namespace po = boost::program_options;

int run_validate(const std::vector<std::string>& args, Io io) {
  po::options_description options("options");
  po::options_description hidden;
  hidden.add_options()("file", po::value<std::string>()->required(), "checklist file");
  po::positional_options_description positional;
  positional.add("file", 1);
  po::variables_map values;
  if (!parse_options(args, options, hidden, positional, values, io.out,
                     "usage: unct-assess checklist validate FILE\n\n"
                     "Checks FILE against the checklist schema and for meaning (unknown term sets and\n"
                     "criteria, duplicate ids, include cycles, items without a Meets rule); lists every\n"
                     "problem as file:line:column.")) {
    return 0;
  }
  const std::string file = values["file"].as<std::string>();
  const std::vector<checklist::Diagnostic> diagnostics = checklist::check_checklist(file);
  for (const checklist::Diagnostic& d : diagnostics) io.err << to_string(d) << '\n';
  if (!diagnostics.empty()) {
    io.err << "unct-assess: " << file << ": " << diagnostics.size()
           << (diagnostics.size() == 1 ? " problem\n" : " problems\n");
    return 2;
  }
  const checklist::Checklist loaded = checklist::load_checklist(file);
  io.out << file << ": valid: " << loaded.meta.id << " version " << loaded.meta.version << ", "
         << checklist::item_count(loaded) << " items in " << loaded.sections.size() << " sections, "
         << loaded.term_sets.size() << " term sets, " << loaded.parts.size() << " document parts\n";
  return 0;
}

int run_show(const std::vector<std::string>& args, Io io) {
  po::options_description options("options");
  add_checklist_option(options);
  options.add_options()("item", po::value<std::string>(), "show this item only, e.g. RDM-CCA-01")(
      "lang", po::value<std::string>(), "item text in this language (fr, es) and the words counted in it");
  po::options_description hidden;
  po::positional_options_description positional;
  po::variables_map values;
  if (!parse_options(args, options, hidden, positional, values, io.out,
                     "usage: unct-assess checklist show [--item ID] [--lang LANG] [--checklist FILE]\n\n"
                     "Prints the checklist as a reviewer reads it: each item's question, what it applies to, the\n"
                     "criteria of each level and the signal that tests them, references, provenance and gap text.\n"
                     "With --lang fr or es: titles, questions, criteria and gap texts in that language, and the words\n"
                     "the engine counts in documents in that language.")) {
    return 0;
  }
  const checklist::Checklist loaded = load_checklist_option(values);
  const std::string item = values.count("item") != 0 ? item_id(values["item"].as<std::string>()) : std::string();
  if (!item.empty() && checklist::find_item(loaded, item) == nullptr) {
    throw InputError({.file = loaded.source}, "no item \"" + item + "\" in this checklist");
  }
  const std::string lang = values.count("lang") != 0 ? values["lang"].as<std::string>() : std::string();
  const auto& languages = loaded.meta.languages;
  if (!lang.empty() && std::find(languages.begin(), languages.end(), lang) == languages.end()) {
    std::string known;
    for (const std::string& l : languages) known += (known.empty() ? "" : ", ") + l;
    throw InputError({.file = loaded.source}, "no language \"" + lang + "\" in this checklist (it has " + known + ")");
  }
  report::render_checklist(loaded, item, io.out, lang);
  return 0;
}

int run_lint(const std::vector<std::string>& args, Io io) {
  po::options_description options("options");
  add_checklist_option(options);
  options.add_options()("fixtures", po::value<std::string>(),
                        "directory of item fixtures (<ITEM>.<level>[.<note>].md) to check coverage");
  po::options_description hidden;
  po::positional_options_description positional;
  po::variables_map values;
  if (!parse_options(args, options, hidden, positional, values, io.out,
                     "usage: unct-assess checklist lint [--checklist FILE] [--fixtures DIR]\n\n"
                     "Warns about what a valid checklist can still get wrong: term sets never used, terms that\n"
                     "cannot match after normalisation or are written twice, exceptions that mask nothing,\n"
                     "criteria no level uses, levels no document can reach and, with --fixtures, items\n"
                     "without a fixture rated Meets or above and one rated below. Exit code 1 when it warns.")) {
    return 0;
  }
  const checklist::Checklist loaded = load_checklist_option(values);
  checklist::LintOptions lint_options;
  if (values.count("fixtures") != 0) lint_options.fixtures = values["fixtures"].as<std::string>();
  const std::vector<checklist::LintWarning> warnings = checklist::lint(loaded, lint_options);
  for (const checklist::LintWarning& w : warnings) io.out << to_string(loaded, w) << '\n';
  if (warnings.empty()) {
    io.out << loaded.source.string() << ": no warnings (" << checklist::item_count(loaded) << " items, "
           << loaded.term_sets.size() << " term sets)\n";
    return 0;
  }
  io.out << loaded.source.string() << ": " << warnings.size() << (warnings.size() == 1 ? " warning\n" : " warnings\n");
  return 1;
}

}  // namespace

int run_checklist(const std::vector<std::string>& args, Io io) {
  static constexpr Command k_subcommands[] = {
      {"validate", "check a checklist file and list every problem", run_validate},
      {"show", "print the checklist as a reviewer reads it (--item ID for one item)", run_show},
      {"lint", "warn about unused vocabulary, dead terms, unreachable levels, missing fixtures", run_lint},
  };
  return dispatch({.name = "checklist", .subcommands = k_subcommands}, args, io);
}

}  // namespace unct::cli
