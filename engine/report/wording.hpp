#pragma once

// Wording every report shares, so that a quote's place or a share reads the same in the terminal,
// in Markdown and in HTML.

#include "engine/agreement/agreement.hpp"
#include "engine/report/messages.hpp"
#include "engine/rules/result.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace unct::report {

// "2. Who is left behind > 2.1 Indigenous peoples, page 3" (or ", line 14").
std::string place(const rules::Evidence& evidence, const Messages& m = messages("en"));

// "reviewed by A. Reviewer on 2026-11-23 (engine: Approaches)": who overrode the engine's level,
// when, and what the engine had rated.
std::string reviewed(const rules::Review& review, const Messages& m = messages("en"));

// An item's level as a table cell shows it: "Meets", "Meets (self-reported)", "Meets (reviewed by
// A. Reviewer on 2026-11-23 (engine: Approaches))", "not applicable", "not assessable from the
// document".
std::string item_level_text(const rules::ItemResult& item, const Messages& m = messages("en"));

// "1 participant", "3 participants": a count with its noun, plural with an "s" but for 1.
std::string counted(std::size_t count, std::string_view noun);
// The same in the language of `m`, from the catalogue's singular and plural rows
// (Msg::participant_one, Msg::participant_many): "0 participant" in French, "0 participants" in English.
std::string counted(std::size_t count, Msg one, Msg many, const Messages& m);

// "27%"; "-" when `whole` is 0.
std::string percent(std::size_t part, std::size_t whole);

// "0.74": a weighted kappa to two decimals; "-" when it is undefined.
std::string kappa_text(const std::optional<double>& kappa);

// "64% exact, 82% within one level, weighted kappa 0.45": agreement with a reference.
std::string agreement_text(const agreement::Agreement& agreement, const Messages& m = messages("en"));

// "12" or "12.5": points, with one decimal when they are not whole.
std::string points_text(double points);

// "1.3": a mean number of levels, to one decimal.
std::string levels_text(double levels);

// The quote with its matched words between `open` and `close`, every piece passed through
// `escape` (the target format's escaping). Highlights out of order or out of range are skipped.
template <class Escape>
std::string marked(const rules::Evidence& e, Escape escape, std::string_view open, std::string_view close) {
  std::string out;
  std::size_t at = 0;
  for (const auto& [begin, end] : e.highlights) {
    if (begin < at || end > e.quote.size() || begin >= end) continue;
    out += escape(e.quote.substr(at, begin - at));
    out += open;
    out += escape(e.quote.substr(begin, end - begin));
    out += close;
    at = end;
  }
  return out + escape(e.quote.substr(std::min(at, e.quote.size())));
}

}  // namespace unct::report
