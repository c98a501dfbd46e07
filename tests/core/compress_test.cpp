#include "engine/core/compress.hpp"

#include <gtest/gtest.h>

#include <string>

namespace unct {
namespace {

std::string sample_text() {
  std::string text;
  for (int i = 0; i < 2000; ++i)
    text += "{\"text\":\"Roma and Sinti face discrimination in schools\",\"page\":" + std::to_string(i) + "},";
  return text;
}

TEST(Compress, RoundTripsAndShrinksText) {
  const std::string text = sample_text();
  const std::string frame = zstd_compress(text);
  EXPECT_TRUE(is_zstd_frame(frame));
  EXPECT_LT(frame.size() * 5, text.size());
  EXPECT_EQ(zstd_decompress(frame, text.size()), text);
  EXPECT_EQ(zstd_decompress(zstd_compress(""), 0), "");
}

TEST(Compress, RefusesWhatIsNotAWholeFrameWithinTheLimit) {
  const std::string text = sample_text();
  const std::string frame = zstd_compress(text);
  EXPECT_FALSE(is_zstd_frame(text));
  EXPECT_FALSE(zstd_decompress(text, text.size()));                               // not a frame
  EXPECT_FALSE(zstd_decompress(frame.substr(0, frame.size() / 2), text.size()));  // truncated
  EXPECT_FALSE(zstd_decompress(frame, text.size() - 1));                          // over the limit
  std::string damaged = frame;
  damaged[damaged.size() / 2] = static_cast<char>(damaged[damaged.size() / 2] ^ 0x5A);
  EXPECT_FALSE(zstd_decompress(damaged, text.size()));  // its checksum no longer matches
}

}  // namespace
}  // namespace unct
