#include "engine/signals/registry.hpp"

#include "tests/support/support.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <sstream>
#include <type_traits>

namespace unct::signals {
namespace {

// Every element a registered kind answers to.
template <class... Kinds>
std::vector<std::string> elements(std::type_identity<std::variant<Kinds...>>) {
  std::vector<std::string> out;
  auto add = [&]<class K>() {
    out.emplace_back(K::element);
    if constexpr (requires { K::alias; }) out.emplace_back(K::alias);
  };
  (add.template operator()<Kinds>(), ...);
  return out;
}

// Element -> the kind doc (engine/signals/<kind>/<kind>.md) with a "## `<element>`" section.
std::map<std::string, std::filesystem::path> documented() {
  std::map<std::string, std::filesystem::path> out;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(test::source_file("engine/signals"))) {
    if (entry.path().extension() != ".md") continue;
    std::istringstream in(test::read_bytes(entry.path()));
    for (std::string line; std::getline(in, line);) {
      if (line.rfind("## `<", 0) == 0 && line.size() > 7) out[line.substr(5, line.size() - 7)] = entry.path();
    }
  }
  return out;
}

TEST(SignalRegistry, EveryKindHasADocAnIndexRowAndASchemaElement) {
  const std::map<std::string, std::filesystem::path> docs = documented();
  const std::string index = test::read_bytes(test::source_file("docs/signals.md"));
  const std::string schema = test::read_bytes(test::source_file("schemas/checklist.xsd"));
  const std::vector<std::string> names = elements(std::type_identity<Signal::variant>{});
  ASSERT_GE(names.size(), 11u);
  for (const std::string& name : names) {
    ASSERT_EQ(docs.count(name), 1u) << "no \"## `<" << name << ">`\" in a doc under engine/signals/";
    const std::string link = std::filesystem::relative(docs.at(name), test::source_file("docs")).generic_string();
    EXPECT_NE(index.find("`<" + name), std::string::npos) << "docs/signals.md has no row for <" << name << ">";
    EXPECT_NE(index.find("(" + link + "#"), std::string::npos) << "docs/signals.md does not link " << link;
    EXPECT_NE(schema.find("<xs:element name=\"" + name + "\""), std::string::npos)
        << "schemas/checklist.xsd has no element <" << name << ">";
  }
}

}  // namespace
}  // namespace unct::signals
