#include "engine/report/annotate.hpp"

#include "engine/core/error.hpp"
#include "engine/core/zip.hpp"
#include "engine/report/localise.hpp"
#include "engine/report/summary.hpp"
#include "engine/rules/document_index.hpp"

#include <pugixml.hpp>

#include <algorithm>
#include <map>
#include <optional>
#include <sstream>

namespace unct::report {
namespace {

constexpr const char* k_document = "word/document.xml";
constexpr std::size_t k_not_placed = static_cast<std::size_t>(-1);
// As deep as the DOCX reader reads: what is nested deeper is not text the engine quoted.
constexpr int k_max_depth = 64;
constexpr const char* k_wordml = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr const char* k_comments = "word/comments.xml";
constexpr const char* k_types = "[Content_Types].xml";
constexpr const char* k_rels = "word/_rels/document.xml.rels";
constexpr const char* k_comments_type = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments";
constexpr const char* k_comments_content =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml";

// Parsing keeps what saving must give back: space-only text runs and the declaration.
constexpr unsigned k_parse = pugi::parse_default | pugi::parse_ws_pcdata | pugi::parse_declaration;

std::string_view local(std::string_view name) {
  const auto colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

pugi::xml_document parse(const std::string& bytes, const char* part, const std::filesystem::path& path) {
  pugi::xml_document doc;
  const pugi::xml_parse_result parsed = doc.load_buffer(bytes.data(), bytes.size(), k_parse);
  if (!parsed) {
    throw InputError({.file = path}, std::string(part) + ": malformed XML (" + parsed.description() + ")");
  }
  return doc;
}

// The XML as parsed (its own declaration included, when it had one).
std::string serialise(const pugi::xml_document& doc) {
  std::ostringstream out;
  doc.save(out, "", pugi::format_raw | pugi::format_no_declaration, pugi::encoding_utf8);
  return out.str();
}

// The XML with a declaration, whether or not it was parsed with one.
std::string save_with_declaration(const pugi::xml_document& doc) {
  if (doc.first_child().type() == pugi::node_declaration) return serialise(doc);
  return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n" + serialise(doc);
}

// A paragraph's text as the DOCX reader reads it, each piece tied to where it is written: a w:t
// element (which can be split) or a run's tab, break or hyphen (which cannot).
struct Piece {
  pugi::xml_node node;  // the w:t, w:tab, w:br, w:cr or w:noBreakHyphen element, in its run
  std::size_t begin = 0;
  std::size_t size = 0;
  bool text = false;  // a w:t, whose text can be split; the others are one character each
};

struct ParagraphText {
  std::string text;
  std::vector<Piece> pieces;
};

void collect(pugi::xml_node parent, ParagraphText& out, int depth = 0) {
  if (depth > k_max_depth) return;
  for (pugi::xml_node c = parent.first_child(); c; c = c.next_sibling()) {
    const std::string_view name = local(c.name());
    const auto atomic = [&](std::string_view s) {
      out.pieces.push_back({.node = c, .begin = out.text.size(), .size = s.size(), .text = false});
      out.text += s;
    };
    if (name == "t") {
      const std::string_view t = c.text().get();
      out.pieces.push_back({.node = c, .begin = out.text.size(), .size = t.size(), .text = true});
      out.text += t;
    } else if (name == "tab") {
      atomic(" ");
    } else if (name == "br" || name == "cr") {
      atomic("\n");
    } else if (name == "noBreakHyphen") {
      atomic("-");
    } else if (name == "r" || name == "ins" || name == "moveTo" || name == "hyperlink" || name == "smartTag" ||
               name == "sdt" || name == "sdtContent" || name == "fldSimple" || name == "customXml" ||
               name == "AlternateContent" || name == "Choice") {
      collect(c, out, depth + 1);  // deleted text, field codes, properties and nested paragraphs are left out
    }
  }
}

ParagraphText text_of(pugi::xml_node paragraph) {
  ParagraphText out;
  collect(paragraph, out);
  return out;
}

// Text with each run of white space made one space, and where each of its bytes came from.
struct Collapsed {
  std::string text;
  std::vector<std::size_t> from;
};

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

Collapsed collapse(std::string_view text) {
  Collapsed out;
  bool space = true;  // leading space dropped
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (is_space(text[i])) {
      if (!space) {
        out.text += ' ';
        out.from.push_back(i);
      }
      space = true;
    } else {
      out.text += text[i];
      out.from.push_back(i);
      space = false;
    }
  }
  if (!out.text.empty() && out.text.back() == ' ') {
    out.text.pop_back();
    out.from.pop_back();
  }
  return out;
}

// The words of a quote a paragraph must hold: the engine marks a cut quote with "..." at either end.
std::string quote_words(std::string_view quote) {
  std::string q = collapse(quote).text;
  for (std::string_view dots : {"...", "\u2026"}) {
    while (q.starts_with(dots)) q.erase(0, dots.size());
    while (q.ends_with(dots)) q.erase(q.size() - dots.size());
  }
  return collapse(q).text;
}

// Splits the run holding `piece` so that a run starts at `offset` in it (0 for a piece that is not
// text); returns that run.
pugi::xml_node run_starting_at(const Piece& piece, std::size_t offset) {
  pugi::xml_node t = piece.node;
  pugi::xml_node run = t.parent();
  const std::string whole = piece.text ? t.text().get() : "";
  bool content_before = false;
  for (pugi::xml_node c = run.first_child(); c != t; c = c.next_sibling()) {
    if (local(c.name()) != "rPr") content_before = true;
  }
  if (offset == 0 && !content_before) return run;
  // A run before it with the same properties and what comes before the split.
  pugi::xml_node before = run.parent().insert_child_before(run.name(), run);
  for (pugi::xml_attribute a = run.first_attribute(); a; a = a.next_attribute()) {
    before.append_attribute(a.name()).set_value(a.value());
  }
  for (pugi::xml_node c = run.first_child(); c != t;) {
    pugi::xml_node next = c.next_sibling();
    if (local(c.name()) == "rPr") {
      before.append_copy(c);
    } else {
      before.append_move(c);
    }
    c = next;
  }
  if (offset > 0) {
    pugi::xml_node head = before.append_child(t.name());
    head.append_attribute("xml:space").set_value("preserve");
    head.text().set(whole.substr(0, offset).c_str());
    t.text().set(whole.substr(offset).c_str());
    if (!t.attribute("xml:space")) t.append_attribute("xml:space").set_value("preserve");
  }
  return run;
}

struct Anchor {
  pugi::xml_node paragraph;
  std::size_t begin = 0;  // in the paragraph's text (text_of)
  std::size_t end = 0;
};

// Marks [begin, end) of the paragraph as the range of comment `id`, with its reference after it.
void anchor_comment(const Anchor& anchor, int id, const std::string& w) {
  const std::string id_text = std::to_string(id);
  // The end first: splitting there leaves the offsets before it as they are.
  {
    const ParagraphText p = text_of(anchor.paragraph);
    pugi::xml_node after;  // the run the range ends before; none at the paragraph's end
    for (const Piece& piece : p.pieces) {
      if (anchor.end >= piece.begin && anchor.end < piece.begin + piece.size) {
        after = run_starting_at(piece, anchor.end - piece.begin);
        break;
      }
    }
    pugi::xml_node end;
    if (after) {
      end = after.parent().insert_child_before((w + "commentRangeEnd").c_str(), after);
    } else {
      const pugi::xml_node last_run = p.pieces.back().node.parent();
      end = last_run.parent().insert_child_after((w + "commentRangeEnd").c_str(), last_run);
    }
    end.append_attribute((w + "id").c_str()).set_value(id_text.c_str());
    // The reference run stands in the paragraph itself, not in a tracked insertion, a hyperlink or
    // a field whose end it follows: rejecting the insertion or updating the field keeps it.
    pugi::xml_node top = end;
    while (top.parent() != anchor.paragraph) top = top.parent();
    pugi::xml_node reference = top.parent().insert_child_after((w + "r").c_str(), top);
    reference.append_child((w + "commentReference").c_str())
        .append_attribute((w + "id").c_str())
        .set_value(id_text.c_str());
  }
  const ParagraphText p = text_of(anchor.paragraph);
  for (const Piece& piece : p.pieces) {
    if (anchor.begin >= piece.begin && anchor.begin < piece.begin + piece.size) {
      const pugi::xml_node first = run_starting_at(piece, anchor.begin - piece.begin);
      first.parent()
          .insert_child_before((w + "commentRangeStart").c_str(), first)
          .append_attribute((w + "id").c_str())
          .set_value(id_text.c_str());
      return;
    }
  }
}

// A paragraph of the body and its text, collapsed. Anchoring comments splits runs but leaves the
// text as it is, so the text is worked out once.
struct Paragraph {
  pugi::xml_node node;
  Collapsed text;
};

// Every paragraph of the body, tables' included, in document order (not those of text boxes,
// which the reader leaves out too).
std::vector<Paragraph> paragraphs(pugi::xml_node body) {
  std::vector<Paragraph> out;
  const auto walk = [&](auto&& self, pugi::xml_node parent, int depth) -> void {
    if (depth > k_max_depth) return;
    for (pugi::xml_node c = parent.first_child(); c; c = c.next_sibling()) {
      const std::string_view name = local(c.name());
      if (name == "p") {
        out.push_back({c, collapse(text_of(c).text)});
      } else if (name == "tbl" || name == "tr" || name == "tc" || name == "sdt" || name == "sdtContent" ||
                 name == "customXml") {
        self(self, c, depth + 1);
      }
    }
  };
  walk(walk, body, 0);
  return out;
}

// Where `words` (collapsed) are in the paragraphs: in the one whose text is `block` (the block the
// engine quoted, collapsed) when there is one, else in the first that holds them; nullopt when no
// paragraph holds them word for word.
std::optional<Anchor> find(const std::vector<Paragraph>& all, std::string_view words, std::string_view block) {
  if (words.empty()) return std::nullopt;
  std::optional<Anchor> first;
  for (const Paragraph& p : all) {
    const std::size_t at = p.text.text.find(words);
    if (at == std::string::npos) continue;
    const Anchor here{p.node, p.text.from[at], p.text.from[at + words.size() - 1] + 1};
    if (p.text.text == block) return here;
    if (!first) first = here;
  }
  return first;
}

// The whole text of the paragraph, as an anchor; nullopt for an empty one.
std::optional<Anchor> whole(const Paragraph& p) {
  if (p.text.text.empty()) return std::nullopt;
  return Anchor{p.node, p.text.from.front(), p.text.from.back() + 1};
}

// The first paragraph whose whole text is `words` (collapsed), as an anchor.
std::optional<Anchor> paragraph_of(const std::vector<Paragraph>& all, std::string_view words) {
  for (const Paragraph& p : all) {
    if (p.text.text == words) return whole(p);
  }
  return std::nullopt;
}

struct Comment {
  Anchor anchor;
  std::vector<std::string> lines;
};

std::string writing_prefix(pugi::xml_node root);

// Our comments appended to the comments part: the draft's own (parsed), or a new one.
std::string comments_xml(pugi::xml_document& doc, const std::vector<std::pair<int, Comment>>& ours,
                         const std::string& date) {
  if (!doc.document_element()) {
    pugi::xml_node declaration = doc.append_child(pugi::node_declaration);
    declaration.append_attribute("version").set_value("1.0");
    declaration.append_attribute("encoding").set_value("UTF-8");
    declaration.append_attribute("standalone").set_value("yes");
    doc.append_child("w:comments");
  }
  pugi::xml_node root = doc.document_element();
  const std::string w = writing_prefix(root);
  for (const auto& [id, comment] : ours) {
    pugi::xml_node c = root.append_child((w + "comment").c_str());
    c.append_attribute((w + "id").c_str()).set_value(id);
    c.append_attribute((w + "author").c_str()).set_value("unct-assess");
    c.append_attribute((w + "date").c_str()).set_value(date.c_str());
    c.append_attribute((w + "initials").c_str()).set_value("UA");
    for (const std::string& line : comment.lines) {
      pugi::xml_node t =
          c.append_child((w + "p").c_str()).append_child((w + "r").c_str()).append_child((w + "t").c_str());
      t.append_attribute("xml:space").set_value("preserve");
      t.text().set(line.c_str());
    }
  }
  return serialise(doc);
}

// The largest comment id a part already uses (its comments, or their anchors), so that ours do
// not collide with the draft's own. Every comment anchored anywhere is defined in the comments
// part, so that part and the document's text are enough.
int largest_id(const pugi::xml_document& doc) {
  struct Walker : pugi::xml_tree_walker {
    int largest = -1;
    bool for_each(pugi::xml_node& n) override {
      const std::string_view name = local(n.name());
      if (name == "comment" || name == "commentRangeStart" || name == "commentRangeEnd" || name == "commentReference") {
        for (pugi::xml_attribute a = n.first_attribute(); a; a = a.next_attribute()) {
          if (local(a.name()) == "id") largest = std::max(largest, a.as_int(-1));
        }
      }
      return true;
    }
  } walker;
  const_cast<pugi::xml_document&>(doc).traverse(walker);
  return walker.largest;
}

// The prefix (with its colon) an element binds WordprocessingML to, looking up its ancestors'
// declarations; nullopt when it is the default namespace or not bound at all.
std::optional<std::string> wordml_prefix(pugi::xml_node element) {
  for (pugi::xml_node n = element; n; n = n.parent()) {
    for (pugi::xml_attribute a = n.first_attribute(); a; a = a.next_attribute()) {
      const std::string_view name = a.name();
      if (name.starts_with("xmlns:") && std::string_view(a.value()) == k_wordml) {
        return std::string(name.substr(6)) + ":";
      }
    }
  }
  return std::nullopt;
}

// The prefix to write our elements and attributes with in a part rooted at `root`: the one the
// part binds WordprocessingML to, else "w:", declared on the root (attributes must be prefixed to
// be in the namespace, even where it is the default one).
std::string writing_prefix(pugi::xml_node root) {
  if (std::optional<std::string> bound = wordml_prefix(root)) return *bound;
  if (!root.attribute("xmlns:w")) root.append_attribute("xmlns:w").set_value(k_wordml);
  return "w:";
}

}  // namespace

Annotated annotate_docx(const AnnotateInput& input) {
  const ZipPackage package(input.draft, input.path, input.limits, "a DOCX file");
  const std::optional<std::string> document_xml = package.part(k_document);
  if (!document_xml) throw InputError({.file = input.path}, "not a Word document: it has no word/document.xml");
  pugi::xml_document doc = parse(*document_xml, k_document, input.path);
  const pugi::xml_node root = doc.document_element();
  const std::string w = writing_prefix(root);
  pugi::xml_node body;
  for (pugi::xml_node c = root.first_child(); c; c = c.next_sibling()) {
    if (local(c.name()) == "body") body = c;
  }
  if (!body) throw InputError({.file = input.path}, "word/document.xml has no body");
  const std::vector<Paragraph> all = paragraphs(body);
  // The comments part is the one the document's relationships name, else word/comments.xml.
  pugi::xml_document rels;
  if (const std::optional<std::string> rels_xml = package.part(k_rels)) rels = parse(*rels_xml, k_rels, input.path);
  std::string comments_name = k_comments;
  for (pugi::xml_node r = rels.document_element().first_child(); r; r = r.next_sibling()) {
    if (std::string_view(r.attribute("Type").value()) != k_comments_type) continue;
    const std::string target = r.attribute("Target").value();
    comments_name = target.starts_with('/') ? target.substr(1) : "word/" + target;
  }
  std::optional<std::string> existing_comments;
  if (rels.document_element().find_child_by_attribute("Relationship", "Type", k_comments_type)) {
    existing_comments = package.part(comments_name.c_str());
  }
  pugi::xml_document comments_doc;
  if (existing_comments) comments_doc = parse(*existing_comments, comments_name.c_str(), input.path);

  const Localised l = localise(input.assessment, &input.checklist, input.lang);
  const Messages& m = *l.m;
  const Assessment& a = l.assessment;
  Annotated out;

  // One comment per quoted passage, listing every item and criterion it supports.
  std::vector<Comment> comments;
  std::map<std::string, std::size_t> by_quote;  // collapsed quote words -> comment
  for (const rules::ItemResult& item : a.items) {
    if (!item.applicable) continue;
    for (const rules::CriterionResult& c : item.criteria) {
      if (!c.met) continue;
      for (const rules::Evidence& e : c.evidence) {
        const std::string words = quote_words(e.quote);
        const std::string line =
            m(Msg::item_level, {item.item_id + " " + item.title, c.text}) + " (" + std::string(m.level(c.level)) + ")";
        if (const auto seen = by_quote.find(words); seen != by_quote.end()) {
          if (seen->second == k_not_placed) continue;  // counted once, when first met
          std::vector<std::string>& lines = comments[seen->second].lines;
          if (std::find(lines.begin(), lines.end(), line) == lines.end()) lines.push_back(line);
          continue;
        }
        const std::string block =
            e.block < input.document.blocks.size() ? collapse(input.document.blocks[e.block].text).text : "";
        const std::optional<Anchor> anchor = find(all, words, block);
        if (!anchor) {
          ++out.quotes_not_placed;
          by_quote.emplace(words, k_not_placed);
          continue;
        }
        by_quote.emplace(words, comments.size());
        comments.push_back({*anchor, {std::string(m[Msg::evidence_for]), line}});
      }
    }
  }
  out.evidence_comments = comments.size();

  // One comment per gap, where the checklist expects the content: the heading of the first part
  // the item's signals look in, when the draft has that part; else the heading of the section
  // holding what the engine found so far; else the draft's first paragraph.
  const std::vector<const rules::ItemResult*> gaps = summarise(a).priorities;
  // Where each part of the checklist starts in the draft (the first block the index puts in it),
  // worked out once, and only when there are gaps to place.
  std::map<std::string, std::optional<Anchor>> part_starts;
  if (!gaps.empty()) {
    const rules::DocumentIndex index =
        rules::index_document(input.compiled, input.document, {.language = a.document.language, .timings = nullptr});
    const std::vector<std::string> parts = rules::part_ids(input.compiled, index);
    for (std::size_t b = 0; b < parts.size(); ++b) {
      const std::string& part = parts[b];
      if (!part.empty() && !part_starts.contains(part)) {
        part_starts[part] = paragraph_of(all, collapse(input.document.blocks[b].text).text);
      }
    }
  }
  std::optional<Anchor> start;
  for (const Paragraph& p : all) {
    if ((start = whole(p))) break;
  }
  for (const rules::ItemResult* item : gaps) {
    std::optional<Anchor> anchor;
    if (const checklist::Item* source = checklist::find_item(input.checklist, item->item_id)) {
      for (const std::string& part : checklist::parts_read(*source)) {
        if (const auto found = part_starts.find(part); found != part_starts.end() && found->second) {
          anchor = found->second;
          break;
        }
      }
    }
    // Else the heading of the section where the draft already touches the item's subject.
    if (const rules::Evidence* e = rules::best_evidence(*item); !anchor && e != nullptr && !e->section.empty()) {
      const std::size_t cut = e->section.rfind(" > ");
      anchor = paragraph_of(all, collapse(cut == std::string::npos ? e->section : e->section.substr(cut + 3)).text);
    }
    if (!anchor) anchor = start;
    if (!anchor) continue;  // an empty draft: nowhere to anchor
    comments.push_back({*anchor,
                        {m(Msg::item_level, {item->item_id + " " + item->title, m.level(item->level)}),
                         std::string(m[Msg::to_reach_meets]) + " " + item->gap}});
    ++out.gap_comments;
  }

  // Offsets stay good whatever the order: splitting runs and adding markers leave the text as it is.
  const int first_id = std::max(largest_id(doc), largest_id(comments_doc)) + 1;
  std::vector<std::pair<int, Comment>> numbered;
  for (std::size_t i = 0; i < comments.size(); ++i) {
    numbered.emplace_back(first_id + static_cast<int>(i), comments[i]);
    anchor_comment(comments[i].anchor, first_id + static_cast<int>(i), w);
  }

  ZipWriter zip(std::string(input.draft), input.path);
  zip.put(k_document, serialise(doc));
  zip.put(comments_name, comments_xml(comments_doc, numbered, input.date));
  if (!existing_comments) {
    // The new part is declared in the content types (unless it already is) and tied to the document.
    if (const std::optional<std::string> types_xml = package.part(k_types)) {
      pugi::xml_document types = parse(*types_xml, k_types, input.path);
      const std::string part_name = "/" + comments_name;
      if (!types.document_element().find_child_by_attribute("Override", "PartName", part_name.c_str())) {
        pugi::xml_node o = types.document_element().append_child("Override");
        o.append_attribute("PartName").set_value(part_name.c_str());
        o.append_attribute("ContentType").set_value(k_comments_content);
        zip.put(k_types, save_with_declaration(types));
      }
    }
    if (!rels.document_element()) {
      rels.append_child("Relationships")
          .append_attribute("xmlns")
          .set_value("http://schemas.openxmlformats.org/package/2006/relationships");
    }
    pugi::xml_node list = rels.document_element();
    std::string id;
    for (int n = 1; id.empty(); ++n) {
      const std::string candidate = "rIdUnct" + std::to_string(n);
      if (!list.find_child_by_attribute("Id", candidate.c_str())) id = candidate;
    }
    pugi::xml_node r = list.append_child("Relationship");
    r.append_attribute("Id").set_value(id.c_str());
    r.append_attribute("Type").set_value(k_comments_type);
    r.append_attribute("Target").set_value(comments_name.substr(5).c_str());  // relative to word/
    zip.put(k_rels, save_with_declaration(rels));
  }
  out.docx = zip.finish();
  return out;
}

}  // namespace unct::report
