#include "engine/report/evaluation.hpp"

#include "engine/report/layout.hpp"
#include "engine/report/wording.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace unct::report {
namespace {

using nlohmann::ordered_json;

std::string percent_text(double share) { return std::to_string(std::lround(100.0 * share)) + "%"; }

std::string figures_row(const std::string& name, const agreement::Agreement& a) {
  return fit(name, 32) + fit(std::to_string(a.count), 7) + fit(percent(a.exact, a.count), 8) +
         fit(percent(a.within_one, a.count), 12) + kappa_text(a.kappa) + '\n';
}

// Items ordered by how many documents disagree with the gold, then by how far.
std::vector<std::pair<std::string, std::size_t>> most_disagreed(const agreement::Evaluation& e) {
  std::map<std::string, std::pair<std::size_t, int>> counts;  // item -> (disagreements, total distance)
  for (const agreement::DocumentOutcome& d : e.documents) {
    for (const agreement::ItemOutcome& i : d.items) {
      if (i.gold == i.engine) continue;
      ++counts[i.item_id].first;
      counts[i.item_id].second += std::abs(points(i.gold) - points(i.engine));
    }
  }
  std::vector<std::pair<std::string, std::pair<std::size_t, int>>> sorted(counts.begin(), counts.end());
  std::stable_sort(sorted.begin(), sorted.end(), [](const auto& x, const auto& y) { return x.second > y.second; });
  std::vector<std::pair<std::string, std::size_t>> out;
  for (const auto& [item, c] : sorted) out.emplace_back(item, c.first);
  return out;
}

ordered_json figures_json(const agreement::Agreement& a) {
  ordered_json confusion = ordered_json::array();
  for (const auto& row : a.confusion) confusion.push_back(row);
  return {
      {"items", a.count},
      {"exact", a.exact},
      {"within_one", a.within_one},
      {"exact_share", a.exact_share()},
      {"within_one_share", a.within_one_share()},
      {"weighted_kappa", a.kappa ? ordered_json(*a.kappa) : ordered_json(nullptr)},
      {"found_share", a.found_share() ? ordered_json(*a.found_share()) : ordered_json(nullptr)},
      {"false_credit_share", a.false_credit_share() ? ordered_json(*a.false_credit_share()) : ordered_json(nullptr)},
      {"unearned_meets", a.unearned_meets()},
      {"confusion", confusion}};
}

}  // namespace

void render_evaluation(const agreement::Evaluation& e, std::ostream& out) {
  out << "Agreement of the engine with the gold ratings: " << e.documents.size() << " documents, " << e.overall.count
      << " items.\nThe documents are the development set the checklist was tuned on: agreement on unseen\n"
         "documents will be lower.\n\n";
  out << fit("", 32) << fit("items", 7) << fit("exact", 8) << fit("within one", 12) << "weighted kappa\n";
  out << figures_row("Overall", e.overall);
  for (const auto& [kind, a] : e.by_kind) out << figures_row("  " + std::string(label(*parse_document_kind(kind))), a);
  for (const auto& [language, a] : e.by_language) out << figures_row("  language " + language, a);

  auto share = [](std::optional<double> v) { return v ? percent_text(*v) : std::string("n/a"); };
  out << "\nGold Approaches or above that the engine rates Approaches or above: " << share(e.overall.found_share())
      << "\nGold Missing that the engine rates above Missing: " << share(e.overall.false_credit_share())
      << "\nMeets or Exceeds where the gold says Missing or Approaches: " << e.overall.unearned_meets() << '\n';

  out << "\nConfusion matrix (rows: gold, columns: engine)\n" << fit("", 14);
  for (Level l : k_levels) out << fit(std::string(label(l)), 12);
  out << '\n';
  for (Level g : k_levels) {
    out << fit(std::string(label(g)), 14);
    for (Level r : k_levels) out << fit(std::to_string(e.overall.confusion[points(g)][points(r)]), 12);
    out << '\n';
  }

  out << "\nDocuments\n";
  for (const agreement::DocumentOutcome& d : e.documents) {
    out << "  " << d.document.filename().string() << " (" << d.kind << ", " << (d.language.empty() ? "?" : d.language)
        << ", " << d.words << " words)" << (d.kind_read != d.kind ? " READ AS " + d.kind_read + ", not rated" : "")
        << ": " << d.agreement.exact << " of " << d.agreement.count << " exact, " << d.agreement.within_one
        << " within one, kappa " << kappa_text(d.agreement.kappa) << '\n';
  }

  const auto worst = most_disagreed(e);
  if (worst.empty()) {
    out << "\nThe engine agrees with every gold rating.\n";
    return;
  }
  out << "\nItems with the most disagreement\n";
  for (std::size_t i = 0; i < worst.size() && i < 5; ++i) {
    const agreement::Agreement& a = e.by_item.at(worst[i].first);
    out << "  " << fit(worst[i].first, 13) << worst[i].second << " of " << a.count << " documents differ\n";
  }
  out << "\nDisagreements\n";
  for (const agreement::DocumentOutcome& d : e.documents) {
    for (const agreement::ItemOutcome& i : d.items) {
      if (i.gold == i.engine) continue;
      out << "\n  " << d.document.filename().string() << "  " << i.item_id << " " << i.title << ": gold "
          << label(i.gold) << ", engine " << label(i.engine) << '\n';
      out << wrap("gold (" + d.gold.filename().string() + ":" + std::to_string(i.gold_line) + "): " + i.rationale, 4);
      if (!i.rated) {
        out << wrap("engine read the document as a " + std::string(label(*parse_document_kind(d.kind_read))) +
                        " and did not rate this item",
                    4);
        continue;
      }
      if (i.evidence)
        out << wrap("engine found: \"" + i.evidence->quote + "\" (" + place(*i.evidence) + ")", 4);
      else
        out << "    engine found no evidence\n";
      for (const std::string& c : i.unmet) out << wrap("engine did not find: " + c, 4);
    }
  }
}

void render_evaluation_json(const agreement::Evaluation& e, std::ostream& out) {
  ordered_json documents = ordered_json::array();
  for (const agreement::DocumentOutcome& d : e.documents) {
    ordered_json items = ordered_json::array();
    for (const agreement::ItemOutcome& i : d.items) {
      ordered_json item{{"id", i.item_id},
                        {"gold", code(i.gold)},
                        {"engine", code(i.engine)},
                        {"rated", i.rated},
                        {"rationale", i.rationale}};
      if (i.evidence) item["evidence"] = {{"quote", i.evidence->quote}, {"place", place(*i.evidence)}};
      item["unmet"] = i.unmet;
      items.push_back(std::move(item));
    }
    documents.push_back({{"document", d.document.string()},
                         {"gold", d.gold.string()},
                         {"title", d.title},
                         {"kind", d.kind},
                         {"kind_read", d.kind_read},
                         {"language", d.language},
                         {"words", d.words},
                         {"agreement", figures_json(d.agreement)},
                         {"items", items}});
  }
  auto group = [](const std::map<std::string, agreement::Agreement>& m) {
    ordered_json o = ordered_json::object();
    for (const auto& [key, a] : m) o[key] = figures_json(a);
    return o;
  };
  const ordered_json doc{{"overall", figures_json(e.overall)},
                         {"by_kind", group(e.by_kind)},
                         {"by_language", group(e.by_language)},
                         {"by_item", group(e.by_item)},
                         {"documents", documents}};
  out << doc.dump(2) << '\n';
}

}  // namespace unct::report
