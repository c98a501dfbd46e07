#include "engine/rules/checklist_cache.hpp"

#include "engine/checklist/hash.hpp"
#include "engine/checklist/load.hpp"
#include "engine/core/shared_array.hpp"

#include <elf.h>
#include <fcntl.h>
#include <link.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <re2/re2.h>

#include <algorithm>
#include <bit>
#include <chrono>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <span>
#include <stdexcept>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

namespace unct::rules {
namespace {

// Bump when the layout of an entry changes in a way the build ID would not show (it always shows a
// change of code, so this is for readers of old files, and for clarity).
constexpr std::uint32_t k_format = 6;
constexpr std::string_view k_magic = "unct-cl\n";
constexpr std::size_t k_header_bytes = 8 + 4 + 8 + 8;  // magic, format, payload size, checksum
// Where each of the matcher's arrays starts in an entry: a cache line, so that its rows are read as
// built.
constexpr std::size_t k_table_alignment = 64;
// The loader's own limit for a checklist file (engine/checklist/load.cpp).
constexpr std::uintmax_t k_max_checklist_bytes = 16u * 1024 * 1024;
constexpr std::uintmax_t k_max_entry_bytes = 512u * 1024 * 1024;
// Entries kept in the folder: one per checklist content and build, a few MB each. A checklist
// author saving and scoring often, or a developer rebuilding, makes new ones; the oldest go.
constexpr std::size_t k_kept_entries = 8;

// The GNU build ID of this program (a hash the linker computes over its code), in hex; empty when
// it has none. It tells one build of the engine from another, so an entry never outlives the code
// that wrote it, whatever version number that code carries.
std::string build_id() {
  std::string id;
  dl_iterate_phdr(
      [](dl_phdr_info* info, std::size_t, void* out) -> int {
        // The first object listed is the program itself, which holds the engine.
        for (ElfW(Half) i = 0; i < info->dlpi_phnum; ++i) {
          const ElfW(Phdr)& segment = info->dlpi_phdr[i];
          if (segment.p_type != PT_NOTE) continue;
          const auto* at = reinterpret_cast<const unsigned char*>(info->dlpi_addr + segment.p_vaddr);
          const unsigned char* end = at + segment.p_memsz;
          while (at + sizeof(ElfW(Nhdr)) <= end) {
            ElfW(Nhdr) note;
            std::memcpy(&note, at, sizeof note);
            const unsigned char* name = at + sizeof note;
            const unsigned char* desc = name + ((note.n_namesz + 3) & ~3u);
            const unsigned char* next = desc + ((note.n_descsz + 3) & ~3u);
            if (next > end) break;
            if (note.n_type == NT_GNU_BUILD_ID && note.n_namesz == 4 && std::memcmp(name, "GNU", 4) == 0) {
              static constexpr char k_hex[] = "0123456789abcdef";
              auto& hex = *static_cast<std::string*>(out);
              for (std::size_t b = 0; b < note.n_descsz; ++b) {
                hex += k_hex[desc[b] >> 4];
                hex += k_hex[desc[b] & 0xF];
              }
              return 1;
            }
            at = next;
          }
        }
        return 1;
      },
      &id);
  return id;
}

const std::string& this_build() {
  static const std::string id = build_id();
  return id;
}

// Detects an entry damaged or cut short on disk (an attack is out of its reach and of its purpose:
// whoever can write the cache folder can write anything this user can). Fletcher's two sums,
// modulo 2^32, over the entry's 32-bit words, in eight lanes the processor's vector instructions
// add side by side: the words, and the running sums of those (so that where a word stands counts
// too). A word changed changes the first; two words swapped, in most cases, the second. The lanes,
// the length and the last bytes are then mixed into 64 bits. It reads the few MB of an entry at
// about an instruction for every 3 bytes, where a hash with multiplications per word took about
// one a byte.
std::uint64_t checksum(std::string_view bytes) {
  // Four lanes a vector register holds (SSE2's, on any x86-64), two registers side by side.
  using Lanes = std::uint32_t __attribute__((vector_size(16)));
  Lanes sums[2] = {};
  Lanes sums_of_sums[2] = {};
  const char* p = bytes.data();
  const std::size_t n = bytes.size();
  std::size_t i = 0;
  for (; i + sizeof sums <= n; i += sizeof sums) {
    for (std::size_t r = 0; r < 2; ++r) {
      Lanes words;
      std::memcpy(&words, p + i + r * sizeof(Lanes), sizeof words);
      sums[r] += words;
      sums_of_sums[r] += sums[r];
    }
  }
  constexpr std::uint64_t k1 = 0x9E3779B185EBCA87ull;
  constexpr std::uint64_t k2 = 0xC2B2AE3D27D4EB4Full;
  std::uint64_t h = n * k1;
  auto mix = [&](std::uint64_t value) { h = std::rotl((h ^ value) * k1, 31) * k2; };
  for (std::size_t r = 0; r < 2; ++r) {
    for (std::size_t l = 0; l < 4; ++l) mix((static_cast<std::uint64_t>(sums[r][l]) << 32) | sums_of_sums[r][l]);
  }
  for (; i < n; ++i) mix(static_cast<unsigned char>(p[i]));
  h ^= h >> 33;
  h *= k2;
  h ^= h >> 29;
  return h;
}

// --- The entry's payload: every member of the checklist and of its compiled form ---
//
// Each type lists its members once, in `fields`, for writing and reading alike. The list is a
// structured binding of the whole type, so a member added to a model type without being added
// here does not compile (the binding's count no longer matches): nothing is left out silently.

template <class T, class U>
concept Of = std::same_as<std::remove_const_t<T>, U>;

template <class A, Of<checklist::Meta> T>
void fields(A& a, T& t) {
  auto& [id, version, title, publisher, issued, provenance, languages, translations] = t;
  a(id, version, title, publisher, issued, provenance, languages, translations);
}
template <class A, Of<checklist::MetaTranslation> T>
void fields(A& a, T& t) {
  auto& [lang, title, provenance] = t;
  a(lang, title, provenance);
}
template <class A, Of<checklist::SectionTranslation> T>
void fields(A& a, T& t) {
  auto& [lang, title] = t;
  a(lang, title);
}
template <class A, Of<checklist::Term> T>
void fields(A& a, T& t) {
  auto& [text, lang, line] = t;
  a(text, lang, line);
}
template <class A, Of<checklist::TermSet> T>
void fields(A& a, T& t) {
  auto& [id, title, terms, exceptions, includes, context, file, line] = t;
  a(id, title, terms, exceptions, includes, context, file, line);
}
template <class A, Of<checklist::Part> T>
void fields(A& a, T& t) {
  auto& [id, title, heading_set] = t;
  a(id, title, heading_set);
}
template <class A, Of<checklist::Definition> T>
void fields(A& a, T& t) {
  auto& [id, uses, used_by_criteria, file, line] = t;
  a(id, uses, used_by_criteria, file, line);
}
template <class A, Of<checklist::Reference> T>
void fields(A& a, T& t) {
  auto& [type, text] = t;
  a(type, text);
}
template <class A, Of<checklist::Criterion> T>
void fields(A& a, T& t) {
  auto& [id, text, signal] = t;
  a(id, text, signal);
}
template <class A, Of<checklist::LevelRule> T>
void fields(A& a, T& t) {
  auto& [level, criteria] = t;
  a(level, criteria);
}
template <class A, Of<checklist::CriterionText> T>
void fields(A& a, T& t) {
  auto& [id, text] = t;
  a(id, text);
}
template <class A, Of<checklist::Translation> T>
void fields(A& a, T& t) {
  auto& [lang, title, question, gap, criteria] = t;
  a(lang, title, question, gap, criteria);
}
template <class A, Of<checklist::Item> T>
void fields(A& a, T& t) {
  auto& [id, title, question, guidance, applies_to, weight, provenance, references, criteria, levels, gap, external,
         from_year, translations, file, line] = t;
  a(id, title, question, guidance, applies_to, weight, provenance, references, criteria, levels, gap, external,
    from_year, translations, file, line);
}
template <class A, Of<checklist::Section> T>
void fields(A& a, T& t) {
  auto& [id, title, items, translations] = t;
  a(id, title, items, translations);
}
template <class A, Of<checklist::ScaleLevel> T>
void fields(A& a, T& t) {
  auto& [level, label] = t;
  a(level, label);
}
template <class A, Of<checklist::Checklist> T>
void fields(A& a, T& t) {
  auto& [meta, scale, not_applicable_label, term_sets, parts, definitions, sections, source, includes, sha256] = t;
  a(meta, scale, not_applicable_label, term_sets, parts, definitions, sections, source, includes, sha256);
}

// The signal kinds (engine/signals/registry.hpp). A new kind has no `fields` here and so does not
// compile until it is given one.
template <class A, Of<signals::Mentions> T>
void fields(A& a, T& t) {
  auto& [term_set, min_count, part, polarity] = t;
  a(term_set, min_count, part, polarity);
}
template <class A, Of<signals::Coverage> T>
void fields(A& a, T& t) {
  auto& [term_set, min_distinct, by, part, polarity] = t;
  a(term_set, min_distinct, by, part, polarity);
}
template <class A, Of<signals::Near> T>
void fields(A& a, T& t) {
  auto& [term_set_a, term_set_b, within, words, ordered, min_count, part, polarity] = t;
  a(term_set_a, term_set_b, within, words, ordered, min_count, part, polarity);
}
template <class A, Of<signals::InTable> T>
void fields(A& a, T& t) {
  auto& [term_set, min_count, part, polarity] = t;
  a(term_set, min_count, part, polarity);
}
template <class A, Of<signals::Pattern> T>
void fields(A& a, T& t) {
  auto& [regex, min_count, part] = t;
  a(regex, min_count, part);
}
template <class A, Of<signals::Share> T>
void fields(A& a, T& t) {
  auto& [header_set, having_set, min_share, min_rows, part] = t;
  a(header_set, having_set, min_share, min_rows, part);
}
template <class A, Of<signals::AllOf> T>
void fields(A& a, T& t) {
  auto& [signals] = t;
  a(signals);
}
template <class A, Of<signals::AnyOf> T>
void fields(A& a, T& t) {
  auto& [signals] = t;
  a(signals);
}
template <class A, Of<signals::Not> T>
void fields(A& a, T& t) {
  auto& [signal] = t;
  a(signal);
}
template <class A, Of<signals::AtLeast> T>
void fields(A& a, T& t) {
  auto& [count, signals] = t;
  a(count, signals);
}
template <class A, Of<signals::Spread> T>
void fields(A& a, T& t) {
  auto& [term_set, min_sections] = t;
  a(term_set, min_sections);
}

template <class A, Of<PatternOwner> T>
void fields(A& a, T& t) {
  auto& [set, lang, exception] = t;
  a(set, lang, exception);
}
template <class A, Of<PatternOwners> T>
void fields(A& a, T& t) {
  auto& [all, begin] = t;
  a(all, begin);
}
template <class A, class T>
requires Of<T, std::pair<std::string, SetIndex>>
void fields(A& a, T& t) { a(t.first, t.second); }
// The maps and the compiled regular expressions follow from the rest and are made again on
// reading (read_cache_entry); the matcher's tables are kept as built (TermMatcher::visit_members).
template <class A, Of<CompiledChecklist> T>
void fields(A& a, T& t) {
  [[maybe_unused]] auto& [matcher, owners, languages, set_ids, set_index, members, includes, context, polarity_read,
                          negation_word, parts, regexes, regex_index] = t;
  a(matcher, owners, languages, set_ids, members, includes, context, polarity_read, negation_word, parts);
}

// What a checklist file was when its entry was written. Writing a file's bytes sets its ctime to
// the time of writing, which no program can set back (a copy or an archive can set the mtime), and
// a file replaced by another has another inode: a file whose stamp still holds has the bytes it had.
struct FileStamp {
  std::string path;
  std::uint64_t device = 0;
  std::uint64_t inode = 0;
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;
  std::int64_t ctime_ns = 0;
  bool operator==(const FileStamp&) const = default;
};
template <class A, Of<FileStamp> T>
void fields(A& a, T& t) {
  auto& [path, device, inode, size, mtime_ns, ctime_ns] = t;
  a(path, device, inode, size, mtime_ns, ctime_ns);
}

// The files of an entry's checklist as they were when it was loaded, and when that was.
struct Stamps {
  std::int64_t loaded_at_ns = 0;  // the clock just before the files were read
  std::vector<FileStamp> files;   // the checklist's file, then its item files
};
template <class A, Of<Stamps> T>
void fields(A& a, T& t) {
  auto& [loaded_at_ns, files] = t;
  a(loaded_at_ns, files);
}

template <class T>
concept Plain = std::is_arithmetic_v<T> || std::is_enum_v<T>;

class Writer {
public:
  template <class... T>
  void operator()(const T&... values) {
    (put(values), ...);
  }
  std::string bytes;

private:
  void raw(const void* data, std::size_t size) { bytes.append(static_cast<const char*>(data), size); }
  template <Plain T>
  void put(const T& value) {
    raw(&value, sizeof value);
  }
  void put(const std::string& text) {
    put(std::uint64_t{text.size()});
    raw(text.data(), text.size());
  }
  // Paths as given: an entry is only read for the checklist path it was written for.
  void put(const std::filesystem::path& path) { put(path.native()); }
  template <class T>
  void put(const std::vector<T>& values) {
    put(std::uint64_t{values.size()});
    if constexpr (Plain<T>) {
      raw(values.data(), values.size() * sizeof(T));
    } else {
      for (const T& value : values) put(value);
    }
  }
  void put(const std::vector<bool>& values) {
    put(std::uint64_t{values.size()});
    for (const bool value : values) put(value);
  }
  template <Plain T, std::size_t N>
  void put(const T (&values)[N]) {
    raw(values, sizeof values);
  }
  template <class T>
  void put(const std::optional<T>& value) {
    put(value.has_value());
    if (value) put(*value);
  }
  template <class... T>
  void put(const std::variant<T...>& value) {
    put(static_cast<std::uint32_t>(value.index()));
    std::visit([&](const auto& alternative) { put(alternative); }, value);
  }
  // A table (the matcher's arrays): its count, then padding up to a multiple of k_table_alignment bytes from the
  // entry's start, then its values, which a reader of the mapped entry can then use in place.
  template <Plain T>
  void put(const SharedArray<T>& values) {
    put(std::uint64_t{values.size()});
    const auto pad = static_cast<std::uint8_t>(
        (k_table_alignment - (k_header_bytes + bytes.size() + 1) % k_table_alignment) % k_table_alignment);
    put(pad);
    bytes.append(pad, '\0');
    raw(values.data(), values.size() * sizeof(T));
  }
  void put(const text::TermMatcher& matcher) {
    matcher.visit_members([&](const auto&... members) { (put(members), ...); });
  }
  template <class T>
  requires requires(Writer& w, const T& t) { fields(w, t); }
  void put(const T& value) { fields(*this, value); }
};

// Reads what Writer wrote. Throws Damaged for bytes that end early or hold a value no writer
// makes (a size past the end, a bool that is neither 0 nor 1, an unknown alternative).
struct Damaged : std::runtime_error {
  Damaged() : std::runtime_error("damaged cache entry") {}
};

class Reader {
public:
  // `owner`, when given, keeps `bytes` alive and unchanged: large tables are then used in place.
  explicit Reader(std::string_view bytes, std::shared_ptr<const void> owner = {})
      : m_rest(bytes), m_owner(std::move(owner)) {}
  template <class... T>
  void operator()(T&... values) {
    (get(values), ...);
  }
  bool at_end() const { return m_rest.empty(); }

private:
  // Inlined, so that a plain value's copy has its size known: the loader reads thousands of them.
  [[gnu::always_inline]] void raw(void* data, std::size_t size) {
    if (size > m_rest.size()) throw Damaged();
    if (size != 0) std::memcpy(data, m_rest.data(), size);
    m_rest.remove_prefix(size);
  }
  // A count of elements each at least `element_bytes` long, which the rest must be able to hold.
  std::size_t count(std::size_t element_bytes) {
    std::uint64_t n = 0;
    get(n);
    if (n > m_rest.size() / std::max<std::size_t>(element_bytes, 1)) throw Damaged();
    return static_cast<std::size_t>(n);
  }
  template <Plain T>
  void get(T& value) {
    raw(&value, sizeof value);
  }
  void get(bool& value) {
    std::uint8_t byte = 0;
    get(byte);
    if (byte > 1) throw Damaged();
    value = byte == 1;
  }
  void get(std::string& text) {
    const std::size_t n = count(1);
    text.assign(m_rest.data(), n);
    m_rest.remove_prefix(n);
  }
  void get(std::filesystem::path& path) {
    std::string text;
    get(text);
    path = std::move(text);
  }
  template <class T>
  void get(std::vector<T>& values) {
    if constexpr (Plain<T> && !std::is_same_v<T, bool>) {
      values.resize(count(sizeof(T)));
      raw(values.data(), values.size() * sizeof(T));
    } else {
      values.resize(count(1));
      for (T& value : values) get(value);
    }
  }
  void get(std::vector<bool>& values) {
    const std::size_t n = count(1);
    const std::string_view bytes = m_rest.substr(0, n);
    if (bytes.find_first_not_of(std::string_view("\0\1", 2)) != std::string_view::npos) throw Damaged();
    // 0 and 1 as false and true: all false at once, then the few true ones (one at a time, a
    // vector<bool> is filled bit by bit).
    values.assign(n, false);
    for (std::size_t i = bytes.find('\1'); i != std::string_view::npos; i = bytes.find('\1', i + 1)) values[i] = true;
    m_rest.remove_prefix(n);
  }
  template <Plain T, std::size_t N>
  void get(T (&values)[N]) {
    raw(values, sizeof values);
  }
  template <class T>
  void get(std::optional<T>& value) {
    bool present = false;
    get(present);
    if (present) {
      get(value.emplace());
    } else {
      value.reset();
    }
  }
  template <std::size_t I = 0, class... T>
  void get_alternative(std::variant<T...>& value, std::uint32_t index) {
    if constexpr (I < sizeof...(T)) {
      if (index == I) {
        get(value.template emplace<I>());
      } else {
        get_alternative<I + 1>(value, index);
      }
    } else {
      throw Damaged();
    }
  }
  template <class... T>
  void get(std::variant<T...>& value) {
    std::uint32_t index = 0;
    get(index);
    get_alternative(value, index);
  }
  template <Plain T>
  void get(SharedArray<T>& values) {
    const std::size_t n = count(sizeof(T));
    std::uint8_t pad = 0;
    get(pad);
    if (pad >= k_table_alignment || pad > m_rest.size()) throw Damaged();
    m_rest.remove_prefix(pad);
    if (n > m_rest.size() / sizeof(T)) throw Damaged();
    const std::size_t size = n * sizeof(T);
    if (m_owner && reinterpret_cast<std::uintptr_t>(m_rest.data()) % alignof(T) == 0) {
      values = SharedArray<T>(m_owner, std::span<const T>(reinterpret_cast<const T*>(m_rest.data()), n));
      m_rest.remove_prefix(size);
    } else {
      std::vector<T> copy(n);
      raw(copy.data(), size);
      values = SharedArray<T>(std::move(copy));
    }
  }
  void get(text::TermMatcher& matcher) {
    matcher.visit_members([&](auto&... members) { (get(members), ...); });
  }
  template <class T>
  requires requires(Reader& r, T& t) { fields(r, t); }
  void get(T& value) { fields(*this, value); }

  std::string_view m_rest;
  std::shared_ptr<const void> m_owner;
};

// The regular expressions the entry names, in their order (CompiledChecklist::regexes).
std::vector<std::string> regex_patterns(const CompiledChecklist& compiled) {
  std::vector<std::string> out;
  for (const auto& regex : compiled.regexes) out.push_back(regex->pattern());
  return out;
}

template <Plain T>
void append(std::string& out, T value) {
  out.append(reinterpret_cast<const char*>(&value), sizeof value);
}

// A file's bytes, read into `buffer` (whose memory is reused from one file to the next); false
// when it cannot be opened or read, is not a regular file, or is larger than `max_bytes`.
bool read_bounded(const std::filesystem::path& path, std::uintmax_t max_bytes, std::string& buffer) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  struct stat status {};
  bool read =
      ::fstat(fd, &status) == 0 && S_ISREG(status.st_mode) && static_cast<std::uintmax_t>(status.st_size) <= max_bytes;
  if (read) {
    buffer.resize(static_cast<std::size_t>(status.st_size));
    std::size_t done = 0;
    while (done < buffer.size()) {
      const ssize_t n = ::read(fd, buffer.data() + done, buffer.size() - done);
      if (n <= 0) break;
      done += static_cast<std::size_t>(n);
    }
    read = done == buffer.size();
  }
  ::close(fd);
  return read;
}

// An entry's file mapped into memory rather than read: its pages come from the page cache, which
// costs a fraction of copying a few MB into memory of our own. The entry is checked (checksum,
// then well_formed) before anything uses it; the model is copied out of it, and the matcher's
// arrays (its table, its patterns, its trie) are used where they lie, the mapping kept as long as
// the matcher is. Its writers never change a file in place (they rename a new one over it, and a
// mapping keeps the file it was made from), so what is checked is what is read.
class MappedEntry {
public:
  explicit MappedEntry(const std::filesystem::path& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return;
    struct stat status {};
    if (::fstat(fd, &status) == 0 && S_ISREG(status.st_mode) && status.st_size > 0 &&
        static_cast<std::uintmax_t>(status.st_size) <= k_max_entry_bytes) {
      void* at =
          ::mmap(nullptr, static_cast<std::size_t>(status.st_size), PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
      if (at != MAP_FAILED) {
        m_data = static_cast<const char*>(at);
        m_size = static_cast<std::size_t>(status.st_size);
      }
    }
    ::close(fd);
  }
  ~MappedEntry() {
    if (m_data != nullptr) ::munmap(const_cast<char*>(m_data), m_size);
  }
  MappedEntry(const MappedEntry&) = delete;
  MappedEntry& operator=(const MappedEntry&) = delete;

  bool found() const { return m_data != nullptr; }
  std::string_view bytes() const { return {m_data, m_size}; }

private:
  const char* m_data = nullptr;
  std::size_t m_size = 0;
};

// The oldest entries beyond k_kept_entries, removed. Another process may be reading or replacing
// one: it then finds none, or its own, and loads the checklist as without a cache.
void prune(const std::filesystem::path& folder) {
  std::error_code error;
  std::vector<std::pair<std::filesystem::file_time_type, std::filesystem::path>> entries;
  for (const auto& entry : std::filesystem::directory_iterator(folder, error)) {
    const std::string name = entry.path().filename().string();
    if (!name.ends_with(".bin") || !entry.is_regular_file(error)) continue;
    entries.emplace_back(entry.last_write_time(error), entry.path());
  }
  if (entries.size() <= k_kept_entries) return;
  std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  for (std::size_t i = k_kept_entries; i < entries.size(); ++i) std::filesystem::remove(entries[i].second, error);
}

// Writes `bytes` as the file `target`: into a new file beside it, then renamed over it, so that a
// reader (another batch, say) sees the old entry or the new one whole, never half of one. A folder
// that cannot be made or written leaves no entry and no error.
void write_entry(const std::filesystem::path& target, std::string_view bytes) {
  std::error_code error;
  std::filesystem::create_directories(target.parent_path(), error);
  if (error) return;
  std::string temporary = target.string() + ".XXXXXX";
  const int fd = ::mkstemp(temporary.data());
  if (fd < 0) return;
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n <= 0) break;
    done += static_cast<std::size_t>(n);
  }
  const bool written = ::close(fd) == 0 && done == bytes.size();
  if (!written || std::rename(temporary.c_str(), target.c_str()) != 0) {
    ::unlink(temporary.c_str());
    return;
  }
  prune(target.parent_path());
}

}  // namespace

std::filesystem::path cache_entry_path(const std::filesystem::path& cache_dir, const std::filesystem::path& path) {
  if (cache_dir.empty() || this_build().empty()) return {};
  std::string key = this_build();
  key += '\0';
  key += path.native();
  static constexpr char k_hex[] = "0123456789abcdef";
  std::string name;
  for (std::uint64_t sum = checksum(key), i = 0; i < 16; ++i, sum >>= 4) name += k_hex[sum & 0xF];
  return cache_dir / (name + ".bin");
}

namespace {

// The stamp of the file at `path`; nullopt when it cannot be looked at or is not a regular file.
std::optional<FileStamp> stamp(const std::filesystem::path& path) {
  struct stat status {};
  if (::stat(path.c_str(), &status) != 0 || !S_ISREG(status.st_mode)) return std::nullopt;
  auto ns = [](const timespec& t) { return static_cast<std::int64_t>(t.tv_sec) * 1'000'000'000 + t.tv_nsec; };
  return FileStamp{.path = path.native(),
                   .device = static_cast<std::uint64_t>(status.st_dev),
                   .inode = static_cast<std::uint64_t>(status.st_ino),
                   .size = static_cast<std::uint64_t>(status.st_size),
                   .mtime_ns = ns(status.st_mtim),
                   .ctime_ns = ns(status.st_ctim)};
}

std::int64_t now_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// A file's times are taken from a clock that may lag the system clock by a few milliseconds, so a
// file written just before or after its entry's load may carry a time before it: a stamp within this
// margin of the load says nothing, and the file's bytes are read instead.
constexpr std::int64_t k_stamp_margin_ns = 1'000'000'000;

// The stamps of the checklist's file and item files now, taken after `loaded_at_ns`; empty when
// one cannot be taken.
Stamps stamps_of(const checklist::Checklist& checklist, std::int64_t loaded_at_ns) {
  Stamps out{.loaded_at_ns = loaded_at_ns, .files = {}};
  auto add = [&](const std::filesystem::path& file) {
    std::optional<FileStamp> now = stamp(file);
    if (now) out.files.push_back(std::move(*now));
    return now.has_value();
  };
  if (!add(checklist.source)) return {};
  for (const std::filesystem::path& file : checklist.includes) {
    if (!add(file)) return {};
  }
  return out;
}

// Whether every file still has the stamp it had, each one older than the load by the margin.
bool stamps_hold(const Stamps& stamps, const checklist::Checklist& checklist) {
  if (stamps.files.size() != checklist.includes.size() + 1) return false;
  for (const FileStamp& was : stamps.files) {
    const std::optional<FileStamp> now = stamp(was.path);
    if (!now || *now != was) return false;
    const std::int64_t settled = stamps.loaded_at_ns - k_stamp_margin_ns;
    if (was.mtime_ns >= settled || was.ctime_ns >= settled) return false;
  }
  return true;
}

// Whether the checklist's file and item files hold the bytes the entry's checklist was loaded from
// (Checklist::sha256 over all of them).
bool bytes_hold(const checklist::Checklist& checklist) {
  std::string bytes;
  if (!read_bounded(checklist.source, k_max_checklist_bytes, bytes)) return false;
  checklist::ContentHash hash(checklist.source, bytes);
  for (const std::filesystem::path& file : checklist.includes) {
    if (!read_bounded(file, k_max_checklist_bytes, bytes)) return false;
    hash.add_include(file, bytes);
  }
  return hash.hex() == checklist.sha256;
}

std::string entry_bytes(const checklist::Checklist& checklist, const CompiledChecklist& compiled,
                        const Stamps& stamps) {
  Writer payload;
  payload(this_build(), stamps, checklist, compiled, regex_patterns(compiled));
  std::string out(k_magic);
  append(out, k_format);
  append(out, std::uint64_t{payload.bytes.size()});
  append(out, checksum(payload.bytes));
  out += payload.bytes;
  return out;
}

struct Entry {
  LoadedChecklist loaded;
  Stamps stamps;
};

// Whether `compiled` holds together: the matcher's patterns and the sizes of its arrays
// (TermMatcher::well_formed), each pattern's owners, per-pattern flags, and every set and part
// index in range. The checksum catches damage on disk; this keeps an entry that passes it but
// holds what no writer makes from sending a run outside the arrays it reads in place, for all
// but the values of the matcher's table and trie, which cost more to check than to read.
bool well_formed(const CompiledChecklist& compiled) {
  if (!compiled.matcher.well_formed()) return false;
  const std::size_t patterns = compiled.matcher.pattern_count();
  const std::size_t sets = compiled.set_ids.size();
  const PatternOwners& owners = compiled.owners;
  if (owners.begin.size() != patterns + 1 || !offsets_into(owners.begin, owners.all.size())) return false;
  for (const PatternOwner& owner : owners.all) {
    if (owner.set >= sets || owner.lang >= compiled.languages.size()) return false;
  }
  if (compiled.polarity_read.size() != patterns || compiled.negation_word.size() != patterns) return false;
  if (compiled.members.size() != sets || compiled.includes.size() != sets || compiled.context.size() != sets)
    return false;
  auto in_sets = [&](const std::vector<SetIndex>& list) {
    return std::all_of(list.begin(), list.end(), [&](SetIndex set) { return set < sets; });
  };
  for (SetIndex set = 0; set < sets; ++set) {
    if (!in_sets(compiled.members[set]) || !in_sets(compiled.includes[set])) return false;
    if (compiled.context[set] && *compiled.context[set] >= sets) return false;
  }
  return std::all_of(compiled.parts.begin(), compiled.parts.end(),
                     [&](const std::pair<std::string, SetIndex>& part) { return part.second < sets; });
}

std::optional<Entry> read_entry(std::string_view bytes, const std::filesystem::path& path,
                                std::shared_ptr<const void> owner = {}) {
  if (bytes.size() < k_header_bytes || !bytes.starts_with(k_magic)) return std::nullopt;
  std::uint32_t format = 0;
  std::uint64_t size = 0;
  std::uint64_t sum = 0;
  std::memcpy(&format, bytes.data() + 8, sizeof format);
  std::memcpy(&size, bytes.data() + 12, sizeof size);
  std::memcpy(&sum, bytes.data() + 20, sizeof sum);
  const std::string_view payload = bytes.substr(k_header_bytes);
  if (format != k_format || size != payload.size() || sum != checksum(payload)) return std::nullopt;
  try {
    Reader reader(payload, std::move(owner));
    std::string build;
    reader(build);
    if (build != this_build() || this_build().empty()) return std::nullopt;
    Entry entry;
    std::vector<std::string> regexes;
    reader(entry.stamps, entry.loaded.checklist, entry.loaded.compiled, regexes);
    if (!reader.at_end() || entry.loaded.checklist.source != path) return std::nullopt;
    CompiledChecklist& compiled = entry.loaded.compiled;
    if (!well_formed(compiled)) return std::nullopt;
    for (SetIndex set = 0; set < compiled.set_ids.size(); ++set) compiled.set_index.emplace(compiled.set_ids[set], set);
    for (const std::string& regex : regexes) {
      compiled.regex_index.emplace(regex, static_cast<std::uint32_t>(compiled.regexes.size()));
      compiled.regexes.push_back(std::make_shared<const re2::RE2>(regex, re2::RE2::Quiet));
    }
    entry.loaded.from_cache = true;
    return entry;
  } catch (const Damaged&) {
    return std::nullopt;
  }
}

}  // namespace

std::string cache_entry(const checklist::Checklist& checklist, const CompiledChecklist& compiled) {
  return entry_bytes(checklist, compiled, {});
}

std::optional<LoadedChecklist> read_cache_entry(std::string_view bytes, const std::filesystem::path& path) {
  std::optional<Entry> entry = read_entry(bytes, path);
  if (!entry) return std::nullopt;
  return std::move(entry->loaded);
}

LoadedChecklist load_compiled(const std::filesystem::path& path, const std::filesystem::path& cache_dir,
                              Timings* timings) {
  const std::filesystem::path entry = cache_entry_path(cache_dir, path);
  if (!entry.empty()) {
    PhaseTimer timer(timings, "checklist");
    std::optional<Entry> found;
    if (auto mapped = std::make_shared<const MappedEntry>(entry); mapped->found()) {
      found = read_entry(mapped->bytes(), path, mapped);
    }
    // The files are looked at, not read, when their stamps hold; else their bytes decide, and an
    // entry whose checklist they still make is stamped again, so the next run need not read them.
    if (found && stamps_hold(found->stamps, found->loaded.checklist)) return std::move(found->loaded);
    if (found) {
      const std::int64_t checked_at = now_ns();
      if (bytes_hold(found->loaded.checklist)) {
        const Stamps stamps = stamps_of(found->loaded.checklist, checked_at);
        write_entry(entry, entry_bytes(found->loaded.checklist, found->loaded.compiled, stamps));
        return std::move(found->loaded);
      }
    }
  }
  const std::int64_t loaded_at = now_ns();
  LoadedChecklist loaded;
  {
    PhaseTimer timer(timings, "checklist");
    loaded.checklist = checklist::load_checklist(path);
  }
  {
    PhaseTimer timer(timings, "compile");
    loaded.compiled = compile(loaded.checklist);
  }
  if (!entry.empty()) {
    write_entry(entry, entry_bytes(loaded.checklist, loaded.compiled, stamps_of(loaded.checklist, loaded_at)));
  }
  return loaded;
}

}  // namespace unct::rules
