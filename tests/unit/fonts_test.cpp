#include <doctest/doctest.h>

#include "layout/fonts.hpp"
#include "util/files.hpp"

using namespace zs;
using namespace zs::layout;

TEST_CASE("fonts/fonts.toml is the built-in configuration") {
    auto file = read_file(std::string(ZELFSCAN_SOURCE_DIR) + "/fonts/fonts.toml");
    REQUIRE(file.ok());
    Diagnostics d;
    FontConfig c = parse_font_config(file.data, "fonts.toml", d);
    CHECK(d.empty());
    FontConfig def = default_font_config();
    CHECK(c.primary == def.primary);
    CHECK(c.fallback == def.fallback);
}

TEST_CASE("font configuration: relative paths, unknown styles and bad values") {
    Diagnostics d;
    FontConfig c = parse_font_config("[primary]\nregular = \"house/Regular.ttf\"\nfancy = \"x\"\n"
                                     "[fallback]\nbold = 3\n[other]\n",
                                     "/etc/org/fonts.toml", d);
    CHECK(c.primary[0] == "/etc/org/house/Regular.ttf");
    CHECK(c.primary[1] == default_font_config().primary[1]);
    REQUIRE(d.all().size() == 3);
    CHECK(format(d.all()[0]).starts_with("/etc/org/fonts.toml:3:9: error: unknown font style 'fancy'"));
    CHECK(format(d.all()[1]).starts_with("/etc/org/fonts.toml:5:8: error: a font style takes a path"));
    CHECK(format(d.all()[2]).starts_with("/etc/org/fonts.toml:6:1: error: unknown section 'other'"));
}

TEST_CASE("fonts: a file that is not a font is a clear error") {
    std::string error;
    CHECK(FontFace::parse("x.ttf", "not a font at all", error) == nullptr);
    CHECK(error == "not a TrueType font");
    FontConfig c = default_font_config();
    c.primary[0] = "/nonexistent/Font.ttf";
    Diagnostics d;
    CHECK(FontSet::load(c, d) == nullptr);
    REQUIRE(d.has_errors());
    CHECK(format(d.all()[0]).starts_with("/nonexistent/Font.ttf: error: cannot use font"));
}

TEST_CASE("fonts: metrics from the TrueType tables") {
    Diagnostics d;
    auto f = load_fonts("", d);
    REQUIRE(f);
    const FontFace& lato = f->primary(Style::regular);
    CHECK(lato.has('a'));
    CHECK(lato.has(U'€'));
    CHECK(lato.advance('m') > lato.advance('i'));
    CHECK(lato.ascent() > 700);
    CHECK(lato.descent() < 0);
    // Monospace: every character the same width.
    const FontFace& mono = f->primary(Style::mono);
    CHECK(mono.advance('i') == doctest::Approx(mono.advance('W')));
    CHECK(f->face_for(Style::regular, 'a') == 0);
    CHECK(f->face_for(Style::regular, 0xE000) == -1);
}
