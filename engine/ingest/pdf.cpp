// PDF through poppler-cpp. Poppler gives each page's words in reading order (columns one after
// the other) with their boxes and font sizes; this reader rebuilds lines and paragraphs from the
// boxes, joins words hyphenated at a line end, removes running headers and footers (lines at the
// top or bottom of most pages, page numbers included), and infers headings from a larger font
// or a short numbered line ("2.3 Data gaps"). Every block carries its page number.
//
// Tables are not rebuilt: their cells come out as lines of text in reading order.

#include "engine/core/error.hpp"
#include "engine/ingest/outline.hpp"
#include "engine/ingest/read.hpp"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <memory>
#include <set>

namespace unct::ingest {
namespace {

struct Line {
  std::string text;
  double top = 0;
  double bottom = 0;
  double left = 0;
  double size = 0;  // font size of its first word
  int page = 0;
};

std::string utf8(const poppler::ustring& s) {
  const poppler::byte_array bytes = s.to_utf8();
  return std::string(bytes.begin(), bytes.end());
}

// The page's words grouped into lines: a word starts a new line when it sits on another
// baseline or goes back to the left.
std::vector<Line> page_lines(const poppler::page& page, int number) {
  std::vector<Line> lines;
  double last_right = 0;
  for (const poppler::text_box& box : page.text_list(poppler::page::text_list_include_font)) {
    const std::string word = utf8(box.text());
    if (word.empty()) continue;
    const poppler::rectf r = box.bbox();
    const double size = box.has_font_info() ? box.get_font_size() : r.height();
    const bool same_line = !lines.empty() && std::abs(r.bottom() - lines.back().bottom) < 0.5 * std::max(size, 1.0) &&
                           r.left() >= last_right - 1.0;
    if (same_line) {
      lines.back().text += ' ' + word;
      lines.back().top = std::min(lines.back().top, r.top());
    } else {
      lines.push_back({word, r.top(), r.bottom(), r.left(), size, number});
    }
    last_right = r.right();
  }
  return lines;
}

// "Page 3 of 40", "- 12 -", "iv" and the like, with digits blurred so running lines compare equal.
std::string running_key(const std::string& text) {
  std::string key;
  for (char c : text) key += std::isdigit(static_cast<unsigned char>(c)) ? '#' : c;
  return key;
}

bool is_page_number(const std::string& text) {
  std::string core;
  for (char c : text) {
    if (c != ' ' && c != '-' && c != '|') core += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  if (core.rfind("page", 0) == 0) core = core.substr(4);
  if (core.empty()) return false;
  return std::all_of(core.begin(), core.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)) || c == 'o' || c == 'f'; }) ||
         core.find_first_not_of("ivxlc") == std::string::npos;
}

// Lines in the top or bottom band of a page that repeat (digits aside) on at least half of the
// pages, or that are page numbers.
void drop_running_lines(std::vector<std::vector<Line>>& pages, const std::vector<double>& heights) {
  std::map<std::string, std::set<int>> seen;
  auto in_band = [&](const Line& line) {
    const double h = heights[static_cast<std::size_t>(line.page - 1)];
    return line.top < 0.1 * h || line.bottom > 0.9 * h;
  };
  for (const auto& lines : pages) {
    for (const Line& line : lines) {
      if (in_band(line)) seen[running_key(line.text)].insert(line.page);
    }
  }
  const std::size_t needed = std::max<std::size_t>(2, (pages.size() + 1) / 2);
  for (auto& lines : pages) {
    lines.erase(std::remove_if(lines.begin(), lines.end(),
                               [&](const Line& line) {
                                 return in_band(line) && (is_page_number(line.text) ||
                                                          (pages.size() >= 2 && seen[running_key(line.text)].size() >= needed));
                               }),
                lines.end());
  }
}

// The font size most of the text is set in.
double body_size(const std::vector<std::vector<Line>>& pages) {
  std::map<long, std::size_t> chars;
  for (const auto& lines : pages) {
    for (const Line& line : lines) chars[std::lround(line.size * 2)] += line.text.size();
  }
  if (chars.empty()) return 0;
  return static_cast<double>(std::max_element(chars.begin(), chars.end(), [](const auto& a, const auto& b) {
                               return a.second < b.second;
                             })->first) / 2.0;
}

// "2.3 Data gaps" -> 2 (its depth); 0 when the line does not open with a section number.
int numbering_depth(const std::string& text) {
  std::size_t i = 0;
  int depth = 0;
  while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) {
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) ++i;
    ++depth;
    if (i < text.size() && text[i] == '.') ++i;
    else break;
  }
  if (depth == 0 || i >= text.size() || text[i] != ' ') return 0;
  return depth;
}

std::size_t word_count(const std::string& text) {
  std::size_t n = 0;
  bool in_word = false;
  for (char c : text) {
    const bool space = c == ' ';
    if (!space && !in_word) ++n;
    in_word = !space;
  }
  return n;
}

// Joins a paragraph's lines: "discrimi-" + "nation" -> "discrimination"; otherwise a space.
void append_line(std::string& paragraph, const std::string& line) {
  if (paragraph.empty()) {
    paragraph = line;
    return;
  }
  const std::size_t n = paragraph.size();
  const bool hyphenated = n >= 2 && paragraph[n - 1] == '-' && std::islower(static_cast<unsigned char>(paragraph[n - 2])) &&
                          !line.empty() && std::islower(static_cast<unsigned char>(line[0]));
  if (hyphenated) {
    paragraph.pop_back();
    paragraph += line;
  } else {
    paragraph += ' ' + line;
  }
}

class PdfLayout {
public:
  std::vector<Block> read(const std::vector<std::vector<Line>>& pages) {
    const double body = body_size(pages);
    // Larger sizes than the body, largest first, are heading levels 1, 2, 3.
    std::set<long, std::greater<>> larger;
    for (const auto& lines : pages) {
      for (const Line& line : lines) {
        if (line.size > body * 1.15 && word_count(line.text) <= 15) larger.insert(std::lround(line.size * 2));
      }
    }
    for (const auto& lines : pages) {
      for (std::size_t i = 0; i < lines.size(); ++i) {
        const Line& line = lines[i];
        const int level = heading_level(line, body, larger);
        if (level > 0) {
          // A heading set on two lines (same size, close together) is one heading.
          const bool continues = m_heading_level == level && m_heading_page == line.page &&
                                 line.top - m_last_bottom < 0.8 * line.size && m_pending.empty();
          if (!continues) {
            flush();
            m_heading_level = level;
            m_heading_page = line.page;
          }
          append_line(m_heading, line.text);
          m_last_bottom = line.bottom;
          continue;
        }
        flush_heading();
        const bool new_paragraph = m_pending.empty() || line.page != m_pending_page ||
                                   line.top - m_last_bottom > 0.8 * std::max(line.size, 1.0) ||
                                   line.bottom < m_last_bottom - 1.0 ||  // a new column
                                   std::abs(line.size - m_pending_size) > 0.6;
        if (new_paragraph) flush();
        if (m_pending.empty()) {
          m_pending_page = line.page;
          m_pending_size = line.size;
        }
        append_line(m_pending, line.text);
        m_last_bottom = line.bottom;
      }
      flush();
    }
    return m_outline.take_blocks();
  }

private:
  static int heading_level(const Line& line, double body, const std::set<long, std::greater<>>& larger) {
    const std::size_t words = word_count(line.text);
    if (words == 0 || words > 15 || line.text.back() == '.' || line.text.back() == ',') return 0;
    if (line.size > body * 1.15) {
      const auto it = larger.find(std::lround(line.size * 2));
      return it == larger.end() ? 0 : std::min<int>(static_cast<int>(std::distance(larger.begin(), it)) + 1, 6);
    }
    // A short numbered line in the body size with no full stop reads as a heading too, one level
    // below a chapter: "3.1 Data gaps" sits under "3. Data" (level 2 under a level-1 title).
    const int depth = numbering_depth(line.text);
    return depth > 0 && words <= 10 ? std::min(depth + 1, 6) : 0;
  }

  void flush_heading() {
    if (!m_heading.empty()) m_outline.add_heading(m_heading, m_heading_level, 0, m_heading_page);
    m_heading.clear();
    m_heading_level = 0;
  }

  void flush() {
    flush_heading();
    if (!m_pending.empty()) m_outline.add({.kind = BlockKind::paragraph, .text = m_pending, .page = m_pending_page});
    m_pending.clear();
    m_last_bottom = 0;
  }

  Outline m_outline;
  std::string m_heading;  // a heading being read, until a line that does not continue it
  int m_heading_level = 0;
  int m_heading_page = 0;
  std::string m_pending;
  int m_pending_page = 0;
  double m_pending_size = 0;
  double m_last_bottom = 0;
};

void quiet(const std::string&, void*) {}

}  // namespace

Document read_pdf(std::string_view bytes, const std::filesystem::path& path) {
  poppler::set_debug_error_function(quiet, nullptr);
  const std::string_view tail = bytes.substr(bytes.size() > 1024 ? bytes.size() - 1024 : 0);
  if (tail.find("%%EOF") == std::string_view::npos) {
    throw InputError({.file = path}, "the PDF is truncated: it does not end with %%EOF (" + std::to_string(bytes.size()) +
                                         " bytes); download or export it again");
  }
  if (bytes.size() > static_cast<std::size_t>(std::numeric_limits<int>::max())) {
    throw InputError({.file = path}, "the PDF is too large to read");
  }
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!doc) throw InputError({.file = path}, "not a readable PDF: the file is damaged");
  if (doc->is_locked()) {
    throw InputError({.file = path}, "the PDF is encrypted and needs a password: save an unprotected copy and score that");
  }
  std::vector<std::vector<Line>> pages;
  std::vector<double> heights;
  std::size_t words = 0;
  for (int i = 0; i < doc->pages(); ++i) {
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    if (!page) continue;
    heights.push_back(page->page_rect().height());
    pages.push_back(page_lines(*page, i + 1));
    for (const Line& line : pages.back()) words += word_count(line.text);
  }
  if (words == 0) {
    throw InputError({.file = path}, "no text layer on any of its " + std::to_string(doc->pages()) +
                                         " pages: this looks like a scanned PDF; run OCR on it first (for example "
                                         "with ocrmypdf) and score the result");
  }
  Document document;
  for (std::size_t p = 0; p < pages.size(); ++p) {
    if (pages[p].empty()) document.warnings.push_back("page " + std::to_string(p + 1) + " has no text (an image or a blank page)");
  }
  std::size_t before = 0;
  for (const auto& lines : pages) before += lines.size();
  drop_running_lines(pages, heights);
  std::size_t after = 0;
  for (const auto& lines : pages) after += lines.size();
  if (before > after) {
    document.warnings.push_back(std::to_string(before - after) + " running header, footer or page-number lines left out");
  }
  document.path = path;
  document.format = "pdf";
  document.pages = doc->pages();
  document.blocks = PdfLayout().read(pages);
  return document;
}

}  // namespace unct::ingest
