#include "cli/commands.hpp"
#include "cli/commands/options.hpp"
#include "cli/defaults.hpp"
#include "cli/run.hpp"
#include "engine/agreement/evaluation.hpp"
#include "engine/checklist/load.hpp"
#include "engine/core/error.hpp"
#include "engine/report/evaluation.hpp"

#include <cstdio>
#include <string_view>

namespace unct::cli {

int run_evaluate(const std::vector<std::string>& args, Io io) {
  namespace po = boost::program_options;
  po::options_description options("options");
  add_checklist_option(options);
  options.add_options()("format", po::value<std::string>()->default_value("text"), "text or json")(
      "min-exact", po::value<double>(), "exit 1 when the share of exact agreement is below this (0 to 1)")(
      "min-within-one", po::value<double>(), "exit 1 when the share within one level is below this (0 to 1)")(
      "min-kappa", po::value<double>(), "exit 1 when the weighted kappa is below this")(
      "min-found", po::value<double>(),
      "exit 1 when the share of gold Approaches-or-above rated Approaches or above is below this")(
      "max-false-credit", po::value<double>(),
      "exit 1 when the share of gold Missing rated above Missing is above this")(
      "max-unearned-meets", po::value<std::size_t>(),
      "exit 1 when more items than this are rated Meets or Exceeds where the gold says Missing or Approaches");
  add_read_options(options);
  po::options_description hidden;
  hidden.add_options()("folder", po::value<std::string>()->required(), "folder");
  po::positional_options_description positional;
  positional.add("folder", 1);
  po::variables_map values;
  if (!parse_options(
          args, options, hidden, positional, values, io.out,
          "usage: unct-assess evaluate DIR [--format text|json] [--min-exact F] [--min-kappa F] [--min-found F]\n"
          "                             [--max-false-credit F] [--max-unearned-meets N]\n\n"
          "Rates every document of DIR that has a gold file beside it (<name>.gold.csv with the columns\n"
          "item, level, rationale) and measures the engine's agreement with the gold: exact, within one\n"
          "level and quadratic-weighted kappa, overall, per kind, language and item, with a confusion\n"
          "matrix and each disagreement. The gold's items say which kind of document it is: a document\n"
          "the engine reads as another kind counts as rated Missing on every item, and the run goes on.\n"
          "Nothing is stored.")) {
    return 0;
  }
  // Shares are 0 to 1: "--min-exact 90" is a mistake to name, not a floor no run can reach.
  for (const char* share : {"min-exact", "min-within-one", "min-found", "max-false-credit"}) {
    if (values.count(share) != 0 && !(values[share].as<double>() >= 0 && values[share].as<double>() <= 1)) {
      throw InputError({}, "--" + std::string(share) + " is a share from 0 to 1 (0.9 for 90%)");
    }
  }
  const std::string format = values["format"].as<std::string>();
  if (format != "text" && format != "json")
    throw InputError({}, "unknown --format \"" + format + "\": use text or json");
  const checklist::Checklist checklist = load_checklist_option(values);
  const agreement::Evaluation evaluation = agreement::evaluate(
      checklist, rules::compile(checklist), values["folder"].as<std::string>(), read_options(values));
  if (format == "json")
    report::render_evaluation_json(evaluation, io.out);
  else
    report::render_evaluation(evaluation, io.out);

  // The floors and ceilings CI sets: each figure past its bound is named, and the exit code is 1.
  bool below = false;
  auto check = [&](const char* option, const char* name, double value) {
    if (values.count(option) == 0) return;
    const auto* count = boost::any_cast<std::size_t>(&values[option].value());
    const double bound = count != nullptr ? static_cast<double>(*count) : values[option].as<double>();
    const bool floor = std::string_view(option).starts_with("min-");
    if (floor ? value >= bound : value <= bound) return;
    char line[200];
    std::snprintf(line, sizeof line, "unct-assess: %s %.3f is %s %.3f (--%s)\n", name, value,
                  floor ? "below the floor" : "above the ceiling", bound, option);
    io.err << line;
    below = true;
  };
  const agreement::Agreement& overall = evaluation.overall;
  check("min-exact", "exact agreement", overall.exact_share());
  check("min-within-one", "agreement within one level", overall.within_one_share());
  check("min-kappa", "weighted kappa", overall.kappa.value_or(0.0));
  check("min-found", "share of gold Approaches-or-above found", overall.found_share().value_or(1.0));
  check("max-false-credit", "share of gold Missing rated above Missing", overall.false_credit_share().value_or(0.0));
  check("max-unearned-meets", "count of Meets or Exceeds where the gold says Missing or Approaches",
        static_cast<double>(overall.unearned_meets()));
  return below ? k_exit_threshold_failed : k_exit_ok;
}

}  // namespace unct::cli
