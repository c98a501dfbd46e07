// Translations: reports are written in the document's language, so every item of the bundled
// checklist carries its title, question, gap and every criterion's sentence in French and Spanish,
// and the checklist its title, provenance note and section titles;
// the loader refuses a wording of a criterion the item does not have, or of one it already worded;
// lint warns about a declared language left partly in English; and where a wording is missing, the
// English sentence is shown.

#include "engine/checklist/lint.hpp"
#include "engine/checklist/load.hpp"
#include "engine/report/localise.hpp"
#include "tests/support/support.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

namespace unct::checklist {
namespace {

using test::fixture;
using ::testing::Contains;
using ::testing::HasSubstr;

std::string problem(const std::string& name) {
  try {
    load_checklist(fixture("checklist/" + name));
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

const CriterionText* wording(const Translation& translation, const std::string& id) {
  const auto found = std::find_if(translation.criteria.begin(), translation.criteria.end(),
                                  [&](const CriterionText& c) { return c.id == id; });
  return found == translation.criteria.end() ? nullptr : &*found;
}

TEST(Translations, EveryItemHasItsWholeTextInFrenchAndSpanish) {
  const Checklist checklist = load_checklist(test::bundled_checklist());
  std::size_t worded = 0;
  for (const Section& section : checklist.sections) {
    for (const Item& item : section.items) {
      for (const std::string lang : {"fr", "es"}) {
        const Translation* t = find_translation(item, lang);
        if (t == nullptr) {
          ADD_FAILURE() << item.id << ": no translation into \"" << lang << "\"";
          continue;
        }
        EXPECT_FALSE(t->title.empty()) << item.id << ": no " << lang << " title";
        EXPECT_FALSE(t->question.empty()) << item.id << ": no " << lang << " question";
        EXPECT_FALSE(t->gap.empty()) << item.id << ": no " << lang << " gap";
        for (const Criterion& criterion : item.criteria) {
          const CriterionText* c = wording(*t, criterion.id);
          if (c == nullptr || c->text.empty()) {
            ADD_FAILURE() << item.id << ": criterion \"" << criterion.id << "\" has no " << lang << " wording";
            continue;
          }
          // A sentence copied from the English and never translated would pass for one.
          EXPECT_NE(c->text, criterion.text)
              << item.id << ": criterion \"" << criterion.id << "\" reads the same in " << lang << " as in English";
          ++worded;
        }
      }
    }
  }
  EXPECT_EQ(worded, 2 * 196u);  // 196 criteria, each in French and in Spanish
}

// A report opens with the checklist's title, its provenance note and the section titles: they too
// are in French and Spanish, and the note still says plainly that the text is a reconstruction.
TEST(Translations, TheChecklistsTitleProvenanceAndSectionsAreInFrenchAndSpanish) {
  const Checklist checklist = load_checklist(test::bundled_checklist());
  const std::map<std::string, std::vector<std::string>> reconstruction{
      {"fr", {"reconstitution", "non le texte officiel"}}, {"es", {"reconstrucción", "no el texto oficial"}}};
  for (const std::string lang : {"fr", "es"}) {
    const auto meta = std::find_if(checklist.meta.translations.begin(), checklist.meta.translations.end(),
                                   [&](const MetaTranslation& t) { return t.lang == lang; });
    if (meta == checklist.meta.translations.end()) {
      ADD_FAILURE() << "the checklist's title and provenance have no translation into \"" << lang << "\"";
    } else {
      EXPECT_NE(meta->title, checklist.meta.title) << lang;
      EXPECT_NE(meta->provenance, checklist.meta.provenance) << lang;
      for (const std::string& words : reconstruction.at(lang)) EXPECT_THAT(meta->provenance, HasSubstr(words)) << lang;
      EXPECT_EQ(title_in(checklist.meta, lang), meta->title);
      EXPECT_EQ(provenance_in(checklist.meta, lang), meta->provenance);
    }
    for (const Section& section : checklist.sections) {
      EXPECT_NE(title_in(section, lang), section.title)
          << "section " << section.id << " has no title in \"" << lang << "\"";
    }
  }
  EXPECT_EQ(title_in(checklist.sections.at(1), "fr"), "Plan-cadre de coopération");
  EXPECT_EQ(title_in(checklist.sections.at(0), "es"), "Análisis Común de País");
  EXPECT_EQ(title_in(checklist.sections.at(0), "en"), "Common Country Analysis");
  EXPECT_EQ(provenance_in(checklist.meta, "de"), checklist.meta.provenance);
}

// What a report opens with follows its language: the checklist's title and note, and the sections.
TEST(Translations, AReportInFrenchNamesTheChecklistAndItsSectionsInFrench) {
  const Checklist checklist = load_checklist(test::bundled_checklist());
  Assessment assessment;
  assessment.document.language = "fr";
  assessment.checklist = {.id = checklist.meta.id,
                          .version = checklist.meta.version,
                          .title = checklist.meta.title,
                          .sha256 = checklist.sha256,
                          .provenance = checklist.meta.provenance};
  for (const Section& section : checklist.sections) assessment.sections.push_back({section.id, section.title, {}});
  const report::Localised french = report::localise(assessment, &checklist, "");
  EXPECT_EQ(french.assessment.checklist.title, title_in(checklist.meta, "fr"));
  EXPECT_THAT(french.assessment.checklist.provenance, HasSubstr("Une reconstitution"));
  EXPECT_EQ(french.assessment.sections.at(0).title, "Bilan commun de pays");
  const report::Localised spanish = report::localise(assessment, &checklist, "es");
  EXPECT_EQ(spanish.assessment.sections.at(1).title, "Marco de Cooperación");
  const report::Localised english = report::localise(assessment, &checklist, "en");
  EXPECT_EQ(english.assessment, assessment);
}

TEST(Translations, RejectsASecondTranslationOfTheChecklistOrASectionIntoOneLanguage) {
  const std::filesystem::path path = fixture("checklist/translated.xml");
  const std::string xml = test::read_bytes(path);
  // The fixture with `twice` written twice after `after`.
  const auto refused = [&](const std::string& after, const std::string& twice) {
    std::string changed = xml;
    changed.replace(changed.find(after) + after.size(), 0, twice + twice);
    try {
      load_checklist_text(changed, path);
    } catch (const InputError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_THAT(
      refused("</languages>", "<translation lang=\"fr\"><title>T</title><provenance>P</provenance></translation>"),
      HasSubstr("translated.xml:9:112: meta: second translation into \"fr\""));
  EXPECT_THAT(refused("title=\"CCA\">", "<translation lang=\"fr\"><title>BCP</title></translation>"),
              HasSubstr("section \"cca\": second translation into \"fr\""));
}

TEST(Translations, CriterionTextFallsBackToEnglishWhereNotWorded) {
  const Checklist checklist = load_checklist(fixture("checklist/translated.xml"));
  const Item& item = checklist.sections.at(0).items.at(0);
  ASSERT_EQ(find_translation(item, "fr")->criteria,
            (std::vector<CriterionText>{{"named", "nomme un groupe"}, {"two", "nomme deux groupes"}}));
  EXPECT_EQ(criterion_text_in(item, *find_criterion(item, "named"), "fr"), "nomme un groupe");
  EXPECT_EQ(criterion_text_in(item, *find_criterion(item, "discrimination"), "fr"), "links a group to discrimination");
  EXPECT_EQ(criterion_text_in(item, *find_criterion(item, "named"), "en"), "names a group");
  EXPECT_EQ(criterion_text_in(item, *find_criterion(item, "named"), "es"), "names a group");
}

TEST(Translations, RejectsWordingOfUnknownCriterion) {
  EXPECT_THAT(problem("translation_unknown_criterion.xml"),
              HasSubstr("translation_unknown_criterion.xml:49:9: item T-01: translation into \"fr\" words unknown "
                        "criterion \"tow\" (did you mean \"two\"?)"));
}

TEST(Translations, RejectsCriterionWordedTwice) {
  EXPECT_THAT(problem("translation_criterion_twice.xml"),
              HasSubstr("translation_criterion_twice.xml:49:9: item T-01: translation into \"fr\" words criterion "
                        "\"named\" twice"));
}

TEST(Translations, LintWarnsAboutCriteriaAndGapLeftInEnglish) {
  const std::filesystem::path path = fixture("checklist/translated.xml");
  const Checklist checklist = load_checklist(path);
  const std::vector<LintWarning> w = lint(checklist);
  EXPECT_THAT(w, Contains(LintWarning{path, 29, "T-01",
                                      "translation into \"fr\" does not word criterion \"discrimination\": the "
                                      "English one is shown"}));
  Checklist without_gap = checklist;
  without_gap.sections[0].items[0].translations[0].gap.clear();
  EXPECT_THAT(lint(without_gap),
              Contains(LintWarning{path, 29, "T-01", "translation into \"fr\" has no gap: the English one is shown"}));
}

}  // namespace
}  // namespace unct::checklist
