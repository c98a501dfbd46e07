#include "engine/text/normalise.hpp"

#include "engine/text/unicode.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <optional>
#include <stdexcept>
#include <vector>

namespace unct::text {
namespace {

struct Normalisers {
  const icu::Normalizer2* nfkc_cf = nullptr;
  const icu::Normalizer2* nfd = nullptr;
  const icu::Normalizer2* nfc = nullptr;
};

// ICU hands out process-wide immutable instances: looked up once.
const Normalisers& normalisers() {
  static const Normalisers instances = [] {
    UErrorCode status = U_ZERO_ERROR;
    Normalisers n;
    n.nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(status);
    n.nfd = icu::Normalizer2::getNFDInstance(status);
    n.nfc = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU normaliser unavailable: ") + u_errorName(status));
    return n;
  }();
  return instances;
}

bool is_apostrophe(UChar32 c) {
  return c == 0x2018 || c == 0x2019 || c == 0x201B || c == 0x02BC || c == 0x2032 || c == 0xFF07;
}
bool is_dash(UChar32 c) {
  return (c >= 0x2010 && c <= 0x2015) || c == 0x2212 || c == 0x2043 || c == 0xFE58 || c == 0xFE63 || c == 0xFF0D;
}
bool is_double_quote(UChar32 c) {
  return c == 0x201C || c == 0x201D || c == 0x201E || c == 0x201F || c == 0x00AB || c == 0x00BB;
}

bool is_arabic_mark(UChar32 c) { return (c >= 0x064B && c <= 0x065F) || c == 0x0670; }

// Removes marks as the script wants them removed, after NFD.
icu::UnicodeString fold_marks(const icu::UnicodeString& decomposed) {
  icu::UnicodeString out;
  UScriptCode base_script = USCRIPT_COMMON;
  UChar32 base = 0;
  for (int32_t i = 0; i < decomposed.length();) {
    const UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (c == 0x0640) continue;  // Arabic tatweel
    const bool mark = u_charType(c) == U_NON_SPACING_MARK;
    if (!mark) {
      UErrorCode status = U_ZERO_ERROR;
      base_script = uscript_getScript(c, &status);
      base = c;
      out.append(c);
      continue;
    }
    if (base_script == USCRIPT_LATIN || base_script == USCRIPT_GREEK) continue;
    if (base_script == USCRIPT_CYRILLIC && base == 0x0435 && c == 0x0308) continue;  // ё -> е
    if (base_script == USCRIPT_ARABIC && is_arabic_mark(c)) continue;
    out.append(c);
  }
  return out;
}

void append_utf8(std::string& out, UChar32 c) {
  char buffer[4];
  int32_t length = 0;
  UBool error = false;
  U8_APPEND(reinterpret_cast<uint8_t*>(buffer), length, 4, c, error);
  if (!error) out.append(buffer, static_cast<std::size_t>(length));
}

class Builder {
public:
  Builder(std::string_view source, bool keep_origin) : m_source(source), m_keep_origin(keep_origin) {
    m_out.text.reserve(source.size());
  }

  void put(char byte, std::size_t from) {
    if (byte == ' ') {
      if (m_out.text.empty() || m_out.text.back() == ' ') return;
    }
    m_out.text += byte;
    if (m_keep_origin) m_out.origin.push_back(static_cast<std::uint32_t>(from));
  }

  void put(std::string_view bytes, std::size_t from) {
    for (char byte : bytes) put(byte, from);
  }

  // Source bytes [pos, stop) of `source`, all ASCII, none followed by a combining mark: what put
  // would do byte by byte (lower case, white space as one space, line-end hyphens joined), in
  // one loop. Returns where it stopped: `stop`, or past it when a joined hyphen's next line
  // starts there.
  std::size_t put_ascii(std::string_view source, std::size_t pos, std::size_t stop);

  NormalisedText finish() {
    if (!m_out.text.empty() && m_out.text.back() == ' ') {
      m_out.text.pop_back();
      if (m_keep_origin) m_out.origin.pop_back();
    }
    if (m_keep_origin) m_out.origin.push_back(static_cast<std::uint32_t>(m_source.size()));
    return std::move(m_out);
  }

private:
  std::string_view m_source;
  bool m_keep_origin;
  NormalisedText m_out;
};

UChar32 code_point_at(std::string_view s, std::size_t pos, std::size_t* next = nullptr) {
  int32_t i = static_cast<int32_t>(pos);
  UChar32 c = 0;
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, static_cast<int32_t>(s.size()), c);
  if (next != nullptr) *next = static_cast<std::size_t>(i);
  return c;
}

UChar32 code_point_before(std::string_view s, std::size_t pos) {
  if (pos == 0) return -1;
  int32_t i = static_cast<int32_t>(pos);
  UChar32 c = 0;
  U8_PREV(reinterpret_cast<const uint8_t*>(s.data()), 0, i, c);
  return c;
}

bool is_white(UChar32 c) { return c == ' ' || c == '\t' || c == '\n' || (c > 0x7F && u_isUWhiteSpace(c)); }

// At a hyphen: the offset just past "-\n  " when a lower-case letter ends the line before it and
// another starts the next line, so the word is joined; 0 otherwise.
std::size_t end_of_line_break_hyphen(std::string_view s, std::size_t hyphen, std::size_t after) {
  const UChar32 before = code_point_before(s, hyphen);
  if (before < 0 || !u_islower(before)) return 0;
  std::size_t pos = after;
  while (pos < s.size() && (s[pos] == ' ' || s[pos] == '\t')) ++pos;
  if (pos >= s.size() || s[pos] != '\n') return 0;
  ++pos;
  while (pos < s.size() && (s[pos] == ' ' || s[pos] == '\t')) ++pos;
  if (pos >= s.size()) return 0;
  const UChar32 next = code_point_at(s, pos);
  return next >= 0 && u_islower(next) ? pos : 0;
}

// 1 for the white space controls put folds to a space (tab, line feed, vertical tab, form feed,
// carriage return), else 0. Without branches, as are the two below, so that the window loops
// compile to vector instructions.
constexpr unsigned char is_space_control(unsigned char b) {
  return static_cast<unsigned char>(static_cast<unsigned char>(b - 9) < 5);
}

// 1 for the bytes put folds to a space: those and the space itself.
constexpr unsigned char is_folded_space(unsigned char b) {
  return static_cast<unsigned char>((b == ' ') | is_space_control(b));
}

// An ASCII byte as put folds it: upper case to lower, the white space controls to a space.
constexpr unsigned char fold_ascii(unsigned char b) {
  const auto upper = static_cast<unsigned char>(static_cast<unsigned char>(b - 'A') < 26);
  const auto lower = static_cast<unsigned char>(b + (upper << 5));
  const auto space = static_cast<unsigned char>(-is_space_control(b));
  return static_cast<unsigned char>((lower & static_cast<unsigned char>(~space)) | (' ' & space));
}

constexpr std::array<char, 128> k_ascii_folded = [] {
  std::array<char, 128> out{};
  for (int b = 0; b < 128; ++b) out[b] = static_cast<char>(fold_ascii(static_cast<unsigned char>(b)));
  return out;
}();

// A window of ASCII folded at once, when it holds no hyphen and no white space after white space
// (nothing to decide).
constexpr std::size_t k_window = 32;

bool plain_window(const unsigned char* bytes, char last) {
  unsigned char decide = static_cast<unsigned char>((bytes[0] == '-') | ((last == ' ') & is_folded_space(bytes[0])));
  for (std::size_t k = 1; k < k_window; ++k)
    decide |=
        static_cast<unsigned char>((bytes[k] == '-') | (is_folded_space(bytes[k]) & is_folded_space(bytes[k - 1])));
  return decide == 0;
}

void fold_window(const unsigned char* bytes, char* out) {
  for (std::size_t k = 0; k < k_window; ++k) out[k] = static_cast<char>(fold_ascii(bytes[k]));
}

std::size_t Builder::put_ascii(std::string_view source, std::size_t pos, std::size_t stop) {
  std::string& text = m_out.text;
  const std::size_t base = text.size();
  text.resize(base + (stop - pos));
  char* const begin = text.data() + base;
  char* out = begin;
  char last = base == 0 ? ' ' : begin[-1];
  const auto* const bytes = reinterpret_cast<const unsigned char*>(source.data());
  while (pos < stop) {
    // Bytes written as they fold, each from the source byte after the one before's.
    const std::size_t run_from = pos;
    char* const run_out = out;
    for (; stop - pos >= k_window && plain_window(bytes + pos, last); pos += k_window, out += k_window) {
      fold_window(bytes + pos, out);
      last = out[k_window - 1];
    }
    // Byte by byte to the next thing to decide, which is within the window that was not plain.
    while (pos < stop) {
      const unsigned char byte = bytes[pos];
      const char c = k_ascii_folded[byte];
      if ((c == ' ' && last == ' ') || byte == '-') break;
      *out++ = c;
      last = c;
      ++pos;
    }
    if (m_keep_origin && out > run_out)
      m_out.origin.push_run(static_cast<std::uint32_t>(run_from), static_cast<std::size_t>(out - run_out));
    if (pos == stop) break;
    if (bytes[pos] == '-') {
      if (const std::size_t joined = end_of_line_break_hyphen(source, pos, pos + 1)) {
        pos = joined;
        continue;
      }
      *out++ = '-';
      last = '-';
      if (m_keep_origin) m_out.origin.push_back(static_cast<std::uint32_t>(pos));
    }
    ++pos;  // the hyphen just written, or white space after white space, left out
  }
  text.resize(base + static_cast<std::size_t>(out - begin));
  return pos;
}

// The normalised bytes of one segment (a character and the marks that combine with it);
// nullopt when ICU fails on it.
std::optional<std::string> normalise_segment(const Normalisers& n, std::string_view source) {
  UErrorCode status = U_ZERO_ERROR;
  const auto segment =
      icu::UnicodeString::fromUTF8(icu::StringPiece(source.data(), static_cast<int32_t>(source.size())));
  icu::UnicodeString folded = n.nfkc_cf->normalize(segment, status);
  folded = n.nfc->normalize(fold_marks(n.nfd->normalize(folded, status)), status);
  if (U_FAILURE(status)) return std::nullopt;
  std::string bytes;
  for (int32_t i = 0; i < folded.length();) {
    const UChar32 c = folded.char32At(i);
    i += U16_LENGTH(c);
    if (is_white(c))
      bytes += ' ';
    else if (is_apostrophe(c))
      bytes += '\'';
    else if (is_dash(c))
      bytes += '-';
    else if (is_double_quote(c))
      bytes += '"';
    else
      append_utf8(bytes, c);
  }
  return bytes;
}

// U+0080 to U+024F: Latin-1 Supplement and Latin Extended-A and -B, where French, Spanish and
// other European languages' accented letters are. None is a dash (end_of_line_break_hyphen).
constexpr UChar32 k_table_first = 0x80;
constexpr UChar32 k_table_end = 0x250;

const std::vector<std::optional<std::string>>& latin_table() {
  static const std::vector<std::optional<std::string>> table = [] {
    const Normalisers& n = normalisers();
    std::vector<std::optional<std::string>> out;
    for (UChar32 c = k_table_first; c < k_table_end; ++c) {
      std::string utf8;
      append_utf8(utf8, c);
      out.push_back(normalise_segment(n, utf8));
    }
    return out;
  }();
  return table;
}

NormalisedText run(std::string_view source, bool keep_origin) {
  const Normalisers& n = normalisers();
  Builder out(source, keep_origin);
  std::size_t pos = 0;
  while (pos < source.size()) {
    const auto byte = static_cast<unsigned char>(source[pos]);
    if (byte < 0x80) {
      // ASCII: most of an English document, in one loop. Each ASCII character starts a segment
      // of its own, but for the last before a combining mark, which goes with the mark below.
      const std::size_t end = ascii_end(source, pos, source.size());
      std::size_t stop = end;
      if (end < source.size() && !n.nfkc_cf->hasBoundaryBefore(code_point_at(source, end))) --stop;
      if (pos < stop) {
        pos = out.put_ascii(source, pos, stop);
        continue;
      }
    }
    // One normalisation segment: a character with a boundary before it and the characters
    // that combine with it. Segments normalise independently (ICU's boundary guarantee).
    const std::size_t start = pos;
    std::size_t next = 0;
    const UChar32 first = code_point_at(source, pos, &next);
    pos = next;
    const std::size_t first_end = next;
    while (pos < source.size()) {
      const UChar32 c = code_point_at(source, pos, &next);
      if (n.nfkc_cf->hasBoundaryBefore(c)) break;
      pos = next;
    }
    if (is_dash(first) && pos == first_end) {
      if (const std::size_t joined = end_of_line_break_hyphen(source, start, pos)) {
        pos = joined;
        continue;
      }
    }
    if (pos == first_end && first >= k_table_first && first < k_table_end) {
      // One code point on its own, of those accented Latin letters and signs that European
      // languages use: its bytes as the full path below gave them, worked out once.
      const std::optional<std::string>& bytes = latin_table()[static_cast<std::size_t>(first - k_table_first)];
      if (bytes) out.put(*bytes, start);
      continue;
    }
    if (const std::optional<std::string> bytes = normalise_segment(n, source.substr(start, pos - start)))
      out.put(*bytes, start);
  }
  return out.finish();
}

}  // namespace

std::pair<std::size_t, std::size_t> NormalisedText::source_span(std::size_t begin, std::size_t end) const {
  if (begin >= end || end > text.size()) return {origin.at(begin), origin.at(begin)};
  const std::size_t first = origin[begin];
  // The source character that produced the last byte ends where the next one starts.
  std::size_t last = end;
  while (last < text.size() && origin[last] == origin[end - 1]) ++last;
  std::size_t second = origin[last];
  if (second <= first) second = origin.back();
  return {first, second};
}

std::uint32_t Origin::operator[](std::size_t i) const {
  // The last run starting at or before i.
  const auto after =
      std::upper_bound(m_runs.begin(), m_runs.end(), i, [](std::size_t at, const Run& run) { return at < run.first; });
  const Run& run = *(after - 1);
  return run.offset + static_cast<std::uint32_t>(i - run.first);
}

std::uint32_t Origin::at(std::size_t i) const {
  if (i >= m_size) throw std::out_of_range("Origin::at");
  return (*this)[i];
}

void Origin::push_back(std::uint32_t offset) {
  if (m_runs.empty() || offset != m_runs.back().offset + (m_size - m_runs.back().first)) {
    m_runs.push_back({static_cast<std::uint32_t>(m_size), offset});
  }
  ++m_size;
}

void Origin::push_run(std::uint32_t offset, std::size_t count) {
  if (count == 0) return;
  push_back(offset);  // the rest carry on the run this one is in
  m_size += count - 1;
}

void Origin::pop_back() {
  --m_size;
  if (m_runs.back().first == m_size) m_runs.pop_back();
}

NormalisedText normalise(std::string_view source) { return run(source, true); }

std::string normalise_term(std::string_view term) { return run(term, false).text; }

}  // namespace unct::text
