#pragma once

// Plain-text layout shared by the terminal renderers: widths in code points, not bytes.

#include <cstddef>
#include <string>
#include <string_view>

namespace unct::report {

inline constexpr std::size_t k_width = 100;  // columns of a text report

std::size_t display_width(std::string_view text);

// The text cut to `width` code points (with "..." when cut), padded with spaces to `width`.
std::string fit(std::string_view text, std::size_t width);

// Word-wrapped lines, each starting with `indent` spaces.
std::string wrap(std::string_view text, std::size_t indent, std::size_t width = k_width);

}  // namespace unct::report
