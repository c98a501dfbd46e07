#include "engine/ingest/serialise.hpp"

#include <nlohmann/json.hpp>

#include <stdexcept>

namespace unct::ingest {
namespace {

BlockKind kind_of(std::string_view code_text) {
  for (BlockKind kind : {BlockKind::heading, BlockKind::paragraph, BlockKind::list_item, BlockKind::table_cell}) {
    if (code(kind) == code_text) return kind;
  }
  throw std::runtime_error("unknown block kind \"" + std::string(code_text) + "\"");
}

Zone zone_of(std::string_view code_text) {
  if (const std::optional<Zone> zone = parse_zone(code_text)) return *zone;
  throw std::runtime_error("unknown zone \"" + std::string(code_text) + "\"");
}

}  // namespace

std::string serialise(const Document& d) {
  nlohmann::json blocks = nlohmann::json::array();
  for (const Block& b : d.blocks) {
    blocks.push_back({{"kind", code(b.kind)}, {"text", b.text}, {"level", b.level}, {"line", b.line}, {"page", b.page},
                      {"section", b.section}, {"table", b.table}, {"row", b.row}, {"column", b.column},
                      {"zone", code(b.zone)}});
  }
  const nlohmann::json out{{"path", d.path.string()},
                           {"sha256", d.sha256},
                           {"format", d.format},
                           {"bytes", d.bytes},
                           {"title", d.title},
                           {"kind", d.kind ? std::string(code(*d.kind)) : std::string()},
                           {"language", d.language},
                           {"year", d.year.value_or(0)},
                           {"country", d.country},
                           {"pages", d.pages},
                           {"warnings", d.warnings},
                           {"blocks", blocks}};
  return out.dump();
}

Document deserialise(std::string_view text) {
  const nlohmann::json j = nlohmann::json::parse(text);
  Document d;
  d.path = j.at("path").get<std::string>();
  d.sha256 = j.at("sha256").get<std::string>();
  d.format = j.at("format").get<std::string>();
  d.bytes = j.at("bytes").get<std::uintmax_t>();
  d.title = j.at("title").get<std::string>();
  const std::string kind = j.at("kind").get<std::string>();
  if (!kind.empty()) d.kind = parse_document_kind(kind);
  d.language = j.at("language").get<std::string>();
  if (const int year = j.at("year").get<int>(); year > 0) d.year = year;
  d.country = j.at("country").get<std::string>();
  d.pages = j.at("pages").get<int>();
  d.warnings = j.at("warnings").get<std::vector<std::string>>();
  for (const nlohmann::json& b : j.at("blocks")) {
    d.blocks.push_back({.kind = kind_of(b.at("kind").get<std::string>()),
                        .text = b.at("text").get<std::string>(),
                        .level = b.at("level").get<int>(),
                        .line = b.at("line").get<int>(),
                        .page = b.at("page").get<int>(),
                        .section = b.at("section").get<std::vector<std::string>>(),
                        .table = b.at("table").get<int>(),
                        .row = b.at("row").get<int>(),
                        .column = b.at("column").get<int>(),
                        .zone = zone_of(b.at("zone").get<std::string>())});
  }
  return d;
}

}  // namespace unct::ingest
