// Colours for documents and charts, from the house style sheet
// (document/style.hpp, docs/typesetting.md). The house style is restrained:
// near-black text, one deep blue accent, greys for rules. Categorical
// series colours come from the Okabe-Ito set, which stays distinguishable
// with the common colour-vision deficiencies; the order alternates light
// and dark so adjacent series differ in black-and-white print. Charts always
// label values in text as well, so colour is never the only carrier of
// meaning.
#pragma once

#include <array>
#include <cstddef>

#include "document/document.hpp"
#include "document/style.hpp"

namespace zs::palette {

inline constexpr doc::Color text = style::house_colours.text;
inline constexpr doc::Color muted = style::house_colours.muted;   // header, footer, captions
inline constexpr doc::Color accent = style::house_colours.accent; // headings, rules, links
inline constexpr doc::Color accent_tint = style::house_colours.accent_tint;
inline constexpr doc::Color rule = style::house_colours.rule;
inline constexpr doc::Color zebra = style::house_colours.zebra;
inline constexpr doc::Color white = style::house_colours.white;
inline constexpr doc::Color alarm = style::house_colours.alarm;
inline constexpr doc::Color alarm_tint = style::house_colours.alarm_tint;
// What a pen writes on or in: tick boxes, field boxes (black) and writing
// lines (70 % black), dark enough to survive a copier's 1-bit threshold.
inline constexpr doc::Color ink{0x00, 0x00, 0x00};
inline constexpr doc::Color writing_line{0x4d, 0x4d, 0x4d};

// Okabe-Ito, ordered for contrast between neighbours.
inline constexpr std::array<doc::Color, 7> categorical{{
    {0x00, 0x72, 0xb2}, // blue
    {0xe6, 0x9f, 0x00}, // orange
    {0x00, 0x9e, 0x73}, // bluish green
    {0xd5, 0x5e, 0x00}, // vermillion
    {0x56, 0xb4, 0xe9}, // sky blue
    {0xcc, 0x79, 0xa7}, // reddish purple
    {0xf0, 0xe4, 0x42}, // yellow
}};
inline doc::Color series(std::size_t i) { return categorical[i % categorical.size()]; }

// The one risk ramp, low to high (style::Colours::risk).
inline constexpr std::array<doc::Color, 4> risk = style::house_colours.risk;

} // namespace zs::palette
