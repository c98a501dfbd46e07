#pragma once

// A Word document (DOCX, WordprocessingML) written from paragraphs, runs and tables: enough for
// the reports, no more. Styles (title, headings, block quote, note) are defined once in the
// package, so a reader can restyle the report in Word. pugixml builds the XML and libzip the
// package: nothing is concatenated by hand.

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace unct::report {

// Colours as Word takes them: six hex digits, no '#'.
inline constexpr std::string_view k_colour_missing = "C0392B";
inline constexpr std::string_view k_colour_approaches = "E67E22";
inline constexpr std::string_view k_colour_meets = "27AE60";
inline constexpr std::string_view k_colour_exceeds = "1E6FB8";
inline constexpr std::string_view k_colour_grey = "8A8A8A";

struct Span {
  std::string text;
  bool bold = false;
  bool italic = false;
  bool marked = false;  // highlighted in yellow, as a matched word in a quote
  std::string colour;   // of the letters; empty for the style's
  std::string fill;     // shading behind the letters (a level badge); empty for none
  bool small = false;   // a place or a side note
};

struct TableCell {
  std::vector<Span> runs;
  std::string fill;  // cell shading; empty for none
};

enum class ParagraphStyle { normal, title, heading1, heading2, heading3, quote, note, list };

class WordDocument {
public:
  // `lang` is the language Word proofs the text in ("en", "fr", "es").
  explicit WordDocument(std::string_view lang);
  ~WordDocument();
  WordDocument(const WordDocument&) = delete;
  WordDocument& operator=(const WordDocument&) = delete;

  void paragraph(ParagraphStyle style, const std::vector<Span>& runs);
  void paragraph(ParagraphStyle style, std::string_view text) { paragraph(style, {Span{.text = std::string(text)}}); }
  // A table with a header row (repeated on each page), columns `widths` in twentieths of a point.
  void table(const std::vector<std::size_t>& widths, const std::vector<std::vector<TableCell>>& rows);

  // The package's bytes; `title` goes into its properties (shown by Word's File > Info).
  std::string finish(std::string_view title);

private:
  struct Impl;
  std::unique_ptr<Impl> m;
};

}  // namespace unct::report
