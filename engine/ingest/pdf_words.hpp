#pragma once

// The one place the engine meets poppler: a PDF's pages as words with their boxes and font sizes,
// as poppler's text layer gives them. It is built as a module of its own (unct-pdf.so, linked with
// poppler and the twenty-odd libraries poppler brings) that the PDF reader (pdf.cpp) opens when it
// first reads a PDF, so that no other command pays for loading them at start.
//
// The module and the program are built together from this header, by the same compiler: the
// functions below have C names (looked up with dlsym) but pass these C++ types.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace unct::ingest::pdf {

struct Word {
  std::string_view text;  // in its page's characters (PageWords::chars)
  double left = 0, right = 0, top = 0, bottom = 0, size = 0;
};

// A page's words in poppler's reading order, their texts one after the other in one string.
struct PageWords {
  std::string chars;
  std::vector<Word> words;
  double height = 0;  // of the crop box
};

enum class OpenStatus { ok, encrypted, damaged };

// What the module and the program must agree on: bump k_version when these types or the functions
// below change in a way their sizes do not show. The program refuses a module whose layout()
// differs from its own (one left from another build, say).
constexpr std::uint64_t k_version = 1;
constexpr std::uint64_t layout() { return k_version << 32 | sizeof(PageWords) << 16 | sizeof(Word); }

}  // namespace unct::ingest::pdf

extern "C" {
// The module's pdf::layout().
std::uint64_t unct_pdf_layout();
// Opens the PDF in `bytes`, which must outlive the returned document; null, with `status` set,
// when poppler cannot. These functions throw only what allocating memory throws (std::bad_alloc).
void* unct_pdf_open(const char* bytes, std::size_t size, unct::ingest::pdf::OpenStatus* status);
int unct_pdf_page_count(void* document);
// Page `number` (from 1) into `out` (emptied first); false when poppler has no such page. All
// poppler made for the page is released on return.
bool unct_pdf_page(void* document, int number, unct::ingest::pdf::PageWords* out);
void unct_pdf_close(void* document);
}
