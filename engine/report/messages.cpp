#include "engine/report/messages.hpp"

#include <array>

namespace unct::report {
namespace {

struct Row {
  Msg key;
  std::array<std::string_view, 3> text;  // en, fr, es
};

// One row per message, in the order of Msg (checked below).
constexpr Row k_catalogue[] = {
    {Msg::checklist_line,
     {"checklist {} version {}, unct-assess {}", "liste de contrôle {} version {}, unct-assess {}",
      "lista de verificación {} versión {}, unct-assess {}"}},
    {Msg::rated_against,
     {"Rated against {}, {} version {}, by unct-assess {}",
      "Évalué au regard de : {}, {} version {}, par unct-assess {}",
      "Evaluado conforme a: {}, {} versión {}, por unct-assess {}"}},
    {Msg::on_date, {" on {}", " le {}", " el {}"}},
    {Msg::note, {"Note", "Note", "Nota"}},
    {Msg::document, {"Document", "Document", "Documento"}},
    {Msg::title, {"Title", "Titre", "Título"}},
    {Msg::kind, {"Kind", "Type", "Tipo"}},
    {Msg::language, {"Language", "Langue", "Idioma"}},
    {Msg::country, {"Country", "Pays", "País"}},
    {Msg::year, {"Year", "Année", "Año"}},
    {Msg::size, {"Size", "Taille", "Extensión"}},
    {Msg::kind_given, {"(as given)", "(indiqué)", "(indicado)"}},
    {Msg::kind_detected, {"(from the title)", "(d'après le titre)", "(según el título)"}},
    {Msg::kind_assumed,
     {"(assumed: give the kind when the document is scored)",
      "(supposé : indiquer le type lors de l'évaluation du document)",
      "(supuesto: indique el tipo al evaluar el documento)"}},
    {Msg::language_unknown,
     {"not detected: terms of every language count", "non détectée : les termes de toutes les langues comptent",
      "no detectado: cuentan los términos de todos los idiomas"}},
    {Msg::not_in_title, {"not in the title", "absent du titre", "no figura en el título"}},
    {Msg::words_in_blocks, {"{} words in {} blocks", "{} mots en {} blocs", "{} palabras en {} bloques"}},

    {Msg::summary, {"Summary", "Synthèse", "Resumen"}},
    {Msg::overall_line,
     {"{} of {} applicable items at Meets or above ({})",
      "{} éléments applicables sur {} répondent aux exigences ou les dépassent ({})",
      "{} de {} elementos aplicables cumplen los requisitos o los superan ({})"}},
    {Msg::points_line, {"{} of {} points", "{} points sur {}", "{} de {} puntos"}},
    {Msg::engine_only,
     {"This figure counts the engine's levels (and reviewers' overrides) only, never the team's own ratings.",
      "Ce chiffre ne compte que les niveaux du moteur (et ceux corrigés par un examinateur), jamais les notes que "
      "l'équipe s'attribue.",
      "Esta cifra solo cuenta los niveles del motor (y las correcciones de un revisor), nunca las calificaciones "
      "propias del equipo."}},
    {Msg::team_line,
     {"The team's own ratings: {} of {} items it rated at Meets or above",
      "Notes de l'équipe : {} des {} éléments qu'elle a notés répondent aux exigences ou les dépassent",
      "Calificaciones del equipo: {} de los {} elementos que calificó cumplen los requisitos o los superan"}},
    {Msg::priorities,
     {"Priorities: what to add first", "Priorités : ce qu'il faut ajouter en premier",
      "Prioridades: qué añadir primero"}},
    {Msg::no_priorities,
     {"No gaps: every applicable item is at Meets or above.",
      "Aucune lacune : tous les éléments applicables répondent aux exigences ou les dépassent.",
      "Ninguna laguna: todos los elementos aplicables cumplen los requisitos o los superan."}},
    {Msg::meeting,
     {"At Meets or above", "Répondent aux exigences ou les dépassent", "Cumplen los requisitos o los superan"}},
    {Msg::none_meeting,
     {"No applicable item is at Meets or above yet.", "Aucun élément applicable ne répond encore aux exigences.",
      "Ningún elemento aplicable cumple todavía los requisitos."}},
    {Msg::self_reported_items,
     {"Rated by the team from its own records", "Notés par l'équipe d'après ses propres dossiers",
      "Calificados por el equipo a partir de sus propios registros"}},
    {Msg::not_assessable_items,
     {"Not assessable from the document (they need the country team's records)",
      "Non évaluables à partir du document (ils demandent les dossiers de l'équipe de pays)",
      "No evaluables a partir del documento (requieren los registros del equipo de país)"}},
    {Msg::not_applicable_items,
     {"Not applicable to this document", "Non applicables à ce document", "No aplicables a este documento"}},

    {Msg::items_by_section, {"Items by section", "Éléments par partie", "Elementos por parte"}},
    {Msg::section_line,
     {"{} of {} at Meets or above", "{} sur {} répondent aux exigences ou les dépassent",
      "{} de {} cumplen los requisitos o los superan"}},
    {Msg::section_not_applicable,
     {"not applicable to this document", "non applicable à ce document", "no aplicable a este documento"}},
    {Msg::section_external,
     {"not assessable from the document: these items need the country team's records (self-assessment or a "
      "reviewer's request)",
      "non évaluable à partir du document : ces éléments demandent les dossiers de l'équipe de pays "
      "(auto-évaluation ou demande d'un examinateur)",
      "no evaluable a partir del documento: estos elementos requieren los registros del equipo de país "
      "(autoevaluación o solicitud de un revisor)"}},
    {Msg::item, {"Item", "Élément", "Elemento"}},
    {Msg::level, {"Level", "Niveau", "Nivel"}},
    {Msg::criteria, {"Criteria", "Critères", "Criterios"}},
    {Msg::not_found, {"Not found in the document:", "Absent du document :", "No se encontró en el documento:"}},
    {Msg::what_to_add, {"What to add:", "Ce qu'il faut ajouter :", "Qué añadir:"}},
    {Msg::found_so_far, {"Found so far:", "Déjà présent :", "Ya presente:"}},
    {Msg::to_reach_meets, {"To reach Meets:", "Pour répondre aux exigences :", "Para cumplir los requisitos:"}},
    {Msg::gap_details,
     {"Gaps in detail: what the engine did not find, and what it found so far",
      "Lacunes en détail : ce que le moteur n'a pas trouvé, et ce qu'il a déjà trouvé",
      "Lagunas en detalle: lo que el motor no encontró y lo que ya encontró"}},
    {Msg::to_reach_exceeds, {"To reach Exceeds", "Pour dépasser les exigences", "Para superar los requisitos"}},
    {Msg::reviewer_overrides,
     {"Reviewer overrides", "Niveaux corrigés par un examinateur", "Niveles corregidos por un revisor"}},
    {Msg::reviewers_note, {"Reviewer's note:", "Note de l'examinateur :", "Nota del revisor:"}},
    {Msg::reviewed_by,
     {"reviewed by {} on {} (engine: {})", "examiné par {} le {} (moteur : {})", "revisado por {} el {} (motor: {})"}},
    {Msg::a_reviewer, {"a reviewer", "un examinateur", "un revisor"}},
    {Msg::self_reported, {"self-reported", "auto-évalué", "autoevaluado"}},
    {Msg::needs_team_records,
     {"self-reported (needs team records)", "auto-évalué (demande les dossiers de l'équipe)",
      "autoevaluado (requiere los registros del equipo)"}},
    {Msg::not_applicable, {"not applicable", "non applicable", "no aplicable"}},
    {Msg::not_assessable,
     {"not assessable from the document", "non évaluable à partir du document", "no evaluable a partir del documento"}},

    {Msg::team_and_engine,
     {"Team self-assessment and engine", "Auto-évaluation de l'équipe et moteur", "Autoevaluación del equipo y motor"}},
    {Msg::team, {"Team", "Équipe", "Equipo"}},
    {Msg::engine, {"Engine", "Moteur", "Motor"}},
    {Msg::team_justification, {"Team's justification", "Justification de l'équipe", "Justificación del equipo"}},
    {Msg::source, {"source", "source", "fuente"}},
    {Msg::overclaim, {"Overclaim", "Surévaluation", "Sobrevaloración"}},
    {Msg::underclaim, {"Underclaim", "Sous-évaluation", "Infravaloración"}},
    {Msg::overclaim_line,
     {"The team rates it {}; the engine did not find in the document:",
      "L'équipe le note « {} » ; le moteur n'a pas trouvé dans le document :",
      "El equipo lo califica «{}»; el motor no encontró en el documento:"}},
    {Msg::engine_found, {"The engine found:", "Le moteur a trouvé :", "El motor encontró:"}},
    {Msg::team_engine_levels, {"Team {}, engine {}.", "Équipe : {} ; moteur : {}.", "Equipo: {}; motor: {}."}},

    {Msg::evidence_for,
     {"Evidence the engine found for:", "Éléments probants trouvés par le moteur pour :",
      "Evidencia que el motor encontró para:"}},
    {Msg::item_level, {"{}: {}", "{} : {}", "{}: {}"}},
    {Msg::applies_to_kinds, {"applies to: {}", "s'applique à : {}", "se aplica a: {}"}},
    {Msg::applies_from,
     {"applies to documents from {}; this one is dated {}",
      "s'applique aux documents à partir de {} ; celui-ci date de {}",
      "se aplica a los documentos a partir de {}; este es de {}"}},

    {Msg::before_first_heading, {"before the first heading", "avant le premier titre", "antes del primer título"}},
    {Msg::page, {"page", "page", "página"}},
    {Msg::line, {"line", "ligne", "línea"}},
    {Msg::chart_label, {"Levels of the {} items", "Niveaux des éléments : {}", "Niveles de los elementos: {}"}},
    // forms and workshops
    {Msg::form_title, {"Self-assessment: {} {}", "Auto-évaluation : {} {}", "Autoevaluación: {} {}"}},
    {Msg::form_instructions,
     {"Rate each item {}, {}, {} or {}, say why, and say where the evidence is: a page of the document or, for items "
      "that need team records, the record. Leave the level empty for an item the team does not rate.",
      "Notez chaque élément {}, {}, {} ou {}, dites pourquoi et indiquez où se trouvent les preuves : une page du "
      "document ou, pour les éléments qui demandent les dossiers de l'équipe, le dossier. Laissez le niveau vide pour "
      "un élément que l'équipe ne note pas.",
      "Califique cada elemento {}, {}, {} o {}, explique por qué e indique dónde están las pruebas: una página del "
      "documento o, para los elementos que requieren los registros del equipo, el registro. Deje el nivel vacío para "
      "un elemento que el equipo no califica."}},
    {Msg::form_instructions_xlsx,
     {"Rate each item {}, {}, {} or {} in the {} sheet, say why (justification) and where the evidence is (source): a "
      "page of the document or, for items that need team records, the record. Leave the level empty for an item the "
      "team does not rate. Keep the column names in the first row.",
      "Notez chaque élément {}, {}, {} ou {} dans la feuille {}, dites pourquoi (colonne justification) et où se "
      "trouvent les preuves (colonne source) : une page du document ou, pour les éléments qui demandent les dossiers "
      "de l'équipe, le dossier. Laissez la colonne level vide pour un élément que l'équipe ne note pas. Gardez les "
      "noms de colonnes de la première ligne tels quels.",
      "Califique cada elemento {}, {}, {} o {} en la hoja {}, explique por qué (columna justification) e indique dónde "
      "están las pruebas (columna source): una página del documento o, para los elementos que requieren los registros "
      "del equipo, el registro. Deje la columna level vacía para un elemento que el equipo no califica. Mantenga los "
      "nombres de las columnas de la primera fila."}},
    {Msg::form_then,
     {"Then: unct-assess score DOCUMENT --self this-file.xlsx, or unct-assess self-assess import ASSESSMENT "
      "this-file.xlsx.",
      "Ensuite : unct-assess score DOCUMENT --self ce-fichier.xlsx, ou unct-assess self-assess import ÉVALUATION "
      "ce-fichier.xlsx.",
      "Después: unct-assess score DOCUMENTO --self este-archivo.xlsx, o unct-assess self-assess import EVALUACIÓN "
      "este-archivo.xlsx."}},
    {Msg::form_sheet, {"Form", "Formulaire", "Formulario"}},
    {Msg::about_sheet, {"About", "À propos", "Acerca de"}},
    {Msg::level_choice,
     {"{}, {}, {} or {}; leave empty to skip the item", "{}, {}, {} ou {} ; laisser vide pour ne pas noter l'élément",
      "{}, {}, {} o {}; dejar vacío para no calificar el elemento"}},
    {Msg::question, {"Question", "Question", "Pregunta"}},
    {Msg::evidence_from, {"Evidence from", "Preuves tirées de", "Pruebas tomadas de"}},
    {Msg::justification, {"Justification", "Justification", "Justificación"}},
    {Msg::source_column, {"Source", "Source", "Fuente"}},
    {Msg::from_team_records, {"team records", "dossiers de l'équipe", "registros del equipo"}},
    {Msg::from_the_document, {"the document", "le document", "el documento"}},
    {Msg::exercise, {"Exercise: {}", "Exercice : {}", "Ejercicio: {}"}},
    {Msg::source_line, {"Source: {}", "Source : {}", "Fuente: {}"}},
    {Msg::your_ratings, {"Your ratings", "Vos notes", "Sus calificaciones"}},
    {Msg::rate_from_excerpt,
     {"Rate each item {}, {}, {} or {} from the excerpt alone, and give a short reason.",
      "Notez chaque élément {}, {}, {} ou {} d'après le seul extrait, et donnez une brève raison.",
      "Califique cada elemento {}, {}, {} o {} solo a partir del extracto, y dé una breve razón."}},
    {Msg::reason, {"Reason", "Raison", "Razón"}},
    {Msg::workshop_debrief, {"Workshop debrief", "Bilan de l'atelier", "Balance del taller"}},
    {Msg::debrief, {"Debrief", "Bilan", "Balance"}},
    {Msg::pack_line,
     {"Pack {} ({}, {}), checklist {}", "Exercice {} ({}, {}), liste de contrôle {}",
      "Ejercicio {} ({}, {}), lista de verificación {}"}},
    {Msg::pack, {"Pack", "Exercice", "Ejercicio"}},
    {Msg::checklist_word, {"checklist", "liste de contrôle", "lista de verificación"}},
    {Msg::session, {"Session", "Séance", "Sesión"}},
    {Msg::draft_key,
     {"The answer key is still the engine's draft:", "Le corrigé est encore le projet du moteur :",
      "La clave de respuestas es todavía el borrador del motor:"}},
    {Msg::draft_key_why,
     {"a trainer has not checked it (key status \"draft\" in the pack).",
      "aucun formateur ne l'a vérifié (statut « draft » du corrigé dans l'exercice).",
      "ningún formador la ha revisado (estado \"draft\" de la clave en el ejercicio)."}},
    {Msg::the_room, {"The room:", "Le groupe :", "El grupo:"}},
    {Msg::participant_one, {"{} participant", "{} participant", "{} participante"}},
    {Msg::participant_many, {"{} participants", "{} participants", "{} participantes"}},
    {Msg::answer_one, {"{} answer", "{} réponse", "{} respuesta"}},
    {Msg::answer_many, {"{} answers", "{} réponses", "{} respuestas"}},
    {Msg::item_one, {"{} item", "{} élément", "{} elemento"}},
    {Msg::item_many, {"{} items", "{} éléments", "{} elementos"}},
    {Msg::agreement_line,
     {"{} exact, {} within one level, weighted kappa {}",
      "{} de concordance exacte, {} à un niveau près, kappa pondéré {}",
      "{} de coincidencia exacta, {} con un nivel de diferencia como máximo, kappa ponderado {}"}},
    {Msg::participants, {"Participants", "Participants", "Participantes"}},
    {Msg::agreement_with_key, {"agreement with the key", "concordance avec le corrigé", "coincidencia con la clave"}},
    {Msg::participant, {"Participant", "Participant", "Participante"}},
    {Msg::answered, {"Answered", "Réponses", "Respuestas"}},
    {Msg::exact, {"Exact", "Exacte", "Exacta"}},
    {Msg::within_one, {"Within one", "À un niveau près", "A un nivel"}},
    {Msg::kappa, {"Kappa", "Kappa", "Kappa"}},
    {Msg::weighted_kappa, {"Weighted kappa", "Kappa pondéré", "Kappa ponderado"}},
    {Msg::discussion_points, {"Discussion points", "Points à discuter", "Puntos de discusión"}},
    {Msg::disagreed_most,
     {"Where the room disagreed with the key, most first",
      "Là où le groupe s'est écarté du corrigé, les plus grands écarts d'abord",
      "Donde el grupo discrepó de la clave, primero las mayores discrepancias"}},
    {Msg::none_on_key,
     {"None: every answer was on the key.", "Aucun : toutes les réponses étaient conformes au corrigé.",
      "Ninguno: todas las respuestas coincidieron con la clave."}},
    {Msg::key, {"Key", "Corrigé", "Clave"}},
    {Msg::on_key_line,
     {"{} of {} on the key, {} levels away on average", "{} de {} conformes au corrigé ; écart moyen : {} niveau(x)",
      "{} de {} coinciden con la clave; diferencia media: {} niveles"}},
    {Msg::answers, {"Answers", "Réponses", "Respuestas"}},
    {Msg::why_key, {"Why the key says {}:", "Pourquoi le corrigé dit « {} » :", "Por qué la clave dice «{}»:"}},
    {Msg::items, {"Items", "Éléments", "Elementos"}},
    {Msg::on_the_key, {"On the key", "Conformes au corrigé", "Coinciden con la clave"}},
    {Msg::engine_against_key,
     {"The engine against the key:", "Le moteur face au corrigé :", "El motor frente a la clave:"}},
    {Msg::applies_to, {"Applies to: {}", "S'applique à : {}", "Se aplica a: {}"}},
    {Msg::dated_from, {", dated {} or later", ", datés de {} ou après", ", con fecha de {} o posterior"}},
    {Msg::weight, {". Weight {}", ". Poids {}", ". Peso {}"}},
    {Msg::provenance_line, {". Provenance: {}", ". Provenance : {}", ". Procedencia: {}"}},
    {Msg::our_wording,
     {" (our wording, from the sources below; not the official text)",
      " (notre formulation, d'après les sources ci-dessous ; pas le texte officiel)",
      " (nuestra redacción, a partir de las fuentes indicadas abajo; no es el texto oficial)"}},
    {Msg::external_evidence,
     {"Evidence: outside the document (the country team's records); rated not assessable from a document.",
      "Preuves : hors du document (les dossiers de l'équipe de pays) ; noté non évaluable à partir d'un document.",
      "Pruebas: fuera del documento (los registros del equipo de país); se califica como no evaluable a partir de un "
      "documento."}},
    {Msg::level_when, {"{} when:", "Niveau « {} » si :", "Nivel «{}» si:"}},
    {Msg::level_when_cumulative,
     {"{} when (and the level below):", "Niveau « {} » si (en plus du niveau inférieur) :",
      "Nivel «{}» si (además del nivel inferior):"}},
    {Msg::references, {"References:", "Références :", "Referencias:"}},
    {Msg::words_counted,
     {"Words counted in documents in \"{}\" (terms of that language; the number of terms that count in every language "
      "after the +):",
      "Mots comptés dans les documents en « {} » (termes de cette langue ; après le +, le nombre de termes qui "
      "comptent dans toutes les langues) :",
      "Palabras contadas en los documentos en «{}» (términos de ese idioma; tras el +, el número de términos que "
      "cuentan en todos los idiomas):"}},
    {Msg::none_of_its_own, {"(none of its own)", "(aucun qui lui soit propre)", "(ninguno propio)"}},
    {Msg::file_version,
     {"{}, {}; file version {}", "{}, {} ; version du fichier {}", "{}, {}; versión del archivo {}"}},
    {Msg::show_language,
     {"Language \"{}\": titles, questions, criteria and gaps are translated where the checklist has them; guidance, "
      "references and how each criterion is tested are in English. Under each item are the words the engine counts in "
      "documents in that language.",
      "Langue « {} » : les titres, questions, critères et lacunes sont traduits là où la liste de contrôle les traduit "
      "; les orientations, les références et la façon dont chaque critère est testé restent en anglais. Sous chaque "
      "élément figurent les mots que le moteur compte dans les documents dans cette langue.",
      "Idioma «{}»: los títulos, preguntas, criterios y lagunas están traducidos donde la lista de verificación los "
      "traduce; las orientaciones, las referencias y la forma en que se comprueba cada criterio están en inglés. Bajo "
      "cada elemento figuran las palabras que el motor cuenta en los documentos en ese idioma."}},
    {Msg::colon, {"{}: {}", "{} : {}", "{}: {}"}},
    {Msg::semicolon, {"{}; {}", "{} ; {}", "{}; {}"}},
};

constexpr bool in_order() {
  for (std::size_t i = 0; i < std::size(k_catalogue); ++i) {
    if (static_cast<std::size_t>(k_catalogue[i].key) != i) return false;
  }
  return std::size(k_catalogue) == static_cast<std::size_t>(Msg::count);
}
static_assert(in_order(), "k_catalogue must hold one row per Msg, in the order of the enum");

// The UN scorecards' level wording (UNCT-SWAP and UNDIS use the same four levels).
constexpr std::array<std::array<std::string_view, 3>, 4> k_level_names = {{
    {"Missing", "Manquant", "Ausente"},
    {"Approaches", "S'approche", "Se aproxima"},
    {"Meets", "Répond", "Cumple"},
    {"Exceeds", "Dépasse", "Supera"},
}};
constexpr std::array<std::array<std::string_view, 3>, 4> k_un_levels = {{
    {"Missing", "Manquant", "Ausente"},
    {"Approaches minimum requirements", "S'approche des exigences minimales", "Se aproxima a los requisitos mínimos"},
    {"Meets minimum requirements", "Répond aux exigences minimales", "Cumple los requisitos mínimos"},
    {"Exceeds minimum requirements", "Dépasse les exigences minimales", "Supera los requisitos mínimos"},
}};
constexpr std::array<std::array<std::string_view, 3>, 3> k_kinds = {{
    {"Common Country Analysis", "Bilan commun de pays", "Análisis Común de País"},
    {"Cooperation Framework", "Plan-cadre de coopération", "Marco de Cooperación"},
    {"Socio-economic response plan", "Plan de réponse socio-économique", "Plan de respuesta socioeconómica"},
}};

}  // namespace

const std::vector<std::string_view>& report_languages() {
  static const std::vector<std::string_view> languages{"en", "fr", "es"};
  return languages;
}

std::string_view Messages::lang() const { return report_languages()[column_]; }

std::string_view Messages::operator[](Msg message) const {
  return k_catalogue[static_cast<std::size_t>(message)].text[column_];
}

std::string Messages::operator()(Msg message, std::initializer_list<std::string_view> arguments) const {
  const std::string_view pattern = (*this)[message];
  std::string out;
  auto next = arguments.begin();
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern.compare(i, 2, "{}") == 0 && next != arguments.end()) {
      out += *next++;
      ++i;
    } else {
      out += pattern[i];
    }
  }
  return out;
}

std::string_view Messages::level(Level level) const { return k_level_names[static_cast<std::size_t>(level)][column_]; }

std::string_view Messages::un_level(Level level) const { return k_un_levels[static_cast<std::size_t>(level)][column_]; }

std::string_view Messages::kind(DocumentKind kind) const { return k_kinds[static_cast<std::size_t>(kind)][column_]; }

const Messages& messages(std::string_view lang) {
  static const Messages catalogues[] = {Messages(0), Messages(1), Messages(2)};
  const std::vector<std::string_view>& languages = report_languages();
  for (std::size_t i = 0; i < languages.size(); ++i) {
    if (languages[i] == lang) return catalogues[i];
  }
  return catalogues[0];
}

std::string_view report_language(std::string_view asked, std::string_view document_language) {
  const std::vector<std::string_view>& languages = report_languages();
  for (std::string_view lang : {asked, document_language}) {
    for (std::string_view known : languages) {
      if (lang == known) return known;
    }
  }
  return "en";
}

}  // namespace unct::report
