#include "engine/ingest/read.hpp"
#include "tests/support/support.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>
#include <string>

namespace unct {
namespace {

namespace fs = std::filesystem;
using test::run_cli;
using ::testing::ContainsRegex;
using ::testing::HasSubstr;
using ::testing::Not;

class Workshop : public ::testing::Test {
protected:
  std::string pack() const { return test::fixture("workshop/pack.xml").string(); }
  std::string sheet(const std::string& name) const { return test::fixture("workshop/" + name).string(); }
  std::string db() const { return (m_dir / "w.db").string(); }
  test::TempDir m_dir;
};

// Figures worked out by hand in tests/workshop/session_test.cpp.
TEST_F(Workshop, ScoresSheetsAgainstTheKeyAndStoresTheSession) {
  const auto scored = run_cli({"workshop", "score", pack(), sheet("amina.csv"), sheet("room.csv"), "--cohort",
                               "Geneva, Nov 2026", "--db", db()});
  ASSERT_EQ(scored.exit_code, 0) << scored.err;
  const std::string& out = scored.out;
  EXPECT_THAT(out,
              HasSubstr("The room: 3 participants, 11 answers; 64% exact, 82% within one level, weighted kappa 0.45"));
  EXPECT_THAT(out, ContainsRegex("Amina +4/4 +100% +100% +1.00"));
  EXPECT_THAT(out, ContainsRegex("Ben +4/4 +50% +100% +0.67"));
  EXPECT_THAT(out, ContainsRegex("Chloé +3/4 +33% +33% +-0.18"));
  // The discussion points, most disagreement first, with the key's rationale and the notes.
  const std::size_t first = out.find("1. RDM-CCA-13");
  const std::size_t second = out.find("2. RDM-CCA-04");
  const std::size_t third = out.find("3. RDM-CCA-05");
  ASSERT_NE(first, std::string::npos) << out;
  EXPECT_LT(first, second);
  EXPECT_LT(second, third);
  EXPECT_THAT(out, Not(HasSubstr("4. RDM-CCA-01")));
  EXPECT_THAT(out, HasSubstr("Answers: Missing 1, Approaches 1, Meets 0, Exceeds 1"));
  EXPECT_THAT(out, HasSubstr("Why the key says Missing: Nothing on legal identity"));
  EXPECT_THAT(out, HasSubstr("- Ben (Approaches): the census is mentioned"));
  // The engine's rating of the excerpt beside the key.
  EXPECT_THAT(out, ContainsRegex("RDM-CCA-13 +Missing +(Missing|Approaches|Meets|Exceeds) +1 +1 +0 +1 +33%"));
  EXPECT_THAT(out, HasSubstr("The engine against the key: 4 items"));
  EXPECT_THAT(scored.err, HasSubstr("saved as workshop session 1"));

  // Stored: the debrief again, in Markdown and HTML.
  const auto md = run_cli({"workshop", "report", "1", "--format", "md", "--db", db()});
  ASSERT_EQ(md.exit_code, 0) << md.err;
  EXPECT_THAT(md.out, HasSubstr("# Workshop debrief: Test excerpt: Republic of Examplia CCA"));
  EXPECT_THAT(md.out, HasSubstr("| Ben | 4/4 | 50% | 100% | 0.67 |"));
  EXPECT_THAT(md.out, HasSubstr("### 1. RDM-CCA-13"));
  EXPECT_THAT(md.out, HasSubstr("| 1 | 1 | 0 | 1 |"));
  const auto html =
      run_cli({"workshop", "report", "1", "--format", "html", "--out", (m_dir / "d.html").string(), "--db", db()});
  ASSERT_EQ(html.exit_code, 0) << html.err;
  const std::string page = test::read_bytes(m_dir / "d.html");
  EXPECT_THAT(page, HasSubstr("<h1>Workshop debrief: Test excerpt: Republic of Examplia CCA</h1>"));
  EXPECT_THAT(page, HasSubstr("Geneva, Nov 2026"));
  EXPECT_THAT(page, HasSubstr("<td>Chloé</td><td>3/4</td><td>33%</td><td>33%</td><td>-0.18</td>"));
  EXPECT_THAT(page, HasSubstr("class=\"spread\""));
}

TEST_F(Workshop, CohortsAreListedAndCompared) {
  ASSERT_EQ(run_cli({"workshop", "score", pack(), sheet("amina.csv"), "--cohort", "Geneva", "--db", db()}).exit_code,
            0);
  ASSERT_EQ(run_cli({"workshop", "score", pack(), sheet("room.csv"), "--cohort", "Nairobi", "--db", db()}).exit_code,
            0);
  const auto sessions = run_cli({"workshop", "sessions", "--pack", "test-cca", "--db", db()});
  ASSERT_EQ(sessions.exit_code, 0) << sessions.err;
  EXPECT_THAT(sessions.out, ContainsRegex("1 +[0-9-]+ +Geneva +test-cca +1 +100% +100% +1.00"));
  EXPECT_THAT(sessions.out, ContainsRegex("2 +[0-9-]+ +Nairobi +test-cca +2 +43% +71%"));
  const auto compared = run_cli({"workshop", "compare", "1", "2", "--db", db()});
  ASSERT_EQ(compared.exit_code, 0) << compared.err;
  EXPECT_THAT(compared.out, HasSubstr("Session 1: Geneva"));
  EXPECT_THAT(compared.out, ContainsRegex("RDM-CCA-04 +100% +50% +Data gaps"));
  EXPECT_EQ(run_cli({"workshop", "compare", "1", "--db", db()}).exit_code, 2);
  EXPECT_EQ(run_cli({"workshop", "report", "7", "--db", db()}).exit_code, 2);
}

TEST_F(Workshop, BadSheetsNameTheRowAndStoreNothing) {
  const fs::path bad = m_dir / "bad.csv";
  auto score = [&](const std::string& csv) {
    test::write_bytes(bad, csv);
    return run_cli({"workshop", "score", pack(), sheet("amina.csv"), bad.string(), "--db", db()});
  };
  auto r = score("participant,item,level\nDan,RDM-CCA-01,meets\nDan,RDM-CCA-09,meets\n");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("bad.csv:3: Dan: item RDM-CCA-09 is not in the exercise test-cca"));
  r = score("participant,item,level\n,RDM-CCA-01,meets\n");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("bad.csv:2: no participant's name"));
  r = score("participant,item,level\nDan,RDM-CCA-01,good\n");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("bad.csv:2: Dan: item RDM-CCA-01: unknown level \"good\""));
  r = score("participant,item,level\nAmina,RDM-CCA-01,meets\n");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("bad.csv:2: Amina answered RDM-CCA-01 already, in "));
  EXPECT_EQ(run_cli({"workshop", "score", pack(), sheet("amina.csv"), "--format", "pdf", "--db", db()}).exit_code, 2);
  EXPECT_FALSE(fs::exists(db()));
}

TEST_F(Workshop, NewDraftsAPackFromADocumentThatScoresAndHandsOut) {
  const std::string pack_file = (m_dir / "draft.xml").string();
  const auto drafted = run_cli({"workshop", "new", test::source_file("samples/cca-norvania-2024.docx").string(),
                                "--items", "RDM-CCA-04,RDM-CCA-05", "--out", pack_file});
  ASSERT_EQ(drafted.exit_code, 0) << drafted.err;
  EXPECT_THAT(drafted.err, HasSubstr("drafted pack cca-norvania-2024: 2 items"));
  const std::string xml = test::read_bytes(pack_file);
  EXPECT_THAT(xml, HasSubstr("<key status=\"draft\">"));
  EXPECT_THAT(xml, HasSubstr("3. Data: what is known and what is not"));  // where the data-gap evidence is
  EXPECT_THAT(xml, HasSubstr("<rationale>Engine draft: "));

  const auto handout = run_cli({"workshop", "handout", pack_file});
  ASSERT_EQ(handout.exit_code, 0) << handout.err;
  EXPECT_THAT(handout.out, HasSubstr("## Your ratings"));
  EXPECT_THAT(handout.out, HasSubstr("| RDM-CCA-04 Data gaps and rights-based data |"));
  EXPECT_THAT(handout.out, Not(HasSubstr("Engine draft")));  // never the key
  const auto sheet_csv = run_cli({"workshop", "handout", pack_file, "--format", "csv"});
  ASSERT_EQ(sheet_csv.exit_code, 0) << sheet_csv.err;
  EXPECT_THAT(sheet_csv.out, HasSubstr("participant,item,title,level,note\r\n,RDM-CCA-04,"));

  // A participant fills the sheet in; the debrief says the key is still the engine's draft.
  std::string filled = sheet_csv.out;
  for (std::size_t at = filled.find("\r\n,"); at != std::string::npos; at = filled.find("\r\n,", at + 2))
    filled.insert(at + 2, "Eve");
  for (std::size_t at = filled.find(",,\r\n"); at != std::string::npos; at = filled.find(",,\r\n", at + 8))
    filled.replace(at, 4, ",meets,\r\n");
  test::write_bytes(m_dir / "eve.csv", filled);
  const auto scored = run_cli({"workshop", "score", pack_file, (m_dir / "eve.csv").string(), "--no-store"});
  ASSERT_EQ(scored.exit_code, 0) << scored.err;
  EXPECT_THAT(scored.out, HasSubstr("still the engine's draft"));
  EXPECT_THAT(scored.out, HasSubstr("1 participant, 2 answers"));
  EXPECT_THAT(scored.out, HasSubstr("The engine against the key: 2 items; 100% exact"));

  const auto wrong_kind = run_cli(
      {"workshop", "new", test::source_file("samples/cca-norvania-2024.docx").string(), "--items", "RDM-CF-05"});
  EXPECT_EQ(wrong_kind.exit_code, 2);
  EXPECT_THAT(wrong_kind.err,
              HasSubstr("item RDM-CF-05: does not apply to a Common Country Analysis (the pack's kind) (--items)"));
  const auto no_heading = run_cli({"workshop", "new", test::source_file("samples/cca-norvania-2024.docx").string(),
                                   "--items", "RDM-CCA-04", "--section", "no such heading"});
  EXPECT_EQ(no_heading.exit_code, 2);
  EXPECT_THAT(no_heading.err, HasSubstr("no heading names \"no such heading\" (--section)"));
  const auto bad_id = run_cli({"workshop", "new", test::source_file("samples/cca-norvania-2024.docx").string(),
                               "--items", "RDM-CCA-04", "--id", "my pack"});
  EXPECT_EQ(bad_id.exit_code, 2);
  EXPECT_THAT(bad_id.err, HasSubstr("pack id \"my pack\""));
  EXPECT_THAT(bad_id.err, HasSubstr("(--id)"));
}

// A French pack: the handout and the debrief are in French, and the sheets are read with the level
// names the handout prints, or their Spanish or English names.
TEST_F(Workshop, AFrenchPackGivesAFrenchHandoutAndDebrief) {
  const std::string pack_file = test::source_file("samples/workshop/kavera-bcp-apatridie.xml").string();
  const auto handout = run_cli({"workshop", "handout", pack_file});
  ASSERT_EQ(handout.exit_code, 0) << handout.err;
  EXPECT_THAT(handout.out, HasSubstr("# Exercice : Bilan commun de pays de Kavéra 2024"));
  EXPECT_THAT(handout.out, HasSubstr("> Une reconstitution fondée sur des sources citées, et non le texte officiel"));
  EXPECT_THAT(handout.out, HasSubstr("Source : bcp-kavera-2024.html"));
  EXPECT_THAT(handout.out, HasSubstr("## Vos notes\n\nNotez chaque élément Manquant, S'approche, Répond ou Dépasse"));
  EXPECT_THAT(handout.out, HasSubstr("| Élément | Question | Niveau | Raison |"));
  EXPECT_THAT(handout.out, HasSubstr("| RDM-CCA-13 Identité juridique"));
  for (const char* english : {"Exercise", "Your ratings", "A sourced reconstruction", "| Item |"})
    EXPECT_THAT(handout.out, Not(HasSubstr(english)));

  test::write_bytes(m_dir / "salle.csv",
                    "participant,item,title,level,note\n"
                    "Amina,RDM-CCA-13,,Répond,les groupes sont nommés\n"
                    "Amina,RDM-CCA-04,,S’approche,\n"
                    "Amina,RDM-CCA-05,,manquant,\n"
                    "Ben,RDM-CCA-13,,Cumple,\n"
                    "Ben,RDM-CCA-04,,Répond aux exigences minimales,\n"
                    "Ben,RDM-CCA-05,,DÉPASSE,trop optimiste\n");
  const auto scored =
      run_cli({"workshop", "score", pack_file, (m_dir / "salle.csv").string(), "--cohort", "Dakar", "--db", db()});
  ASSERT_EQ(scored.exit_code, 0) << scored.err;
  const std::string& out = scored.out;
  EXPECT_THAT(out, HasSubstr("BILAN DE L'ATELIER : Bilan commun de pays de Kavéra 2024"));
  EXPECT_THAT(out, HasSubstr("Exercice kavera-bcp-apatridie (Bilan commun de pays, fr), liste de contrôle rdm-2021"));
  EXPECT_THAT(out, HasSubstr("Séance 1 : Dakar"));
  EXPECT_THAT(out, HasSubstr("Le groupe : 2 participants, 6 réponses ; 50% de concordance exacte"));
  EXPECT_THAT(out, HasSubstr("PARTICIPANTS (concordance avec le corrigé)"));
  EXPECT_THAT(out, HasSubstr("POINTS À DISCUTER (là où le groupe s'est écarté du corrigé"));
  EXPECT_THAT(out, HasSubstr("Corrigé S'approche"));
  EXPECT_THAT(out, HasSubstr("Réponses : Manquant 1, S'approche 0, Répond 0, Dépasse 1"));
  EXPECT_THAT(out, HasSubstr("Pourquoi le corrigé dit « S'approche » :"));
  EXPECT_THAT(out, HasSubstr("- Ben (Dépasse) : trop optimiste"));
  EXPECT_THAT(out, HasSubstr("Le moteur face au corrigé : 3 éléments ;"));
  for (const char* english :
       {"WORKSHOP DEBRIEF", "The room", "DISCUSSION POINTS", "Answers:", "Why the key", "Missing 1"})
    EXPECT_THAT(out, Not(HasSubstr(english)));

  // The stored session keeps the pack's language: its debrief is printed again in French.
  const auto md = run_cli({"workshop", "report", "1", "--format", "md", "--db", db()});
  ASSERT_EQ(md.exit_code, 0) << md.err;
  EXPECT_THAT(md.out, HasSubstr("# Bilan de l'atelier : Bilan commun de pays de Kavéra 2024"));
  EXPECT_THAT(md.out, HasSubstr("## Points à discuter"));
  EXPECT_THAT(md.out, HasSubstr("| Manquant | S'approche | Répond | Dépasse |"));
  EXPECT_THAT(md.out, HasSubstr("| Élément | Corrigé | Moteur | Manquant | S'approche | Répond | Dépasse | Conformes"));
  const auto page = run_cli({"workshop", "report", "1", "--format", "html", "--db", db()});
  ASSERT_EQ(page.exit_code, 0) << page.err;
  EXPECT_THAT(page.out, HasSubstr("<html lang=\"fr\">"));
  EXPECT_THAT(page.out, HasSubstr("<h2>Points à discuter</h2>"));
  EXPECT_THAT(page.out, HasSubstr("Répond aux exigences minimales</span>"));  // the UN scorecard's wording
  EXPECT_THAT(page.out, Not(HasSubstr("Meets minimum requirements")));
}

// What a trainer prints: the handout and the debrief as Word documents, in the pack's language.
TEST_F(Workshop, HandoutAndDebriefAsWordDocumentsToPrint) {
  const std::string pack_file = test::source_file("samples/workshop/kavera-bcp-apatridie.xml").string();
  EXPECT_EQ(run_cli({"workshop", "handout", pack_file, "--format", "docx"}).exit_code, 2);  // not to a terminal
  const fs::path handout = m_dir / "handout.docx";
  ASSERT_EQ(run_cli({"workshop", "handout", pack_file, "--format", "docx", "--out", handout.string()}).exit_code, 0);
  const ingest::Document read = ingest::read_document(handout);
  EXPECT_EQ(read.title, "Exercice : Bilan commun de pays de Kavéra 2024 : apatridie, données et mécanismes");
  std::string text;
  for (const ingest::Block& b : read.blocks) text += b.text + "\n";
  EXPECT_THAT(text, HasSubstr("Vos notes"));
  EXPECT_THAT(text, HasSubstr("RDM-CCA-13 Identité juridique"));
  EXPECT_THAT(text, HasSubstr("Une reconstitution fondée sur des sources citées"));

  // An excerpt's Markdown table stays a table: participants rate the results matrix as written.
  const fs::path matrix = m_dir / "matrix.docx";
  ASSERT_EQ(run_cli({"workshop", "handout", test::source_file("samples/workshop/tessaly-cf-results.xml").string(),
                     "--format", "docx", "--out", matrix.string()})
                .exit_code,
            0);
  std::set<int> tables;
  for (const ingest::Block& b : ingest::read_document(matrix).blocks) {
    if (b.kind == ingest::BlockKind::table_cell) tables.insert(b.table);
    EXPECT_FALSE(b.text.starts_with("|")) << b.text;
  }
  EXPECT_EQ(tables.size(), 2u);  // the excerpt's matrix and the ratings to fill in

  test::write_bytes(m_dir / "salle.csv",
                    "participant,item,title,level,note\n"
                    "Amina,RDM-CCA-13,,Répond,les groupes sont nommés\n"
                    "Ben,RDM-CCA-13,,Manquant,trop optimiste\n");
  const fs::path debrief = m_dir / "debrief.docx";
  const auto scored = run_cli({"workshop", "score", pack_file, (m_dir / "salle.csv").string(), "--format", "docx",
                               "--out", debrief.string(), "--db", db()});
  ASSERT_EQ(scored.exit_code, 0) << scored.err;
  std::string debrief_text;
  for (const ingest::Block& b : ingest::read_document(debrief).blocks) debrief_text += b.text + "\n";
  EXPECT_THAT(debrief_text, HasSubstr("Bilan de l'atelier : Bilan commun de pays de Kavéra 2024"));
  EXPECT_THAT(debrief_text, HasSubstr("Points à discuter"));
  EXPECT_THAT(debrief_text, HasSubstr("Ben (Manquant) : trop optimiste"));
}

}  // namespace
}  // namespace unct
