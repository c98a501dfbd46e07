#include "engine/workshop/session.hpp"

#include "engine/core/error.hpp"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <numeric>

namespace unct::workshop {
namespace {

std::string item_list(const Pack& pack) {
  std::string out;
  for (const KeyAnswer& k : pack.key) out += (out.empty() ? "" : ", ") + k.item_id;
  return out;
}

std::string place(const Answer& a) { return a.file + " line " + std::to_string(a.line); }

}  // namespace

std::vector<Answer> read_answers(const CsvTable& table, const Pack& pack) {
  const auto participant = table.column("participant");
  const auto item = table.column("item");
  const auto level = table.column("level");
  const auto note = table.column("note");
  for (const auto& [column, name] : {std::pair{participant, "participant"}, {item, "item"}, {level, "level"}}) {
    if (!column) {
      throw InputError(
          {.file = table.path, .line = 1},
          std::string("no \"") + name + "\" column: an answer sheet needs participant, item and level (note optional)");
    }
  }
  std::vector<Answer> out;
  std::map<std::pair<std::string, std::string>, int> seen;
  for (const CsvRow& row : table.rows) {
    const SourceLocation where{.file = table.path, .line = row.line};
    const std::string name = table.field(row, participant);
    const std::string id = table.field(row, item);
    const std::string text = table.field(row, level);
    if (id.empty() && text.empty()) continue;  // a row left blank
    if (name.empty()) throw InputError(where, "no participant's name: write who answered in the participant column");
    if (id.empty()) throw InputError(where, name + ": the item is empty");
    const bool in_pack =
        std::any_of(pack.key.begin(), pack.key.end(), [&](const KeyAnswer& k) { return k.item_id == id; });
    if (!in_pack) {
      throw InputError(where, name + ": item " + id + " is not in the exercise " + pack.id +
                                  " (its items: " + item_list(pack) + ")");
    }
    if (text.empty()) continue;  // left out by the participant
    const std::optional<Level> parsed = parse_level_name(text);
    if (!parsed) {
      throw InputError(
          where,
          name + ": item " + id + ": unknown level \"" + text +
              "\": use Missing, Approaches, Meets or Exceeds, in English, French or Spanish (or leave it empty)");
    }
    if (const auto [first, inserted] = seen.emplace(std::pair{name, id}, row.line); !inserted) {
      throw InputError(where,
                       name + " answered " + id + " twice (first on line " + std::to_string(first->second) + ")");
    }
    out.push_back({.participant = name,
                   .item_id = id,
                   .level = *parsed,
                   .note = table.field(row, note),
                   .file = table.path.string(),
                   .line = row.line});
  }
  return out;
}

Session open_session(const Pack& pack, const checklist::Checklist& checklist,
                     const std::vector<std::pair<std::string, Level>>& engine, std::string cohort,
                     std::string created_at) {
  Session session{.cohort = std::move(cohort),
                  .created_at = std::move(created_at),
                  .pack_id = pack.id,
                  .pack_title = pack.title,
                  .pack_path = pack.path.string(),
                  .pack_sha256 = pack.sha256,
                  .checklist_id = pack.checklist_id,
                  .kind = pack.kind,
                  .lang = pack.lang,
                  .draft_key = pack.draft_key};
  for (const KeyAnswer& k : pack.key) {
    SessionItem item{.item_id = k.item_id, .key = k.level, .rationale = k.rationale};
    if (const checklist::Item* source = checklist::find_item(checklist, k.item_id))
      item.title = checklist::title_in(*source, pack.lang);
    for (const auto& [id, level] : engine) {
      if (id == k.item_id) item.engine = level;
    }
    session.items.push_back(std::move(item));
  }
  return session;
}

Session make_session(const Pack& pack, const checklist::Checklist& checklist, const std::vector<Answer>& answers,
                     const std::vector<std::pair<std::string, Level>>& engine, std::string cohort,
                     std::string created_at) {
  std::map<std::pair<std::string, std::string>, const Answer*> seen;
  for (const Answer& a : answers) {
    if (const auto [first, inserted] = seen.emplace(std::pair{a.participant, a.item_id}, &a); !inserted) {
      throw InputError({.file = a.file, .line = a.line},
                       a.participant + " answered " + a.item_id + " already, in " + place(*first->second));
    }
  }
  if (answers.empty()) throw InputError({.file = pack.path}, "the answer sheets hold no answers");
  Session session = open_session(pack, checklist, engine, std::move(cohort), std::move(created_at));
  session.answers = answers;
  return session;
}

Debrief debrief(const Session& session) {
  Debrief d{.session = session};
  std::map<std::string, std::size_t> item_index;
  for (const SessionItem& item : session.items) {
    item_index.emplace(item.item_id, d.items.size());
    d.items.push_back({.item_id = item.item_id,
                       .title = item.title,
                       .key = item.key,
                       .rationale = item.rationale,
                       .engine = item.engine});
  }
  std::vector<std::string> names;
  std::map<std::string, std::vector<agreement::Pair>> pairs_of;
  std::vector<agreement::Pair> room;
  for (const Answer& a : session.answers) {
    const auto at = item_index.find(a.item_id);
    if (at == item_index.end()) continue;  // not in the session's key (a stored session is always consistent)
    ItemSpread& item = d.items[at->second];
    const agreement::Pair pair{.reference = item.key, .rater = a.level};
    if (!pairs_of.contains(a.participant)) names.push_back(a.participant);
    pairs_of[a.participant].push_back(pair);
    room.push_back(pair);
    ++item.answers[static_cast<std::size_t>(a.level)];
    ++item.answered;
    if (a.level == item.key) ++item.exact;
    item.mean_distance += std::abs(points(a.level) - points(item.key));
    if (!a.note.empty()) item.notes.push_back({.participant = a.participant, .level = a.level, .note = a.note});
  }
  for (ItemSpread& item : d.items) {
    if (item.answered > 0) item.mean_distance /= static_cast<double>(item.answered);
  }
  for (const std::string& name : names) {
    const std::vector<agreement::Pair>& pairs = pairs_of[name];
    d.participants.push_back({.name = name, .answered = pairs.size(), .agreement = agreement::measure(pairs)});
  }
  d.room = agreement::measure(room);
  std::vector<agreement::Pair> engine;
  for (const ItemSpread& item : d.items) {
    if (item.engine) engine.push_back({.reference = item.key, .rater = *item.engine});
  }
  if (!engine.empty()) d.engine = agreement::measure(engine);

  for (std::size_t i = 0; i < d.items.size(); ++i) {
    if (d.items[i].exact < d.items[i].answered) d.discussion.push_back(i);
  }
  std::stable_sort(d.discussion.begin(), d.discussion.end(), [&](std::size_t a, std::size_t b) {
    const ItemSpread& x = d.items[a];
    const ItemSpread& y = d.items[b];
    if (x.exact_share() != y.exact_share()) return x.exact_share() < y.exact_share();
    return x.mean_distance > y.mean_distance;
  });
  return d;
}

CohortComparison compare_cohorts(std::vector<Debrief> sessions) {
  if (sessions.size() < 2) throw InputError({}, "comparing cohorts needs two sessions or more");
  CohortComparison out{.sessions = std::move(sessions)};
  for (std::size_t s = 0; s < out.sessions.size(); ++s) {
    for (const ItemSpread& item : out.sessions[s].items) {
      auto row = std::find_if(out.items.begin(), out.items.end(),
                              [&](const CohortItem& c) { return c.item_id == item.item_id; });
      if (row == out.items.end()) {
        out.items.push_back({.item_id = item.item_id,
                             .title = item.title,
                             .exact_share = std::vector<std::optional<double>>(out.sessions.size())});
        row = out.items.end() - 1;
      }
      if (item.answered > 0) row->exact_share[s] = item.exact_share();
    }
  }
  return out;
}

}  // namespace unct::workshop
