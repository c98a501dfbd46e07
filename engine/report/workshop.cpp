#include "engine/report/workshop.hpp"

#include "engine/report/csv.hpp"
#include "engine/report/docx.hpp"
#include "engine/report/html.hpp"
#include "engine/report/layout.hpp"
#include "engine/report/markdown.hpp"
#include "engine/report/wording.hpp"

#include <algorithm>
#include <cmath>

namespace unct::report {

void render_handout_markdown(const workshop::Pack& pack, const checklist::Checklist& checklist, std::ostream& out) {
  // In the pack's language, as the excerpt and the items' questions are.
  const Messages& m = messages(pack.lang);
  out << "# " << escape_markdown(m(Msg::exercise, {pack.title})) << "\n\n";
  if (!pack.instructions.empty()) out << escape_markdown(pack.instructions) << "\n\n";
  out << "> " << escape_markdown(checklist::provenance_in(checklist.meta, m.lang())) << "\n\n";
  if (!pack.source.empty()) out << escape_markdown(m(Msg::source_line, {pack.source})) << "\n\n";
  out << "---\n\n";
  // The excerpt as written, its headings one level down under the exercise's title.
  std::size_t start = 0;
  while (start < pack.excerpt.size()) {
    const std::size_t end = std::min(pack.excerpt.find('\n', start), pack.excerpt.size());
    const std::string_view line = std::string_view(pack.excerpt).substr(start, end - start);
    out << (line.starts_with('#') ? "#" : "") << line << '\n';
    start = end + 1;
  }
  out << "\n---\n\n## " << m[Msg::your_ratings] << "\n\n"
      << escape_markdown(m(Msg::rate_from_excerpt, {m.level(Level::missing), m.level(Level::approaches),
                                                    m.level(Level::meets), m.level(Level::exceeds)}))
      << "\n\n| " << m[Msg::item] << " | " << m[Msg::question] << " | " << m[Msg::level] << " | " << m[Msg::reason]
      << " |\n| --- | --- | --- | --- |\n";
  for (const workshop::KeyAnswer& k : pack.key) {
    const checklist::Item* item = checklist::find_item(checklist, k.item_id);  // load_pack checked it is there
    if (item == nullptr) continue;
    out << "| " << escape_markdown(k.item_id) << " " << escape_markdown(checklist::title_in(*item, pack.lang)) << " | "
        << escape_markdown(checklist::question_in(*item, pack.lang)) << " |  |  |\n";
  }
}

namespace {

// A block of a pack's excerpt, as the printed handouts lay it out: the excerpt is Markdown, its
// headings one level down under the exercise's title, the lines of one paragraph joined, a table
// as rows of cells (the |---| line under its header left out), a list item on its own.
struct ExcerptBlock {
  enum class Kind { heading, paragraph, list_item, table };
  Kind kind = Kind::paragraph;
  std::size_t level = 0;                       // a heading's, as written (1 for #)
  std::string text;                            // a heading's, paragraph's or list item's
  std::vector<std::vector<std::string>> rows;  // a table's, every row as wide as the widest
};

std::vector<ExcerptBlock> excerpt_blocks(std::string_view excerpt) {
  std::vector<ExcerptBlock> blocks;
  std::string paragraph;
  std::vector<std::vector<std::string>> table;  // rows of a Markdown table being read
  const auto flush_paragraph = [&] {
    if (!paragraph.empty()) blocks.push_back({.kind = ExcerptBlock::Kind::paragraph, .text = paragraph});
    paragraph.clear();
  };
  const auto flush = [&] {
    flush_paragraph();
    if (table.empty()) return;
    std::size_t columns = 0;
    for (const auto& row : table) columns = std::max(columns, row.size());
    for (auto& row : table) row.resize(columns);
    blocks.push_back({.kind = ExcerptBlock::Kind::table, .rows = std::move(table)});
    table.clear();
  };
  std::size_t start = 0;
  while (start < excerpt.size()) {
    const std::size_t end = std::min(excerpt.find('\n', start), excerpt.size());
    std::string_view line = excerpt.substr(start, end - start);
    start = end + 1;
    const std::size_t indent = line.find_first_not_of(" \t\r");
    if (indent == std::string_view::npos) {
      flush();
      continue;
    }
    line.remove_prefix(indent);
    if (line.starts_with('|')) {  // a table row; the |---| line under the header is left out
      flush_paragraph();
      if (line.find_first_not_of("|-: \t\r") == std::string_view::npos) continue;
      std::vector<std::string> row;
      std::string_view rest = line.substr(1);
      while (!rest.empty()) {
        const std::size_t bar = std::min(rest.find('|'), rest.size());
        std::string_view cell = rest.substr(0, bar);
        const std::size_t first = cell.find_first_not_of(' ');
        const std::size_t last = cell.find_last_not_of(" \r");
        row.push_back(first == std::string_view::npos ? std::string()
                                                      : std::string(cell.substr(first, last - first + 1)));
        rest.remove_prefix(std::min(bar + 1, rest.size()));
      }
      table.push_back(std::move(row));
      continue;
    }
    if (line.starts_with('#')) {
      flush();
      blocks.push_back({.kind = ExcerptBlock::Kind::heading,
                        .level = line.find_first_not_of('#'),
                        .text = std::string(line.substr(std::min(line.find_first_not_of("# "), line.size())))});
    } else if (line.starts_with("- ") || line.starts_with("* ")) {
      flush();
      blocks.push_back({.kind = ExcerptBlock::Kind::list_item, .text = std::string(line.substr(2))});
    } else {
      if (!table.empty()) flush();
      paragraph += (paragraph.empty() ? "" : " ") + std::string(line);
    }
  }
  flush();
  return blocks;
}

}  // namespace

void render_handout_docx(const workshop::Pack& pack, const checklist::Checklist& checklist, std::ostream& out) {
  const Messages& m = messages(pack.lang);
  WordDocument doc(m.lang());
  const std::string title = m(Msg::exercise, {pack.title});
  doc.paragraph(ParagraphStyle::title, title);
  if (!pack.instructions.empty()) doc.paragraph(ParagraphStyle::normal, pack.instructions);
  doc.paragraph(ParagraphStyle::note, checklist::provenance_in(checklist.meta, m.lang()));
  if (!pack.source.empty()) doc.paragraph(ParagraphStyle::normal, m(Msg::source_line, {pack.source}));
  for (const ExcerptBlock& block : excerpt_blocks(pack.excerpt)) {
    switch (block.kind) {
      case ExcerptBlock::Kind::heading:
        doc.paragraph(block.level <= 1   ? ParagraphStyle::heading1
                      : block.level == 2 ? ParagraphStyle::heading2
                                         : ParagraphStyle::heading3,
                      block.text);
        break;
      case ExcerptBlock::Kind::paragraph: doc.paragraph(ParagraphStyle::normal, block.text); break;
      case ExcerptBlock::Kind::list_item: doc.paragraph(ParagraphStyle::list, "\u2022 " + block.text); break;
      case ExcerptBlock::Kind::table: {
        std::vector<std::vector<TableCell>> rows;
        for (const auto& row : block.rows) {
          std::vector<TableCell>& cells = rows.emplace_back();
          for (const std::string& cell : row) cells.push_back(TableCell{{Span{.text = cell}}});
        }
        const std::size_t columns = std::max<std::size_t>(block.rows.front().size(), 1);
        doc.table(std::vector<std::size_t>(columns, 9600 / columns), rows);
        break;
      }
    }
  }
  doc.paragraph(ParagraphStyle::heading1, m[Msg::your_ratings]);
  doc.paragraph(ParagraphStyle::normal, m(Msg::rate_from_excerpt, {m.level(Level::missing), m.level(Level::approaches),
                                                                   m.level(Level::meets), m.level(Level::exceeds)}));
  std::vector<std::vector<TableCell>> rows{
      {TableCell{{Span{.text = std::string(m[Msg::item])}}}, TableCell{{Span{.text = std::string(m[Msg::question])}}},
       TableCell{{Span{.text = std::string(m[Msg::level])}}}, TableCell{{Span{.text = std::string(m[Msg::reason])}}}}};
  for (const workshop::KeyAnswer& k : pack.key) {
    const checklist::Item* item = checklist::find_item(checklist, k.item_id);  // load_pack checked it is there
    if (item == nullptr) continue;
    rows.push_back(
        {TableCell{{Span{.text = k.item_id, .bold = true}, Span{.text = " " + checklist::title_in(*item, pack.lang)}}},
         TableCell{{Span{.text = checklist::question_in(*item, pack.lang), .small = true}}}, TableCell{}, TableCell{}});
  }
  doc.table({2200, 4000, 1300, 2100}, rows);
  out << doc.finish(title);
}

void render_excerpt_html(const workshop::Pack& pack, std::ostream& out) {
  out << "<div class=\"excerpt\">\n";
  bool in_list = false;  // consecutive list items make one list
  for (const ExcerptBlock& block : excerpt_blocks(pack.excerpt)) {
    const bool item = block.kind == ExcerptBlock::Kind::list_item;
    if (in_list && !item) out << "</ul>\n";
    if (!in_list && item) out << "<ul>\n";
    in_list = item;
    switch (block.kind) {
      case ExcerptBlock::Kind::heading: {
        const std::string tag = "h" + std::to_string(std::clamp<std::size_t>(block.level + 1, 2, 6));
        out << "<" << tag << ">" << escape_html(block.text) << "</" << tag << ">\n";
        break;
      }
      case ExcerptBlock::Kind::paragraph: out << "<p>" << escape_html(block.text) << "</p>\n"; break;
      case ExcerptBlock::Kind::list_item: out << "<li>" << escape_html(block.text) << "</li>\n"; break;
      case ExcerptBlock::Kind::table:
        out << "<table class=\"levels\">\n";
        for (std::size_t r = 0; r < block.rows.size(); ++r) {
          out << "<tr>";
          for (const std::string& cell : block.rows[r]) {
            out << (r == 0 ? "<th>" : "<td>") << escape_html(cell) << (r == 0 ? "</th>" : "</td>");
          }
          out << "</tr>\n";
        }
        out << "</table>\n";
        break;
    }
  }
  if (in_list) out << "</ul>\n";
  out << "</div>\n";
}

void render_answer_sheet_csv(const workshop::Pack& pack, const checklist::Checklist& checklist, std::ostream& out) {
  out << "participant,item,title,level,note\r\n";
  for (const workshop::KeyAnswer& k : pack.key) {
    const checklist::Item* item = checklist::find_item(checklist, k.item_id);
    out << ',' << csv_field(k.item_id) << ',' << csv_field(item != nullptr ? checklist::title_in(*item, pack.lang) : "")
        << ",,\r\n";
  }
}

void render_sessions(const std::vector<workshop::Debrief>& sessions, std::ostream& out) {
  if (sessions.empty()) {
    out << "No workshop sessions stored yet: unct-assess workshop score PACK SHEETS... stores one.\n";
    return;
  }
  out << fit("Id", 6) << fit("Date", 12) << fit("Cohort", 26) << fit("Pack", 26) << fit("People", 8) << fit("Exact", 8)
      << fit("Within one", 12) << "Kappa\n";
  for (const workshop::Debrief& d : sessions) {
    const workshop::Session& s = d.session;
    out << fit(std::to_string(s.id), 6) << fit(s.created_at.substr(0, 10), 12)
        << fit(s.cohort.empty() ? "-" : s.cohort, 26) << fit(s.pack_id, 26)
        << fit(std::to_string(d.participants.size()), 8) << fit(percent(d.room.exact, d.room.count), 8)
        << fit(percent(d.room.within_one, d.room.count), 12) << kappa_text(d.room.kappa) << '\n';
  }
}

void render_cohorts(const workshop::CohortComparison& c, std::ostream& out) {
  out << "COHORTS COMPARED\n";
  for (const workshop::Debrief& d : c.sessions) {
    const workshop::Session& s = d.session;
    out << "  Session " << s.id << ": " << (s.cohort.empty() ? "(no cohort label)" : s.cohort) << ", "
        << s.created_at.substr(0, 10) << ", pack " << s.pack_id << "; " << d.participants.size() << " participants; "
        << agreement_text(d.room) << '\n';
  }
  out << "\nSHARE OF ANSWERS ON THE KEY\n  " << fit("Item", 13);
  for (const workshop::Debrief& d : c.sessions) out << fit("Session " + std::to_string(d.session.id), 12);
  out << "Title\n";
  for (const workshop::CohortItem& item : c.items) {
    out << "  " << fit(item.item_id, 13);
    for (const std::optional<double>& share : item.exact_share) {
      out << fit(share ? std::to_string(std::lround(*share * 100)) + "%" : "-", 12);
    }
    out << item.title << '\n';
  }
}

}  // namespace unct::report
