#pragma once

#include "engine/ingest/document.hpp"

#include <cstdint>
#include <filesystem>
#include <string_view>

namespace unct::ingest {

struct ReadOptions {
  // Files above this size are refused before they are read. Default: 256 MiB.
  std::uintmax_t max_bytes = 256ull * 1024 * 1024;
  // Zip packages (DOCX, ODT): refused when their parts add up to more than this once inflated, or
  // when a part above 1 MiB inflates more than `max_zip_ratio` times (zip bombs).
  std::uint64_t max_unzipped_bytes = 512ull * 1024 * 1024;
  std::uint64_t max_zip_ratio = 100;
};

// A file's bytes and their SHA-256, read under the size limit: what decides whether a document
// has been read before.
struct Source {
  std::filesystem::path path;
  std::string bytes;
  std::string sha256;
};

// Throws InputError naming the file when it is missing, a directory, empty or too large.
Source load_source(const std::filesystem::path& path, const ReadOptions& options = {});

// Reads the document in `source` (see read_document).
Document read_source(const Source& source, const ReadOptions& options = {});
// The same, letting go of the source's bytes (a PDF's run to megabytes) once they are parsed,
// before the document is worked over, rather than holding them with it.
Document read_source(Source&& source, const ReadOptions& options = {});

// Reads a document, choosing the reader from the file's content and name (a PDF by its header; a
// zip package is read as ODT when its mimetype entry says OpenDocument text or it has content.xml
// and no word/document.xml, else as DOCX; an HTML page by its doctype or <html> tag, or
// .html/.htm; .md/.markdown are Markdown; other text is plain text). Throws InputError naming the
// file and the place for a missing, empty, oversized, binary or non-UTF-8 file, and for a format
// no reader handles, with what to save it as (a .doc or password-protected Office file, an
// OpenDocument spreadsheet or presentation, RTF, UTF-16 text).
Document read_document(const std::filesystem::path& path, const ReadOptions& options = {});

// The readers themselves, over text already checked (valid UTF-8, "\n" line ends, no BOM);
// `path` only names the source. They return the blocks; read_document adds the rest.
Document read_text(std::string_view bytes, const std::filesystem::path& path);
Document read_markdown(std::string_view bytes, const std::filesystem::path& path);
Document read_pdf(std::string_view bytes, const std::filesystem::path& path);
Document read_docx(std::string_view bytes, const std::filesystem::path& path, const ReadOptions& options = {});
// OpenDocument text; a password-protected package is refused with what to save it as.
Document read_odt(std::string_view bytes, const std::filesystem::path& path, const ReadOptions& options = {});
// HTML takes the raw bytes: the page's own charset declaration applies when they are not UTF-8.
Document read_html(std::string_view bytes, const std::filesystem::path& path);

// Whether a file's name says it is a document the readers take: .pdf, .docx, .odt, .html, .htm,
// .xhtml, .md, .markdown, .txt (any case). For picking documents out of a folder.
bool is_document_name(const std::filesystem::path& path);

// CCA, CF or SERP from the title and first headings; nullopt when they do not say.
std::optional<DocumentKind> detect_kind(const Document& document);

// "en", "fr" or "es" from the most frequent function words of each language in the first
// 5,000 words; empty when there are too few or no language clearly leads.
std::string detect_language(const Document& document);

// The country a title names: the part before ":" or " - " when the rest names the document
// type ("Republic of Valdoria: Common Country Analysis 2025"), or what follows "for", "of" or
// "in" after the type ("Cooperation Framework for Valdoria 2026-2030"); empty when unclear.
std::string detect_country(const Document& document);

// The first plausible year (1990-2099) in the title, e.g. 2025 in "Common Country Analysis
// 2025-2029"; nullopt when the title names none.
std::optional<int> detect_year(const Document& document);

}  // namespace unct::ingest
