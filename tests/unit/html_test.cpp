#include <doctest/doctest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <limits>
#include <vector>

#include "document/markdown.hpp"
#include "html/encode.hpp"
#include "html/render_html.hpp"
#include "html/svg.hpp"

using namespace zs;

namespace {

std::size_t count(const std::string& hay, std::string_view needle) {
    std::size_t n = 0;
    for (auto at = hay.find(needle); at != std::string::npos; at = hay.find(needle, at + 1)) ++n;
    return n;
}

doc::Chart chart() {
    doc::Chart c;
    c.width = 200;
    c.height = 100;
    c.alt = "Risk per theme: D1 high; D2 low.";
    c.shapes.push_back(doc::RectShape{10, 10, 50, 20, {doc::Color{0x9e, 0xca, 0xe1}, std::nullopt}});
    c.shapes.push_back(doc::LineShape{{0, 90}, {200, 90}, {doc::Color{0xc5, 0xcd, 0xd8}, 0.5, 2}});
    c.shapes.push_back(doc::PathShape{{{0, 0}, {10, 10}, {20, 0}}, false, {std::nullopt, doc::Stroke{}}});
    c.shapes.push_back(doc::PathShape{{{0, 0}, {10, 10}, {20, 0}}, true, {doc::Color{}, std::nullopt}});
    c.shapes.push_back(doc::ArcShape{{50, 50}, 10, 0, 90, true, {doc::Color{0xe6, 0x9f, 0x00}, std::nullopt}});
    doc::TextShape t;
    t.at = {100, 50};
    t.text = "D1 & <hoog>";
    t.align = doc::Align::center;
    t.bold = true;
    c.shapes.push_back(t);
    return c;
}

// Every block kind once, nested where the model allows it.
doc::Document every_block() {
    doc::Document d;
    d.info.title = "Rapport <proef>";
    d.info.author = "Team W&I";
    d.info.subject = "Privacy risk report";
    d.info.keywords = "privacy, AVG";
    d.info.lang = "nl";
    d.info.instrument_id = "privacy";
    d.info.instrument_version = "2.0";
    d.blocks.push_back(doc::heading(1, "Één overzicht"));
    doc::Inlines runs{doc::text("Vet", doc::bold), doc::text(" schuin", doc::italic),
                      doc::text(" code", doc::code), doc::text(" weg", doc::strike),
                      doc::text(" naar "), doc::link("twee", "#twee"), doc::text(" en "),
                      doc::link("web", "https://example.org/?a=1&b=2")};
    d.blocks.push_back(doc::paragraph(runs));
    doc::List bullets;
    bullets.items.push_back({{doc::paragraph("een")}, std::nullopt});
    doc::List nested;
    nested.ordered = true;
    nested.start = 3;
    nested.items.push_back({{doc::paragraph("drie")}, std::nullopt});
    bullets.items.push_back({{doc::paragraph("twee"), doc::block(nested)}, std::nullopt});
    bullets.items.push_back({{doc::paragraph("klaar")}, true});
    bullets.items.push_back({{doc::paragraph("open")}, false});
    d.blocks.push_back(doc::block(bullets));
    d.blocks.push_back(doc::block(doc::Callout{{doc::paragraph("Let op.")}, std::nullopt}));
    doc::Table t;
    t.columns = {{doc::Align::left, 0}, {doc::Align::right, 0}};
    t.rows = {{{{{doc::text("Thema")}}, {{doc::text("Score")}}}},
              {{{{doc::text("D1")}}, {{doc::text("3,2")}}}},
              {{{{doc::text("D2")}}, {{doc::text("1,0")}}}}};
    d.blocks.push_back(doc::block(t));
    d.blocks.push_back(doc::block(doc::ThematicBreak{}));
    d.blocks.push_back(doc::block(doc::CodeBlock{"if (a < b && c) {}\n"}));
    d.blocks.push_back(
        doc::block(doc::Image{std::string(ZELFSCAN_TEST_DATA) + "/typesetting/logo.png", 120,
                              doc::Align::center, "Logo van de gemeente"}));
    d.blocks.push_back(doc::spacer(12));
    d.blocks.push_back(doc::page_break());
    d.blocks.push_back(doc::heading(2, "Twee"));
    d.blocks.push_back(doc::group(
        {doc::paragraph("Vraag 1"),
         doc::block(doc::AnswerRow{"q1", {{"ja", {doc::text("Ja")}}, {"nee", {doc::text("Nee")}}}, false}),
         doc::block(doc::NoteLines{"q1_note", 3, 0}),
         doc::block(doc::FieldBox{"datum", {doc::text("Datum:")}, 0, 0, 0, {}})}));
    d.blocks.push_back(doc::block(chart()));
    return d;
}

// A small XML well-formedness check: every tag closed in order. Text can
// hold no raw '<', so every '<' starts a tag.
bool balanced(const std::string& s, std::string& problem) {
    std::vector<std::string> open;
    for (auto at = s.find('<'); at != std::string::npos; at = s.find('<', at + 1)) {
        auto end = s.find('>', at);
        if (end == std::string::npos) return problem = "unclosed <", false;
        std::string tag = s.substr(at + 1, end - at - 1);
        if (tag.starts_with("!DOCTYPE")) continue;
        if (tag.ends_with("/")) continue;
        bool closing = tag.starts_with("/");
        std::string name = tag.substr(closing ? 1 : 0, tag.find_first_of(" \n/", 1) - (closing ? 1 : 0));
        if (!closing) {
            open.push_back(name);
        } else if (open.empty() || open.back() != name) {
            return problem = "</" + name + "> closes <" + (open.empty() ? "" : open.back()) + ">", false;
        } else {
            open.pop_back();
        }
    }
    if (!open.empty()) return problem = "<" + open.back() + "> not closed", false;
    return true;
}

std::string render(const doc::Document& d, Diagnostics& diags) {
    return html::render_html(d, {}, diags);
}

} // namespace

TEST_CASE("html: every block kind renders") {
    Diagnostics diags;
    std::string h = render(every_block(), diags);
    CHECK_FALSE(diags.has_errors());
    CHECK(h.starts_with("<!DOCTYPE html>\n<html lang=\"nl\">"));
    CHECK(h.find("<meta charset=\"utf-8\"/>") != std::string::npos);
    CHECK(h.find("<title>Rapport &lt;proef&gt;</title>") != std::string::npos);
    CHECK(h.find("<meta name=\"author\" content=\"Team W&amp;I\"/>") != std::string::npos);
    CHECK(h.find("<meta name=\"description\" content=\"Privacy risk report\"/>") != std::string::npos);
    CHECK(h.find("<meta name=\"keywords\" content=\"privacy, AVG\"/>") != std::string::npos);
    CHECK(h.find("content=\"zelfscan " ZELFSCAN_VERSION "; instrument privacy 2.0\"") != std::string::npos);
    CHECK(count(h, "<main>") == 1);
    CHECK(h.find("<style>") != std::string::npos);
    CHECK(h.find("<h1 id=\"één-overzicht\">Één overzicht</h1>") != std::string::npos);
    CHECK(h.find("<strong>Vet</strong><em> schuin</em><code> code</code><del> weg</del>") != std::string::npos);
    CHECK(h.find("<a href=\"https://example.org/?a=1&amp;b=2\">web</a>") != std::string::npos);
    CHECK(h.find("<ul>\n<li>een</li>") != std::string::npos);
    CHECK(h.find("<ol start=\"3\">\n<li>drie</li>") != std::string::npos);
    CHECK(h.find("<li class=\"task\"><input type=\"checkbox\" disabled=\"disabled\" checked=\"checked\"/> klaar</li>") != std::string::npos);
    CHECK(h.find("<li class=\"task\"><input type=\"checkbox\" disabled=\"disabled\"/> open</li>") != std::string::npos);
    CHECK(h.find("<aside class=\"callout\">\n<p>Let op.</p>\n</aside>") != std::string::npos);
    CHECK(h.find("<hr/>") != std::string::npos);
    CHECK(h.find("<pre><code>if (a &lt; b &amp;&amp; c) {}\n</code></pre>") != std::string::npos);
    CHECK(h.find("<figure class=\"image center\"><img src=\"data:image/png;base64,iVBORw0KGgo") != std::string::npos);
    CHECK(h.find("alt=\"Logo van de gemeente\" style=\"width:120pt\"/>") != std::string::npos);
    CHECK(h.find("<div class=\"spacer\" aria-hidden=\"true\" style=\"height:12pt\"></div>") != std::string::npos);
    CHECK(h.find("<div class=\"page-break\"></div>") != std::string::npos);
    CHECK(h.find("<div class=\"keep\">") != std::string::npos);
    CHECK(h.find("<li><label><input type=\"radio\" name=\"q1\" value=\"ja\" disabled=\"disabled\"/> Ja</label></li>") != std::string::npos);
    CHECK(h.find("aria-label=\"Ruimte voor aantekeningen, 3 regels\"") != std::string::npos);
    CHECK(h.find("<p class=\"field\"><label><span>Datum:</span> <input type=\"text\" name=\"datum\" disabled=\"disabled\"/></label></p>") != std::string::npos);
    // Charts and tables that may scroll sideways on a phone are labelled,
    // focusable regions (WCAG 2.1.1).
    CHECK(h.find("<figure class=\"chart\"><div class=\"chart-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"") != std::string::npos);
    CHECK(h.find("<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"Tabel 1") != std::string::npos);
    CHECK(h.find("<footer class=\"doc-footer\"><p>privacy 2.0</p></footer>") != std::string::npos);
    CHECK(h.ends_with("</body>\n</html>\n"));
    std::string problem;
    CHECK_MESSAGE(balanced(h, problem), problem);
}

TEST_CASE("html: untrusted text comes out literally") {
    doc::Document d;
    d.blocks.push_back(doc::paragraph("Noot: <script>alert(1)</script> **bold** \"q\" 'a' & {{x}}"));
    doc::Table t;
    t.rows = {{{{{doc::text("<b>kop</b>")}}}}, {{{{doc::text("<img src=x onerror=alert(1)>")}}}}};
    d.blocks.push_back(doc::block(t));
    Diagnostics diags;
    std::string h = render(d, diags);
    CHECK(h.find("<p>Noot: &lt;script&gt;alert(1)&lt;/script&gt; **bold** &quot;q&quot; &#39;a&#39; &amp; {{x}}</p>") != std::string::npos);
    CHECK(h.find("<script") == std::string::npos);
    CHECK(h.find("<strong>") == std::string::npos);
    CHECK(h.find("<th scope=\"col\">&lt;b&gt;kop&lt;/b&gt;</th>") != std::string::npos);
    CHECK(h.find("<img") == std::string::npos);
}

TEST_CASE("html: Markdown in a note stays literal through the Markdown front too") {
    // A builder puts notes in as text runs; only the template goes through
    // the Markdown front. The run must reach the HTML unchanged.
    Diagnostics diags;
    doc::Document d;
    d.blocks = doc::parse_markdown("# Notities\n\nVan de respondenten:\n", {}, diags);
    d.blocks.push_back(doc::paragraph("[klik](javascript:alert(1)) _schuin_"));
    std::string h = render(d, diags);
    CHECK(h.find("<p>[klik](javascript:alert(1)) _schuin_</p>") != std::string::npos);
    CHECK(h.find("href") == std::string::npos);
}

TEST_CASE("html: headings get ids and internal links point at them") {
    Diagnostics diags;
    doc::Document d;
    d.blocks = doc::parse_markdown("# Één\n\nZie [twee](#twee) en [nergens](#nergens).\n\n## Twee\n\n## Twee\n", {}, diags);
    doc::Heading h;
    h.level = 3;
    h.text = {doc::text("Zonder anker")};
    d.blocks.push_back(doc::block(h));
    std::string out = render(d, diags);
    CHECK(out.find("<h1 id=\"één\">Één</h1>") != std::string::npos);
    CHECK(out.find("<a href=\"#twee\">twee</a>") != std::string::npos);
    CHECK(out.find("<h2 id=\"twee\">Twee</h2>") != std::string::npos);
    CHECK(out.find("<h2 id=\"twee-2\">Twee</h2>") != std::string::npos);
    CHECK(out.find("<h3 id=\"zonder-anker\">Zonder anker</h3>") != std::string::npos);
    // As in the PDF: a link to a heading that does not exist stays text.
    CHECK(out.find(" en nergens.") != std::string::npos);
    CHECK(out.find("#nergens") == std::string::npos);
}

TEST_CASE("html: unsafe links are dropped with a warning, safe ones kept") {
    doc::Document d;
    d.blocks.push_back(doc::paragraph(doc::Inlines{
        doc::link("a", "javascript:alert(1)"), doc::link("b", " JaVa\tScRiPt:alert(1)"),
        doc::link("c", "data:text/html,<script>"), doc::link("d", "mailto:fg@example.nl"),
        doc::link("e", "https://example.nl/\"onmouseover=\"x")}));
    Diagnostics diags;
    std::string h = render(d, diags);
    CHECK(h.find("<p>abc<a href=\"mailto:fg@example.nl\">d</a><a href=\"https://example.nl/&quot;onmouseover=&quot;x\">e</a></p>") != std::string::npos);
    CHECK_FALSE(diags.has_errors());
    CHECK(diags.all().size() == 3);
    CHECK(html::safe_href("java\nscript:x") == std::nullopt);
    CHECK(html::safe_href("vbscript:x") == std::nullopt);
    CHECK(html::safe_href("FILE:///etc/passwd") == std::nullopt);
    CHECK(html::safe_href("bijlage/a:b.html") == "bijlage/a:b.html");
    CHECK(html::safe_href("HTTPS://x.nl") == "HTTPS://x.nl");
}

TEST_CASE("html: a chart is an svg with title, desc and one element per shape") {
    doc::Document d;
    d.blocks.push_back(doc::block(chart()));
    Diagnostics diags;
    std::string h = render(d, diags);
    CHECK(diags.empty());
    CHECK(h.find("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 200 100\" width=\"100%\" "
                 "style=\"max-width:300px;min-width:300px\" aria-labelledby=\"zs-chart-1-title\" aria-describedby=\"zs-chart-1-desc\">") != std::string::npos);
    CHECK(h.find("<title id=\"zs-chart-1-title\">Risk per theme</title>") != std::string::npos);
    CHECK(h.find("<desc id=\"zs-chart-1-desc\">Risk per theme: D1 high; D2 low.</desc>") != std::string::npos);
    std::size_t shapes = count(h, "<rect") + count(h, "<line") + count(h, "<polyline") +
                         count(h, "<polygon") + count(h, "<path") + count(h, "<text");
    CHECK(shapes == 6);
    CHECK(h.find("<rect x=\"10\" y=\"10\" width=\"50\" height=\"20\" fill=\"#9ecae1\"/>") != std::string::npos);
    CHECK(h.find("stroke=\"#c5cdd8\" stroke-width=\"0.5\" stroke-dasharray=\"2\"") != std::string::npos);
    CHECK(h.find("<polyline points=\"0,0 10,10 20,0\" fill=\"none\" stroke=\"#000000\" stroke-width=\"0.75\"") != std::string::npos);
    CHECK(h.find("<polygon points=\"0,0 10,10 20,0\" fill=\"#000000\"") != std::string::npos);
    // 0 degrees at 12 o'clock, clockwise: a quarter from 12 to 3 o'clock.
    CHECK(h.find("<path d=\"M50,50 L50,40 A10,10 0 0 1 60,50 Z\" fill=\"#e69f00\"") != std::string::npos);
    CHECK(h.find("<text x=\"100\" y=\"50\" font-size=\"8\" font-weight=\"bold\" text-anchor=\"middle\" fill=\"#1f2328\">D1 &amp; &lt;hoog&gt;</text>") != std::string::npos);
    // A second chart gets its own ids.
    d.blocks.push_back(doc::block(chart()));
    CHECK(render(d, diags).find("id=\"zs-chart-2-title\"") != std::string::npos);
}

TEST_CASE("html: arcs follow the PDF's dial convention") {
    auto d = [](double from, double to, bool wedge) {
        doc::Chart c;
        c.width = c.height = 100;
        c.shapes.push_back(doc::ArcShape{{50, 50}, 20, from, to, wedge, {}});
        std::string out;
        html::append_chart_svg(out, c, "c", "Chart");
        auto at = out.find(" d=\"");
        return out.substr(at + 4, out.find('"', at + 4) - at - 4);
    };
    CHECK(d(90, 270, false) == "M70,50 A20,20 0 0 1 30,50");     // 3 to 9 o'clock through 6
    CHECK(d(0, 270, true) == "M50,50 L50,30 A20,20 0 1 1 30,50 Z"); // three quarters
    CHECK(d(90, 0, false) == "M70,50 A20,20 0 0 0 50,30");         // counter-clockwise
    CHECK(d(0, 360, false) == "M50,30 A20,20 0 1 1 50,70 A20,20 0 1 1 50,30 Z");
}

TEST_CASE("html: tables have a header with scope and column alignment") {
    Diagnostics diags;
    std::string h = render(every_block(), diags);
    CHECK(h.find("<table>\n<thead>\n<tr><th scope=\"col\">Thema</th><th scope=\"col\" class=\"r\">Score</th></tr>\n</thead>\n"
                 "<tbody>\n<tr><td>D1</td><td class=\"r\">3,2</td></tr>\n") != std::string::npos);
    doc::Document d;
    doc::Table t;
    t.header_rows = 0;
    t.rows = {{{{{doc::text("x")}}}}};
    d.blocks.push_back(doc::block(t));
    std::string plain = render(d, diags);
    CHECK(plain.find("<thead>") == std::string::npos);
    CHECK(plain.find("<tbody>\n<tr><td>x</td></tr>\n</tbody>") != std::string::npos);
}

TEST_CASE("html: lang attribute follows the document and cannot break out") {
    doc::Document d;
    d.info.lang = "en";
    d.blocks.push_back(doc::block(doc::NoteLines{"n", 1, 0}));
    Diagnostics diags;
    std::string h = render(d, diags);
    CHECK(h.find("<html lang=\"en\">") != std::string::npos);
    CHECK(h.find("aria-label=\"Space for notes, 1 line\"") != std::string::npos);
    d.info.lang = "en\"><script>";
    CHECK(render(d, diags).find("<html lang=\"enscript\">") != std::string::npos);
}

TEST_CASE("html: same input, same bytes") {
    Diagnostics d1, d2;
    std::string a = render(every_block(), d1);
    std::string b = render(every_block(), d2);
    CHECK(a == b);
}

TEST_CASE("html: a missing image is an error with the path, the rest still renders") {
    doc::Document d;
    d.blocks.push_back(doc::block(doc::Image{"/nonexistent/logo.png", 0, doc::Align::left, ""},
                                  SourceLocation{"rapport.md", 4, 1}));
    d.blocks.push_back(doc::paragraph("na"));
    Diagnostics diags;
    std::string h = render(d, diags);
    REQUIRE(diags.has_errors());
    CHECK(format(diags.all().front()).starts_with("rapport.md:4:1: error: cannot use image '/nonexistent/logo.png'"));
    CHECK(h.find("<p>na</p>") != std::string::npos);
}

TEST_CASE("html: escaping drops control characters and repairs bad UTF-8") {
    CHECK(html::escape("a\x01" "b\x7f" "c\tn\n") == "abc\tn\n");
    CHECK(html::escape("\xC3\xA9\xE2\x82\xAC") == "é€");
    CHECK(html::escape("x\xFFy") == "x\xEF\xBF\xBDy");
    CHECK(html::escape("\xED\xA0\x80") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"); // surrogate
    CHECK(html::escape("\xC0\xAF") == "\xEF\xBF\xBD\xEF\xBF\xBD");                // overlong '/'
    CHECK(html::escape("\xEF\xBF\xBE") == "");                                       // U+FFFE
    CHECK(html::escape("\xE2\x82") == "\xEF\xBF\xBD\xEF\xBF\xBD");                // truncated
}

TEST_CASE("html: numbers and base64 are exact") {
    CHECK(html::num(12.5) == "12.5");
    CHECK(html::num(3) == "3");
    CHECK(html::num(-0.001) == "0");
    CHECK(html::num(1.0 / 3) == "0.33");
    CHECK(html::num(std::numeric_limits<double>::quiet_NaN()) == "0");
    CHECK(html::base64("") == "");
    CHECK(html::base64("f") == "Zg==");
    CHECK(html::base64("fo") == "Zm8=");
    CHECK(html::base64("foo") == "Zm9v");
    CHECK(html::base64("foob") == "Zm9vYg==");
    CHECK(html::base64("\xff\xfe") == "//4=");
}

TEST_CASE("html: the page is well-formed XML (xmllint when installed)") {
    Diagnostics diags;
    std::string h = render(every_block(), diags);
    if (std::system("command -v xmllint >/dev/null 2>&1") != 0) {
        MESSAGE("xmllint not installed (libxml2-utils); only the built-in tag check ran");
        return;
    }
    std::string path = "html_test_wellformed.xhtml";
    std::ofstream(path, std::ios::binary) << h;
    CHECK(std::system(("xmllint --noout " + path).c_str()) == 0);
    std::remove(path.c_str());
}

TEST_CASE("html: printing uses the document's paper size") {
    doc::Document d;
    d.blocks.push_back(doc::paragraph(doc::Inlines{doc::text("x")}));
    Diagnostics diags;
    CHECK(render(d, diags).find("@page { size: A4;") != std::string::npos);
    d.info.paper = doc::Paper::letter;
    std::string h = render(d, diags);
    CHECK(h.find("@page { size: letter;") != std::string::npos);
    CHECK(h.find("size: A4") == std::string::npos);
}

TEST_CASE("html: a key-value table marks its first column as row headers") {
    doc::Document d;
    doc::Table t;
    t.columns = {{doc::Align::left, 0}, {doc::Align::left, 0}};
    t.header_rows = 0;
    t.row_headers = true;
    t.rows.push_back({{doc::TableCell{{doc::text("Instrument")}}, doc::TableCell{{doc::text("Zelfscan")}}}});
    d.blocks.push_back(doc::block(std::move(t)));
    Diagnostics diags;
    CHECK(render(d, diags).find("<tr><th scope=\"row\">Instrument</th><td>Zelfscan</td></tr>") != std::string::npos);
}
