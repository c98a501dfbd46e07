#include "engine/ingest/zones.hpp"

#include "engine/core/ascii.hpp"
#include "engine/ingest/outline.hpp"
#include "engine/text/normalise.hpp"
#include "engine/text/unicode.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>

namespace unct::ingest {
namespace {

// Titles that open a zone, normalised (lower case, no accents), in English, French and Spanish.
constexpr std::array k_contents_titles{
    "contents", "content",   "table of contents", "list of contents",   "table des matieres",  "sommaire",
    "indice",   "contenido", "contenidos",        "tabla de contenido", "tabla de contenidos", "indice de contenidos"};
constexpr std::array k_acronym_titles{"acronyms",
                                      "abbreviations",
                                      "acronyms and abbreviations",
                                      "abbreviations and acronyms",
                                      "acronyms & abbreviations",
                                      "list of acronyms",
                                      "list of abbreviations",
                                      "list of acronyms and abbreviations",
                                      "sigles",
                                      "acronymes",
                                      "abreviations",
                                      "sigles et abreviations",
                                      "sigles et acronymes",
                                      "liste des sigles",
                                      "liste des sigles et abreviations",
                                      "liste des acronymes",
                                      "siglas",
                                      "acronimos",
                                      "abreviaturas",
                                      "siglas y acronimos",
                                      "acronimos y siglas",
                                      "siglas y abreviaturas",
                                      "lista de siglas",
                                      "lista de acronimos"};
constexpr std::array k_signature_titles{"signatures",  "signature",   "signature page",
                                        "signatories", "signataires", "firmas"};
constexpr std::array k_reference_titles{"references",    "reference",
                                        "bibliography",  "endnotes",
                                        "notes",         "sources",
                                        "works cited",   "sources and references",
                                        "bibliographie", "references bibliographiques",
                                        "notes de fin",  "referencias",
                                        "bibliografia",  "notas",
                                        "notas finales", "referencias bibliograficas"};

// Imprint wording, normalised.
constexpr std::array k_imprint{"(c) 19",
                               "(c) 20",
                               "©",
                               "copyright",
                               "all rights reserved",
                               "isbn",
                               "issn",
                               "printed in ",
                               "printed by",
                               "photo credit",
                               "cover photo",
                               "photographers:",
                               "photographs:",
                               "graphic design",
                               "design and layout",
                               "layout and design",
                               "please refer to this publication as",
                               "please cite this",
                               "this document is a formal publication",
                               "tous droits reserves",
                               "credit photo",
                               "credits photo",
                               "imprime en",
                               "todos los derechos reservados",
                               "foto de portada",
                               "creditos fotograficos",
                               "diseno grafico",
                               "impreso en"};

// How signature lines begin, normalised.
constexpr std::array k_signature_openings{"for the government of",
                                          "for the united nations",
                                          "for the un ",
                                          "on behalf of",
                                          "signed by",
                                          "signed:",
                                          "signature:",
                                          "h.e. ",
                                          "pour le gouvernement",
                                          "pour le systeme des nations unies",
                                          "pour les nations unies",
                                          "au nom du",
                                          "por el gobierno",
                                          "por el sistema de las naciones unidas",
                                          "por las naciones unidas",
                                          "en nombre de"};

// Words that a number follows in a label rather than a page number ("Outcome 2", "Annex 1").
constexpr std::array k_numbered_labels{
    "outcome",   "output",  "priority",  "pillar",    "goal",     "sdg",   "article", "annex",    "chapter",
    "part",      "section", "objective", "area",      "result",   "effet", "produit", "priorite", "objectif",
    "resultado", "efecto",  "producto",  "prioridad", "objetivo", "anexo", "annexe",  "capitulo", "chapitre"};

constexpr std::size_t k_short_line_words = 16;

template <std::size_t N>
bool is_one_of(const std::string& text, const std::array<const char*, N>& list) {
  return std::any_of(list.begin(), list.end(), [&](const char* item) { return text == item; });
}

template <std::size_t N>
bool contains_any(const std::string& text, const std::array<const char*, N>& list) {
  return std::any_of(list.begin(), list.end(), [&](const char* item) { return text.find(item) != std::string::npos; });
}

template <std::size_t N>
bool starts_with_any(const std::string& text, const std::array<const char*, N>& list) {
  return std::any_of(list.begin(), list.end(), [&](const char* item) { return text.rfind(item, 0) == 0; });
}

// The words of a line, split at white space.
// The text's words; once there are more than `limit`, the rest are not looked for (a caller
// that wants a short line sees more than it takes, which is all it needs to know).
std::vector<std::string_view> words_of(std::string_view text, std::size_t limit) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < text.size() && out.size() <= limit) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
    const std::size_t start = i;
    while (i < text.size() && text[i] != ' ' && text[i] != '\t') ++i;
    if (i > start) out.push_back(text.substr(start, i - start));
  }
  return out;
}

// "1.2 data gaps ........ 14" -> "1.2 data gaps": normalised text without its trailing dot
// leaders and page number.
std::string without_page(std::string_view text) {
  auto trim_end = [&] {
    while (!text.empty() && (text.back() == ' ' || text.back() == '.' || text.back() == '\t')) text.remove_suffix(1);
  };
  trim_end();
  const std::size_t space = text.find_last_of(" \t");
  if (space != std::string_view::npos && is_page_number(text.substr(space + 1))) {
    text = text.substr(0, space);
    trim_end();
  }
  return std::string(text);
}

// A zone title: "Table of contents", "2. Acronyms and abbreviations:", "iv. References"; not a
// contents entry that names one ("Acronyms and abbreviations ..... 4").
std::optional<Zone> title_zone(const std::string& folded) {
  std::string base = without_page(folded);
  if (base.size() + 1 < folded.size()) return std::nullopt;
  while (!base.empty() && (base.back() == ':' || base.back() == ' ')) base.pop_back();
  // A leading section number ("2.", "iv.", "3)").
  const std::size_t space = base.find(' ');
  if (space != std::string::npos && space <= 5) {
    const std::string_view first(base.data(), space);
    const bool numbering = std::all_of(first.begin(), first.end(), [](char c) {
      return std::isdigit(static_cast<unsigned char>(c)) != 0 || c == '.' || c == ')' ||
             std::string_view("ivx").find(c) != std::string_view::npos;
    });
    if (numbering) base = base.substr(space + 1);
  }
  if (is_one_of(base, k_contents_titles)) return Zone::contents;
  if (is_one_of(base, k_acronym_titles)) return Zone::acronyms;
  if (is_one_of(base, k_signature_titles)) return Zone::signatures;
  if (is_one_of(base, k_reference_titles)) return Zone::references;
  return std::nullopt;
}

// Dot leaders: four dots or more, spaced or not ("....", ". . . .", "……").
bool has_dot_leaders(std::string_view folded) {
  int dots = 0;
  for (char c : folded) {
    if (c == '.') {
      if (++dots >= 4) return true;
    } else if (c != ' ') {
      dots = 0;
    }
  }
  return false;
}

// "2.3 Risks and Assumptions 43": a short line that ends in a page number, not a label's number
// ("Outcome 2") nor a sentence.
bool ends_in_page_number(std::string_view text, std::string_view folded) {
  const auto words = words_of(folded, k_short_line_words + 2);
  if (words.size() < 2 || words.size() > k_short_line_words + 2 || !is_page_number(words.back())) return false;
  const std::string_view before = words[words.size() - 2];
  if (std::string_view(",;:").find(before.back()) != std::string_view::npos) return false;
  if (std::any_of(k_numbered_labels.begin(), k_numbered_labels.end(),
                  [&](const char* label) { return before == label; })) {
    return false;
  }
  const auto first = static_cast<unsigned char>(text.front());
  return std::isdigit(first) != 0 || first >= 0x80 || std::isupper(first) != 0;
}

// "CEDAW Convention on the Elimination ...", "GoN Government of Nepal", "M&E Monitoring and
// Evaluation": an acronym (two to twelve characters, at least two capitals, no run of lower-case
// letters longer than two) and its capitalised expansion, not a sentence nor an upper-case heading.
bool is_acronym_entry(std::string_view text) {
  const auto words = words_of(text, k_short_line_words + 1);
  if (words.size() < 2 || words.size() > k_short_line_words + 1) return false;
  const std::string_view acronym = words.front();
  if (acronym.size() < 2 || acronym.size() > 12 || std::isupper(static_cast<unsigned char>(acronym.front())) == 0)
    return false;
  int capitals = 0;
  int lower_run = 0;
  for (char c : acronym) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isupper(u) != 0) ++capitals;
    lower_run = std::islower(u) != 0 ? lower_run + 1 : 0;
    if (lower_run > 2) return false;
    if (std::isalnum(u) == 0 && std::string_view("&/.-'").find(c) == std::string_view::npos) return false;
  }
  if (capitals < 2) return false;
  std::size_t first = 1;
  if (first < words.size() &&
      (words[first] == "-" || words[first] == "\xE2\x80\x93" || words[first] == ":" || words[first] == "=")) {
    ++first;
  }
  if (first >= words.size()) return false;
  const auto lead = static_cast<unsigned char>(words[first].front());
  if (std::isupper(lead) == 0 && lead < 0x80) return false;
  const bool all_upper =
      std::all_of(words.begin() + static_cast<std::ptrdiff_t>(first), words.end(), [](std::string_view w) {
        return std::none_of(w.begin(), w.end(),
                            [](char c) { return std::islower(static_cast<unsigned char>(c)) != 0; });
      });
  // A sentence ends with a full stop; a cut entry ("... and [Foreign Aid] ...") does not count as one.
  return !all_upper && (text.back() != '.' || text.ends_with("..."));
}

// The entries of a line listing several ("National institutions: CPD Commissioner ...; DDFFA
// Department ..."): two or more acronym entries separated by semicolons.
std::vector<std::string> acronym_entries(std::string_view text) {
  // Without a semicolon there is one entry at most, never a list.
  if (text.find(';') == std::string_view::npos) return {};
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find(';', start);
    if (end == std::string_view::npos) end = text.size();
    std::string entry = trim(text.substr(start, end - start));
    // A label before the first entry ("National institutions: CPD ...").
    if (out.empty()) {
      if (const std::size_t colon = entry.find(": "); colon != std::string::npos && !is_acronym_entry(entry)) {
        if (is_acronym_entry(entry.substr(colon + 2))) entry = entry.substr(colon + 2);
      }
    }
    if (!entry.empty()) out.push_back(entry);
    start = end + 1;
  }
  const auto entries = std::count_if(out.begin(), out.end(), [](const std::string& e) { return is_acronym_entry(e); });
  if (out.size() < 2 || entries * 2 < static_cast<std::ptrdiff_t>(out.size()) + 1) return {};
  return out;
}

bool is_sentence_end(char c) { return c == '.' || c == '!' || c == '?' || c == ';' || c == ':'; }

// Running text: a long line, or a sentence.
bool is_running(std::string_view text, std::size_t words) {
  return words >= 20 || (words >= 6 && is_sentence_end(text.back()) && !has_dot_leaders(text));
}

// What a line looks like on its own.
enum class Shape { other, running, title, dotted, numbered, acronym, acronym_list, imprint, signature };

struct Line {
  std::size_t block = 0;
  std::size_t index = 0;  // line of the block
  std::string text;       // trimmed
  bool heading = false;
  int level = 0;
  Shape shape = Shape::other;
  std::optional<Zone> title;  // the zone a title line opens
  std::size_t words = 0;
  Zone zone = Zone::text;
};

Shape shape_of(Line& line, const std::string& folded) {
  if (line.title = title_zone(folded); line.title) return Shape::title;
  if (line.words <= 40 && contains_any(folded, k_imprint)) return Shape::imprint;
  if (has_dot_leaders(folded)) return Shape::dotted;
  if (line.words <= 14 && !is_sentence_end(line.text.back()) && starts_with_any(folded, k_signature_openings)) {
    return Shape::signature;
  }
  // Before acronyms: "ANNEX A: Results Framework 63" is a contents entry.
  if (ends_in_page_number(line.text, folded)) return Shape::numbered;
  if (is_acronym_entry(line.text)) return Shape::acronym;
  if (!acronym_entries(line.text).empty()) return Shape::acronym_list;
  if (is_running(line.text, line.words)) return Shape::running;
  return Shape::other;
}

// A line holding several contents entries, as a PDF reader joins them ("1. Groups ..... 3 2.
// Data ..... 5"): cut after each page number that follows dot leaders.
std::vector<std::string> entries_after_leaders(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] != '.') {
      ++i;
      continue;
    }
    std::size_t j = i;
    int dots = 0;
    while (j < text.size() && (text[j] == '.' || text[j] == ' ')) dots += text[j++] == '.' ? 1 : 0;
    if (dots < 4) {
      i = j;
      continue;
    }
    std::size_t k = j;
    while (k < text.size() && text[k] != ' ') ++k;
    if (k > j && is_page_number(ascii_lower(std::string_view(text).substr(j, k - j)))) {
      out.push_back(trim(std::string_view(text).substr(start, k - start)));
      start = k;
    }
    i = k;
  }
  if (out.empty()) return {text};
  if (const std::string rest = trim(std::string_view(text).substr(start)); !rest.empty()) out.push_back(rest);
  return out;
}

std::vector<Line> lines_of(const Document& document) {
  std::vector<Line> out;
  for (std::size_t b = 0; b < document.blocks.size(); ++b) {
    const Block& block = document.blocks[b];
    std::size_t index = 0;
    for (std::size_t start = 0; start <= block.text.size(); ++index) {
      std::size_t end = block.text.find('\n', start);
      if (end == std::string::npos) end = block.text.size();
      // A table cell is one line whatever its breaks: cells are never cut.
      if (block.kind == BlockKind::table_cell) end = block.text.size();
      const std::string whole = trim(std::string_view(block.text).substr(start, end - start));
      start = end + 1;
      if (whole.empty()) continue;
      const bool cell = block.kind == BlockKind::table_cell;
      for (std::string& text : cell ? std::vector<std::string>{whole} : entries_after_leaders(whole)) {
        Line line{.block = b,
                  .index = index,
                  .text = std::move(text),
                  .heading = block.kind == BlockKind::heading,
                  .level = block.level};
        line.words = text::count_words(line.text);
        line.shape = cell ? Shape::other : shape_of(line, text::normalise_term(line.text));
        out.push_back(std::move(line));
      }
    }
  }
  return out;
}

// For each line, the length of the run of consecutive lines that `in_run` accepts it stands in
// (0 for a line it does not accept). Linear, however long the document.
template <class InRun>
std::vector<std::size_t> run_lengths(const std::vector<Line>& lines, InRun in_run) {
  std::vector<std::size_t> out(lines.size(), 0);
  for (std::size_t i = 0; i < lines.size();) {
    if (!in_run(lines[i])) {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < lines.size() && in_run(lines[end])) ++end;
    std::fill(out.begin() + static_cast<std::ptrdiff_t>(i), out.begin() + static_cast<std::ptrdiff_t>(end), end - i);
    i = end;
  }
  return out;
}

bool is_entry(Shape shape) { return shape != Shape::other && shape != Shape::running; }

// Whether each block is running text: a sentence or a long line among lines that are not, for
// the most part, entries of a list (contents, acronyms, imprint, signatures). Lines of a wrapped
// paragraph are short, so this is decided per block, from the words its lines carry on average.
std::vector<bool> running_blocks(const std::vector<Line>& lines, const Document& document) {
  std::vector<bool> out(document.blocks.size(), false);
  for (std::size_t i = 0; i < lines.size();) {
    std::size_t end = i;
    std::size_t entries = 0;
    bool running_line = false;
    while (end < lines.size() && lines[end].block == lines[i].block) {
      entries += is_entry(lines[end].shape) ? 1 : 0;
      running_line = running_line || lines[end].shape == Shape::running;
      ++end;
    }
    const std::string& text = document.blocks[lines[i].block].text;
    const std::size_t words = text::count_words(text);
    // Lines of prose wrapped by an export carry ten words or so; a list of titles, two or three.
    const bool prose = is_running(trim(text), words) && words >= 8 * (end - i);
    out[lines[i].block] = entries * 2 < end - i && (running_line || prose);
    i = end;
  }
  return out;
}

void assign(std::vector<Line>& lines, const Document& document) {
  const auto is_contents_entry = [](const Line& l) { return l.shape == Shape::dotted || l.shape == Shape::numbered; };
  const auto is_acronym = [](const Line& l) { return l.shape == Shape::acronym || l.shape == Shape::acronym_list; };
  const std::vector<bool> running = running_blocks(lines, document);
  const std::vector<std::size_t> contents_run = run_lengths(lines, is_contents_entry);
  const std::vector<std::size_t> acronym_run = run_lengths(lines, is_acronym);
  std::optional<Zone> open;  // the zone a title opened
  int open_level = 0;        // the level of a references heading; 0 when the title was a line
  for (std::size_t i = 0; i < lines.size(); ++i) {
    Line& line = lines[i];
    const bool cell = document.blocks[line.block].kind == BlockKind::table_cell;
    if (line.title) {
      open = line.title;
      open_level = line.heading ? line.level : 0;
      line.zone = *line.title;
      continue;
    }
    if (open) {
      // A short line of a block that is not running text, and not a heading of the body.
      // ("UNDAF Narrative" in a contents list reads like an acronym entry; it is a title too.)
      const bool listed = line.words <= k_short_line_words && !running[line.block] && !line.heading &&
                          (line.shape == Shape::other || line.shape == Shape::acronym);
      bool stays = false;
      switch (*open) {
        case Zone::references:
          // Under a references heading, the section; under a "Notes" line, the list that follows.
          stays = open_level > 0 ? !line.heading || line.level > open_level : !line.heading && !running[line.block];
          break;
        case Zone::contents: stays = is_contents_entry(line) || listed; break;
        case Zone::acronyms: stays = is_acronym(line) || cell || listed; break;
        case Zone::signatures: stays = line.shape == Shape::signature || listed; break;
        default: break;
      }
      if (stays) {
        line.zone = *open;
        continue;
      }
      open.reset();
    }
    // An entry's shape inside running text ("... on behalf of" wrapped to a line start) is prose.
    if (cell || running[line.block]) continue;
    if (line.shape == Shape::imprint)
      line.zone = Zone::cover;
    else if (line.shape == Shape::signature)
      line.zone = Zone::signatures;
    else if (line.shape == Shape::dotted)
      line.zone = Zone::contents;
    else if (line.shape == Shape::numbered && contents_run[i] >= 3)
      line.zone = Zone::contents;
    else if (is_acronym(line) && acronym_run[i] >= 3)
      line.zone = Zone::acronyms;
  }
  // The cover: the blocks that open the document before its first running text, but for
  // sentences and headings other than the document's title.
  std::size_t sentence_block = lines.size();  // the block `sentence` was worked out for
  bool sentence = false;                      // whether that block ends like a sentence
  for (Line& line : lines) {
    const Block& block = document.blocks[line.block];
    if (running[line.block] || block.kind == BlockKind::list_item || block.kind == BlockKind::table_cell) break;
    if (line.block != sentence_block) {
      sentence_block = line.block;
      sentence = is_sentence_end(trim(block.text).back());
    }
    if (line.zone != Zone::text || sentence) continue;
    if (line.heading && (&line != &lines.front() || block.level != 1)) continue;
    line.zone = Zone::cover;
  }
}

// Whether a zone's lines stand one block each.
bool one_block_per_line(Zone zone) { return zone == Zone::contents || zone == Zone::acronyms; }

}  // namespace

void mark_zones(Document& document) {
  std::vector<Line> lines = lines_of(document);
  assign(lines, document);
  if (std::all_of(lines.begin(), lines.end(), [](const Line& l) { return l.zone == Zone::text; })) return;

  std::vector<Block> out;
  out.reserve(document.blocks.size());
  bool demoted = false;
  std::size_t i = 0;
  // Each block is read only while its own lines are: a block kept whole moves into `out` rather
  // than being copied, so that the document is not held twice.
  for (std::size_t b = 0; b < document.blocks.size(); ++b) {
    Block& block = document.blocks[b];
    std::size_t end = i;
    while (end < lines.size() && lines[end].block == b) ++end;
    if (end == i) {  // no text at all: kept as it was
      out.push_back(std::move(block));
      continue;
    }
    const bool uniform =
        std::all_of(lines.begin() + static_cast<std::ptrdiff_t>(i), lines.begin() + static_cast<std::ptrdiff_t>(end),
                    [&](const Line& l) { return l.zone == lines[i].zone; });
    if (block.kind == BlockKind::table_cell || (uniform && !one_block_per_line(lines[i].zone))) {
      block.zone = lines[i].zone;
      out.push_back(std::move(block));
      i = end;
      continue;
    }
    // Cut: runs of lines of one zone, or one block per contents or acronym entry.
    Block blank = block;
    blank.text.clear();
    for (std::size_t j = i; j < end;) {
      const Zone zone = lines[j].zone;
      std::size_t k = j + 1;
      if (!one_block_per_line(zone)) {
        while (k < end && lines[k].zone == zone) ++k;
      }
      Block part = blank;
      part.zone = zone;
      part.line = block.line > 0 ? block.line + static_cast<int>(lines[j].index) : 0;
      for (std::size_t m = j; m < k; ++m) {
        // Pieces of one source line (entries cut after their page numbers) join with a space.
        if (m > j) part.text += lines[m].index == lines[m - 1].index ? ' ' : '\n';
        part.text += lines[m].text;
      }
      std::vector<std::string> entries;
      if (zone == Zone::acronyms && lines[j].shape == Shape::acronym_list) entries = acronym_entries(lines[j].text);
      if (entries.empty()) entries.push_back(part.text);
      for (std::string& entry : entries) {
        Block piece = part;
        piece.text = std::move(entry);
        out.push_back(std::move(piece));
      }
      j = k;
    }
    i = end;
  }
  // Contents entries and acronym lists read as headings (an upper-case "1. INTRODUCTION 12")
  // and their titles are not the document's outline.
  for (Block& block : out) {
    if (block.kind == BlockKind::heading && (block.zone == Zone::contents || block.zone == Zone::acronyms)) {
      block.kind = BlockKind::paragraph;
      block.level = 0;
      demoted = true;
    }
  }
  if (demoted) {
    std::vector<std::pair<int, std::string>> open;
    for (Block& block : out) {
      if (block.kind == BlockKind::heading) {
        while (!open.empty() && open.back().first >= block.level) open.pop_back();
        open.emplace_back(block.level, block.text);
      }
      block.section.clear();
      for (const auto& [level, heading] : open) block.section.push_back(heading);
    }
  }
  document.blocks = std::move(out);
}

}  // namespace unct::ingest
