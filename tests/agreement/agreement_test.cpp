#include "engine/agreement/agreement.hpp"

#include "engine/core/error.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace unct::agreement {
namespace {

using ::testing::HasSubstr;
using ::testing::ThrowsMessage;

constexpr Level M = Level::missing, A = Level::approaches, Me = Level::meets, E = Level::exceeds;

// By hand: one disagreement one level apart (weight 1/9). Gold totals 1,1,1,1; engine totals
// 1,2,0,1; expected weighted disagreement = (11 + 5 + 7 + 17) / (9 x 4) = 10/9; kappa =
// 1 - (1/9) / (10/9) = 0.9.
TEST(Agreement, QuadraticKappaByHand) {
  const Agreement a = measure({{M, M}, {A, A}, {Me, A}, {E, E}});
  EXPECT_EQ(a.count, 4u);
  EXPECT_EQ(a.exact, 3u);
  EXPECT_EQ(a.within_one, 4u);
  ASSERT_TRUE(a.kappa);
  EXPECT_NEAR(*a.kappa, 0.9, 1e-12);
  EXPECT_EQ(a.confusion[2][1], 1u);
  EXPECT_DOUBLE_EQ(a.exact_share(), 0.75);
}

// A Missing-for-Exceeds slip weighs nine times a one-level one: gold 0,3 engine 3,0 is the worst
// possible, below chance.
TEST(Agreement, OppositeRatingsGiveNegativeKappa) {
  const Agreement a = measure({{M, E}, {E, M}});
  EXPECT_EQ(a.within_one, 0u);
  ASSERT_TRUE(a.kappa);
  EXPECT_NEAR(*a.kappa, -1.0, 1e-12);
}

TEST(Agreement, KappaIsUndefinedWhenEveryRatingIsTheSame) {
  const Agreement a = measure({{A, A}, {A, A}});
  EXPECT_EQ(a.exact, 2u);
  EXPECT_FALSE(a.kappa);
  EXPECT_FALSE(measure({}).kappa);
}

TEST(Ratings, ReadsItemLevelAndRationale) {
  const auto r = read_ratings(parse_csv("item,level,rationale\nRDM-CCA-01,Meets,\"named, with data\"\n", "g.gold.csv"));
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0], (Rating{.item_id = "RDM-CCA-01", .level = Me, .rationale = "named, with data", .line = 2}));
}

TEST(Ratings, ErrorsNameTheFileLineAndItem) {
  EXPECT_THAT([] { read_ratings(parse_csv("item,level,rationale\nRDM-CCA-01,great,x\n", "g.csv")); },
              ThrowsMessage<InputError>(HasSubstr("g.csv:2: item RDM-CCA-01: unknown level \"great\"")));
  EXPECT_THAT(
      [] { read_ratings(parse_csv("item,level,rationale\nRDM-CCA-01,meets,x\nRDM-CCA-01,missing,y\n", "g.csv")); },
      ThrowsMessage<InputError>(HasSubstr("g.csv:3: item RDM-CCA-01: rated twice (first on line 2)")));
  EXPECT_THAT([] { read_ratings(parse_csv("item,rating\nRDM-CCA-01,meets\n", "g.csv")); },
              ThrowsMessage<InputError>(HasSubstr("g.csv:1: no \"level\" column")));
}

}  // namespace
}  // namespace unct::agreement
