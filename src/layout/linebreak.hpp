// Inline text: measuring styled runs ("shaping": one glyph per character,
// no ligatures or kerning, exactly as the PDF backend draws them) and
// breaking them into lines of a given width, hyphenating where needed.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "document/document.hpp"
#include "layout/fonts.hpp"
#include "layout/hyphenation.hpp"

namespace zs::layout {

// Decodes UTF-8; invalid bytes become U+FFFD.
std::u32string decode_utf8(std::string_view s);
void append_utf8(std::string& out, char32_t c);

struct RunStyle {
    Style style = Style::regular;
    double size = 10;
    doc::Color color;
    std::string link;
    bool strike = false;
    bool code = false; // set on a tinted background
};

struct Glyph {
    char32_t c = 0;
    std::uint16_t run = 0; // index into ShapedText::runs
    std::int16_t face = 0; // face id in the FontSet
    float advance = 0;     // points
};

// A word: glyphs [begin, end) that are never separated except by
// hyphenation or, when nothing else fits, between characters.
struct Word {
    std::uint32_t begin = 0, end = 0;
    double space = 0;        // width of the space after it (0: none)
    bool hard_break = false; // a line break follows
};

struct ShapedText {
    std::vector<RunStyle> runs;
    std::vector<Glyph> glyphs;
    std::vector<Word> words;
    std::vector<double> offset; // offset[i]: advance of glyphs [0, i)
    [[nodiscard]] double width(std::uint32_t from, std::uint32_t to) const {
        return offset[to] - offset[from];
    }
};

// Turns styled text into measured glyphs and words. A character that no
// face of the style has is passed to `missing` and drawn as U+FFFD (or '?'
// when no face has that either); invisible bidi controls, joiners and
// variation selectors are dropped.
// The characters of `utf8` the PDF cannot show in `style` (no configured
// face has them, or beyond the BMP), each once, in order; invisible
// controls the shaper drops are not counted. For warnings that name where
// a text came from (a respondent's answer) before it is merged into a report.
std::vector<char32_t> unshown_characters(const FontSet& fonts, Style style, std::string_view utf8);

class Shaper {
  public:
    Shaper(const FontSet& fonts, std::function<void(char32_t)> missing);
    // preserve_spaces: spaces are glyphs, not word breaks (code blocks).
    void add(std::string_view utf8, const RunStyle& style, bool preserve_spaces = false);
    void hard_break();
    ShapedText finish();

  private:
    const FontSet& fonts_;
    std::function<void(char32_t)> missing_;
    ShapedText out_;
    bool in_word_ = false;
    void end_word();
};

struct LineSegment {
    std::uint32_t begin = 0, end = 0; // glyphs
    double x = 0;                     // from the line start
    bool hyphen = false;              // a hyphen is drawn after it
};
struct Line {
    std::vector<LineSegment> segments;
    double width = 0; // including a trailing hyphen
};

// Breaks text into lines no wider than `width` (unless one character alone is
// wider). Ragged right: a word that does not fit goes to the next line, or
// is hyphenated when a useful part fits; a word longer than a line is
// hyphenated, or broken after '-' or '/', or between characters.
// `long_words`, when `hyphenator` is null: hyphenates only a word longer
// than a whole line (a narrow table cell), rather than breaking it at any
// character.
std::vector<Line> break_lines(const ShapedText& text, double width, const FontSet& fonts,
                              const Hyphenator* hyphenator, const Hyphenator* long_words = nullptr);

// Width of the hyphen drawn after glyph `last`.
double hyphen_width(const ShapedText& text, std::uint32_t last, const FontSet& fonts);

} // namespace zs::layout
