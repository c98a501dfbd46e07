#include "engine/checklist/load.hpp"

#include "engine/checklist/schema.hpp"
#include "engine/core/file.hpp"
#include "engine/core/sha256.hpp"

#include <pugixml.hpp>
#include <re2/re2.h>

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <sstream>

namespace unct::checklist {
namespace {

constexpr std::uintmax_t k_max_checklist_bytes = 16u * 1024 * 1024;

std::vector<std::string> split_words(std::string_view text) {
  std::vector<std::string> words;
  std::istringstream in{std::string(text)};
  for (std::string word; in >> word;) words.push_back(word);
  return words;
}

std::string trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t\r\n");
  std::string out(text.substr(first, last - first + 1));
  // Collapse the line breaks and indentation of long texts written across lines in XML.
  std::string collapsed;
  bool space = false;
  for (char c : out) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      space = true;
    } else {
      if (space) collapsed += ' ';
      collapsed += c;
      space = false;
    }
  }
  return collapsed;
}

Scope parse_scope(std::string_view text) {
  if (text == "paragraph") return Scope::paragraph;
  if (text == "row") return Scope::row;
  if (text == "words") return Scope::words;
  return Scope::sentence;
}

bool has_word_character(std::string_view term) {
  return std::any_of(term.begin(), term.end(), [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte >= 0x80 || std::isalnum(byte);
  });
}

// Builds the model from a schema-valid document and reports what the schema cannot see.
class Reader {
public:
  Reader(std::string_view xml, const std::filesystem::path& path, std::vector<Diagnostic>& out)
      : m_lines(xml), m_path(path), m_out(out) {}

  Checklist read(const pugi::xml_node root) {
    Checklist checklist;
    checklist.meta = read_meta(root);
    checklist.scale = read_scale(root.child("scale"), checklist.not_applicable_label);
    checklist.term_sets = read_term_sets(root.child("term-sets"));
    checklist.parts = read_parts(root.child("parts"));
    std::set<std::string> section_ids;
    std::set<std::string> item_ids;
    for (pugi::xml_node node : root.children("section")) {
      Section section{.id = node.attribute("id").value(), .title = trimmed(node.attribute("title").value())};
      if (!section_ids.insert(section.id).second) problem(node, "duplicate section id \"" + section.id + "\"");
      for (pugi::xml_node item_node : node.children("item")) {
        Item item = read_item(item_node);
        if (!item_ids.insert(item.id).second) problem(item_node, "duplicate item id \"" + item.id + "\"", item.id);
        section.items.push_back(std::move(item));
      }
      checklist.sections.push_back(std::move(section));
    }
    return checklist;
  }

private:
  SourceLocation at(const pugi::xml_node node, const std::string& item_id = {}) const {
    // pugixml points at an element's name; editors and libxml2 point at its '<'.
    // Every term carries its line, so each place comes from the index: counting from the start of
    // the line instead made a checklist written on one line quadratic to load (issue 18).
    const auto offset = static_cast<std::size_t>(std::max<std::ptrdiff_t>(node.offset_debug() - 1, 0));
    const LineColumn lc = m_lines.at(offset);
    return {.file = m_path, .line = lc.line, .column = lc.column, .item_id = item_id};
  }

  void problem(const pugi::xml_node node, std::string message, const std::string& item_id = {}) {
    m_out.push_back({at(node, item_id), std::move(message)});
  }

  Meta read_meta(const pugi::xml_node root) {
    const pugi::xml_node meta = root.child("meta");
    return {.id = root.attribute("id").value(),
            .version = root.attribute("version").value(),
            .title = trimmed(meta.child_value("title")),
            .publisher = trimmed(meta.child_value("publisher")),
            .issued = trimmed(meta.child_value("issued")),
            .provenance = trimmed(meta.child_value("provenance")),
            .languages = split_words(meta.child_value("languages"))};
  }

  std::vector<ScaleLevel> read_scale(const pugi::xml_node scale, std::string& not_applicable_label) {
    std::vector<ScaleLevel> levels;
    for (pugi::xml_node node : scale.children("level")) {
      const Level level = parse_level(node.attribute("code").value()).value_or(Level::missing);
      if (static_cast<std::size_t>(points(level)) != levels.size()) {
        problem(node, "scale levels must run missing, approaches, meets, exceeds; found \"" +
                          std::string(code(level)) + "\" in position " + std::to_string(levels.size() + 1));
      }
      levels.push_back({level, trimmed(node.attribute("label").value())});
    }
    not_applicable_label = trimmed(scale.child("not-applicable").attribute("label").value());
    return levels;
  }

  std::vector<TermSet> read_term_sets(const pugi::xml_node sets) {
    std::vector<TermSet> out;
    std::map<std::string, pugi::xml_node> nodes;
    for (pugi::xml_node node : sets.children("term-set")) {
      TermSet set{.id = node.attribute("id").value(), .title = trimmed(node.attribute("title").value()),
                  .line = at(node).line};
      if (!nodes.emplace(set.id, node).second) {
        problem(node, "duplicate term set id \"" + set.id + "\"");
        continue;
      }
      for (pugi::xml_node include : node.children("include")) set.includes.push_back(include.attribute("set").value());
      read_terms(node, "term", set.terms);
      read_terms(node, "except", set.exceptions);
      set.context = node.child("context").attribute("set").value();
      if (set.terms.empty() && set.includes.empty()) {
        problem(node, "term set \"" + set.id + "\" is empty: give it terms or include other sets");
      }
      out.push_back(std::move(set));
    }
    m_term_sets = nodes;
    for (const TermSet& set : out) {
      const pugi::xml_node node = nodes.at(set.id);
      for (pugi::xml_node include : node.children("include")) {
        const std::string target = include.attribute("set").value();
        if (nodes.count(target) == 0) problem(include, "unknown term set \"" + target + "\" in include");
        else if (target == set.id) problem(include, "term set \"" + set.id + "\" includes itself");
      }
    }
    report_include_cycles(out, nodes);
    report_contexts(out, nodes);
    return out;
  }

  // A context set is matched as it is: it may not depend on the set it qualifies, nor hold
  // sets that have a context of their own.
  void report_contexts(const std::vector<TermSet>& sets, const std::map<std::string, pugi::xml_node>& nodes) {
    std::map<std::string, const TermSet*> by_id;
    for (const TermSet& set : sets) by_id[set.id] = &set;
    std::function<void(const TermSet&, std::set<std::string>&)> members = [&](const TermSet& set, std::set<std::string>& seen) {
      if (!seen.insert(set.id).second) return;
      for (const std::string& next : set.includes) {
        if (by_id.count(next) != 0) members(*by_id.at(next), seen);
      }
    };
    for (const TermSet& set : sets) {
      if (set.context.empty()) continue;
      const pugi::xml_node node = nodes.at(set.id).child("context");
      if (by_id.count(set.context) == 0) {
        problem(node, "unknown term set \"" + set.context + "\" in context");
        continue;
      }
      std::set<std::string> within;
      members(*by_id.at(set.context), within);
      if (within.count(set.id) != 0) {
        problem(node, "term set \"" + set.id + "\" cannot be its own context (through \"" + set.context + "\")");
      }
      for (const std::string& id : within) {
        if (!by_id.at(id)->context.empty()) {
          problem(node, "the context \"" + set.context + "\" holds \"" + id + "\", which has a context of its own");
          break;
        }
      }
    }
  }

  void read_terms(const pugi::xml_node node, const char* name, std::vector<Term>& out) {
    for (pugi::xml_node term : node.children(name)) {
      std::string text = trimmed(term.child_value());
      if (!has_word_character(text) || text.front() == '*') {
        problem(term, "term \"" + text + "\" has no word to match (a '*' may only end a word)");
        continue;
      }
      out.push_back({std::move(text), term.attribute("lang").value(), at(term).line});
    }
  }

  void report_include_cycles(const std::vector<TermSet>& sets, const std::map<std::string, pugi::xml_node>& nodes) {
    std::map<std::string, const TermSet*> by_id;
    for (const TermSet& set : sets) by_id[set.id] = &set;
    std::map<std::string, int> state;  // 0 unseen, 1 on the path, 2 done
    std::set<std::string> reported;
    std::function<void(const TermSet&, std::vector<std::string>&)> visit =
        [&](const TermSet& set, std::vector<std::string>& path) {
          state[set.id] = 1;
          path.push_back(set.id);
          for (const std::string& next : set.includes) {
            if (next == set.id || by_id.count(next) == 0) continue;
            if (state[next] == 1 && reported.insert(next).second) {
              std::string cycle;
              for (auto it = std::find(path.begin(), path.end(), next); it != path.end(); ++it) cycle += *it + " -> ";
              problem(nodes.at(next), "term sets include each other in a cycle: " + cycle + next);
            } else if (state[next] == 0) {
              visit(*by_id.at(next), path);
            }
          }
          path.pop_back();
          state[set.id] = 2;
        };
    for (const TermSet& set : sets) {
      std::vector<std::string> path;
      if (state[set.id] == 0) visit(set, path);
    }
  }

  std::vector<Part> read_parts(const pugi::xml_node parts) {
    std::vector<Part> out;
    for (pugi::xml_node node : parts.children("part")) {
      Part part{.id = node.attribute("id").value(),
                .title = trimmed(node.attribute("title").value()),
                .heading_set = node.attribute("headings").value()};
      if (std::any_of(out.begin(), out.end(), [&](const Part& p) { return p.id == part.id; })) {
        problem(node, "duplicate part id \"" + part.id + "\"");
      }
      require_term_set(node, part.heading_set, {});
      m_part_ids.insert(part.id);
      out.push_back(std::move(part));
    }
    return out;
  }

  void require_term_set(const pugi::xml_node node, const std::string& id, const std::string& item_id) {
    if (m_term_sets.count(id) == 0) problem(node, "unknown term set \"" + id + "\"", item_id);
  }

  std::optional<std::string> read_part(const pugi::xml_node node, const std::string& item_id) {
    const pugi::xml_attribute attribute = node.attribute("part");
    if (!attribute) return std::nullopt;
    const std::string part = attribute.value();
    if (m_part_ids.count(part) == 0) problem(node, "unknown document part \"" + part + "\"", item_id);
    return part;
  }

  std::vector<Signal> read_signals(const pugi::xml_node parent, const std::string& item_id) {
    std::vector<Signal> out;
    for (pugi::xml_node child : parent.children()) {
      if (child.type() == pugi::node_element) out.push_back(read_signal(child, item_id));
    }
    return out;
  }

  // The schema allows only these values.
  static Polarity read_polarity(const pugi::xml_node node) {
    const std::string_view value = node.attribute("polarity").as_string("any");
    return value == "affirmed" ? Polarity::affirmed : value == "negated" ? Polarity::negated : Polarity::any;
  }

  Signal read_signal(const pugi::xml_node node, const std::string& item_id) {
    const std::string_view name = node.name();
    if (name == "mentions" || name == "in-part") {  // in-part: mentions whose part the schema requires
      Mentions s{.term_set = node.attribute("set").value(), .min_count = node.attribute("min").as_int(1)};
      require_term_set(node, s.term_set, item_id);
      s.part = read_part(node, item_id);
      s.polarity = read_polarity(node);
      return s;
    }
    if (name == "coverage") {
      Coverage s{.term_set = node.attribute("set").value(), .min_distinct = node.attribute("min").as_int(1)};
      s.by = std::string_view(node.attribute("by").as_string("term")) == "set" ? CoverageUnit::set : CoverageUnit::term;
      require_term_set(node, s.term_set, item_id);
      s.part = read_part(node, item_id);
      s.polarity = read_polarity(node);
      if (s.by == CoverageUnit::set && m_term_sets.count(s.term_set) != 0) {
        const auto includes = m_term_sets.at(s.term_set).children("include");
        const auto count = std::distance(includes.begin(), includes.end());
        if (count < s.min_distinct) {
          problem(node, "coverage of " + std::to_string(s.min_distinct) + " sets can never hold: \"" + s.term_set +
                            "\" includes " + std::to_string(count), item_id);
        }
      }
      return s;
    }
    if (name == "near") {
      Near s{.term_set_a = node.attribute("a").value(),
             .term_set_b = node.attribute("b").value(),
             .within = parse_scope(node.attribute("within").as_string("sentence")),
             .words = node.attribute("words").as_int(0),
             .ordered = node.attribute("ordered").as_bool(false),
             .min_count = node.attribute("min").as_int(1)};
      require_term_set(node, s.term_set_a, item_id);
      require_term_set(node, s.term_set_b, item_id);
      s.part = read_part(node, item_id);
      s.polarity = read_polarity(node);
      if ((s.within == Scope::words) != (s.words > 0)) {
        problem(node, "near: give words=\"N\" exactly when within=\"words\"", item_id);
      }
      return s;
    }
    if (name == "in-table") {
      InTable s{.term_set = node.attribute("set").value(), .min_count = node.attribute("min").as_int(1)};
      require_term_set(node, s.term_set, item_id);
      s.part = read_part(node, item_id);
      s.polarity = read_polarity(node);
      return s;
    }
    if (name == "pattern") {
      Pattern s{.regex = node.attribute("regex").value(), .min_count = node.attribute("min").as_int(1)};
      const RE2 compiled(s.regex, RE2::Quiet);
      if (!compiled.ok()) problem(node, "pattern \"" + s.regex + "\" is not a valid RE2 expression: " + compiled.error(), item_id);
      s.part = read_part(node, item_id);
      return s;
    }
    if (name == "share") {
      Share s{.header_set = node.attribute("header").value(),
              .having_set = node.attribute("having").value(),
              .min_share = node.attribute("min-share").as_double(0.0),
              .min_rows = node.attribute("min-rows").as_int(1)};
      require_term_set(node, s.header_set, item_id);
      require_term_set(node, s.having_set, item_id);
      s.part = read_part(node, item_id);
      return s;
    }
    if (name == "all") return AllOf{read_signals(node, item_id)};
    if (name == "any") return AnyOf{read_signals(node, item_id)};
    if (name == "not") return Not{read_signals(node, item_id)};
    if (name == "at-least") {
      AtLeast s{.count = node.attribute("count").as_int(1), .signals = read_signals(node, item_id)};
      if (static_cast<std::size_t>(s.count) > s.signals.size()) {
        problem(node, "at-least " + std::to_string(s.count) + " of " + std::to_string(s.signals.size()) +
                          " signals can never hold", item_id);
      }
      return s;
    }
    problem(node, "unknown signal <" + std::string(name) + ">", item_id);
    return AllOf{};
  }

  Item read_item(const pugi::xml_node node) {
    Item item{.id = node.attribute("id").value(),
              .title = trimmed(node.child_value("title")),
              .question = trimmed(node.child_value("question")),
              .guidance = trimmed(node.child_value("guidance")),
              .weight = node.attribute("weight").as_double(1.0),
              .provenance = node.attribute("provenance").value(),
              .gap = trimmed(node.child_value("gap")),
              .external = std::string_view(node.attribute("evidence").as_string("document")) == "external",
              .from_year = node.attribute("from-year").as_int(0),
              .line = at(node).line};
    for (const std::string& kind : split_words(node.attribute("applies-to").value())) {
      if (auto parsed = parse_document_kind(kind)) item.applies_to.push_back(*parsed);
    }
    for (pugi::xml_node ref : node.child("references").children("ref")) {
      item.references.push_back({ref.attribute("type").value(), trimmed(ref.child_value())});
    }
    for (pugi::xml_node criterion : node.child("criteria").children("criterion")) {
      Criterion c{.id = criterion.attribute("id").value(), .text = trimmed(criterion.attribute("text").value())};
      if (find_criterion(item, c.id) != nullptr) {
        problem(criterion, "duplicate criterion id \"" + c.id + "\"", item.id);
      }
      const std::vector<Signal> signals = read_signals(criterion, item.id);
      if (!signals.empty()) c.signal = signals.front();
      else if (!item.external) problem(criterion, "criterion \"" + c.id + "\" has no signal; only items with evidence=\"external\" may leave it out", item.id);
      item.criteria.push_back(std::move(c));
    }
    const pugi::xml_node rating = node.child("rating");
    for (Level level : {Level::approaches, Level::meets, Level::exceeds}) {
      const pugi::xml_node rule = rating.child(std::string(code(level)).c_str());
      if (!rule) continue;
      LevelRule out{.level = level, .criteria = split_words(rule.attribute("criteria").value())};
      for (const std::string& id : out.criteria) {
        if (find_criterion(item, id) == nullptr) {
          problem(rule, "level " + std::string(code(level)) + " names unknown criterion \"" + id + "\"", item.id);
        }
      }
      item.levels.push_back(std::move(out));
    }
    if (!rating.child("meets")) problem(rating, "item has no rule for Meets", item.id);
    for (pugi::xml_node translation : node.children("translation")) {
      Translation t{.lang = translation.attribute("lang").value(),
                    .title = trimmed(translation.child_value("title")),
                    .question = trimmed(translation.child_value("question")),
                    .gap = trimmed(translation.child_value("gap"))};
      if (find_translation(item, t.lang) != nullptr) problem(translation, "second translation into \"" + t.lang + "\"", item.id);
      item.translations.push_back(std::move(t));
    }
    return item;
  }

  LineIndex m_lines;

  const std::filesystem::path& m_path;
  std::vector<Diagnostic>& m_out;
  std::map<std::string, pugi::xml_node> m_term_sets;
  std::set<std::string> m_part_ids;
};

// Schema first: the model reader may then rely on the grammar.
std::optional<Checklist> parse(std::string_view xml, const std::filesystem::path& path,
                               std::vector<Diagnostic>& diagnostics) {
  diagnostics = validate_against_schema(xml, path);
  if (!diagnostics.empty()) return std::nullopt;

  pugi::xml_document doc;
  const pugi::xml_parse_result parsed = doc.load_buffer(xml.data(), xml.size(), pugi::parse_default);
  if (!parsed) {
    const LineColumn lc = line_column_at(xml, static_cast<std::size_t>(parsed.offset));
    diagnostics.push_back({{.file = path, .line = lc.line, .column = lc.column}, parsed.description()});
    return std::nullopt;
  }
  Checklist checklist = Reader(xml, path, diagnostics).read(doc.document_element());
  if (!diagnostics.empty()) return std::nullopt;
  checklist.source = path;
  checklist.sha256 = sha256_hex(xml);
  return checklist;
}

}  // namespace

Checklist load_checklist_text(std::string_view xml, const std::filesystem::path& path) {
  std::vector<Diagnostic> diagnostics;
  std::optional<Checklist> checklist = parse(xml, path, diagnostics);
  if (!checklist) {
    const Diagnostic& first = diagnostics.front();
    std::string message = first.message;
    if (diagnostics.size() > 1) {
      message += " (and " + std::to_string(diagnostics.size() - 1) + " more; run 'unct-assess checklist validate')";
    }
    throw InputError(first.where, message);
  }
  return std::move(*checklist);
}

Checklist load_checklist(const std::filesystem::path& path) {
  return load_checklist_text(read_file(path, k_max_checklist_bytes), path);
}

std::vector<Diagnostic> check_checklist(const std::filesystem::path& path) {
  std::vector<Diagnostic> diagnostics;
  parse(read_file(path, k_max_checklist_bytes), path, diagnostics);
  return diagnostics;
}

}  // namespace unct::checklist
