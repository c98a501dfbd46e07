#include "bench/corpus.hpp"

#include <array>
#include <random>

namespace unct::bench {
namespace {

struct Language {
  std::string_view code;
  std::array<std::string_view, 8> chapters;
  std::array<std::string_view, 4> table_header;
  std::vector<std::string_view> words;
  std::string_view outcome;
};

const std::array<Language, 3> k_languages{{
    {"en",
     {"Executive summary", "Who is left behind", "Human rights analysis", "Data and statistics",
      "Multidimensional risks", "Theory of change", "Results framework", "Annex 1: Consultations"},
     {"Indicator", "Baseline", "Target", "Source"},
     {"the",        "national", "policy",     "development", "of",          "access",   "services",  "and",
      "government", "rural",    "areas",      "in",          "sustainable", "growth",   "public",    "institutions",
      "capacity",   "support",  "for",        "local",       "programme",   "health",   "education", "coverage",
      "remains",    "low",      "since",      "reform",      "budget",      "with",     "strategy",  "progress",
      "targets",    "social",   "protection", "households",  "income",      "women",    "youth",     "employment",
      "informal",   "sector",   "climate",    "resilience",  "water",       "partners", "United",    "Nations",
      "country",    "team",     "analysis",   "shows",       "that",        "per",      "cent",      "between",
      "2019",       "2024"},
     "Outcome"},
    {"fr",
     {"Résumé analytique", "Qui est laissé de côté", "Analyse des droits de l'homme", "Données et statistiques",
      "Risques multidimensionnels", "Théorie du changement", "Cadre de résultats", "Annexe 1 : Consultations"},
     {"Indicateur", "Référence", "Cible", "Source"},
     {"le",       "la",         "les",      "politique",    "nationale",    "développement", "de",
      "accès",    "aux",        "services", "et",           "gouvernement", "zones",         "rurales",
      "dans",     "croissance", "durable",  "institutions", "publiques",    "capacités",     "appui",
      "pour",     "programme",  "santé",    "éducation",    "couverture",   "reste",         "faible",
      "depuis",   "réforme",    "budget",   "avec",         "stratégie",    "progrès",       "protection",
      "sociale",  "ménages",    "revenu",   "femmes",       "jeunes",       "emploi",        "secteur",
      "informel", "climat",     "eau",      "partenaires",  "Nations",      "Unies",         "équipe",
      "pays",     "l’analyse",  "montre",   "que",          "pour",         "cent",          "entre",
      "2019"},
     "Effet"},
    {"es",
     {"Resumen ejecutivo", "Quién se queda atrás", "Análisis de derechos humanos", "Datos y estadísticas",
      "Riesgos multidimensionales", "Teoría del cambio", "Marco de resultados", "Anexo 1: Consultas"},
     {"Indicador", "Línea de base", "Meta", "Fuente"},
     {"el",          "la",        "los",        "las",         "política",   "nacional",
      "desarrollo",  "de",        "acceso",     "servicios",   "y",          "gobierno",
      "zonas",       "rurales",   "en",         "crecimiento", "sostenible", "instituciones",
      "públicas",    "capacidad", "apoyo",      "para",        "programa",   "salud",
      "educación",   "cobertura", "sigue",      "baja",        "desde",      "reforma",
      "presupuesto", "con",       "estrategia", "progreso",    "protección", "social",
      "hogares",     "ingresos",  "mujeres",    "jóvenes",     "empleo",     "sector",
      "informal",    "clima",     "agua",       "socios",      "Naciones",   "Unidas",
      "equipo",      "país",      "análisis",   "muestra",     "que",        "por",
      "ciento",      "entre",     "2019",       "2024"},
     "Efecto"},
}};

class Writer {
public:
  Writer(const CorpusOptions& options, const Vocabulary& vocabulary, std::size_t n)
      : m_options(options),
        m_random(options.seed * 1'000'003 + n),
        m_language(k_languages[n % 5 < 3    ? 0
                               : n % 5 == 3 ? 1
                                            : 2]),
        m_terms(m_language.code == "en"   ? vocabulary.en
                : m_language.code == "fr" ? vocabulary.fr
                                          : vocabulary.es) {}

  ingest::Document write(std::size_t n) {
    ingest::Document document;
    document.path = "corpus/" + std::to_string(n) + ".md";
    document.format = "generated";
    document.language = std::string(m_language.code);  // as reading a document detects it
    document.title = "Common Country Analysis " + std::to_string(n);
    add(document, ingest::BlockKind::heading, document.title, 1);
    std::size_t chapter = 0;
    while (m_bytes < m_options.document_bytes) {
      const std::string_view name = m_language.chapters[chapter % m_language.chapters.size()];
      add(document, ingest::BlockKind::heading, std::to_string(chapter + 1) + ". " + std::string(name), 2);
      const bool results = chapter % m_language.chapters.size() == 6;
      if (results) {
        table(document);
      } else {
        for (std::size_t p = 0, paragraphs = 3 + pick(5); p < paragraphs; ++p) {
          add(document, ingest::BlockKind::paragraph, paragraph(2 + pick(5)), 0);
        }
        for (std::size_t i = 0, items = pick(4); i < items; ++i)
          add(document, ingest::BlockKind::list_item, sentence(), 1);
      }
      ++chapter;
    }
    document.bytes = m_bytes;
    return document;
  }

private:
  std::size_t pick(std::size_t n) { return n == 0 ? 0 : static_cast<std::size_t>(m_random() % n); }

  std::string sentence() {
    std::string out;
    const std::size_t words = 8 + pick(18);
    const bool with_term =
        !m_terms.empty() && static_cast<double>(m_random() % 10'000) < m_options.hit_density * 10'000;
    const std::size_t term_at = pick(words);
    for (std::size_t w = 0; w < words; ++w) {
      if (!out.empty()) out += ' ';
      if (with_term && w == term_at)
        out += m_terms[pick(m_terms.size())];
      else
        out += m_language.words[pick(m_language.words.size())];
    }
    out[0] = static_cast<char>(out[0] >= 'a' && out[0] <= 'z' ? out[0] - 32 : out[0]);
    return out + (pick(7) == 0 ? ";" : ".");
  }

  std::string paragraph(std::size_t sentences) {
    std::string out;
    for (std::size_t s = 0; s < sentences; ++s) out += (out.empty() ? "" : " ") + sentence();
    return out;
  }

  void table(ingest::Document& document) {
    ++m_table;
    int row = 0;
    auto cells = [&](const std::vector<std::string>& texts) {
      for (std::size_t c = 0; c < texts.size(); ++c) {
        ingest::Block& block = add(document, ingest::BlockKind::table_cell, texts[c], 0);
        block.table = m_table;
        block.row = row;
        block.column = static_cast<int>(c);
      }
      ++row;
    };
    cells({std::string(m_language.table_header[0]), std::string(m_language.table_header[1]),
           std::string(m_language.table_header[2]), std::string(m_language.table_header[3])});
    for (std::size_t outcome = 1; outcome <= 3; ++outcome) {
      cells({std::string(m_language.outcome) + " " + std::to_string(outcome) + ": " + sentence(), "", "", ""});
      for (std::size_t i = 0, indicators = 2 + pick(4); i < indicators; ++i) {
        cells({std::to_string(outcome) + "." + std::to_string(i + 1) + " " + sentence(),
               std::to_string(pick(100)) + "%", std::to_string(pick(100)) + "%",
               m_language.words[pick(m_language.words.size())].data()});
      }
    }
  }

  ingest::Block& add(ingest::Document& document, ingest::BlockKind kind, std::string text, int level) {
    m_bytes += text.size() + 1;
    ingest::Block block{.kind = kind, .text = std::move(text), .level = level, .line = ++m_line};
    document.blocks.push_back(std::move(block));
    return document.blocks.back();
  }

  const CorpusOptions& m_options;
  std::mt19937_64 m_random;
  const Language& m_language;
  const std::vector<std::string>& m_terms;
  std::size_t m_bytes = 0;
  int m_line = 0;
  int m_table = -1;
};

}  // namespace

Vocabulary vocabulary_of(const checklist::Checklist& checklist) {
  Vocabulary out;
  std::size_t n = 0;
  for (const checklist::TermSet& set : checklist.term_sets) {
    for (const checklist::Term& term : set.terms) {
      std::string text = term.text;
      // A '*' takes one of a few endings, so that prefix terms are exercised with and without one.
      static constexpr std::array<std::string_view, 4> k_endings{"", "s", "ies", "ation"};
      for (std::size_t star; (star = text.find('*')) != std::string::npos;) text.replace(star, 1, k_endings[n++ % 4]);
      if (term.lang.empty() || term.lang == "en") out.en.push_back(text);
      if (term.lang.empty() || term.lang == "fr") out.fr.push_back(text);
      if (term.lang.empty() || term.lang == "es") out.es.push_back(text);
    }
  }
  return out;
}

ingest::Document generate_document(const CorpusOptions& options, const Vocabulary& vocabulary, std::size_t n) {
  return Writer(options, vocabulary, n).write(n);
}

}  // namespace unct::bench
