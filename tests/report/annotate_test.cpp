#include "engine/report/annotate.hpp"

#include "cli/run.hpp"
#include "engine/core/zip.hpp"
#include "engine/ingest/read.hpp"
#include "engine/report/messages.hpp"
#include "tests/support/support.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <zip.h>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include <map>
#include <set>

namespace unct::report {
namespace {

using ::testing::HasSubstr;
namespace fs = std::filesystem;

// Every part of a package by name.
std::map<std::string, std::string> parts(const std::string& bytes) {
  std::map<std::string, std::string> out;
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  zip_t* archive = zip_open_from_source(source, ZIP_RDONLY, &error);
  EXPECT_NE(archive, nullptr);
  if (archive == nullptr) return out;
  const ZipPackage package(bytes, "draft.docx", {}, "a DOCX file");
  for (zip_int64_t i = 0; i < zip_get_num_entries(archive, 0); ++i) {
    const std::string name = zip_get_name(archive, static_cast<zip_uint64_t>(i), 0);
    out[name] = package.part(name.c_str()).value_or("");
  }
  zip_discard(archive);
  zip_error_fini(&error);
  return out;
}

std::string collapsed(std::string_view text) {
  std::string out;
  for (char c : text) {
    const bool space = c == ' ' || c == '\n' || c == '\t';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out += space ? ' ' : c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// The text each comment's range covers, by comment id, walking the document in order.
std::map<std::string, std::string> ranges(const std::string& document_xml) {
  pugi::xml_document doc;
  EXPECT_TRUE(doc.load_string(document_xml.c_str(), pugi::parse_default | pugi::parse_ws_pcdata));
  std::map<std::string, std::string> open;
  std::map<std::string, std::string> done;
  const auto walk = [&](auto&& self, pugi::xml_node node) -> void {
    for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
      const std::string name = c.name();
      if (name == "w:commentRangeStart") {
        open[c.attribute("w:id").value()];
      } else if (name == "w:commentRangeEnd") {
        done[c.attribute("w:id").value()] = open[c.attribute("w:id").value()];
        open.erase(c.attribute("w:id").value());
      } else if (name == "w:t") {
        for (auto& [id, text] : open) text += c.text().get();
      } else if (name == "w:tab") {
        for (auto& [id, text] : open) text += ' ';
      } else if (name == "w:del" || name == "w:delText" || name == "w:instrText") {
        continue;
      } else {
        self(self, c);
      }
    }
  };
  walk(walk, doc);
  return done;
}

std::vector<std::string> block_texts(const fs::path& path) {
  std::vector<std::string> out;
  for (const ingest::Block& b : ingest::read_document(path).blocks) out.push_back(b.text);
  return out;
}

class AnnotatedDraft : public ::testing::TestWithParam<std::string> {};

TEST_P(AnnotatedDraft, KeepsTheDraftAndAnchorsEachCommentOnItsQuote) {
  test::TempDir dir;
  const fs::path draft = test::source_file("samples/" + GetParam() + ".docx");
  const fs::path reviewed = dir / "reviewed.docx";
  const auto r =
      test::run_cli({"annotate", draft.string(), "--out", reviewed.string(), "--db", (dir / "u.db").string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("comments to"));

  // Every part but these four is the draft's, byte for byte.
  const std::map<std::string, std::string> before = parts(test::read_bytes(draft));
  const std::map<std::string, std::string> after = parts(test::read_bytes(reviewed));
  const std::set<std::string> ours{"word/document.xml", "word/comments.xml", "[Content_Types].xml",
                                   "word/_rels/document.xml.rels"};
  for (const auto& [name, bytes] : before) {
    ASSERT_TRUE(after.contains(name)) << name;
    if (!ours.contains(name)) {
      EXPECT_EQ(after.at(name), bytes) << name << " changed";
    }
  }
  for (const auto& [name, bytes] : after) EXPECT_TRUE(before.contains(name) || ours.contains(name)) << name;

  // Read again, the draft says what it said.
  EXPECT_EQ(block_texts(reviewed), block_texts(draft));

  // Each comment is by unct-assess, and its range covers exactly a quote of the assessment
  // (evidence) or a whole paragraph (a gap).
  pugi::xml_document comments;
  ASSERT_TRUE(comments.load_string(after.at("word/comments.xml").c_str()));
  const std::map<std::string, std::string> covered = ranges(after.at("word/document.xml"));
  const auto json = test::run_cli({"report", "1", "--format", "json", "--db", (dir / "u.db").string()});
  std::set<std::string> quotes;  // the words of every quote, without the "..." of a cut one
  const nlohmann::json report = nlohmann::json::parse(json.out);
  for (const auto& item : report["items"]) {
    if (!item.contains("criteria")) continue;
    for (const auto& criterion : item["criteria"]) {
      for (const auto& e : criterion["evidence"]) {
        std::string q = collapsed(e["quote"].get<std::string>());
        if (q.starts_with("...")) q.erase(0, 3);
        if (q.ends_with("...")) q.erase(q.size() - 3);
        quotes.insert(collapsed(q));
      }
    }
  }
  std::set<std::string> evidence_headings;
  for (std::string_view lang : report_languages())
    evidence_headings.insert(std::string(messages(lang)[Msg::evidence_for]));
  std::set<std::string> paragraphs;
  for (const std::string& text : block_texts(draft)) paragraphs.insert(collapsed(text));
  std::size_t count = 0;
  for (pugi::xml_node c : comments.child("w:comments").children("w:comment")) {
    ++count;
    EXPECT_STREQ(c.attribute("w:author").value(), "unct-assess");
    const std::string id = c.attribute("w:id").value();
    ASSERT_TRUE(covered.contains(id)) << "comment " << id << " has no range";
    const std::string text = collapsed(covered.at(id));
    ASSERT_FALSE(text.empty()) << "comment " << id;
    const std::string first_line = c.child("w:p").child("w:r").child("w:t").text().get();
    if (evidence_headings.contains(first_line)) {
      EXPECT_TRUE(quotes.contains(text)) << "comment " << id << " covers text that is not one of the " << quotes.size()
                                         << " quotes: " << text;
    } else {
      EXPECT_TRUE(paragraphs.contains(text)) << "gap comment " << id << " covers part of a paragraph: " << text;
    }
  }
  EXPECT_EQ(count, covered.size());
  EXPECT_GT(count, 0u);
}

INSTANTIATE_TEST_SUITE_P(Samples, AnnotatedDraft,
                         ::testing::Values("cca-norvania-2024", "cca-valdoria-2025", "cf-norvania-2025",
                                           "prse-aldemar-2020"));

// Drafts as reviewers meet them: a quoted passage in a footnote (no body paragraph holds it), the
// draft's own comment anchored in a footnote, WordprocessingML as the default namespace.
TEST(Annotate, UnusualDraftsAreCommentedWithoutClashes) {
  for (const char* name : {"footnote", "fncomment", "defaultns"}) {
    SCOPED_TRACE(name);
    test::TempDir dir;
    const fs::path reviewed = dir / "reviewed.docx";
    const auto r = test::run_cli({"annotate", test::fixture(std::string("annotate/") + name + ".docx").string(),
                                  "--out", reviewed.string(), "--db", (dir / "u.db").string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const std::map<std::string, std::string> after = parts(test::read_bytes(reviewed));
    pugi::xml_document comments;
    ASSERT_TRUE(comments.load_string(after.at("word/comments.xml").c_str()));
    const pugi::xml_node root = comments.document_element();
    EXPECT_STREQ(root.name(), "w:comments");
    EXPECT_STREQ(root.attribute("xmlns:w").value(), "http://schemas.openxmlformats.org/wordprocessingml/2006/main");
    std::set<std::string> ids;
    for (pugi::xml_node c : root.children("w:comment")) {
      EXPECT_TRUE(ids.insert(c.attribute("w:id").value()).second) << "comment id " << c.attribute("w:id").value();
    }
    EXPECT_GT(ids.size(), 1u);
  }
}

TEST(Annotate, DeeplyNestedRunsDoNotExhaustTheStack) {
  test::TempDir dir;
  std::string body = "<w:p><w:r><w:t>Roma face discrimination in housing.</w:t></w:r></w:p><w:p>";
  for (int i = 0; i < 100000; ++i) body += "<w:smartTag>";
  body += "<w:r><w:t>deep</w:t></w:r>";
  for (int i = 0; i < 100000; ++i) body += "</w:smartTag>";
  body += "</w:p>";
  ZipWriter zip;
  zip.put("[Content_Types].xml",
          "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
          "<Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" "
          "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>");
  zip.put("word/document.xml",
          "<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/"
          "main\"><w:body>" +
              body + "</w:body></w:document>");
  test::write_bytes(dir / "deep.docx", zip.finish());
  const auto r = test::run_cli({"annotate", (dir / "deep.docx").string(), "--out", (dir / "r.docx").string(), "--db",
                                (dir / "u.db").string(), "--kind", "cca"});
  EXPECT_NE(r.exit_code, 3) << r.err;  // refused as input, or commented: never a crash
}

TEST(Annotate, APdfIsRefusedAndNothingIsStored) {
  test::TempDir dir;
  const auto r = test::run_cli({"annotate", test::source_file("samples/cca-tessaly-2023.pdf").string(), "--out",
                                (dir / "r.docx").string(), "--db", (dir / "u.db").string()});
  EXPECT_EQ(r.exit_code, cli::k_exit_bad_input);
  EXPECT_THAT(r.err, HasSubstr("comments can only be added to a Word document, and this is a PDF"));
  EXPECT_FALSE(fs::exists(dir / "r.docx"));
  EXPECT_FALSE(fs::exists(dir / "u.db"));
}

TEST(Annotate, GapsAreCommentedWhereTheContentIsExpectedInTheReportLanguage) {
  test::TempDir dir;
  const fs::path reviewed = dir / "reviewed.docx";
  const auto r = test::run_cli({"annotate", test::source_file("samples/cca-valdoria-2025.docx").string(), "--out",
                                reviewed.string(), "--db", (dir / "u.db").string(), "--report-lang", "fr"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr(" on gaps."));
  const std::string comments = parts(test::read_bytes(reviewed)).at("word/comments.xml");
  EXPECT_THAT(comments, HasSubstr("RDM-CCA-09 Participation et représentation dans la vie publique : Manquant"));
  EXPECT_THAT(comments, HasSubstr("Pour répondre aux exigences : Montrer, chiffres à l'appui"));
  EXPECT_THAT(comments, HasSubstr("Éléments probants trouvés par le moteur pour :"));
}

}  // namespace
}  // namespace unct::report
