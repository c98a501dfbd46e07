#pragma once

// What the zip-and-XML readers (DOCX, ODT) share: parsing one part of a package with an error
// that names the part, line and column, and looking up elements and attributes by their local
// name, whatever prefix a producer bound the namespace to (docutils writes "ns0:p" for "text:p").
// Private to the readers in engine/ingest: pugixml does not reach the rest of the engine.

#include "engine/core/error.hpp"

#include <pugixml.hpp>

#include <algorithm>
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace unct::ingest::xml {

// `part` of the package at `path`, parsed with pugixml's `options`. Throws InputError
// "path: part:line:column: malformed XML (...)".
inline pugi::xml_document parse_part(const std::string& bytes, const char* part, const std::filesystem::path& path,
                                     unsigned options) {
  pugi::xml_document doc;
  const pugi::xml_parse_result parsed = doc.load_buffer(bytes.data(), bytes.size(), options);
  if (!parsed) {
    const LineColumn lc = line_column_at(bytes, static_cast<std::size_t>(std::max<std::ptrdiff_t>(parsed.offset, 0)));
    throw InputError({.file = path}, std::string(part) + ":" + std::to_string(lc.line) + ":" +
                                         std::to_string(lc.column) + ": malformed XML (" + parsed.description() + ")");
  }
  return doc;
}

// A name without its prefix: "w:p" -> "p".
inline std::string_view local(std::string_view name) {
  const auto colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

inline std::string_view local(const pugi::xml_node node) { return local(std::string_view(node.name())); }

// The first child element with this local name; an empty node when there is none.
inline pugi::xml_node child(const pugi::xml_node node, std::string_view name) {
  for (pugi::xml_node c : node.children()) {
    if (local(c) == name) return c;
  }
  return {};
}

// The value of the attribute with this local name; nullopt when there is none.
inline std::optional<std::string_view> attribute(const pugi::xml_node node, std::string_view name) {
  for (pugi::xml_attribute a : node.attributes()) {
    if (local(std::string_view(a.name())) == name) return std::string_view(a.value());
  }
  return std::nullopt;
}

}  // namespace unct::ingest::xml
