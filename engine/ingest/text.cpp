// Plain text: paragraphs are runs of lines between blank lines. Headings are recognised the way
// a reader of a text export of a Word document would: "# Title" lines, numbered section titles
// ("2.3 Data and statistics"), "Chapter 2"/"Annex 1" lines and short upper-case lines, each
// standing at the start of a paragraph. List items start with a bullet or "1)", "(a)". Two lines
// or more of cells ("| a | b |", or cells separated by tabs) are a table.

#include "engine/core/ascii.hpp"
#include "engine/ingest/outline.hpp"
#include "engine/ingest/read.hpp"
#include "engine/text/unicode.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>
#include <vector>

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

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_space_or_tab(char c) { return c == ' ' || c == '\t'; }

// Skips spaces and tabs from `at`; the position of the first other character.
std::size_t skip_blanks(std::string_view text, std::size_t at) {
  while (at < text.size() && is_space_or_tab(text[at])) ++at;
  return at;
}

// "2.3" or "12.1.4" at the start of `text` (one or two digits per part): its length, 0 if none.
std::size_t section_number(std::string_view text) {
  std::size_t at = 0;
  for (;;) {
    std::size_t digits = 0;
    while (at + digits < text.size() && is_digit(text[at + digits])) ++digits;
    if (digits == 0 || digits > 2) return 0;
    at += digits;
    if (at + 1 < text.size() && text[at] == '.' && is_digit(text[at + 1])) {
      ++at;
      continue;
    }
    return at;
  }
}

// Lines are read with plain scanning, not regular expressions: a line may be megabytes long.
std::optional<Heading> as_heading(std::string_view line) {
  const std::string text = trim(line);
  // "## Title"
  std::size_t hashes = 0;
  while (hashes < text.size() && text[hashes] == '#') ++hashes;
  if (hashes >= 1 && hashes <= 6 && hashes < text.size() && is_space_or_tab(text[hashes])) {
    std::string title = trim(std::string_view(text).substr(hashes));
    while (!title.empty() && (title.back() == '#' || is_space_or_tab(title.back()))) title.pop_back();
    if (!title.empty()) return Heading{title, static_cast<int>(hashes)};
  }
  if (text::count_words(text) > k_max_heading_words || ends_like_sentence(text)) return std::nullopt;
  // "2.3 Data and statistics", "4. Results"
  if (const std::size_t number = section_number(text); number > 0) {
    std::size_t at = number;
    if (at < text.size() && text[at] == '.') ++at;
    const std::size_t title = skip_blanks(text, at);
    if (title > at && title < text.size() && starts_upper_or_uncased(std::string_view(text).substr(title))) {
      const std::string_view digits(text.data(), number);
      return Heading{text, 1 + static_cast<int>(std::count(digits.begin(), digits.end(), '.'))};
    }
  }
  // "Chapter 2 ...", "Annex IV", "Part B"
  const std::string lower = ascii_lower(text);
  for (const std::string_view word : {"chapter", "annex", "appendix", "part", "section"}) {
    if (lower.rfind(word, 0) != 0) continue;
    const std::size_t label = skip_blanks(lower, word.size());
    if (label == word.size()) continue;
    std::size_t end = label;
    while (end < text.size() &&
           (is_digit(text[end]) || std::string_view("ivxlc").find(text[end]) != std::string_view::npos ||
            (text[end] >= 'A' && text[end] <= 'Z'))) {
      ++end;
    }
    const bool word_ends = end == text.size() || !std::isalnum(static_cast<unsigned char>(text[end]));
    if (end > label && word_ends) return Heading{text, 1};
  }
  if (is_upper_case_line(text)) return Heading{text, 1};
  return std::nullopt;
}

// The text of a list item without its bullet, and its indentation depth; nullopt for other lines.
std::optional<std::pair<std::string, int>> as_list_item(std::string_view line) {
  const std::size_t indent = skip_blanks(line, 0);
  std::string_view rest = line.substr(indent);
  std::size_t bullet = 0;
  for (const std::string_view mark : {"-", "*", "+", "\xE2\x80\xA2", "\xE2\x80\x93", "\xC2\xB7", "\xE2\x96\xAA"}) {
    if (rest.substr(0, mark.size()) == mark) {
      bullet = mark.size();
      break;
    }
  }
  if (bullet == 0) {
    // "a)", "(a)", "1.", "12)", "(3)"
    std::size_t at = rest.size() > 0 && rest[0] == '(' ? 1 : 0;
    std::size_t digits = 0;
    while (at + digits < rest.size() && is_digit(rest[at + digits])) ++digits;
    if (digits >= 1 && digits <= 3 && at + digits < rest.size() &&
        (rest[at + digits] == '.' || rest[at + digits] == ')')) {
      bullet = at + digits + 1;
    } else if (digits == 0 && at + 1 < rest.size() && rest[at] >= 'a' && rest[at] <= 'z' && rest[at + 1] == ')') {
      bullet = at + 2;
    }
  }
  if (bullet == 0 || bullet >= rest.size() || !is_space_or_tab(rest[bullet])) return std::nullopt;
  const std::size_t text = skip_blanks(rest, bullet);
  if (text >= rest.size()) return std::nullopt;
  return std::make_pair(trim(rest.substr(text)), 1 + static_cast<int>(indent) / 2);
}

// The cells of a line written as a table row: "| a | b |" (two cells or more between pipes) or
// "a<TAB>b"; nullopt for other lines. A separator line ("|---|:--|") gives no cells.
std::optional<std::vector<std::string>> as_table_row(std::string_view line) {
  const std::string text = trim(line);
  const char separator = text.find('|') != std::string::npos ? '|' : text.find('\t') != std::string::npos ? '\t' : '\0';
  if (separator == '\0') return std::nullopt;
  std::string_view inner = text;
  if (separator == '|') {
    if (inner.front() == '|') inner.remove_prefix(1);
    if (!inner.empty() && inner.back() == '|') inner.remove_suffix(1);
  }
  std::vector<std::string> cells;
  std::size_t start = 0;
  while (start <= inner.size()) {
    std::size_t end = inner.find(separator, start);
    if (end == std::string_view::npos) end = inner.size();
    cells.push_back(trim(inner.substr(start, end - start)));
    start = end + 1;
  }
  std::erase_if(cells, [&](const std::string& c) { return separator == '\t' && c.empty(); });  // runs of tabs
  if (cells.size() < 2) return std::nullopt;
  const bool rule = std::all_of(cells.begin(), cells.end(), [](const std::string& c) {
    return !c.empty() && c.find_first_not_of("-:= ") == std::string::npos;
  });
  if (rule) return std::vector<std::string>{};
  return cells;
}

bool is_blank(std::string_view line) { return line.find_first_not_of(" \t") == std::string_view::npos; }

}  // namespace

Document read_text(std::string_view bytes, const std::filesystem::path& path) {
  std::vector<std::string_view> lines;
  for (std::size_t start = 0; start <= bytes.size();) {
    std::size_t end = bytes.find('\n', start);
    if (end == std::string_view::npos) end = bytes.size();
    lines.push_back(bytes.substr(start, end - start));
    start = end + 1;
  }
  if (!bytes.empty() && bytes.back() == '\n') lines.pop_back();

  Outline outline;
  std::optional<Block> open;  // the paragraph or list item being read
  auto close = [&] {
    if (open) outline.add(std::move(*open));
    open.reset();
  };

  int tables = 0;
  std::size_t not_a_table_until = 0;  // lines of a run of cells already found not to be a table
  bool after_break = true;            // start of text, or after a blank line or a heading
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string_view line = lines[i];
    const int number = static_cast<int>(i) + 1;
    if (is_blank(line)) {
      close();
      after_break = true;
      continue;
    }
    // Two lines or more of cells ("| a | b |", or cells between tabs) are a table, unless each
    // ends in a page number (a table of contents laid out with tabs).
    // A list marker or a section number before a tab ("a)\tText", "1.\tIntroduction") is not a cell.
    auto first = i < not_a_table_until || as_list_item(line) ? std::nullopt : as_table_row(line);
    if (first && !first->empty()) {
      std::vector<std::pair<int, std::vector<std::string>>> rows{{number, std::move(*first)}};
      std::size_t next = i + 1;
      for (; next < lines.size(); ++next) {
        auto cells = as_table_row(lines[next]);
        if (!cells) break;
        if (!cells->empty()) rows.emplace_back(static_cast<int>(next) + 1, std::move(*cells));
      }
      const bool contents =
          std::all_of(rows.begin(), rows.end(), [](const auto& r) { return is_page_number(r.second.back()); });
      if (rows.size() >= 2 && !contents) {
        close();
        for (std::size_t r = 0; r < rows.size(); ++r) {
          for (std::size_t c = 0; c < rows[r].second.size(); ++c) {
            outline.add({.kind = BlockKind::table_cell,
                         .text = rows[r].second[c],
                         .line = rows[r].first,
                         .table = tables,
                         .row = static_cast<int>(r),
                         .column = static_cast<int>(c)});
          }
        }
        ++tables;
        i = next - 1;
        after_break = true;
        continue;
      }
      not_a_table_until = next;
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
  }
  close();

  Document document{.path = path, .format = "text"};
  document.blocks = outline.take_blocks();
  return document;
}

}  // namespace unct::ingest
