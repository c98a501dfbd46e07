#pragma once

// A document read against the signal checklist, tests/fixtures/checklist/signals.xml, for the
// tests of each signal kind. Its sets: roma, indigenous, groups (includes both), discrimination,
// indicator, ethnicity, disaggregation, grounded-discrimination (discrimination with groups or
// ethnicity in the sentence), travellers (its term twice: for every language and for English),
// travelling-groups (that term again, and includes travellers and roma), heading-lnob (part
// "lnob"), heading-results (part "results").

#include "engine/checklist/load.hpp"
#include "engine/ingest/read.hpp"
#include "engine/rules/evaluate.hpp"
#include "tests/support/support.hpp"

#include <gtest/gtest.h>

#include <string>

namespace unct::test {

class SignalTest : public ::testing::Test {
protected:
  void read(const std::string& markdown, const std::string& language = "") {
    m_document = ingest::read_markdown(markdown, "test.md");
    m_index = rules::index_document(m_compiled, m_document, {.language = language});
  }
  bool holds(const signals::Signal& signal) const { return outcome(signal).holds; }
  rules::Outcome outcome(const signals::Signal& signal) const {
    return rules::evaluate(signal, m_compiled, m_document, m_index);
  }
  rules::Trace trace(const signals::Signal& signal) const {
    rules::Trace t;
    rules::evaluate(signal, m_compiled, m_document, m_index, &t);
    return t;
  }

  checklist::Checklist m_checklist = checklist::load_checklist(fixture("checklist/signals.xml"));
  rules::CompiledChecklist m_compiled = rules::compile(m_checklist);
  ingest::Document m_document;
  rules::DocumentIndex m_index;
};

// Each block kind a document has; a signal must see terms in all of them.
inline constexpr const char* k_block_kinds[] = {
    "# Roma\n\nText.\n",                     // heading
    "Text about Roma here.\n",               // paragraph
    "- Roma\n- others\n",                    // list item
    "| a | b |\n|---|---|\n| x | Roma |\n",  // table cell
};

}  // namespace unct::test
