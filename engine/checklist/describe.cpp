#include "engine/checklist/describe.hpp"

#include "engine/core/overloaded.hpp"

#include <cmath>

namespace unct::checklist {
namespace {

std::string in_part(const std::optional<std::string>& part) { return part ? ", in part " + *part : ""; }

std::string polarity(Polarity p) {
  return p == Polarity::affirmed ? ", affirmed" : p == Polarity::negated ? ", negated" : "";
}

std::string at_least(int count) { return count > 1 ? ", at least " + std::to_string(count) : ""; }

std::string list(const std::vector<Signal>& signals) {
  std::string out;
  for (const Signal& signal : signals) out += (out.empty() ? "" : "; ") + describe(signal);
  return out;
}

}  // namespace

std::string describe(Scope scope, int words) {
  switch (scope) {
    case Scope::sentence: return "same sentence";
    case Scope::paragraph: return "same paragraph";
    case Scope::row: return "same table row";
    case Scope::words: return "within " + std::to_string(words) + " words";
  }
  return {};
}

std::string describe(const Signal& signal) {
  return std::visit(
      Overloaded{
          [](const Mentions& s) { return "mentions(" + s.term_set + at_least(s.min_count) + in_part(s.part) + polarity(s.polarity) + ")"; },
          [](const Coverage& s) {
            return "coverage(" + s.term_set + ", " + std::to_string(s.min_distinct) + " distinct " +
                   (s.by == CoverageUnit::set ? "sets" : "terms") + in_part(s.part) + polarity(s.polarity) + ")";
          },
          [](const Near& s) {
            return "near(" + s.term_set_a + (s.ordered ? " before " : ", ") + s.term_set_b + ", " +
                   describe(s.within, s.words) + at_least(s.min_count) + in_part(s.part) + polarity(s.polarity) + ")";
          },
          [](const InTable& s) { return "in-table(" + s.term_set + at_least(s.min_count) + in_part(s.part) + polarity(s.polarity) + ")"; },
          [](const Pattern& s) { return "pattern(/" + s.regex + "/" + at_least(s.min_count) + in_part(s.part) + ")"; },
          [](const Share& s) {
            const long percent = std::lround(s.min_share * 100);
            return "share(rows of tables headed by " + s.header_set + " carrying " + s.having_set + " >= " +
                   std::to_string(percent) + "%, at least " + std::to_string(s.min_rows) + " rows" + in_part(s.part) + ")";
          },
          [](const AllOf& s) { return "all of: " + list(s.signals); },
          [](const AnyOf& s) { return "any of: " + list(s.signals); },
          [](const Not& s) { return "not: " + list(s.signal); },
          [](const AtLeast& s) { return "at least " + std::to_string(s.count) + " of: " + list(s.signals); },
      },
      signal);
}

}  // namespace unct::checklist
