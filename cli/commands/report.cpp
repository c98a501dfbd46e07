#include "cli/commands.hpp"
#include "cli/commands/options.hpp"
#include "cli/defaults.hpp"
#include "engine/checklist/load.hpp"
#include "engine/core/error.hpp"
#include "engine/report/assessment.hpp"
#include "engine/store/store.hpp"

#include <filesystem>

namespace unct::cli {

namespace po = boost::program_options;

int run_report(const std::vector<std::string>& args, Io io) {
  po::options_description options("options");
  add_checklist_option(options,
                       "checklist file whose questions the HTML report shows, when it is the one the assessment used");
  options.add_options()("format", po::value<std::string>()->default_value("text"),
                        "text, json, md, csv, html or docx (Word; needs --out)")(
      "out", po::value<std::string>(), "write the report to this file instead of the terminal");
  add_report_language_option(options);
  add_db_option(options);
  po::options_description hidden;
  hidden.add_options()("id", po::value<std::int64_t>()->required(), "assessment id");
  po::positional_options_description positional;
  positional.add("id", 1);
  po::variables_map values;
  if (!parse_options(
          args, options, hidden, positional, values, io.out,
          "usage: unct-assess report ID [--format text|json|md|csv|html|docx] [--report-lang en|fr|es] [--out FILE]\n"
          "       [--db FILE]\n\n"
          "Prints a stored assessment (the id `score` gave) as a report: text for the terminal, Markdown\n"
          "for a memo, JSON for other programs, CSV (one row per item) for a spreadsheet, HTML (one\n"
          "self-contained page) to send to colleagues, DOCX for Word. Every report starts with a\n"
          "summary: the overall figure, then what to add first. The report is written in the\n"
          "document's language (en, fr or es; --report-lang to choose).")) {
    return 0;
  }
  const std::string format_name = values["format"].as<std::string>();
  const std::optional<report::Format> format = report::parse_format(format_name);
  if (!format) throw InputError({}, "unknown --format \"" + format_name + "\": use text, json, md, csv, html or docx");
  require_out_for_word(format_name, values);
  report::RenderOptions rendering = render_options(values, nullptr);
  const store::Store store = open_existing_store(values);
  const Assessment assessment = store.assessments().load(values["id"].as<std::int64_t>());
  // The questions and the translated wording are a courtesy: a checklist that cannot be read is
  // left out, and the report keeps the stored (English) wording.
  std::optional<checklist::Checklist> source;
  try {
    source = load_checklist_option(values);
  } catch (const InputError&) {
  }
  rendering.checklist = source ? &*source : nullptr;
  write_output(values, io.out, io.err, [&](std::ostream& out) { report::render(assessment, *format, out, rendering); });
  return 0;
}

}  // namespace unct::cli
