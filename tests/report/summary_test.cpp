#include "engine/report/summary.hpp"

#include <gtest/gtest.h>

namespace unct::report {
namespace {

rules::ItemResult item(std::string id, Level level, double weight = 1.0) {
  rules::ItemResult r;
  r.item_id = std::move(id);
  r.level = level;
  r.weight = weight;
  return r;
}

std::vector<std::string> ids(const std::vector<const rules::ItemResult*>& items) {
  std::vector<std::string> out;
  for (const rules::ItemResult* i : items) out.push_back(i->item_id);
  return out;
}

TEST(Summary, MissingBeforeApproachesThenHeavierFirstThenChecklistOrder) {
  Assessment a;
  a.items = {item("A", Level::approaches, 1), item("B", Level::missing, 1), item("C", Level::approaches, 2),
             item("D", Level::meets),         item("E", Level::missing, 1), item("F", Level::exceeds)};
  const Summary s = summarise(a);
  EXPECT_EQ(ids(s.priorities), (std::vector<std::string>{"B", "E", "C", "A"}));
  EXPECT_EQ(ids(s.meeting), (std::vector<std::string>{"D", "F"}));
  EXPECT_EQ(s.engine.applicable, 6u);
  EXPECT_EQ(s.engine.at_meets_or_above, 2u);
}

TEST(Summary, TheTeamsLevelsNeverMoveTheEnginesFigure) {
  Assessment a;
  a.items = {item("A", Level::missing), item("T1", Level::exceeds), item("T2", Level::missing),
             item("N", Level::missing)};
  a.items[1].external = true;  // rated by the team from its records
  a.items[2].external = true;  // not rated: not assessable
  a.items[2].applicable = false;
  a.items[3].applicable = false;
  a.self = {SelfRating{.item_id = "A", .level = Level::meets}, SelfRating{.item_id = "T1", .level = Level::exceeds}};
  const Summary s = summarise(a);
  EXPECT_EQ(s.engine.applicable, 1u);
  EXPECT_EQ(s.engine.at_meets_or_above, 0u);
  ASSERT_TRUE(s.team.has_value());
  EXPECT_EQ(s.team->rated, 2u);
  EXPECT_EQ(s.team->at_meets_or_above, 2u);
  EXPECT_EQ(ids(s.priorities), (std::vector<std::string>{"A"}));
  EXPECT_EQ(ids(s.self_reported), (std::vector<std::string>{"T1"}));
  EXPECT_EQ(ids(s.not_assessable), (std::vector<std::string>{"T2"}));
  EXPECT_EQ(ids(s.not_applicable), (std::vector<std::string>{"N"}));
  // The stored overall agrees: the team's level is never in it either.
  Score overall;
  for (const rules::ItemResult& r : a.items) add_to(overall, r);
  EXPECT_EQ(overall, s.engine);
}

}  // namespace
}  // namespace unct::report
