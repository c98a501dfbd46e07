#include "engine/ingest/serialise.hpp"

#include <nlohmann/json.hpp>

#include <limits>

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
  // Written a block at a time rather than as one JSON tree of the whole document, which held the
  // text several times over: the same bytes as dumping that tree, whose keys are in order, so
  // "blocks" comes first.
  std::string out = "{\"blocks\":[";
  bool first = true;
  for (const Block& b : d.blocks) {
    if (!first) out += ',';
    first = false;
    out += nlohmann::json{{"kind", code(b.kind)}, {"text", b.text},       {"level", b.level}, {"line", b.line},
                          {"page", b.page},       {"section", b.section}, {"table", b.table}, {"row", b.row},
                          {"column", b.column},   {"zone", code(b.zone)}}
               .dump();
  }
  out += "],";
  const nlohmann::json rest{{"path", d.path.string()}, {"sha256", d.sha256},
                            {"format", d.format},      {"bytes", d.bytes},
                            {"title", d.title},        {"kind", d.kind ? std::string(code(*d.kind)) : std::string()},
                            {"language", d.language},  {"year", d.year.value_or(0)},
                            {"country", d.country},    {"pages", d.pages},
                            {"warnings", d.warnings}};
  out += std::string_view(rest.dump()).substr(1);  // past its "{"
  return out;
}

namespace {

// A whole number that fits `T`: a float or a huge value in a damaged cache is refused, never
// cast out of range.
template <class T>
T whole(const nlohmann::json& object, const char* key) {
  const nlohmann::json& value = object.at(key);
  if (!value.is_number_integer()) throw std::runtime_error(std::string("\"") + key + "\" is not a whole number");
  if (value.is_number_unsigned()) {
    const auto n = value.get<unsigned long long>();
    if (n > static_cast<unsigned long long>(std::numeric_limits<T>::max())) {
      throw std::runtime_error(std::string("\"") + key + "\" is out of range");
    }
    return static_cast<T>(n);
  }
  const auto n = value.get<long long>();
  const bool fits =
      n < 0 ? std::numeric_limits<T>::is_signed && n >= static_cast<long long>(std::numeric_limits<T>::min())
            : static_cast<unsigned long long>(n) <= static_cast<unsigned long long>(std::numeric_limits<T>::max());
  if (!fits) {
    throw std::runtime_error(std::string("\"") + key + "\" is out of range");
  }
  return static_cast<T>(n);
}

Document from_json(const nlohmann::json& j) {
  Document d;
  d.path = j.at("path").get<std::string>();
  d.sha256 = j.at("sha256").get<std::string>();
  d.format = j.at("format").get<std::string>();
  d.bytes = whole<std::uintmax_t>(j, "bytes");
  d.title = j.at("title").get<std::string>();
  const std::string kind = j.at("kind").get<std::string>();
  if (!kind.empty()) d.kind = parse_document_kind(kind);
  d.language = j.at("language").get<std::string>();
  if (const int year = whole<int>(j, "year"); year > 0) d.year = year;
  d.country = j.at("country").get<std::string>();
  d.pages = whole<int>(j, "pages");
  d.warnings = j.at("warnings").get<std::vector<std::string>>();
  for (const nlohmann::json& b : j.at("blocks")) {
    d.blocks.push_back({.kind = kind_of(b.at("kind").get<std::string>()),
                        .text = b.at("text").get<std::string>(),
                        .level = whole<int>(b, "level"),
                        .line = whole<int>(b, "line"),
                        .page = whole<int>(b, "page"),
                        .section = b.at("section").get<std::vector<std::string>>(),
                        .table = whole<int>(b, "table"),
                        .row = whole<int>(b, "row"),
                        .column = whole<int>(b, "column"),
                        .zone = zone_of(b.at("zone").get<std::string>())});
  }
  return d;
}

}  // namespace

Document deserialise(std::string_view text) {
  try {
    return from_json(nlohmann::json::parse(text));
  } catch (const nlohmann::json::exception& e) {
    throw std::runtime_error(std::string("not a stored document: ") + e.what());
  }
}

}  // namespace unct::ingest
