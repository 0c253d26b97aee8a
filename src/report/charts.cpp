#include "report/charts.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <utility>

#include <fmt/format.h>

#include "document/palette.hpp"
#include "document/style.hpp"
#include "report/format.hpp"
#include "util/i18n.hpp"

namespace zs::report {

namespace {

using doc::Color;

constexpr Color ink = palette::text;
constexpr Color grey{0x9a, 0xa3, 0xae};
constexpr Color light{0xee, 0xf1, 0xf5};

doc::TextShape label(double x, double y, std::string text, double size = 7.5, doc::Align align = doc::Align::left,
                     bool bold = false, Color color = ink) {
    doc::TextShape t;
    t.at = {x, y};
    t.text = std::move(text);
    t.size = size;
    t.align = align;
    t.bold = bold;
    t.color = color;
    return t;
}

doc::RectShape rect(double x, double y, double w, double h, std::optional<Color> fill,
                    std::optional<doc::Stroke> stroke = std::nullopt) {
    doc::RectShape r;
    r.x = x, r.y = y, r.w = w, r.h = h;
    r.style.fill = fill;
    r.style.stroke = stroke;
    return r;
}

doc::LineShape line(double x1, double y1, double x2, double y2, Color c = grey, double w = 0.5, double dash = 0) {
    doc::LineShape l;
    l.from = {x1, y1};
    l.to = {x2, y2};
    l.stroke = {c, w, dash};
    return l;
}

// Lato's average advance is about half the size; enough to fit labels.
double text_width(std::string_view s, double size) {
    std::size_t chars = 0;
    for (unsigned char ch : s)
        if ((ch & 0xC0) != 0x80) ++chars;
    return static_cast<double>(chars) * size * 0.52;
}

Color mix(Color a, Color b, double t) {
    auto m = [&](std::uint8_t x, std::uint8_t y) {
        return static_cast<std::uint8_t>(std::lround(x + (y - x) * t));
    };
    return {m(a.r, b.r), m(a.g, b.g), m(a.b, b.b)};
}

// Diagonal hatching inside a rectangle ("do not know"), so the segment
// differs from every fill also in grey.
void hatch(doc::Chart& ch, double x, double y, double w, double h) {
    const Color c = style::sheet().colour.unknown_hatch;
    for (double k = -h; k < w; k += 3.5) {
        double x1 = x + std::max(k, 0.0), y1 = y + h - std::max(-k, 0.0);
        double x2 = x + std::min(k + h, w), y2 = y + h - (std::min(k + h, w) - k);
        ch.shapes.push_back(doc::LineShape{{x1, y1}, {x2, y2}, doc::Stroke{c, 0.5, 0}});
    }
}

// Upright stripes over a white bar: "kan ik vanuit mijn rol niet weten",
// told apart from the palest answer and from the hatched "weet ik niet",
// also in grey.
void stripes(doc::Chart& ch, double x, double y, double w, double h) {
    const Color c = style::sheet().colour.unknown_hatch;
    for (double k = 1.75; k < w; k += 3.5)
        ch.shapes.push_back(doc::LineShape{{x + k, y}, {x + k, y + h}, doc::Stroke{c, 0.4, 0}});
}

// The one risk ramp (style sheet), by the band's place among the bands: the
// same colour for a level in every chart, chip and legend.
Color band_colour(const RiskModel& rm, const std::string& id) {
    for (std::size_t i = 0; i < rm.bands.size(); ++i)
        if (rm.bands[i].id == id) return style::risk_step(i, rm.bands.size());
    return grey;
}

// A label over at most two lines at word boundaries; never cut.
std::vector<std::string> wrap2(const std::string& s, double width, double size) {
    if (text_width(s, size) <= width) return {s};
    std::size_t best = std::string::npos;
    for (std::size_t at = s.find(' '); at != std::string::npos; at = s.find(' ', at + 1))
        if (text_width(s.substr(0, at), size) <= width) best = at;
    if (best == std::string::npos) return {s};
    return {s.substr(0, best), s.substr(best + 1)};
}

// Text on a fill: white on dark, ink on light.
// Label colour on a fill: whichever of ink and white has more contrast.
Color on(Color fill) { return style::text_on(fill); }

} // namespace

doc::Color option_colour(const Scale& s, const Option& o) {
    bool risk = std::any_of(s.options.begin(), s.options.end(), [](const Option& x) { return x.risk.has_value(); });
    if (o.kind != OptionKind::answer) return option_colour(o);
    // One colour per answer option, never shared within a scale, from the
    // answer palette (cool blues that never read as risk): with risk values
    // the options in order of risk (ties in scale order), so the safest is
    // darkest and a reversed scale colours its risky "ja" light; without
    // (a rating scale) in scale order. The steps are spread evenly over the
    // palette, so the order survives grey-scale printing.
    const auto& pal = style::sheet().colour.answer;
    std::vector<const Option*> ranked;
    for (const auto& x : s.options)
        if (x.kind == OptionKind::answer) ranked.push_back(&x);
    if (risk)
        std::stable_sort(ranked.begin(), ranked.end(),
                         [](const Option* a, const Option* b) { return a->risk.value_or(0.5) < b->risk.value_or(0.5); });
    std::size_t n = ranked.size(), at = 0;
    for (std::size_t k = 0; k < n; ++k)
        if (ranked[k] == &o) at = k;
    if (n <= 1) return pal[1];
    const double last = static_cast<double>(pal.size() - 1);
    double pos = static_cast<double>(at) / static_cast<double>(n - 1) * last;
    auto lo = static_cast<std::size_t>(std::floor(pos));
    if (lo >= pal.size() - 1) return pal.back();
    return mix(pal[lo], pal[lo + 1], pos - static_cast<double>(lo));
}

// The answer palette (style sheet): cool blues that never read as risk,
// three clear lightness steps from "in place" (dark) to "not in place"
// (light); "do not know" is white and hatched, "not applicable" grey.
doc::Color option_colour(const Option& o) {
    const auto& c = style::sheet().colour;
    if (o.kind == OptionKind::dont_know) return c.unknown_fill;
    if (o.kind == OptionKind::not_applicable) return c.not_applicable;
    if (o.kind == OptionKind::cannot_know) return c.unknown_fill; // white with upright stripes (charts)
    double r = o.risk.value_or(0.5);
    if (r <= 0.0) return c.answer[0];
    if (r < 0.75) return c.answer[1];
    return c.answer[2];
}

doc::Color band_colour_of(const Instrument& ins, const std::string& band) { return band_colour(ins.risk, band); }

doc::Chart key_figures_chart(const ChartContext& c, const std::vector<KeyFigure>& tiles) {
    doc::Chart ch;
    const double gap = 8, h = 58;
    const double n = static_cast<double>(std::max<std::size_t>(tiles.size(), 1));
    const double w = (c.width - gap * (n - 1)) / n;
    std::string alt = tr(c.lang, "Kerncijfers: ", "Key figures: ");
    for (std::size_t i = 0; i < tiles.size(); ++i) {
        const KeyFigure& t = tiles[i];
        double x = static_cast<double>(i) * (w + gap);
        // A value in a chip (the band) or on the plain tile; a red bar on
        // the left marks an alarm. Values are also written, never colour alone.
        ch.shapes.push_back(rect(x, 0, w, h, palette::zebra, doc::Stroke{palette::rule, 0.6, 0}));
        Color ink_on = ink;
        if (t.fill) {
            bool alarm = *t.fill == palette::alarm;
            if (alarm) {
                ch.shapes.push_back(rect(x, 0, 4, h, *t.fill));
                ink_on = *t.fill;
            } else {
                ch.shapes.push_back(rect(x + 8, 8, w - 16, 26, *t.fill, doc::Stroke{ink, 0.5, 0}));
                ink_on = on(*t.fill);
            }
        }
        ch.shapes.push_back(label(x + w / 2, 28, t.value, 17, doc::Align::center, true, ink_on));
        // A label may name its own line break ("rode vlaggen\n4 maatregelen").
        std::vector<std::string> lines;
        if (auto nl = t.label.find('\n'); nl != std::string::npos)
            lines = {t.label.substr(0, nl), t.label.substr(nl + 1)};
        else
            lines = wrap2(t.label, w - 10, 8.5);
        for (std::size_t k = 0; k < lines.size(); ++k)
            ch.shapes.push_back(label(x + w / 2, 45 + 9.5 * static_cast<double>(k), lines[k], 8.5, doc::Align::center, false, ink));
        std::string spoken = t.label;
        if (auto nl = spoken.find('\n'); nl != std::string::npos) spoken.replace(nl, 1, ", ");
        alt += fmt::format("{}{} {}", i ? "; " : "", t.value, spoken);
    }
    ch.width = c.width;
    ch.height = h + 4;
    ch.alt = alt + ".";
    return ch;
}

doc::Chart domain_risk_chart(const ChartContext& c, bool compact) {
    const RiskModel& rm = c.ins.risk;
    doc::Chart ch;
    const double label_w = compact ? 34 : 175, value_w = 92, bar_h = compact ? 8 : 10, top = 26;
    // Two-line names where a name is long: every row gets the same height.
    bool two = false;
    for (const auto& d : c.ins.domains)
        two = two || (!compact && wrap2(fmt::format("{}  {}", d.id, d.title.get(c.lang)), label_w - 8, 8).size() > 1);
    const double row = compact ? 13 : two ? 24 : 19;
    const double x0 = label_w, plot_w = c.width - label_w - value_w;
    auto X = [&](double pct) { return x0 + plot_w * pct / 100.0; };
    // Band backgrounds with their labels on top.
    double prev = 0;
    for (const auto& b : rm.bands) {
        Color col = band_colour(rm, b.id);
        double from = X(prev), to = X(b.upto);
        ch.shapes.push_back(rect(from, top - 4, to - from, row * static_cast<double>(c.as.domains.size()) + 6,
                                 mix(col, palette::white, 0.78)));
        ch.shapes.push_back(label((from + to) / 2, top - 8, b.label.get(c.lang), 8, doc::Align::center, true, ink));
        prev = b.upto;
    }
    double y = top;
    for (std::size_t i = 0; i < c.as.domains.size(); ++i) {
        const auto& dr = c.as.domains[i];
        const Domain& d = c.ins.domains[i];
        auto name = compact ? std::vector<std::string>{d.id}
                            : wrap2(fmt::format("{}  {}", d.id, d.title.get(c.lang)), label_w - 8, 8);
        ch.shapes.push_back(label(0, y + bar_h - 1.5, name[0], 8));
        if (name.size() > 1) ch.shapes.push_back(label(0, y + bar_h + 8, name[1], 8));
        if (dr.risk) {
            Color col = band_colour(rm, dr.band);
            ch.shapes.push_back(rect(X(0), y, X(*dr.risk) - X(0), bar_h, col, doc::Stroke{ink, 0.5, 0}));
            std::string value = fmt::format("{} · {}", percent(*dr.risk, c.lang), band_label(c.ins, dr.band, c.lang));
            if (dr.lifted_red_flag || dr.lifted_critical) value += " ↑";
            ch.shapes.push_back(label(X(100) + 6, y + bar_h - 1.5, value, 8, doc::Align::left, dr.lifted_red_flag));
        } else {
            ch.shapes.push_back(label(X(100) + 6, y + bar_h - 1.5, unscored_label(dr, c.lang, tr(c.lang, "geen score", "no score")), 8,
                                      doc::Align::left, false, palette::muted));
        }
        // The range the knowledge gap leaves open, as a thin line over the
        // bar, on a white halo so that it shows on a dark bar as on a light one.
        if (dr.show_range && dr.risk_low && dr.risk_high) {
            double ym = y + bar_h / 2;
            for (auto [colour, width] : {std::pair{palette::white, 3.2}, std::pair{ink, 1.2}}) {
                ch.shapes.push_back(line(X(*dr.risk_low), ym, X(*dr.risk_high), ym, colour, width));
                ch.shapes.push_back(line(X(*dr.risk_low), ym - 3, X(*dr.risk_low), ym + 3, colour, width));
                ch.shapes.push_back(line(X(*dr.risk_high), ym - 3, X(*dr.risk_high), ym + 3, colour, width));
            }
        }
        y += row;
    }
    // Axis.
    double axis = y + 2;
    ch.shapes.push_back(line(X(0), axis, X(100), axis, ink, 0.6));
    for (int pct : {0, 20, 40, 60, 80, 100}) {
        ch.shapes.push_back(line(X(pct), axis, X(pct), axis + 3, ink, 0.6));
        ch.shapes.push_back(label(X(pct), axis + 11, fmt::format("{}%", pct), 8, doc::Align::center, false, palette::muted));
    }
    bool any_range = std::any_of(c.as.domains.begin(), c.as.domains.end(), [](const DomainResult& d) { return d.show_range; });
    bool any_lift = std::any_of(c.as.domains.begin(), c.as.domains.end(), [](const DomainResult& d) { return d.lifted_red_flag || d.lifted_critical; });
    std::string key;
    if (any_lift)
        key = c.ins.risk.red_flag_lifts ? tr(c.lang, "↑ = opgehoogd door een rode vlag of door kritieke antwoorden", "↑ = raised by a red flag or by critical answers")
                                        : tr(c.lang, "↑ = opgehoogd door kritieke antwoorden", "↑ = raised by critical answers");
    if (any_range)
        key += fmt::format("{}{}", key.empty() ? "" : "   ",
                           tr(c.lang, "|—| = bereik als wat onbekend is geen of volledig risico is",
                              "|—| = range if what is unknown is no risk or full risk"));
    if (!key.empty()) ch.shapes.push_back(label(0, axis + 24, key, 8, doc::Align::left, false, palette::muted));
    ch.width = c.width;
    ch.height = axis + 30;
    std::string alt = tr(c.lang, "Risico per thema: ", "Risk per theme: ");
    for (std::size_t i = 0; i < c.as.domains.size(); ++i) {
        const auto& dr = c.as.domains[i];
        alt += fmt::format("{}{} {}", i ? "; " : "", c.ins.domains[i].id,
                           dr.risk ? fmt::format("{} ({})", percent(*dr.risk, c.lang), band_label(c.ins, dr.band, c.lang))
                                   : unscored_label(dr, c.lang, tr(c.lang, "geen score", "no score")));
        if (dr.show_range && dr.risk_low && dr.risk_high)
            alt += fmt::format(" {} {}–{}", tr(c.lang, "bereik", "range"), percent(*dr.risk_low, c.lang), percent(*dr.risk_high, c.lang));
    }
    ch.alt = alt + ".";
    return ch;
}

// Each domain in its cell: likelihood (from its risk) up, its own exposure
// right. The report leaves this chart out when no domain has an exposure
// of its own (every domain would sit in one column).
doc::Chart heatmap_chart(const ChartContext& c) {
    doc::Chart ch;
    const double cell = 46, left = 64, top = 8;
    // Cell colour by likelihood x exposure, in four steps. These are not the
    // instrument's bands: the legend names the products, not band names.
    auto level = [](int score) { return score >= 15 ? 3 : score >= 10 ? 2 : score >= 5 ? 1 : 0; };
    for (int l = 5; l >= 1; --l) {
        for (int e = 1; e <= 5; ++e) {
            double x = left + (e - 1) * cell, y = top + (5 - l) * cell;
            Color col = mix(palette::risk[static_cast<std::size_t>(level(l * e))], palette::white, 0.45);
            ch.shapes.push_back(rect(x, y, cell, cell, col, doc::Stroke{palette::white, 1.5, 0}));
        }
        ch.shapes.push_back(label(left - 6, top + (5 - l) * cell + cell / 2 + 3, std::to_string(l), 8, doc::Align::right));
    }
    for (int e = 1; e <= 5; ++e)
        ch.shapes.push_back(label(left + (e - 1) * cell + cell / 2, top + 5 * cell + 11, std::to_string(e), 8, doc::Align::center));
    auto exposure_of = [&](std::size_t i) {
        const DomainResult& d = c.as.domains[i];
        return d.own_exposure && d.exposure > 0 ? d.exposure : c.as.exposure.level;
    };
    // Domain ids in their cells.
    std::map<std::pair<int, int>, std::vector<std::string>> cells;
    for (std::size_t i = 0; i < c.as.domains.size(); ++i)
        if (c.as.domains[i].likelihood > 0) cells[{c.as.domains[i].likelihood, exposure_of(i)}].push_back(c.ins.domains[i].id);
    for (const auto& [key, ids] : cells) {
        auto [l, e] = key;
        double x = left + (e - 1) * cell + cell / 2, y = top + (5 - l) * cell;
        double lines = std::ceil(static_cast<double>(ids.size()) / 3.0);
        double line_h = 9;
        double y0 = y + cell / 2 - lines * line_h / 2 + 7;
        Color fill = mix(palette::risk[static_cast<std::size_t>(level(l * e))], palette::white, 0.45);
        for (std::size_t k = 0; k < ids.size(); k += 3) {
            std::string row;
            for (std::size_t j = k; j < std::min(ids.size(), k + 3); ++j) row += (j > k ? " " : "") + ids[j];
            ch.shapes.push_back(label(x, y0 + static_cast<double>(k / 3) * line_h, row, 7.5, doc::Align::center, true, on(fill)));
        }
    }
    ch.shapes.push_back(label(left + 2.5 * cell, top + 5 * cell + 24,
                              tr(c.lang, "Blootstelling per thema (1–5)", "Exposure per theme (1–5)"), 8,
                              doc::Align::center, true));
    ch.shapes.push_back(label(0, top + 10, tr(c.lang, "Kans", "Likeli-"), 8, doc::Align::left, true));
    ch.shapes.push_back(label(0, top + 20, tr(c.lang, "(risico-", "hood"), 8, doc::Align::left, true));
    ch.shapes.push_back(label(0, top + 30, tr(c.lang, "score)", "(risk)"), 8, doc::Align::left, true));
    // Legend: the products, darker = more urgent.
    double lx = left + 5 * cell + 22, ly = top + 4;
    ch.shapes.push_back(label(lx, ly + 6, tr(c.lang, "Kans × blootstelling", "Likelihood × exposure"), 7.5, doc::Align::left, true));
    const char* ranges[] = {"1–4", "5–9", "10–14", "15–25"};
    for (int k = 3; k >= 0; --k) {
        double yy = ly + 14 + (3 - k) * 15;
        ch.shapes.push_back(rect(lx, yy, 11, 11, mix(palette::risk[static_cast<std::size_t>(k)], palette::white, 0.45)));
        ch.shapes.push_back(label(lx + 16, yy + 8.5, ranges[k], 7.5));
    }
    ch.shapes.push_back(label(lx, ly + 84, tr(c.lang, "donkerder: eerder aanpakken", "darker: act sooner"), 7.5, doc::Align::left, false,
                              palette::muted));
    if (!c.as.exposure.known)
        ch.shapes.push_back(label(lx, ly + 98, tr(c.lang, "(profiel niet ingevuld: 3 aangenomen)", "(profile not answered: 3 assumed)"), 7.5,
                                  doc::Align::left, false, palette::muted));
    ch.width = c.width;
    ch.height = top + 5 * cell + 30;
    std::string alt = tr(c.lang, "Risicomatrix, kans tegen blootstelling per thema.", "Risk matrix, likelihood against exposure per theme.");
    for (const auto& [key, ids] : cells)
        alt += fmt::format(" {} {}, {} {}: {}.", tr(c.lang, "Kans", "Likelihood"), key.first, tr(c.lang, "blootstelling", "exposure"), key.second,
                           fmt::join(ids, ", "));
    ch.alt = alt;
    return ch;
}

doc::Chart distribution_chart(const ChartContext& c, const Domain& d) {
    doc::Chart ch;
    const double label_w = 40, row = 16, bar_h = 10, right = 4;
    const double plot_w = c.width - label_w - right;
    double y = 4;
    // The legend by label, in order of appearance: questions on different
    // scales may share option ids ("1" .. "5") but not their labels.
    std::map<std::pair<const Scale*, const Option*>, std::size_t> legend;
    std::vector<std::pair<const Scale*, const Option*>> legend_order;
    std::vector<std::string> described; // one "D1.1 3 Ja, 2 Nee" per question
    for (const auto& q : d.questions) {
        const QuestionResult* qr = c.as.find_question(q.id);
        const Scale* s = c.ins.find_scale(q.scale);
        if (!qr || !s || (q.kind != QuestionKind::choice)) continue;
        ch.shapes.push_back(label(0, y + bar_h - 1.5, q.id, 8, doc::Align::left, true));
        int total = 0;
        for (const auto& oc : qr->options) total += oc.count;
        total += qr->missing;
        double x = label_w;
        ch.shapes.push_back(rect(label_w, y, plot_w, bar_h, light));
        if (qr->withheld || (c.min_answers > 0 && qr->answered > 0 && qr->respondents < c.min_answers)) {
            // Too few answered to show how: a few people could be recognised.
            std::string few = tr(c.lang, "te weinig antwoorden om te tonen", "too few answers to show");
            ch.shapes.push_back(label(label_w + 4, y + bar_h - 2.2, few, 7, doc::Align::left, false, palette::muted));
            described.push_back(fmt::format("{} {}", q.id, few));
            y += row;
            continue;
        }
        std::string parts;
        for (const auto& oc : qr->options) {
            const Option* o = s->find(oc.option);
            if (!o || oc.count == 0 || total == 0) continue;
            if (!legend.count({s, o})) {
                legend[{s, o}] = legend_order.size();
                legend_order.push_back({s, o});
            }
            double w = plot_w * oc.count / total;
            Color fill = option_colour(*s, *o);
            bool unknown = o->kind == OptionKind::dont_know, cannot = o->kind == OptionKind::cannot_know;
            ch.shapes.push_back(rect(x, y, w, bar_h, fill, doc::Stroke{unknown || cannot ? grey : palette::white, 0.6, 0}));
            if (unknown) hatch(ch, x, y, w, bar_h);
            if (cannot) stripes(ch, x, y, w, bar_h);
            if (w >= 12) {
                if (unknown || cannot) ch.shapes.push_back(rect(x + w / 2 - 6, y + 1.5, 12, bar_h - 3, palette::white));
                ch.shapes.push_back(label(x + w / 2, y + bar_h - 2.2, std::to_string(oc.count), 8, doc::Align::center, true, on(fill)));
            }
            parts += fmt::format("{}{} {}", parts.empty() ? "" : ", ", oc.count, o->label.get(c.lang));
            x += w;
        }
        if (qr->missing > 0 && total > 0) {
            double w = plot_w * qr->missing / total;
            ch.shapes.push_back(rect(x, y, w, bar_h, palette::white, doc::Stroke{grey, 0.6, 2}));
            if (w >= 12) ch.shapes.push_back(label(x + w / 2, y + bar_h - 2.2, std::to_string(qr->missing), 8, doc::Align::center, false, palette::muted));
            parts += fmt::format("{}{} {}", parts.empty() ? "" : ", ", qr->missing, tr(c.lang, "niet ingevuld", "not answered"));
        }
        if (total == 0)
            ch.shapes.push_back(label(label_w + 4, y + bar_h - 2.2, tr(c.lang, "overgeslagen door iedereen", "skipped by everyone"), 7,
                                      doc::Align::left, false, palette::muted));
        described.push_back(fmt::format("{} {}", q.id, parts.empty() ? tr(c.lang, "geen antwoorden", "no answers") : parts));
        y += row;
    }
    // Legend in scale order of appearance.
    double lx = label_w, ly = y + 6;
    auto legend_item = [&](Color fill, std::optional<doc::Stroke> stroke, const std::string& text, bool hatched = false,
                           bool striped = false) {
        double w = 12 + text_width(text, 8) + 12;
        if (lx + w > c.width) {
            lx = label_w;
            ly += 13;
        }
        ch.shapes.push_back(rect(lx, ly, 9, 9, fill, stroke));
        if (hatched) hatch(ch, lx, ly, 9, 9);
        if (striped) stripes(ch, lx, ly, 9, 9);
        ch.shapes.push_back(label(lx + 12, ly + 7.5, text, 8));
        lx += w;
    };
    // Grouped by scale (in order of first appearance), each in scale order.
    std::vector<const Scale*> scales;
    for (const auto& [ls, o] : legend_order)
        if (std::find(scales.begin(), scales.end(), ls) == scales.end()) scales.push_back(ls);
    auto rank = [&](const std::pair<const Scale*, const Option*>& e) {
        auto si = static_cast<std::size_t>(std::find(scales.begin(), scales.end(), e.first) - scales.begin());
        return std::pair{si, static_cast<std::size_t>(e.second - e.first->options.data())};
    };
    std::stable_sort(legend_order.begin(), legend_order.end(), [&](const auto& a, const auto& b) { return rank(a) < rank(b); });
    // The legend follows the stack order (scale order) and shows only what
    // occurs. With more than one scale in a theme, each scale's options are
    // named with the questions that use it, so equal labels ("Ja" on a
    // reversed scale) are told apart.
    const Scale* prev_scale = nullptr;
    for (const auto& [ls, o] : legend_order) {
        std::string text = o->label.get(c.lang);
        if (scales.size() > 1 && ls != prev_scale) {
            std::vector<std::string> ids;
            for (const auto& q : d.questions)
                if (q.scale == ls->id && q.kind == QuestionKind::choice) ids.push_back(q.id);
            if (ls != scales.front()) {
                lx = label_w;
                ly += 13;
            }
            std::string head = fmt::format("{}:", fmt::join(ids, ", "));
            ch.shapes.push_back(label(lx, ly + 7.5, head, 8, doc::Align::left, true));
            lx += text_width(head, 8) + 8;
        }
        prev_scale = ls;
        legend_item(option_colour(*ls, *o), doc::Stroke{grey, 0.4, 0}, text, o->kind == OptionKind::dont_know,
                    o->kind == OptionKind::cannot_know);
    }
    bool any_missing = false;
    for (const auto& q : d.questions)
        if (const QuestionResult* qr = c.as.find_question(q.id); qr && qr->missing > 0 && q.kind == QuestionKind::choice) any_missing = true;
    if (any_missing) legend_item(palette::white, doc::Stroke{grey, 0.6, 2}, tr(c.lang, "niet ingevuld", "not answered"));
    ch.width = c.width;
    ch.height = ly + 14;
    ch.alt = fmt::format("{} {}: {}.", tr(c.lang, "Antwoorden per vraag in", "Answers per question in"), d.id,
                         fmt::join(described, "; "));
    return ch;
}

doc::Chart group_chart(const ChartContext& c) {
    doc::Chart ch;
    std::vector<const GroupResult*> shown;
    for (const auto& g : c.as.groups)
        if (!g.suppressed && !g.domains.empty()) shown.push_back(&g);
    const double label_w = 60, value_w = 34, bar_h = 6.5, gap = 7;
    const double plot_w = c.width - label_w - value_w;
    std::size_t series = shown.size() + 1;
    double y = 22;
    // Legend: total first, then the groups.
    double lx = label_w;
    auto series_colour = [&](std::size_t k) { return k == 0 ? ink : palette::series(k - 1); };
    for (std::size_t k = 0; k < series; ++k) {
        std::string name = k == 0 ? std::string(tr(c.lang, "Iedereen", "Everyone"))
                                  : role_label(c.ins, shown[k - 1]->role, c.lang) + fmt::format(" (n={})", shown[k - 1]->respondents);
        ch.shapes.push_back(rect(lx, 4, 9, 9, series_colour(k)));
        ch.shapes.push_back(label(lx + 12, 11.5, name, 7.5));
        lx += 12 + text_width(name, 7.5) + 14;
    }
    std::string alt = tr(c.lang, "Risico per thema per rolgroep: ", "Risk per theme per role group: ");
    for (std::size_t i = 0; i < c.as.domains.size(); ++i) {
        ch.shapes.push_back(label(0, y + bar_h * static_cast<double>(series) / 2 + 3, c.ins.domains[i].id, 8, doc::Align::left, true));
        for (std::size_t k = 0; k < series; ++k) {
            const DomainResult& dk = k == 0 ? c.as.domains[i] : shown[k - 1]->domains[i];
            std::optional<double> v = dk.risk;
            double yy = y + bar_h * static_cast<double>(k);
            if (v) {
                ch.shapes.push_back(rect(label_w, yy, plot_w * *v / 100, bar_h - 1, series_colour(k)));
                ch.shapes.push_back(label(label_w + plot_w * *v / 100 + 3, yy + bar_h - 1.5, percent(*v, c.lang), 6.5));
            } else {
                // No scored answer in this group (only unknown or not
                // applicable, or withheld): say so, a missing bar reads as 0 %.
                ch.shapes.push_back(label(label_w + 3, yy + bar_h - 1.5,
                                          dk.withheld ? tr(c.lang, "te weinig antwoorden om te tonen", "too few answers to show")
                                                      : tr(c.lang, "geen score", "no score"),
                                          6.5, doc::Align::left, false, palette::muted));
            }
            alt += fmt::format("{}{} {} {}", i || k ? "; " : "", c.ins.domains[i].id,
                               k == 0 ? std::string(tr(c.lang, "iedereen", "everyone")) : role_label(c.ins, shown[k - 1]->role, c.lang),
                               v ? percent(*v, c.lang) : "-");
        }
        y += bar_h * static_cast<double>(series) + gap;
    }
    ch.shapes.push_back(line(label_w, 20, label_w, y - gap + 2, ink, 0.6));
    ch.width = c.width;
    ch.height = y;
    ch.alt = alt + ".";
    return ch;
}

doc::Chart impact_effort_chart(const ChartContext& c, const std::vector<MatrixPoint>& points) {
    doc::Chart ch;
    const double left = 40, top = 6, size = std::min(c.width - left - 10, 300.0), third = size / 3;
    // Quadrants: impact up, effort right. High impact + low effort = quick win.
    struct Quadrant {
        double x, y, w, h;
        const char *nl, *en;
        Color fill;
    };
    // The quadrants follow the plan's rule (scoring/plan.hpp): medium or
    // high impact counts as high, only low effort counts as low.
    const Quadrant qs[] = {
        {0, 0, 1, 2, "Snelle winst", "Quick wins", {0xe3, 0xf0, 0xe8}},
        {1, 0, 2, 2, "Grote projecten", "Major projects", {0xe8, 0xee, 0xf6}},
        {0, 2, 1, 1, "Opvullers", "Fill-ins", {0xf4, 0xf4, 0xf4}},
        {1, 2, 2, 1, "Heroverwegen", "Reconsider", {0xfa, 0xf0, 0xe6}},
    };
    for (const auto& q : qs) {
        ch.shapes.push_back(rect(left + q.x * third, top + q.y * third, q.w * third, q.h * third, q.fill,
                                 doc::Stroke{palette::white, 1.5, 0}));
        ch.shapes.push_back(label(left + q.x * third + 5, top + q.y * third + 11, tr(c.lang, q.nl, q.en), 7.5, doc::Align::left, true,
                                  palette::muted));
    }
    for (int k = 1; k < 3; ++k) {
        ch.shapes.push_back(line(left + k * third, top, left + k * third, top + size, grey, 0.4, 2));
        ch.shapes.push_back(line(left, top + k * third, left + size, top + k * third, grey, 0.4, 2));
    }
    ch.shapes.push_back(rect(left, top, size, size, std::nullopt, doc::Stroke{grey, 0.6, 0}));
    // Measures in a grid inside their cell (effort x impact), never overlapping.
    std::map<std::pair<int, int>, std::vector<const MatrixPoint*>> cells;
    for (const auto& p : points) cells[{p.effort, p.impact}].push_back(&p);
    for (const auto& [key, list] : cells) {
        double cx = left + (key.first - 1) * third, cy = top + (3 - key.second) * third;
        const double pad = 18, col_w = 40, row_h = 11;
        int cols = std::max(1, static_cast<int>((third - 8) / col_w));
        for (std::size_t k = 0; k < list.size(); ++k) {
            double x = cx + 6 + static_cast<double>(static_cast<int>(k) % cols) * col_w;
            double y = cy + pad + static_cast<double>(static_cast<int>(k) / cols) * row_h;
            if (y > cy + third - 4) break;
            doc::ArcShape dot;
            dot.centre = {x + 3, y - 2.5};
            dot.radius = 2.6;
            dot.style.fill = list[k]->red_flag ? palette::risk[3] : palette::accent;
            ch.shapes.push_back(dot);
            ch.shapes.push_back(label(x + 8, y, list[k]->label, 7, doc::Align::left, list[k]->red_flag));
        }
    }
    const char* lv_nl[] = {"laag", "middel", "hoog"};
    const char* lv_en[] = {"low", "medium", "high"};
    for (int k = 0; k < 3; ++k) {
        ch.shapes.push_back(label(left + (k + 0.5) * third, top + size + 11, tr(c.lang, lv_nl[k], lv_en[k]), 7, doc::Align::center));
        ch.shapes.push_back(label(left - 4, top + (2.5 - k) * third + 3, tr(c.lang, lv_nl[k], lv_en[k]), 7, doc::Align::right));
    }
    ch.shapes.push_back(label(left + size / 2, top + size + 23, tr(c.lang, "Inspanning →", "Effort →"), 8, doc::Align::center, true));
    ch.shapes.push_back(label(0, top - 0 + 8, tr(c.lang, "Effect ↑", "Impact ↑"), 8, doc::Align::left, true));
    ch.width = c.width;
    ch.height = top + size + 28;
    std::vector<std::string> described;
    for (const auto& p : points) described.push_back(fmt::format("{} ({}/{})", p.label, p.impact, p.effort));
    ch.alt = fmt::format("{}: {}.", tr(c.lang, "Maatregelen naar effect en inspanning (effect/inspanning)", "Measures by impact and effort (impact/effort)"),
                         fmt::join(described, "; "));
    return ch;
}

} // namespace zs::report
