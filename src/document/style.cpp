#include "document/style.hpp"

#include <algorithm>
#include <cmath>

namespace zs::style {

const Sheet& sheet() {
    static const Sheet s;
    return s;
}

doc::Color risk_step(std::size_t k, std::size_t n) {
    const auto& ramp = sheet().colour.risk;
    if (n <= 1) return ramp.back();
    // n bands spread over the ramp; 4 bands use it as it is.
    double at = static_cast<double>(std::min(k, n - 1)) * static_cast<double>(ramp.size() - 1) /
                static_cast<double>(n - 1);
    auto lo = static_cast<std::size_t>(std::floor(at));
    auto hi = std::min(lo + 1, ramp.size() - 1);
    double t = at - static_cast<double>(lo);
    auto mix = [&](std::uint8_t a, std::uint8_t b) {
        return static_cast<std::uint8_t>(std::lround(a + (b - a) * t));
    };
    return {mix(ramp[lo].r, ramp[hi].r), mix(ramp[lo].g, ramp[hi].g), mix(ramp[lo].b, ramp[hi].b)};
}

namespace {
double luminance(doc::Color c) {
    auto f = [](std::uint8_t v) {
        double x = v / 255.0;
        return x <= 0.03928 ? x / 12.92 : std::pow((x + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b);
}
} // namespace

double contrast(doc::Color a, doc::Color b) {
    double la = luminance(a), lb = luminance(b);
    if (la < lb) std::swap(la, lb);
    return (la + 0.05) / (lb + 0.05);
}

doc::Color text_on(doc::Color fill) {
    const auto& c = sheet().colour;
    return contrast(c.text, fill) >= contrast(c.white, fill) ? c.text : c.white;
}

} // namespace zs::style
