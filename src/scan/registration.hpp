// Registration: where a page's layout lies in a scanned image, from the
// four corner marks (layout::registration_mark_*). Handles shift, slight
// scale and rotation, and pages scanned upside down.
#pragma once

#include <optional>
#include <string>

#include "scan/image.hpp"

namespace zs::scan {

// Layout point (PDF space: points, origin bottom-left) -> image pixel.
struct Transform {
    double a = 1, b = 0, c = 0; // u = a x + b y + c
    double d = 0, e = 1, f = 0; // v = d x + e y + f
    [[nodiscard]] double u(double x, double y) const { return a * x + b * y + c; }
    [[nodiscard]] double v(double x, double y) const { return d * x + e * y + f; }
    [[nodiscard]] double scale() const; // pixels per point
    [[nodiscard]] double rotation_degrees() const;
};

struct Registration {
    std::optional<Transform> transform;
    int marks_found = 0;
    std::string problem; // why there is no transform
};

// `page_w`, `page_h`: the printed page in points; `upside_down`: the page
// lies rotated by 180 degrees in the image (the QR code says so).
Registration register_page(const GrayImage& image, double page_w, double page_h, bool upside_down);

} // namespace zs::scan
