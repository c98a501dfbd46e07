#pragma once

#include "engine/assess/assess.hpp"
#include "engine/assess/portfolio.hpp"
#include "engine/checklist/model.hpp"
#include "engine/ingest/read.hpp"
#include "engine/report/assessment.hpp"
#include "engine/rules/checklist_cache.hpp"
#include "engine/store/store.hpp"

#include <boost/program_options.hpp>

#include <filesystem>
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace unct::cli {

// Parses a command's arguments (`hidden` holds the positional ones, left out of the help); returns false after printing
// help when --help was asked. Throws boost::program_options::error for unknown options, missing values or extra
// arguments.
bool parse_options(const std::vector<std::string>& args, const boost::program_options::options_description& options,
                   const boost::program_options::options_description& hidden,
                   const boost::program_options::positional_options_description& positional,
                   boost::program_options::variables_map& values, std::ostream& help_out, const std::string& usage);

// --checklist FILE (default: the bundled checklist), and the checklist it names, loaded and
// validated (InputError naming the file and place otherwise).
void add_checklist_option(boost::program_options::options_description& options,
                          const char* description = "checklist XML file");
checklist::Checklist load_checklist_option(const boost::program_options::variables_map& values);
// The same checklist and its compiled form, for the commands that rate with it (score, batch,
// rescore): taken from the cache of compiled checklists when it holds them (default_cache_folder),
// else loaded, validated and compiled, and kept there for the next run.
rules::LoadedChecklist load_compiled_option(const boost::program_options::variables_map& values,
                                            Timings* timings = nullptr);

// --kind, --lang, --year, --country, --title, --region and --draft: what the user says of a
// document they score (score, annotate).
void add_document_options(boost::program_options::options_description& options);
// Those options as the engine takes them. Throws InputError for an unknown kind or language, or a
// year no document has.
AssessOptions document_options(const boost::program_options::variables_map& values);

// A Word document is a file, never text for a terminal: throws InputError asking for --out when
// `format` is "docx" and --out is absent.
void require_out_for_word(std::string_view format, const boost::program_options::variables_map& values);

// --report-lang en|fr|es, the language of a report (default: the document's, else English).
void add_report_language_option(boost::program_options::options_description& options);
// The report options: --report-lang (InputError for a language reports are not written in) and
// the checklist whose questions and translations the report uses.
report::RenderOptions render_options(const boost::program_options::variables_map& values,
                                     const checklist::Checklist* checklist);

// --db FILE, for commands over stored assessments (default: ./unct-assess.db).
void add_db_option(boost::program_options::options_description& options);
// The database --db names, which must exist: commands that only read or amend stored assessments
// never create one. Throws InputError "no such database" naming the file (and saying that
// unct-assess.db in the current folder is the default when --db was not given).
store::Store open_existing_store(const boost::program_options::variables_map& values);
// Checks, before a command that writes opens it, that the database `db` can be written: not a
// folder, in a folder that exists and can be written (SQLite keeps its journal beside the
// database), and not a read-only file. Throws InputError naming the file and saying what to do.
void check_writable_database(const std::filesystem::path& db);

// --country, --region, --kind and --year, which narrow the stored documents a portfolio command
// takes (the latest assessment of each), and the filter they make. filter_from throws InputError
// for an unknown kind.
void add_filter_options(boost::program_options::options_description& options);
GapFilter filter_from(const boost::program_options::variables_map& values);

// The document kind --kind names; nullopt when not given. Throws InputError for an unknown kind.
std::optional<DocumentKind> kind_option(const boost::program_options::variables_map& values);

// Writes what `render` produces to the file --out names, rendered in full first so that a
// failure leaves no half-written file, and says so on `io_err`; to `io_out` when --out is absent.
// Throws InputError naming the file when it cannot be written.
// Throws InputError when `out` is a symbolic link, or the same file as any file or database the
// command's options name (--out must never replace what the command reads).
void refuse_overwriting_inputs(const boost::program_options::variables_map& values, const std::filesystem::path& out);
// refuse_overwriting_inputs, and that `out` can be created: its folder exists and `out` is not a
// folder. Checked before anything is written or stored.
void check_out_path(const boost::program_options::variables_map& values, const std::filesystem::path& out);

// An item id as a user types it: ids are upper case ("rdm-cf-04" is RDM-CF-04).
std::string item_id(std::string_view typed);

void write_output(const boost::program_options::variables_map& values, std::ostream& io_out, std::ostream& io_err,
                  const std::function<void(std::ostream&)>& render);

// --max-size MB, for commands that read a document.
void add_read_options(boost::program_options::options_description& options);
// The reader's limits from those options; throws InputError for a size that is not positive.
ingest::ReadOptions read_options(const boost::program_options::variables_map& values);

}  // namespace unct::cli
