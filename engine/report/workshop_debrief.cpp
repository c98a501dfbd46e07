// A workshop's debrief in each of its formats: the trainer's screen (text), a memo (Markdown) and
// a page (HTML), section for section the same, in the pack's language (the session keeps it).

#include "engine/report/workshop.hpp"

#include "engine/report/docx.hpp"

#include "engine/report/html.hpp"
#include "engine/report/layout.hpp"
#include "engine/report/markdown.hpp"
#include "engine/report/wording.hpp"
#include "engine/text/unicode.hpp"

#include <algorithm>

namespace unct::report {
namespace {

// The debrief's language: the pack's, English for one the catalogue does not hold.
const Messages& messages_of(const workshop::Session& s) { return messages(s.lang); }

std::string heading(std::string_view text) { return text::to_upper(text); }

// "engine", "where the room...": a message run on inside a sentence. Every first letter the
// catalogue starts such a message with is ASCII.
std::string lower_first(std::string_view text) {
  std::string out(text);
  if (!out.empty() && out[0] >= 'A' && out[0] <= 'Z') out[0] = static_cast<char>(out[0] - 'A' + 'a');
  return out;
}

// A text column as wide as `width`, or as its heading and two spaces when that is wider.
std::size_t column(std::string_view heading, std::size_t width) { return std::max(width, display_width(heading) + 2); }

std::string participants(std::size_t n, const Messages& m) {
  return counted(n, Msg::participant_one, Msg::participant_many, m);
}
std::string answers(std::size_t n, const Messages& m) { return counted(n, Msg::answer_one, Msg::answer_many, m); }
std::string items(std::size_t n, const Messages& m) { return counted(n, Msg::item_one, Msg::item_many, m); }

std::string spread(const workshop::ItemSpread& item, const Messages& m) {
  std::string out;
  for (Level l : k_levels) {
    out += (out.empty() ? "" : ", ") + std::string(m.level(l)) + ' ' +
           std::to_string(item.answers[static_cast<std::size_t>(l)]);
  }
  return out;
}

// "Ben (Approaches): the census is mentioned".
std::string note_text(const workshop::AnswerNote& note, const Messages& m) {
  return m(Msg::colon, {note.participant + " (" + std::string(m.level(note.level)) + ")", note.note});
}

// "Key Meets, engine Approaches": what the key and the engine say of an item.
std::string key_and_engine(const workshop::ItemSpread& item, const Messages& m) {
  return std::string(m[Msg::key]) + ' ' + std::string(m.level(item.key)) +
         (item.engine ? ", " + lower_first(m[Msg::engine]) + ' ' + std::string(m.level(*item.engine)) : "");
}

std::string on_key(const workshop::ItemSpread& item, const Messages& m) {
  return m(Msg::on_key_line,
           {percent(item.exact, item.answered), answers(item.answered, m), levels_text(item.mean_distance)});
}

std::string figures_html(const agreement::Agreement& a, const Messages& m) {
  return m(Msg::agreement_line,
           {"<strong>" + percent(a.exact, a.count) + "</strong>", percent(a.within_one, a.count), kappa_text(a.kappa)});
}

// The answers per level as one bar, each level's share its width.
std::string spread_bar(const workshop::ItemSpread& item, const Messages& m) {
  std::string out = "<div class=\"spread\" role=\"img\" aria-label=\"";
  const std::string title = spread(item, m);
  out += escape_html(title) + "\" title=\"" + escape_html(title) + "\">";
  for (Level l : k_levels) {
    const std::size_t n = item.answers[static_cast<std::size_t>(l)];
    if (n == 0 || item.answered == 0) continue;
    out += "<span class=\"" + std::string(code(l)) +
           "\" style=\"width:" + std::to_string(100.0 * static_cast<double>(n) / static_cast<double>(item.answered)) +
           "%\"></span>";
  }
  return out + "</div>";
}

}  // namespace

void render_debrief(const workshop::Debrief& d, std::ostream& out) {
  const workshop::Session& s = d.session;
  const Messages& m = messages_of(s);
  out << m(Msg::colon, {heading(m[Msg::workshop_debrief]), s.pack_title}) << '\n'
      << m(Msg::pack_line, {s.pack_id, m.kind(s.kind), s.lang, s.checklist_id}) << '\n';
  if (s.id > 0 || !s.cohort.empty()) {
    const std::string session = std::string(m[Msg::session]) + (s.id > 0 ? " " + std::to_string(s.id) : "");
    out << (s.cohort.empty() ? session : m(Msg::colon, {session, s.cohort})) << ", " << s.created_at.substr(0, 10)
        << '\n';
  }
  if (s.draft_key) out << wrap(std::string(m[Msg::draft_key]) + " " + std::string(m[Msg::draft_key_why]), 0);
  const std::size_t answered_width = column(m[Msg::answered], 10);
  const std::size_t exact_width = column(m[Msg::exact], 8);
  const std::size_t within_width = column(m[Msg::within_one], 12);
  out << '\n'
      << m[Msg::the_room] << ' '
      << m(Msg::semicolon,
           {participants(d.participants.size(), m) + ", " + answers(d.room.count, m), agreement_text(d.room, m)})
      << "\n\n"
      << heading(m[Msg::participants]) << " (" << m[Msg::agreement_with_key] << ")\n  " << fit(m[Msg::participant], 28)
      << fit(m[Msg::answered], answered_width) << fit(m[Msg::exact], exact_width)
      << fit(m[Msg::within_one], within_width) << m[Msg::kappa] << '\n';
  for (const workshop::ParticipantScore& p : d.participants) {
    out << "  " << fit(p.name, 28)
        << fit(std::to_string(p.answered) + "/" + std::to_string(s.items.size()), answered_width)
        << fit(percent(p.agreement.exact, p.agreement.count), exact_width)
        << fit(percent(p.agreement.within_one, p.agreement.count), within_width) << kappa_text(p.agreement.kappa)
        << '\n';
  }

  out << '\n' << heading(m[Msg::discussion_points]) << " (" << lower_first(m[Msg::disagreed_most]) << ")\n";
  if (d.discussion.empty()) out << "  " << m[Msg::none_on_key] << '\n';
  for (std::size_t n = 0; n < d.discussion.size(); ++n) {
    const workshop::ItemSpread& item = d.items[d.discussion[n]];
    out << "  " << n + 1 << ". " << item.item_id << "  " << item.title << '\n'
        << "     " << m(Msg::semicolon, {key_and_engine(item, m), on_key(item, m)}) << '\n'
        << "     " << m(Msg::colon, {m[Msg::answers], spread(item, m)}) << '\n';
    if (!item.rationale.empty()) out << wrap(m(Msg::why_key, {m.level(item.key)}) + " " + item.rationale, 5);
    for (const workshop::AnswerNote& note : item.notes) out << wrap("- " + note_text(note, m), 5);
  }

  // One column of answers per level, as wide as its name.
  const std::size_t level_width = column(m[Msg::key], 12);
  const std::size_t engine_width = column(m[Msg::engine], 12);
  const auto width = [&](Level l) { return display_width(m.level(l)) + 2; };
  out << '\n'
      << heading(m[Msg::items]) << "\n  " << fit(m[Msg::item], 13) << fit(m[Msg::key], level_width)
      << fit(m[Msg::engine], engine_width);
  for (Level l : k_levels) out << fit(m.level(l), width(l));
  out << m[Msg::on_the_key] << '\n';
  for (const workshop::ItemSpread& item : d.items) {
    out << "  " << fit(item.item_id, 13) << fit(m.level(item.key), level_width)
        << fit(item.engine ? m.level(*item.engine) : "-", engine_width);
    for (Level l : k_levels) out << fit(std::to_string(item.answers[static_cast<std::size_t>(l)]), width(l));
    out << percent(item.exact, item.answered) << '\n';
  }
  if (d.engine)
    out << '\n'
        << m[Msg::engine_against_key] << ' '
        << m(Msg::semicolon, {items(d.engine->count, m), agreement_text(*d.engine, m)}) << '\n';
}

void render_debrief_markdown(const workshop::Debrief& d, std::ostream& out) {
  const workshop::Session& s = d.session;
  const Messages& m = messages_of(s);
  out << "# " << m(Msg::colon, {m[Msg::workshop_debrief], escape_markdown(s.pack_title)}) << "\n\n"
      << m(Msg::pack_line, {"`" + s.pack_id + "`", m.kind(s.kind), s.lang, escape_markdown(s.checklist_id)});
  if (s.id > 0) out << m(Msg::semicolon, {"", lower_first(m[Msg::session])}) << " " << s.id;
  if (!s.cohort.empty()) out << m(Msg::colon, {"", escape_markdown(s.cohort)});
  out << ", " << s.created_at.substr(0, 10) << "\n\n";
  if (s.draft_key) out << "> **" << m[Msg::draft_key] << "** " << m[Msg::draft_key_why] << "\n\n";
  out << "**" << m[Msg::the_room] << "** " << participants(d.participants.size(), m) << ", " << answers(d.room.count, m)
      << m(Msg::colon, {"", agreement_text(d.room, m)}) << ".\n\n## " << m[Msg::participants] << "\n\n| "
      << m[Msg::participant] << " | " << m[Msg::answered] << " | " << m[Msg::exact] << " | " << m[Msg::within_one]
      << " | " << m[Msg::weighted_kappa] << " |\n| --- | --- | --- | --- | --- |\n";
  for (const workshop::ParticipantScore& p : d.participants) {
    out << "| " << escape_markdown(p.name) << " | " << p.answered << "/" << s.items.size() << " | "
        << percent(p.agreement.exact, p.agreement.count) << " | " << percent(p.agreement.within_one, p.agreement.count)
        << " | " << kappa_text(p.agreement.kappa) << " |\n";
  }
  out << "\n## " << m[Msg::discussion_points] << "\n\n" << m[Msg::disagreed_most] << ".\n";
  if (d.discussion.empty()) out << '\n' << m[Msg::none_on_key] << '\n';
  std::string level_header = "|";
  for (Level l : k_levels) level_header += " " + std::string(m.level(l)) + " |";
  for (std::size_t n = 0; n < d.discussion.size(); ++n) {
    const workshop::ItemSpread& item = d.items[d.discussion[n]];
    out << "\n### " << n + 1 << ". " << escape_markdown(item.item_id) << " " << escape_markdown(item.title) << "\n\n"
        << m[Msg::key] << " **" << m.level(item.key) << "**"
        << (item.engine ? ", " + lower_first(m[Msg::engine]) + " " + std::string(m.level(*item.engine)) : "") << ". "
        << on_key(item, m) << ".\n\n"
        << level_header << "\n| --- | --- | --- | --- |\n|";
    for (std::size_t n_answers : item.answers) out << ' ' << n_answers << " |";
    out << "\n\n";
    if (!item.rationale.empty())
      out << "**" << m(Msg::why_key, {m.level(item.key)}) << "** " << escape_markdown(item.rationale) << "\n\n";
    for (const workshop::AnswerNote& note : item.notes) out << "- " << escape_markdown(note_text(note, m)) << '\n';
  }
  out << "\n## " << m[Msg::items] << "\n\n| " << m[Msg::item] << " | " << m[Msg::key] << " | " << m[Msg::engine] << " "
      << level_header << ' ' << m[Msg::on_the_key] << " |\n"
      << "| --- | --- | --- | --- | --- | --- | --- | --- |\n";
  for (const workshop::ItemSpread& item : d.items) {
    out << "| " << escape_markdown(item.item_id) << " " << escape_markdown(item.title) << " | " << m.level(item.key)
        << " | " << (item.engine ? m.level(*item.engine) : "-") << " |";
    for (std::size_t n_answers : item.answers) out << ' ' << n_answers << " |";
    out << ' ' << percent(item.exact, item.answered) << " |\n";
  }
  if (d.engine)
    out << '\n'
        << m[Msg::engine_against_key] << ' ' << items(d.engine->count, m) << ", " << agreement_text(*d.engine, m)
        << ".\n";
}

void render_debrief_html(const workshop::Debrief& d, std::ostream& out) {
  const workshop::Session& s = d.session;
  const Messages& m = messages_of(s);
  const std::string dot = " &middot; ";
  out << "<!DOCTYPE html>\n<html lang=\"" << escape_html(s.lang) << "\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      << "<title>" << escape_html(m(Msg::colon, {m[Msg::debrief], s.pack_title})) << " - unct-assess</title>\n<style>"
      << k_style << "</style>\n</head>\n<body>\n"
      << "<h1>" << escape_html(m(Msg::colon, {m[Msg::workshop_debrief], s.pack_title})) << "</h1>\n<p class=\"meta\">"
      << escape_html(m[Msg::pack]) << " " << escape_html(s.pack_id) << dot << escape_html(m.kind(s.kind)) << dot
      << escape_html(lower_first(m[Msg::language])) << " " << escape_html(s.lang) << dot
      << escape_html(m[Msg::checklist_word]) << " " << escape_html(s.checklist_id);
  if (s.id > 0) out << dot << escape_html(lower_first(m[Msg::session])) << " " << s.id;
  if (!s.cohort.empty()) out << dot << escape_html(s.cohort);
  out << dot << escape_html(s.created_at.substr(0, 10)) << "</p>\n";
  if (s.draft_key) {
    out << "<p class=\"gap\"><strong>" << escape_html(m[Msg::draft_key]) << "</strong> "
        << escape_html(m[Msg::draft_key_why]) << "</p>\n";
  }
  out << "<p><strong>" << escape_html(m[Msg::the_room]) << "</strong> " << participants(d.participants.size(), m)
      << ", " << answers(d.room.count, m) << m(Msg::colon, {"", figures_html(d.room, m)}) << ".</p>\n<h2>"
      << escape_html(m[Msg::participants]) << "</h2>\n<table class=\"levels\">\n<tr><th>"
      << escape_html(m[Msg::participant]) << "</th><th>" << escape_html(m[Msg::answered]) << "</th><th>"
      << escape_html(m[Msg::exact]) << "</th><th>" << escape_html(m[Msg::within_one]) << "</th><th>"
      << escape_html(m[Msg::weighted_kappa]) << "</th></tr>\n";
  for (const workshop::ParticipantScore& p : d.participants) {
    out << "<tr><td>" << escape_html(p.name) << "</td><td>" << p.answered << "/" << s.items.size() << "</td><td>"
        << percent(p.agreement.exact, p.agreement.count) << "</td><td>"
        << percent(p.agreement.within_one, p.agreement.count) << "</td><td>" << kappa_text(p.agreement.kappa)
        << "</td></tr>\n";
  }
  out << "</table>\n<h2>" << escape_html(m[Msg::discussion_points]) << "</h2>\n<p class=\"meta\">"
      << escape_html(m[Msg::disagreed_most]) << ".</p>\n";
  if (d.discussion.empty()) out << "<p>" << escape_html(m[Msg::none_on_key]) << "</p>\n";
  for (std::size_t n = 0; n < d.discussion.size(); ++n) {
    const workshop::ItemSpread& item = d.items[d.discussion[n]];
    out << "<div class=\"item\"><h3>" << n + 1 << ". " << escape_html(item.item_id) << " " << escape_html(item.title)
        << "</h3>\n<p>" << escape_html(m[Msg::key]) << " " << level_badge(item.key, m);
    if (item.engine) out << " " << escape_html(lower_first(m[Msg::engine])) << " " << level_badge(*item.engine, m);
    out << "</p>\n" << spread_bar(item, m) << "\n<p class=\"meta\">" << escape_html(on_key(item, m)) << ".</p>\n";
    if (!item.rationale.empty()) {
      out << "<p class=\"review\"><strong>" << escape_html(m(Msg::why_key, {m.level(item.key)})) << "</strong> "
          << escape_html(item.rationale) << "</p>\n";
    }
    if (!item.notes.empty()) {
      out << "<ul>\n";
      for (const workshop::AnswerNote& note : item.notes) out << "<li>" << escape_html(note_text(note, m)) << "</li>\n";
      out << "</ul>\n";
    }
    out << "</div>\n";
  }
  out << "<h2>" << escape_html(m[Msg::items]) << "</h2>\n<table class=\"levels\">\n<tr><th>"
      << escape_html(m[Msg::item]) << "</th><th>" << escape_html(m[Msg::key]) << "</th><th>"
      << escape_html(m[Msg::engine]) << "</th><th>" << escape_html(m[Msg::answers]) << "</th><th>"
      << escape_html(m[Msg::on_the_key]) << "</th></tr>\n";
  for (const workshop::ItemSpread& item : d.items) {
    out << "<tr><td>" << escape_html(item.item_id) << " " << escape_html(item.title) << "</td><td>"
        << level_badge(item.key, m) << "</td><td>" << (item.engine ? level_badge(*item.engine, m) : std::string("-"))
        << "</td><td>" << spread_bar(item, m) << "</td><td>" << percent(item.exact, item.answered) << "</td></tr>\n";
  }
  out << "</table>\n";
  if (d.engine)
    out << "<p>" << escape_html(m[Msg::engine_against_key]) << " " << items(d.engine->count, m) << ", "
        << figures_html(*d.engine, m) << ".</p>\n";
  out << "</body>\n</html>\n";
}

void render_debrief_docx(const workshop::Debrief& d, std::ostream& out) {
  const workshop::Session& s = d.session;
  const Messages& m = messages_of(s);
  const auto plain = [](std::string text) { return Span{.text = std::move(text)}; };
  const auto bold = [](std::string text) { return Span{.text = std::move(text), .bold = true}; };
  WordDocument doc(m.lang());
  const std::string title = m(Msg::colon, {m[Msg::workshop_debrief], s.pack_title});
  doc.paragraph(ParagraphStyle::title, title);
  std::string meta = m(Msg::pack_line, {s.pack_id, m.kind(s.kind), s.lang, s.checklist_id});
  if (s.id > 0) meta += m(Msg::semicolon, {"", lower_first(m[Msg::session])}) + " " + std::to_string(s.id);
  if (!s.cohort.empty()) meta += m(Msg::colon, {"", s.cohort});
  doc.paragraph(ParagraphStyle::normal,
                {Span{.text = meta + ", " + s.created_at.substr(0, 10), .colour = "666666", .small = true}});
  if (s.draft_key) {
    doc.paragraph(ParagraphStyle::note,
                  {bold(std::string(m[Msg::draft_key]) + " "), plain(std::string(m[Msg::draft_key_why]))});
  }
  doc.paragraph(ParagraphStyle::normal,
                {bold(std::string(m[Msg::the_room]) + " "),
                 plain(participants(d.participants.size(), m) + ", " + answers(d.room.count, m) +
                       m(Msg::colon, {"", agreement_text(d.room, m)}) + ".")});

  doc.paragraph(ParagraphStyle::heading1, m[Msg::participants]);
  std::vector<std::vector<TableCell>> rows{
      {TableCell{{plain(std::string(m[Msg::participant]))}}, TableCell{{plain(std::string(m[Msg::answered]))}},
       TableCell{{plain(std::string(m[Msg::exact]))}}, TableCell{{plain(std::string(m[Msg::within_one]))}},
       TableCell{{plain(std::string(m[Msg::weighted_kappa]))}}}};
  for (const workshop::ParticipantScore& p : d.participants) {
    rows.push_back({TableCell{{plain(p.name)}},
                    TableCell{{plain(std::to_string(p.answered) + "/" + std::to_string(s.items.size()))}},
                    TableCell{{plain(percent(p.agreement.exact, p.agreement.count))}},
                    TableCell{{plain(percent(p.agreement.within_one, p.agreement.count))}},
                    TableCell{{plain(kappa_text(p.agreement.kappa))}}});
  }
  doc.table({3000, 1500, 1500, 1800, 1800}, rows);

  doc.paragraph(ParagraphStyle::heading1, m[Msg::discussion_points]);
  doc.paragraph(ParagraphStyle::normal, std::string(m[Msg::disagreed_most]) + ".");
  if (d.discussion.empty()) doc.paragraph(ParagraphStyle::normal, m[Msg::none_on_key]);
  for (std::size_t n = 0; n < d.discussion.size(); ++n) {
    const workshop::ItemSpread& item = d.items[d.discussion[n]];
    doc.paragraph(ParagraphStyle::heading2, std::to_string(n + 1) + ". " + item.item_id + " " + item.title);
    doc.paragraph(ParagraphStyle::normal, key_and_engine(item, m) + ". " + on_key(item, m) + ".");
    std::vector<TableCell> header;
    std::vector<TableCell> counts;
    for (Level l : k_levels) {
      header.push_back(TableCell{{plain(std::string(m.level(l)))}});
      counts.push_back(TableCell{{plain(std::to_string(item.answers[static_cast<std::size_t>(l)]))}});
    }
    doc.table({2400, 2400, 2400, 2400}, {header, counts});
    if (!item.rationale.empty()) {
      doc.paragraph(ParagraphStyle::note, {bold(m(Msg::why_key, {m.level(item.key)}) + " "), plain(item.rationale)});
    }
    for (const workshop::AnswerNote& note : item.notes) doc.paragraph(ParagraphStyle::list, "- " + note_text(note, m));
  }

  doc.paragraph(ParagraphStyle::heading1, m[Msg::items]);
  std::vector<std::vector<TableCell>> all{{TableCell{{plain(std::string(m[Msg::item]))}},
                                           TableCell{{plain(std::string(m[Msg::key]))}},
                                           TableCell{{plain(std::string(m[Msg::engine]))}}}};
  for (Level l : k_levels) all[0].push_back(TableCell{{plain(std::string(m.level(l)))}});
  all[0].push_back(TableCell{{plain(std::string(m[Msg::on_the_key]))}});
  for (const workshop::ItemSpread& item : d.items) {
    std::vector<TableCell> row{TableCell{{plain(item.item_id + " " + item.title)}},
                               TableCell{{plain(std::string(m.level(item.key)))}},
                               TableCell{{plain(item.engine ? std::string(m.level(*item.engine)) : "-")}}};
    for (std::size_t n_answers : item.answers) row.push_back(TableCell{{plain(std::to_string(n_answers))}});
    row.push_back(TableCell{{plain(percent(item.exact, item.answered))}});
    all.push_back(std::move(row));
  }
  doc.table({2800, 1000, 1000, 900, 900, 900, 900, 1200}, all);
  if (d.engine) {
    doc.paragraph(ParagraphStyle::normal, std::string(m[Msg::engine_against_key]) + " " + items(d.engine->count, m) +
                                              ", " + agreement_text(*d.engine, m) + ".");
  }
  out << doc.finish(title);
}

}  // namespace unct::report
