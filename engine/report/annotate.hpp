#pragma once

// The team's own DOCX draft, reviewed: the same file with Word comments added (author
// "unct-assess"), one on each passage the engine quoted as evidence, saying which items and
// criteria it supports, and one per gap at the start of the part of the document where the
// checklist expects the content (else at the heading of the section where the draft already
// touches the item, else at the document's start), saying what to add. Nothing else
// changes: every part of the package but word/document.xml, word/comments.xml, the content types
// and the document's relationships is kept byte for byte, and document.xml only gains the
// comments' anchors (runs are split where a quote starts or ends inside one).

#include "engine/assess/assessment.hpp"
#include "engine/checklist/model.hpp"
#include "engine/core/zip.hpp"
#include "engine/ingest/document.hpp"
#include "engine/rules/compiled.hpp"

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

namespace unct::report {

struct AnnotateInput {
  std::string_view draft;            // the DOCX file's bytes
  std::filesystem::path path;        // names it in messages
  const ingest::Document& document;  // read from those bytes
  const Assessment& assessment;      // of that document
  const checklist::Checklist& checklist;
  const rules::CompiledChecklist& compiled;
  std::string lang;  // of the comments: "en", "fr", "es"; empty for the document's, else English
  std::string date;  // ISO 8601, stamped on each comment
  ZipLimits limits;  // those the draft was read under
};

struct Annotated {
  std::string docx;  // the reviewed draft's bytes
  std::size_t evidence_comments = 0;
  std::size_t gap_comments = 0;
  std::size_t quotes_not_placed = 0;  // quotes the draft's paragraphs do not hold word for word
};

// Throws InputError naming the file when the draft is not a DOCX package with a readable
// word/document.xml.
Annotated annotate_docx(const AnnotateInput& input);

}  // namespace unct::report
