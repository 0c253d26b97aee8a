#include "html/stylesheet.hpp"

#include "document/palette.hpp"

namespace zs::html {

namespace {

// Colours come from the palette so the HTML never drifts from the PDF; the
// rest is static. Body text is near-black on white (contrast 15:1), muted
// text #5f6773 still passes WCAG AA (5.7:1).
constexpr const char* rules = R"css(
html { color-scheme: light; -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0; background: var(--white); color: var(--text);
  font-family: Lato, "Helvetica Neue", Arial, system-ui, -apple-system, "Segoe UI", sans-serif;
  font-size: 1.0625rem; line-height: 1.55; }
main { display: block; max-width: 46em; margin: 0 auto; padding: 2.5em 1.25em 3em; }
h1, h2, h3, h4, h5, h6 { color: var(--accent); line-height: 1.25; margin: 1.6em 0 0.5em; }
h1 { font-size: 1.9em; }
h2 { font-size: 1.45em; padding-bottom: 0.2em; border-bottom: 1px solid var(--rule); }
h3 { font-size: 1.2em; }
h4 { font-size: 1.05em; }
main > :first-child { margin-top: 0; }
p { margin: 0 0 0.8em; }
p.center { text-align: center; }
p.right { text-align: right; }
a { color: var(--accent); text-decoration: underline; text-underline-offset: 0.15em;
  overflow-wrap: anywhere; }
p, li, td, th, dd { overflow-wrap: break-word; }
a:hover { text-decoration-thickness: 2px; }
a:focus-visible, input:focus-visible, textarea:focus-visible, [tabindex]:focus-visible {
  outline: 3px solid var(--accent); outline-offset: 2px; border-radius: 2px; }
code, pre { font-family: "DejaVu Sans Mono", ui-monospace, Menlo, Consolas, monospace; font-size: 0.88em; }
code { background: var(--zebra); padding: 0.05em 0.25em; border-radius: 3px; }
pre { background: var(--zebra); border: 1px solid var(--rule); border-radius: 4px;
  padding: 0.75em 1em; overflow-x: auto; white-space: pre-wrap; overflow-wrap: anywhere; }
pre code { background: none; padding: 0; font-size: 1em; }
hr { border: 0; border-top: 1px solid var(--rule); margin: 1.5em 0; }
ul, ol { margin: 0 0 0.8em; padding-left: 1.6em; }
li > ul, li > ol { margin-bottom: 0; }
li.task { list-style: none; }
li.task > input { margin: 0 0.4em 0 -1.4em; }
aside.callout { background: var(--tint); border-left: 4px solid var(--accent);
  padding: 0.8em 1em 0.1em; margin: 0 0 1em; border-radius: 0 4px 4px 0; }
.table-wrap { overflow-x: auto; margin: 0 0 1.2em; }
table { border-collapse: collapse; width: 100%; font-size: 0.92em; }
th, td { padding: 0.4em 0.6em; vertical-align: top; text-align: left; }
table.compact th, table.compact td { padding: 0.2em 0.6em; }
thead th { background: var(--tint); color: var(--accent); font-weight: bold;
  border-bottom: 2px solid var(--accent); }
tbody tr:nth-child(even) { background: var(--zebra); }
tbody tr { border-bottom: 1px solid var(--rule); }
table { border-top: 2px solid var(--accent); }
.c { text-align: center; }
.r { text-align: right; }
figure { margin: 0 0 1.2em; }
figure.center { text-align: center; }
figure.right { text-align: right; }
figure img { max-width: 100%; height: auto; }
figure.chart svg { display: block; height: auto; }
.chart-scroll { overflow-x: auto; }
figure.chart svg text { font-family: inherit; }
ul.answers { list-style: none; padding-left: 0; display: flex; flex-wrap: wrap; gap: 0.3em 1.5em; }
ul.answers input, li.task input { width: 1.1em; height: 1.1em; vertical-align: -0.15em; }
p.field label { display: flex; gap: 0.6em; align-items: baseline; }
p.field input, p.field textarea { flex: 1; border: 1px solid #8a93a0; background: var(--white);
  min-height: 1.8em; font: inherit; }
.note-lines { margin: 0 0 1em; background-image: repeating-linear-gradient(to bottom,
  transparent 0, transparent calc(var(--gap) - 1px), var(--rule) calc(var(--gap) - 1px),
  var(--rule) var(--gap)); }
.doc-footer { max-width: 46em; margin: 0 auto; padding: 1em 1.25em 2em; color: var(--muted);
  font-size: 0.85em; border-top: 1px solid var(--rule); }
.page-break { height: 0; }
@media (prefers-contrast: more) {
  :root { --muted: #1f2328; --rule: #5f6773; }
  a { text-decoration-thickness: 2px; }
}
@media print {
  body { font-size: 10pt; }
  main { max-width: none; padding: 0; }
  .page-break { break-after: page; }
  h1, h2, h3, h4 { break-after: avoid; }
  .keep, figure, tr, li, aside { break-inside: avoid; }
  thead { display: table-header-group; }
  .table-wrap { overflow: visible; }
  pre { white-space: pre-wrap; }
  a { color: var(--text); }
}
)css";

} // namespace

std::string house_stylesheet(doc::Paper paper) {
    using doc::to_hex;
    std::string css = ":root { --text: " + to_hex(palette::text) +
                      "; --muted: " + to_hex(palette::muted) +
                      "; --accent: " + to_hex(palette::accent) +
                      "; --tint: " + to_hex(palette::accent_tint) +
                      "; --rule: " + to_hex(palette::rule) +
                      "; --zebra: " + to_hex(palette::zebra) +
                      "; --white: " + to_hex(palette::white) + "; }";
    css += rules;
    css += paper == doc::Paper::letter ? "@media print { @page { size: letter; margin: 20mm 18mm 22mm; } }\n"
                                       : "@media print { @page { size: A4; margin: 20mm 18mm 22mm; } }\n";
    return css;
}

} // namespace zs::html
