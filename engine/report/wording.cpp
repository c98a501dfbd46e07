#include "engine/report/wording.hpp"

#include <cmath>
#include <cstdio>
#include <iomanip>
#include <sstream>

namespace unct::report {

std::string place(const rules::Evidence& e, const Messages& m) {
  std::string out = e.section.empty() ? std::string(m[Msg::before_first_heading]) : e.section;
  if (e.page > 0) out += ", " + std::string(m[Msg::page]) + " " + std::to_string(e.page);
  if (e.line > 0) out += ", " + std::string(m[Msg::line]) + " " + std::to_string(e.line);
  return out;
}

std::string reviewed(const rules::Review& review, const Messages& m) {
  return m(Msg::reviewed_by, {review.reviewer.empty() ? m[Msg::a_reviewer] : std::string_view(review.reviewer),
                              std::string_view(review.at).substr(0, 10), m.level(review.engine_level)});
}

std::string item_level_text(const rules::ItemResult& item, const Messages& m) {
  const std::string level(m.level(item.level));
  if (rules::self_reported(item)) return level + " (" + std::string(m[Msg::self_reported]) + ")";
  if (item.external) return std::string(m[Msg::not_assessable]);
  if (!item.applicable) return std::string(m[Msg::not_applicable]);
  if (item.review) return level + " (" + reviewed(*item.review, m) + ")";
  return level;
}

std::string counted(std::size_t count, std::string_view noun) {
  return std::to_string(count) + " " + std::string(noun) + (count == 1 ? "" : "s");
}

std::string percent(std::size_t part, std::size_t whole) {
  if (whole == 0) return "-";
  return std::to_string(std::lround(100.0 * static_cast<double>(part) / static_cast<double>(whole))) + "%";
}

std::string kappa_text(const std::optional<double>& kappa) {
  if (!kappa) return "-";
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%.2f", *kappa);
  return buffer;
}

std::string counted(std::size_t count, Msg one, Msg many, const Messages& m) {
  // French takes the singular for none as for one ("0 participant"); English and Spanish for one only.
  const bool singular = m.lang() == "fr" ? count < 2 : count == 1;
  return m(singular ? one : many, {std::to_string(count)});
}

std::string agreement_text(const agreement::Agreement& a, const Messages& m) {
  return m(Msg::agreement_line, {percent(a.exact, a.count), percent(a.within_one, a.count), kappa_text(a.kappa)});
}

std::string points_text(double points) {
  std::ostringstream out;
  out << std::setprecision(points == std::floor(points) ? 0 : 1) << std::fixed << points;
  return out.str();
}

std::string levels_text(double levels) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%.1f", levels);
  return buffer;
}

}  // namespace unct::report
