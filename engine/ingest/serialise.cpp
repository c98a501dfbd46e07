#include "engine/ingest/serialise.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

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

namespace {

// The stored form: "unct-doc", a format byte, then the document's members in the order Document
// and Block declare them. Numbers are LEB128 varints (signed ones zigzagged), texts a length and
// their bytes, enumerations their codes ("heading", "cover", "cca"), so that renumbering an
// enumeration leaves stored documents readable.
constexpr std::string_view k_magic = "unct-doc";
constexpr char k_format = 1;

// Where Writer's bytes go: appended to a string, only counted, or passed on in pieces.
struct Appended {
  std::string& bytes;
  void put(char c) { bytes += c; }
  void put(std::string_view s) { bytes += s; }
};

struct Counted {
  std::size_t bytes = 0;
  void put(char) { ++bytes; }
  void put(std::string_view s) { bytes += s.size(); }
};

// Gathers the bytes into a piece of k_serialised_piece bytes and hands it on when full; a long
// text is cut across pieces. Requires: flush() after the last byte.
class Pieces {
public:
  explicit Pieces(const std::function<void(std::string_view)>& sink) : m_sink(sink) {
    m_piece.reserve(k_serialised_piece);
  }
  void put(char c) {
    if (m_piece.size() == k_serialised_piece) flush();
    m_piece += c;
  }
  void put(std::string_view s) {
    while (!s.empty()) {
      if (m_piece.size() == k_serialised_piece) flush();
      const std::size_t n = std::min(s.size(), k_serialised_piece - m_piece.size());
      m_piece += s.substr(0, n);
      s.remove_prefix(n);
    }
  }
  void flush() {
    if (!m_piece.empty()) m_sink(m_piece);
    m_piece.clear();
  }

private:
  const std::function<void(std::string_view)>& m_sink;
  std::string m_piece;
};

template <class Out>
class Writer {
public:
  explicit Writer(Out& out) : m_out(out) {}
  void raw(std::string_view bytes) { m_out.put(bytes); }
  void number(std::uint64_t n) {
    while (n >= 0x80) {
      m_out.put(static_cast<char>((n & 0x7F) | 0x80));
      n >>= 7;
    }
    m_out.put(static_cast<char>(n));
  }
  void signed_number(std::int64_t n) {
    number((static_cast<std::uint64_t>(n) << 1) ^ static_cast<std::uint64_t>(n >> 63));
  }
  void text(std::string_view t) {
    number(t.size());
    m_out.put(t);
  }
  void texts(const std::vector<std::string>& list) {
    number(list.size());
    for (const std::string& t : list) text(t);
  }

private:
  Out& m_out;
};

// Reads what Writer wrote; throws std::runtime_error naming what is wrong with bytes it did not write.
class Reader {
public:
  explicit Reader(std::string_view bytes) : m_rest(bytes) {}
  std::uint64_t number() {
    std::uint64_t n = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (m_rest.empty()) throw damaged("it ends inside a number");
      const auto byte = static_cast<unsigned char>(m_rest.front());
      m_rest.remove_prefix(1);
      n |= static_cast<std::uint64_t>(byte & 0x7F) << shift;
      if ((byte & 0x80) == 0) return n;
    }
    throw damaged("a number runs past 64 bits");
  }
  std::int64_t signed_number() {
    const std::uint64_t n = number();
    return static_cast<std::int64_t>(n >> 1) ^ -static_cast<std::int64_t>(n & 1);
  }
  // A signed number that fits an int.
  int whole() {
    const std::int64_t n = signed_number();
    if (n < std::numeric_limits<int>::min() || n > std::numeric_limits<int>::max())
      throw damaged("a number is out of range");
    return static_cast<int>(n);
  }
  // A count of things each at least one byte long, which the rest must be able to hold.
  std::size_t count() {
    const std::uint64_t n = number();
    if (n > m_rest.size()) throw damaged("a count runs past its end");
    return static_cast<std::size_t>(n);
  }
  std::string text() {
    const std::size_t n = count();
    std::string out(m_rest.substr(0, n));
    m_rest.remove_prefix(n);
    return out;
  }
  std::vector<std::string> texts() {
    std::vector<std::string> out(count());
    for (std::string& t : out) t = text();
    return out;
  }
  bool at_end() const { return m_rest.empty(); }
  static std::runtime_error damaged(const std::string& why) {
    return std::runtime_error("not a stored document: " + why);
  }

private:
  std::string_view m_rest;
};

Document from_binary(std::string_view bytes) {
  Reader in(bytes);
  Document d;
  d.path = in.text();
  d.sha256 = in.text();
  d.format = in.text();
  d.bytes = in.number();
  d.title = in.text();
  if (const std::string kind = in.text(); !kind.empty()) {
    d.kind = parse_document_kind(kind);
    if (!d.kind) throw Reader::damaged("unknown document kind \"" + kind + "\"");
  }
  d.language = in.text();
  if (const int year = in.whole(); year > 0) d.year = year;
  d.country = in.text();
  d.blocks.resize(in.count());
  for (Block& b : d.blocks) {
    b.kind = kind_of(in.text());
    b.text = in.text();
    b.level = in.whole();
    b.line = in.whole();
    b.page = in.whole();
    b.section = in.texts();
    b.table = in.whole();
    b.row = in.whole();
    b.column = in.whole();
    b.zone = zone_of(in.text());
  }
  d.pages = in.whole();
  d.warnings = in.texts();
  if (!in.at_end()) throw Reader::damaged("bytes follow its end");
  return d;
}

template <class Out>
void write(const Document& d, Out& sink) {
  // Every member, in order: a member added to Document or Block without being added here and to
  // from_binary stops this from compiling.
  const auto& [path, sha256, format, bytes, title, kind, language, year, country, blocks, pages, warnings] = d;
  Writer out(sink);
  out.raw(k_magic);
  out.raw(std::string_view(&k_format, 1));
  out.text(path.native());
  out.text(sha256);
  out.text(format);
  out.number(bytes);
  out.text(title);
  out.text(kind ? code(*kind) : std::string_view());
  out.text(language);
  out.signed_number(year.value_or(0));
  out.text(country);
  out.number(blocks.size());
  for (const Block& b : blocks) {
    const auto& [block_kind, text, level, line, page, section, table, row, column, zone] = b;
    out.text(code(block_kind));
    out.text(text);
    out.signed_number(level);
    out.signed_number(line);
    out.signed_number(page);
    out.texts(section);
    out.signed_number(table);
    out.signed_number(row);
    out.signed_number(column);
    out.text(code(zone));
  }
  out.signed_number(pages);
  out.texts(warnings);
}

}  // namespace

std::size_t serialised_size(const Document& document) {
  Counted counted;
  write(document, counted);
  return counted.bytes;
}

std::string serialise(const Document& document) {
  std::string bytes;
  bytes.reserve(serialised_size(document));  // made once, not grown by doubling
  Appended appended{bytes};
  write(document, appended);
  return bytes;
}

void serialise(const Document& document, const std::function<void(std::string_view piece)>& sink) {
  Pieces pieces(sink);
  write(document, pieces);
  pieces.flush();
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
  if (text.size() > k_magic.size() && text.starts_with(k_magic)) {
    if (text[k_magic.size()] != k_format) throw Reader::damaged("a format this program does not know");
    return from_binary(text.substr(k_magic.size() + 1));
  }
  try {
    return from_json(nlohmann::json::parse(text));
  } catch (const nlohmann::json::exception& e) {
    throw std::runtime_error(std::string("not a stored document: ") + e.what());
  }
}

}  // namespace unct::ingest
