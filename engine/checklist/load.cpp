#include "engine/checklist/load.hpp"

#include "engine/checklist/hash.hpp"
#include "engine/checklist/schema.hpp"
#include "engine/core/file.hpp"
#include "engine/signals/registry.hpp"

#include <pugixml.hpp>

#include <algorithm>
#include <functional>
#include <map>
#include <memory>
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

bool has_word_character(std::string_view term) {
  return std::any_of(term.begin(), term.end(), [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte >= 0x80 || std::isalnum(byte);
  });
}

// One file of the checklist: the checklist itself or an item file it includes. Its nodes point
// into `document` and its places are counted in `text`, so it stays where it was made.
struct SourceFile {
  SourceFile(std::filesystem::path path_, std::string text_)
      : path(std::move(path_)), text(std::move(text_)), lines(text) {}
  SourceFile(SourceFile&&) = delete;

  std::filesystem::path path;
  std::string text;
  LineIndex lines;
  pugi::xml_document document;
};

// Schema first: the model reader may then rely on the grammar. False, with the problems, when the
// file is not well-formed or not valid.
bool parse_valid(SourceFile& file, std::vector<Diagnostic>& diagnostics) {
  std::vector<Diagnostic> invalid = validate_against_schema(file.text, file.path);
  if (!invalid.empty()) {
    diagnostics.insert(diagnostics.end(), invalid.begin(), invalid.end());
    return false;
  }
  const pugi::xml_parse_result parsed =
      file.document.load_buffer(file.text.data(), file.text.size(), pugi::parse_default);
  if (!parsed) {
    const LineColumn lc = file.lines.at(static_cast<std::size_t>(parsed.offset));
    diagnostics.push_back({{.file = file.path, .line = lc.line, .column = lc.column}, parsed.description()});
    return false;
  }
  return true;
}

std::string place(const SourceLocation& where) { return where.file.string() + ":" + std::to_string(where.line); }

// How many single-character edits turn `a` into `b` (Levenshtein).
std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

// Builds the model from a schema-valid checklist and the item files it includes, and reports what
// the schema cannot see.
class Reader {
public:
  Reader(const SourceFile& checklist, std::vector<Diagnostic>& out) : m_main(checklist), m_out(out) {}

  Checklist read() {
    const pugi::xml_node root = m_main.document.document_element();
    Checklist checklist;
    checklist.meta = read_meta(root);
    checklist.scale = read_scale(root.child("scale"), checklist.not_applicable_label);
    std::vector<pugi::xml_node> term_sets{root.child("term-sets")};
    std::vector<pugi::xml_node> definitions{root.child("signals")};
    for (pugi::xml_node section : root.children("section")) {
      for (pugi::xml_node include : section.children("include")) {
        const SourceFile* file = read_include(include);
        m_included[include] = file;
        if (file == nullptr) continue;
        term_sets.push_back(file->document.document_element().child("term-sets"));
        definitions.push_back(file->document.document_element().child("signals"));
      }
    }
    checklist.term_sets = read_term_sets(term_sets);
    checklist.parts = read_parts(root.child("parts"));
    checklist.definitions = read_definitions(definitions);
    std::set<std::string> section_ids;
    std::map<std::string, SourceLocation> item_places;
    for (pugi::xml_node node : root.children("section")) {
      Section section{.id = node.attribute("id").value(), .title = trimmed(node.attribute("title").value())};
      if (!section_ids.insert(section.id).second) problem(node, "duplicate section id \"" + section.id + "\"");
      for (pugi::xml_node translation : node.children("translation")) {
        SectionTranslation t{.lang = translation.attribute("lang").value(),
                             .title = trimmed(translation.child_value("title"))};
        const bool again = std::any_of(section.translations.begin(), section.translations.end(),
                                       [&](const SectionTranslation& earlier) { return earlier.lang == t.lang; });
        if (again) problem(translation, "section \"" + section.id + "\": second translation into \"" + t.lang + "\"");
        section.translations.push_back(std::move(t));
      }
      for (pugi::xml_node item_node : items_of(node)) {
        Item item = read_item(item_node);
        const auto [first, inserted] = item_places.emplace(item.id, at(item_node));
        if (!inserted)
          problem(item_node, "duplicate item id \"" + item.id + "\" (first at " + place(first->second) + ")", item.id);
        section.items.push_back(std::move(item));
      }
      checklist.sections.push_back(std::move(section));
    }
    for (Definition& definition : checklist.definitions) definition = m_definitions.at(definition.id).model;
    for (const auto& file : m_files) checklist.includes.push_back(file->path);
    return checklist;
  }

  // The checklist is its file and the item files it includes (checklist/hash.hpp).
  std::string hash() const {
    ContentHash hash(m_main.path, m_main.text);
    for (const auto& file : m_files) hash.add_include(file->path, file->text);
    return hash.hex();
  }

private:
  // The item file an <include> names, parsed and valid against the schema; nullptr, with the
  // problem reported, when it cannot be used. Only a checklist includes (an item file's grammar
  // has no <include>), so there are no cycles and no depth to bound.
  const SourceFile* read_include(const pugi::xml_node include) {
    const std::string href = include.attribute("href").value();
    const std::filesystem::path relative = std::filesystem::path(href).lexically_normal();
    if (relative.has_root_path() || relative.empty() || *relative.begin() == "..") {
      problem(include, "include \"" + href + "\" must be a path relative to the folder of " +
                           m_main.path.filename().string() + " that stays inside it");
      return nullptr;
    }
    const std::filesystem::path path = m_main.path.parent_path() / relative;
    for (const auto& [node, file] : m_included) {
      if (file != nullptr && file->path == path) {
        problem(include, "\"" + href + "\" is included twice (first on line " + std::to_string(at(node).line) + ")");
        return nullptr;
      }
    }
    std::string text;
    try {
      text = read_file(path, k_max_checklist_bytes);
    } catch (const InputError& e) {
      problem(include, "cannot read the included file " + path.string() + ": " + e.message());
      return nullptr;
    }
    auto file = std::make_unique<SourceFile>(path, std::move(text));
    if (!parse_valid(*file, m_out)) return nullptr;
    if (std::string_view(file->document.document_element().name()) != "item-file") {
      problem(include, path.string() + " is a checklist, not an item file: an included file holds one <item-file>");
      return nullptr;
    }
    m_files.push_back(std::move(file));
    return m_files.back().get();
  }

  // A section's items in file order, each written in place or the one of an item file it includes
  // (none for an item file that could not be read).
  std::vector<pugi::xml_node> items_of(const pugi::xml_node section) const {
    std::vector<pugi::xml_node> out;
    for (pugi::xml_node child : section.children()) {
      const std::string_view name = child.name();
      if (name == "item") out.push_back(child);
      if (name == "include" && m_included.at(child) != nullptr) {
        out.push_back(m_included.at(child)->document.document_element().child("item"));
      }
    }
    return out;
  }

  const SourceFile& file_of(const pugi::xml_node node) const {
    for (const auto& file : m_files) {
      if (node.root() == file->document) return *file;
    }
    return m_main;
  }

  // What an item file holds (term sets, definitions) belongs to that file's item: the file that
  // holds `owned` when `reader` (a node of any file) may not read it, else nullptr.
  const SourceFile* held_for_another_item(const pugi::xml_node reader, const pugi::xml_node owned) const {
    const SourceFile& owner = file_of(owned);
    return &owner == &m_main || &owner == &file_of(reader) ? nullptr : &owner;
  }

  // Empty when `reader` may read term set `id` (or there is no such set), else why not.
  std::string not_readable(const pugi::xml_node reader, const std::string& id) const {
    const auto set = m_term_sets.find(id);
    if (set == m_term_sets.end()) return {};
    const SourceFile* owner = held_for_another_item(reader, set->second);
    if (owner == nullptr) return {};
    return "term set \"" + id + "\" belongs to the item of " + owner->path.string() +
           "; a set more than one item reads goes in " + m_main.path.filename().string();
  }

  SourceLocation at(const pugi::xml_node node, const std::string& item_id = {}) const {
    // pugixml points at an element's name; editors and libxml2 point at its '<'.
    // Every term carries its line, so each place comes from the index: counting from the start of
    // the line instead made a checklist written on one line quadratic to load (issue 18).
    const SourceFile& file = file_of(node);
    const auto offset = static_cast<std::size_t>(std::max<std::ptrdiff_t>(node.offset_debug() - 1, 0));
    const LineColumn lc = file.lines.at(offset);
    return {.file = file.path, .line = lc.line, .column = lc.column, .item_id = item_id};
  }

  void problem(const pugi::xml_node node, std::string message, const std::string& item_id = {}) {
    m_out.push_back({at(node, item_id), std::move(message)});
  }

  Meta read_meta(const pugi::xml_node root) {
    const pugi::xml_node meta = root.child("meta");
    Meta out{.id = root.attribute("id").value(),
             .version = root.attribute("version").value(),
             .title = trimmed(meta.child_value("title")),
             .publisher = trimmed(meta.child_value("publisher")),
             .issued = trimmed(meta.child_value("issued")),
             .provenance = trimmed(meta.child_value("provenance")),
             .languages = split_words(meta.child_value("languages"))};
    for (pugi::xml_node translation : meta.children("translation")) {
      MetaTranslation t{.lang = translation.attribute("lang").value(),
                        .title = trimmed(translation.child_value("title")),
                        .provenance = trimmed(translation.child_value("provenance"))};
      const bool again = std::any_of(out.translations.begin(), out.translations.end(),
                                     [&](const MetaTranslation& earlier) { return earlier.lang == t.lang; });
      if (again) problem(translation, "meta: second translation into \"" + t.lang + "\"");
      out.translations.push_back(std::move(t));
    }
    return out;
  }

  std::vector<ScaleLevel> read_scale(const pugi::xml_node scale, std::string& not_applicable_label) {
    std::vector<ScaleLevel> levels;
    for (pugi::xml_node node : scale.children("level")) {
      const Level level = parse_level(node.attribute("code").value()).value_or(Level::missing);
      if (static_cast<std::size_t>(points(level)) != levels.size()) {
        problem(node, "scale levels must run missing, approaches, meets, exceeds; found \"" + std::string(code(level)) +
                          "\" in position " + std::to_string(levels.size() + 1));
      }
      levels.push_back({level, trimmed(node.attribute("label").value())});
    }
    not_applicable_label = trimmed(scale.child("not-applicable").attribute("label").value());
    return levels;
  }

  // The sets of every <term-sets> of the checklist and its item files, in that order: one set of ids.
  std::vector<TermSet> read_term_sets(const std::vector<pugi::xml_node>& lists) {
    std::vector<TermSet> out;
    std::map<std::string, pugi::xml_node> nodes;
    for (pugi::xml_node sets : lists) {
      for (pugi::xml_node node : sets.children("term-set")) {
        const SourceLocation where = at(node);
        TermSet set{.id = node.attribute("id").value(),
                    .title = trimmed(node.attribute("title").value()),
                    .file = where.file,
                    .line = where.line};
        if (const auto [first, inserted] = nodes.emplace(set.id, node); !inserted) {
          problem(node, "duplicate term set id \"" + set.id + "\" (first at " + place(at(first->second)) + ")");
          continue;
        }
        for (pugi::xml_node include : node.children("include"))
          set.includes.push_back(include.attribute("set").value());
        read_terms(node, "term", set.terms);
        read_terms(node, "except", set.exceptions);
        set.context = node.child("context").attribute("set").value();
        if (set.terms.empty() && set.includes.empty()) {
          problem(node, "term set \"" + set.id + "\" is empty: give it terms or include other sets");
        }
        out.push_back(std::move(set));
      }
    }
    m_term_sets = nodes;
    for (const TermSet& set : out) {
      const pugi::xml_node node = nodes.at(set.id);
      for (pugi::xml_node include : node.children("include")) {
        const std::string target = include.attribute("set").value();
        if (nodes.count(target) == 0)
          problem(include, "unknown term set \"" + target + "\" in include");
        else if (target == set.id)
          problem(include, "term set \"" + set.id + "\" includes itself");
        else if (const std::string why = not_readable(include, target); !why.empty())
          problem(include, why);
      }
      const pugi::xml_node context = node.child("context");
      if (const std::string why = not_readable(context, set.context); !why.empty()) problem(context, why);
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
    std::function<void(const TermSet&, std::set<std::string>&)> members = [&](const TermSet& set,
                                                                              std::set<std::string>& seen) {
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
    std::function<void(const TermSet&, std::vector<std::string>&)> visit = [&](const TermSet& set,
                                                                               std::vector<std::string>& path) {
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

  // Reports a set that does not exist or that `node` may not read.
  void require_term_set(const pugi::xml_node node, const std::string& id, const std::string& item_id) {
    if (m_term_sets.count(id) == 0)
      problem(node, "unknown term set \"" + id + "\"", item_id);
    else if (const std::string why = not_readable(node, id); !why.empty())
      problem(node, why, item_id);
  }

  // The <define>s of the checklist file and then of its item files: one set of ids. Each is read
  // once, in file order or earlier when another definition uses it, so its problems are reported
  // at the definition and never where it is used.
  std::vector<Definition> read_definitions(const std::vector<pugi::xml_node>& lists) {
    std::vector<Definition> out;
    for (pugi::xml_node list : lists) {
      for (pugi::xml_node node : list.children("define")) {
        const std::string id = node.attribute("id").value();
        const SourceLocation where = at(node);
        const Definition definition{.id = id, .file = where.file, .line = where.line};
        if (const auto [first, inserted] = m_definitions.try_emplace(id, Defined{.node = node, .model = definition});
            !inserted) {
          problem(node,
                  "duplicate signal definition id \"" + id + "\" (first at " + place(at(first->second.node)) + ")");
          continue;
        }
        out.push_back(definition);
      }
    }
    for (const Definition& definition : out) define(definition.id);
    return out;
  }

  void define(const std::string& id) {
    Defined& defined = m_definitions.at(id);
    if (defined.state != Defined::State::unread) return;
    defined.state = Defined::State::reading;
    m_defining.push_back(id);
    defined.signal = read_signals(defined.node, {}).front();  // the schema asks for exactly one
    m_defining.pop_back();
    defined.state = Defined::State::read;
  }

  // The signal a <use> names, read where it is defined. A ref that cannot be used is reported and
  // stands as an empty `all`, as an unknown element does.
  Signal use(const pugi::xml_node node, const std::string& item_id) {
    const std::string ref = node.attribute("ref").value();
    const auto found = m_definitions.find(ref);
    if (found == m_definitions.end()) {
      problem(node, "unknown signal definition \"" + ref + "\"" + closest_definition(ref), item_id);
      return signals::AllOf{};
    }
    Defined& defined = found->second;
    if (const SourceFile* owner = held_for_another_item(node, defined.node)) {
      problem(node,
              "signal definition \"" + ref + "\" belongs to the item of " + owner->path.string() +
                  "; a definition more than one item uses goes in " + m_main.path.filename().string(),
              item_id);
      return signals::AllOf{};
    }
    if (defined.state == Defined::State::reading) {
      std::string cycle;
      for (auto it = std::find(m_defining.begin(), m_defining.end(), ref); it != m_defining.end(); ++it)
        cycle += *it + " -> ";
      problem(node, "signal definitions use each other in a cycle: " + cycle + ref, item_id);
      return signals::AllOf{};
    }
    if (m_defining.empty()) {
      defined.model.used_by_criteria = true;
    } else {
      std::vector<std::string>& uses = m_definitions.at(m_defining.back()).model.uses;
      if (std::find(uses.begin(), uses.end(), ref) == uses.end()) uses.push_back(ref);
    }
    define(ref);
    return defined.signal;
  }

  // " (did you mean \"x\"?)" for the defined id nearest a mistyped `ref`, when one is near enough.
  std::string closest_definition(const std::string& ref) const {
    std::string best;
    std::size_t best_distance = std::max<std::size_t>(2, ref.size() / 3) + 1;
    for (const auto& [id, defined] : m_definitions) {
      if (const std::size_t distance = edit_distance(ref, id); distance < best_distance) {
        best = id;
        best_distance = distance;
      }
    }
    return best.empty() ? "" : " (did you mean \"" + best + "\"?)";
  }

  // " (did you mean \"x\"?)" for the criterion of `item` nearest a mistyped `ref`, as for definitions:
  // a translation is written by copying ids, so a typo is the likely mistake.
  static std::string closest_criterion(const Item& item, const std::string& ref) {
    std::string best;
    std::size_t best_distance = std::max<std::size_t>(2, ref.size() / 3) + 1;
    for (const Criterion& criterion : item.criteria) {
      if (const std::size_t distance = edit_distance(ref, criterion.id); distance < best_distance) {
        best = criterion.id;
        best_distance = distance;
      }
    }
    return best.empty() ? "" : " (did you mean \"" + best + "\"?)";
  }

  std::optional<std::string> read_part(const pugi::xml_node node, const std::string& item_id) {
    const pugi::xml_attribute attribute = node.attribute("part");
    if (!attribute) return std::nullopt;
    const std::string part = attribute.value();
    if (m_part_ids.count(part) == 0) problem(node, "unknown document part \"" + part + "\"", item_id);
    return part;
  }

  // What a signal kind reads of the checklist, for the item being read.
  class SignalContext final : public signals::ReadContext {
  public:
    SignalContext(Reader& reader, const std::string& item_id) : m_reader(reader), m_item_id(item_id) {}

    void problem(const pugi::xml_node& node, std::string message) override {
      m_reader.problem(node, std::move(message), m_item_id);
    }
    void require_term_set(const pugi::xml_node& node, const std::string& id) override {
      m_reader.require_term_set(node, id, m_item_id);
    }
    std::optional<std::string> read_part(const pugi::xml_node& node) override {
      return m_reader.read_part(node, m_item_id);
    }
    Signal use(const pugi::xml_node& node) override { return m_reader.use(node, m_item_id); }
    std::optional<std::size_t> included_sets(const std::string& id) const override {
      const auto set = m_reader.m_term_sets.find(id);
      if (set == m_reader.m_term_sets.end()) return std::nullopt;
      const auto includes = set->second.children("include");
      return static_cast<std::size_t>(std::distance(includes.begin(), includes.end()));
    }

  private:
    Reader& m_reader;
    const std::string& m_item_id;
  };

  // Each kind reads its own element (engine/signals/registry.hpp).
  std::vector<signals::Signal> read_signals(const pugi::xml_node parent, const std::string& item_id) {
    SignalContext context(*this, item_id);
    return signals::read_signals(parent, context);
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
              .file = file_of(node).path,
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
      if (!signals.empty())
        c.signal = signals.front();
      else if (!item.external)
        problem(criterion,
                "criterion \"" + c.id + "\" has no signal; only items with evidence=\"external\" may leave it out",
                item.id);
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
      if (find_translation(item, t.lang) != nullptr)
        problem(translation, "second translation into \"" + t.lang + "\"", item.id);
      for (pugi::xml_node wording : translation.children("criterion")) {
        CriterionText c{.id = wording.attribute("ref").value(), .text = trimmed(wording.attribute("text").value())};
        const bool again = std::any_of(t.criteria.begin(), t.criteria.end(),
                                       [&](const CriterionText& earlier) { return earlier.id == c.id; });
        if (find_criterion(item, c.id) == nullptr) {
          problem(wording,
                  "translation into \"" + t.lang + "\" words unknown criterion \"" + c.id + "\"" +
                      closest_criterion(item, c.id),
                  item.id);
        } else if (again) {
          problem(wording, "translation into \"" + t.lang + "\" words criterion \"" + c.id + "\" twice", item.id);
        }
        t.criteria.push_back(std::move(c));
      }
      item.translations.push_back(std::move(t));
    }
    return item;
  }

  const SourceFile& m_main;
  std::vector<std::unique_ptr<SourceFile>> m_files;        // the item files it includes, in order
  std::map<pugi::xml_node, const SourceFile*> m_included;  // each <include>'s file; nullptr if unusable
  std::vector<Diagnostic>& m_out;
  std::map<std::string, pugi::xml_node> m_term_sets;
  std::set<std::string> m_part_ids;

  // A <define>, its signal once read, and what the model says of it.
  struct Defined {
    enum class State { unread, reading, read };
    pugi::xml_node node;
    Definition model;
    State state = State::unread;
    Signal signal;
  };
  std::map<std::string, Defined> m_definitions;
  std::vector<std::string> m_defining;  // the definitions being read, each using the next
};

std::optional<Checklist> parse(std::string_view xml, const std::filesystem::path& path,
                               std::vector<Diagnostic>& diagnostics) {
  diagnostics.clear();
  SourceFile file(path, std::string(xml));
  if (!parse_valid(file, diagnostics)) return std::nullopt;
  const pugi::xml_node root = file.document.document_element();
  if (std::string_view(root.name()) != "checklist") {
    const LineColumn lc = file.lines.at(static_cast<std::size_t>(std::max<std::ptrdiff_t>(root.offset_debug() - 1, 0)));
    diagnostics.push_back(
        {{.file = path, .line = lc.line, .column = lc.column},
         "an item file holds one item of a checklist: load or validate the checklist that includes it"});
    return std::nullopt;
  }
  Reader reader(file, diagnostics);
  Checklist checklist = reader.read();
  if (!diagnostics.empty()) return std::nullopt;
  checklist.source = path;
  checklist.sha256 = reader.hash();
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
