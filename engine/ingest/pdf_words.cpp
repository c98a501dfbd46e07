// The PDF module (pdf_words.hpp): poppler's core API, the code pdftotext runs (PDFDoc,
// TextOutputDev, TextWord), and nothing of the engine. Built as unct-pdf.so, linked with poppler.

#include "engine/ingest/pdf_words.hpp"

// Poppler's core headers (Debian's libpoppler-private-dev), written against poppler 22.12 (Debian
// bookworm). Their API is not stable across poppler versions: all use of it is in this file.
#include <Error.h>
#include <GlobalParams.h>
#include <PDFDoc.h>
#include <Page.h>
#include <Stream.h>
#include <TextOutputDev.h>

#include <algorithm>
#include <memory>
#include <mutex>

namespace unct::ingest::pdf {
namespace {

// Writes a code point as UTF-8 at `out` and returns where it ends; one that is not a Unicode
// scalar value becomes U+FFFD, and NUL is left out. At most 4 bytes.
char* put_utf8(char* out, Unicode u) {
  if (u == 0) return out;
  if ((u >= 0xD800 && u <= 0xDFFF) || u > 0x10FFFF) u = 0xFFFD;
  if (u < 0x80) {
    *out++ = static_cast<char>(u);
  } else if (u < 0x800) {
    *out++ = static_cast<char>(0xC0 | (u >> 6));
    *out++ = static_cast<char>(0x80 | (u & 0x3F));
  } else if (u < 0x10000) {
    *out++ = static_cast<char>(0xE0 | (u >> 12));
    *out++ = static_cast<char>(0x80 | ((u >> 6) & 0x3F));
    *out++ = static_cast<char>(0x80 | (u & 0x3F));
  } else {
    *out++ = static_cast<char>(0xF0 | (u >> 18));
    *out++ = static_cast<char>(0x80 | ((u >> 12) & 0x3F));
    *out++ = static_cast<char>(0x80 | ((u >> 6) & 0x3F));
    *out++ = static_cast<char>(0x80 | (u & 0x3F));
  }
  return out;
}

// A page's words as poppler's text layer has them, in reading order: TextOutputDev with the
// settings poppler's own text_list uses (no physical layout, no raw order, 72 dpi, no rotation),
// the font size TextWord already carries, and nothing else: no scan of the page's fonts, no copy
// of the cross-reference table, no per-word conversion. Everything poppler made for the page is
// released on return. Filled in place: the words' texts point into `page.chars`, which a move
// of a short string would not carry along.
void poppler_words(PDFDoc& doc, int number, PageWords& page) {
  TextOutputDev device(nullptr, false, 0, false, false);
  doc.displayPageSlice(&device, number, 72, 72, 0, false, false, false, -1, -1, -1, -1);
  const std::unique_ptr<TextWordList> list = device.makeWordList();
  if (!list) return;
  const int count = list->getLength();
  page.words.reserve(static_cast<std::size_t>(count));
  std::vector<std::size_t> ends;
  ends.reserve(static_cast<std::size_t>(count));
  for (int i = 0; i < count; ++i) {
    const TextWord* word = list->get(i);
    const std::size_t start = page.chars.size();
    const int length = word->getLength();
    page.chars.resize(start + 4 * static_cast<std::size_t>(std::max(length, 0)));
    char* const begin = page.chars.data() + start;
    char* end = begin;
    for (int k = 0; k < length; ++k) end = put_utf8(end, *word->getChar(k));
    page.chars.resize(start + static_cast<std::size_t>(end - begin));
    if (end == begin) continue;
    double x_min = 0, y_min = 0, x_max = 0, y_max = 0;
    word->getBBox(&x_min, &y_min, &x_max, &y_max);
    // The right and bottom edges as origin plus extent, as poppler-cpp's rectangles gave them
    // (they may differ from x_max, y_max in the last bit), so that the layout stays as it was.
    page.words.push_back({{}, x_min, x_min + (x_max - x_min), y_min, y_min + (y_max - y_min), word->getFontSize()});
    ends.push_back(page.chars.size());
  }
  std::size_t start = 0;
  for (std::size_t i = 0; i < page.words.size(); ++i) {
    page.words[i].text = std::string_view(page.chars).substr(start, ends[i] - start);
    start = ends[i];
  }
}

void quiet(ErrorCategory, Goffset, const char*) {}

// Poppler's settings for the process (the data directory, its encodings) and its error messages
// silenced, once: many documents may be read at once.
void init_poppler() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (!globalParams) globalParams = std::make_unique<GlobalParams>();
    setErrorCallback(quiet);
  });
}

}  // namespace
}  // namespace unct::ingest::pdf

using unct::ingest::pdf::OpenStatus;
using unct::ingest::pdf::PageWords;

#define UNCT_EXPORT __attribute__((visibility("default")))

extern "C" {

UNCT_EXPORT std::uint64_t unct_pdf_layout() { return unct::ingest::pdf::layout(); }

UNCT_EXPORT void* unct_pdf_open(const char* bytes, std::size_t size, OpenStatus* status) {
  unct::ingest::pdf::init_poppler();
  // The document reads `bytes` in place; it owns (and deletes) the stream, not the bytes.
  auto doc = std::make_unique<PDFDoc>(new MemStream(bytes, 0, static_cast<Goffset>(size), Object(objNull)));
  if (!doc->isOk()) {
    *status = doc->getErrorCode() == errEncrypted ? OpenStatus::encrypted : OpenStatus::damaged;
    return nullptr;
  }
  *status = OpenStatus::ok;
  return doc.release();
}

UNCT_EXPORT int unct_pdf_page_count(void* document) { return static_cast<PDFDoc*>(document)->getNumPages(); }

UNCT_EXPORT bool unct_pdf_page(void* document, int number, PageWords* out) {
  PDFDoc& doc = *static_cast<PDFDoc*>(document);
  out->chars.clear();
  out->words.clear();
  out->height = 0;
  const Page* page = doc.getPage(number);
  if (!page) return false;
  // The crop box's height as origin plus extent, less the origin, as poppler-cpp gave it.
  const PDFRectangle* crop = page->getCropBox();
  out->height = (crop->y1 + (crop->y2 - crop->y1)) - crop->y1;
  unct::ingest::pdf::poppler_words(doc, number, *out);
  return true;
}

UNCT_EXPORT void unct_pdf_close(void* document) { delete static_cast<PDFDoc*>(document); }

}  // extern "C"
