// Commands over the stored assessments: history, gaps, compare, export, db check.

#include "engine/report/portfolio.hpp"
#include "cli/commands.hpp"
#include "cli/commands/options.hpp"
#include "engine/assess/compare.hpp"
#include "engine/core/ascii.hpp"
#include "engine/core/error.hpp"
#include "engine/report/compare.hpp"
#include "engine/report/layout.hpp"
#include "engine/store/store.hpp"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace unct::cli {
namespace {

namespace po = boost::program_options;

// --format for the commands whose report is text or an HTML page: whether HTML was asked for.
bool wants_html(const po::variables_map& values) {
  const std::string format = values["format"].as<std::string>();
  if (format != "text" && format != "html")
    throw InputError({}, "unknown --format \"" + format + "\": use text or html");
  return format == "html";
}

// An assessment named on the command line: its id, or a draft label, file name, path or title.
// Several assessments of the same document by that name: the newest.
std::int64_t resolve_assessment(const store::Store& store, const std::string& name) {
  if (!name.empty() && name.size() <= 18 && name.find_first_not_of("0123456789") == std::string::npos)
    return std::stoll(name);
  const std::vector<AssessmentRow> rows = store.assessments().find(name);
  if (rows.empty()) {
    throw InputError({.file = store.path()},
                     "no assessment with id, draft label, file name or title \"" + name + "\" (see history)");
  }
  const bool one_document = std::all_of(rows.begin(), rows.end(), [&](const AssessmentRow& r) {
    return r.path == rows.front().path && r.draft == rows.front().draft;
  });
  if (!one_document) {
    std::string ids;
    for (std::size_t i = 0; i < rows.size() && i < 6; ++i)
      ids += (ids.empty() ? "" : ", ") + std::to_string(rows[i].id);
    throw InputError({.file = store.path()}, "\"" + name + "\" names " + std::to_string(rows.size()) +
                                                 " assessments of different documents or drafts (" + ids +
                                                 (rows.size() > 6 ? ", ..." : "") + "); give an id");
  }
  return rows.front().id;
}

}  // namespace

int run_history(const std::vector<std::string>& args, Io io) {
  po::options_description options("options");
  add_db_option(options);
  options.add_options()("country", po::value<std::string>()->default_value(""), "only assessments about this country");
  po::options_description hidden;
  po::positional_options_description positional;
  po::variables_map values;
  if (!parse_options(args, options, hidden, positional, values, io.out,
                     "usage: unct-assess history [--country NAME] [--db FILE]\n\n"
                     "Lists the stored assessments, newest first: id, date, document, kind, country, year,\n"
                     "checklist version and items at Meets or above.")) {
    return 0;
  }
  const store::Store store = open_existing_store(values);
  const std::vector<AssessmentRow> rows = store.assessments().history(values["country"].as<std::string>());
  if (rows.empty()) {
    io.out << "No assessments" << (values["country"].as<std::string>().empty() ? "" : " about this country") << ".\n";
    return 0;
  }
  auto column = [](const std::string& text, std::size_t width) { return report::fit(text, width - 1) + ' '; };
  io.out << column("id", 6) << column("date", 21) << column("document", 44) << column("kind", 5)
         << column("country", 18) << "at Meets or above\n";
  for (const AssessmentRow& r : rows) {
    io.out << column(std::to_string(r.id), 6) << column(r.created_at, 21)
           << column(r.title.empty() ? r.path : r.title, 44) << column(r.kind, 5)
           << column(r.country.empty() ? "-" : r.country, 18) << r.at_meets_or_above << " of " << r.applicable << '\n';
  }
  return 0;
}

int run_gaps(const std::vector<std::string>& args, Io io) {
  po::options_description options("options");
  add_db_option(options);
  add_filter_options(options);
  options.add_options()("documents", po::bool_switch(), "list, under each item, the documents below Meets")(
      "format", po::value<std::string>()->default_value("text"),
      "text, or html for the portfolio page (heat map of documents by items)");
  po::options_description hidden;
  po::positional_options_description positional;
  po::variables_map values;
  if (!parse_options(args, options, hidden, positional, values, io.out,
                     "usage: unct-assess gaps [--country NAME] [--region NAME] [--kind cca|cf|serp] [--year YYYY] "
                     "[--documents] [--db FILE]\n\n"
                     "Ranks the checklist items by the share of documents (the latest assessment of each) that rate\n"
                     "them below Meets: where the portfolio most often falls short.")) {
    return 0;
  }
  const bool html = wants_html(values);
  const GapFilter filter = filter_from(values);
  const store::Store store = open_existing_store(values);
  const std::vector<GapRow> rows = store.portfolio().gaps(filter);
  if (html) {
    report::render_portfolio_html(store.portfolio().documents(filter), rows, io.out);
    return 0;
  }
  if (rows.empty()) {
    io.out << "No assessed documents match.\n";
    return 0;
  }
  auto column = [](const std::string& text, std::size_t width) { return report::fit(text, width - 1) + ' '; };
  io.out << column("item", 14) << column("title", 56) << column("below Meets", 14) << "share\n";
  for (const GapRow& r : rows) {
    const long share = std::lround(100.0 * static_cast<double>(r.below_meets) / static_cast<double>(r.applicable));
    io.out << column(r.item_id, 14) << column(r.title, 56)
           << column(std::to_string(r.below_meets) + " of " + std::to_string(r.applicable), 14) << share << "%\n";
    if (values["documents"].as<bool>()) {
      for (const std::string& d : r.documents) io.out << "    - " << d << '\n';
    }
  }
  return 0;
}

int run_export(const std::vector<std::string>& args, Io io) {
  po::options_description options("options");
  add_db_option(options);
  options.add_options()("format", po::value<std::string>(),
                        "csv or xlsx (default: from the --out file's extension, else csv)")(
      "out", po::value<std::string>()->required(),
      "the workbook (xlsx), or the matrix file (csv) with the findings beside it as <name>-findings.csv");
  add_filter_options(options);
  po::options_description hidden;
  po::positional_options_description positional;
  po::variables_map values;
  if (!parse_options(args, options, hidden, positional, values, io.out,
                     "usage: unct-assess export --out FILE.xlsx|FILE.csv [--country C] [--region R] [--kind K] [--year "
                     "Y] [--db FILE]\n\n"
                     "Writes the portfolio for a spreadsheet, each document with its latest assessment and reviewed\n"
                     "levels. FILE.xlsx is one workbook: Documents (documents by items, coloured by level), Items\n"
                     "(ranked by the share below Meets), Findings (what is missing and what to add) and About.\n"
                     "FILE.csv holds the matrix with level codes, and FILE-findings.csv the findings.")) {
    return 0;
  }
  const std::filesystem::path out = values["out"].as<std::string>();
  check_out_path(values, out);
  const std::string format = values.count("format") != 0 ? values["format"].as<std::string>()
                             : out.extension() == ".xlsx" || out.extension() == ".XLSX" ? "xlsx"
                                                                                        : "csv";
  if (format != "csv" && format != "xlsx") throw InputError({}, "unknown --format \"" + format + "\": use csv or xlsx");
  // The file's name must say what it holds: CSV written into "portfolio.ods" would not open.
  const std::string extension = ascii_lower(out.extension().string());
  if (extension != "." + format) {
    throw InputError({.file = out}, "--out must end in ." + format + " for the " + format +
                                        " export (.ods and others are not written)");
  }
  const GapFilter filter = filter_from(values);
  const store::Store store = open_existing_store(values);
  const std::vector<PortfolioRow> documents = store.portfolio().documents(filter);
  const std::vector<Assessment> assessments = store.assessments().load(documents);
  if (format == "xlsx") {
    report::write_portfolio_xlsx(documents, store.portfolio().gaps(filter), assessments, out);
    io.out << "Wrote " << out.string() << " (" << documents.size()
           << " documents; sheets Documents, Items, Findings, About)\n";
    return 0;
  }

  // Both files are rendered in full before either is written.
  std::ostringstream matrix;
  std::ostringstream findings;
  report::render_matrix_csv(documents, matrix);
  report::render_findings_csv(assessments, findings);
  const std::filesystem::path& matrix_path = out;
  std::filesystem::path findings_path = matrix_path;
  findings_path.replace_filename(matrix_path.stem().string() + "-findings" + matrix_path.extension().string());
  refuse_overwriting_inputs(values, findings_path);
  for (const auto& [path, text] : {std::pair{matrix_path, matrix.str()}, std::pair{findings_path, findings.str()}}) {
    std::ofstream file(path, std::ios::binary);
    if (!file || !(file << text) || !file.flush()) {
      throw InputError({.file = path}, std::string("cannot write the export: ") + std::strerror(errno));
    }
  }
  io.out << "Wrote " << matrix_path.string() << " (" << documents.size() << " documents) and " << findings_path.string()
         << '\n';
  return 0;
}

int run_compare(const std::vector<std::string>& args, Io io) {
  po::options_description options("options");
  add_db_option(options);
  options.add_options()("format", po::value<std::string>()->default_value("text"), "text or html");
  po::options_description hidden;
  hidden.add_options()("first", po::value<std::string>()->required(), "first assessment")(
      "second", po::value<std::string>()->required(), "second assessment");
  po::positional_options_description positional;
  positional.add("first", 1).add("second", 1);
  po::variables_map values;
  if (!parse_options(args, options, hidden, positional, values, io.out,
                     "usage: unct-assess compare FIRST SECOND [--format text|html] [--db FILE]\n\n"
                     "Compares two stored assessments, typically two drafts: items whose level went up or down,\n"
                     "the change in points, gaps closed and opened. FIRST and SECOND are assessment ids (see\n"
                     "history), draft labels, file names, paths or titles; a name stands for the newest\n"
                     "assessment of its document.")) {
    return 0;
  }
  const bool html = wants_html(values);
  const store::Store store = open_existing_store(values);
  const Comparison comparison =
      compare(store.assessments().load(resolve_assessment(store, values["first"].as<std::string>())),
              store.assessments().load(resolve_assessment(store, values["second"].as<std::string>())));
  if (html)
    report::render_comparison_html(comparison, io.out);
  else
    report::render_comparison(comparison, io.out);
  return 0;
}

namespace {

int run_db_check(const std::vector<std::string>& args, Io io) {
  po::options_description options("options");
  add_db_option(options);
  po::options_description hidden;
  po::positional_options_description positional;
  po::variables_map values;
  if (!parse_options(args, options, hidden, positional, values, io.out,
                     "usage: unct-assess db check [--db FILE]\n\nRuns SQLite's integrity and foreign-key checks on the "
                     "database.")) {
    return 0;
  }
  const store::Store store = open_existing_store(values);
  const std::vector<std::string> problems = store.database().check();
  for (const std::string& p : problems) io.out << store.path().string() << ": " << p << '\n';
  if (problems.empty()) {
    io.out << store.path().string() << ": ok (schema version " << store.database().schema_version() << ", "
           << store.assessments().history().size() << " assessments)\n";
    return 0;
  }
  return 1;
}

}  // namespace

int run_db(const std::vector<std::string>& args, Io io) {
  static constexpr Command k_subcommands[] = {
      {"check", "run SQLite's integrity and foreign-key checks on the database", run_db_check},
  };
  return dispatch({.name = "db", .subcommands = k_subcommands}, args, io);
}

}  // namespace unct::cli
