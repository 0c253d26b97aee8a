#include "scan/marks.hpp"

#include <algorithm>
#include <cmath>

namespace zs::scan {

namespace {

constexpr int dark = 128;

bool is_dark(const GrayImage& img, double u, double v) {
    int x = static_cast<int>(std::lround(u)), y = static_cast<int>(std::lround(v));
    return img.inside(x, y) && img.at(x, y) < dark;
}

// Dark and with at least two dark neighbours: a speck of dust is not ink.
bool is_ink(const GrayImage& img, double u, double v) {
    int x = static_cast<int>(std::lround(u)), y = static_cast<int>(std::lround(v));
    if (!img.inside(x, y) || img.at(x, y) >= dark) return false;
    int n = 0;
    for (int dy = -1; dy <= 1; ++dy)
        for (int dx = -1; dx <= 1; ++dx)
            if ((dx || dy) && img.inside(x + dx, y + dy) && img.at(x + dx, y + dy) < dark) ++n;
    return n >= 2;
}

// Samples a layout rectangle about once per pixel; `skip` leaves points out.
template <class Skip, class Test>
double share(const GrayImage& img, const Transform& t, const Area& a, Skip skip, Test test) {
    if (a.w <= 0 || a.h <= 0) return 0;
    double step = 1 / std::max(0.5, t.scale());
    long total = 0, hit = 0;
    for (double y = a.y + step / 2; y < a.y + a.h; y += step)
        for (double x = a.x + step / 2; x < a.x + a.w; x += step) {
            if (skip(x, y)) continue;
            ++total;
            if (test(img, t.u(x, y), t.v(x, y))) ++hit;
        }
    return total ? static_cast<double>(hit) / static_cast<double>(total) : 0;
}

} // namespace

BoxReading read_box(const GrayImage& img, const Transform& t, const Area& b, const MarkThresholds& m) {
    // Inside: clear of the printed border (0.8 pt) and of a pixel or two of
    // registration error. Around: a ring beyond the border, where a mark
    // that missed the box would show.
    const double inset = 2.0, ring_from = 1.6, ring_to = 4.5;
    BoxReading r;
    Area inner{b.x + inset, b.y + inset, b.w - 2 * inset, b.h - 2 * inset};
    r.inside = share(img, t, inner, [](double, double) { return false; }, is_dark);
    Area outer{b.x - ring_to, b.y - ring_to, b.w + 2 * ring_to, b.h + 2 * ring_to};
    r.around = share(
        img, t, outer,
        [&](double x, double y) {
            return x > b.x - ring_from && x < b.x + b.w + ring_from && y > b.y - ring_from && y < b.y + b.h + ring_from;
        },
        is_ink);
    if (r.inside >= m.filled_from) r.state = BoxState::filled;
    else if (r.inside >= m.tick_from && r.inside < m.tick_below) r.state = BoxState::ticked;
    else if (r.inside < m.empty_below && r.around < m.around_empty) r.state = BoxState::empty;
    else r.state = BoxState::uncertain;
    return r;
}

WritingReading read_writing(const GrayImage& img, const Transform& t, const Area& a,
                            const std::vector<double>& rules, bool boxed) {
    const double band = 1.8, inset = boxed ? 2.0 : 0.5;
    Area inner{a.x + inset, a.y + inset, a.w - 2 * inset, a.h - 2 * inset};
    WritingReading r;
    r.ink = share(
        img, t, inner,
        [&](double, double y) {
            for (double ry : rules)
                if (std::abs(y - ry) < band) return true;
            return false;
        },
        is_ink);
    r.written = r.ink >= 0.004;
    r.maybe = !r.written && r.ink >= 0.0012;
    return r;
}

GrayImage crop(const GrayImage& img, const Transform& t, const Area& a) {
    double us[4] = {t.u(a.x, a.y), t.u(a.x + a.w, a.y), t.u(a.x, a.y + a.h), t.u(a.x + a.w, a.y + a.h)};
    double vs[4] = {t.v(a.x, a.y), t.v(a.x + a.w, a.y), t.v(a.x, a.y + a.h), t.v(a.x + a.w, a.y + a.h)};
    int x0 = std::clamp(static_cast<int>(std::floor(*std::min_element(us, us + 4))), 0, img.width);
    int x1 = std::clamp(static_cast<int>(std::ceil(*std::max_element(us, us + 4))), 0, img.width);
    int y0 = std::clamp(static_cast<int>(std::floor(*std::min_element(vs, vs + 4))), 0, img.height);
    int y1 = std::clamp(static_cast<int>(std::ceil(*std::max_element(vs, vs + 4))), 0, img.height);
    GrayImage out;
    out.width = std::max(0, x1 - x0);
    out.height = std::max(0, y1 - y0);
    out.pixels.resize(static_cast<std::size_t>(out.width) * static_cast<std::size_t>(out.height));
    // An upside-down page (the layout's x runs right to left) is turned.
    bool flip = t.a < 0;
    for (int y = 0; y < out.height; ++y)
        for (int x = 0; x < out.width; ++x) {
            int sx = flip ? x1 - 1 - x : x0 + x, sy = flip ? y1 - 1 - y : y0 + y;
            out.pixels[static_cast<std::size_t>(y) * static_cast<std::size_t>(out.width) + static_cast<std::size_t>(x)] =
                img.at(sx, sy);
        }
    return out;
}

} // namespace zs::scan
