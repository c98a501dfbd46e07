// Hostile or mistaken input through the command line: one clear message naming the file, exit 2,
// nothing read that could block or never end, and the database left byte for byte as it was.

#include "cli/run.hpp"

#include "tests/support/support.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <functional>
#include <map>

namespace unct {
namespace {

using test::run_cli;
using ::testing::HasSubstr;

const std::string k_sample = test::source_file("samples/cca-valdoria-2025.md").string();

class RefusedInput : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_EQ(run_cli({"score", k_sample, "--db", m_db}).exit_code, cli::k_exit_ok);
    m_before = test::read_bytes(m_db);
  }
  void expect_refused(const std::vector<std::string>& args, const std::string& message) {
    const auto r = run_cli(args);
    EXPECT_EQ(r.exit_code, cli::k_exit_bad_input) << r.err;
    EXPECT_THAT(r.err, HasSubstr(message));
    EXPECT_EQ(test::read_bytes(m_db), m_before) << "the database changed";
  }
  test::TempDir m_dir;
  std::string m_db = (m_dir / "u.db").string();
  std::string m_before;
};

TEST_F(RefusedInput, PipesAndDevicesAreRefusedUnread) {
  const std::string fifo = (m_dir / "pipe.md").string();
  ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
  expect_refused({"score", fifo, "--db", m_db}, "pipe.md: not a regular file (a pipe, device or socket)");
  expect_refused({"score", "/dev/zero", "--db", m_db}, "/dev/zero: not a regular file");
  expect_refused({"score", k_sample, "--self", "/dev/zero", "--db", m_db}, "/dev/zero: not a regular file");
  expect_refused({"batch", test::source_file("samples").string(), "--manifest", "/dev/zero", "--db", m_db},
                 "/dev/zero: not a regular file");
}

// Files a user has rather than the formats read get a message that says what to do.
TEST_F(RefusedInput, BlankSelfAssessmentFormDoesNotWipeRatings) {
  test::write_bytes(m_dir / "blank.csv", "item,level,justification,source\nRDM-CCA-01,,,\nRDM-UNCT-01,,,\n");
  expect_refused({"self-assess", "import", "1", (m_dir / "blank.csv").string(), "--db", m_db},
                 "blank.csv: no item has a level: fill in the level column");
}

TEST_F(RefusedInput, FormatsNotReadSayWhatToSaveAs) {
  const std::vector<std::pair<std::string, std::string>> files{
      {"old.doc", std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0\0\0", 12)},
      {"notes.rtf", "{\\rtf1\\ansi Roma children}"},
      {"wide.txt", std::string("\xFF\xFER\0o\0m\0a\0", 10)}};
  for (const auto& [name, bytes] : files) test::write_bytes(m_dir / name, bytes);
  expect_refused({"score", (m_dir / "old.doc").string(), "--db", m_db},
                 "old.doc: a legacy Word (.doc) or password-protected");
  expect_refused({"score", (m_dir / "notes.rtf").string(), "--db", m_db},
                 "notes.rtf: a Rich Text (RTF) file: save it as DOCX");
  expect_refused({"score", (m_dir / "wide.txt").string(), "--db", m_db},
                 "wide.txt: UTF-16 text: save the file as UTF-8");
}

TEST_F(RefusedInput, OutNeverReplacesTheDatabaseNorFollowsALink) {
  expect_refused({"report", "1", "--db", m_db, "--format", "html", "--out", m_db}, "--out would overwrite --db");
  std::filesystem::create_symlink(m_db, m_dir / "report.html");
  expect_refused({"report", "1", "--db", m_db, "--format", "html", "--out", (m_dir / "report.html").string()},
                 "report.html: --out is a symbolic link");
  expect_refused({"export", "--db", m_db, "--out", m_db}, "--out would overwrite --db");
}

TEST_F(RefusedInput, ExportNamesItsFormat) {
  expect_refused({"export", "--db", m_db, "--out", (m_dir / "portfolio.ods").string()},
                 "portfolio.ods: --out must end in .csv");
  EXPECT_FALSE(std::filesystem::exists(m_dir / "portfolio.ods"));
}

TEST_F(RefusedInput, NumbersOutOfRangeAreNamedAsGiven) {
  expect_refused({"evaluate", test::source_file("samples").string(), "--min-exact", "90"},
                 "--min-exact is a share from 0 to 1");
  expect_refused({"batch", m_dir.path().string(), "--jobs", "-1", "--db", m_db}, "--jobs -1: use 1 to 256");
  expect_refused({"score", k_sample, "--max-size", "inf", "--db", m_db},
                 "--max-size must be a number of MB above 0 and at most 4096");
  expect_refused({"score", k_sample, "--max-size", "1e300", "--db", m_db}, "--max-size must be a number of MB");
}

// `serve --packs` naming no folder stops before the server starts (--port 70000 would stop it
// too, later, with another message: the test never waits on a running server). serve runs the web
// app's program in its place (cli/commands/serve.cpp): this runs the real unct-assess.
TEST_F(RefusedInput, ServeWithAPacksFolderThatIsNotThere) {
  const std::string missing = (std::filesystem::path(m_db).parent_path() / "no-such-packs").string();
  const auto r = test::run_program({"serve", "--packs", missing, "--port", "70000", "--db", m_db});
  EXPECT_EQ(r.exit_code, cli::k_exit_bad_input) << r.err;
  EXPECT_EQ(r.err, "unct-assess: " + missing + ": --packs: no such folder of workshop packs\n");
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(test::read_bytes(m_db), m_before) << "the database changed";
}

// Item ids as users type them.
TEST_F(RefusedInput, ItemIdsInAnyCase) {
  EXPECT_THAT(run_cli({"checklist", "show", "--item", "rdm-cf-04"}).out,
              HasSubstr("RDM-CF-04  Indicators disaggregated"));
  const auto r = run_cli({"override", "1", "rdm-cca-04", "--level", "meets", "--note", "Annex 2", "--reviewer",
                          "A. Reviewer", "--db", m_db});
  EXPECT_EQ(r.exit_code, cli::k_exit_ok) << r.err;
  EXPECT_THAT(run_cli({"override", "1", "--db", m_db}).out, HasSubstr("RDM-CCA-04"));
}

// Another program's SQLite file is refused as it is: not switched to WAL, no -wal or -shm left.
TEST(ForeignDatabase, IsRefusedUntouched) {
  test::TempDir dir;
  const std::filesystem::path db = dir / "other.db";
  {
    SQLite::Database other(db.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    other.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes (text) VALUES ('mine')");
  }
  const std::string before = test::read_bytes(db);
  for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
           {"history", "--db", db.string()}, {"score", k_sample, "--db", db.string()}}) {
    const auto r = run_cli(args);
    EXPECT_EQ(r.exit_code, cli::k_exit_bad_input) << args.front();
    EXPECT_THAT(r.err, HasSubstr("other.db: not an unct-assess database"));
    EXPECT_EQ(test::read_bytes(db), before) << args.front();
    EXPECT_FALSE(std::filesystem::exists(dir / "other.db-wal")) << args.front();
    EXPECT_FALSE(std::filesystem::exists(dir / "other.db-shm")) << args.front();
  }
}

// Bytes that are not UTF-8 inside a Word run are replaced, with a warning, and the document is
// scored and stored (its text cache included) instead of failing inside.
TEST(BadText, InvalidUtf8InAWordRunIsReplacedNotFatal) {
  test::TempDir dir;
  const auto r = run_cli({"score", test::fixture("ingest/bad-utf8.docx").string(), "--db", (dir / "u.db").string()});
  EXPECT_EQ(r.exit_code, cli::k_exit_ok) << r.err;
  const auto inspected = run_cli({"inspect", test::fixture("ingest/bad-utf8.docx").string()});
  EXPECT_THAT(inspected.out, HasSubstr("1 byte of text was not valid UTF-8 and was replaced"));
}

// Document text that a spreadsheet would run as a formula is written as text.
TEST(CsvOutput, FormulasFromDocumentTextAreNeutralised) {
  test::TempDir dir;
  test::write_bytes(dir / "d.md",
                    "# =HYPERLINK(\"http://x\") Common Country Analysis of Testland\n\nRoma face discrimination.\n");
  const std::string db = (dir / "u.db").string();
  ASSERT_EQ(run_cli({"score", (dir / "d.md").string(), "--db", db}).exit_code, cli::k_exit_ok);
  const auto r = run_cli({"export", "--db", db, "--out", (dir / "p.csv").string()});
  ASSERT_EQ(r.exit_code, cli::k_exit_ok) << r.err;
  const std::string matrix = test::read_bytes(dir / "p.csv");
  EXPECT_THAT(matrix, HasSubstr("\"'=HYPERLINK(\"\"http://x\"\")"));
  EXPECT_THAT(matrix, ::testing::Not(HasSubstr(",=HYPERLINK")));
}

// ---------------------------------------------------------------------------------------------
// The bad-input suite (issue 18): one case per line, each a file or an option a user or a hostile
// file gives, through every command that takes a file or an id. Each case runs in a folder of
// its own, with a scored database (u.db) when it names one; it must exit 2 with a message naming
// the file and the place (line, item, option), or, for input that is read with a loss, exit 0
// with a warning. No file in the folder may change and none may appear: the database stays byte
// for byte as it was.

namespace fs = std::filesystem;

using Setup = std::function<void(const fs::path& dir)>;

enum class Outcome {
  refused,  // exit 2, the message on stderr
  warned,   // exit 0, the warning in what the command printed
};

struct BadCase {
  std::string name;
  // "@db" is the case's database, "@dir/NAME" a file in its folder, "@sample" the sample CCA,
  // "@samples" the samples folder and "@fixture/PATH" a file under tests/fixtures.
  std::vector<std::string> args;
  std::vector<std::string> says;  // each must appear in the message
  Setup setup = {};
  Outcome outcome = Outcome::refused;
  bool unprivileged = false;  // file permissions, which do not bind root
};

void PrintTo(const BadCase& c, std::ostream* out) { *out << c.name; }

// What a case's folder holds before the command runs.
Setup file(std::string name, std::string bytes) {
  return [=](const fs::path& dir) {
    fs::create_directories((dir / name).parent_path());
    test::write_bytes(dir / name, bytes);
  };
}
Setup package(std::string name, std::vector<std::pair<std::string, std::string>> parts) {
  return [=](const fs::path& dir) { test::write_zip(dir / name, parts); };
}
Setup folder(std::string name) {
  return [=](const fs::path& dir) { fs::create_directories(dir / name); };
}
Setup fifo(std::string name) {
  return [=](const fs::path& dir) { ASSERT_EQ(mkfifo((dir / name).c_str(), 0600), 0); };
}
Setup symlink_to(std::string name, std::string target) {
  return [=](const fs::path& dir) { fs::create_symlink(dir / target, dir / name); };
}
Setup mode(std::string name, fs::perms perms) {
  return [=](const fs::path& dir) { fs::permissions(dir / name, perms); };
}
// A fixture copied with one piece of text replaced.
Setup edited(std::string name, std::string fixture, std::string from, std::string to) {
  return [=](const fs::path& dir) {
    std::string text = test::read_bytes(test::fixture(fixture));
    const std::size_t at = text.find(from);
    ASSERT_NE(at, std::string::npos) << from;
    text.replace(at, from.size(), to);
    test::write_bytes(dir / name, text);
  };
}
// Another program's SQLite file.
Setup foreign_db(std::string name) {
  return [=](const fs::path& dir) {
    SQLite::Database other((dir / name).string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    other.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes (text) VALUES ('mine')");
  };
}
Setup all(std::vector<Setup> setups) {
  return [=](const fs::path& dir) {
    for (const Setup& s : setups) s(dir);
  };
}

const std::string k_text =
    "# Common Country Analysis of Testland 2025\n\nRoma children face discrimination in schools.\n";
const std::string k_form_header = "item,level,justification,source\n";
const std::string k_sheet_header = "participant,item,level,note\n";
const std::string k_gold_header = "item,level,rationale\n";

// word/document.xml around a body.
std::string word(const std::string& body) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>" +
         body + "</w:body></w:document>";
}
const std::string k_paragraph = "<w:p><w:r><w:t>Roma children face discrimination in schools.</w:t></w:r></w:p>";
std::string repeated(const std::string& text, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) out += text;
  return out;
}

// The bundled checklist's own file on one line of about 70 KB, with one attribute the schema does
// not allow (so its item files are never read).
Setup one_line_checklist(std::string name) {
  return [=](const fs::path& dir) {
    std::string text = test::read_bytes(test::bundled_checklist());
    std::string line;
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] != '\n') {
        line += text[i];
        continue;
      }
      line += ' ';
      while (i + 1 < text.size() && text[i + 1] == ' ') ++i;
    }
    const std::size_t at = line.find("<term-set ");
    ASSERT_NE(at, std::string::npos);
    line.insert(at + 10, "minimum=\"2\" ");
    test::write_bytes(dir / name, line);
  };
}

// An XLSX workbook whose first sheet has the header item, level from shared strings.
Setup workbook(std::string name, std::string shared_strings) {
  const std::string ns = "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"";
  return package(
      name, {{"xl/workbook.xml",
              "<workbook " + ns +
                  " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                  "relationships\"><sheets><sheet name=\"Form\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"},
             {"xl/_rels/workbook.xml.rels",
              "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship "
              "Id=\"rId1\" "
              "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
              "Target=\"worksheets/sheet1.xml\"/></Relationships>"},
             {"xl/sharedStrings.xml", "<sst " + ns + ">" + shared_strings + "</sst>"},
             {"xl/worksheets/sheet1.xml",
              "<worksheet " + ns +
                  "><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c></row>"
                  "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>RDM-CCA-01</t></is></c><c r=\"B2\" "
                  "t=\"inlineStr\"><is><t>meets</t>"
                  "</is></c></row></sheetData></worksheet>"}});
}

// A folder for `evaluate`: the sample CCA and, beside it, the gold file given.
Setup gold_folder(std::string name, std::string gold) {
  return [=](const fs::path& dir) {
    fs::create_directories(dir / name);
    fs::copy_file(test::source_file("samples/cca-valdoria-2025.md"), dir / name / "cca.md");
    test::write_bytes(dir / name / "cca.gold.csv", gold);
  };
}

const fs::perms k_read_only_file = fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read;
const fs::perms k_read_only_folder =
    k_read_only_file | fs::perms::owner_exec | fs::perms::group_exec | fs::perms::others_exec;

std::vector<BadCase> bad_cases() {
  const std::string pack = "@fixture/workshop/pack.xml";
  const std::string sheet = "@fixture/workshop/amina.csv";
  return {
      // Documents: formats that are not read, and broken files, say what to do.
      {"EmptyDocument",
       {"score", "@dir/empty.md", "--db", "@db"},
       {"empty.md: the file is empty"},
       file("empty.md", "")},
      {"BlankDocument",
       {"score", "@dir/blank.txt", "--db", "@db"},
       {"blank.txt: the document has no text"},
       file("blank.txt", " \n\n\t\n")},
      {"NulBytes",
       {"score", "@dir/nul.txt", "--db", "@db"},
       {"nul.txt: binary data, not a text document (NUL byte at offset 3)"},
       file("nul.txt", std::string("abc\0def", 7))},
      {"Utf16BigEndian",
       {"score", "@dir/wide.md", "--db", "@db"},
       {"wide.md: UTF-16 text: save the file as UTF-8"},
       file("wide.md", std::string("\xFE\xFF\0R\0o\0m\0a", 10))},
      {"Latin1TextNamesLineAndColumn",
       {"score", "@dir/latin1.txt", "--db", "@db"},
       {"latin1.txt:2:4: not valid UTF-8 (byte offset 12); save the file as UTF-8"},
       file("latin1.txt", "Line one\nCaf\xE9 society\n")},
      {"PasswordProtectedDocx",
       {"score", "@dir/locked.docx", "--db", "@db"},
       {"locked.docx: a legacy Word (.doc) or password-protected Office file: save it as DOCX without a password"},
       file("locked.docx", std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0\0\0", 12))},
      {"RtfNamedDocx",
       {"score", "@dir/notes.docx", "--db", "@db"},
       {"notes.docx: a Rich Text (RTF) file: save it as DOCX or PDF"},
       file("notes.docx", "{\\rtf1\\ansi Roma children}")},
      {"TruncatedDocx",
       {"score", "@dir/cut.docx", "--db", "@db"},
       {"cut.docx: not a readable zip package (", "may be damaged or truncated"},
       file("cut.docx", std::string("PK\x03\x04rest", 8))},
      {"ZipWithoutWordDocument",
       {"score", "@dir/notes.docx", "--db", "@db"},
       {"notes.docx: a zip package but not a Word document: it has no word/document.xml"},
       package("notes.docx", {{"readme.txt", "Roma"}})},
      {"SpreadsheetGivenAsDocument",
       {"score", "@fixture/ingest/workbook.xlsx", "--db", "@db"},
       {"workbook.xlsx: a zip package but not a Word document", "(it is a spreadsheet)"}},
      {"WordDocumentWithoutBody",
       {"score", "@dir/nobody.docx", "--db", "@db"},
       {"nobody.docx: word/document.xml has no body"},
       package("nobody.docx",
               {{"word/document.xml",
                 "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"/>"}})},
      {"MalformedWordXmlNamesPartLineAndColumn",
       {"score", "@dir/broken.docx", "--db", "@db"},
       {"broken.docx: word/document.xml:2:", "malformed XML"},
       package("broken.docx", {{"word/document.xml", word(k_paragraph).substr(0, 150)}})},
      {"ZipBombPart",
       {"score", "@dir/bomb.docx", "--db", "@db"},
       {"bomb.docx: word/media/zeros.bin expands ", "(limit 100): refused as a likely zip bomb"},
       package("bomb.docx",
               {{"word/document.xml", word(k_paragraph)}, {"word/media/zeros.bin", std::string(2 << 20, '\0')}})},
      {"ZipBombTotal",
       {"score", "@dir/parts.docx", "--max-size", "1", "--db", "@db"},
       {"parts.docx: the package expands to more than 2 MiB: refused as a likely zip bomb"},
       package("parts.docx", {{"word/document.xml", word(k_paragraph)},
                              {"word/media/a.bin", std::string(900 << 10, '\0')},
                              {"word/media/b.bin", std::string(900 << 10, '\0')},
                              {"word/media/c.bin", std::string(900 << 10, '\0')}})},
      {"TruncatedPdf",
       {"score", "@fixture/ingest/truncated.pdf", "--db", "@db"},
       {"truncated.pdf: the PDF is truncated: it does not end with %%EOF", "download or export it again"}},
      {"PdfWithoutPages",
       {"score", "@fixture/ingest/no-pages.pdf", "--db", "@db"},
       {"no-pages.pdf: the PDF has no pages: it is damaged or cut short"}},
      {"EncryptedPdf",
       {"score", "@fixture/ingest/encrypted.pdf", "--db", "@db"},
       {"encrypted.pdf: the PDF is encrypted and needs a password: save an unprotected copy"}},
      {"ScannedPdf",
       {"score", "@fixture/ingest/scanned.pdf", "--db", "@db"},
       {"scanned.pdf: no text layer on any of its 2 pages: this looks like a scanned PDF; run OCR"}},
      {"PdfHeaderOnGarbage",
       {"score", "@dir/garbage.pdf", "--db", "@db"},
       {"garbage.pdf: "},
       file("garbage.pdf", "%PDF-1.7\nnot really a pdf\n%%EOF\n")},
      {"FileOverMaxSize",
       {"score", "@dir/big.txt", "--max-size", "0.01", "--db", "@db"},
       {"big.txt: file is 20 KiB, above the limit of 10 KiB"},
       file("big.txt", std::string(20 << 10, 'a'))},
      {"FileJustOverMaxSizeGivesExactSizes",
       {"inspect", "@dir/big.txt", "--max-size", "0.01"},
       {"big.txt: file is 10600 bytes, above the limit of 10485 bytes"},
       file("big.txt", std::string(10600, 'a'))},
      {"DirectoryAsDocument",
       {"score", "@dir/folder.md", "--db", "@db"},
       {"folder.md: is a directory, not a file"},
       folder("folder.md")},
      {"MissingDocument", {"score", "@dir/missing.md", "--db", "@db"}, {"missing.md: no such file"}},
      {"InspectFifo",
       {"inspect", "@dir/pipe.txt"},
       {"pipe.txt: not a regular file (a pipe, device or socket)"},
       fifo("pipe.txt")},
      {"InspectDevZero", {"inspect", "/dev/zero"}, {"/dev/zero: not a regular file"}},
      {"InspectEmptyHtml", {"inspect", "@dir/empty.html"}, {"empty.html: the file is empty"}, file("empty.html", "")},
      {"InspectPageOfChromeOnly",
       {"inspect", "@dir/chrome.html"},
       {"chrome.html: the document has no text"},
       file("chrome.html", "<html><body><nav>Home</nav><script>x()</script></body></html>")},
      {"WorkshopNewFromDevZero",
       {"workshop", "new", "/dev/zero", "--items", "RDM-CCA-01"},
       {"/dev/zero: not a regular file"}},
      {"EvaluateDocumentIsEmpty",
       {"evaluate", "@dir/gold"},
       {"gold/cca.md: the file is empty"},
       all({gold_folder("gold", k_gold_header + "RDM-CCA-01,meets,x\n"), file("gold/cca.md", "")})},

      // Read with a loss: said, never silent.
      {"HtmlNestedTooDeep",
       {"inspect", "@dir/deep.html"},
       {"elements are nested too deep from line 2; the page after that point was not read"},
       file("deep.html", "<html><body><h1>Common Country Analysis</h1>\n" + repeated("<div>", 400) + "<p>Roma</p>" +
                             repeated("</div>", 400) + "<p>after</p></body></html>"),
       Outcome::warned},
      {"DocxContentControlsNestedTooDeep",
       {"inspect", "@dir/sdt.docx"},
       {"content nested more than 64 levels deep (content controls, runs) was left out"},
       package("sdt.docx", {{"word/document.xml", word(k_paragraph + repeated("<w:sdt><w:sdtContent>", 20000) +
                                                       k_paragraph + repeated("</w:sdtContent></w:sdt>", 20000))}}),
       Outcome::warned},
      {"DocxRunsNestedTooDeep",
       {"inspect", "@dir/runs.docx"},
       {"content nested more than 64 levels deep (content controls, runs) was left out"},
       package("runs.docx", {{"word/document.xml", word(k_paragraph + "<w:p>" + repeated("<w:r>", 40000) +
                                                        "<w:t>Roma</w:t>" + repeated("</w:r>", 40000) + "</w:p>")}}),
       Outcome::warned},
      {"InvalidUtf8InAWordRun",
       {"inspect", "@fixture/ingest/bad-utf8.docx"},
       {"1 byte of text was not valid UTF-8 and was replaced"},
       {},
       Outcome::warned},

      // Databases.
      {"TextFileAsDatabase",
       {"history", "--db", "@dir/notes.db"},
       {"notes.db: database error: file is not a database (not an SQLite file): check the --db path"},
       file("notes.db", "these are my notes\n")},
      {"ScoreIntoADocument",
       {"score", "@sample", "--db", "@dir/notes.md"},
       {"notes.md: database error: file is not a database"},
       file("notes.md", k_text)},
      {"FolderAsDatabase",
       {"history", "--db", "@dir/store"},
       {"store: is a folder, not a database file"},
       folder("store")},
      {"ScoreIntoAFolder",
       {"score", "@sample", "--db", "@dir/store"},
       {"store: is a folder, not a database file"},
       folder("store")},
      {"MissingDatabase", {"gaps", "--db", "@dir/none.db"}, {"none.db: no such database: check the --db path"}},
      {"DatabaseInAMissingFolder",
       {"score", "@sample", "--db", "@dir/nowhere/u.db"},
       {"u.db: the folder ", "nowhere does not exist: create it"}},
      {"ForeignDatabaseReport",
       {"report", "1", "--db", "@dir/other.db"},
       {"other.db: not an unct-assess database"},
       foreign_db("other.db")},
      {"ForeignDatabaseOverride",
       {"override", "1", "RDM-CCA-01", "--level", "meets", "--note", "Annex 2", "--db", "@dir/other.db"},
       {"other.db: not an unct-assess database"},
       foreign_db("other.db")},
      {"ForeignDatabaseExport",
       {"export", "--out", "@dir/p.csv", "--db", "@dir/other.db"},
       {"other.db: not an unct-assess database"},
       foreign_db("other.db")},
      {"ForeignDatabaseSelfAssessImport",
       {"self-assess", "import", "1", "@dir/form.csv", "--db", "@dir/other.db"},
       {"other.db: not an unct-assess database"},
       all({foreign_db("other.db"), file("form.csv", k_form_header + "RDM-CCA-01,meets,x,\n")})},
      {"ForeignDatabaseWorkshopScore",
       {"workshop", "score", pack, sheet, "--db", "@dir/other.db"},
       {"other.db: not an unct-assess database"},
       foreign_db("other.db")},
      {"ForeignDatabaseDbCheck",
       {"db", "check", "--db", "@dir/other.db"},
       {"other.db: not an unct-assess database"},
       foreign_db("other.db")},
      {"ReadOnlyDatabaseFile",
       {"score", "@sample", "--db", "@db"},
       {"u.db: the database file is read-only: make it writable (chmod u+w)"},
       mode("u.db", k_read_only_file),
       Outcome::refused,
       true},
      {"ReadOnlyDatabaseFileOverride",
       {"override", "1", "RDM-CCA-01", "--level", "meets", "--note", "Annex 2", "--db", "@db"},
       {"u.db: the database file is read-only"},
       mode("u.db", k_read_only_file),
       Outcome::refused,
       true},
      {"DatabaseInAReadOnlyFolder",
       {"score", "@sample", "--db", "@dir/shared/new.db"},
       {"new.db: cannot create the database: the folder ", "shared is read-only",
        "give --db a path in a folder you can write to"},
       all({folder("shared"), mode("shared", k_read_only_folder)}),
       Outcome::refused,
       true},

      // report and export: the id, the format and where --out writes.
      {"ReportUnknownId", {"report", "99", "--db", "@db"}, {"u.db: no assessment with id 99"}},
      {"ScoreWithoutFile",
       {"score", "--db", "@db"},
       {"an argument is missing (usage: unct-assess score FILE [options])"}},
      {"ScoreTwoFiles",
       {"score", "@sample", "@sample", "--db", "@db"},
       {"too many arguments (usage: unct-assess score FILE"}},
      {"ReportIdNotANumber",
       {"report", "first", "--db", "@db"},
       {"\"first\" is not a valid argument here (usage: unct-assess report ID"}},
      {"ReportUnknownFormat",
       {"report", "1", "--format", "pdf", "--db", "@db"},
       {"unknown --format \"pdf\": use text, json, md, csv, html or docx"}},
      {"ReportDocxToTheTerminal",
       {"report", "1", "--format", "docx", "--db", "@db"},
       {"a Word report is a file: give --out FILE.docx"}},
      {"ReportOutIsTheChecklist",
       {"report", "1", "--checklist", "@dir/c.xml", "--out", "@dir/c.xml", "--db", "@db"},
       {"c.xml: --out would overwrite --checklist"},
       file("c.xml", "<checklist/>")},
      {"ReportOutInAMissingFolder",
       {"report", "1", "--format", "html", "--out", "@dir/nowhere/r.html", "--db", "@db"},
       {"r.html: --out: the folder ", "nowhere does not exist"}},
      {"ReportOutIsAFolder",
       {"report", "1", "--out", "@dir/reports", "--db", "@db"},
       {"reports: --out is a folder"},
       folder("reports")},
      {"ExportCsvNamedXlsx",
       {"export", "--format", "csv", "--out", "@dir/p.xlsx", "--db", "@db"},
       {"p.xlsx: --out must end in .csv"}},
      {"ExportXlsxNamedCsv",
       {"export", "--format", "xlsx", "--out", "@dir/p.csv", "--db", "@db"},
       {"p.csv: --out must end in .xlsx"}},
      {"ExportUnknownFormat",
       {"export", "--format", "ods", "--out", "@dir/p.ods", "--db", "@db"},
       {"unknown --format \"ods\": use csv or xlsx"}},
      {"ExportCsvInAMissingFolder",
       {"export", "--out", "@dir/nowhere/p.csv", "--db", "@db"},
       {"p.csv: --out: the folder ", "does not exist"}},
      {"ExportXlsxInAMissingFolder",
       {"export", "--out", "@dir/nowhere/p.xlsx", "--db", "@db"},
       {"p.xlsx: --out: the folder ", "does not exist"}},
      {"ExportFindingsThroughASymlink",
       {"export", "--out", "@dir/p.csv", "--db", "@db"},
       {"p-findings.csv: --out is a symbolic link"},
       all({file("elsewhere.csv", "mine\n"), symlink_to("p-findings.csv", "elsewhere.csv")})},
      {"ExportUnknownKind",
       {"export", "--kind", "undp", "--out", "@dir/p.csv", "--db", "@db"},
       {"unknown --kind \"undp\": use cca, cf or serp"}},
      {"ExportYearNotANumber",
       {"export", "--year", "2025a", "--out", "@dir/p.csv", "--db", "@db"},
       {"the argument ('2025a') for option '--year' is invalid"}},

      // history, gaps and compare.
      {"GapsUnknownKind",
       {"gaps", "--kind", "undaf-2", "--db", "@db"},
       {"unknown --kind \"undaf-2\": use cca, cf or serp"}},
      {"GapsUnknownFormat",
       {"gaps", "--format", "xlsx", "--db", "@db"},
       {"unknown --format \"xlsx\": use text or html"}},
      {"GapsYearNotANumber",
       {"gaps", "--year", "twenty", "--db", "@db"},
       {"the argument ('twenty') for option '--year' is invalid"}},
      {"CompareUnknownId", {"compare", "1", "99", "--db", "@db"}, {"u.db: no assessment with id 99"}},
      {"CompareUnknownName",
       {"compare", "1", "draft 9", "--db", "@db"},
       {"u.db: no assessment with id, draft label, file name or title \"draft 9\" (see history)"}},
      {"CompareUnknownFormat",
       {"compare", "1", "1", "--format", "pdf", "--db", "@db"},
       {"unknown --format \"pdf\": use text or html"}},

      // override.
      {"OverrideUnknownItem",
       {"override", "1", "RDM-XYZ-01", "--level", "meets", "--note", "Annex 2", "--db", "@db"},
       {"u.db: item RDM-XYZ-01: assessment 1 has no such item"}},
      {"OverrideUnknownLevel",
       {"override", "1", "RDM-CCA-01", "--level", "good", "--note", "Annex 2", "--db", "@db"},
       {"unknown --level \"good\": use missing, approaches, meets or exceeds"}},
      {"OverrideWithoutNote",
       {"override", "1", "RDM-CCA-01", "--level", "meets", "--db", "@db"},
       {"--note is required: say what in the document justifies the level"}},
      {"OverrideBlankNote",
       {"override", "1", "RDM-CCA-01", "--level", "meets", "--note", "  ", "--db", "@db"},
       {"--note is required"}},
      {"OverrideWithoutLevel",
       {"override", "1", "RDM-CCA-01", "--note", "Annex 2", "--db", "@db"},
       {"--level is required: missing, approaches, meets or exceeds"}},
      {"OverrideUnknownAssessment",
       {"override", "99", "RDM-CCA-01", "--level", "meets", "--note", "Annex 2", "--db", "@db"},
       {"u.db: no assessment with id 99"}},

      // Self-assessment forms.
      {"SelfAssessUnknownItem",
       {"self-assess", "import", "1", "@dir/form.csv", "--db", "@db"},
       {"form.csv:2: item RDM-CCA-99: not in the checklist rdm-2021"},
       file("form.csv", k_form_header + "RDM-CCA-99,meets,x,\n")},
      {"SelfAssessUnknownLevel",
       {"self-assess", "import", "1", "@dir/form.csv", "--db", "@db"},
       {"form.csv:2: item RDM-CCA-01: unknown level \"great\": use Missing, Approaches, Meets or Exceeds"},
       file("form.csv", k_form_header + "RDM-CCA-01,great,x,\n")},
      {"SelfAssessUnclosedQuote",
       {"self-assess", "import", "1", "@dir/form.csv", "--db", "@db"},
       {"form.csv:2: not valid CSV: a quoted field is never closed"},
       file("form.csv", k_form_header + "RDM-CCA-01,\"meets,x,\n")},
      {"SelfAssessQuoteInsideAField",
       {"self-assess", "import", "1", "@dir/form.csv", "--db", "@db"},
       {"form.csv:2: not valid CSV:", "a quote inside an unquoted field"},
       file("form.csv", k_form_header + "RDM-CCA-01,meets,Annex \"2\",\n")},
      {"SelfAssessWithoutItemColumn",
       {"self-assess", "import", "1", "@dir/form.csv", "--db", "@db"},
       {"form.csv:1: no \"item\" column"},
       file("form.csv", "id,level\nRDM-CCA-01,meets\n")},
      {"SelfAssessItemRatedTwice",
       {"self-assess", "import", "1", "@dir/form.csv", "--db", "@db"},
       {"form.csv:3: item RDM-CCA-01 is rated twice (first on line 2)"},
       file("form.csv", k_form_header + "RDM-CCA-01,meets,x,\nRDM-CCA-01,missing,y,\n")},
      {"SelfAssessEmptyFile",
       {"self-assess", "import", "1", "@dir/form.csv", "--db", "@db"},
       {"form.csv: empty CSV file: the first row must name the columns"},
       file("form.csv", "")},
      {"SelfAssessBrokenXlsx",
       {"self-assess", "import", "1", "@dir/form.xlsx", "--db", "@db"},
       {"form.xlsx: not a readable zip package (", "an XLSX workbook may be damaged or truncated"},
       file("form.xlsx", std::string("PK\x03\x04garbage", 11))},
      {"SelfAssessWordDocumentNamedXlsx",
       {"self-assess", "import", "1", "@dir/form.xlsx", "--db", "@db"},
       {"form.xlsx: not a spreadsheet: the workbook has no xl/workbook.xml"},
       package("form.xlsx", {{"word/document.xml", word(k_paragraph)}})},
      {"SelfAssessUnknownAssessment",
       {"self-assess", "import", "99", "@dir/form.csv", "--db", "@db"},
       {"u.db: no assessment with id 99"},
       file("form.csv", k_form_header + "RDM-CCA-01,meets,x,\n")},
      {"ScoreWithBlankSelfAssessment",
       {"score", "@sample", "--self", "@dir/blank.csv", "--db", "@db"},
       {"blank.csv: no item has a level: fill in the level column, or score without --self"},
       file("blank.csv", k_form_header + "RDM-CCA-01,,,\n")},
      {"ScoreWithSelfAssessmentOfUnknownLevel",
       {"score", "@sample", "--self", "@dir/form.csv", "--db", "@db"},
       {"form.csv:2: item RDM-CCA-01: unknown level \"yes\""},
       file("form.csv", k_form_header + "RDM-CCA-01,yes,,\n")},
      {"TemplateUnknownFormat",
       {"self-assess", "template", "--format", "ods"},
       {"unknown --format \"ods\": use csv, xlsx or md"}},
      {"TemplateXlsxWithoutOut",
       {"self-assess", "template", "--format", "xlsx"},
       {"--format xlsx needs --out FILE.xlsx"}},
      {"TemplateUnknownLanguage",
       {"self-assess", "template", "--lang", "de"},
       {"rdm-2021.xml: --lang de: the checklist has no translation into this language"}},
      {"TemplateXlsxInAMissingFolder",
       {"self-assess", "template", "--format", "xlsx", "--out", "@dir/nowhere/form.xlsx"},
       {"form.xlsx: --out: the folder ", "does not exist"}},

      // Workshop packs and answer sheets.
      {"PackWithDoctype",
       {"workshop", "handout", "@dir/pack.xml"},
       {"pack.xml:2: a DOCTYPE is not allowed: remove the <!DOCTYPE ...> declaration and its entities"},
       edited("pack.xml", "workshop/pack.xml", "<!-- A small", "<!DOCTYPE pack [<!ENTITY x \"Roma\">]>\n<!-- A small")},
      {"PackWithoutAnswers",
       {"workshop", "handout", "@dir/pack.xml"},
       {"pack.xml:20:", "element 'key': Missing child element(s)"},
       [](const fs::path& dir) {
         std::string text = test::read_bytes(test::fixture("workshop/pack.xml"));
         text.erase(text.find("<answer"), text.rfind("</answer>") + 9 - text.find("<answer"));
         test::write_bytes(dir / "pack.xml", text);
       }},
      {"PackUnknownItem",
       {"workshop", "handout", "@dir/pack.xml"},
       {"pack.xml:30: item RDM-CCA-99: not in the checklist rdm-2021"},
       edited("pack.xml", "workshop/pack.xml", "RDM-CCA-05", "RDM-CCA-99")},
      {"PackUnknownLevel",
       {"workshop", "handout", "@dir/pack.xml"},
       {"pack.xml:30:", "attribute 'level'", "'superb'"},
       edited("pack.xml", "workshop/pack.xml", "level=\"exceeds\"", "level=\"superb\"")},
      {"PackNotWellFormed",
       {"workshop", "handout", "@dir/pack.xml"},
       {"pack.xml:4:", "tag mismatch"},
       edited("pack.xml", "workshop/pack.xml", "</title>", "</titel>")},
      {"PackEmptyFile",
       {"workshop", "score", "@dir/pack.xml", sheet, "--db", "@db"},
       {"pack.xml: not well-formed XML"},
       file("pack.xml", "")},
      {"SheetUnknownLevel",
       {"workshop", "score", pack, "@dir/sheet.csv", "--db", "@db"},
       {"sheet.csv:2: Amina: item RDM-CCA-13: unknown level \"superb\""},
       file("sheet.csv", k_sheet_header + "Amina,RDM-CCA-13,superb,\n")},
      {"SheetItemNotInThePack",
       {"workshop", "score", pack, "@dir/sheet.csv", "--db", "@db"},
       {"sheet.csv:2: Amina: item RDM-CF-01 is not in the exercise test-cca"},
       file("sheet.csv", k_sheet_header + "Amina,RDM-CF-01,meets,\n")},
      {"SheetUnclosedQuote",
       {"workshop", "score", pack, "@dir/sheet.csv", "--db", "@db"},
       {"sheet.csv:2: not valid CSV: a quoted field is never closed"},
       file("sheet.csv", k_sheet_header + "Amina,RDM-CCA-13,\"meets,\n")},
      {"SheetWithoutAnswers",
       {"workshop", "score", pack, "@dir/sheet.csv", "--db", "@db"},
       {"pack.xml: the answer sheets hold no answers"},
       file("sheet.csv", k_sheet_header)},
      {"SheetWithoutParticipant",
       {"workshop", "score", pack, "@dir/sheet.csv", "--db", "@db"},
       {"sheet.csv:2: no participant's name"},
       file("sheet.csv", k_sheet_header + ",RDM-CCA-13,meets,\n")},
      {"WorkshopDebriefOverTheDatabase",
       {"workshop", "score", pack, sheet, "--out", "@db", "--db", "@db"},
       {"u.db: --out would overwrite --db"}},
      {"WorkshopDebriefInAMissingFolder",
       {"workshop", "score", pack, sheet, "--out", "@dir/nowhere/debrief.md", "--db", "@db"},
       {"debrief.md: --out: the folder ", "does not exist"}},
      {"WorkshopUnknownFormat",
       {"workshop", "score", pack, sheet, "--format", "pdf", "--db", "@db"},
       {"unknown --format \"pdf\": use text, md, html or docx"}},
      {"WorkshopNewUnknownItem",
       {"workshop", "new", "@sample", "--items", "RDM-CCA-01,RDM-ZZZ-01"},
       {"rdm-2021.xml: item RDM-ZZZ-01: not in the checklist rdm-2021 (--items)"}},
      {"WorkshopNewNoSuchHeading",
       {"workshop", "new", "@sample", "--items", "RDM-CCA-01", "--section", "Annex 9"},
       {"cca-valdoria-2025.md: no heading names \"Annex 9\" (--section)"}},
      {"WorkshopNewNoSections",
       {"workshop", "new", "@sample", "--items", "RDM-CCA-01", "--max-sections", "0"},
       {"--max-sections must be at least 1"}},
      {"WorkshopNewOverItsDocument",
       {"workshop", "new", "@dir/d.md", "--items", "RDM-CCA-01", "--out", "@dir/d.md"},
       {"d.md: --out would overwrite --file"},
       file("d.md", k_text)},
      {"WorkshopReportUnknownSession", {"workshop", "report", "7", "--db", "@db"}, {"u.db: no workshop session 7"}},
      {"WorkshopCompareUnknownSessions",
       {"workshop", "compare", "7", "8", "--db", "@db"},
       {"u.db: no workshop session 7"}},

      // Checklists.
      {"ChecklistNotWellFormed",
       {"checklist", "show", "--checklist", "@fixture/checklist/malformed.xml"},
       {"malformed.xml:4:37: opening and ending tag mismatch"}},
      {"ChecklistSchemaInvalidNamesLine",
       {"checklist", "lint", "--checklist", "@fixture/checklist/schema_error.xml"},
       {"schema_error.xml:33:52: element 'mentions', attribute 'minimum': The attribute 'minimum' is not allowed."}},
      {"ChecklistWithEntities",
       {"checklist", "show", "--checklist", "@dir/entities.xml"},
       {"entities.xml:2: a DOCTYPE is not allowed"},
       file("entities.xml",
            "<?xml version=\"1.0\"?>\n"
            "<!DOCTYPE checklist [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]>\n"
            "<checklist>&b;</checklist>\n")},
      {"ChecklistEmptyFile",
       {"checklist", "lint", "--checklist", "@dir/empty.xml"},
       {"empty.xml: not well-formed XML"},
       file("empty.xml", "")},
      {"ChecklistOnOneLongLine",
       {"checklist", "show", "--checklist", "@dir/oneline.xml"},
       {"oneline.xml:1:", "element 'term-set', attribute 'minimum'"},
       one_line_checklist("oneline.xml")},
      {"ChecklistValidateUnknownTermSet",
       {"checklist", "validate", "@fixture/checklist/unknown_term_set.xml"},
       {"unknown_term_set.xml:33:52: item T-01: unknown term set \"grups\""}},
      {"ChecklistMissing",
       {"score", "@sample", "--checklist", "@dir/missing.xml", "--db", "@db"},
       {"missing.xml: no such file"}},
      {"ChecklistIncludeMissing",
       {"score", "@sample", "--checklist", "@fixture/checklist/included/missing.xml", "--db", "@db"},
       {"missing.xml:26:5: cannot read the included file ", "items/T-99.xml: no such file"}},
      {"ChecklistIncludeLeavesItsFolder",
       {"checklist", "show", "--checklist", "@fixture/checklist/included/escape.xml"},
       {"escape.xml:25:5: include \"items/../../minimal.xml\" must be a path relative to the folder of escape.xml"}},
      {"ChecklistItemFileSchemaInvalid",
       {"checklist", "lint", "--checklist", "@fixture/checklist/included/schema_error.xml"},
       {"items/schema_error.xml:8:47: element 'mentions', attribute 'minimum'"}},
      {"ChecklistValidateAnItemFile",
       {"checklist", "validate", "@fixture/checklist/included/items/T-11.xml"},
       {"T-11.xml:2:1: an item file holds one item of a checklist: load or validate the checklist that includes it"}},
      {"ChecklistUnknownSignalDefinition",
       {"checklist", "validate", "@fixture/checklist/definitions/unknown.xml"},
       {"unknown.xml:37:62: item D-01: unknown signal definition \"roma-in-educaton\" (did you mean "
        "\"roma-in-education\"?)"}},
      {"ChecklistDefinitionOfAnotherItem",
       {"score", "@sample", "--checklist", "@fixture/checklist/definitions/foreign.xml", "--db", "@db"},
       {"foreign.xml:29:35: signal definition \"travellers-discriminated\" belongs to the item of ", "(and 2 more;"}},
      {"ChecklistIsAFolder",
       {"checklist", "lint", "--checklist", "@dir/lists"},
       {"lists: is a directory, not a file"},
       folder("lists")},
      {"ChecklistShowUnknownItem",
       {"checklist", "show", "--item", "RDM-CCA-99"},
       {"rdm-2021.xml: no item \"RDM-CCA-99\" in this checklist"}},
      {"ChecklistShowUnknownLanguage",
       {"checklist", "show", "--lang", "de"},
       {"rdm-2021.xml: no language \"de\" in this checklist (it has"}},
      {"ScoreExplainUnknownItem",
       {"score", "@sample", "--explain", "RDM-CCA-99", "--db", "@db"},
       {"rdm-2021.xml: --explain: no item \"RDM-CCA-99\" in this checklist"}},

      // evaluate.
      {"EvaluateFolderWithoutGold",
       {"evaluate", "@dir/docs"},
       {"docs: no gold files (<name>.gold.csv beside"},
       all({folder("docs"), file("docs/cca.md", k_text)})},
      {"EvaluateGoldUnclosedQuote",
       {"evaluate", "@dir/gold"},
       {"gold/cca.gold.csv:2: not valid CSV: a quoted field is never closed"},
       gold_folder("gold", k_gold_header + "RDM-CCA-01,\"meets,x\n")},
      {"EvaluateGoldUnknownLevel",
       {"evaluate", "@dir/gold"},
       {"cca.gold.csv:2: item RDM-CCA-01: unknown level \"superb\""},
       gold_folder("gold", k_gold_header + "RDM-CCA-01,superb,x\n")},
      {"EvaluateGoldUnknownItem",
       {"evaluate", "@dir/gold"},
       {"cca.gold.csv:2: item RDM-CCA-99: no such item in the checklist"},
       gold_folder("gold", k_gold_header + "RDM-CCA-99,meets,x\n")},
      {"EvaluateGoldWithoutLevelColumn",
       {"evaluate", "@dir/gold"},
       {"cca.gold.csv:1: no \"level\" column"},
       gold_folder("gold", "item,rating\nRDM-CCA-01,meets\n")},
      {"EvaluateGoldWithoutDocument",
       {"evaluate", "@dir/gold"},
       {"gone.gold.csv: no document gone.pdf, .docx, .html, .md or .txt beside it"},
       all({folder("gold"), file("gold/gone.gold.csv", k_gold_header + "RDM-CCA-01,meets,x\n")})},
      {"EvaluateNotAFolder", {"evaluate", "@dir/notes.md"}, {"notes.md: not a folder"}, file("notes.md", k_text)},
      {"EvaluateShareAboveOne",
       {"evaluate", "@dir/gold", "--max-false-credit", "1.5"},
       {"--max-false-credit is a share from 0 to 1"},
       gold_folder("gold", k_gold_header + "RDM-CCA-01,meets,x\n")},
      {"EvaluateUnknownFormat",
       {"evaluate", "@dir/gold", "--format", "csv"},
       {"unknown --format \"csv\": use text or json"},
       gold_folder("gold", k_gold_header + "RDM-CCA-01,meets,x\n")},

      // batch: its arguments, checked before anything is scored.
      {"BatchListWithMissingPath",
       {"batch", "@dir/list.txt", "--db", "@db"},
       {"list.txt:2: no such file: ", "missing.md"},
       all({file("a.md", k_text), file("list.txt", "a.md\nmissing.md\n")})},
      {"BatchListWithDuplicatePath",
       {"batch", "@dir/list.txt", "--db", "@db"},
       {"list.txt:2: ", "a.md is already listed on line 1"},
       all({file("a.md", k_text), file("list.txt", "a.md\na.md\n")})},
      {"BatchEmptyList",
       {"batch", "@dir/list.txt", "--db", "@db"},
       {"list.txt: no documents to score"},
       file("list.txt", "")},
      {"BatchMissingFolder", {"batch", "@dir/nowhere", "--db", "@db"}, {"nowhere: no such file"}},
      {"BatchManifestUnknownColumn",
       {"batch", "@dir/docs", "--manifest", "@dir/m.csv", "--db", "@db"},
       {"m.csv:1: unknown column \"colour\": use file, country, region, kind, language, year, draft"},
       all({file("docs/a.md", k_text), file("m.csv", "file,colour\na.md,blue\n")})},
      {"BatchManifestUnknownKind",
       {"batch", "@dir/docs", "--manifest", "@dir/m.csv", "--db", "@db"},
       {"m.csv:2: unknown kind \"plan\": use cca, cf or serp"},
       all({file("docs/a.md", k_text), file("m.csv", "file,kind\na.md,plan\n")})},
      {"BatchManifestUnknownLanguage",
       {"batch", "@dir/docs", "--manifest", "@dir/m.csv", "--db", "@db"},
       {"m.csv:2: unknown language \"de\": use en, fr or es"},
       all({file("docs/a.md", k_text), file("m.csv", "file,language\na.md,de\n")})},
      {"BatchManifestBadYear",
       {"batch", "@dir/docs", "--manifest", "@dir/m.csv", "--db", "@db"},
       {"m.csv:2: \"20x5\" is not a year"},
       all({file("docs/a.md", k_text), file("m.csv", "file,year\na.md,20x5\n")})},
      {"BatchManifestUnknownFile",
       {"batch", "@dir/docs", "--manifest", "@dir/m.csv", "--db", "@db"},
       {"m.csv:2: \"b.md\" is not one of the documents of this batch"},
       all({file("docs/a.md", k_text), file("m.csv", "file,year\nb.md,2025\n")})},
      {"BatchManifestWithoutFileColumn",
       {"batch", "@dir/docs", "--manifest", "@dir/m.csv", "--db", "@db"},
       {"m.csv:1: no \"file\" column"},
       all({file("docs/a.md", k_text), file("m.csv", "country\nTestland\n")})},
      {"BatchJobsZero",
       {"batch", "@dir/docs", "--jobs", "0", "--db", "@db"},
       {"--jobs 0: use 1 to 256"},
       file("docs/a.md", k_text)},
      {"BatchJobsTooMany",
       {"batch", "@dir/docs", "--jobs", "999", "--db", "@db"},
       {"--jobs 999: use 1 to 256"},
       file("docs/a.md", k_text)},
      {"BatchMaxSizeNotANumber",
       {"batch", "@dir/docs", "--max-size", "abc", "--db", "@db"},
       {"the argument ('abc') for option '--max-size' is invalid"},
       file("docs/a.md", k_text)},

      // Options given numbers or names out of range.
      {"MaxSizeNegative",
       {"score", "@sample", "--max-size", "-1", "--db", "@db"},
       {"--max-size must be a number of MB above 0 and at most 4096"}},
      {"MaxSizeNotANumber",
       {"inspect", "@sample", "--max-size", "abc"},
       {"the argument ('abc') for option '--max-size' is invalid"}},
      {"MaxSizeNotANumberAtAll",
       {"evaluate", "@dir/gold", "--max-size", "nan"},
       {"--max-size must be a number of MB above 0"},
       gold_folder("gold", k_gold_header + "RDM-CCA-01,meets,x\n")},
      {"ScoreUnknownKind",
       {"score", "@sample", "--kind", "undp", "--db", "@db"},
       {"unknown --kind \"undp\": use cca, cf or serp"}},
      {"ScoreUnknownLanguage",
       {"score", "@sample", "--lang", "de", "--db", "@db"},
       {"unknown --lang \"de\": use en, fr or es"}},
      {"ScoreImplausibleYear",
       {"score", "@sample", "--year", "3025", "--db", "@db"},
       {"--year 3025 is not a plausible document year"}},
      {"ScoreUnknownFormat",
       {"score", "@sample", "--format", "pdf", "--db", "@db"},
       {"unknown --format \"pdf\": use text, json, md, csv, html or docx"}},
      {"ScoreDocxToTheTerminal",
       {"score", "@sample", "--format", "docx", "--db", "@db"},
       {"a Word report is a file: give --out FILE.docx"}},
      // A charset libxml2 does not know is read as Latin-1, with a warning that says so.
      {"HtmlUnknownCharset",
       {"inspect", "@dir/page.html"},
       {"klingon-9"},
       file("page.html",
            "<html><head><meta charset=\"klingon-9\"></head><body><h1>Common Country Analysis</h1>"
            "<p>Caf\xE9 Roma.</p></body></html>"),
       Outcome::warned},
      // Rich text nested 50,000 deep in sharedStrings.xml overflowed the stack (exit 139): nested
      // runs are not followed, so the header cell is empty.
      {"SelfAssessXlsxDeepRichText",
       {"self-assess", "import", "1", "@dir/form.xlsx", "--db", "@db"},
       {"form.xlsx:1: no \"item\" column"},
       workbook("form.xlsx", "<si>" + repeated("<r>", 50000) + "<t>item</t>" + repeated("</r>", 50000) +
                                 "</si><si><t>level</t></si>")},
      // A text file named .pdf was scored as text: refused as not a PDF.
      {"TextNamedPdf",
       {"score", "@dir/notes.pdf", "--db", "@db"},
       {"notes.pdf: ", "not a PDF"},
       file("notes.pdf", k_text)},
      // All the text nested too deep: "the document has no text" says why (the nesting).
      {"DocxWithOnlyDeeplyNestedText",
       {"score", "@dir/deep.docx", "--db", "@db"},
       {"deep.docx: ", "nested"},
       package("deep.docx", {{"word/document.xml", word(repeated("<w:sdt><w:sdtContent>", 20000) + k_paragraph +
                                                        repeated("</w:sdtContent></w:sdt>", 20000))}})},
  };
}

// Every file under `dir` (not following links, not opening pipes) and its bytes.
std::map<fs::path, std::string> files_in(const fs::path& dir) {
  std::map<fs::path, std::string> out;
  for (const fs::directory_entry& e : fs::recursive_directory_iterator(dir)) {
    if (e.is_symlink())
      out[e.path()] = "-> " + fs::read_symlink(e.path()).string();
    else if (e.is_regular_file())
      out[e.path()] = test::read_bytes(e.path());
  }
  return out;
}

class BadInputSuite : public ::testing::TestWithParam<BadCase> {
protected:
  // The database a case starts from (@db): the sample CCA scored, once per process and only for
  // the cases that name it (ctest runs each case in a process of its own). Empty if scoring failed.
  static const std::string& database() {
    static const std::string bytes = [] {
      test::TempDir dir;
      const std::string db = (dir / "u.db").string();
      return run_cli({"score", k_sample, "--db", db}).exit_code == cli::k_exit_ok ? test::read_bytes(db)
                                                                                  : std::string();
    }();
    return bytes;
  }

  void SetUp() override {
    if (GetParam().unprivileged && geteuid() == 0) GTEST_SKIP() << "file permissions do not bind root";
    const std::vector<std::string>& args = GetParam().args;
    m_has_database = std::find(args.begin(), args.end(), "@db") != args.end();
    if (m_has_database) {
      ASSERT_FALSE(database().empty()) << "scoring the sample failed";
      test::write_bytes(m_dir / "u.db", database());
    }
    if (GetParam().setup) GetParam().setup(m_dir.path());
  }

  void TearDown() override {
    // Read-only folders and files made writable again, for the folder to be removed.
    std::error_code ignored;
    for (auto it = fs::recursive_directory_iterator(m_dir.path(), ignored); it != fs::recursive_directory_iterator();
         it.increment(ignored)) {
      if (!it->is_symlink()) fs::permissions(it->path(), fs::perms::owner_all, fs::perm_options::add, ignored);
    }
  }

  std::string expand(const std::string& arg) const {
    if (arg == "@db") return (m_dir / "u.db").string();
    if (arg == "@sample") return k_sample;
    if (arg == "@samples") return test::source_file("samples").string();
    if (arg.starts_with("@dir/")) return (m_dir / arg.substr(5)).string();
    if (arg.starts_with("@fixture/")) return test::fixture(arg.substr(9)).string();
    return arg;
  }

  test::TempDir m_dir;
  bool m_has_database = false;
};

TEST_P(BadInputSuite, Case) {
  const BadCase& c = GetParam();
  std::vector<std::string> args;
  for (const std::string& a : c.args) args.push_back(expand(a));
  const std::map<fs::path, std::string> before = files_in(m_dir.path());
  const auto r = run_cli(args);
  if (c.outcome == Outcome::refused) {
    EXPECT_EQ(r.exit_code, cli::k_exit_bad_input) << r.err;
    for (const std::string& part : c.says) EXPECT_THAT(r.err, HasSubstr(part));
    EXPECT_THAT(r.err, ::testing::Not(HasSubstr("internal error")));
  } else {
    EXPECT_EQ(r.exit_code, cli::k_exit_ok) << r.err;
    for (const std::string& part : c.says) EXPECT_THAT(r.out + r.err, HasSubstr(part));
  }
  if (m_has_database) {
    EXPECT_TRUE(test::read_bytes(m_dir / "u.db") == database()) << "the database changed";
  }
  const std::map<fs::path, std::string> after = files_in(m_dir.path());
  for (const auto& [path, bytes] : after) {
    const auto was = before.find(path);
    if (was == before.end()) {
      ADD_FAILURE() << path << " was written";
    } else {
      EXPECT_TRUE(bytes == was->second) << path << " changed";
    }
  }
}

std::string case_name(const ::testing::TestParamInfo<BadCase>& p) { return p.param.name; }

INSTANTIATE_TEST_SUITE_P(Cli, BadInputSuite, ::testing::ValuesIn(bad_cases()), case_name);

// With no --db, the database is unct-assess.db in the current folder: the message says so, and
// what to do, rather than only "no such database".
TEST(BadInputDatabase, DefaultDatabaseMissingIsExplained) {
  test::TempDir dir;
  const std::filesystem::path was = std::filesystem::current_path();
  std::filesystem::current_path(dir.path());
  const auto r = run_cli({"history"});
  std::filesystem::current_path(was);
  EXPECT_EQ(r.exit_code, cli::k_exit_bad_input);
  EXPECT_THAT(r.err,
              HasSubstr("unct-assess.db: no such database in the current folder (the default --db): give --db the "
                        "database file"));
  EXPECT_FALSE(std::filesystem::exists(dir / "unct-assess.db"));
}

// Commands that only read (history, report, gaps, export) read a database the user may not
// write, a colleague's shared file say; only the commands that write refuse it (ReadOnlyDatabase*).
TEST(BadInputDatabase, ReadOnlyDatabaseIsStillRead) {
  if (geteuid() == 0) GTEST_SKIP() << "file permissions do not bind root";
  test::TempDir dir;
  const std::string db = (dir / "u.db").string();
  ASSERT_EQ(run_cli({"score", k_sample, "--db", db}).exit_code, cli::k_exit_ok);
  std::filesystem::permissions(db, k_read_only_file);
  const auto r = run_cli({"history", "--db", db});
  std::filesystem::permissions(db, std::filesystem::perms::owner_write, std::filesystem::perm_options::add);
  EXPECT_EQ(r.exit_code, cli::k_exit_ok) << r.err;
  EXPECT_THAT(r.out, HasSubstr("Republic of Valdoria"));
}

// <w:ilvl w:val="2147483647"/>: the level read was once incremented past INT_MAX (UBSan stopped
// the program; a Release build showed the list item at level -2147483648). Levels are clamped.
TEST(BadInputDocx, ListLevelOutOfRangeIsNotUndefined) {
  test::TempDir dir;
  test::write_zip(dir / "levels.docx",
                  {{"word/document.xml",
                    word("<w:p><w:pPr><w:numPr><w:ilvl w:val=\"2147483647\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr>"
                         "<w:r><w:t>Roma children</w:t></w:r></w:p>" +
                         k_paragraph)}});
  const auto r = run_cli({"inspect", (dir / "levels.docx").string(), "--blocks"});
  EXPECT_EQ(r.exit_code, cli::k_exit_ok) << r.err;
  EXPECT_THAT(r.out, HasSubstr("Roma children"));
  EXPECT_THAT(r.out, ::testing::Not(HasSubstr("-2147483648")));
}

// Looking for a document's text in the database (Store::cached_document) before refusing the
// document leaves no u.db-wal or u.db-shm behind.
TEST(BadInputDatabase, RefusedRunsLeaveNoJournalFiles) {
  test::TempDir dir;
  const std::string db = (dir / "u.db").string();
  ASSERT_EQ(run_cli({"score", k_sample, "--db", db}).exit_code, cli::k_exit_ok);
  ASSERT_FALSE(std::filesystem::exists(dir / "u.db-wal"));
  test::write_bytes(dir / "nul.txt", std::string("abc\0def", 7));
  EXPECT_EQ(run_cli({"score", (dir / "nul.txt").string(), "--db", db}).exit_code, cli::k_exit_bad_input);
  EXPECT_FALSE(std::filesystem::exists(dir / "u.db-wal"));
  EXPECT_FALSE(std::filesystem::exists(dir / "u.db-shm"));
}

}  // namespace
}  // namespace unct
