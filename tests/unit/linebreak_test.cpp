#include <doctest/doctest.h>

#include "layout/linebreak.hpp"

using namespace zs;
using namespace zs::layout;

namespace {
std::shared_ptr<const FontSet> fonts() {
    Diagnostics d;
    auto f = load_fonts("", d);
    REQUIRE(f);
    return f;
}

ShapedText shape(const FontSet& f, std::string_view text, double size = 10) {
    Shaper s(f, nullptr);
    RunStyle st;
    st.size = size;
    s.add(text, st);
    return s.finish();
}

std::string line_text(const ShapedText& t, const Line& l) {
    std::string s;
    for (const auto& seg : l.segments) {
        if (!s.empty() && seg.x > 0) s += ' ';
        for (auto i = seg.begin; i < seg.end; ++i) append_utf8(s, t.glyphs[i].c);
        if (seg.hyphen) s += '-';
    }
    return s;
}
} // namespace

TEST_CASE("line breaking: no line is wider than its box, over many widths") {
    auto f = fonts();
    auto nl = Hyphenator::for_language("nl");
    const std::string text =
        "De dienstverleningsorganisaties en gemeenten leggen hun informatiebeveiligingsbeleid "
        "vast. Zie https://example.org/een/heel/lang/pad/zonder/spaties/dat/moet/breken en "
        "kinderopvangtoeslagaanvragen, arbeidsongeschiktheidsverzekeringen – “ĳverig” € 12,50.";
    ShapedText t = shape(*f, text);
    std::size_t glyphs = t.glyphs.size();
    for (double width = 20; width <= 500; width += 3.7) {
        auto lines = break_lines(t, width, *f, nl.get());
        std::size_t placed = 0;
        for (const auto& l : lines) {
            CHECK(l.width <= width + 1e-6);
            for (const auto& seg : l.segments) placed += seg.end - seg.begin;
        }
        CHECK(placed == glyphs); // nothing lost, nothing doubled
    }
}

TEST_CASE("line breaking: a long word in a narrow box is hyphenated at syllables") {
    auto f = fonts();
    auto nl = Hyphenator::for_language("nl");
    ShapedText t = shape(*f, "dienstverleningsorganisaties");
    auto lines = break_lines(t, 60, *f, nl.get());
    REQUIRE(lines.size() >= 2);
    CHECK(line_text(t, lines[0]).back() == '-');
    std::string all;
    for (const auto& l : lines) all += line_text(t, l) + "|";
    CHECK(all == "dienstverle-|ningsorgani-|saties|");
}

TEST_CASE("line breaking: without hyphenation only a word wider than the line is hyphenated") {
    // A narrow table cell: "Teamleider werkgeversdienstverlening" kept whole
    // words where they fit, and split the long one at a syllable, not at
    // whichever character the line ended ("werkgeversdienstv|erlening").
    auto f = fonts();
    auto nl = Hyphenator::for_language("nl");
    ShapedText t = shape(*f, "Teamleider werkgeversdienstverlening");
    auto lines = break_lines(t, 80, *f, nullptr, nl.get());
    std::string all;
    for (const auto& l : lines) {
        CHECK(l.width <= 80 + 1e-6);
        all += line_text(t, l) + "|";
    }
    CHECK(all.substr(0, 11) == "Teamleider|");
    CHECK(lines.size() == 3);
    CHECK(line_text(t, lines[1]).back() == '-');
    // Words that fit are never hyphenated on that road.
    ShapedText word = shape(*f, "beslisprotocol");
    const double w = word.width(0, static_cast<std::uint32_t>(word.glyphs.size())) + 1;
    ShapedText s = shape(*f, "een beslisprotocol");
    auto kept = break_lines(s, w, *f, nullptr, nl.get());
    REQUIRE(kept.size() == 2);
    CHECK(line_text(s, kept[1]) == "beslisprotocol");
}

TEST_CASE("line breaking: words that fit are not hyphenated") {
    auto f = fonts();
    auto nl = Hyphenator::for_language("nl");
    ShapedText t = shape(*f, "een twee drie vier vijf zes zeven acht negen tien");
    auto lines = break_lines(t, 1000, *f, nl.get());
    REQUIRE(lines.size() == 1);
    CHECK(line_text(t, lines[0]) == "een twee drie vier vijf zes zeven acht negen tien");
}

TEST_CASE("line breaking: hard breaks, tabs and control characters") {
    auto f = fonts();
    ShapedText t = shape(*f, "een\ttwee\x01\x07\nnieuwe regel");
    auto lines = break_lines(t, 1000, *f, nullptr);
    REQUIRE(lines.size() == 2);
    CHECK(line_text(t, lines[0]) == "een twee");
    CHECK(line_text(t, lines[1]) == "nieuwe regel");
}

TEST_CASE("line breaking: a word without break points breaks between characters") {
    auto f = fonts();
    ShapedText t = shape(*f, "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
    auto lines = break_lines(t, 50, *f, nullptr);
    CHECK(lines.size() > 3);
    for (const auto& l : lines) CHECK(l.width <= 50);
}

TEST_CASE("shaping: Lato's missing characters come from the fallback; none is reported") {
    auto f = fonts();
    std::vector<char32_t> missing;
    Shaper s(*f, [&](char32_t c) { missing.push_back(c); });
    RunStyle st;
    s.add("ë é ï ĳ € “ ” ‘ ’ – → ✓", st);
    ShapedText t = s.finish();
    CHECK(missing.empty());
    Shaper s2(*f, [&](char32_t c) { missing.push_back(c); });
    s2.add("a\U0001F600b\uE000", st);
    s2.finish();
    REQUIRE(missing.size() == 2);
    CHECK(missing[0] == 0x1F600);
    CHECK(missing[1] == 0xE000);
}
