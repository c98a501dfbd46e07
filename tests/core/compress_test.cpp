#include "engine/core/compress.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <functional>
#include <future>
#include <stdexcept>
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

// Each thread decompresses with a context of its own, kept from call to call: a frame it refused
// leaves nothing behind for the next, and threads decompressing at once each get their own text.
TEST(Compress, AFrameAfterADamagedOneIsReadWholeAndThreadsKeepApart) {
  const std::string text = sample_text();
  const std::string frame = zstd_compress(text);
  const std::string other = zstd_compress(text.substr(0, 5000) + "tail");
  std::string damaged = frame;
  damaged[damaged.size() / 2] = static_cast<char>(damaged[damaged.size() / 2] ^ 0x5A);
  EXPECT_FALSE(zstd_decompress(damaged, text.size()));
  EXPECT_FALSE(zstd_decompress(frame.substr(0, frame.size() - 7), text.size()));
  EXPECT_EQ(zstd_decompress(other, text.size()), text.substr(0, 5000) + "tail");
  EXPECT_EQ(zstd_decompress(frame, text.size()), text);

  auto read_often = [&](const std::string& which, const std::string& expected) {
    int right = 0;
    for (int i = 0; i < 50; ++i) right += zstd_decompress(which, text.size()) == expected ? 1 : 0;
    return right;
  };
  auto beside = std::async(std::launch::async, read_often, std::cref(other), text.substr(0, 5000) + "tail");
  EXPECT_EQ(read_often(frame, text), 50);
  EXPECT_EQ(beside.get(), 50);
}

// Made from pieces, the frame is one zstd_decompress reads (it records the content's size); pieces
// that do not add up to the declared size are an error, not a frame.
TEST(Compress, FrameWriterTakesTheContentInPieces) {
  const std::string text = sample_text();
  ZstdFrameWriter writer(text.size());
  for (std::size_t at = 0; at < text.size(); at += 1000) writer.add(std::string_view(text).substr(at, 1000));
  const std::string frame = writer.finish();
  EXPECT_TRUE(is_zstd_frame(frame));
  EXPECT_LT(frame.size() * 5, text.size());
  EXPECT_EQ(zstd_decompress(frame, text.size()), text);

  ZstdFrameWriter short_of(text.size() + 1);
  short_of.add(text);
  EXPECT_THROW(short_of.finish(), std::runtime_error);
  ZstdFrameWriter over(text.size() - 1);
  EXPECT_THROW(
      {
        over.add(text);
        over.finish();
      },
      std::runtime_error);
}

// The frame's room out is bounded by what the whole frame can take, not a block's 128 KB: small
// frames and frames of content that does not compress (which grow past what one piece left room
// for) come out whole either way.
TEST(Compress, FrameWriterGrowsPastItsFirstRoomForContentThatDoesNotCompress) {
  std::string noise(300 * 1000, '\0');
  std::uint64_t state = 2021;
  for (char& c : noise) {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    c = static_cast<char>(state >> 56);
  }
  for (const std::size_t size : {std::size_t{0}, std::size_t{1}, std::size_t{700}, noise.size()}) {
    const std::string_view content = std::string_view(noise).substr(0, size);
    ZstdFrameWriter writer(content.size());
    for (std::size_t at = 0; at < content.size(); at += 4096) writer.add(content.substr(at, 4096));
    const std::string frame = writer.finish();
    EXPECT_GT(frame.size(), content.size()) << size;  // noise does not shrink: the frame adds its header
    EXPECT_EQ(zstd_decompress(frame, content.size()), content) << size;
  }
}

}  // namespace
}  // namespace unct
