#include "html/svg.hpp"

#include <cmath>
#include <numbers>

#include "html/encode.hpp"

namespace zs::html {

namespace {

void attr(std::string& out, std::string_view name, std::string_view value) {
    out += ' ';
    out += name;
    out += "=\"";
    append_escaped(out, value);
    out += '"';
}

void stroke_attrs(std::string& out, const doc::Stroke& s) {
    attr(out, "stroke", doc::to_hex(s.color));
    // libharu draws width 0 as the thinnest line the device can; SVG would
    // draw nothing.
    attr(out, "stroke-width", num(s.width > 0 ? s.width : 0.25));
    if (s.dash > 0) attr(out, "stroke-dasharray", num(s.dash));
}

void style_attrs(std::string& out, const doc::ShapeStyle& st) {
    attr(out, "fill", st.fill ? doc::to_hex(*st.fill) : "none");
    if (st.stroke) stroke_attrs(out, *st.stroke);
}

std::string points(const std::vector<doc::Point>& pts) {
    std::string s;
    for (const auto& p : pts) {
        if (!s.empty()) s += ' ';
        s += num(p.x) + "," + num(p.y);
    }
    return s;
}

// The PDF backend's convention: 0 degrees is 12 o'clock and angles grow
// clockwise, so a point is (cx + r sin a, cy - r cos a) in y-down space, and
// SVG's sweep flag 1 (positive angle in y-down space) is clockwise as well.
doc::Point on_circle(const doc::ArcShape& a, double deg) {
    double rad = deg * std::numbers::pi / 180;
    return {a.centre.x + a.radius * std::sin(rad), a.centre.y - a.radius * std::cos(rad)};
}

std::string arc_path(const doc::ArcShape& a) {
    double span = a.to_deg - a.from_deg;
    std::string r = num(a.radius);
    auto pt = [](doc::Point p) { return num(p.x) + "," + num(p.y); };
    if (std::abs(span) >= 360) {
        // A full circle: two half arcs, as one arc cannot end where it starts.
        doc::Point top = on_circle(a, 0), bottom = on_circle(a, 180);
        return "M" + pt(top) + " A" + r + "," + r + " 0 1 1 " + pt(bottom) + " A" + r + "," + r +
               " 0 1 1 " + pt(top) + " Z";
    }
    doc::Point from = on_circle(a, a.from_deg), to = on_circle(a, a.to_deg);
    std::string large = std::abs(span) > 180 ? "1" : "0";
    std::string sweep = span >= 0 ? "1" : "0";
    std::string d = a.wedge ? "M" + pt(a.centre) + " L" + pt(from) : "M" + pt(from);
    d += " A" + r + "," + r + " 0 " + large + " " + sweep + " " + pt(to);
    if (a.wedge) d += " Z";
    return d;
}

void shape(std::string& out, const doc::Shape& s) {
    std::visit(
        [&](const auto& sh) {
            using T = std::decay_t<decltype(sh)>;
            if constexpr (std::is_same_v<T, doc::RectShape>) {
                // SVG refuses negative sizes; the PDF draws them mirrored.
                double x = sh.w < 0 ? sh.x + sh.w : sh.x, y = sh.h < 0 ? sh.y + sh.h : sh.y;
                out += "<rect";
                attr(out, "x", num(x));
                attr(out, "y", num(y));
                attr(out, "width", num(std::abs(sh.w)));
                attr(out, "height", num(std::abs(sh.h)));
                style_attrs(out, sh.style);
                out += "/>";
            } else if constexpr (std::is_same_v<T, doc::LineShape>) {
                out += "<line";
                attr(out, "x1", num(sh.from.x));
                attr(out, "y1", num(sh.from.y));
                attr(out, "x2", num(sh.to.x));
                attr(out, "y2", num(sh.to.y));
                stroke_attrs(out, sh.stroke);
                out += "/>";
            } else if constexpr (std::is_same_v<T, doc::PathShape>) {
                out += sh.closed ? "<polygon" : "<polyline";
                attr(out, "points", points(sh.points));
                style_attrs(out, sh.style);
                attr(out, "stroke-linejoin", "round");
                out += "/>";
            } else if constexpr (std::is_same_v<T, doc::ArcShape>) {
                out += "<path";
                attr(out, "d", arc_path(sh));
                style_attrs(out, sh.style);
                attr(out, "stroke-linejoin", "round");
                out += "/>";
            } else if constexpr (std::is_same_v<T, doc::TextShape>) {
                out += "<text";
                attr(out, "x", num(sh.at.x));
                attr(out, "y", num(sh.at.y));
                attr(out, "font-size", num(sh.size));
                if (sh.bold) attr(out, "font-weight", "bold");
                if (sh.align != doc::Align::left)
                    attr(out, "text-anchor", sh.align == doc::Align::center ? "middle" : "end");
                attr(out, "fill", doc::to_hex(sh.color));
                out += '>';
                append_escaped(out, sh.text);
                out += "</text>";
            }
        },
        s);
    out += '\n';
}

} // namespace

std::string chart_title(std::string_view alt) {
    std::size_t cut = std::string_view::npos;
    for (std::string_view sep : {": ", ". ", "; "}) cut = std::min(cut, alt.find(sep));
    std::string_view t = cut == std::string_view::npos ? alt : alt.substr(0, cut);
    while (!t.empty() && (t.back() == '.' || t.back() == ' ')) t.remove_suffix(1);
    return std::string(t);
}

void append_chart_svg(std::string& out, const doc::Chart& c, std::string_view id,
                      std::string_view fallback_title, double min_scale) {
    double w = c.width > 0 ? c.width : 1, h = c.height > 0 ? c.height : 1;
    std::string title = chart_title(c.alt);
    if (title.empty()) title = fallback_title;
    std::string id_title = std::string(id) + "-title", id_desc = std::string(id) + "-desc";
    out += "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\"";
    attr(out, "viewBox", "0 0 " + num(w) + " " + num(h));
    attr(out, "width", "100%");
    // Never drawn smaller than min_scale CSS px per unit (chart text at
    // least 12 px); never wider than 1.5 units per px, where it stops helping.
    std::string style = "max-width:" + num(std::max(w * 1.5, w * min_scale)) + "px";
    if (min_scale > 0) style += ";min-width:" + num(w * min_scale) + "px";
    attr(out, "style", style);
    attr(out, "aria-labelledby", id_title);
    if (!c.alt.empty()) attr(out, "aria-describedby", id_desc);
    out += ">\n<title";
    attr(out, "id", id_title);
    out += '>';
    append_escaped(out, title);
    out += "</title>\n";
    if (!c.alt.empty()) {
        out += "<desc";
        attr(out, "id", id_desc);
        out += '>';
        append_escaped(out, c.alt);
        out += "</desc>\n";
    }
    for (const auto& s : c.shapes) shape(out, s);
    out += "</svg>";
}

} // namespace zs::html
