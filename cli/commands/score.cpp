#include "engine/assess/score.hpp"
#include "cli/commands.hpp"
#include "cli/commands/options.hpp"
#include "cli/defaults.hpp"
#include "engine/assess/assess.hpp"
#include "engine/checklist/load.hpp"
#include "engine/core/allocator.hpp"
#include "engine/core/clock.hpp"
#include "engine/core/csv.hpp"
#include "engine/core/error.hpp"
#include "engine/ingest/read.hpp"
#include "engine/report/assessment.hpp"
#include "engine/rules/checklist_cache.hpp"
#include "engine/rules/compiled.hpp"
#include "engine/selfassess/selfassess.hpp"
#include "engine/store/store.hpp"

#include <algorithm>

namespace unct::cli {
namespace {

namespace po = boost::program_options;

}  // namespace

int run_score(const std::vector<std::string>& args, Io io) {
  po::options_description options("options");
  add_checklist_option(options);
  add_document_options(options);
  options.add_options()("db", po::value<std::string>()->default_value(default_database().string()),
                        "database file the result is stored in")(
      "self", po::value<std::string>(),
      "the country team's self-assessment (CSV or XLSX from `self-assess template`), stored beside the engine's "
      "levels")("format", po::value<std::string>()->default_value("text"),
                "report format: text, json, md, csv, html or docx (Word; needs --out)")(
      "out", po::value<std::string>(), "write the report to this file instead of the terminal")(
      "explain", po::value<std::vector<std::string>>()->composing(),
      "print why ITEM got its level (each criterion's signals, counts and matched words) instead of the report; "
      "repeatable")("timings", po::bool_switch(),
                    "print the time spent reading, normalising, scanning, evaluating and storing");
  add_report_language_option(options);
  add_read_options(options);
  po::options_description hidden;
  hidden.add_options()("file", po::value<std::string>()->required(), "document");
  po::positional_options_description positional;
  positional.add("file", 1);
  po::variables_map values;
  if (!parse_options(
          args, options, hidden, positional, values, io.out,
          "usage: unct-assess score FILE [options]\n\n"
          "Reads FILE (PDF, DOCX, ODT, HTML, Markdown or plain text), rates every applicable checklist item,\n"
          "stores the assessment in the database and prints the report.")) {
    return 0;
  }

  const std::string format_name = values["format"].as<std::string>();
  const std::optional<report::Format> format = report::parse_format(format_name);
  if (!format) throw InputError({}, "unknown --format \"" + format_name + "\": use text, json, md, csv, html or docx");
  require_out_for_word(format_name, values);
  // Checked before anything is read or stored: a report that cannot be written loses no work.
  if (values.count("out") != 0) check_out_path(values, values["out"].as<std::string>());
  AssessOptions assess_options = document_options(values);
  Timings timings;
  const bool timed = values["timings"].as<bool>();
  if (timed) assess_options.timings = &timings;

  // Every input is read and checked before the database is opened: bad input leaves it untouched.
  // Loaded and compiled once per checklist content: later runs take both from the cache.
  const rules::LoadedChecklist loaded = load_compiled_option(values, assess_options.timings);
  const checklist::Checklist& checklist = loaded.checklist;
  const report::RenderOptions rendering = render_options(values, &checklist);
  if (values.count("explain") != 0) {
    for (const std::string& typed : values["explain"].as<std::vector<std::string>>()) {
      assess_options.explain.push_back(item_id(typed));
    }
    for (const std::string& item : assess_options.explain) {
      if (checklist::find_item(checklist, item) == nullptr) {
        throw InputError({.file = checklist.source}, "--explain: no item \"" + item + "\" in this checklist");
      }
    }
  }
  std::vector<SelfRating> self;
  if (values.count("self") != 0) {
    const std::string form = values["self"].as<std::string>();
    self = selfassess::read_self_ratings(read_table(form), checklist);
    // The team's ratings were asked for: a form left blank would store none without a word.
    if (self.empty()) {
      throw InputError({.file = form}, "no item has a level: fill in the level column, or score without --self");
    }
  }
  check_writable_database(values["db"].as<std::string>());
  const rules::CompiledChecklist& compiled = loaded.compiled;
  // A document read before (same bytes) comes from the database's text cache, not its file.
  const ingest::ReadOptions read = read_options(values);
  const std::string database = values["db"].as<std::string>();
  auto [document, from_cache, assessment] = score_document(
      ingest::load_source(values["file"].as<std::string>(), read),
      [&](const std::string& sha256) { return store::DocumentStore::cached_document(database, sha256); },
      [&](ingest::Source&& source) { return ingest::read_source(std::move(source), read); }, checklist, compiled,
      assess_options);
  release_freed_memory();
  if (values.count("self") != 0) selfassess::apply(assessment, self, values["self"].as<std::string>());

  std::int64_t id = 0;
  store::Store store(values["db"].as<std::string>());
  {
    PhaseTimer timer(assess_options.timings, "store");
    const std::optional<store::CachedText> text = from_cache ? std::nullopt : std::optional(store::pack_text(document));
    id = store.assessments().save(assessment, text ? &*text : nullptr);
  }

  if (!assess_options.explain.empty()) {
    for (const std::string& item_id : assess_options.explain) {
      report::render_explanation(*find_result(assessment, item_id), io.out);
    }
    io.out << "Saved as assessment " << id << " in " << store.path().string() << '\n';
  } else if (*format != report::Format::text || values.count("out") != 0) {
    // stdout holds the report alone, for a file or a program
    write_output(values, io.out, io.err,
                 [&](std::ostream& out) { report::render(assessment, *format, out, rendering); });
    io.err << "unct-assess: saved as assessment " << id << " in " << store.path().string() << '\n';
  } else {
    report::render_text(assessment, io.out, rendering);
    io.out << "\nSaved as assessment " << id << " in " << store.path().string() << '\n';
  }
  if (timed) {
    report::render_timings(timings, *format == report::Format::text ? io.out : io.err);
  }
  return 0;
}

}  // namespace unct::cli
