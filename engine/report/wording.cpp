#include "engine/report/wording.hpp"

#include <cmath>
#include <cstdio>
#include <iomanip>
#include <sstream>

namespace unct::report {

std::string place(const rules::Evidence& e) {
  std::string out = e.section.empty() ? "before the first heading" : e.section;
  if (e.page > 0) out += ", page " + std::to_string(e.page);
  if (e.line > 0) out += ", line " + std::to_string(e.line);
  return out;
}

std::string reviewed(const rules::Review& review) {
  return "reviewed by " + (review.reviewer.empty() ? std::string("a reviewer") : review.reviewer) + " on " +
         review.at.substr(0, 10) + " (engine: " + std::string(label(review.engine_level)) + ")";
}

std::string item_level_text(const rules::ItemResult& item) {
  if (rules::self_reported(item)) return std::string(label(item.level)) + " (self-reported)";
  if (item.external) return "not assessable from the document";
  if (!item.applicable) return "not applicable";
  if (item.review) return std::string(label(item.level)) + " (" + reviewed(*item.review) + ")";
  return std::string(label(item.level));
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

std::string agreement_text(const agreement::Agreement& a) {
  return percent(a.exact, a.count) + " exact, " + percent(a.within_one, a.count) +
         " within one level, weighted kappa " + kappa_text(a.kappa);
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
