// Plain text: paragraphs are runs of lines between blank lines. Headings are recognised the way
// a reader of a text export of a Word document would: "# Title" lines, numbered section titles
// ("2.3 Data and statistics"), "Chapter 2"/"Annex 1" lines and short upper-case lines, each
// standing at the start of a paragraph. List items start with a bullet or "1)", "(a)".

#include "engine/ingest/outline.hpp"
#include "engine/ingest/read.hpp"
#include "engine/text/unicode.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <optional>
#include <regex>

namespace unct::ingest {
namespace {

constexpr std::size_t k_max_heading_words = 14;

bool ends_like_sentence(std::string_view text) {
  const char last = text.empty() ? '.' : text.back();
  return last == '.' || last == ',' || last == ';' || last == ':' || last == '!' || last == '?';
}

// True when every cased letter is upper case and there are at least four letters.
bool is_upper_case_line(std::string_view text) {
  int letters = 0;
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const auto size = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < size;) {
    UChar32 c = 0;
    U8_NEXT(bytes, i, size, c);
    if (c < 0) continue;
    if (u_isalpha(c)) {
      ++letters;
      if (u_islower(c)) return false;
    }
  }
  return letters >= 4;
}

bool starts_upper_or_uncased(std::string_view text) {
  if (text.empty()) return false;
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  int32_t i = 0;
  UChar32 c = 0;
  U8_NEXT(bytes, i, static_cast<int32_t>(text.size()), c);
  return c >= 0 && u_isalpha(c) && !u_islower(c);
}

struct Heading {
  std::string text;
  int level = 1;
};

std::optional<Heading> as_heading(std::string_view line) {
  static const std::regex k_hashes(R"(^(#{1,6})[ \t]+(.+?)[ \t#]*$)");
  static const std::regex k_numbered(R"(^(\d{1,2}(?:\.\d{1,2})*)\.?[ \t]+(\S.*)$)");
  static const std::regex k_named(R"(^(?:chapter|annex|appendix|part|section)[ \t]+[0-9ivxlcA-Z]+\b.*$)",
                                  std::regex::icase);
  const std::string text = trim(line);
  std::cmatch m;
  if (std::regex_match(text.c_str(), m, k_hashes)) {
    return Heading{m[2].str(), static_cast<int>(m[1].length())};
  }
  if (text::count_words(text) > k_max_heading_words || ends_like_sentence(text)) return std::nullopt;
  if (std::regex_match(text.c_str(), m, k_numbered) && starts_upper_or_uncased(m[2].str())) {
    const std::string number = m[1].str();
    return Heading{text, 1 + static_cast<int>(std::count(number.begin(), number.end(), '.'))};
  }
  if (std::regex_match(text.c_str(), k_named) || is_upper_case_line(text)) return Heading{text, 1};
  return std::nullopt;
}

// The text of a list item without its bullet, and its indentation depth; nullopt for other lines.
std::optional<std::pair<std::string, int>> as_list_item(std::string_view line) {
  static const std::regex k_bullet(R"(^([ \t]*)(?:[-*+]|\xE2\x80\xA2|\xE2\x80\x93|\xC2\xB7|\xE2\x96\xAA|\(?[a-z]\)|\(?\d{1,3}[.)])[ \t]+(\S.*)$)");
  std::cmatch m;
  const std::string text(line);
  if (!std::regex_match(text.c_str(), m, k_bullet)) return std::nullopt;
  return std::make_pair(m[2].str(), 1 + static_cast<int>(m[1].length()) / 2);
}

bool is_blank(std::string_view line) { return line.find_first_not_of(" \t") == std::string_view::npos; }

}  // namespace

Document read_text(std::string_view bytes, const std::filesystem::path& path) {
  Outline outline;
  std::optional<Block> open;  // the paragraph or list item being read
  auto close = [&] {
    if (open) outline.add(std::move(*open));
    open.reset();
  };

  int number = 0;
  bool after_break = true;  // start of text, or after a blank line or a heading
  for (std::size_t start = 0; start <= bytes.size();) {
    std::size_t end = bytes.find('\n', start);
    if (end == std::string_view::npos) end = bytes.size();
    const std::string_view line = bytes.substr(start, end - start);
    ++number;
    start = end + 1;

    if (is_blank(line)) {
      close();
      after_break = true;
      if (end == bytes.size()) break;
      continue;
    }
    if (after_break) {
      if (auto heading = as_heading(line)) {
        close();
        outline.add_heading(heading->text, heading->level, number);
        continue;
      }
    }
    if (auto item = as_list_item(line)) {
      close();
      open = Block{.kind = BlockKind::list_item, .text = item->first, .level = item->second, .line = number};
    } else if (open) {
      open->text += '\n';
      open->text += trim(line);
    } else {
      open = Block{.kind = BlockKind::paragraph, .text = trim(line), .line = number};
    }
    after_break = false;
    if (end == bytes.size()) break;
  }
  close();

  Document document{.path = path, .format = "text"};
  document.blocks = outline.take_blocks();
  return document;
}

}  // namespace unct::ingest
