#include "builders/overview.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "document/palette.hpp"
#include "report/format.hpp"
#include "util/i18n.hpp"

namespace zs {

namespace {

doc::TableCell cell(std::string s, unsigned style = doc::plain) { return doc::TableCell{{doc::text(std::move(s), style)}}; }

// Status colours from light to dark, so the order reads in greyscale too:
// open is lightest, done darkest; dropped a neutral grey.
const doc::Color status_colour[5] = {
    {0xd6, 0xe4, 0xf0}, // open
    {0x9e, 0xca, 0xe1}, // gepland
    {0x56, 0x8f, 0xc4}, // bezig
    {0x1c, 0x3f, 0x6e}, // afgerond
    {0xee, 0xee, 0xee}, // vervallen (lighter than open, with the grey outline)
};
const cycle::Status status_order[5] = {cycle::Status::done, cycle::Status::in_progress, cycle::Status::planned, cycle::Status::open,
                                       cycle::Status::dropped};

std::string org_name(const cycle::OrganisationStatus& s) {
    if (s.unit.empty()) return s.organisation.empty() ? "?" : s.organisation;
    return s.organisation.empty() ? s.unit : fmt::format("{} · {}", s.organisation, s.unit);
}

// The unit alone when every organisation in the overview is the same one.
std::string short_name(const cycle::Overview& o, const cycle::OrganisationStatus& s) {
    bool one = std::all_of(o.organisations.begin(), o.organisations.end(),
                           [&](const cycle::OrganisationStatus& x) { return x.organisation == s.organisation; });
    return one && !s.unit.empty() ? s.unit : org_name(s);
}

doc::Table table(const std::vector<std::string>& head, const std::vector<doc::Align>& align) {
    doc::Table t;
    doc::TableRow r;
    for (std::size_t i = 0; i < head.size(); ++i) {
        t.columns.push_back({align[i], 0});
        r.cells.push_back(cell(head[i], doc::bold));
    }
    t.rows.push_back(std::move(r));
    return t;
}

// Measures per status per organisation as bars of equal length (shares),
// so a small plan reads as well as a large one; the count is at the end.
doc::Chart status_chart(const cycle::Overview& o, const OverviewOptions& opt) {
    std::string_view l = opt.lang;
    doc::Chart c;
    const double label_w = 190, bar_h = 14, gap = 8, legend_h = 22;
    std::vector<const cycle::OrganisationStatus*> rows;
    for (const auto& s : o.organisations)
        if (s.has_plan) rows.push_back(&s);
    c.width = opt.text_width;
    c.height = legend_h + static_cast<double>(rows.size()) * (bar_h + gap) + 4;
    double bar_w = c.width - label_w - 30;
    double x0 = 0;
    for (auto st : status_order) {
        auto i = static_cast<std::size_t>(st);
        c.shapes.push_back(doc::RectShape{x0, 4, 10, 10, {status_colour[i], doc::Stroke{palette::muted, 0.4, 0}}});
        std::string label(cycle::status_label(st, l));
        c.shapes.push_back(doc::TextShape{{x0 + 14, 12}, label, 8, false, palette::text, doc::Align::left});
        x0 += 20 + 5.2 * static_cast<double>(label.size()) + 10;
    }
    std::vector<std::string> alt;
    double y = legend_h;
    for (const auto* s : rows) {
        c.shapes.push_back(doc::TextShape{{0, y + bar_h - 3}, short_name(o, *s), 8, false, palette::text, doc::Align::left});
        double x = label_w;
        int total = std::max(1, s->progress.rows);
        std::vector<std::string> parts;
        for (auto st : status_order) {
            auto i = static_cast<std::size_t>(st);
            int n = s->progress.by_status[i];
            if (n == 0) continue;
            double w = bar_w * n / total;
            c.shapes.push_back(doc::RectShape{x, y, w, bar_h, {status_colour[i], doc::Stroke{palette::white, 0.8, 0}}});
            if (w > 12)
                c.shapes.push_back(doc::TextShape{{x + w / 2, y + bar_h - 3.5}, std::to_string(n), 7.5, true,
                                                  i == 3 || i == 2 ? palette::white : palette::text, doc::Align::center});
            x += w;
            parts.push_back(fmt::format("{} {}", n, cycle::status_label(st, l)));
        }
        c.shapes.push_back(doc::TextShape{{label_w + bar_w + 4, y + bar_h - 3.5}, std::to_string(s->progress.rows), 8, false, palette::muted,
                                          doc::Align::left});
        alt.push_back(fmt::format("{}: {}", org_name(*s), fmt::join(parts, ", ")));
        y += bar_h + gap;
    }
    c.alt = fmt::format("{} {}.", tr(l, "Maatregelen per status per organisatie.", "Measures per status per organisation."), fmt::join(alt, "; "));
    return c;
}

} // namespace

doc::Document build_overview_document(const cycle::Overview& o, const OverviewOptions& opt) {
    std::string_view l = opt.lang;
    auto t = [&](const char* nl, const char* en) { return std::string(tr(l, nl, en)); };
    doc::Document d;
    std::string title = opt.title.empty() ? t("Overzicht zelfscan", "Self-scan overview") : opt.title;
    d.info.title = title;
    d.info.subject = t("Overzicht van de verbeterplannen per organisatie", "Overview of the improvement plans per organisation");
    d.info.keywords = "zelfscan, monitor";
    d.info.lang = std::string(l);
    d.info.paper = opt.paper;
    d.info.header = title;
    d.info.footer = fmt::format("{} {}", t("Overzicht", "Overview"), report::long_date(o.today, l));
    auto& b = d.blocks;

    doc::Paragraph kicker;
    kicker.runs.push_back(doc::text(t("OVERZICHT · ZELFSCAN", "OVERVIEW · SELF-SCAN"), doc::bold));
    kicker.size = 9;
    kicker.color = palette::accent;
    b.push_back(doc::block(std::move(kicker)));
    doc::Heading h;
    h.level = 1;
    h.text.push_back(doc::text(title));
    h.anchor = "overzicht";
    b.push_back(doc::block(std::move(h)));

    int with = 0, without = 0;
    for (const auto& s : o.organisations) (s.has_plan ? with : without)++;
    std::string intro = fmt::format(fmt::runtime(t("Stand op {}. {} met een plan", "As of {}. {} with a plan")),
                                    report::long_date(o.today, l),
                                    counted(l, with, {"organisatie", "organisaties"}, {"organisation", "organisations"}));
    if (without) intro += fmt::format(fmt::runtime(t(", {} zonder plan", ", {} without a plan")), without);
    intro += fmt::format(fmt::runtime(t(". Samen {}: {} afgerond, {} te laat, {} nog open.", ". Together {}: {} done, {} overdue, {} still open.")),
                         counted(l, o.measures, {"maatregel", "maatregelen"}, {"measure", "measures"}),
                         o.by_status[static_cast<std::size_t>(cycle::Status::done)], o.overdue,
                         counted(l, o.red_flags_open, {"rode-vlagmaatregel", "rode-vlagmaatregelen"}, {"red-flag measure", "red-flag measures"}));
    b.push_back(doc::paragraph(intro));
    b.push_back(doc::paragraph(t("Dit overzicht komt uit de verbeterplannen die de organisaties bijhouden. Het toont alleen "
                                 "totalen per organisatie, nooit antwoorden van medewerkers.",
                                 "This overview comes from the improvement plans the organisations keep. It shows only totals "
                                 "per organisation, never answers of staff.")));

    b.push_back(doc::heading(2, t("Wie heeft een plan?", "Who has a plan?")));
    doc::Table plans = table({t("Organisatie", "Organisation"), t("Meting", "Round"), t("Bijgewerkt", "Updated"), t("Maatregelen", "Measures"),
                              t("Afgerond", "Done"), t("Te laat", "Overdue"), t("Rode vlaggen open", "Red flags open")},
                             {doc::Align::left, doc::Align::left, doc::Align::left, doc::Align::right, doc::Align::right, doc::Align::right,
                              doc::Align::right});
    for (const auto& s : o.organisations) {
        doc::TableRow r;
        r.cells.push_back(cell(short_name(o, s), doc::bold));
        if (!s.has_plan) {
            r.cells.push_back(cell(t("geen plan", "no plan"), doc::italic));
            for (int i = 0; i < 5; ++i) r.cells.push_back(cell("—"));
        } else {
            r.cells.push_back(cell(report::long_date(s.round, l)));
            r.cells.push_back(cell(report::long_date(s.updated, l)));
            r.cells.push_back(cell(std::to_string(s.progress.rows)));
            r.cells.push_back(cell(std::to_string(s.progress.by_status[static_cast<std::size_t>(cycle::Status::done)])));
            r.cells.push_back(cell(std::to_string(s.progress.overdue.size())));
            r.cells.push_back(cell(std::to_string(s.red_flags.size())));
        }
        plans.rows.push_back(std::move(r));
    }
    b.push_back(doc::block(std::move(plans)));

    if (with > 0) {
        b.push_back(doc::heading(2, t("Maatregelen per status", "Measures per status")));
        b.push_back(doc::block(status_chart(o, opt)));
    }

    b.push_back(doc::heading(2, t("Te laat: deadline voorbij en niet afgerond", "Overdue: past the deadline and not done")));
    doc::Table late = table({t("Organisatie", "Organisation"), t("Maatregel", "Measure"), t("Eigenaar", "Owner"), t("Deadline", "Deadline"),
                             t("Dagen te laat", "Days late")},
                            {doc::Align::left, doc::Align::left, doc::Align::left, doc::Align::left, doc::Align::right});
    for (const auto& s : o.organisations)
        for (const auto& m : s.progress.overdue)
            late.rows.push_back({{cell(short_name(o, s)), cell(fmt::format("{} {}", m.measure, m.title)), cell(m.owner.empty() ? "—" : m.owner),
                                  cell(report::long_date(m.deadline, l)), cell(std::to_string(m.days_overdue))}});
    if (late.rows.size() > 1) b.push_back(doc::block(std::move(late)));
    else b.push_back(doc::paragraph(t("Geen maatregelen over hun deadline.", "No measures past their deadline.")));

    b.push_back(doc::heading(2, t("Rode vlaggen die nog open staan", "Red flags still open")));
    b.push_back(doc::paragraph(t("Een rode vlag vraagt om direct handelen: zet de werkwijze stil of beperk de gevolgen. "
                                 "‘Open sinds’ is de meting waarin de maatregel voor het eerst nodig was.",
                                 "A red flag calls for action at once: suspend the practice or limit its effects. "
                                 "‘Open since’ is the round in which the measure was first needed.")));
    doc::Table flags = table({t("Organisatie", "Organisation"), t("Maatregel", "Measure"), t("Open sinds", "Open since"), t("Dagen open", "Days open")},
                             {doc::Align::left, doc::Align::left, doc::Align::left, doc::Align::right});
    for (const auto& s : o.organisations)
        for (const auto& r : s.red_flags)
            flags.rows.push_back({{cell(short_name(o, s)), cell(fmt::format("{} {}", r.measure, r.title)),
                                   cell(r.since.empty() ? "?" : report::long_date(r.since, l)),
                                   cell(r.days_open >= 0 ? std::to_string(r.days_open) : "?")}});
    if (flags.rows.size() > 1) b.push_back(doc::block(std::move(flags)));
    else b.push_back(doc::paragraph(t("Geen open rode vlaggen.", "No open red flags.")));

    b.push_back(doc::heading(2, t("Thema's die vaak een hoog risico hebben", "Domains often at high risk")));
    b.push_back(doc::paragraph(t("Per thema: bij hoeveel organisaties het risico hoog is in hun laatste meting. Alleen aantallen organisaties.",
                                 "Per domain: at how many organisations the risk is high in their latest round. Counts of organisations only.")));
    doc::Table dom = table({t("Thema", "Domain"), t("Organisaties met hoog risico", "Organisations at high risk")}, {doc::Align::left, doc::Align::right});
    for (const auto& c : o.high_domains)
        dom.rows.push_back({{cell(c.domain), cell(fmt::format(fmt::runtime(t("{} van {}", "{} of {}")), c.organisations, c.of))}});
    if (dom.rows.size() > 1) b.push_back(doc::block(std::move(dom)));
    else b.push_back(doc::paragraph(t("Bij geen enkele organisatie is een thema hoog.", "No domain is high at any organisation.")));

    if (!o.trend.empty()) {
        b.push_back(doc::heading(2, t("Verloop over de metingen", "Trend over the rounds")));
        doc::Table tr_ = table({t("Organisatie", "Organisation"), t("Meting", "Round"), t("Maatregelen nodig", "Measures needed"),
                                t("Afgerond", "Done"), t("Thema's hoog", "Domains high"), t("Rode vlaggen open", "Red flags open")},
                               {doc::Align::left, doc::Align::left, doc::Align::right, doc::Align::right, doc::Align::right, doc::Align::right});
        for (const auto& p : o.trend) {
            cycle::OrganisationStatus s;
            s.organisation = p.organisation;
            s.unit = p.unit;
            tr_.rows.push_back({{cell(org_name(s)), cell(report::long_date(p.round, l)), cell(std::to_string(p.indicated)),
                                 cell(std::to_string(p.done)), cell(std::to_string(p.high_domains)), cell(std::to_string(p.red_flags_open))}});
        }
        b.push_back(doc::block(std::move(tr_)));
    }
    return d;
}

} // namespace zs
