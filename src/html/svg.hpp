// Charts as inline SVG: every doc::Shape becomes one SVG element, in the same
// block-local coordinates (points, origin top-left, y down) as the PDF, so the
// viewBox is the chart's size and the drawing scales with the page.
#pragma once

#include <string>
#include <string_view>

#include "document/document.hpp"

namespace zs::html {

// Appends <svg role="img"> with <title> and <desc> (ids `id`-title and
// `id`-desc) taken from Chart::alt; `fallback_title` names a chart without
// alt text.
void append_chart_svg(std::string& out, const doc::Chart& chart, std::string_view id,
                      std::string_view fallback_title, double min_scale = 0);

// The short name of a chart for <title>: the text before the first ": " or
// ". " of its description (the builders write "Risk per theme: D1 high; ...").
std::string chart_title(std::string_view alt);

} // namespace zs::html
