#include <doctest/doctest.h>

#include "document/markdown.hpp"
#include "pdf/render.hpp"

#include <set>

#define POINTERHOLDER_TRANSITION 4
#include <qpdf/QPDF.hh>

using namespace zs;

namespace {
doc::Document sample() {
    doc::Document d;
    d.info.title = "Proef";
    d.info.author = "zelfscan";
    d.info.instrument_id = "privacy";
    d.info.instrument_version = "2.0";
    Diagnostics diags;
    d.blocks = doc::parse_markdown("# Één\n\nTekst met ë, ĳ en € en een [link](#twee).\n\n## Twee\n\nMeer.\n",
                                   {}, diags);
    d.blocks.push_back(doc::block(doc::FieldBox{"datum", {doc::text("Datum:")}, 0, 0, 0, {}}));
    return d;
}
} // namespace

TEST_CASE("pdf: same inputs give the same bytes") {
    Diagnostics d1, d2;
    std::string a = pdf::render_pdf(sample(), {}, d1);
    std::string b = pdf::render_pdf(sample(), {}, d2);
    CHECK_FALSE(d1.has_errors());
    REQUIRE_FALSE(a.empty());
    CHECK(a == b);
    CHECK(a.rfind("%PDF-1.7", 0) == 0);
}

TEST_CASE("pdf: the ToUnicode map is bfrange, not libharu's cidrange") {
    std::string cmap = pdf::identity_to_unicode_cmap();
    CHECK(cmap.find("begincidrange") == std::string::npos);
    CHECK(cmap.find("<0020> <00FF> <0020>") != std::string::npos);
    CHECK(cmap.find("<2000> <20FF> <2000>") != std::string::npos);
    CHECK(cmap.find("<D800>") == std::string::npos);
    CHECK(cmap.find("101 beginbfrange") == std::string::npos);
}

TEST_CASE("pdf: finishing steps run with the laid-out field rectangles") {
    pdf::RenderOptions o;
    std::vector<layout::FieldRect> seen;
    o.finish.push_back([&](QPDF&, const layout::LayoutResult& r, Diagnostics&) { seen = r.fields; });
    Diagnostics d;
    std::string bytes = pdf::render_pdf(sample(), o, d);
    REQUIRE(seen.size() == 1);
    CHECK(seen[0].name == "datum");
    CHECK(seen[0].kind == layout::FieldKind::text);
    CHECK(seen[0].w > 100);
    // A step that reports an error stops the output.
    o.finish.push_back([](QPDF&, const layout::LayoutResult&, Diagnostics& diags) {
        diags.error({}, verbatim("step failed"));
    });
    Diagnostics d2;
    CHECK(pdf::render_pdf(sample(), o, d2).empty());
    CHECK(d2.has_errors());
}

namespace {
// The BaseFont names of every font the pages of `pdf` use.
std::set<std::string> fonts_used(const std::string& pdf) {
    QPDF q;
    q.processMemoryFile("t.pdf", pdf.data(), pdf.size());
    std::set<std::string> names;
    for (auto& obj : q.getAllObjects())
        if (obj.isDictionary() && obj.getKey("/Type").isNameAndEquals("/Font") && obj.getKey("/Subtype").isNameAndEquals("/Type0"))
            names.insert(obj.getKey("/BaseFont").getName());
    return names;
}
} // namespace

TEST_CASE("pdf: faces loaded ahead are used, and those the pages never use are left out") {
    Diagnostics diags;
    auto fonts = layout::load_fonts("", diags);
    REQUIRE(fonts);
    using layout::Style;
    pdf::RenderOptions o;
    o.start = pdf::start_drawing(fonts, {static_cast<int>(Style::regular), static_cast<int>(Style::italic),
                                         static_cast<int>(Style::mono)});
    std::string ahead = pdf::render_pdf(sample(), o, diags);
    std::string plain = pdf::render_pdf(sample(), {}, diags);
    CHECK_FALSE(diags.has_errors());
    // The sample uses the regular and the heading face, no italic or mono.
    auto a = fonts_used(ahead), b = fonts_used(plain);
    CHECK(a.size() == 2);
    CHECK(b.size() == 2);
    for (const auto& name : a) CHECK((name.find("Lato-Regular") != std::string::npos || name.find("Lato-Semibold") != std::string::npos));
    // A start is used once; after that drawing starts afresh.
    std::string again = pdf::render_pdf(sample(), o, diags);
    CHECK(again == plain);
}
