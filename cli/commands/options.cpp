#include "cli/commands/options.hpp"

namespace unct::cli {

namespace po = boost::program_options;

bool parse_options(const std::vector<std::string>& args, const po::options_description& options,
                   const po::options_description& hidden,
                   const po::positional_options_description& positional, po::variables_map& values,
                   std::ostream& help_out, const std::string& usage) {
  po::options_description visible = options;
  visible.add_options()("help,h", "show this help");
  po::options_description all = visible;
  all.add(hidden);
  po::store(po::command_line_parser(args).options(all).positional(positional).run(), values);
  if (values.count("help") != 0) {
    help_out << usage << "\n\n" << visible << '\n';
    return false;
  }
  po::notify(values);
  return true;
}

}  // namespace unct::cli
