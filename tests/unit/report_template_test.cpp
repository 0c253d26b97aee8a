// Report templates: placeholders, sections, directives and their errors.
#include <doctest/doctest.h>

#include "report/format.hpp"
#include "report/template.hpp"

using namespace zs;
using namespace zs::report;

namespace {

struct Rendered {
    doc::Blocks blocks;
    std::vector<Directive> directives;
    std::string diagnostics;
};

Rendered render(const std::string& text, const Data& data) {
    Rendered r;
    TemplateSpec spec{"t.md", text, {"cover", "chart:distribution", "table:plan"}, {"name", "items", "id", "flag"}};
    Diagnostics d;
    r.blocks = render_template(spec, data, [&](const Directive& dir, doc::Blocks& out) {
        r.directives.push_back(dir);
        out.push_back(doc::paragraph("<" + dir.name + ":" + dir.arg + ">"));
        return true;
    }, d);
    r.diagnostics = format(d);
    return r;
}

std::string all_text(const doc::Blocks& blocks) {
    std::string s;
    for (const auto& b : blocks) {
        if (auto* p = std::get_if<doc::Paragraph>(&b.content)) s += doc::plain_text(p->runs) + "\n";
        if (auto* h = std::get_if<doc::Heading>(&b.content)) s += "# " + doc::plain_text(h->text) + "\n";
        if (auto* l = std::get_if<doc::List>(&b.content))
            for (const auto& it : l->items) s += "- " + all_text(it.blocks);
    }
    return s;
}

} // namespace

TEST_CASE("placeholders are filled and shown literally") {
    Data d;
    d.set("name", "Gemeente *Ster* # {{x}}");
    auto r = render("# Rapport\n\nVoor {{name}}.\n", d);
    CHECK(r.diagnostics.empty());
    CHECK(all_text(r.blocks) == "# Rapport\nVoor Gemeente *Ster* # {{x}}.\n");
}

TEST_CASE("sections repeat and directives take arguments from them") {
    Data d;
    kainjow::mustache::list items;
    for (const char* id : {"D1", "D3.1"}) {
        Data item;
        item.set("id", id);
        items.push_back(item);
    }
    d.set("items", items);
    d.set("flag", false);
    auto r = render("[[cover]]\n{{#items}}\n## {{id}}\n\n[[chart:distribution {{id}}]]\n{{/items}}\n{{#flag}}verborgen{{/flag}}{{^flag}}zichtbaar{{/flag}}\n", d);
    CHECK(r.diagnostics.empty());
    REQUIRE(r.directives.size() == 3);
    CHECK(r.directives[0].name == "cover");
    CHECK(r.directives[1].name == "chart:distribution");
    CHECK(r.directives[2].name == "chart:distribution");
    CHECK(all_text(r.blocks).find("zichtbaar") != std::string::npos);
    CHECK(all_text(r.blocks).find("verborgen") == std::string::npos);
    CHECK(r.directives[0].where.line == 1);
}

TEST_CASE("template mistakes are reported with line and column, all at once") {
    auto r = render("Titel\n\n{{nam}}\n[[table:plann]]\n", Data{});
    CHECK(r.diagnostics == "t.md:3:1: error: unknown placeholder 'nam'\n"
                           "  hint: did you mean 'name'?\n"
                           "t.md:4:3: error: unknown directive 'table:plann'\n"
                           "  hint: did you mean 'table:plan'?\n");
    CHECK(r.blocks.empty());
    auto u = render("{{#items}}\nopen\n", Data{});
    CHECK(u.diagnostics.find("t.md:1:1: error: template: Unclosed section \"items\"") == 0);
}

TEST_CASE("Markdown escaping of values") {
    CHECK(escape_markdown("a*b_c [x](y) #1") == "a\\*b\\_c \\[x\\]\\(y\\) \\#1");
    CHECK(escape_markdown("regel\nnieuw") == "regel nieuw");
}

TEST_CASE("number and date formats per language") {
    CHECK(percent(45.5, "nl") == "46%");
    CHECK(decimal(0.625, 2, "nl") == "0,62");
    CHECK(decimal(0.625, 2, "en") == "0.62");
    CHECK(long_date("2026-10-05", "nl") == "5 oktober 2026");
    CHECK(long_date("2026-10-05", "en") == "5 October 2026");
    CHECK(long_date("onbekend", "nl") == "onbekend");
}
