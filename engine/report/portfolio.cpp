#include "engine/report/portfolio.hpp"

#include "engine/report/csv.hpp"
#include "engine/report/html.hpp"
#include "engine/report/wording.hpp"

#include <algorithm>

namespace unct::report {

std::vector<FindingRow> finding_rows(const std::vector<Assessment>& assessments) {
  std::vector<FindingRow> out;
  for (const Assessment& a : assessments) {
    const std::string document =
        a.document.title.empty() ? a.document.path : a.document.title + " (" + a.document.path + ")";
    for (const rules::ItemResult& item : a.items) {
      if (!item.applicable || item.level >= Level::meets) continue;
      FindingRow row{.document = document,
                     .item_id = item.item_id,
                     .title = item.title,
                     .level = item.level,
                     .what_to_add = item.gap};
      for (const std::string& id : item.unmet) {
        for (const rules::CriterionResult& c : item.criteria) {
          if (c.id == id) row.not_found += (row.not_found.empty() ? "" : "; ") + c.text;
        }
      }
      if (item.review) row.review = reviewed(*item.review) + ": " + item.review->note;
      out.push_back(std::move(row));
    }
  }
  return out;
}

void render_matrix_csv(const std::vector<PortfolioRow>& documents, std::ostream& out) {
  const std::vector<std::string> items = rated_items(documents);
  out << "assessment,document,kind,country,region,year";
  for (const std::string& id : items) out << ',' << csv_field(id);
  out << "\r\n";
  for (const PortfolioRow& d : documents) {
    out << d.assessment_id << ',' << csv_field(d.label) << ',' << d.kind << ',' << csv_field(d.country) << ','
        << csv_field(d.region) << ',' << (d.year > 0 ? std::to_string(d.year) : "");
    for (const std::string& id : items) {
      const std::optional<Level> level = d.level(id);
      out << ',' << (level ? std::string(code(*level)) : "");
    }
    out << "\r\n";
  }
}

void render_findings_csv(const std::vector<Assessment>& assessments, std::ostream& out) {
  out << "document,item,title,level,not_found,what_to_add,review\r\n";
  for (const FindingRow& f : finding_rows(assessments)) {
    out << csv_field(f.document) << ',' << csv_field(f.item_id) << ',' << csv_field(f.title) << ',' << code(f.level)
        << ',' << csv_field(f.not_found) << ',' << csv_field(f.what_to_add) << ',' << csv_field(f.review) << "\r\n";
  }
}

namespace {

// One heat map table: the item row, then a row per document.
void heat_map(const std::vector<const PortfolioRow*>& documents, const std::vector<std::string>& items,
              const PortfolioHtml& options, std::ostream& out) {
  static constexpr const char* k_short[] = {"M", "A", "Me", "E"};
  out << "<table class=\"heat\">\n<tr><th></th>";
  for (const std::string& id : items) out << "<th class=\"item\">" << escape_html(id) << "</th>";
  out << "</tr>\n";
  for (const PortfolioRow* d : documents) {
    out << "<tr id=\"a" << d->assessment_id << "\"><th class=\"doc\">" << escape_html(d->label) << "</th>";
    for (const std::string& id : items) {
      const std::optional<Level> level = d->level(id);
      if (!level) {
        out << "<td class=\"na\" title=\"" << escape_html(id) << ": not applicable\"></td>";
        continue;
      }
      const bool reviewed = d->is_reviewed(id);
      out << "<td class=\"" << code(*level) << (reviewed ? " reviewed" : "") << "\" title=\"" << escape_html(id) << ": "
          << escape_html(un_label(*level)) << (reviewed ? ", set by a reviewer" : "") << "\">";
      const std::string text = std::string(k_short[points(*level)]) + (reviewed ? "*" : "");
      if (options.cell_link)
        out << "<a href=\"" << escape_html(options.cell_link(*d, id)) << "\">" << text << "</a>";
      else
        out << text;
      out << "</td>";
    }
    out << "</tr>\n";
  }
  out << "</table>\n";
}

std::string country_anchor(std::size_t index) { return "country-" + std::to_string(index + 1); }

}  // namespace

void render_portfolio_html(const std::vector<PortfolioRow>& documents, const std::vector<GapRow>& gaps,
                           std::ostream& out, const PortfolioHtml& options) {
  const std::vector<std::string> items = rated_items(documents);
  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<title>Portfolio - unct-assess</title>\n<style>" << k_style << "</style>\n</head>\n<body>\n"
      << "<h1>Portfolio: " << documents.size() << (documents.size() == 1 ? " document" : " documents") << "</h1>\n"
      << "<p class=\"meta\">" << escape_html(options.rows) << " Cells: M Missing, A Approaches, Me Meets, E Exceeds, "
      << "* set by a reviewer; grey where the item does not apply.</p>\n";
  if (!options.by_country) {
    std::vector<const PortfolioRow*> all;
    for (const PortfolioRow& d : documents) all.push_back(&d);
    heat_map(all, items, options, out);
  } else {
    // A section per country (in alphabetical order, "no country" last), each with its own item
    // row, and a list to jump to one: a portfolio of hundreds of documents is read by country.
    std::vector<std::pair<std::string, std::vector<const PortfolioRow*>>> countries;
    for (const PortfolioRow& d : documents) {
      auto at = std::find_if(countries.begin(), countries.end(), [&](const auto& c) { return c.first == d.country; });
      if (at == countries.end()) at = countries.insert(countries.end(), {d.country, {}});
      at->second.push_back(&d);
    }
    std::stable_sort(countries.begin(), countries.end(), [](const auto& a, const auto& b) {
      if (a.first.empty() != b.first.empty()) return b.first.empty();
      return a.first < b.first;
    });
    out << "<nav class=\"countries\"><strong>" << countries.size()
        << (countries.size() == 1 ? " country" : " countries") << ":</strong> ";
    for (std::size_t i = 0; i < countries.size(); ++i) {
      out << (i == 0 ? "" : " &middot; ") << "<a href=\"#" << country_anchor(i) << "\">"
          << escape_html(countries[i].first.empty() ? "no country" : countries[i].first) << "</a> ("
          << countries[i].second.size() << ")";
    }
    out << "</nav>\n";
    for (std::size_t i = 0; i < countries.size(); ++i) {
      out << "<h3 id=\"" << country_anchor(i) << "\">"
          << escape_html(countries[i].first.empty() ? "No country" : countries[i].first) << " <span class=\"place\">("
          << countries[i].second.size() << (countries[i].second.size() == 1 ? " document" : " documents")
          << ")</span></h3>\n";
      heat_map(countries[i].second, items, options, out);
    }
  }
  out << "<h2>Items most often below Meets</h2>\n<table class=\"levels\">\n"
      << "<tr><th>Item</th><th>Below Meets</th><th>Share</th></tr>\n";
  for (const GapRow& g : gaps) {
    out << "<tr><td>" << escape_html(g.item_id) << " " << escape_html(g.title) << "</td><td>" << g.below_meets << " of "
        << g.applicable << "</td><td>" << percent(g.below_meets, g.applicable) << "</td></tr>\n";
  }
  out << "</table>\n</body>\n</html>\n";
}

}  // namespace unct::report
