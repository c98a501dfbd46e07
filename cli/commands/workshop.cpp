#include "engine/report/workshop.hpp"
#include "cli/commands.hpp"
#include "cli/commands/options.hpp"
#include "cli/defaults.hpp"
#include "cli/run.hpp"
#include "engine/checklist/load.hpp"
#include "engine/core/clock.hpp"
#include "engine/core/csv.hpp"
#include "engine/core/error.hpp"
#include "engine/rules/compiled.hpp"
#include "engine/workshop/pack.hpp"
#include "engine/workshop/session.hpp"

#include <map>

namespace unct::cli {
namespace {

namespace po = boost::program_options;

// "RDM-CF-05,RDM-CF-06" and repeated options alike.
std::vector<std::string> split_list(const std::vector<std::string>& values) {
  std::vector<std::string> out;
  for (const std::string& value : values) {
    std::size_t start = 0;
    while (start <= value.size()) {
      const std::size_t end = std::min(value.find(',', start), value.size());
      std::string part = value.substr(start, end - start);
      part.erase(0, part.find_first_not_of(' '));
      part.erase(part.find_last_not_of(' ') + 1);
      if (!part.empty()) out.push_back(part);
      start = end + 1;
    }
  }
  return out;
}

// Checked before anything is read or stored.
void check_debrief_format(const std::string& format) {
  if (format != "text" && format != "md" && format != "html" && format != "docx") {
    throw InputError({}, "unknown --format \"" + format + "\": use text, md, html or docx");
  }
}

void render_debrief_as(const std::string& format, const workshop::Debrief& debrief, std::ostream& out) {
  if (format == "md")
    report::render_debrief_markdown(debrief, out);
  else if (format == "html")
    report::render_debrief_html(debrief, out);
  else if (format == "docx")
    report::render_debrief_docx(debrief, out);
  else
    report::render_debrief(debrief, out);
}

int run_new(const std::vector<std::string>& args, Io io) {
  po::options_description options("options");
  add_checklist_option(options);
  options.add_options()("items", po::value<std::vector<std::string>>()->composing()->required(),
                        "the items in scope, e.g. RDM-CF-05,RDM-CF-06 (repeatable)")(
      "section", po::value<std::vector<std::string>>()->composing(),
      "a heading whose section goes into the excerpt (words of the heading, any case; repeatable); default: "
      "the sections where the engine found evidence for the items")(
      "max-sections", po::value<std::size_t>()->default_value(3),
      "without --section: how many sections, those with the most evidence, make the excerpt")(
      "kind", po::value<std::string>(), "document kind: cca, cf or serp (default: detected, else cca)")(
      "lang", po::value<std::string>(), "document language: en, fr or es (default: detected)")(
      "id", po::value<std::string>(), "pack id (default: from the file name)")(
      "title", po::value<std::string>(), "pack title (default: the document's title)")(
      "out", po::value<std::string>(), "pack file to write (default: standard output)");
  add_read_options(options);
  po::options_description hidden;
  hidden.add_options()("file", po::value<std::string>()->required(), "document");
  po::positional_options_description positional;
  positional.add("file", 1);
  po::variables_map values;
  if (!parse_options(
          args, options, hidden, positional, values, io.out,
          "usage: unct-assess workshop new FILE --items ITEM,ITEM... [--section HEADING]... [--out PACK.xml]\n\n"
          "Drafts an exercise pack from a document: the sections holding the engine's evidence for the\n"
          "items (or the sections named) become the excerpt, and the engine's rating of that excerpt\n"
          "becomes the draft answer key, with a rationale per item saying what it found and what not.\n"
          "Check and rewrite each level and rationale, then set the key's status to \"reviewed\".")) {
    return k_exit_ok;
  }
  workshop::DraftOptions draft{.items = split_list(values["items"].as<std::vector<std::string>>()),
                               .kind = kind_option(values)};
  for (std::string& item : draft.items) item = item_id(item);
  draft.max_sections = values["max-sections"].as<std::size_t>();
  if (draft.max_sections == 0) throw InputError({}, "--max-sections must be at least 1");
  if (values.count("section") != 0) draft.sections = values["section"].as<std::vector<std::string>>();
  if (values.count("lang") != 0) {
    draft.lang = values["lang"].as<std::string>();
    if (!is_rated_language(*draft.lang))
      throw InputError({}, "unknown --lang \"" + *draft.lang + "\": use en, fr or es");
  }
  if (values.count("id") != 0) draft.id = values["id"].as<std::string>();
  if (values.count("title") != 0) draft.title = values["title"].as<std::string>();
  const checklist::Checklist checklist = load_checklist_option(values);
  const ingest::Document document = ingest::read_document(values["file"].as<std::string>(), read_options(values));
  const workshop::Pack pack = [&] {
    try {
      return workshop::draft_pack(checklist, rules::compile(checklist), document, draft);
    } catch (const InputError& e) {
      // The engine names the option at fault; the user knows it by its flag.
      static const std::map<std::string, std::string> k_flags{
          {"items", "--items"}, {"sections", "--section"}, {"id", "--id"}};
      const auto flag = k_flags.find(e.where().field);
      if (flag == k_flags.end()) throw;
      throw InputError(e.where(), e.message() + " (" + flag->second + ")");
    }
  }();
  write_output(values, io.out, io.err, [&](std::ostream& out) { out << workshop::pack_xml(pack); });
  io.err << "unct-assess: drafted pack " << pack.id << ": " << pack.key.size() << " items, excerpt of "
         << workshop::excerpt_document(pack).blocks.size() << " blocks from " << pack.source
         << ". The key is the engine's draft: check it before the session.\n";
  return k_exit_ok;
}

int run_handout(const std::vector<std::string>& args, Io io) {
  po::options_description options("options");
  add_checklist_option(options);
  options.add_options()("format", po::value<std::string>()->default_value("md"),
                        "md or docx (the excerpt and the items to rate; docx needs --out) or csv (the answer sheet)")(
      "out", po::value<std::string>(), "file to write (default: standard output)");
  po::options_description hidden;
  hidden.add_options()("pack", po::value<std::string>()->required(), "pack");
  po::positional_options_description positional;
  positional.add("pack", 1);
  po::variables_map values;
  if (!parse_options(args, options, hidden, positional, values, io.out,
                     "usage: unct-assess workshop handout PACK [--format md|docx|csv] [--out FILE]\n\n"
                     "Writes what participants get: the instructions, the excerpt and the items to rate with their\n"
                     "questions (md), or the answer sheet `workshop score` reads (csv). Never the key. In the\n"
                     "pack's language (its lang); the sheet's levels are read in English, French or Spanish.")) {
    return k_exit_ok;
  }
  const std::string format = values["format"].as<std::string>();
  if (format != "md" && format != "csv" && format != "docx") {
    throw InputError({}, "unknown --format \"" + format + "\": use md, docx or csv");
  }
  require_out_for_word(format, values);
  const checklist::Checklist checklist = load_checklist_option(values);
  const workshop::Pack pack = workshop::load_pack(values["pack"].as<std::string>(), checklist);
  write_output(values, io.out, io.err, [&](std::ostream& out) {
    if (format == "md")
      report::render_handout_markdown(pack, checklist, out);
    else if (format == "docx")
      report::render_handout_docx(pack, checklist, out);
    else
      report::render_answer_sheet_csv(pack, checklist, out);
  });
  return k_exit_ok;
}

int run_score_sheets(const std::vector<std::string>& args, Io io) {
  po::options_description options("options");
  add_checklist_option(options);
  add_db_option(options);
  options.add_options()("cohort", po::value<std::string>()->default_value(""),
                        "a label for the group, e.g. \"Nairobi, May 2026\", to compare cohorts")(
      "format", po::value<std::string>()->default_value("text"),
      "debrief format: text, md, html or docx (docx needs --out)")(
      "out", po::value<std::string>(), "file to write the debrief to (default: standard output)")(
      "no-store", po::bool_switch(), "do not store the session in the database");
  po::options_description hidden;
  hidden.add_options()("pack", po::value<std::string>()->required(), "pack")(
      "sheets", po::value<std::vector<std::string>>()->required(), "answer sheets");
  po::positional_options_description positional;
  positional.add("pack", 1).add("sheets", -1);
  po::variables_map values;
  if (!parse_options(args, options, hidden, positional, values, io.out,
                     "usage: unct-assess workshop score PACK SHEET... [--cohort LABEL] [--format text|md|html|docx] "
                     "[--out FILE]\n\n"
                     "Scores participants' answer sheets (CSV or XLSX: participant, item, level, note; one sheet per\n"
                     "participant or one for the room) against the pack's key: each participant's agreement\n"
                     "(exact, within one level, weighted kappa), the room's, the items the room disagreed on most,\n"
                     "and the engine's rating of the excerpt beside the key. The session is stored for comparing\n"
                     "cohorts (`workshop sessions`, `workshop compare`).")) {
    return k_exit_ok;
  }
  const std::string format = values["format"].as<std::string>();
  check_debrief_format(format);
  require_out_for_word(format, values);
  // Where the debrief goes and where the session is stored are checked before the session is
  // stored: a refused --out leaves the database as it was.
  if (values.count("out") != 0) check_out_path(values, values["out"].as<std::string>());
  if (!values["no-store"].as<bool>()) check_writable_database(values["db"].as<std::string>());
  const checklist::Checklist checklist = load_checklist_option(values);
  const workshop::Pack pack = workshop::load_pack(values["pack"].as<std::string>(), checklist);
  std::vector<workshop::Answer> answers;
  for (const std::string& sheet : values["sheets"].as<std::vector<std::string>>()) {
    std::vector<workshop::Answer> read = workshop::read_answers(read_table(sheet), pack);
    answers.insert(answers.end(), read.begin(), read.end());
  }
  // The engine's rating of the excerpt, beside the key.
  workshop::Session session = workshop::make_session(pack, checklist, answers,
                                                     workshop::rate_excerpt(pack, checklist, rules::compile(checklist)),
                                                     values["cohort"].as<std::string>(), now_utc());
  if (!values["no-store"].as<bool>()) {
    store::Store store(values["db"].as<std::string>());
    session.id = store.workshop().save(session);
  }
  const workshop::Debrief debrief = workshop::debrief(session);
  write_output(values, io.out, io.err, [&](std::ostream& out) { render_debrief_as(format, debrief, out); });
  if (session.id > 0) {
    io.err << "unct-assess: saved as workshop session " << session.id << " in " << values["db"].as<std::string>()
           << '\n';
  }
  return k_exit_ok;
}

int run_sessions(const std::vector<std::string>& args, Io io) {
  po::options_description options("options");
  add_db_option(options);
  options.add_options()("pack", po::value<std::string>()->default_value(""),
                        "only the sessions of the pack with this id");
  po::options_description hidden;
  po::positional_options_description positional;
  po::variables_map values;
  if (!parse_options(args, options, hidden, positional, values, io.out,
                     "usage: unct-assess workshop sessions [--pack ID] [--db FILE]\n\n"
                     "Lists the stored workshop sessions with the room's agreement with the key.")) {
    return k_exit_ok;
  }
  const store::Store store = open_existing_store(values);
  std::vector<workshop::Debrief> debriefs;
  for (const workshop::Session& s : store.workshop().sessions(values["pack"].as<std::string>()))
    debriefs.push_back(workshop::debrief(s));
  report::render_sessions(debriefs, io.out);
  return k_exit_ok;
}

int run_session_report(const std::vector<std::string>& args, Io io) {
  po::options_description options("options");
  add_db_option(options);
  options.add_options()("format", po::value<std::string>()->default_value("text"),
                        "debrief format: text, md, html or docx (docx needs --out)")(
      "out", po::value<std::string>(), "file to write (default: standard output)");
  po::options_description hidden;
  hidden.add_options()("id", po::value<std::int64_t>()->required(), "session id");
  po::positional_options_description positional;
  positional.add("id", 1);
  po::variables_map values;
  if (!parse_options(
          args, options, hidden, positional, values, io.out,
          "usage: unct-assess workshop report SESSION [--format text|md|html|docx] [--out FILE] [--db FILE]\n\n"
          "Prints the debrief of a stored workshop session again.")) {
    return k_exit_ok;
  }
  const std::string format = values["format"].as<std::string>();
  check_debrief_format(format);
  require_out_for_word(format, values);
  const store::Store store = open_existing_store(values);
  const workshop::Debrief debrief = workshop::debrief(store.workshop().load(values["id"].as<std::int64_t>()));
  write_output(values, io.out, io.err, [&](std::ostream& out) { render_debrief_as(format, debrief, out); });
  return k_exit_ok;
}

int run_compare_cohorts(const std::vector<std::string>& args, Io io) {
  po::options_description options("options");
  add_db_option(options);
  po::options_description hidden;
  hidden.add_options()("ids", po::value<std::vector<std::int64_t>>()->required(), "session ids");
  po::positional_options_description positional;
  positional.add("ids", -1);
  po::variables_map values;
  if (!parse_options(args, options, hidden, positional, values, io.out,
                     "usage: unct-assess workshop compare SESSION SESSION... [--db FILE]\n\n"
                     "Puts cohorts side by side: each session's agreement with the key, and each item's share of\n"
                     "answers on the key per session.")) {
    return k_exit_ok;
  }
  const store::Store store = open_existing_store(values);
  std::vector<workshop::Debrief> debriefs;
  for (std::int64_t id : values["ids"].as<std::vector<std::int64_t>>())
    debriefs.push_back(workshop::debrief(store.workshop().load(id)));
  report::render_cohorts(workshop::compare_cohorts(std::move(debriefs)), io.out);
  return k_exit_ok;
}

constexpr Command k_subcommands[] = {
    {"new", "draft an exercise pack from a document, the engine's ratings as the draft key", run_new},
    {"handout", "what participants get: the excerpt and items (md), or the answer sheet (csv)", run_handout},
    {"score", "score answer sheets against the key; print the debrief; store the session", run_score_sheets},
    {"sessions", "list stored sessions", run_sessions},
    {"report", "print a stored session's debrief again", run_session_report},
    {"compare", "put cohorts (sessions) side by side", run_compare_cohorts},
};

}  // namespace

int run_workshop(const std::vector<std::string>& args, Io io) {
  return dispatch({.name = "workshop",
                   .subcommands = k_subcommands,
                   .footer = "A pack (docs/workshop.md) holds an excerpt, the items in scope and the answer key."},
                  args, io);
}

}  // namespace unct::cli
