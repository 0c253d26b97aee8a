#include <doctest/doctest.h>

#include "document/markdown.hpp"

using namespace zs;
using namespace zs::doc;

namespace {
Blocks parse(std::string_view md, Diagnostics& d) {
    MarkdownOptions o;
    o.file = "t.md";
    return parse_markdown(md, o, d);
}
} // namespace

TEST_CASE("markdown: headings, paragraphs and inline styles") {
    Diagnostics d;
    Blocks b = parse("# Één titel\n\nTekst **vet** *schuin* `code` ~~weg~~ [l](https://x.nl).\n", d);
    REQUIRE(b.size() == 2);
    const auto& h = std::get<Heading>(b[0].content);
    CHECK(h.level == 1);
    CHECK(plain_text(h.text) == "Één titel");
    CHECK(h.anchor == "één-titel");
    CHECK(b[0].where.line == 1);
    const auto& p = std::get<Paragraph>(b[1].content);
    CHECK(b[1].where.line == 3);
    bool saw_bold = false, saw_italic = false, saw_code = false, saw_strike = false, saw_link = false;
    for (const auto& r : p.runs) {
        saw_bold |= r.text == "vet" && (r.style & bold);
        saw_italic |= r.text == "schuin" && (r.style & italic);
        saw_code |= r.text == "code" && (r.style & code);
        saw_strike |= r.text == "weg" && (r.style & strike);
        saw_link |= r.text == "l" && r.link == "https://x.nl";
    }
    CHECK(saw_bold);
    CHECK(saw_italic);
    CHECK(saw_code);
    CHECK(saw_strike);
    CHECK(saw_link);
    CHECK(d.empty());
}

TEST_CASE("markdown: smart quotes and dashes") {
    Diagnostics d;
    Blocks b = parse("\"dubbel\" en 'enkel' -- streep\n", d);
    CHECK(plain_text(std::get<Paragraph>(b[0].content).runs) ==
          "\u201cdubbel\u201d en \u2018enkel\u2019 \u2013 streep");
}

TEST_CASE("markdown: lists, tasks, quotes, code, rules and tables") {
    Diagnostics d;
    Blocks b = parse("- a\n  - b\n\n1. x\n2. y\n\n- [x] klaar\n- [ ] open\n\n> kader\n\n"
                     "```\ncode\n```\n\n---\n\n| A | B |\n|:-|-:|\n| 1 | 2 |\n",
                     d);
    REQUIRE(b.size() == 7);
    const auto& l = std::get<List>(b[0].content);
    CHECK_FALSE(l.ordered);
    REQUIRE(l.items.size() == 1);
    CHECK(std::holds_alternative<List>(l.items[0].blocks[1].content));
    const auto& n = std::get<List>(b[1].content);
    CHECK(n.ordered);
    CHECK(n.items.size() == 2);
    const auto& t = std::get<List>(b[2].content);
    REQUIRE(t.items.size() == 2);
    CHECK(t.items[0].task == true);
    CHECK(t.items[1].task == false);
    CHECK(std::holds_alternative<Callout>(b[3].content));
    CHECK(std::get<CodeBlock>(b[4].content).text == "code");
    CHECK(std::holds_alternative<ThematicBreak>(b[5].content));
    const auto& tab = std::get<Table>(b[6].content);
    CHECK(tab.header_rows == 1);
    REQUIRE(tab.columns.size() == 2);
    CHECK(tab.columns[0].align == Align::left);
    CHECK(tab.columns[1].align == Align::right);
    CHECK(plain_text(tab.rows[1].cells[1].text) == "2");
}

TEST_CASE("markdown: raw HTML is shown as text and reported") {
    Diagnostics d;
    Blocks b = parse("<div>x</div>\n\nTekst met <b>html</b>.\n", d);
    CHECK(d.all().size() == 3); // the block, <b> and </b>
    CHECK(format(d.all()[0]) ==
          "t.md:1:1: warning: raw HTML is not rendered; it is shown as text\n"
          "  hint: use Markdown instead of HTML\n");
    auto problems = validate_markdown("Tekst met <b>html</b>.\n\n<script>x</script>\n");
    REQUIRE(problems.size() == 3);
    CHECK(problems[0].line == 1);
    CHECK(problems[0].column == 11);
    CHECK(problems[0].message == "raw HTML is not allowed; use Markdown");
    CHECK(problems[2].line == 3);
    CHECK(validate_markdown("Gewone **tekst**.").empty());
}

TEST_CASE("markdown: image paragraphs become image blocks with resolved paths") {
    Diagnostics d;
    MarkdownOptions o;
    o.base_dir = "/docs";
    Blocks b = parse_markdown("![Logo](logo.png)\n", o, d);
    REQUIRE(b.size() == 1);
    const auto& img = std::get<Image>(b[0].content);
    CHECK(img.path == "/docs/logo.png");
    CHECK(img.alt == "Logo");
}

TEST_CASE("plain text from respondents is never interpreted") {
    Blocks b;
    append_plain_text(b, "**niet vet** <b>x</b>\nregel twee\n\n  \n# geen kop\n");
    REQUIRE(b.size() == 2);
    const auto& p = std::get<Paragraph>(b[0].content);
    REQUIRE(p.runs.size() == 1);
    CHECK(p.runs[0].text == "**niet vet** <b>x</b>\nregel twee");
    CHECK(p.runs[0].style == plain);
    CHECK(std::get<Paragraph>(b[1].content).runs[0].text == "# geen kop");
}

TEST_CASE("colours parse from #rrggbb") {
    CHECK(parse_color("#1c3F6e") == Color{0x1c, 0x3f, 0x6e});
    CHECK(parse_color("1c3f6e") == Color{0x1c, 0x3f, 0x6e});
    CHECK_FALSE(parse_color("#12345"));
    CHECK_FALSE(parse_color("#12345g"));
    CHECK(to_hex(Color{1, 2, 255}) == "#0102ff");
}
