// Reading tick boxes and writing areas from a grey image (scan/marks.cpp).
#include <doctest/doctest.h>

#include <cmath>

#include "scan/marks.hpp"

using namespace zs::scan;

namespace {

// A page of 200 x 200 points at 200 dpi: the transform of an upright scan.
constexpr double s = 200.0 / 72;
Transform upright() { return Transform{s, 0, 0, 0, -s, 200 * s}; }

GrayImage blank() {
    GrayImage g;
    g.width = g.height = static_cast<int>(200 * s);
    g.pixels.assign(static_cast<std::size_t>(g.width) * static_cast<std::size_t>(g.height), 250);
    return g;
}

// Ink along a line in layout points, `w` points wide.
void stroke(GrayImage& g, double x0, double y0, double x1, double y1, double w) {
    Transform t = upright();
    int n = 400;
    for (int k = 0; k <= n; ++k) {
        double x = x0 + (x1 - x0) * k / n, y = y0 + (y1 - y0) * k / n;
        double r = w * s / 2;
        for (double dy = -r; dy <= r; dy += 0.5)
            for (double dx = -r; dx <= r; dx += 0.5) {
                int px = static_cast<int>(std::lround(t.u(x, y) + dx)), py = static_cast<int>(std::lround(t.v(x, y) + dy));
                if (g.inside(px, py)) g.pixels[static_cast<std::size_t>(py * g.width + px)] = 20;
            }
    }
}

void box(GrayImage& g, const Area& b) {
    stroke(g, b.x, b.y, b.x + b.w, b.y, 0.8);
    stroke(g, b.x, b.y + b.h, b.x + b.w, b.y + b.h, 0.8);
    stroke(g, b.x, b.y, b.x, b.y + b.h, 0.8);
    stroke(g, b.x + b.w, b.y, b.x + b.w, b.y + b.h, 0.8);
}

const Area b{50, 50, 14.5, 14.5};

} // namespace

TEST_CASE("a printed box with nothing in it reads as empty") {
    GrayImage g = blank();
    box(g, b);
    BoxReading r = read_box(g, upright(), b);
    CHECK(r.state == BoxState::empty);
    CHECK(r.inside < 0.01);
}

TEST_CASE("a cross, a check mark and a thin slash read as ticked") {
    GrayImage cross = blank(), check = blank(), slash = blank();
    box(cross, b), box(check, b), box(slash, b);
    stroke(cross, b.x - 2, b.y - 2, b.x + b.w + 2, b.y + b.h + 2, 1.2);
    stroke(cross, b.x - 2, b.y + b.h + 2, b.x + b.w + 2, b.y - 2, 1.2);
    stroke(check, b.x + 2, b.y + 8, b.x + 6, b.y + 2, 1.0);
    stroke(check, b.x + 6, b.y + 2, b.x + b.w + 1, b.y + b.h + 1, 1.0);
    stroke(slash, b.x + 1, b.y + 1, b.x + b.w - 1, b.y + b.h - 1, 0.9);
    CHECK(read_box(cross, upright(), b).state == BoxState::ticked);
    CHECK(read_box(check, upright(), b).state == BoxState::ticked);
    CHECK(read_box(slash, upright(), b).state == BoxState::ticked);
}

TEST_CASE("a box filled in reads as filled (a cancelled tick)") {
    GrayImage g = blank();
    box(g, b);
    for (double y = b.y; y <= b.y + b.h; y += 0.8) stroke(g, b.x - 1, y, b.x + b.w + 1, y, 1.2);
    BoxReading r = read_box(g, upright(), b);
    CHECK(r.state == BoxState::filled);
    CHECK(r.inside > 0.9);
}

TEST_CASE("half filled, or a mark just beside an empty box, is uncertain: never a guess") {
    GrayImage half = blank(), beside = blank();
    box(half, b), box(beside, b);
    for (double y = b.y; y <= b.y + b.h * 0.5; y += 0.8) stroke(half, b.x, y, b.x + b.w, y, 1.2);
    CHECK(read_box(half, upright(), b).state == BoxState::uncertain);
    stroke(beside, b.x - 4, b.y - 3, b.x - 3, b.y + b.h + 3, 1.2);
    stroke(beside, b.x - 4, b.y - 3.5, b.x + b.w + 3, b.y - 3.5, 1.2);
    CHECK(read_box(beside, upright(), b).state == BoxState::uncertain);
}

TEST_CASE("writing areas: ruled lines alone are not writing; a scribble is") {
    GrayImage g = blank();
    Area area{20, 100, 150, 45};
    std::vector<double> rules{100, 122.5, 145};
    for (double y : rules) stroke(g, area.x, y, area.x + area.w, y, 0.75);
    CHECK_FALSE(read_writing(g, upright(), area, rules, false).written);
    CHECK_FALSE(read_writing(g, upright(), area, rules, false).maybe);
    for (double x = 30; x < 110; x += 3) stroke(g, x, 126, x + 1.5, 132, 0.6);
    CHECK(read_writing(g, upright(), area, rules, false).written);
}

TEST_CASE("a crop of an upside-down page comes out upright") {
    GrayImage g = blank();
    // A mark near the bottom left of the printed page, which an upside-down
    // scan shows near the top right (drawn in upright image terms).
    stroke(g, 180, 190, 190, 190, 2);
    Transform down{-s, 0, 200 * s, 0, s, 0}; // turned by 180 degrees
    GrayImage c = crop(g, down, Area{0, 0, 30, 30});
    // In the image the mark is top right; the crop turns it back, so it
    // lies in the lower half of the crop again, as on the printed page.
    REQUIRE(c.width > 0);
    CHECK(c.at(c.width / 2, c.height * 2 / 3) < 128);
    CHECK(c.at(c.width / 2, c.height / 3) > 128);
}
