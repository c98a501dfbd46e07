#include "engine/report/inspect.hpp"
#include "cli/commands.hpp"
#include "cli/commands/options.hpp"
#include "cli/defaults.hpp"
#include "engine/ingest/read.hpp"
#include "engine/rules/checklist_cache.hpp"
#include "engine/rules/document_index.hpp"

namespace unct::cli {

namespace po = boost::program_options;

int run_inspect(const std::vector<std::string>& args, Io io) {
  po::options_description options("options");
  add_checklist_option(options, "checklist XML file (its document parts)");
  options.add_options()("blocks", po::bool_switch(), "list every block: kind, page or line, part and text");
  add_read_options(options);
  po::options_description hidden;
  hidden.add_options()("file", po::value<std::string>()->required(), "document");
  po::positional_options_description positional;
  positional.add("file", 1);
  po::variables_map values;
  if (!parse_options(args, options, hidden, positional, values, io.out,
                     "usage: unct-assess inspect FILE [--blocks] [--checklist FILE]\n\n"
                     "Shows what the engine reads in FILE, without scoring or storing anything: format, pages,\n"
                     "detected title, kind, language and year, blocks per kind, the outline of headings with\n"
                     "the checklist part each opens, and what the reader warned about.")) {
    return 0;
  }
  // From the checklist cache, as score takes it: loaded, validated and compiled once per content.
  const rules::LoadedChecklist loaded = load_compiled_option(values, nullptr);
  const ingest::Document document = ingest::read_document(values["file"].as<std::string>(), read_options(values));
  const rules::DocumentIndex index = rules::index_document(loaded.compiled, document, {.language = document.language});
  report::render_inspection(document, rules::part_ids(loaded.compiled, index), loaded.checklist,
                            values["blocks"].as<bool>(), io.out);
  return 0;
}

}  // namespace unct::cli
