// The report's charts as vector drawings (doc::Chart). Every chart labels
// its values in text, so it reads in black-and-white print and colour is
// never the only carrier of meaning.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "document/document.hpp"
#include "model/instrument.hpp"
#include "scoring/assessment.hpp"

namespace zs::report {

struct ChartContext {
    const Instrument& ins;
    const Assessment& as;
    std::string lang;
    double width = 455; // text column width in points
    int min_answers = 0; // a question answered by fewer is drawn without its answers (companion parts)
};

// Domain risk as horizontal bars against the bands. Compact: the small
// version for the summary page (ids only, thin bars).
doc::Chart domain_risk_chart(const ChartContext& c, bool compact = false);

// A band's colour: its step of the one risk ramp (style sheet).
doc::Color band_colour_of(const Instrument& ins, const std::string& band);

// Key-figure tiles for the summary page: a large value over a short label;
// a tile with a fill shows it as a chip (a band), one with `mark` gets a
// bar in that colour (red flags).
struct KeyFigure {
    std::string value, label;
    std::optional<doc::Color> fill;
};
doc::Chart key_figures_chart(const ChartContext& c, const std::vector<KeyFigure>& tiles);

// Likelihood (from each domain's band) by exposure of the service, 5 x 5.
doc::Chart heatmap_chart(const ChartContext& c);

// Per question of a domain: the answers as a stacked bar of shares.
doc::Chart distribution_chart(const ChartContext& c, const Domain& d);

// Domain risk per shown role group next to the total.
doc::Chart group_chart(const ChartContext& c);

// Measures placed on impact (up) by effort (right), with quadrant names.
struct MatrixPoint {
    std::string label; // measure id
    int impact = 2;    // 1 low, 2 medium, 3 high
    int effort = 2;
    bool red_flag = false;
};
doc::Chart impact_effort_chart(const ChartContext& c, const std::vector<MatrixPoint>& points);

// Fill colour for an option of a scale in distribution charts: by its risk,
// or, on a scale without risk values, by its place on the scale.
doc::Color option_colour(const Option& o);
doc::Color option_colour(const Scale& s, const Option& o);

} // namespace zs::report
