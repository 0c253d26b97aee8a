// Reading what a pen did: tick boxes (empty, ticked, filled in to cancel,
// or uncertain) and writing areas (written on or not), measured as the
// share of dark pixels in the registered rectangle.
#pragma once

#include <vector>

#include "scan/image.hpp"
#include "scan/registration.hpp"

namespace zs::scan {

// A rectangle in layout space (PDF points, origin bottom-left).
struct Area {
    double x = 0, y = 0, w = 0, h = 0;
};

enum class BoxState { empty, ticked, filled, uncertain };

struct BoxReading {
    BoxState state = BoxState::empty;
    double inside = 0; // share of dark pixels inside the box
    double around = 0; // share of dark pixels in a ring just outside it
};

// The thresholds, named so the benchmark can report them.
struct MarkThresholds {
    double empty_below = 0.02;    // less ink inside: empty
    double tick_from = 0.05;      // a tick from here ...
    double tick_below = 0.50;     // ... to here
    double filled_from = 0.72;    // filled in (a cancelled tick) from here
    double around_empty = 0.05;   // ink around an empty box that makes it uncertain
};

BoxReading read_box(const GrayImage& image, const Transform& t, const Area& box,
                    const MarkThresholds& limits = {});

struct WritingReading {
    bool written = false;   // clearly written on
    bool maybe = false;     // a little ink: perhaps writing, perhaps dirt
    double ink = 0;
};

// A writing area: `rules` are the y positions of its printed lines (layout
// space), which are not counted; `boxed`: the area is a drawn box, whose
// border is not counted either.
WritingReading read_writing(const GrayImage& image, const Transform& t, const Area& area,
                            const std::vector<double>& rules, bool boxed);

// The image under a layout rectangle (axis-aligned in the image), for the
// review document; upside-down pages come out upright.
GrayImage crop(const GrayImage& image, const Transform& t, const Area& area);

} // namespace zs::scan
