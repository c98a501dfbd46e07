#pragma once

// A read document as bytes and back, so that its text and structure can be kept (the store's text
// cache), sent from a reader process, and a document scored again without reading the file anew.
// The form is a compact binary one, read about ten times as fast as the JSON that earlier versions
// stored, which is still read.

#include "engine/ingest/document.hpp"

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace unct::ingest {

// Bump when a reader changes what it makes of a file: cached documents read by an older reader
// are then read again.
inline constexpr int k_reader_version = 2;  // 2: zones

std::string serialise(const Document& document);

// The same bytes, handed to `sink` in order in pieces of at most k_serialised_piece bytes, for a
// caller that passes them on (the text cache's compressor) without holding the whole form (some
// 10 MB for a 1,600-page PDF).
inline constexpr std::size_t k_serialised_piece = 64 * 1024;
void serialise(const Document& document, const std::function<void(std::string_view piece)>& sink);

// serialise(document).size(), counted without making it.
std::size_t serialised_size(const Document& document);

// A document serialise wrote, or that an earlier version wrote as JSON. Throws std::runtime_error
// on bytes neither wrote.
Document deserialise(std::string_view bytes);

}  // namespace unct::ingest
