#include "cli/run.hpp"
#include "engine/core/csv.hpp"
#include "engine/core/zip.hpp"

#include "tests/support/support.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <sstream>
#include <string>

namespace unct {
namespace {

namespace fs = std::filesystem;
using test::run_cli;
using ::testing::HasSubstr;
using ::testing::Not;

// The form, filled in as a team would: the level, justification and source of some rows.
std::string fill(const std::string& form, const std::map<std::string, std::string>& answers) {
  std::istringstream in(form);
  std::string out;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const std::string id = line.substr(0, line.find(','));
    if (const auto a = answers.find(id); a != answers.end()) line.replace(line.size() - 3, 3, "," + a->second);
    out += line + "\n";
  }
  return out;
}

class SelfAssessment : public ::testing::Test {
protected:
  void SetUp() override {
    fs::copy_file(test::fixture("items/RDM-CCA-01.meets.md"), m_dir / "draft.md");
    const auto form = run_cli({"self-assess", "template", "--kind", "cca"});
    ASSERT_EQ(form.exit_code, 0) << form.err;
    m_form = form.out;
  }
  test::CliResult score_with(const std::string& answers) {
    test::write_bytes(m_dir / "answers.csv", answers);
    return run_cli({"score", (m_dir / "draft.md").string(), "--kind", "cca", "--self", (m_dir / "answers.csv").string(),
                    "--db", (m_dir / "a.db").string()});
  }
  test::TempDir m_dir;
  std::string m_form;
};

TEST_F(SelfAssessment, TemplateListsTheItemsOfTheKindInTheChosenLanguage) {
  EXPECT_THAT(m_form, HasSubstr("item,section,title,question,evidence_from,level,justification,source\r\n"));
  EXPECT_THAT(m_form, HasSubstr("RDM-CCA-15,"));
  EXPECT_THAT(m_form, HasSubstr("RDM-UNCT-08,"));
  EXPECT_THAT(m_form, Not(HasSubstr("RDM-CF-01,")));
  EXPECT_EQ(std::count(m_form.begin(), m_form.end(), '\n'), 1 + 15 + 8);  // 15 CCA items and the 8 team items
  EXPECT_THAT(m_form, HasSubstr(",team records,,,"));
  const auto french = run_cli({"self-assess", "template", "--kind", "cf", "--lang", "fr", "--format", "md"});
  ASSERT_EQ(french.exit_code, 0) << french.err;
  EXPECT_THAT(french.out, HasSubstr("La théorie du changement traite de la discrimination"));
  // The form's own wording and the checklist's provenance note follow the language too.
  EXPECT_THAT(french.out, HasSubstr("# Auto-évaluation : Liste de contrôle pour renforcer"));
  EXPECT_THAT(french.out, HasSubstr("| Élément | Question | Preuves tirées de | Niveau | Justification | Source |"));
  EXPECT_THAT(french.out, HasSubstr("Une reconstitution fondée sur des sources citées, et non le texte officiel"));
  EXPECT_THAT(french.out, HasSubstr(" | dossiers de l'équipe |"));
  EXPECT_EQ(run_cli({"self-assess", "template", "--lang", "de"}).exit_code, cli::k_exit_bad_input);
}

TEST_F(SelfAssessment, ScoreWithTheTeamsLevelsShowsOverAndUnderclaims) {
  const auto r = score_with(
      fill(m_form, {{"RDM-CCA-01", "missing,We have not profiled the groups yet,"},
                    {"RDM-CCA-05", "exceeds,All CERD recommendations are used,chapter 4"},
                    {"RDM-UNCT-01", "meets,Human rights thematic group with terms of reference,UNCT minutes 2024"}}));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("TEAM SELF-ASSESSMENT AND ENGINE"));
  EXPECT_THAT(r.out, HasSubstr("UNDERCLAIM RDM-CCA-01"));
  EXPECT_THAT(r.out, HasSubstr("Roma"));  // a quote the engine found
  EXPECT_THAT(r.out, HasSubstr("OVERCLAIM  RDM-CCA-05"));
  EXPECT_THAT(r.out, HasSubstr("Team: All CERD recommendations are used"));
  // The team item takes the team's level, marked, and is counted apart: never in the engine's figure.
  EXPECT_THAT(r.out, HasSubstr("Meets (self-reported)"));
  EXPECT_THAT(r.out, HasSubstr("1 of 15 applicable items"));
  EXPECT_THAT(r.out, HasSubstr("The team's own ratings: 2 of 3 items it rated at Meets or above"));

  // Stored: the report of the stored assessment shows them again.
  const auto md = run_cli({"report", "1", "--format", "md", "--db", (m_dir / "a.db").string()});
  ASSERT_EQ(md.exit_code, 0) << md.err;
  EXPECT_THAT(md.out, HasSubstr("## Team self-assessment and engine"));
  EXPECT_THAT(md.out, HasSubstr("### Overclaim: RDM-CCA-05"));
  EXPECT_THAT(md.out, HasSubstr("### Underclaim: RDM-CCA-01"));
  EXPECT_THAT(md.out, HasSubstr("(source: UNCT minutes 2024)"));
}

// A rescore (another checklist version, or the same one forced) keeps the team's ratings: the
// team item still counts at the team's level, and the claims are shown again.
TEST_F(SelfAssessment, RescoreCarriesTheTeamsRatingsOver) {
  ASSERT_EQ(score_with(fill(m_form, {{"RDM-CCA-05", "exceeds,All CERD recommendations are used,chapter 4"},
                                     {"RDM-UNCT-01", "meets,Human rights thematic group,UNCT minutes 2024"}}))
                .exit_code,
            0);
  fs::remove(m_dir / "draft.md");  // the database alone
  const std::string db = (m_dir / "a.db").string();
  const auto rescored = run_cli({"rescore", "--force", "--db", db, "--jobs", "1"});
  ASSERT_EQ(rescored.exit_code, 0) << rescored.err;
  EXPECT_THAT(rescored.out, HasSubstr("Rescored 1 documents with rdm-2021"));
  EXPECT_THAT(rescored.out, HasSubstr("1 scored, 0 skipped, 0 failed"));
  EXPECT_THAT(rescored.out, HasSubstr("0 items changed level in 0 of 1 documents"));
  const auto md = run_cli({"report", "2", "--format", "md", "--db", db});
  ASSERT_EQ(md.exit_code, 0) << md.err;
  EXPECT_THAT(md.out, HasSubstr("### Overclaim: RDM-CCA-05"));
  EXPECT_THAT(md.out, HasSubstr("(source: UNCT minutes 2024)"));
  EXPECT_THAT(md.out, HasSubstr("Meets (self-reported)"));
}

TEST_F(SelfAssessment, BadAnswersNameTheRowAndStoreNothing) {
  const auto unknown = score_with("item,level\nRDM-CCA-01,meets\nRDM-CCA-99,meets\n");
  EXPECT_EQ(unknown.exit_code, cli::k_exit_bad_input);
  EXPECT_THAT(unknown.err, HasSubstr("answers.csv:3"));
  EXPECT_THAT(unknown.err, HasSubstr("RDM-CCA-99: not in the checklist"));
  const auto level = score_with("item,level\nRDM-CCA-01,good\n");
  EXPECT_THAT(level.err, HasSubstr("answers.csv:2"));
  EXPECT_THAT(level.err, HasSubstr("unknown level \"good\""));
  const auto twice = score_with("item,level\nRDM-CCA-01,meets\nRDM-CCA-01,exceeds\n");
  EXPECT_THAT(twice.err, HasSubstr("rated twice (first on line 2)"));
  const auto not_applicable = score_with("item,level\nRDM-CF-01,meets\n");
  EXPECT_EQ(not_applicable.exit_code, cli::k_exit_bad_input);
  EXPECT_THAT(not_applicable.err, HasSubstr("answers.csv:2"));
  EXPECT_THAT(not_applicable.err, HasSubstr("RDM-CF-01 does not apply to this document"));
  const auto no_level = score_with("item,justification\nRDM-CCA-01,x\n");
  EXPECT_THAT(no_level.err, HasSubstr("no \"level\" column"));
  EXPECT_FALSE(fs::exists(m_dir / "a.db"));
}

// The form as a workbook: written with a list of levels, and read back from a filled-in copy.
TEST_F(SelfAssessment, XlsxFormIsWrittenAndAFilledCopyScores) {
  const auto written = run_cli(
      {"self-assess", "template", "--kind", "cca", "--format", "xlsx", "--out", (m_dir / "form.xlsx").string()});
  ASSERT_EQ(written.exit_code, 0) << written.err;
  const CsvTable blank = read_table(m_dir / "form.xlsx");
  EXPECT_EQ(blank.header, (std::vector<std::string>{"item", "section", "title", "question", "evidence_from", "level",
                                                    "justification", "source"}));
  EXPECT_EQ(blank.rows.size(), 15u + 8u);
  EXPECT_EQ(run_cli({"self-assess", "template", "--format", "xlsx"}).exit_code, cli::k_exit_bad_input);  // needs --out

  const auto r = run_cli({"score", (m_dir / "draft.md").string(), "--kind", "cca", "--self",
                          test::fixture("selfassess/form-filled.xlsx").string(), "--db", (m_dir / "a.db").string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("UNDERCLAIM RDM-CCA-01"));
  EXPECT_THAT(r.out, HasSubstr("OVERCLAIM  RDM-CCA-05"));
  EXPECT_THAT(r.out, HasSubstr("Meets (self-reported)"));
}

// The form in Spanish: its wording and the levels it offers are Spanish, and a copy filled in with
// those levels (short or in the UN scorecard's wording) scores like the English one.
TEST_F(SelfAssessment, TheFormInSpanishRoundTrips) {
  const auto form = run_cli({"self-assess", "template", "--kind", "cca", "--lang", "es"});
  ASSERT_EQ(form.exit_code, 0) << form.err;
  // The column names stay those the reader looks for; the section, title and question are Spanish.
  EXPECT_THAT(form.out, HasSubstr("item,section,title,question,evidence_from,level,justification,source\r\n"));
  EXPECT_THAT(form.out, HasSubstr("RDM-CCA-01,Análisis Común de País,"));
  EXPECT_THAT(form.out, HasSubstr(",registros del equipo,,,"));
  EXPECT_THAT(form.out, HasSubstr(",el documento,,,"));
  const auto r = score_with(fill(form.out, {{"RDM-CCA-01", "Ausente,Aún no hemos descrito los grupos,"},
                                            {"RDM-CCA-05", "Supera los requisitos mínimos,Se usan todas,capítulo 4"},
                                            {"RDM-UNCT-01", "cumple,Grupo temático de derechos humanos,Actas 2024"}}));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("UNDERCLAIM RDM-CCA-01"));
  EXPECT_THAT(r.out, HasSubstr("OVERCLAIM  RDM-CCA-05"));
  EXPECT_THAT(r.out, HasSubstr("Meets (self-reported)"));

  const auto md = run_cli({"self-assess", "template", "--kind", "cca", "--lang", "es", "--format", "md"});
  ASSERT_EQ(md.exit_code, 0) << md.err;
  EXPECT_THAT(md.out, HasSubstr("# Autoevaluación: Lista de verificación para fortalecer"));
  EXPECT_THAT(md.out, HasSubstr("Califique cada elemento Ausente, Se aproxima, Cumple o Supera"));
  EXPECT_THAT(md.out, HasSubstr("> Una reconstrucción basada en fuentes citadas, no el texto oficial"));
  EXPECT_THAT(md.out, HasSubstr("| Elemento | Pregunta | Pruebas tomadas de | Nivel | Justificación | Fuente |"));

  // The workbook: Spanish sheets, the Spanish levels to pick from, the same columns read back.
  const fs::path xlsx = m_dir / "formulario.xlsx";
  const auto written =
      run_cli({"self-assess", "template", "--kind", "cca", "--lang", "es", "--format", "xlsx", "--out", xlsx.string()});
  ASSERT_EQ(written.exit_code, 0) << written.err;
  const CsvTable blank = read_table(xlsx);
  EXPECT_EQ(blank.header, (std::vector<std::string>{"item", "section", "title", "question", "evidence_from", "level",
                                                    "justification", "source"}));
  EXPECT_EQ(blank.rows.size(), 15u + 8u);
  EXPECT_EQ(blank.field(blank.rows.at(0), blank.column("section")), "Análisis Común de País");
  const std::string bytes = test::read_bytes(xlsx);
  const ZipPackage package(bytes, xlsx, {}, "workbook");
  EXPECT_THAT(package.part("xl/workbook.xml").value_or(""), HasSubstr("name=\"Formulario\""));
  EXPECT_THAT(package.part("xl/workbook.xml").value_or(""), HasSubstr("name=\"Acerca de\""));
  EXPECT_THAT(package.part("xl/worksheets/sheet1.xml").value_or(""), HasSubstr("Ausente,Se aproxima,Cumple,Supera"));
}

TEST_F(SelfAssessment, ImportIntoAStoredAssessmentReplacesTheTeamsRatingsAndRescores) {
  const std::string db = (m_dir / "a.db").string();
  ASSERT_EQ(run_cli({"score", (m_dir / "draft.md").string(), "--kind", "cca", "--db", db}).exit_code, 0);
  const auto before = run_cli({"report", "1", "--db", db});
  EXPECT_THAT(before.out, HasSubstr("of 15 applicable items"));

  test::write_bytes(m_dir / "form.csv", fill(m_form, {{"RDM-CCA-01", "missing,not yet,"},
                                                      {"RDM-UNCT-01", "meets,thematic group,UNCT minutes 2024"},
                                                      {"RDM-UNCT-02", "approaches,one consultation,"}}));
  const auto imported = run_cli({"self-assess", "import", "1", (m_dir / "form.csv").string(), "--db", db});
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  EXPECT_THAT(imported.out, HasSubstr("3 items rated by the team; 0 overclaims, 1 underclaims"));
  const auto after = run_cli({"report", "1", "--db", db});
  EXPECT_THAT(after.out, HasSubstr("of 15 applicable items"));
  EXPECT_THAT(after.out, HasSubstr("The team's own ratings: 1 of 3 items it rated at Meets or above"));
  EXPECT_THAT(after.out, HasSubstr("UNDERCLAIM RDM-CCA-01"));

  // A second form replaces the first: one team item left, the scores follow.
  test::write_bytes(m_dir / "form.csv", fill(m_form, {{"RDM-UNCT-01", "exceeds,terms of reference,"}}));
  ASSERT_EQ(run_cli({"self-assess", "import", "1", (m_dir / "form.csv").string(), "--db", db}).exit_code, 0);
  const auto again = run_cli({"report", "1", "--db", db});
  EXPECT_THAT(again.out, HasSubstr("of 15 applicable items"));
  EXPECT_THAT(again.out, Not(HasSubstr("UNDERCLAIM")));
  EXPECT_THAT(again.out, HasSubstr("Exceeds (self-reported)"));

  // A rating that does not apply is refused with its row, and the stored ratings stay as they were.
  test::write_bytes(m_dir / "bad.csv", "item,level\nRDM-UNCT-02,meets\nRDM-CF-01,meets\n");
  const auto bad = run_cli({"self-assess", "import", "1", (m_dir / "bad.csv").string(), "--db", db});
  EXPECT_EQ(bad.exit_code, cli::k_exit_bad_input);
  EXPECT_THAT(bad.err, HasSubstr("bad.csv:3"));
  EXPECT_EQ(run_cli({"report", "1", "--db", db}).out, again.out);
  EXPECT_EQ(run_cli({"self-assess", "import", "9", (m_dir / "form.csv").string(), "--db", db}).exit_code,
            cli::k_exit_bad_input);
}

}  // namespace
}  // namespace unct
