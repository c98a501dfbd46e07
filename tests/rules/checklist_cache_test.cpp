#include "engine/rules/checklist_cache.hpp"

#include "engine/assess/assess.hpp"
#include "engine/checklist/load.hpp"
#include "engine/ingest/read.hpp"
#include "tests/support/support.hpp"

#include <gtest/gtest.h>
#include <re2/re2.h>

#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <thread>

namespace unct::rules {
namespace {

std::vector<std::string> regex_patterns(const CompiledChecklist& compiled) {
  std::vector<std::string> out;
  for (const auto& regex : compiled.regexes) out.push_back(regex->pattern());
  return out;
}

// Every member of the compiled form; the regular expressions by their patterns (they are made
// again from them, so the pointers differ).
void expect_same(const CompiledChecklist& a, const CompiledChecklist& b) {
  EXPECT_TRUE(a.matcher == b.matcher);
  EXPECT_TRUE(a.owners == b.owners);
  EXPECT_EQ(a.languages, b.languages);
  EXPECT_EQ(a.set_ids, b.set_ids);
  EXPECT_EQ(a.set_index, b.set_index);
  EXPECT_EQ(a.members, b.members);
  EXPECT_EQ(a.includes, b.includes);
  EXPECT_EQ(a.context, b.context);
  EXPECT_EQ(a.polarity_read, b.polarity_read);
  EXPECT_EQ(a.negation_word, b.negation_word);
  EXPECT_EQ(a.parts, b.parts);
  EXPECT_EQ(regex_patterns(a), regex_patterns(b));
  EXPECT_EQ(a.regex_index, b.regex_index);
}

// The bundled checklist copied into a folder of the test's own, so that it can be edited.
std::filesystem::path copy_bundled(const test::TempDir& dir) {
  const std::filesystem::path from = test::bundled_checklist();
  std::filesystem::copy(from, dir / "rdm-2021.xml");
  std::filesystem::copy(from.parent_path() / "rdm-2021", dir / "rdm-2021", std::filesystem::copy_options::recursive);
  return dir / "rdm-2021.xml";
}

// The only entry the cache folder holds.
std::filesystem::path only_entry(const std::filesystem::path& cache) {
  std::vector<std::filesystem::path> entries;
  for (const auto& entry : std::filesystem::directory_iterator(cache)) entries.push_back(entry.path());
  EXPECT_EQ(entries.size(), 1u);
  return entries.empty() ? std::filesystem::path() : entries.front();
}

std::vector<Level> levels(const Assessment& assessment) {
  std::vector<Level> out;
  for (const ItemResult& item : assessment.items) out.push_back(item.level);
  return out;
}

// Every member of the model and of the compiled form comes back as it was: a member added to a
// model type and left out of the entry fails here (or does not compile, as the entry lists each).
TEST(ChecklistCache, AnEntryHoldsTheChecklistAndCompiledFormAsLoaded) {
  const std::filesystem::path path = test::bundled_checklist();
  const checklist::Checklist fresh = checklist::load_checklist(path);
  const CompiledChecklist compiled = compile(fresh);
  const std::optional<LoadedChecklist> read = read_cache_entry(cache_entry(fresh, compiled), path);
  ASSERT_TRUE(read.has_value());
  EXPECT_TRUE(read->checklist == fresh);
  expect_same(read->compiled, compiled);
}

TEST(ChecklistCache, AnEntryIsForThePathItWasWrittenFor) {
  const std::filesystem::path path = test::fixture("checklist/minimal.xml");
  const checklist::Checklist fresh = checklist::load_checklist(path);
  const std::string entry = cache_entry(fresh, compile(fresh));
  EXPECT_FALSE(read_cache_entry(entry, "elsewhere/minimal.xml").has_value());
}

// An entry whose checksum holds but whose compiled form does not hold together (no writer makes
// one) is not taken: its arrays are used in place, and an index past them would read outside.
TEST(ChecklistCache, AnEntryWhoseIndicesLeadOutsideItsArraysIsNotTaken) {
  const std::filesystem::path path = test::fixture("checklist/minimal.xml");
  const checklist::Checklist fresh = checklist::load_checklist(path);
  const CompiledChecklist compiled = compile(fresh);
  ASSERT_TRUE(read_cache_entry(cache_entry(fresh, compiled), path).has_value());
  auto rejected = [&](const std::function<void(CompiledChecklist&)>& damage) {
    CompiledChecklist changed = compile(fresh);
    damage(changed);
    return !read_cache_entry(cache_entry(fresh, changed), path).has_value();
  };
  EXPECT_TRUE(rejected([](CompiledChecklist& c) { c.polarity_read.pop_back(); }));
  EXPECT_TRUE(rejected([](CompiledChecklist& c) { c.owners.all.front().set = 100000; }));
  EXPECT_TRUE(rejected([](CompiledChecklist& c) { c.owners.all.front().lang = 9; }));
  EXPECT_TRUE(rejected([](CompiledChecklist& c) { c.members.front().push_back(100000); }));
  EXPECT_TRUE(rejected([](CompiledChecklist& c) { c.parts.emplace_back("extra", 100000); }));
  // A matcher of other patterns than the owners are for.
  EXPECT_TRUE(rejected([](CompiledChecklist& c) { c.matcher = text::TermMatcher({"other", "words"}); }));
  EXPECT_TRUE(rejected([](CompiledChecklist& c) { c.context.pop_back(); }));
}

TEST(ChecklistCache, TheFirstRunWritesTheEntryAndTheNextReadsIt) {
  const test::TempDir dir;
  const std::filesystem::path path = test::bundled_checklist();
  const LoadedChecklist first = load_compiled(path, dir / "cache");
  EXPECT_FALSE(first.from_cache);
  const LoadedChecklist second = load_compiled(path, dir / "cache");
  EXPECT_TRUE(second.from_cache);
  EXPECT_TRUE(second.checklist == first.checklist);
  expect_same(second.compiled, first.compiled);
}

TEST(ChecklistCache, RatesTheSamplesAsAFreshCompileDoes) {
  const test::TempDir dir;
  const std::filesystem::path path = test::bundled_checklist();
  load_compiled(path, dir / "cache");
  const LoadedChecklist cached = load_compiled(path, dir / "cache");
  ASSERT_TRUE(cached.from_cache);
  const checklist::Checklist fresh = checklist::load_checklist(path);
  const CompiledChecklist compiled = compile(fresh);
  for (const char* sample : {"samples/cca-valdoria-2025.md", "samples/cf-norvania-2025.docx",
                             "samples/serp-tessaly-2020.md", "samples/mc-aldemar-2026.md"}) {
    SCOPED_TRACE(sample);
    const ingest::Document document = ingest::read_source(ingest::load_source(test::source_file(sample)));
    const Assessment from_cache = assess(cached.checklist, cached.compiled, document);
    const Assessment from_fresh = assess(fresh, compiled, document);
    EXPECT_EQ(levels(from_cache), levels(from_fresh));
    ASSERT_EQ(from_cache.items.size(), from_fresh.items.size());
    for (std::size_t i = 0; i < from_cache.items.size(); ++i) {
      EXPECT_TRUE(from_cache.items[i] == from_fresh.items[i]) << from_fresh.items[i].item_id;
    }
  }
}

// Whether the entry file was replaced since `before` (its writer renames a new file over it).
std::uintmax_t inode_of(const std::filesystem::path& file) {
  struct stat status {};
  return ::stat(file.c_str(), &status) == 0 ? static_cast<std::uintmax_t>(status.st_ino) : 0;
}

// Files older than the second's margin are trusted by their stamps: the entry is taken as it is.
// A file whose stamp changed is read: the same bytes keep the entry (stamped again, so written
// anew), other bytes of the same size with the old mtime set back are another checklist.
TEST(ChecklistCache, StampsTellWhenTheFilesMustBeReadAgain) {
  const test::TempDir dir;
  const std::filesystem::path path = copy_bundled(dir);
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));  // the files settle
  ASSERT_FALSE(load_compiled(path, dir / "cache").from_cache);
  const std::filesystem::path entry = only_entry(dir / "cache");
  const std::uintmax_t written = inode_of(entry);
  ASSERT_TRUE(load_compiled(path, dir / "cache").from_cache);
  EXPECT_EQ(inode_of(entry), written) << "files with their stamps are not read, nor the entry written";

  const std::filesystem::path item = dir / "rdm-2021/cca/RDM-CCA-02.xml";
  const std::string text = test::read_bytes(item);
  test::write_bytes(item, text);  // the same bytes: a new ctime
  ASSERT_TRUE(load_compiled(path, dir / "cache").from_cache);
  EXPECT_NE(inode_of(entry), written) << "an entry whose files were read is stamped again";

  std::string edited = text;
  const std::size_t at = edited.find("<question>") + std::string("<question>").size();
  ASSERT_NE(edited[at], 'X');
  edited[at] = 'X';
  const auto mtime = std::filesystem::last_write_time(item);
  test::write_bytes(item, edited);
  std::filesystem::last_write_time(item, mtime);  // as a copy keeping times would
  const LoadedChecklist after = load_compiled(path, dir / "cache");
  EXPECT_FALSE(after.from_cache);
  EXPECT_EQ(checklist::find_item(after.checklist, "RDM-CCA-02")->question.front(), 'X');
}

TEST(ChecklistCache, AnEditedItemFileIsAnotherChecklist) {
  const test::TempDir dir;
  const std::filesystem::path path = copy_bundled(dir);
  const LoadedChecklist before = load_compiled(path, dir / "cache");
  ASSERT_TRUE(load_compiled(path, dir / "cache").from_cache);
  const std::filesystem::path item = dir / "rdm-2021/cca/RDM-CCA-02.xml";
  std::string text = test::read_bytes(item);
  const std::string question = "<question>";
  ASSERT_NE(text.find(question), std::string::npos);
  text.insert(text.find(question) + question.size(), "Edited: ");
  test::write_bytes(item, text);

  const LoadedChecklist after = load_compiled(path, dir / "cache");
  EXPECT_FALSE(after.from_cache);
  EXPECT_NE(after.checklist.sha256, before.checklist.sha256);
  EXPECT_EQ(checklist::find_item(after.checklist, "RDM-CCA-02")->question.rfind("Edited: ", 0), 0u);
  EXPECT_TRUE(after.checklist == checklist::load_checklist(path));
  EXPECT_TRUE(load_compiled(path, dir / "cache").from_cache);
}

TEST(ChecklistCache, ADamagedEntryIsLoadedAgainAndRewritten) {
  const test::TempDir dir;
  const std::filesystem::path path = test::bundled_checklist();
  const LoadedChecklist fresh = load_compiled(path, dir / "cache");
  const std::filesystem::path entry = only_entry(dir / "cache");
  std::string bytes = test::read_bytes(entry);
  bytes[bytes.size() / 2] = static_cast<char>(bytes[bytes.size() / 2] ^ 0x10);
  test::write_bytes(entry, bytes);

  const LoadedChecklist again = load_compiled(path, dir / "cache");
  EXPECT_FALSE(again.from_cache);
  EXPECT_TRUE(again.checklist == fresh.checklist);
  EXPECT_TRUE(load_compiled(path, dir / "cache").from_cache);
}

// The checksum sees where bytes stand, not only which: two stretches of an entry swapped, the
// bytes all there, and a change in its last few bytes.
TEST(ChecklistCache, SwappedOrChangedLastBytesAreDamage) {
  const test::TempDir dir;
  const std::filesystem::path path = test::bundled_checklist();
  load_compiled(path, dir / "cache");
  const std::string bytes = test::read_bytes(only_entry(dir / "cache"));
  ASSERT_TRUE(read_cache_entry(bytes, path).has_value());
  constexpr std::size_t k_header = 28;  // magic, format, size, checksum
  constexpr std::size_t k_stretch = 32;
  std::size_t at = k_header + (bytes.size() / 2 - k_header) / k_stretch * k_stretch;
  while (bytes.compare(at, k_stretch, bytes, at + k_stretch, k_stretch) == 0) at += k_stretch;
  std::string swapped = bytes;
  std::copy_n(bytes.begin() + static_cast<std::ptrdiff_t>(at), k_stretch,
              swapped.begin() + static_cast<std::ptrdiff_t>(at + k_stretch));
  std::copy_n(bytes.begin() + static_cast<std::ptrdiff_t>(at + k_stretch), k_stretch,
              swapped.begin() + static_cast<std::ptrdiff_t>(at));
  EXPECT_FALSE(read_cache_entry(swapped, path).has_value());
  std::string last = bytes;
  last.back() = static_cast<char>(last.back() ^ 0x01);
  EXPECT_FALSE(read_cache_entry(last, path).has_value());
}

TEST(ChecklistCache, ACutEntryIsLoadedAgainAndRewritten) {
  const test::TempDir dir;
  const std::filesystem::path path = test::bundled_checklist();
  load_compiled(path, dir / "cache");
  const std::filesystem::path entry = only_entry(dir / "cache");
  for (const std::size_t keep : {std::size_t{0}, std::size_t{20}, std::filesystem::file_size(entry) / 2}) {
    SCOPED_TRACE(keep);
    std::filesystem::resize_file(entry, keep);
    EXPECT_FALSE(read_cache_entry(test::read_bytes(entry), path).has_value());
    EXPECT_FALSE(load_compiled(path, dir / "cache").from_cache);
    EXPECT_TRUE(load_compiled(path, dir / "cache").from_cache);
  }
}

// A folder that cannot be made (here under a file; a read-only one is the same, but the tests may
// run as root, who writes anyway) means no cache and no error.
TEST(ChecklistCache, AFolderThatCannotBeWrittenMeansNoCache) {
  const test::TempDir dir;
  test::write_bytes(dir / "file", "not a folder");
  const std::filesystem::path path = test::bundled_checklist();
  const LoadedChecklist first = load_compiled(path, dir / "file" / "cache");
  EXPECT_FALSE(first.from_cache);
  EXPECT_TRUE(first.checklist == checklist::load_checklist(path));
  EXPECT_FALSE(load_compiled(path, dir / "file" / "cache").from_cache);
  EXPECT_FALSE(load_compiled(path, "").from_cache);
}

TEST(ChecklistCache, AChecklistThatDoesNotLoadFailsAsWithoutTheCache) {
  const test::TempDir dir;
  EXPECT_THROW(load_compiled(test::fixture("checklist/schema_error.xml"), dir / "cache"), InputError);
  EXPECT_THROW(load_compiled(dir / "no-such.xml", dir / "cache"), InputError);
  EXPECT_FALSE(std::filesystem::exists(dir / "cache") && !std::filesystem::is_empty(dir / "cache"));
}

}  // namespace
}  // namespace unct::rules
