#include "scan/registration.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>
#include <vector>

#include "layout/layout.hpp"

namespace zs::scan {

double Transform::scale() const { return std::sqrt(std::abs(a * e - b * d)); }
double Transform::rotation_degrees() const {
    // y runs up in layout space and down in the image: the upright page has
    // a > 0, e < 0. The angle of the image's x axis.
    return std::atan2(d, a) * 180 / std::numbers::pi;
}

namespace {

constexpr int dark = 128;

struct Blob {
    double cx = 0, cy = 0;
    int count = 0, minx = 0, maxx = 0, miny = 0, maxy = 0;
};

// Dark connected blobs in a window (4-connected flood fill), keeping those
// shaped like a mark: about `side` pixels square and nearly solid.
std::vector<Blob> mark_blobs(const GrayImage& img, int x0, int y0, int w, int h, double side) {
    std::vector<Blob> out;
    x0 = std::clamp(x0, 0, img.width), y0 = std::clamp(y0, 0, img.height);
    w = std::min(w, img.width - x0), h = std::min(h, img.height - y0);
    if (w <= 0 || h <= 0) return out;
    std::vector<std::uint8_t> seen(static_cast<std::size_t>(w) * static_cast<std::size_t>(h), 0);
    std::vector<std::pair<int, int>> stack;
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            std::size_t k = static_cast<std::size_t>(y) * static_cast<std::size_t>(w) + static_cast<std::size_t>(x);
            if (seen[k] || img.at(x0 + x, y0 + y) >= dark) continue;
            Blob b;
            b.minx = b.maxx = x, b.miny = b.maxy = y;
            double sx = 0, sy = 0;
            stack.clear();
            stack.push_back({x, y});
            seen[k] = 1;
            while (!stack.empty()) {
                auto [px, py] = stack.back();
                stack.pop_back();
                ++b.count;
                sx += px, sy += py;
                b.minx = std::min(b.minx, px), b.maxx = std::max(b.maxx, px);
                b.miny = std::min(b.miny, py), b.maxy = std::max(b.maxy, py);
                const std::array<std::pair<int, int>, 4> nb{{{px + 1, py}, {px - 1, py}, {px, py + 1}, {px, py - 1}}};
                for (auto [nx, ny] : nb) {
                    if (nx < 0 || ny < 0 || nx >= w || ny >= h) continue;
                    std::size_t j = static_cast<std::size_t>(ny) * static_cast<std::size_t>(w) + static_cast<std::size_t>(nx);
                    if (seen[j] || img.at(x0 + nx, y0 + ny) >= dark) continue;
                    seen[j] = 1;
                    stack.push_back({nx, ny});
                }
            }
            double bw = b.maxx - b.minx + 1, bh = b.maxy - b.miny + 1;
            double fill = b.count / (bw * bh);
            if (bw < side * 0.6 || bw > side * 1.5 || bh < side * 0.6 || bh > side * 1.5) continue;
            if (fill < 0.7 || bw / bh > 1.35 || bh / bw > 1.35) continue;
            b.cx = x0 + sx / b.count;
            b.cy = y0 + sy / b.count;
            b.minx += x0, b.maxx += x0, b.miny += y0, b.maxy += y0;
            out.push_back(b);
        }
    return out;
}

// Least-squares affine fit of layout points to image points.
bool fit(const std::vector<std::array<double, 4>>& pairs, Transform& t) {
    // Normal equations for [x y 1] * [a b c]^T = u (and the same for v).
    double m[3][3] = {{0, 0, 0}, {0, 0, 0}, {0, 0, 0}}, ru[3] = {0, 0, 0}, rv[3] = {0, 0, 0};
    for (const auto& p : pairs) {
        double row[3] = {p[0], p[1], 1};
        for (int i = 0; i < 3; ++i) {
            for (int j = 0; j < 3; ++j) m[i][j] += row[i] * row[j];
            ru[i] += row[i] * p[2];
            rv[i] += row[i] * p[3];
        }
    }
    auto det3 = [](double q[3][3]) {
        return q[0][0] * (q[1][1] * q[2][2] - q[1][2] * q[2][1]) - q[0][1] * (q[1][0] * q[2][2] - q[1][2] * q[2][0]) +
               q[0][2] * (q[1][0] * q[2][1] - q[1][1] * q[2][0]);
    };
    double det = det3(m);
    if (std::abs(det) < 1e-9) return false;
    auto solve = [&](const double r[3], double out[3]) {
        for (int k = 0; k < 3; ++k) {
            double q[3][3];
            for (int i = 0; i < 3; ++i)
                for (int j = 0; j < 3; ++j) q[i][j] = j == k ? r[i] : m[i][j];
            out[k] = det3(q) / det;
        }
    };
    double su[3], sv[3];
    solve(ru, su);
    solve(rv, sv);
    t = {su[0], su[1], su[2], sv[0], sv[1], sv[2]};
    return true;
}

} // namespace

Registration register_page(const GrayImage& img, double page_w, double page_h, bool upside_down) {
    Registration r;
    const double side_pt = layout::registration_mark_side, in = layout::registration_mark_inset;
    const double s = img.width / page_w; // pixels per point, roughly
    const double side = side_pt * s;
    const int win = static_cast<int>(std::lround(40 * 72 / 25.4 * s)); // 40 mm
    // The mark centres in layout space, and the image corner each lies in.
    struct Corner {
        double x, y;   // layout
        int ix, iy;    // window origin in the image
        double cx, cy; // the image corner
    };
    const double lo = in + side_pt / 2;
    std::array<Corner, 4> corners{{
        {lo, page_h - lo, 0, 0, 0, 0},                                      // top left
        {page_w - lo, page_h - lo, img.width - win, 0, double(img.width), 0}, // top right
        {lo, lo, 0, img.height - win, 0, double(img.height)},               // bottom left
        {page_w - lo, lo, img.width - win, img.height - win, double(img.width), double(img.height)},
    }};
    std::vector<std::array<double, 4>> pairs;
    for (std::size_t k = 0; k < corners.size(); ++k) {
        // Upside down, the top-left layout mark lies in the bottom-right
        // image corner, and so on.
        const Corner& lay = corners[k];
        const Corner& at = corners[upside_down ? 3 - k : k];
        auto blobs = mark_blobs(img, at.ix, at.iy, win, win, side);
        const Blob* best = nullptr;
        double best_d = 1e18;
        for (const auto& b : blobs) {
            double dd = std::hypot(b.cx - at.cx, b.cy - at.cy);
            if (dd < best_d) best_d = dd, best = &b;
        }
        if (best) pairs.push_back({lay.x, lay.y, best->cx, best->cy});
    }
    r.marks_found = static_cast<int>(pairs.size());
    if (pairs.size() < 3) {
        r.problem = "fewer than three corner marks found";
        return r;
    }
    Transform t;
    if (!fit(pairs, t)) {
        r.problem = "the corner marks do not form a page";
        return r;
    }
    // The marks must agree with one another (one may be a stain or a staple
    // in four), and the page may be turned by a few degrees only.
    double worst = 0;
    for (const auto& p : pairs) worst = std::max(worst, std::hypot(t.u(p[0], p[1]) - p[2], t.v(p[0], p[1]) - p[3]));
    double rot = t.rotation_degrees();
    if (upside_down) rot = rot > 0 ? rot - 180 : rot + 180;
    if (worst > 1.0 * 72 / 25.4 * s) {
        r.problem = "the corner marks do not line up (a stain or a folded corner?)";
        return r;
    }
    if (std::abs(rot) > 8) {
        r.problem = "the page is turned by more than 8 degrees";
        return r;
    }
    r.transform = t;
    return r;
}

} // namespace zs::scan
