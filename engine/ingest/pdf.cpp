// PDF through poppler's core API, the code pdftotext runs, in a module opened on first use
// (pdf_words.hpp). Poppler gives each page's words in reading order (columns one after the
// other) with their boxes and font sizes; all poppler made for a page is let go before the next,
// and the document keeps only its lines. This reader rebuilds lines and paragraphs from the boxes,
// joins words hyphenated at a line end, removes running headers and footers (lines at the top or
// bottom of most pages, page numbers included), and infers headings from a larger font or a short
// numbered line ("2.3 Data gaps"). Every block carries its page number.
//
// Tables are rebuilt from the geometry, not the reading order (which may run down a table's
// columns): each line is cut into runs of words a word space apart, a wide gap or a word that
// starts before the last one ends starting another run (where runs overlap, as when a writer
// lets a cell overflow into the next column, words are chained by their spacing). Two or more
// lines in a row whose runs start at the same column positions, with a later column of mostly
// short cells (a baseline, a target), are a table. A line with one cell, or with fewer cells
// than its row's first line where rows are set further apart than lines, continues the row
// (wrapped cells). Two columns of prose have no short column and stay text.

#include "engine/core/error.hpp"
#include "engine/core/shared_library.hpp"
#include "engine/ingest/outline.hpp"
#include "engine/ingest/pdf_words.hpp"
#include "engine/ingest/read.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <limits>
#include <map>
#include <memory>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace unct::ingest {
namespace {

struct Line {
  std::string text;
  std::vector<std::vector<std::string>> table;  // when the line stands for a table: its rows of cells
  double top = 0;
  double bottom = 0;
  double left = 0;
  double size = 0;  // font size of its first word
  int page = 0;
};

using pdf::PageWords;
using pdf::Word;

// A physical line: the words on one baseline, left to right, and the runs they are set in, as
// ranges of the page's Rows.
struct Row {
  std::size_t first = 0, last = 0;          // its words: Rows::words[first, last)
  std::size_t first_run = 0, last_run = 0;  // its runs: Rows::run_left[first_run, last_run)
  double top = 0, bottom = 0, size = 0;
  std::size_t runs() const { return last_run - first_run; }
};

// A page's physical lines, their words and runs in a few arrays for the whole page rather than
// a few for every line.
struct Rows {
  std::vector<Row> rows;
  std::vector<std::size_t> words;      // word indices, line after line, each line's by left
  std::vector<std::size_t> run_words;  // word indices, run after run
  std::vector<std::size_t> run_start;  // where each run starts in run_words, then its size
  std::vector<double> run_left;        // the left edge of each run

  std::span<const std::size_t> words_of(const Row& row) const {
    return std::span<const std::size_t>(words).subspan(row.first, row.last - row.first);
  }
  std::span<const double> lefts(const Row& row) const {
    return std::span<const double>(run_left).subspan(row.first_run, row.runs());
  }
  std::span<const std::size_t> run(std::size_t r) const {
    return std::span<const std::size_t>(run_words).subspan(run_start[r], run_start[r + 1] - run_start[r]);
  }
};

// What a space is in the page's fonts, in ems: the middle of the gaps between neighbouring words.
double word_space(const std::vector<Word>& words, const Rows& rows) {
  std::vector<double> gaps;
  for (const Row& row : rows.rows) {
    const std::span<const std::size_t> at = rows.words_of(row);
    for (std::size_t k = 1; k < at.size(); ++k) {
      const Word& before = words[at[k - 1]];
      const double gap = (words[at[k]].left - before.right) / std::max(before.size, 1.0);
      if (gap > 0 && gap < 1) gaps.push_back(gap);
    }
  }
  if (gaps.empty()) return 0.25;
  std::nth_element(gaps.begin(), gaps.begin() + static_cast<std::ptrdiff_t>(gaps.size() / 2), gaps.end());
  return gaps[gaps.size() / 2];
}

// What cut_runs works in, kept from line to line.
struct RunScratch {
  struct Link {
    double misfit;
    std::size_t from, to;  // positions in the line's words
  };
  std::vector<Link> links;
  std::vector<std::size_t> next;
  std::vector<bool> continues;
};

// Cuts a line into runs: a word carries on the run of the word before it unless the gap is wider
// than 1.5 ems (the gap between two cells). Some writers set each table cell as one run that
// overflows into the next column, so runs overlap and the nearest word may belong to another
// run: a word's successor is, among its nearest follower and the words overlapping that one,
// the one that sits a word space (`space`, in ems) after it, the closest fits linked first.
void cut_runs(const std::vector<Word>& words, double space, Rows& rows, Row& row, RunScratch& scratch) {
  using Link = RunScratch::Link;
  const std::span<const std::size_t> at = rows.words_of(row);  // sorted by left
  std::vector<Link>& links = scratch.links;
  links.clear();
  for (std::size_t a = 0; a < at.size(); ++a) {
    const Word& w = words[at[a]];
    const double em = std::max(w.size, 1.0);
    const auto first = std::partition_point(at.begin() + static_cast<std::ptrdiff_t>(a + 1), at.end(),
                                            [&](std::size_t i) { return words[i].left < w.right - 0.05 * em; });
    // At most a few candidates a word: a pile of words overprinted on one baseline stays linear.
    constexpr std::ptrdiff_t k_max_candidates = 8;
    for (auto b = first;
         b != at.end() && b - first < k_max_candidates && (b == first || words[*b].left < words[*first].right); ++b) {
      const double gap = words[*b].left - w.right;
      if (gap > 1.5 * em) break;
      links.push_back({std::abs(gap / em - space), a, static_cast<std::size_t>(b - at.begin())});
    }
  }
  std::sort(links.begin(), links.end(), [](const Link& x, const Link& y) {
    return std::tie(x.misfit, x.from, x.to) < std::tie(y.misfit, y.from, y.to);
  });
  const std::size_t none = at.size();
  std::vector<std::size_t>& next = scratch.next;
  std::vector<bool>& continues = scratch.continues;
  next.assign(at.size(), none);
  continues.assign(at.size(), false);
  for (const Link& link : links) {
    if (next[link.from] == none && !continues[link.to]) {
      next[link.from] = link.to;
      continues[link.to] = true;
    }
  }
  row.first_run = rows.run_left.size();
  for (std::size_t a = 0; a < at.size(); ++a) {
    if (continues[a]) continue;
    rows.run_start.push_back(rows.run_words.size());
    rows.run_left.push_back(words[at[a]].left);
    for (std::size_t k = a; k != none; k = next[k]) rows.run_words.push_back(at[k]);
  }
  row.last_run = rows.run_left.size();
}

Rows physical_rows(const std::vector<Word>& words) {
  Rows rows;
  // By baseline, then left edge: the keys sorted next to the indices rather than looked up through
  // them (the same comparisons, so the same order, ties included).
  struct Key {
    double bottom, left;
    std::size_t index;
  };
  std::vector<Key> keys(words.size());
  for (std::size_t i = 0; i < keys.size(); ++i) keys[i] = {words[i].bottom, words[i].left, i};
  std::sort(keys.begin(), keys.end(),
            [](const Key& a, const Key& b) { return std::tie(a.bottom, a.left) < std::tie(b.bottom, b.left); });
  std::vector<std::size_t>& order = rows.words;
  order.resize(words.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = keys[i].index;
  for (std::size_t k = 0; k < order.size(); ++k) {
    const Word& w = words[order[k]];
    if (rows.rows.empty() || std::abs(w.bottom - rows.rows.back().bottom) >= 0.5 * std::max(w.size, 1.0)) {
      rows.rows.push_back({k, k, 0, 0, w.top, w.bottom, w.size});
    }
    Row& row = rows.rows.back();
    row.last = k + 1;
    row.top = std::min(row.top, w.top);
  }
  for (const Row& row : rows.rows) {
    std::sort(order.begin() + static_cast<std::ptrdiff_t>(row.first),
              order.begin() + static_cast<std::ptrdiff_t>(row.last),
              [&](std::size_t a, std::size_t b) { return words[a].left < words[b].left; });
  }
  const double space = word_space(words, rows);
  rows.run_words.reserve(words.size());
  RunScratch scratch;
  for (Row& row : rows.rows) cut_runs(words, space, rows, row, scratch);
  rows.run_start.push_back(rows.run_words.size());
  return rows;
}

struct Table {
  std::vector<std::vector<std::string>> cells;  // rows of cells
  std::vector<std::size_t> words;
};

// The words of a line (runs of anything but spaces); once past `limit`, limit + 1, not counting
// further: whether a line is short is all most callers ask.
std::size_t word_count(const std::string& text, std::size_t limit = std::numeric_limits<std::size_t>::max() - 1) {
  std::size_t n = 0;
  bool in_word = false;
  for (char c : text) {
    const bool space = c == ' ';
    if (!space && !in_word && ++n > limit) break;
    in_word = !space;
  }
  return n;
}

// The column whose left edge (`anchors`) a word starting at `left` lines up with; -1 for none.
int column_of(std::span<const double> anchors, double left) {
  for (std::size_t c = 0; c < anchors.size(); ++c) {
    if (std::abs(anchors[c] - left) <= 4.0) return static_cast<int>(c);
  }
  return -1;
}

// A table line's text by column: a run goes in the column its first word lines up with. A run
// that reaches the left edge of a column that no other run on the line starts carries on there:
// a cell overflowing its column, set with no gap before the next cell.
std::map<int, std::string> line_cells(const std::vector<Word>& words, const Rows& rows, const Row& row,
                                      const std::vector<double>& anchors) {
  std::set<int> started;
  for (double left : rows.lefts(row)) started.insert(column_of(anchors, left));
  std::map<int, std::string> cells;
  for (std::size_t r = row.first_run; r < row.last_run; ++r) {
    const std::span<const std::size_t> run = rows.run(r);
    int column = column_of(anchors, words[run.front()].left);
    for (std::size_t i : run) {
      const int reached = column_of(anchors, words[i].left);
      if (reached > column && started.insert(reached).second) column = reached;
      std::string& cell = cells[column];
      if (!cell.empty()) cell += ' ';
      cell += words[i].text;
    }
  }
  return cells;
}

std::vector<Table> find_tables(const std::vector<Word>& words) {
  const Rows page = physical_rows(words);
  const std::vector<Row>& rows = page.rows;
  std::vector<Table> tables;
  for (std::size_t start = 0; start < rows.size();) {
    if (rows[start].runs() < 2) {
      ++start;
      continue;
    }
    const std::span<const double> opening_lefts = page.lefts(rows[start]);
    std::vector<double> anchors(opening_lefts.begin(), opening_lefts.end());
    std::vector<std::size_t> members{start};
    std::size_t multi = 1;
    for (std::size_t next = start + 1; next < rows.size(); ++next) {
      const Row& row = rows[next];
      const std::span<const double> lefts = page.lefts(row);
      if (row.top - rows[members.back()].bottom > 1.2 * std::max(row.size, 1.0)) break;
      const bool aligned =
          std::all_of(lefts.begin(), lefts.end(), [&](double left) { return column_of(anchors, left) >= 0; });
      // A line with runs at every column so far and at more shows columns the lines above ran
      // together (a header whose cells fill their columns, set without a wide gap).
      const bool refines =
          std::all_of(anchors.begin(), anchors.end(), [&](double left) { return column_of(lefts, left) >= 0; });
      if (!aligned && !refines) break;
      if (!aligned) {
        for (double left : lefts) {
          if (column_of(anchors, left) < 0) anchors.push_back(left);
        }
        std::sort(anchors.begin(), anchors.end());
      }
      members.push_back(next);
      if (row.runs() >= 2) ++multi;
    }
    // A line at the table's closest line spacing with one cell continues the cell it is in (a
    // wrapped indicator, a label on two lines). Where rows are set apart (below the header, some
    // lines further apart than the closest ones), so does one at the closest spacing that fills
    // fewer columns than the line that opened its row: cells wrapped onto more lines. Any other
    // line opens a row.
    std::vector<double> spacing(members.size(), 0);  // from the line above
    for (std::size_t k = 1; k < members.size(); ++k) spacing[k] = rows[members[k]].bottom - rows[members[k - 1]].bottom;
    const double closest = members.size() > 1 ? *std::min_element(spacing.begin() + 1, spacing.end()) : 0;
    const bool set_apart = members.size() > 2 &&
                           std::any_of(spacing.begin() + 2, spacing.end(), [&](double s) { return s > 1.1 * closest; });
    Table table;
    std::size_t opening = 0;  // cells of the line that opened the current row
    for (std::size_t k = 0; k < members.size(); ++k) {
      const Row& row = rows[members[k]];
      const std::map<int, std::string> cells = line_cells(words, page, row, anchors);
      const bool continues =
          k > 0 && spacing[k] <= 1.1 * closest && (cells.size() == 1 || (set_apart && cells.size() < opening));
      if (!continues) {
        table.cells.emplace_back(anchors.size());
        opening = cells.size();
      }
      for (const auto& [column, text] : cells) {
        std::string& cell = table.cells.back()[static_cast<std::size_t>(column)];
        if (!cell.empty()) cell += ' ';
        cell += text;
      }
      const std::span<const std::size_t> row_words = page.words_of(row);
      table.words.insert(table.words.end(), row_words.begin(), row_words.end());
    }
    // Some column after the first holds mostly short cells (a figure, a year, up to three words).
    bool short_column = false;
    for (std::size_t c = 1; c < anchors.size(); ++c) {
      std::size_t filled = 0;
      std::size_t short_cells = 0;
      for (const auto& cells : table.cells) {
        if (cells[c].empty()) continue;
        ++filled;
        if (word_count(cells[c], 3) <= 3) ++short_cells;
      }
      short_column = short_column || (filled >= 2 && 2 * short_cells > filled);
    }
    if (multi >= 2 && short_column) tables.push_back(std::move(table));
    start = members.back() + 1;
  }
  return tables;
}

// The page's words grouped into lines in reading order: a word starts a new line when it sits
// on another baseline or goes back to the left. A table stands in one line where its first word
// would be.
std::vector<Line> page_lines(const PageWords& page, int number) {
  const std::vector<Word>& words = page.words;
  std::vector<Table> tables = find_tables(words);
  constexpr std::size_t none = std::numeric_limits<std::size_t>::max();
  std::vector<std::size_t> table_of(words.size(), none);  // tables hold disjoint sets of words
  for (std::size_t t = 0; t < tables.size(); ++t) {
    for (std::size_t i : tables[t].words) table_of[i] = t;
  }
  std::vector<Line> lines;
  double last_right = 0;
  std::vector<bool> emitted(tables.size(), false);
  for (std::size_t i = 0; i < words.size(); ++i) {
    const Word& w = words[i];
    if (const std::size_t t = table_of[i]; t != none) {
      if (!emitted[t]) {
        emitted[t] = true;
        lines.push_back({"", std::move(tables[t].cells), w.top, w.bottom, w.left, w.size, number});
      }
      continue;
    }
    const bool same_line = !lines.empty() && lines.back().table.empty() &&
                           std::abs(w.bottom - lines.back().bottom) < 0.5 * std::max(w.size, 1.0) &&
                           w.left >= last_right - 1.0;
    if (same_line) {
      lines.back().text += ' ';
      lines.back().text += w.text;
      lines.back().top = std::min(lines.back().top, w.top);
    } else {
      lines.push_back({std::string(w.text), {}, w.top, w.bottom, w.left, w.size, number});
    }
    last_right = w.right;
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
  return std::all_of(core.begin(), core.end(),
                     [](char c) { return std::isdigit(static_cast<unsigned char>(c)) || c == 'o' || c == 'f'; }) ||
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
      if (in_band(line) && line.table.empty()) seen[running_key(line.text)].insert(line.page);
    }
  }
  const std::size_t needed = std::max<std::size_t>(2, (pages.size() + 1) / 2);
  for (auto& lines : pages) {
    lines.erase(std::remove_if(lines.begin(), lines.end(),
                               [&](const Line& line) {
                                 return line.table.empty() && in_band(line) &&
                                        (is_page_number(line.text) ||
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
  return static_cast<double>(std::max_element(chars.begin(), chars.end(),
                                              [](const auto& a, const auto& b) { return a.second < b.second; })
                                 ->first) /
         2.0;
}

// "2.3 Data gaps" -> 2 (its depth); 0 when the line does not open with a section number.
int numbering_depth(const std::string& text) {
  std::size_t i = 0;
  int depth = 0;
  while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) {
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) ++i;
    ++depth;
    if (i < text.size() && text[i] == '.')
      ++i;
    else
      break;
  }
  if (depth == 0 || i >= text.size() || text[i] != ' ') return 0;
  return depth;
}

// Joins a paragraph's lines: "discrimi-" + "nation" -> "discrimination"; otherwise a space.
void append_line(std::string& paragraph, const std::string& line) {
  if (paragraph.empty()) {
    paragraph = line;
    return;
  }
  const std::size_t n = paragraph.size();
  const bool hyphenated = n >= 2 && paragraph[n - 1] == '-' &&
                          std::islower(static_cast<unsigned char>(paragraph[n - 2])) && !line.empty() &&
                          std::islower(static_cast<unsigned char>(line[0]));
  if (hyphenated) {
    paragraph.pop_back();
    paragraph += line;
  } else {
    paragraph += ' ';
    paragraph += line;
  }
}

class PdfLayout {
public:
  // Releases each page's lines once laid out, so that the lines and the blocks made of them are
  // not all held at once.
  std::vector<Block> read(std::vector<std::vector<Line>>&& pages) {
    const double body = body_size(pages);
    // Larger sizes than the body, largest first, are heading levels 1, 2, 3.
    std::set<long, std::greater<>> larger;
    for (const auto& lines : pages) {
      for (const Line& line : lines) {
        if (line.size > body * 1.15 && word_count(line.text, 15) <= 15) larger.insert(std::lround(line.size * 2));
      }
    }
    for (auto& lines : pages) {
      for (std::size_t i = 0; i < lines.size(); ++i) {
        const Line& line = lines[i];
        if (!line.table.empty()) {
          flush();
          table(line);
          continue;
        }
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
      std::vector<Line>().swap(lines);
    }
    return m_outline.take_blocks();
  }

private:
  static int heading_level(const Line& line, double body, const std::set<long, std::greater<>>& larger) {
    const std::size_t words = word_count(line.text, 15);
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

  void table(const Line& line) {
    ++m_table;
    for (std::size_t r = 0; r < line.table.size(); ++r) {
      for (std::size_t c = 0; c < line.table[r].size(); ++c) {
        m_outline.add({.kind = BlockKind::table_cell,
                       .text = line.table[r][c],
                       .page = line.page,
                       .table = m_table,
                       .row = static_cast<int>(r),
                       .column = static_cast<int>(c)});
      }
    }
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
  int m_table = -1;
  std::string m_pending;
  int m_pending_page = 0;
  double m_pending_size = 0;
  double m_last_bottom = 0;
};

// The module's functions (pdf_words.hpp), taken from it when a PDF is first read.
#define UNCT_PDF_FUNCTIONS(X) \
  X(unct_pdf_layout)          \
  X(unct_pdf_open)            \
  X(unct_pdf_page_count)      \
  X(unct_pdf_page)            \
  X(unct_pdf_close)

struct PdfModule {
  UNCT_PDF_FUNCTIONS(UNCT_FUNCTION_MEMBER)
  void bind(const SharedLibrary& library) { UNCT_PDF_FUNCTIONS(UNCT_FUNCTION_BIND) }
};

// Where the module may be: for a program run from its build tree (the tests, the benchmarks, the
// program before it is installed), the one built with it; else where the install puts it relative
// to the program's folder (bin/ for unct-assess, libexec/unct-assess/ for the web app's program),
// beside the program, and where the install puts it. An installed program never opens a module
// built since from other sources, nor looks above its install's folder.
std::vector<std::filesystem::path> pdf_module_places() {
  std::error_code error;
  const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", error);
  if (error) return {UNCT_PDF_MODULE_INSTALLED};
  std::error_code unresolved;
  const std::filesystem::path build_tree = std::filesystem::weakly_canonical(UNCT_BUILD_DIR, unresolved);
  if (!unresolved &&
      std::mismatch(build_tree.begin(), build_tree.end(), self.begin(), self.end()).first == build_tree.end())
    return {UNCT_PDF_MODULE_BUILT};
  const std::filesystem::path folder = self.parent_path();
  const bool web_program = self.filename() == UNCT_WEB_PROGRAM_NAME;
  return {(folder / (web_program ? UNCT_PDF_MODULE_FROM_LIBEXECDIR : UNCT_PDF_MODULE_FROM_BINDIR)).lexically_normal(),
          folder / std::filesystem::path(UNCT_PDF_MODULE_BUILT).filename(), UNCT_PDF_MODULE_INSTALLED};
}

// The module, opened the first time: throws MissingLibrary when it is in none of its places, cannot
// be loaded (poppler missing), or was built from another version of pdf_words.hpp.
const PdfModule& open_pdf_module() {
  const std::vector<std::filesystem::path> places = pdf_module_places();
  std::error_code error;
  const auto found = std::find_if(places.begin(), places.end(),
                                  [&](const std::filesystem::path& p) { return std::filesystem::exists(p, error); });
  if (found == places.end()) {
    std::string looked;
    for (std::size_t i = 0; i < places.size(); ++i) {
      looked += (i == 0 ? "" : i + 1 == places.size() ? " and " : ", ") + places[i].string();
    }
    throw MissingLibrary("reading PDF files needs unct-pdf.so, a part of unct-assess, which is not there: looked for " +
                         looked + " (build unct-assess again, or install it again)");
  }
  const PdfModule& module = functions_of<PdfModule>(found->c_str(), UNCT_POPPLER_PACKAGE, "reading PDF files");
  if (module.unct_pdf_layout() != pdf::layout()) {
    throw MissingLibrary("reading PDF files needs unct-pdf.so, and " + found->string() +
                         " is from another build of unct-assess (build unct-assess again, or install it again)");
  }
  return module;
}

const PdfModule& pdf_module() {
  static const PdfModule& module = open_pdf_module();  // tried again at the next PDF when it throws
  return module;
}

}  // namespace

Document read_pdf(std::string_view bytes, const std::filesystem::path& path) {
  const std::string_view tail = bytes.substr(bytes.size() > 1024 ? bytes.size() - 1024 : 0);
  if (tail.find("%%EOF") == std::string_view::npos) {
    throw InputError({.file = path}, "the PDF is truncated: it does not end with %%EOF (" +
                                         std::to_string(bytes.size()) + " bytes); download or export it again");
  }
  if (bytes.size() > static_cast<std::size_t>(std::numeric_limits<int>::max())) {
    throw InputError({.file = path}, "the PDF is too large to read");
  }
  if (bytes.size() < 10) throw InputError({.file = path}, "not a readable PDF: the file is damaged");
  const PdfModule& module = pdf_module();
  pdf::OpenStatus status = pdf::OpenStatus::ok;
  // The document reads `bytes` in place.
  std::unique_ptr<void, void (*)(void*)> doc(module.unct_pdf_open(bytes.data(), bytes.size(), &status),
                                             module.unct_pdf_close);
  if (status == pdf::OpenStatus::encrypted) {
    throw InputError({.file = path},
                     "the PDF is encrypted and needs a password: save an unprotected copy and score that");
  }
  if (!doc) throw InputError({.file = path}, "not a readable PDF: the file is damaged");
  const int count = module.unct_pdf_page_count(doc.get());
  if (count <= 0) {
    throw InputError({.file = path}, "the PDF has no pages: it is damaged or cut short; download or export it again");
  }
  std::vector<std::vector<Line>> pages;
  std::vector<double> heights;
  std::size_t words = 0;  // some, not all: whether any page has text is all it tells
  PageWords page;         // one page at a time, its memory reused
  for (int i = 0; i < count; ++i) {
    // A page poppler cannot find stays in the count, empty, so that pages keep their numbers.
    if (!module.unct_pdf_page(doc.get(), i + 1, &page)) {
      pages.emplace_back();
      heights.push_back(0);
      continue;
    }
    heights.push_back(page.height);
    pages.push_back(page_lines(page, i + 1));
    for (const Line& line : pages.back()) words += word_count(line.text, 0) + line.table.size();
  }
  if (words == 0) {
    throw InputError({.file = path}, "no text layer on any of its " + std::to_string(count) +
                                         " pages: this looks like a scanned PDF; run OCR on it first (for example "
                                         "with ocrmypdf) and score the result");
  }
  // Poppler's document (its cross-reference table, the pages it has loaded) is let go before the
  // lines become blocks, which then take the memory it held.
  doc.reset();
  page = {};
  Document document;
  for (std::size_t p = 0; p < pages.size(); ++p) {
    if (pages[p].empty())
      document.warnings.push_back("page " + std::to_string(p + 1) + " has no text (an image or a blank page)");
  }
  std::size_t before = 0;
  for (const auto& lines : pages) before += lines.size();
  drop_running_lines(pages, heights);
  std::size_t after = 0;
  for (const auto& lines : pages) after += lines.size();
  if (before > after) {
    document.warnings.push_back(std::to_string(before - after) +
                                " running header, footer or page-number lines left out");
  }
  document.path = path;
  document.format = "pdf";
  document.pages = count;
  document.blocks = PdfLayout().read(std::move(pages));
  return document;
}

}  // namespace unct::ingest
