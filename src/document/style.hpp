// The house style sheet: every typographic rule of zelfscan's documents in
// one place (docs/typesetting.md states them in words). Layout's Theme, the
// paper scan, the report's charts and the HTML style sheet all read it, so a
// change is made here once.
//
//   const zs::style::Sheet& s = zs::style::sheet();
//   double h2 = s.type.body * s.type.h2;          // points
//   zs::doc::Color high = s.colour.risk.back();   // darkest step of the ramp
//
// Sizes are points (1/72 inch); ratios multiply the body size.
#pragma once

#include <array>
#include <cstddef>

#include "document/document.hpp"

namespace zs::style {

struct TypeScale {
    double body = 10;          // body text, points
    double leading = 1.45;     // line height / size, body text
    double h1 = 2.0, h2 = 1.45, h3 = 1.15, h4 = 1.0; // heading sizes (x body)
    double title = 3.0;        // the cover title (x body): the one climax
    double table = 0.9;        // table text (x body)
    double table_leading = 1.25;
    double small = 0.8;        // running head, footer, captions (x body)
    double code = 0.85;
    double chart_min = 8.0;    // smallest chart text in points, at print size
    double html_chart_min_px = 12; // smallest chart text in the HTML, CSS px
};

struct Spacing {
    double para_gap = 0.7;     // between paragraphs (x body)
    double list_indent = 1.7;  // (x body)
    double cell_pad_x = 0.6, cell_pad_y = 0.42; // table cell padding (x body)
    double measure_chars = 75; // the longest line the HTML allows (ch)
};

// Line breaking in narrow places: no hyphens in table headers, URLs, codes
// (ids like D3.2, M10, file names) or in cells narrower than the measure.
struct Hyphenation {
    double min_cell_width = 170; // points (60 mm): narrower cells never hyphenate (a theme name or a band stays whole)
    bool in_headers = false;
};

// Keep rules (pagination): a heading stays with its intro paragraph and the
// first block after it (a whole figure, or this many table rows).
struct Keeps {
    int table_rows_after_heading = 3;
    int min_lines_at_break = 2; // widows and orphans
};

struct Colours {
    doc::Color text{0x1f, 0x23, 0x28};
    doc::Color muted{0x5f, 0x67, 0x73}; // 5.7:1 on white
    doc::Color accent{0x1c, 0x3f, 0x6e};
    doc::Color accent_tint{0xec, 0xf1, 0xf7};
    doc::Color rule{0xc5, 0xcd, 0xd8};
    doc::Color zebra{0xf5, 0xf7, 0xfa};
    doc::Color white{0xff, 0xff, 0xff};
    // Findings that need action (red flags): one red, used for the summary
    // box, the RODE VLAG label and the plan's do-no-harm group.
    doc::Color alarm{0xa3, 0x1f, 0x1a};
    doc::Color alarm_tint{0xfb, 0xec, 0xea};
    // The one risk ramp, low to high, sequential: lightness falls at every
    // step (relative luminance 0.78, 0.46, 0.11, 0.04), so the order survives grey-scale print
    // and every colour-vision deficiency. Bands, bars, chips, heat map, the
    // method appendix: all use it (by a band's place, not its instrument
    // colour).
    std::array<doc::Color, 4> risk{{
        {0xf6, 0xe3, 0xb4}, // low: sand
        {0xee, 0xa6, 0x4e}, // moderate: orange
        {0xa8, 0x3a, 0x15}, // raised: rust
        {0x6e, 0x16, 0x10}, // high: dark red-brown
    }};
    // Answer options: cool hues, so they never read as risk. Four clear
    // lightness steps for the ordered options; "do not know" is hatched and
    // "not applicable" outlined, so no two look alike in grey.
    std::array<doc::Color, 4> answer{{
        {0x0b, 0x2f, 0x5e}, // first option of a scale (e.g. ja): dark navy
        {0x35, 0x70, 0xa8}, // second: mid blue
        {0x9f, 0xc8, 0xe8}, // third: light blue
        {0xe3, 0xee, 0xf7}, // fourth: palest blue
    }};
    doc::Color unknown_fill{0xff, 0xff, 0xff};  // "weet niet": white with hatching
    doc::Color unknown_hatch{0x6b, 0x72, 0x7c};
    doc::Color not_applicable{0xd9, 0xdc, 0xe0}; // "nvt": grey, outlined
};

// The colours as a constant, for code that needs them at compile time
// (document/palette.hpp).
inline constexpr Colours house_colours{};

struct Sheet {
    TypeScale type;
    Spacing space;
    Hyphenation hyphenation;
    Keeps keeps;
    Colours colour;
};

// The style sheet in use (the defaults above).
const Sheet& sheet();

// Step k of n of the risk ramp (a band's place among n bands).
doc::Color risk_step(std::size_t k, std::size_t n);

// WCAG 2 contrast ratio of two colours (1..21).
double contrast(doc::Color a, doc::Color b);

// Text colour for a label on `fill`: near-black or white, whichever has
// the higher contrast.
doc::Color text_on(doc::Color fill);

} // namespace zs::style
