// `unct-assess serve`, run by the web app's program unct-assess-web (cli/web/main.cpp): parses its
// options and starts the web app (engine/web), which holds the routes; nothing here but flags.

#include "cli/web/serve.hpp"

#include "cli/commands.hpp"
#include "cli/commands/options.hpp"
#include "cli/defaults.hpp"
#include "cli/run.hpp"
#include "engine/core/error.hpp"
#include "engine/web/server.hpp"

#include <filesystem>
#include <system_error>

namespace unct::cli {

namespace po = boost::program_options;

int run_web_app(const std::vector<std::string>& args, Io io) {
  po::options_description options("options");
  add_checklist_option(options);
  options.add_options()("db", po::value<std::string>()->default_value(default_database().string()),
                        "database file (created when absent)")(
      "bind", po::value<std::string>()->default_value("127.0.0.1"),
      "address to listen on; any other than 127.0.0.1 (this machine only) needs an access token")(
      "port", po::value<int>()->default_value(8080), "port to listen on (0: any free port)")(
      "token", po::value<std::string>(),
      "access token every request must carry (generated and printed when --bind is not local and none is given)")(
      "jobs", po::value<unsigned>()->default_value(0), "uploads scored at once (default: the processor's threads)")(
      "packs", po::value<std::string>()->default_value(default_packs_folder().string()),
      "folder of workshop packs (*.xml) a trainer can open a room from");
  // Lower than the CLI's 256 MB: each upload is held in memory while it is scored, several at once.
  options.add_options()("max-size", po::value<double>()->default_value(50),
                        "refuse uploads larger than this many MB (and DOCX packages that expand past twice this)");
  po::options_description hidden;
  po::positional_options_description positional;
  po::variables_map values;
  if (!parse_options(
          args, options, hidden, positional, values, io.out,
          "usage: unct-assess serve [--db FILE] [--bind 127.0.0.1] [--port 8080] [--token T] [--max-size MB]\n"
          "                         [--packs DIR]\n\n"
          "Starts the web app over the database: score a draft from the browser, read its report, compare\n"
          "drafts, query the portfolio, review ratings, download CSV or XLSX, and run a workshop room that\n"
          "participants on the same network join from a short link. Open the address it prints.\n"
          "Every page's data is also JSON under /api (docs/api.md). Ctrl-C (or SIGTERM) stops it.")) {
    return 0;
  }
  // A folder named on the command line must be there: a typo would otherwise offer no pack, in
  // silence. The default is offered only when it is there.
  std::filesystem::path packs = values["packs"].as<std::string>();
  if (std::error_code error; !std::filesystem::is_directory(packs, error)) {
    if (!values["packs"].defaulted()) {
      throw InputError({.file = packs, .field = "packs"}, "--packs: no such folder of workshop packs");
    }
    packs.clear();
  }
  const int port = values["port"].as<int>();
  if (port < 0 || port > 65535) throw InputError({.field = "port"}, "--port must be 0 to 65535");
  web::ServerOptions server_options{
      .database = values["db"].as<std::string>(),
      .bind = values["bind"].as<std::string>(),
      .port = port,
      .token = values.count("token") != 0 ? values["token"].as<std::string>() : std::string(),
      .read = read_options(values),
      .reader_command = {k_this_program, k_reader_worker_command},
      .parallel_scores = values["jobs"].as<unsigned>(),
      .packs = packs,
      .log = &io.err,
  };
  check_writable_database(server_options.database);
  const rules::LoadedChecklist loaded = load_compiled_option(values);
  web::Server server(loaded, std::move(server_options));
  server.bind();
  io.out << "unct-assess serve: open " << server.url() << " in a browser (Ctrl-C stops it)\n";
  if (!server.token().empty()) io.out << "access token: " << server.token() << '\n';
  io.out.flush();
  web::serve_until_signalled(server);
  io.out << "unct-assess serve: stopped\n";
  return k_exit_ok;
}

}  // namespace unct::cli
