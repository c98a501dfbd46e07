#include "engine/report/html.hpp"

#include <cctype>

namespace unct::report {

std::string escape_html(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string un_label(Level level) { return std::string(messages("en").un_level(level)); }

const std::string_view k_style = R"css(
:root { --missing: #c0392b; --approaches: #e67e22; --meets: #27ae60; --exceeds: #1e6fb8; --na: #8a8a8a; }
body { font-family: "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #1b1b1b; line-height: 1.45; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; } h2 { border-bottom: 2px solid #009edb; padding-bottom: .2rem; margin-top: 2.2rem; }
h3 { font-size: 1.05rem; margin: 1.4rem 0 .3rem; }
.meta { color: #444; margin: .2rem 0; } .note { background: #f4f8fb; border-left: 4px solid #009edb; padding: .6rem .9rem; font-size: .92rem; }
.badge { display: inline-block; padding: .1rem .55rem; border-radius: .8rem; color: #fff; font-size: .82rem; font-weight: 600; white-space: nowrap; }
.badge.missing { background: var(--missing); } .badge.approaches { background: var(--approaches); }
.badge.meets { background: var(--meets); } .badge.exceeds { background: var(--exceeds); }
.badge.na, .badge.external { background: var(--na); }
table.levels { border-collapse: collapse; width: 100%; font-size: .93rem; } table.levels td, table.levels th { border-bottom: 1px solid #ddd; padding: .3rem .4rem; text-align: left; }
.item { border: 1px solid #ddd; border-radius: .4rem; padding: .4rem .9rem .7rem; margin: .8rem 0; page-break-inside: avoid; }
.question { color: #333; font-style: italic; }
ul.criteria { list-style: none; padding-left: 0; } ul.criteria li { margin: .25rem 0; }
.met::before { content: "\2713  "; color: var(--meets); font-weight: 700; } .unmet::before { content: "\2717  "; color: var(--missing); font-weight: 700; }
blockquote { margin: .2rem 0 .2rem 1.4rem; padding-left: .6rem; border-left: 3px solid #ccc; font-size: .9rem; }
mark { background: #fff3a8; } .place { color: #666; font-size: .85rem; }
.gap { background: #fdf2e9; border-left: 4px solid var(--approaches); padding: .4rem .7rem; }
.review { background: #eef3fb; border-left: 4px solid var(--exceeds); padding: .4rem .7rem; }
svg text { font-family: inherit; font-size: 10px; }
.bar.missing { fill: var(--missing); } .bar.approaches { fill: var(--approaches); }
.bar.meets { fill: var(--meets); } .bar.exceeds { fill: var(--exceeds); }
table.heat { border-collapse: collapse; font-size: .75rem; } table.heat th, table.heat td { border: 1px solid #fff; padding: .15rem .25rem; text-align: center; }
table.heat th.doc { text-align: left; font-weight: 400; max-width: 22rem; } table.heat th.item { writing-mode: vertical-rl; transform: rotate(180deg); font-weight: 400; }
td.missing { background: var(--missing); color: #fff; } td.approaches { background: var(--approaches); color: #fff; }
td.meets { background: var(--meets); color: #fff; } td.exceeds { background: var(--exceeds); color: #fff; } td.na { background: #eee; color: #999; }
table.heat td a { color: inherit; text-decoration: none; display: block; } td.reviewed { outline: 2px solid #1b1b1b; outline-offset: -3px; font-weight: 700; }
.spread { display: flex; height: 1.1rem; width: 18rem; border-radius: .2rem; overflow: hidden; background: #eee; }
.spread span { display: block; } .spread .missing { background: var(--missing); } .spread .approaches { background: var(--approaches); }
.spread .meets { background: var(--meets); } .spread .exceeds { background: var(--exceeds); }
ol.priorities li, ul.meeting li { margin: .35rem 0; } details { margin: .5rem 0; } details summary { cursor: pointer; color: #333; }
.overall { font-size: 1.1rem; }
.claim { border-left: 4px solid var(--approaches); padding: .2rem .8rem; margin: .6rem 0; }
tr.up td { background: #eaf7ef; } tr.down td { background: #fbeaea; } .delta { font-weight: 700; }
@media print { body { margin: 0; max-width: none; } h2 { page-break-after: avoid; } a { color: inherit; text-decoration: none; } }
)css";

std::string level_badge(const std::optional<Level>& level, const Messages& m) {
  if (!level) {
    std::string text(m[Msg::not_applicable]);
    text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));  // "Not applicable"
    return "<span class=\"badge na\">" + escape_html(text) + "</span>";
  }
  return "<span class=\"badge " + std::string(code(*level)) + "\">" + escape_html(m.un_level(*level)) + "</span>";
}

}  // namespace unct::report
