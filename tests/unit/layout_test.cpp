#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>

#include "document/markdown.hpp"
#include "layout/layout.hpp"

using namespace zs;
using namespace zs::layout;

namespace {

doc::Block para(const std::string& s) { return doc::paragraph(s); }

std::string lorem(int words) {
    static const char* w[] = {"informatie", "beveiliging", "gemeente", "beleid", "de", "een",
                              "dienstverleningsorganisaties", "medewerkers", "zorg", "en"};
    std::string s;
    for (int i = 0; i < words; ++i) s += std::string(i ? " " : "") + w[(i * 7) % 10];
    return s;
}

std::vector<const TextItem*> texts(const Page& p) {
    std::vector<const TextItem*> out;
    for (const auto& it : p.items)
        if (const auto* t = std::get_if<TextItem>(&it)) out.push_back(t);
    return out;
}

// The text of each line on a page: items on one baseline, in order, words
// separated by a space where there is a gap.
std::vector<std::string> lines(const Page& p) {
    std::vector<std::pair<double, std::vector<const TextItem*>>> rows;
    for (const auto* t : texts(p)) {
        auto it = std::find_if(rows.begin(), rows.end(), [&](auto& r) { return std::abs(r.first - t->y) < 0.01; });
        if (it == rows.end()) rows.push_back({t->y, {t}});
        else it->second.push_back(t);
    }
    std::vector<std::string> out;
    for (auto& [y, items] : rows) {
        std::sort(items.begin(), items.end(), [](auto* a, auto* b) { return a->x < b->x; });
        std::string s;
        double end = -1;
        for (const auto* t : items) {
            if (!s.empty() && t->x > end + 0.5) s += ' ';
            s += t->text;
            end = t->x + t->width;
        }
        out.push_back(s);
    }
    return out;
}

// On which pages is there a line that is exactly this text?
std::vector<int> pages_with(const LayoutResult& r, const std::string& text) {
    std::vector<int> out;
    for (std::size_t p = 0; p < r.pages.size(); ++p)
        for (const auto& l : lines(r.pages[p]))
            if (l == text || l.starts_with(text + " ") || l.ends_with(" " + text)) {
                out.push_back(static_cast<int>(p));
                break;
            }
    return out;
}

} // namespace

TEST_CASE("layout: nothing is set past the margins") {
    doc::Document d;
    Diagnostics diags;
    doc::MarkdownOptions mo;
    d.blocks = doc::parse_markdown("# Kop\n\n" + lorem(900) +
                                       "\n\n| a | b | c | d | e | f | g |\n|-|-|-|-|-|-|-|\n| " +
                                       lorem(7) + " | x | " + lorem(20) + " | y | z | w | v |\n",
                                   mo, diags);
    LayoutOptions o;
    LayoutResult r = layout_document(d, o, diags);
    CHECK_FALSE(diags.has_errors());
    REQUIRE(r.pages.size() >= 2);
    for (const auto& p : r.pages)
        for (const auto* t : texts(p)) {
            CHECK(t->x >= o.margins.left - 0.01);
            CHECK(t->x + t->width <= r.size.width - o.margins.right + 0.01);
            CHECK(t->y >= 0);
        }
}

TEST_CASE("layout: a group is never split across pages") {
    doc::Document d;
    for (int i = 0; i < 40; ++i) {
        doc::AnswerRow row;
        row.field = "q" + std::to_string(i);
        for (const char* o : {"ja", "nee", "weet niet"})
            row.options.push_back({o, {doc::text(o)}});
        d.blocks.push_back(doc::group({para("Vraag " + std::to_string(i) + ": " + lorem(30)),
                                       doc::block(row), doc::block(doc::NoteLines{"n" + std::to_string(i), 2, 0})}));
    }
    Diagnostics diags;
    LayoutResult r = layout_document(d, {}, diags);
    REQUIRE(r.pages.size() >= 3);
    for (int i = 0; i < 40; ++i) {
        std::string q = "q" + std::to_string(i), n = "n" + std::to_string(i);
        int page = -1;
        for (const auto& f : r.fields)
            if (f.name == q || f.name == n) {
                if (page < 0) page = f.page;
                CHECK(f.page == page);
            }
        // The question's first line is on the same page as its boxes.
        auto where = pages_with(r, "Vraag");
        (void)where;
    }
    // Every answer option reports a box of at least 5 mm.
    int boxes = 0;
    for (const auto& f : r.fields) {
        if (f.kind != FieldKind::choice) continue;
        ++boxes;
        CHECK(f.w >= 5 * 72 / 25.4);
        CHECK(f.h >= 5 * 72 / 25.4);
        CHECK(!f.option.empty());
    }
    CHECK(boxes == 120);
}

TEST_CASE("layout: answer options side by side when they fit, else stacked") {
    doc::Document d;
    doc::AnswerRow narrow{"a", {{"1", {doc::text("ja")}}, {"2", {doc::text("nee")}}}, false};
    doc::AnswerRow wide{"b", {}, true};
    for (int i = 0; i < 4; ++i)
        wide.options.push_back({std::to_string(i), {doc::text(lorem(12))}});
    d.blocks = {doc::block(narrow), doc::block(wide)};
    Diagnostics diags;
    LayoutResult r = layout_document(d, {}, diags);
    std::vector<const FieldRect*> a, b;
    for (const auto& f : r.fields) (f.name == "a" ? a : b).push_back(&f);
    REQUIRE(a.size() == 2);
    REQUIRE(b.size() == 4);
    CHECK(a[0]->y == doctest::Approx(a[1]->y));
    CHECK(a[1]->x > a[0]->x);
    CHECK(b[0]->kind == FieldKind::check);
    for (std::size_t i = 1; i < b.size(); ++i) {
        CHECK(b[i]->x == doctest::Approx(b[0]->x));
        CHECK(b[i]->y < b[i - 1]->y);
    }
}

TEST_CASE("layout: a heading is kept with the paragraph after it") {
    // Fill a page so that the heading would land on the last line.
    for (int filler = 30; filler < 60; ++filler) {
        doc::Document d;
        d.blocks.push_back(para(lorem(filler * 12)));
        d.blocks.push_back(doc::heading(2, "Volgende kop"));
        d.blocks.push_back(para(lorem(60)));
        Diagnostics diags;
        LayoutResult r = layout_document(d, {}, diags);
        REQUIRE(r.outline.size() == 1);
        int hp = r.outline[0].page;
        // The heading's page holds at least two lines of the paragraph after it.
        double heading_y = r.outline[0].y;
        int below = 0;
        for (const auto* t : texts(r.pages[static_cast<std::size_t>(hp)]))
            if (t->y < heading_y - 30 && t->y > 80) ++below;
        CHECK(below >= 2);
    }
}

TEST_CASE("layout: table continued on a new page repeats its header") {
    doc::Table t;
    t.columns = {{doc::Align::right, 0}, {doc::Align::left, 0}};
    t.rows.push_back({{{{doc::text("Nr")}}, {{doc::text("Kopregel")}}}});
    for (int i = 0; i < 150; ++i)
        t.rows.push_back({{{{doc::text(std::to_string(i))}}, {{doc::text("rij " + std::to_string(i))}}}});
    doc::Document d;
    d.blocks.push_back(doc::block(t));
    Diagnostics diags;
    LayoutResult r = layout_document(d, {}, diags);
    REQUIRE(r.pages.size() >= 3);
    auto header_pages = pages_with(r, "Kopregel");
    CHECK(header_pages.size() == r.pages.size());
    for (int i = 0; i < 150; ++i) CHECK(pages_with(r, "rij " + std::to_string(i)).size() == 1);
    // The header is the first thing in the body of every page.
    for (const auto& p : r.pages) {
        double top = 0;
        std::string first;
        for (const auto* tx : texts(p))
            if (tx->y > top && tx->y < r.size.height - 76) top = tx->y, first = tx->text;
        CHECK((first == "Kopregel" || first == "Nr"));
    }
}

TEST_CASE("layout: widows and orphans") {
    for (int filler = 40; filler < 56; ++filler) {
        doc::Document d;
        d.blocks.push_back(para(lorem(filler * 12)));
        d.blocks.push_back(para(lorem(120)));
        Diagnostics diags;
        LayoutResult r = layout_document(d, {}, diags);
        if (r.pages.size() < 2) continue;
        // Count lines of the second paragraph per page via baseline groups.
        for (const auto& p : r.pages) {
            std::vector<double> ys;
            for (const auto* t : texts(p))
                if (t->size == 10 && (ys.empty() || ys.back() != t->y)) ys.push_back(t->y);
            CHECK(ys.size() != 1);
        }
    }
}

TEST_CASE("layout: a character no font has is a warning with its location, shown as a placeholder") {
    doc::Document d;
    doc::Block b = para("smiley \U0001F600 en \U0001F600 nog eens");
    b.where = {"notes.md", 7, 3};
    d.blocks.push_back(b);
    Diagnostics diags;
    LayoutResult r = layout_document(d, {}, diags);
    CHECK_FALSE(diags.has_errors());
    std::string shown;
    for (const auto& p : r.pages)
        for (const auto* t : texts(p)) shown += t->text;
    CHECK(shown.find("\xEF\xBF\xBD") != std::string::npos);
    REQUIRE(diags.all().size() == 1);
    CHECK(format(diags.all()[0]) ==
          "notes.md:7:3: warning: character U+1F600 '\U0001F600' is in none of the configured fonts\n"
          "  hint: use another character, or configure a font that has it (fonts/fonts.toml, "
          "option --fonts)\n");
}

TEST_CASE("layout: bidi controls, joiners and variation selectors are dropped, not drawn") {
    doc::Document d;
    d.blocks.push_back(para("ab\u202Ecd\u202C \u2067ef\u2069 g\u200Dh\uFE0Fi\u200Fj"));
    Diagnostics diags;
    LayoutResult r = layout_document(d, {}, diags);
    CHECK(diags.empty());
    std::string shown;
    for (const auto& p : r.pages)
        for (const auto* t : texts(p)) shown += t->text;
    CHECK(shown.find("abcd") != std::string::npos);
    CHECK(shown.find("ghij") != std::string::npos);
    CHECK(shown.find("\xE2\x80\xAE") == std::string::npos);
}

TEST_CASE("layout: page marks, running header and footer") {
    doc::Document d;
    d.info.title = "Scan";
    d.info.instrument_id = "privacy";
    d.info.instrument_version = "1.2";
    d.info.page_mark = "zelfscan|{id}|{version}|{page}";
    d.info.lang = "en";
    d.blocks.push_back(para(lorem(2000)));
    Diagnostics diags;
    LayoutResult r = layout_document(d, {}, diags);
    REQUIRE(r.pages.size() >= 2);
    auto n = r.pages.size();
    for (std::size_t p = 0; p < n; ++p) {
        CHECK(pages_with(r, "page " + std::to_string(p + 1) + " of " + std::to_string(n)) ==
              std::vector<int>{static_cast<int>(p)});
        int qrs = 0;
        for (const auto& it : r.pages[p].items) qrs += std::holds_alternative<QrItem>(it) ? 1 : 0;
        CHECK(qrs == 1);
    }
    CHECK(pages_with(r, "privacy \u00b7 version 1.2").size() == n);
}

TEST_CASE("layout: charts scale to the column and report nothing past it") {
    doc::Chart c;
    c.width = 1000;
    c.height = 200;
    c.shapes.push_back(doc::RectShape{0, 0, 1000, 200, {doc::Color{1, 2, 3}, {}}});
    c.shapes.push_back(doc::ArcShape{{500, 100}, 80, 0, 90, true, {doc::Color{4, 5, 6}, {}}});
    c.shapes.push_back(doc::TextShape{{1000, 190}, "rechts", 10, false, {}, doc::Align::right});
    doc::Document d;
    d.blocks.push_back(doc::block(c));
    Diagnostics diags;
    LayoutOptions o;
    LayoutResult r = layout_document(d, o, diags);
    double right = r.size.width - o.margins.right;
    for (const auto& it : r.pages[0].items) {
        if (const auto* rect = std::get_if<RectItem>(&it)) CHECK(rect->x + rect->w <= right + 0.01);
        if (const auto* t = std::get_if<TextItem>(&it); t && t->text == "rechts")
            CHECK(t->x + t->width == doctest::Approx(right));
    }
    CHECK(text_width(d, o) == doctest::Approx(r.size.width - o.margins.left - o.margins.right));
}

TEST_CASE("layout: tagged structure: every body text has a node, running head and repeated header are artifacts") {
    doc::Table t;
    t.columns = {{doc::Align::left, 0}, {doc::Align::left, 0}};
    t.rows.push_back({{{{doc::text("Kop een")}}, {{doc::text("Kop twee")}}}});
    for (int i = 0; i < 90; ++i)
        t.rows.push_back({{{{doc::text("rij " + std::to_string(i))}}, {{doc::text("waarde")}}}});
    doc::List l;
    l.items.push_back({{doc::paragraph("eerste punt")}, std::nullopt});
    doc::Document d;
    d.info.title = "Titel";
    d.blocks.push_back(doc::heading(2, "Kop"));
    d.blocks.push_back(para("Een alinea."));
    d.blocks.push_back(doc::block(l));
    d.blocks.push_back(doc::block(t));
    Diagnostics diags;
    LayoutResult r = layout_document(d, {}, diags);
    REQUIRE(r.pages.size() >= 2);
    REQUIRE(!r.structure.empty());
    CHECK(r.structure[0].role == "Document");
    std::vector<std::string> roles;
    for (const auto& n : r.structure) roles.push_back(n.role);
    for (const char* role : {"H2", "P", "L", "LI", "Lbl", "LBody", "Table", "TR", "TH", "TD"})
        CHECK(std::find(roles.begin(), roles.end(), role) != roles.end());
    for (const auto& n : r.structure)
        if (n.role == "TH") CHECK(n.scope == "Column");
    for (std::size_t p = 0; p < r.pages.size(); ++p) {
        const Page& page = r.pages[p];
        REQUIRE(page.tags.size() == page.items.size());
        for (std::size_t k = 0; k < page.items.size(); ++k) {
            const auto* tx = std::get_if<TextItem>(&page.items[k]);
            if (!tx) continue;
            bool running = tx->y > r.size.height - 76 || tx->y < 76;
            bool repeated = p > 0 && tx->text.starts_with("Kop ");
            if (running || repeated)
                CHECK(page.tags[k] == -1);
            else
                CHECK(page.tags[k] > 0);
        }
    }
}
