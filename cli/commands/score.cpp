#include "cli/commands.hpp"
#include "cli/commands/options.hpp"
#include "cli/defaults.hpp"
#include "engine/assess/assess.hpp"
#include "engine/checklist/load.hpp"
#include "engine/core/error.hpp"
#include "engine/ingest/read.hpp"
#include "engine/report/json.hpp"
#include "engine/report/text.hpp"
#include "engine/rules/compiled.hpp"
#include "engine/store/store.hpp"

#include <chrono>
#include <ctime>

namespace unct::cli {
namespace {

namespace po = boost::program_options;

std::string now_utc() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buffer;
}

}  // namespace

int run_score(const std::vector<std::string>& args, Io io) {
  po::options_description options("options");
  options.add_options()
      ("checklist", po::value<std::string>()->default_value(default_checklist().string()), "checklist XML file")
      ("db", po::value<std::string>()->default_value(default_database().string()), "database file the result is stored in")
      ("kind", po::value<std::string>(), "document kind: cca, cf or serp (default: detected from the title, else cca)")
      ("format", po::value<std::string>()->default_value("text"), "report format: text or json");
  po::options_description hidden;
  hidden.add_options()("file", po::value<std::string>()->required(), "document");
  po::positional_options_description positional;
  positional.add("file", 1);
  po::variables_map values;
  if (!parse_options(args, options, hidden, positional, values, io.out,
                     "usage: unct-assess score FILE [options]\n\n"
                     "Reads FILE (Markdown or plain text), rates every applicable checklist item, stores the\n"
                     "assessment in the database and prints the report.")) {
    return 0;
  }

  const std::string format = values["format"].as<std::string>();
  if (format != "text" && format != "json") {
    throw InputError({}, "unknown --format \"" + format + "\": use text or json");
  }
  AssessOptions assess_options;
  if (values.count("kind") != 0) {
    const std::string kind = values["kind"].as<std::string>();
    assess_options.kind = parse_document_kind(kind);
    if (!assess_options.kind) throw InputError({}, "unknown --kind \"" + kind + "\": use cca, cf or serp");
  }

  // Every input is read and checked before the database is opened: bad input leaves it untouched.
  const checklist::Checklist checklist = checklist::load_checklist(values["checklist"].as<std::string>());
  const ingest::Document document = ingest::read_document(values["file"].as<std::string>());
  const rules::CompiledChecklist compiled = rules::compile(checklist);
  Assessment assessment = assess(checklist, compiled, document, assess_options);
  assessment.created_at = now_utc();

  store::Store store(values["db"].as<std::string>());
  const std::int64_t id = store.save(assessment);

  if (format == "json") {
    report::render_json(assessment, io.out);
    io.err << "unct-assess: saved as assessment " << id << " in " << store.path().string() << '\n';
  } else {
    report::render_text(assessment, io.out);
    io.out << "\nSaved as assessment " << id << " in " << store.path().string() << '\n';
  }
  return 0;
}

}  // namespace unct::cli
