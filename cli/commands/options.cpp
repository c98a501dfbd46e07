#include "cli/commands/options.hpp"

#include "cli/defaults.hpp"
#include "engine/checklist/load.hpp"
#include "engine/core/ascii.hpp"
#include "engine/core/error.hpp"
#include "engine/report/messages.hpp"

#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string_view>

namespace unct::cli {

namespace po = boost::program_options;

bool parse_options(const std::vector<std::string>& args, const po::options_description& options,
                   const po::options_description& hidden, const po::positional_options_description& positional,
                   po::variables_map& values, std::ostream& help_out, const std::string& usage) {
  po::options_description visible = options;
  visible.add_options()("help,h", "show this help");
  po::options_description all = visible;
  all.add(hidden);
  // Positional arguments are hidden options inside: a missing or bad one is named in the words
  // of the usage line, not as "the option '--file' is required".
  const std::string usage_line = usage.substr(0, usage.find('\n'));
  auto is_positional = [&](std::string name) {
    if (name.starts_with("--")) name.erase(0, 2);
    return hidden.find_nothrow(name, false) != nullptr;
  };
  try {
    po::store(po::command_line_parser(args).options(all).positional(positional).run(), values);
    if (values.count("help") != 0) {
      help_out << usage << "\n\n" << visible << '\n';
      return false;
    }
    po::notify(values);
  } catch (const po::required_option& e) {
    if (is_positional(e.get_option_name())) throw InputError({}, "an argument is missing (" + usage_line + ")");
    throw;
  } catch (const po::too_many_positional_options_error&) {
    throw InputError({}, "too many arguments (" + usage_line + ")");
  } catch (const po::invalid_option_value& e) {
    if (!is_positional(e.get_option_name())) throw;
    const std::string what = e.what();  // "the argument ('first') for option '--id' is invalid"
    const auto open = what.find("('");
    const auto close = what.find("')", open);
    const std::string value =
        open == std::string::npos || close == std::string::npos ? "" : what.substr(open + 2, close - open - 2);
    throw InputError({}, "\"" + value + "\" is not a valid argument here (" + usage_line + ")");
  }
  return true;
}

void add_checklist_option(po::options_description& options, const char* description) {
  options.add_options()("checklist", po::value<std::string>()->default_value(default_checklist().string()),
                        description);
}

checklist::Checklist load_checklist_option(const po::variables_map& values) {
  return checklist::load_checklist(values["checklist"].as<std::string>());
}

rules::LoadedChecklist load_compiled_option(const po::variables_map& values, Timings* timings) {
  return rules::load_compiled(values["checklist"].as<std::string>(), default_cache_folder(), timings);
}

void add_document_options(po::options_description& options) {
  options.add_options()("kind", po::value<std::string>(),
                        "document kind: cca, cf or serp (default: detected from the title, else cca)")(
      "lang", po::value<std::string>(), "document language: en, fr or es (default: detected from common words)")(
      "year", po::value<int>(), "year of the document (default: the first year in its title)")(
      "country", po::value<std::string>(), "country the document is about (default: named in its title)")(
      "title", po::value<std::string>(), "title to report and store (default: the document's first heading)")(
      "region", po::value<std::string>(), "region to store with the assessment, for `gaps --region`")(
      "draft", po::value<std::string>(), "draft label to store, e.g. \"draft 2\", for `compare` by name");
}

AssessOptions document_options(const po::variables_map& values) {
  AssessOptions options;
  options.kind = kind_option(values);
  if (values.count("lang") != 0) {
    const std::string lang = values["lang"].as<std::string>();
    if (!is_rated_language(lang)) throw InputError({}, "unknown --lang \"" + lang + "\": use en, fr or es");
    options.language = lang;
  }
  if (values.count("year") != 0) {
    const int year = values["year"].as<int>();
    if (!is_plausible_year(year)) {
      throw InputError({}, "--year " + std::to_string(year) + " is not a plausible document year");
    }
    options.year = year;
  }
  if (values.count("country") != 0) options.country = values["country"].as<std::string>();
  if (values.count("title") != 0) options.title = values["title"].as<std::string>();
  if (values.count("region") != 0) options.region = values["region"].as<std::string>();
  if (values.count("draft") != 0) options.draft = values["draft"].as<std::string>();
  return options;
}

void require_out_for_word(std::string_view format, const po::variables_map& values) {
  if (format == "docx" && values.count("out") == 0) {
    throw InputError({.field = "out"}, "a Word report is a file: give --out FILE.docx");
  }
}

void add_report_language_option(po::options_description& options) {
  options.add_options()("report-lang", po::value<std::string>(),
                        "language of the report: en, fr or es (default: the document's language, else en)");
}

report::RenderOptions render_options(const po::variables_map& values, const checklist::Checklist* checklist) {
  report::RenderOptions options{.checklist = checklist, .lang = {}};
  if (values.count("report-lang") != 0) {
    options.lang = values["report-lang"].as<std::string>();
    const auto& known = report::report_languages();
    if (std::find(known.begin(), known.end(), options.lang) == known.end()) {
      throw InputError({.field = "report-lang"}, "unknown --report-lang \"" + options.lang + "\": use en, fr or es");
    }
  }
  return options;
}

void add_db_option(po::options_description& options) {
  options.add_options()("db", po::value<std::string>()->default_value(default_database().string()), "database file");
}

namespace {

// A file that is not SQLite at all (a document or a CSV given as --db by mistake) is named as
// such, before SQLite answers "file is not a database". An empty file is left to SQLite, which
// makes it a new database.
void refuse_non_sqlite(const std::filesystem::path& db) {
  std::error_code error;
  if (!std::filesystem::is_regular_file(db, error)) return;
  std::ifstream in(db, std::ios::binary);
  std::array<char, 16> header{};
  in.read(header.data(), static_cast<std::streamsize>(header.size()));
  const auto read = static_cast<std::size_t>(in.gcount());
  if (read == 0) return;
  if (std::string_view(header.data(), read) != std::string_view("SQLite format 3\0", 16)) {
    throw InputError({.file = db},
                     "database error: file is not a database (not an SQLite file): check the --db path; "
                     "`unct-assess score` creates a database");
  }
}

}  // namespace

store::Store open_existing_store(const po::variables_map& values) {
  const std::filesystem::path db = values["db"].as<std::string>();
  std::error_code error;
  if (!std::filesystem::exists(db, error)) {
    if (values["db"].defaulted()) {
      throw InputError({.file = db},
                       "no such database in the current folder (the default --db): give --db the database "
                       "file, or run this where it is; `unct-assess score` creates one");
    }
    throw InputError({.file = db}, "no such database: check the --db path; `unct-assess score` creates a database");
  }
  if (std::filesystem::is_directory(db, error)) {
    throw InputError({.file = db}, "is a folder, not a database file: give --db the path of the database file");
  }
  refuse_non_sqlite(db);
  return store::Store(db);
}

void check_writable_database(const std::filesystem::path& db) {
  std::error_code error;
  if (std::filesystem::is_directory(db, error)) {
    throw InputError({.file = db}, "is a folder, not a database file: give --db the path of the database file");
  }
  const std::filesystem::path folder = db.parent_path().empty() ? std::filesystem::path(".") : db.parent_path();
  if (!std::filesystem::is_directory(folder, error)) {
    throw InputError({.file = db}, "the folder " + folder.string() +
                                       " does not exist: create it, or give --db a path in "
                                       "a folder that exists");
  }
  const bool exists = std::filesystem::exists(db, error);
  if (exists) refuse_non_sqlite(db);
  if (::access(folder.c_str(), W_OK) != 0) {
    throw InputError({.file = db},
                     std::string(exists ? "cannot write to the database" : "cannot create the database") +
                         ": the folder " + folder.string() +
                         " is read-only (SQLite writes a journal beside the database); give --db a path in "
                         "a folder you can write to" +
                         (exists ? ", with a copy of the database" : ""));
  }
  if (exists && ::access(db.c_str(), W_OK) != 0) {
    throw InputError({.file = db},
                     "the database file is read-only: make it writable (chmod u+w), or give --db a "
                     "writable copy");
  }
}

std::string item_id(std::string_view typed) { return ascii_upper(typed); }

// --out never replaces a file the command reads (the database, the checklist, a document), and
// never writes through a symbolic link to some other place.
void refuse_overwriting_inputs(const po::variables_map& values, const std::filesystem::path& out) {
  std::error_code error;
  if (std::filesystem::is_symlink(std::filesystem::symlink_status(out, error))) {
    throw InputError({.file = out}, "--out is a symbolic link; give the path of the file itself");
  }
  if (!std::filesystem::exists(out, error)) return;
  auto same = [&](const std::string& input) {
    std::error_code e;
    return !input.empty() && std::filesystem::equivalent(out, input, e);
  };
  for (const auto& [name, value] : values) {
    if (name == "out") continue;
    std::vector<std::string> inputs;
    if (const auto* one = boost::any_cast<std::string>(&value.value())) inputs.push_back(*one);
    if (const auto* many = boost::any_cast<std::vector<std::string>>(&value.value())) inputs = *many;
    for (const std::string& input : inputs) {
      if (same(input))
        throw InputError({.file = out}, "--out would overwrite --" + name + " (" + input + "); choose another file");
    }
  }
}

void check_out_path(const po::variables_map& values, const std::filesystem::path& out) {
  refuse_overwriting_inputs(values, out);
  std::error_code error;
  if (std::filesystem::is_directory(out, error)) {
    throw InputError({.file = out}, "--out is a folder: give the path of the file to write");
  }
  const std::filesystem::path folder = out.parent_path().empty() ? std::filesystem::path(".") : out.parent_path();
  if (!std::filesystem::is_directory(folder, error)) {
    throw InputError({.file = out}, "--out: the folder " + folder.string() + " does not exist; create it first");
  }
}

void write_output(const po::variables_map& values, std::ostream& io_out, std::ostream& io_err,
                  const std::function<void(std::ostream&)>& render) {
  if (values.count("out") == 0) {
    render(io_out);
    return;
  }
  const std::filesystem::path path = values["out"].as<std::string>();
  check_out_path(values, path);
  std::ostringstream text;
  render(text);
  std::ofstream file(path, std::ios::binary);
  if (!file || !(file << text.str()) || !file.flush()) {
    throw InputError({.file = path}, std::string("cannot write the file: ") + std::strerror(errno));
  }
  io_err << "unct-assess: wrote " << path.string() << '\n';
}

void add_read_options(po::options_description& options) {
  options.add_options()("max-size", po::value<double>()->default_value(256),
                        "refuse documents larger than this many MB (and DOCX packages that expand past twice this)");
}

// --country, --region, --kind and --year, which narrow the documents `gaps` and `export` count.
void add_filter_options(po::options_description& options) {
  options.add_options()("country", po::value<std::string>()->default_value(""), "only documents about this country")(
      "region", po::value<std::string>()->default_value(""),
      "only documents of this region (as the batch manifest gave it)")(
      "kind", po::value<std::string>()->default_value(""), "only documents of this kind: cca, cf or serp")(
      "year", po::value<int>()->default_value(0), "only documents of this year");
}

GapFilter filter_from(const po::variables_map& values) {
  const std::string kind = values["kind"].as<std::string>();
  if (!kind.empty() && !parse_document_kind(kind))
    throw InputError({}, "unknown --kind \"" + kind + "\": use cca, cf or serp");
  return {.country = values["country"].as<std::string>(),
          .region = values["region"].as<std::string>(),
          .kind = kind,
          .year = values["year"].as<int>()};
}

std::optional<DocumentKind> kind_option(const po::variables_map& values) {
  if (values.count("kind") == 0) return std::nullopt;
  const std::string kind = values["kind"].as<std::string>();
  const std::optional<DocumentKind> parsed = parse_document_kind(kind);
  if (!parsed) throw InputError({}, "unknown --kind \"" + kind + "\": use cca, cf or serp");
  return parsed;
}

ingest::ReadOptions read_options(const po::variables_map& values) {
  // Bounded before the conversion: "inf" or "1e300" MB does not fit a byte count.
  constexpr double k_max_mb = 4096;
  const double mb = values["max-size"].as<double>();
  if (!(mb > 0) || !(mb <= k_max_mb))
    throw InputError({}, "--max-size must be a number of MB above 0 and at most 4096");
  ingest::ReadOptions out;
  out.max_bytes = static_cast<std::uintmax_t>(mb * 1024 * 1024);
  out.max_unzipped_bytes = 2 * out.max_bytes;
  return out;
}

}  // namespace unct::cli
