#include "engine/report/annotate.hpp"
#include "cli/commands.hpp"
#include "cli/commands/options.hpp"
#include "cli/defaults.hpp"
#include "engine/assess/score.hpp"
#include "engine/core/error.hpp"
#include "engine/ingest/read.hpp"
#include "engine/rules/checklist_cache.hpp"
#include "engine/store/store.hpp"

namespace unct::cli {

namespace po = boost::program_options;

int run_annotate(const std::vector<std::string>& args, Io io) {
  po::options_description options("options");
  add_checklist_option(options);
  add_document_options(options);
  options.add_options()("out", po::value<std::string>()->required(),
                        "the reviewed copy to write (the draft itself is never changed)")(
      "db", po::value<std::string>()->default_value(default_database().string()),
      "database file the assessment is stored in");
  add_report_language_option(options);
  add_read_options(options);
  po::options_description hidden;
  hidden.add_options()("file", po::value<std::string>()->required(), "the draft, a DOCX file");
  po::positional_options_description positional;
  positional.add("file", 1);
  po::variables_map values;
  if (!parse_options(
          args, options, hidden, positional, values, io.out,
          "usage: unct-assess annotate DRAFT.docx --out REVIEWED.docx [options]\n\n"
          "Scores the team's Word draft like `score` (and stores the assessment), then writes a copy of it with\n"
          "Word comments by \"unct-assess\": one on each passage quoted as evidence, naming the items and\n"
          "criteria it supports, and one per gap where the content is expected, saying what to add. The rest\n"
          "of the draft (tracked changes, styles, footnotes, its own comments) is kept as it is.")) {
    return 0;
  }
  const std::filesystem::path out = values["out"].as<std::string>();
  check_out_path(values, out);
  const AssessOptions assess_options = document_options(values);
  const report::RenderOptions rendering = render_options(values, nullptr);

  const ingest::ReadOptions read = read_options(values);
  const std::filesystem::path file = values["file"].as<std::string>();
  const ingest::Source source = ingest::load_source(file, read);
  const rules::LoadedChecklist loaded = load_compiled_option(values, nullptr);
  check_writable_database(values["db"].as<std::string>());
  const std::string database = values["db"].as<std::string>();
  // Read here, not from the text cache: the comments are anchored in this very file.
  // A copy of the source goes to be read: its bytes are the draft the comments are added to.
  auto [document, from_cache, assessment] = score_document(
      source, {}, [&](ingest::Source&& s) { return ingest::read_source(std::move(s), read); }, loaded.checklist,
      loaded.compiled, assess_options);
  if (document.format != "docx") {
    throw InputError({.file = file},
                     "comments can only be added to a Word document, and this is " +
                         (document.format == "pdf" ? std::string("a PDF") : "a " + document.format + " file") +
                         ": annotate the team's .docx, or use `score` for a report");
  }
  const report::Annotated annotated = report::annotate_docx(
      {.draft = source.bytes,
       .path = file,
       .document = document,
       .assessment = assessment,
       .checklist = loaded.checklist,
       .compiled = loaded.compiled,
       .lang = rendering.lang,
       .date = assessment.created_at,
       .limits = {.max_unzipped_bytes = read.max_unzipped_bytes, .max_zip_ratio = read.max_zip_ratio}});
  // Written before the assessment is stored: a copy that cannot be written stores nothing.
  write_output(values, io.out, io.err, [&](std::ostream& o) { o << annotated.docx; });
  store::Store store(database);
  const store::CachedText text = store::pack_text(document);
  const std::int64_t id = store.assessments().save(assessment, &text);
  io.out << "Added " << annotated.evidence_comments + annotated.gap_comments << " comments to " << out.string() << ": "
         << annotated.evidence_comments << " on passages quoted as evidence, " << annotated.gap_comments
         << " on gaps.\n";
  if (annotated.quotes_not_placed > 0) {
    io.out << annotated.quotes_not_placed
           << " quoted passages are not in a single paragraph of the draft word for word (a heading and its "
              "text, or a footnote) and have no comment; the report shows them.\n";
  }
  io.out << "Saved as assessment " << id << " in " << store.path().string() << '\n';
  return 0;
}

}  // namespace unct::cli
