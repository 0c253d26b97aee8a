// Registering a scan by its corner marks (scan/registration.cpp).
#include <doctest/doctest.h>

#include <cmath>
#include <numbers>

#include "layout/layout.hpp"
#include "scan/registration.hpp"

using namespace zs::scan;

namespace {

constexpr double W = 595.276, H = 841.89;

// An A4 page at `dpi`, turned by `deg` around its centre, shifted by
// (dx, dy) pixels, with the four marks only.
GrayImage page(double dpi, double deg, double dx, double dy, bool upside_down) {
    double s = dpi / 72;
    GrayImage g;
    g.width = static_cast<int>(W * s), g.height = static_cast<int>(H * s);
    g.pixels.assign(static_cast<std::size_t>(g.width) * static_cast<std::size_t>(g.height), 245);
    double a = (deg + (upside_down ? 180 : 0)) * std::numbers::pi / 180;
    const double side = zs::layout::registration_mark_side, in = zs::layout::registration_mark_inset;
    for (double mx : {in, W - in - side})
        for (double my : {in, H - in - side})
            for (double y = my; y <= my + side; y += 0.2)
                for (double x = mx; x <= mx + side; x += 0.2) {
                    double u = x * s - g.width / 2.0, v = (H - y) * s - g.height / 2.0;
                    int px = static_cast<int>(std::lround(u * std::cos(a) - v * std::sin(a) + g.width / 2.0 + dx));
                    int py = static_cast<int>(std::lround(u * std::sin(a) + v * std::cos(a) + g.height / 2.0 + dy));
                    if (g.inside(px, py)) g.pixels[static_cast<std::size_t>(py * g.width + px)] = 10;
                }
    return g;
}

} // namespace

TEST_CASE("an upright, a turned and shifted, and an upside-down page register") {
    for (bool down : {false, true}) {
        GrayImage g = page(200, 3, 25, -18, down);
        GrayImage straight = page(150, 0, 0, 0, down);
        CHECK(register_page(straight, W, H, down).marks_found == 4);
        Registration r = register_page(g, W, H, down);
        REQUIRE_MESSAGE(r.transform, r.problem);
        // Turned by 3 degrees, a corner mark may lie partly off the image:
        // three marks are enough.
        CHECK(r.marks_found >= 3);
        double s = 200.0 / 72;
        CHECK(r.transform->scale() == doctest::Approx(s).epsilon(0.01));
        // The page centre lands where the image centre is, plus the shift.
        CHECK(r.transform->u(W / 2, H / 2) == doctest::Approx(g.width / 2.0 + 25).epsilon(0.002));
        CHECK(r.transform->v(W / 2, H / 2) == doctest::Approx(g.height / 2.0 - 18).epsilon(0.002));
    }
}

TEST_CASE("a page without corner marks does not register, and says why") {
    GrayImage g;
    g.width = 1654, g.height = 2339;
    g.pixels.assign(static_cast<std::size_t>(g.width) * static_cast<std::size_t>(g.height), 250);
    Registration r = register_page(g, W, H, false);
    CHECK_FALSE(r.transform);
    CHECK(r.problem == "fewer than three corner marks found");
}
