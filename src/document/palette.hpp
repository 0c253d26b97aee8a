// Colours for documents and charts. The house style is restrained: near-black
// text, one deep blue accent, greys for rules. Chart colours come from the
// Okabe-Ito set, which stays distinguishable with the common colour-vision
// deficiencies; the order below also alternates light and dark so adjacent
// series differ in black-and-white print. Charts always label values in
// text as well, so colour is never the only carrier of meaning. Instrument
// band colours may be any "#rrggbb" (doc::parse_color).
#pragma once

#include <array>
#include <cstddef>

#include "document/document.hpp"

namespace zs::palette {

inline constexpr doc::Color text{0x1f, 0x23, 0x28};
inline constexpr doc::Color muted{0x5f, 0x67, 0x73};  // header, footer, captions
inline constexpr doc::Color accent{0x1c, 0x3f, 0x6e}; // headings, rules, links
inline constexpr doc::Color accent_tint{0xec, 0xf1, 0xf7};
inline constexpr doc::Color rule{0xc5, 0xcd, 0xd8};
inline constexpr doc::Color zebra{0xf5, 0xf7, 0xfa};
inline constexpr doc::Color white{0xff, 0xff, 0xff};
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

// Risk from low to high: light blue, orange, vermillion, dark red-brown.
// Lightness falls monotonically, so the order survives grey-scale printing.
inline constexpr std::array<doc::Color, 4> risk{{
    {0x9e, 0xca, 0xe1},
    {0xe6, 0x9f, 0x00},
    {0xd5, 0x5e, 0x00},
    {0x7f, 0x2a, 0x04},
}};

} // namespace zs::palette
