#include "engine/ingest/read.hpp"

#include "engine/core/ascii.hpp"
#include "engine/core/error.hpp"
#include "engine/core/file.hpp"
#include "engine/core/sha256.hpp"
#include "engine/core/zip.hpp"
#include "engine/ingest/outline.hpp"
#include "engine/ingest/zones.hpp"
#include "engine/text/normalise.hpp"
#include "engine/text/unicode.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>

#include <set>

namespace unct::ingest {
namespace {

// How far into the opening text the document's type is looked for.
constexpr std::size_t k_kind_words = 250;

bool starts_with(std::string_view text, std::string_view prefix) { return text.substr(0, prefix.size()) == prefix; }

bool is_html(std::string_view bytes, const std::filesystem::path& path) {
  const std::string extension = ascii_lower(path.extension().string());
  if (extension == ".html" || extension == ".htm" || extension == ".xhtml") return true;
  std::string_view head = bytes.substr(0, 1024);
  if (starts_with(head, "\xEF\xBB\xBF")) head.remove_prefix(3);
  const std::string lower = ascii_lower(
      head.substr(head.find_first_not_of(" \t\r\n") == std::string_view::npos ? 0 : head.find_first_not_of(" \t\r\n")));
  return starts_with(lower, "<!doctype html") || starts_with(lower, "<html") ||
         (starts_with(lower, "<?xml") && lower.find("<html") != std::string::npos);
}

// The bytes as UTF-8 text without a byte-order mark and with "\n" line ends, or an error that
// says where the text stops being text.
std::string checked_text(std::string_view bytes, const std::filesystem::path& path) {
  const std::size_t nul = bytes.substr(0, 64 * 1024).find('\0');
  if (nul != std::string_view::npos) {
    throw InputError({.file = path},
                     "binary data, not a text document (NUL byte at offset " + std::to_string(nul) + ")");
  }
  if (const auto bad = text::find_invalid_utf8(bytes)) {
    const LineColumn lc = line_column_at(bytes, *bad);
    throw InputError({.file = path, .line = lc.line, .column = lc.column},
                     "not valid UTF-8 (byte offset " + std::to_string(*bad) + "); save the file as UTF-8");
  }
  if (starts_with(bytes, "\xEF\xBB\xBF")) bytes.remove_prefix(3);
  std::string out;
  out.reserve(bytes.size());
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    if (bytes[i] == '\r') {
      if (i + 1 < bytes.size() && bytes[i + 1] == '\n') continue;
      out += '\n';
    } else {
      out += bytes[i];
    }
  }
  return out;
}

constexpr std::string_view k_opendocument = "application/vnd.oasis.opendocument.";
// Also text-template, text-master and text-web: text documents all the same.
constexpr std::string_view k_opendocument_text = "application/vnd.oasis.opendocument.text";

// A media type as a package writes it, up to the first character no media type has (a line end,
// a NUL): it goes into messages.
std::string media_type(std::string_view text) {
  const auto end = std::find_if(text.begin(), text.end(), [](char c) {
    return !std::isalnum(static_cast<unsigned char>(c)) && std::string_view(".+-/").find(c) == std::string_view::npos;
  });
  return std::string(text.substr(0, static_cast<std::size_t>(end - text.begin())).substr(0, 100));
}

// The media type an OpenDocument package declares in its first entry, "mimetype", which the
// format stores uncompressed at a fixed place to be read without unzipping (ODF 1.2 part 3,
// 3.3); empty when the bytes do not start so. Read from the bytes, it names even a package too
// damaged to open.
std::string sniffed_mimetype(std::string_view bytes) {
  auto byte = [&](std::size_t at) { return static_cast<std::size_t>(static_cast<unsigned char>(bytes[at])); };
  auto u16 = [&](std::size_t at) { return byte(at) | byte(at + 1) << 8; };
  // The local file header: method at 8 (0, stored), compressed size at 18, name and extra
  // field lengths at 26 and 28, then the name, the extra field and the data.
  if (bytes.size() < 30 || !starts_with(bytes, "PK\x03\x04") || u16(8) != 0) return {};
  const std::size_t size = u16(18) | u16(20) << 16;
  if (bytes.substr(30, u16(26)) != "mimetype") return {};
  const std::size_t data = 30 + u16(26) + u16(28);
  if (data > bytes.size()) return {};
  const std::string type = media_type(bytes.substr(data, std::min<std::size_t>(size, 200)));
  return starts_with(type, k_opendocument) ? type : "";
}

// An OpenDocument file that is not text (a spreadsheet, a presentation): what it is and what to do.
[[noreturn]] void refuse_opendocument(const std::string& mimetype, const std::filesystem::path& path) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 7> k_kinds{{
      {"spreadsheet", "an OpenDocument spreadsheet (.ods)"},
      {"presentation", "an OpenDocument presentation (.odp)"},
      {"graphics", "an OpenDocument drawing (.odg)"},
      {"formula", "an OpenDocument formula (.odf)"},
      {"chart", "an OpenDocument chart (.odc)"},
      {"database", "an OpenDocument database (.odb)"},
      {"image", "an OpenDocument image (.odi)"},
  }};
  std::string what = "an OpenDocument file of type \"" + mimetype + "\"";
  for (const auto& [type, name] : k_kinds) {
    if (starts_with(mimetype, std::string(k_opendocument) + std::string(type))) what = name;
  }
  throw InputError({.file = path},
                   what + ", not a text document: export it as PDF, or save its text as ODT or DOCX, and score that");
}

// A zip package: OpenDocument text by its declared type, or, when it declares none (not every
// producer stores the mimetype entry first), by its parts; else DOCX, whose reader says what a
// package without word/document.xml is.
Document read_package(std::string_view bytes, const std::filesystem::path& path, const ReadOptions& options) {
  std::string mimetype = sniffed_mimetype(bytes);
  if (mimetype.empty()) {
    const bool opendocument_name = starts_with(ascii_lower(path.extension().string()), ".od");
    const ZipPackage package(bytes, path,
                             {.max_unzipped_bytes = options.max_unzipped_bytes, .max_zip_ratio = options.max_zip_ratio},
                             opendocument_name ? "an OpenDocument file" : "a DOCX file");
    if (package.has("word/document.xml") || !package.has("content.xml")) return read_docx(bytes, path, options);
    mimetype = media_type(package.part("mimetype").value_or(""));
    if (!starts_with(mimetype, k_opendocument)) mimetype = k_opendocument_text;  // content.xml decides
  }
  if (!starts_with(mimetype, k_opendocument_text)) refuse_opendocument(mimetype, path);
  return read_odt(bytes, path, options);
}

bool is_markdown_name(const std::filesystem::path& path) {
  const std::string extension = ascii_lower(path.extension().string());
  return extension == ".md" || extension == ".markdown";
}

std::string first_title(const Document& document) {
  for (const Block& block : document.blocks) {
    if (block.kind == BlockKind::heading && block.level == 1) return block.text;
  }
  if (document.blocks.empty()) return {};
  std::string line = document.blocks.front().text.substr(0, document.blocks.front().text.find('\n'));
  if (line.size() <= 120) return line;
  // Cut at a character's start, not inside one: a cut UTF-8 sequence is invalid text.
  std::size_t cut = 117;
  while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
  return line.substr(0, cut) + "...";
}

// A lone top-level heading that opens the document is its title, not a section: quotes read
// "2. Who is left behind", not "Republic of X: Common Country Analysis > 2. Who is left behind".
void drop_title_from_sections(Document& document) {
  const auto top_level = std::count_if(document.blocks.begin(), document.blocks.end(),
                                       [](const Block& b) { return b.kind == BlockKind::heading && b.level == 1; });
  const Block& first = document.blocks.front();
  if (top_level != 1 || first.kind != BlockKind::heading || first.level != 1) return;
  for (std::size_t i = 1; i < document.blocks.size(); ++i) {
    std::vector<std::string>& section = document.blocks[i].section;
    if (!section.empty() && section.front() == first.text) section.erase(section.begin());
  }
}

// Packages and pages can carry bytes that are not UTF-8 inside their XML text (a broken DOCX
// run, a mislabelled page): each such byte becomes U+FFFD, with a warning, so that nothing
// downstream (normalising, storing the text) meets invalid text.
void repair_utf8(Document& document) {
  auto repair = [](std::string& text) {
    std::size_t from = 0;
    std::size_t count = 0;
    while (const auto bad = text::find_invalid_utf8(std::string_view(text).substr(from))) {
      text.replace(from + *bad, 1, "\xEF\xBF\xBD");
      from += *bad + 3;
      ++count;
    }
    return count;
  };
  std::size_t repaired = 0;
  for (Block& block : document.blocks) {
    repaired += repair(block.text);
    for (std::string& heading : block.section) repair(heading);  // copies of headings already counted
  }
  for (std::string& warning : document.warnings) repair(warning);
  if (repaired > 0) {
    document.warnings.push_back(repaired == 1
                                    ? std::string("1 byte of text was not valid UTF-8 and was replaced by \xEF\xBF\xBD")
                                    : std::to_string(repaired) +
                                          " bytes of text were not valid UTF-8 and were replaced by \xEF\xBF\xBD");
  }
}

}  // namespace

std::optional<DocumentKind> detect_kind(const Document& document) {
  // The names UN documents give themselves, normalised (lower case, no accents). Many names
  // mean a Cooperation Framework: the checklist rates them all alike.
  static constexpr std::array<std::pair<std::string_view, DocumentKind>, 37> k_names{{
      {"socio-economic response", DocumentKind::serp},
      {"socioeconomic response", DocumentKind::serp},
      {"socio-economic recovery", DocumentKind::serp},
      {"reponse socio-economique", DocumentKind::serp},
      {"respuesta socioeconomica", DocumentKind::serp},
      {"respuesta socio-economica", DocumentKind::serp},
      {"cooperation framework", DocumentKind::cf},
      {"development assistance framework", DocumentKind::cf},
      {"undaf", DocumentKind::cf},
      {"unsdcf", DocumentKind::cf},
      {"unsdf", DocumentKind::cf},
      {"partnership framework", DocumentKind::cf},
      {"sustainable development framework", DocumentKind::cf},
      {"one un programme", DocumentKind::cf},
      {"one united nations programme", DocumentKind::cf},
      {"programme of cooperation", DocumentKind::cf},
      {"common development plan", DocumentKind::cf},
      {"cadre de cooperation", DocumentKind::cf},
      {"cadre de partenariat", DocumentKind::cf},
      {"plan-cadre", DocumentKind::cf},
      {"plan cadre", DocumentKind::cf},
      {"pnuad", DocumentKind::cf},
      {"marco de cooperacion", DocumentKind::cf},
      {"marco estrategico de cooperacion", DocumentKind::cf},
      {"marco de asistencia de las naciones unidas", DocumentKind::cf},
      {"manud", DocumentKind::cf},
      {"programa de cooperacion", DocumentKind::cf},
      {"common country analysis", DocumentKind::cca},
      {"common country assessment", DocumentKind::cca},
      {"bilan commun de pays", DocumentKind::cca},
      {"analyse commune de pays", DocumentKind::cca},
      {"evaluation commune de pays", DocumentKind::cca},
      {"analisis comun de pais", DocumentKind::cca},
      {"analisis comun del pais", DocumentKind::cca},
      {"evaluacion comun de pais", DocumentKind::cca},
      {"analisis comun de las naciones unidas", DocumentKind::cca},
      {"analyse commune des nations unies", DocumentKind::cca},
  }};
  // The name standing first in `text`, at word boundaries.
  auto first_named = [](const std::string& text) -> std::optional<DocumentKind> {
    std::size_t best = std::string::npos;
    std::optional<DocumentKind> kind;
    for (const auto& [name, k] : k_names) {
      for (std::size_t at = text.find(name); at != std::string::npos && at < best; at = text.find(name, at + 1)) {
        const bool starts = at == 0 || !std::isalnum(static_cast<unsigned char>(text[at - 1]));
        const std::size_t end = at + name.size();
        const bool ends = end == text.size() || !std::isalnum(static_cast<unsigned char>(text[end]));
        if (starts && ends) {
          best = at;
          kind = k;
          break;
        }
      }
    }
    return kind;
  };
  // The title names the type in every UN template; covers put it in the opening lines, before
  // the first heading a reader recognises. The title decides; else the first name in the
  // first headings and opening blocks.
  if (auto kind = first_named(text::normalise_term(document.title))) return kind;
  std::string head;
  int headings = 0;
  std::size_t words = 0;
  for (const Block& block : document.blocks) {
    if (block.kind == BlockKind::heading) {
      if (++headings > 3 && words > k_kind_words) break;
    } else if (words > k_kind_words) {
      continue;
    }
    head += text::normalise_term(block.text) + '\n';
    words += text::count_words(block.text);
  }
  return first_named(head);
}

std::string detect_language(const Document& document) {
  // Function words that only one of the three languages uses often.
  static const std::map<std::string, int, std::less<>> k_words{
      {"the", 0}, {"and", 0},   {"of", 0},   {"to", 0},  {"is", 0},  {"for", 0}, {"with", 0}, {"that", 0},
      {"are", 0}, {"which", 0}, {"le", 1},   {"les", 1}, {"des", 1}, {"et", 1},  {"du", 1},   {"une", 1},
      {"est", 1}, {"pour", 1},  {"dans", 1}, {"sur", 1}, {"aux", 1}, {"el", 2},  {"los", 2},  {"las", 2},
      {"del", 2}, {"y", 2},     {"una", 2},  {"es", 2},  {"por", 2}, {"con", 2}, {"para", 2}, {"al", 2}};
  std::array<int, 3> counts{};
  std::size_t words = 0;
  std::string word;
  auto count = [&] {
    if (word.empty()) return;
    ++words;
    if (auto it = k_words.find(word); it != k_words.end()) ++counts[static_cast<std::size_t>(it->second)];
    word.clear();
  };
  for (const Block& block : document.blocks) {
    for (char c : block.text) {
      if (std::isalpha(static_cast<unsigned char>(c)))
        word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      else
        count();
    }
    count();
    if (words > 5000) break;
  }
  const auto best = static_cast<std::size_t>(std::max_element(counts.begin(), counts.end()) - counts.begin());
  const int second = std::max({best == 0 ? 0 : counts[0], best == 1 ? 0 : counts[1], best == 2 ? 0 : counts[2]});
  if (counts[best] < 5 || counts[best] < 2 * second) return {};
  return std::array<std::string, 3>{"en", "fr", "es"}[best];
}

std::string detect_country(const Document& document) {
  const std::string& title = document.title;
  const std::string lower = ascii_lower(title);
  static constexpr std::string_view k_types[] = {"common country analysis",
                                                 "cooperation framework",
                                                 "development assistance framework",
                                                 "undaf",
                                                 "socio-economic response",
                                                 "socioeconomic response",
                                                 "bilan commun de pays",
                                                 "cadre de coop",
                                                 "an\xC3\xA1lisis com\xC3\xBAn",
                                                 "marco de cooperaci",
                                                 "plan de respuesta"};
  std::size_t type_at = std::string::npos;
  for (std::string_view type : k_types) type_at = std::min(type_at, lower.find(type));
  if (type_at == std::string::npos) return {};
  auto clean = [](std::string text) {
    // Drop years (four digits, 1900-2099, ranges included) and the punctuation around the name.
    auto digit = [&](std::size_t i) {
      return i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])) != 0;
    };
    for (std::size_t i = 0; i + 4 <= text.size(); ++i) {
      const bool year = (i == 0 || !digit(i - 1)) && digit(i) && digit(i + 1) && digit(i + 2) && digit(i + 3) &&
                        !digit(i + 4) && (text.compare(i, 2, "19") == 0 || text.compare(i, 2, "20") == 0);
      if (year) text.replace(i, 4, "    ");
    }
    std::string out = trim(text);
    for (bool cut = true; cut && !out.empty();) {
      cut = false;
      if (std::string_view(",:;-()").find(out.back()) != std::string_view::npos) {
        out.pop_back();
        cut = true;
      } else if (out.size() >= 3 && out.compare(out.size() - 3, 3, "\xE2\x80\x93") == 0) {  // an en dash
        out.resize(out.size() - 3);
        cut = true;
      }
      out = trim(out);
    }
    return out;
  };
  // "Valdoria: Common Country Analysis", "Valdoria - UN Cooperation Framework"
  for (std::string_view separator : {": ", " - ", " \xE2\x80\x93 "}) {
    const std::size_t at = title.find(separator);
    if (at != std::string::npos && at < type_at) return clean(title.substr(0, at));
  }
  // "Cooperation Framework for Valdoria 2026-2030", "Common Country Analysis of Valdoria"
  for (std::string_view joint : {" for ", " of ", " in ", " pour ", " para ", " de la ", " du ", " de "}) {
    const std::size_t at = lower.find(joint, type_at);
    if (at != std::string::npos) return clean(title.substr(at + joint.size()));
  }
  return {};
}

std::optional<int> detect_year(const Document& document) {
  const std::string& title = document.title;
  auto digit = [&](std::size_t i) {
    return i < title.size() && std::isdigit(static_cast<unsigned char>(title[i])) != 0;
  };
  for (std::size_t i = 0; i + 4 <= title.size(); ++i) {
    if ((i > 0 && digit(i - 1)) || !digit(i) || !digit(i + 1) || !digit(i + 2) || !digit(i + 3) || digit(i + 4))
      continue;
    const int year = std::stoi(title.substr(i, 4));
    if (year >= 1990 && year <= 2099) return year;
  }
  return std::nullopt;
}

bool is_document_name(const std::filesystem::path& path) {
  static const std::set<std::string, std::less<>> k_extensions{".pdf",   ".docx", ".odt",      ".html", ".htm",
                                                               ".xhtml", ".md",   ".markdown", ".txt"};
  return k_extensions.contains(ascii_lower(path.extension().string()));
}

Source load_source(const std::filesystem::path& path, const ReadOptions& options) {
  Source source{.path = path, .bytes = read_file(path, options.max_bytes), .sha256 = {}};
  if (source.bytes.empty()) throw InputError({.file = path}, "the file is empty");
  source.sha256 = sha256_hex(source.bytes);
  return source;
}

namespace {

// The reader the bytes call for; the blocks as it gives them.
Document read_format(const Source& source, const ReadOptions& options) {
  const std::string& bytes = source.bytes;
  const std::filesystem::path& path = source.path;
  Document document;
  const std::string named = ascii_lower(path.extension().string());
  // A PDF may carry a few bytes before its header (a byte-order mark, a line end): readers look
  // for it in the first kilobyte.
  if (starts_with(bytes, "%PDF-") ||
      (named == ".pdf" && std::string_view(bytes).substr(0, 1024).find("%PDF-") != std::string_view::npos)) {
    document = read_pdf(bytes, path);
  } else if (starts_with(bytes, "PK\x03\x04") || starts_with(bytes, "PK\x05\x06")) {
    document = read_package(bytes, path, options);
  } else if (starts_with(bytes, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) {
    // The OLE container of Word 97-2003 files and of every password-protected Office file.
    throw InputError({.file = path},
                     "a legacy Word (.doc) or password-protected Office file: save it as DOCX without a "
                     "password, or as PDF, and score that");
  } else if (starts_with(bytes, "{\\rtf")) {
    throw InputError({.file = path}, "a Rich Text (RTF) file: save it as DOCX or PDF and score that");
  } else if (starts_with(bytes, "\xFF\xFE") || starts_with(bytes, "\xFE\xFF")) {
    throw InputError({.file = path}, "UTF-16 text: save the file as UTF-8 and score it again");
  } else if (named == ".pdf" || named == ".docx" || named == ".odt") {
    // Named as a binary format the readers know, but not one: a web page saved under the wrong
    // name, or a download that went wrong. Read as text, it would be scored in silence.
    const std::string format = named == ".pdf" ? "a PDF" : named == ".docx" ? "a DOCX file" : "an ODT file";
    throw InputError({.file = path},
                     "named " + named + " but not " + format +
                         (is_html(bytes, path) ? " (it is a web page: rename it .html, or save the page as PDF)"
                                               : " (it does not start as one): download or export it again, "
                                                 "or give it the name of what it is"));
  } else if (is_html(bytes, path)) {
    document = read_html(bytes, path);
  } else {
    const std::string text = checked_text(bytes, path);
    document = is_markdown_name(path) ? read_markdown(text, path) : read_text(text, path);
  }
  if (document.blocks.empty()) {
    // When the reader left text out (nested too deep, say), that is why: say it.
    throw InputError({.file = path},
                     "the document has no text" +
                         (document.warnings.empty() ? std::string() : " (" + document.warnings.front() + ")"));
  }
  return document;
}

// What every reader's document gets once read: zones, title, kind, language, year, country.
void finish(Document& document, const std::string& sha256, std::uintmax_t bytes) {
  repair_utf8(document);
  mark_zones(document);
  document.sha256 = sha256;
  document.bytes = bytes;
  document.title = first_title(document);
  drop_title_from_sections(document);
  document.kind = detect_kind(document);
  document.language = detect_language(document);
  document.year = detect_year(document);
  document.country = detect_country(document);
}

}  // namespace

Document read_source(const Source& source, const ReadOptions& options) {
  Document document = read_format(source, options);
  finish(document, source.sha256, source.bytes.size());
  return document;
}

Document read_source(Source&& source, const ReadOptions& options) {
  Document document = read_format(source, options);
  const std::uintmax_t bytes = source.bytes.size();
  std::string().swap(source.bytes);
  finish(document, source.sha256, bytes);
  return document;
}

Document read_document(const std::filesystem::path& path, const ReadOptions& options) {
  return read_source(load_source(path, options), options);
}

}  // namespace unct::ingest
