#include "engine/workshop/session.hpp"
#include "engine/checklist/load.hpp"
#include "engine/core/csv.hpp"
#include "engine/core/error.hpp"
#include "engine/ingest/read.hpp"
#include "engine/rules/compiled.hpp"
#include "engine/store/store.hpp"
#include "engine/workshop/pack.hpp"

#include "tests/support/support.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <map>

namespace unct::workshop {
namespace {

using ::testing::HasSubstr;

const checklist::Checklist& bundled() {
  static const checklist::Checklist checklist = checklist::load_checklist(test::bundled_checklist());
  return checklist;
}

Pack test_pack() { return load_pack(test::fixture("workshop/pack.xml"), bundled()); }

std::string error_of(const std::string& xml) {
  try {
    load_pack_text(xml, "bad.xml", bundled());
  } catch (const InputError& e) {
    return e.what();
  }
  return "(no error)";
}

std::vector<Answer> answers(const std::string& csv) { return read_answers(parse_csv(csv, "sheet.csv"), test_pack()); }

std::string answer_error(const std::string& csv) {
  try {
    answers(csv);
  } catch (const InputError& e) {
    return e.what();
  }
  return "(no error)";
}

TEST(WorkshopPack, ReadsTheExcerptAndKeyDedented) {
  const Pack pack = test_pack();
  EXPECT_EQ(pack.id, "test-cca");
  EXPECT_EQ(pack.kind, DocumentKind::cca);
  EXPECT_FALSE(pack.draft_key);
  ASSERT_EQ(pack.key.size(), 4u);
  EXPECT_EQ(pack.key[0].item_id, "RDM-CCA-13");
  EXPECT_EQ(pack.key[3].level, Level::exceeds);
  EXPECT_EQ(pack.key[1].rationale, "Roma are named, but not profiled with data.");
  EXPECT_TRUE(
      pack.excerpt.starts_with("# Republic of Examplia: Common Country Analysis 2025\n\n## 2. Who is left behind\n"));
  EXPECT_EQ(excerpt_document(pack).title, "Republic of Examplia: Common Country Analysis 2025");
}

TEST(WorkshopPack, WritesXmlThatReadsBackTheSame) {
  Pack pack = test_pack();
  pack.draft_key = true;
  const Pack again = load_pack_text(pack_xml(pack), pack.path, bundled());
  EXPECT_EQ(again.excerpt, pack.excerpt);
  EXPECT_EQ(again.key.size(), pack.key.size());
  for (std::size_t i = 0; i < pack.key.size(); ++i) {
    EXPECT_EQ(again.key[i].item_id, pack.key[i].item_id);
    EXPECT_EQ(again.key[i].level, pack.key[i].level);
    EXPECT_EQ(again.key[i].rationale, pack.key[i].rationale);
  }
  EXPECT_TRUE(again.draft_key);
  EXPECT_EQ(again.title, pack.title);
}

TEST(WorkshopPack, ProblemsNameTheLineAndItem) {
  const std::string good = test::read_bytes(test::fixture("workshop/pack.xml"));
  auto with = [&](const std::string& from, const std::string& to) {
    std::string xml = good;
    xml.replace(xml.find(from), from.size(), to);
    return xml;
  };
  EXPECT_THAT(error_of(with("RDM-CCA-05", "RDM-CF-05")),
              HasSubstr("bad.xml:30: item RDM-CF-05: does not apply to a Common Country Analysis"));
  EXPECT_THAT(error_of(with("RDM-CCA-05", "RDM-UNCT-01")),
              HasSubstr("item RDM-UNCT-01: needs the country team's records"));
  EXPECT_THAT(error_of(with("RDM-CCA-05", "RDM-CCA-99")), HasSubstr("item RDM-CCA-99: not in the checklist rdm-2021"));
  EXPECT_THAT(error_of(with("RDM-CCA-05", "RDM-CCA-04")),
              HasSubstr("bad.xml:30: item RDM-CCA-04: keyed twice (first on line 27)"));
  EXPECT_THAT(error_of(with("level=\"meets\"", "level=\"good\"")),
              HasSubstr("bad.xml:27:5: element 'answer', attribute 'level'"));
  EXPECT_THAT(error_of(with("checklist=\"rdm-2021\"", "checklist=\"other\"")),
              HasSubstr("for the checklist \"other\""));
  EXPECT_THAT(error_of(with("<key status=\"reviewed\">", "<key>")),
              HasSubstr("bad.xml:20:3: element 'key': The attribute 'status' is required"));
  EXPECT_THAT(error_of("<pack"), HasSubstr("bad.xml:1"));
}

// The packs trainers get with the program: at least three in English and one in French or
// Spanish, each keyed by hand (not the engine's draft), each excerpt readable by the engine.
TEST(WorkshopPack, BundledPacksLoadWithReviewedKeys) {
  std::map<std::string, int> languages;
  for (const auto& entry : std::filesystem::directory_iterator(test::source_file("samples/workshop"))) {
    if (entry.path().extension() != ".xml") continue;
    const Pack pack = load_pack(entry.path(), bundled());
    SCOPED_TRACE(entry.path().filename().string());
    EXPECT_FALSE(pack.draft_key);
    EXPECT_GE(pack.key.size(), 3u);
    EXPECT_FALSE(pack.instructions.empty());
    for (const KeyAnswer& k : pack.key) EXPECT_FALSE(k.rationale.starts_with("Engine draft")) << k.item_id;
    EXPECT_EQ(excerpt_document(pack).language, pack.lang);
    ++languages[pack.lang];
  }
  EXPECT_GE(languages["en"], 3);
  EXPECT_GE(languages["fr"] + languages["es"], 1);
}

TEST(WorkshopAnswers, ErrorsNameTheRow) {
  EXPECT_THAT(answer_error("participant,item,level\nAmina,RDM-CCA-09,meets\n"),
              HasSubstr("sheet.csv:2: Amina: item RDM-CCA-09 is not in the exercise test-cca (its items: RDM-CCA-13, "
                        "RDM-CCA-01, RDM-CCA-04, RDM-CCA-05)"));
  EXPECT_THAT(answer_error("participant,item,level\nAmina,RDM-CCA-01,meets\n,RDM-CCA-04,meets\n"),
              HasSubstr("sheet.csv:3: no participant's name"));
  EXPECT_THAT(answer_error("participant,item,level\nAmina,RDM-CCA-01,great\n"),
              HasSubstr("sheet.csv:2: Amina: item RDM-CCA-01: unknown level \"great\""));
  EXPECT_THAT(answer_error("participant,item,level\nAmina,RDM-CCA-01,meets\nAmina,RDM-CCA-01,missing\n"),
              HasSubstr("sheet.csv:3: Amina answered RDM-CCA-01 twice (first on line 2)"));
  EXPECT_THAT(answer_error("name,item,level\n"), HasSubstr("sheet.csv:1: no \"participant\" column"));
  // A blank row and a level left empty are not errors: the participant skipped the item.
  EXPECT_EQ(answers("participant,item,level\n,,\nAmina,RDM-CCA-01,\nAmina,RDM-CCA-04,Meets\n").size(), 1u);
}

// A sheet filled in from a French or Spanish handout: the level names as the handouts print them,
// short or in the UN scorecard's wording, in any case, beside the English codes.
TEST(WorkshopAnswers, LevelsAreReadInFrenchAndSpanish) {
  const std::vector<Answer> read = answers(
      "participant,item,level\n"
      "Amina,RDM-CCA-13,Répond\nAmina,RDM-CCA-01,S’approche\nAmina,RDM-CCA-04,DÉPASSE LES EXIGENCES MINIMALES\n"
      "Ben,RDM-CCA-13,Cumple\nBen,RDM-CCA-01,se aproxima a los requisitos mínimos\nBen,RDM-CCA-04,Ausente\n"
      "Chloé,RDM-CCA-13,manquant\nChloé,RDM-CCA-01,exceeds\n");
  std::vector<Level> levels;
  for (const Answer& a : read) levels.push_back(a.level);
  EXPECT_EQ(levels, (std::vector<Level>{Level::meets, Level::approaches, Level::exceeds, Level::meets,
                                        Level::approaches, Level::missing, Level::missing, Level::exceeds}));
  // Accents as written: "Repond" is no level of any language.
  EXPECT_THAT(answer_error("participant,item,level\nAmina,RDM-CCA-01,Repond\n"),
              HasSubstr("sheet.csv:2: Amina: item RDM-CCA-01: unknown level \"Repond\": use Missing, Approaches, "
                        "Meets or Exceeds, in English, French or Spanish"));
}

TEST(WorkshopSession, SameParticipantAndItemInTwoSheetsIsRefused) {
  std::vector<Answer> all = answers("participant,item,level\nAmina,RDM-CCA-01,meets\n");
  all.push_back(all.front());
  all.back().file = "other.csv";
  all.back().line = 7;
  EXPECT_THROW(make_session(test_pack(), bundled(), all, {}, "", ""), InputError);
  EXPECT_THROW(make_session(test_pack(), bundled(), {}, {}, "", ""), InputError);
}

// The figures of the fixtures, worked out by hand (quadratic weights w = (i - j)^2, kappa =
// 1 - sum(w * observed) / sum(w * expected)):
//   key     13 Missing, 01 Approaches, 04 Meets, 05 Exceeds
//   Amina   Missing, Approaches, Meets, Exceeds: 4 of 4 exact, kappa 1.
//   Ben     Approaches, Approaches, Meets, Meets: 2 of 4 exact, 4 within one;
//           observed (1 + 1) / 4 = 0.5; expected 0.25 x (0.5 x 6 + 0.5 x 6) = 1.5; kappa 2/3.
//   Chloé   Exceeds, (left out), Missing, Exceeds: 1 of 3 exact, 1 within one;
//           observed (9 + 4) / 3; expected 11/3; kappa 1 - 13/11 = -2/11.
//   Room    11 answers, 7 exact, 9 within one; observed 15/11; expected 301/121; kappa 136/301.
TEST(WorkshopSession, DebriefFiguresMatchTheHandComputedOnes) {
  const Pack pack = test_pack();
  std::vector<Answer> all = read_answers(read_csv(test::fixture("workshop/amina.csv")), pack);
  const std::vector<Answer> room = read_answers(read_csv(test::fixture("workshop/room.csv")), pack);
  all.insert(all.end(), room.begin(), room.end());
  const Debrief d =
      debrief(make_session(pack, bundled(), all, {{"RDM-CCA-13", Level::missing}}, "Cohort A", "2026-11-23T10:00:00Z"));

  ASSERT_EQ(d.participants.size(), 3u);
  EXPECT_EQ(d.participants[0].name, "Amina");
  EXPECT_EQ(d.participants[0].agreement.exact, 4u);
  EXPECT_NEAR(*d.participants[0].agreement.kappa, 1.0, 1e-9);
  EXPECT_EQ(d.participants[1].name, "Ben");
  EXPECT_EQ(d.participants[1].agreement.exact, 2u);
  EXPECT_EQ(d.participants[1].agreement.within_one, 4u);
  EXPECT_NEAR(*d.participants[1].agreement.kappa, 2.0 / 3.0, 1e-9);
  EXPECT_EQ(d.participants[2].name, "Chloé");
  EXPECT_EQ(d.participants[2].answered, 3u);
  EXPECT_EQ(d.participants[2].agreement.exact, 1u);
  EXPECT_EQ(d.participants[2].agreement.within_one, 1u);
  EXPECT_NEAR(*d.participants[2].agreement.kappa, -2.0 / 11.0, 1e-9);
  EXPECT_EQ(d.room.count, 11u);
  EXPECT_EQ(d.room.exact, 7u);
  EXPECT_EQ(d.room.within_one, 9u);
  EXPECT_NEAR(*d.room.kappa, 136.0 / 301.0, 1e-9);

  // Per item: the spread, and the discussion points, most disagreement first.
  ASSERT_EQ(d.items.size(), 4u);
  EXPECT_EQ(d.items[0].answers, (std::array<std::size_t, 4>{1, 1, 0, 1}));
  EXPECT_NEAR(d.items[0].mean_distance, 4.0 / 3.0, 1e-9);
  EXPECT_EQ(d.items[1].answers, (std::array<std::size_t, 4>{0, 2, 0, 0}));
  EXPECT_EQ(d.items[2].answers, (std::array<std::size_t, 4>{1, 0, 2, 0}));
  EXPECT_EQ(d.discussion, (std::vector<std::size_t>{0, 2, 3}));  // 13 (33%), 04 (67%, 0.7 away), 05 (67%, 0.3 away)
  const std::vector<AnswerNote> notes{
      {.participant = "Ben", .level = Level::approaches, .note = "the census is mentioned"}};
  EXPECT_EQ(d.items[0].notes, notes);
  ASSERT_TRUE(d.engine.has_value());
  EXPECT_EQ(d.engine->count, 1u);
  EXPECT_FALSE(d.items[1].engine.has_value());
}

TEST(WorkshopSession, StoredSessionLoadsBackEqualAndCohortsCompare) {
  const Pack pack = test_pack();
  const std::vector<Answer> first = read_answers(read_csv(test::fixture("workshop/amina.csv")), pack);
  const std::vector<Answer> second = read_answers(read_csv(test::fixture("workshop/room.csv")), pack);
  test::TempDir dir;
  store::Store store(dir / "w.db");
  Session a =
      make_session(pack, bundled(), first, {{"RDM-CCA-04", Level::approaches}}, "Geneva", "2026-11-01T09:00:00Z");
  a.id = store.workshop().save(a);
  Session b = make_session(pack, bundled(), second, {}, "Nairobi", "2026-11-20T09:00:00Z");
  b.id = store.workshop().save(b);
  EXPECT_EQ(store.workshop().load(a.id), a);
  EXPECT_EQ(store.workshop().sessions("test-cca").size(), 2u);
  EXPECT_TRUE(store.workshop().sessions("other").empty());
  EXPECT_THROW(store.workshop().load(99), InputError);

  const CohortComparison c = compare_cohorts({debrief(a), debrief(b)});
  ASSERT_EQ(c.items.size(), 4u);
  EXPECT_EQ(c.items[1].item_id, "RDM-CCA-01");
  EXPECT_EQ(c.items[1].exact_share[0], 1.0);           // Amina
  EXPECT_EQ(c.items[1].exact_share[1], 1.0);           // Ben; Chloé left it out
  EXPECT_NEAR(*c.items[2].exact_share[1], 0.5, 1e-9);  // RDM-CCA-04: Ben on the key, Chloé not
  EXPECT_THROW(compare_cohorts({debrief(a)}), InputError);
}

// The engine names the option at fault by its field and leaves the flag to the front end, which
// knows whether it is a command-line flag or a form field.
TEST(WorkshopDraft, ErrorsNameTheFieldNotAFlag) {
  const ingest::Document document = ingest::read_document(test::source_file("samples/cca-norvania-2024.docx"));
  const rules::CompiledChecklist compiled = rules::compile(bundled());
  auto field_of = [&](const DraftOptions& options) {
    try {
      draft_pack(bundled(), compiled, document, options);
    } catch (const InputError& e) {
      EXPECT_THAT(e.message(), ::testing::Not(HasSubstr("--"))) << e.message();
      return e.where().field;
    }
    return std::string("no error");
  };
  EXPECT_EQ(field_of({}), "items");
  EXPECT_EQ(field_of({.items = {"RDM-CCA-04", "RDM-CCA-04"}}), "items");
  EXPECT_EQ(field_of({.items = {"RDM-CCA-04"}, .sections = {"no such heading"}}), "sections");
  EXPECT_EQ(field_of({.items = {"RDM-CCA-04"}, .id = "my pack"}), "id");
}

}  // namespace
}  // namespace unct::workshop
