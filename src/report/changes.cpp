#include "report/changes.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "cycle/progress.hpp"
#include "report/format.hpp"
#include "scoring/plan.hpp"
#include "util/i18n.hpp"

namespace zs::report {

namespace {

doc::TableCell cell(std::string s, unsigned style = doc::plain) { return doc::TableCell{{doc::text(std::move(s), style)}}; }

std::string points(double change, std::string_view lang) {
    long long p = std::llround(change);
    if (p == 0) return tr(lang, "gelijk", "same");
    return fmt::format("{}{} {}", p > 0 ? "+" : "−", std::llabs(p), tr(lang, std::llabs(p) == 1 ? "punt" : "punten", std::llabs(p) == 1 ? "point" : "points"));
}

std::string domain_title(const Instrument& ins, const std::string& id, std::string_view lang) {
    for (const auto& d : ins.domains)
        if (d.id == id) return fmt::format("{} {}", id, d.title.get(lang));
    return id;
}

std::string question_list(const Instrument& ins, const std::vector<std::string>& ids, std::string_view lang) {
    (void)ins;
    (void)lang;
    return fmt::format("{}", fmt::join(ids, ", "));
}

// A plan action for a reader: "M12 Wijs een eigenaar aan", or for a
// knowledge gap "Zoek uit: D6.3" (the plan's own words), never the raw id.
std::string action_label(const Instrument& ins, const std::string& id, std::string_view lang) {
    if (auto q = find_out_question(id); !q.empty()) return fmt::format("{}: {}", tr(lang, "Zoek uit", "Find out"), q);
    if (const Measure* m = ins.find_measure(id)) return fmt::format("{} {}", id, m->title.get(lang));
    return id;
}

std::string action_list(const Instrument& ins, const std::vector<std::string>& ids, std::string_view lang) {
    std::vector<std::string> labels;
    for (const auto& id : ids) labels.push_back(action_label(ins, id, lang));
    return fmt::format("{}", fmt::join(labels, "; "));
}

doc::Block bullets(const std::vector<std::string>& lines) {
    doc::List l;
    for (const auto& s : lines) l.items.push_back({{doc::paragraph(s)}, std::nullopt});
    return doc::block(std::move(l));
}

} // namespace

doc::Blocks changes_section(const Instrument& ins, const ChangesInput& in, std::string_view lang) {
    doc::Blocks out;
    if (!in.comparison) return out;
    const cycle::Comparison& c = *in.comparison;
    auto l = [&](const char* nl, const char* en) { return std::string(tr(lang, nl, en)); };
    out.push_back(doc::page_break());
    out.push_back(doc::heading(1, l("Wat is veranderd sinds de vorige meting", "What changed since the last round")));

    std::string intro = fmt::format(
        fmt::runtime(l("De vorige meting had {}, deze meting {}.", "The last round had {}, this round {}.")),
        counted(lang, c.respondents_then, {"deelnemer", "deelnemers"}, {"respondent", "respondents"}),
        counted(lang, c.respondents_now, {"deelnemer", "deelnemers"}, {"respondent", "respondents"}));
    if (c.overall_then && c.overall_now)
        intro += " " + fmt::format(fmt::runtime(l("Het totale risico ging van {} ({}) naar {} ({}).",
                                                  "The overall risk went from {} ({}) to {} ({}).")),
                                   percent(*c.overall_then, lang), band_label(ins, c.overall_band_then, lang),
                                   percent(*c.overall_now, lang), band_label(ins, c.overall_band_now, lang));
    if (c.version_then != c.version_now)
        intro += " " + fmt::format(fmt::runtime(l("De vorige meting gebruikte versie {} van de vragenlijst, deze meting versie {}.",
                                                  "The last round used version {} of the questionnaire, this round version {}.")),
                                   c.version_then, c.version_now);
    out.push_back(doc::paragraph(intro));
    out.push_back(doc::paragraph(l("Een verandering telt als echt als ze groter is dan de onzekerheid van beide metingen: de spreiding "
                                   "van de antwoorden en het aandeel ‘weet ik niet’ (de marge, zie de verantwoording).",
                                   "A change counts as real when it is larger than the uncertainty of both rounds: the spread of the "
                                   "answers and the share of ‘don't know’ (the margin, see the method).")));

    doc::Table t;
    t.columns = {{doc::Align::left, 150}, {doc::Align::right, 82}, {doc::Align::right, 82}, {doc::Align::right, 62}, {doc::Align::left, 0}};
    doc::TableRow head;
    for (const auto& h : {l("Thema", "Domain"), l("Toen", "Then"), l("Nu", "Now"), l("Verandering", "Change"),
                          l("Echt veranderd?", "A real change?")})
        head.cells.push_back(cell(h, doc::bold));
    t.rows.push_back(std::move(head));
    for (const auto& d : c.domains) {
        doc::TableRow r;
        r.cells.push_back(cell(domain_title(ins, d.id, lang)));
        auto val = [&](const std::optional<double>& v, const std::string& band) {
            return v ? fmt::format("{} {}", percent(*v, lang), band_label(ins, band, lang)) : std::string("—");
        };
        r.cells.push_back(cell(val(d.then, d.band_then)));
        r.cells.push_back(cell(val(d.now, d.band_now)));
        r.cells.push_back(cell(d.change ? points(*d.change, lang) : "—"));
        std::string verdict;
        unsigned style = doc::plain;
        if (!d.change) verdict = l("niet te vergelijken", "cannot be compared");
        else if (!d.enough_answers) verdict = l("te weinig antwoorden", "too few answers");
        else if (d.beyond_margin) {
            verdict = *d.change < 0 ? l("ja, lager risico", "yes, lower risk") : l("ja, hoger risico", "yes, higher risk");
            style = doc::bold;
        } else verdict = fmt::format(fmt::runtime(l("nee (marge {})", "no (margin {})")), std::llround(d.margin));
        r.cells.push_back(cell(verdict, style));
        t.rows.push_back(std::move(r));
    }
    out.push_back(doc::block(std::move(t)));

    std::vector<std::string> facts;
    if (!c.red_flags_resolved.empty())
        facts.push_back(fmt::format(fmt::runtime(l("Rode vlaggen opgelost: {}.", "Red flags resolved: {}.")), question_list(ins, c.red_flags_resolved, lang)));
    if (!c.red_flags_new.empty())
        facts.push_back(fmt::format(fmt::runtime(l("Nieuwe rode vlaggen: {}.", "New red flags: {}.")), question_list(ins, c.red_flags_new, lang)));
    if (!c.red_flags_still.empty())
        facts.push_back(fmt::format(fmt::runtime(l("Rode vlaggen die er nog steeds zijn: {}.", "Red flags still there: {}.")),
                                    question_list(ins, c.red_flags_still, lang)));
    if (c.red_flags_resolved.empty() && c.red_flags_new.empty() && c.red_flags_still.empty())
        facts.push_back(l("Geen rode vlaggen, toen niet en nu niet.", "No red flags, then or now."));
    if (!c.gaps_closed.empty())
        facts.push_back(fmt::format(fmt::runtime(l("Kennisgaten gesloten (nu weten genoeg mensen het antwoord): {}.",
                                                   "Knowledge gaps closed (enough people now know the answer): {}.")),
                                    question_list(ins, c.gaps_closed, lang)));
    if (!c.gaps_new.empty())
        facts.push_back(fmt::format(fmt::runtime(l("Nieuwe kennisgaten: {}.", "New knowledge gaps: {}.")), question_list(ins, c.gaps_new, lang)));
    if (!c.measures_no_longer.empty())
        facts.push_back(fmt::format(fmt::runtime(l("Maatregelen die de antwoorden niet meer aanwijzen: {}.",
                                                   "Measures the answers no longer call for: {}.")),
                                    action_list(ins, c.measures_no_longer, lang)));
    if (!c.not_compared_then.empty() || !c.not_compared_now.empty()) {
        std::vector<std::string> ids = c.not_compared_then;
        for (const auto& id : c.not_compared_now)
            if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
        facts.push_back(fmt::format(fmt::runtime(l("Deze vragen zijn niet te vergelijken, omdat ze in één van de twee versies van de vragenlijst "
                                                   "niet voorkomen: {}.",
                                                   "These questions cannot be compared, because one of the two versions of the "
                                                   "questionnaire does not have them: {}.")),
                                    question_list(ins, ids, lang)));
    }
    out.push_back(bullets(facts));

    out.push_back(doc::heading(2, l("Hoe staat het met het plan?", "How is the plan going?")));
    if (!in.plan) {
        out.push_back(doc::paragraph(l("Er is geen bijgehouden plan meegegeven. Geef het plan van de vorige meting mee met --plan, "
                                       "dan staat hier hoe ver elke maatregel is.",
                                       "No plan file was given. Give the previous round's plan with --plan to see here how far each "
                                       "measure is.")));
        return out;
    }
    cycle::PlanProgress p = cycle::plan_progress(*in.plan, in.today);
    std::vector<std::string> parts;
    for (auto s : {cycle::Status::done, cycle::Status::in_progress, cycle::Status::planned, cycle::Status::open, cycle::Status::dropped}) {
        int n = p.by_status[static_cast<std::size_t>(s)];
        if (n) parts.push_back(fmt::format("{} {}", n, status_label(s, lang)));
    }
    std::string line = fmt::format(fmt::runtime(l("Het plan van de vorige meting heeft {}: {}.", "The last round's plan has {}: {}.")),
                                   counted(lang, p.rows, {"maatregel", "maatregelen"}, {"measure", "measures"}),
                                   fmt::join(parts, ", "));
    if (p.unknown_status) line += " " + fmt::format(fmt::runtime(l("Bij {} staat een status die zelfscan niet kent.", "{} have a status zelfscan does not know.")), p.unknown_status);
    out.push_back(doc::paragraph(line));
    if (!p.overdue.empty()) {
        doc::Table o;
        for (auto a : {doc::Align::left, doc::Align::left, doc::Align::left, doc::Align::right}) o.columns.push_back({a, 0});
        doc::TableRow head2;
        for (const auto& h : {l("Maatregel", "Measure"), l("Eigenaar", "Owner"), l("Deadline", "Deadline"), l("Dagen te laat", "Days late")})
            head2.cells.push_back(cell(h, doc::bold));
        o.rows.push_back(std::move(head2));
        for (const auto& m : p.overdue) {
            doc::TableRow r;
            r.cells.push_back(cell(fmt::format("{} {}", m.measure, m.title)));
            r.cells.push_back(cell(m.owner.empty() ? "—" : m.owner));
            r.cells.push_back(cell(long_date(m.deadline, lang)));
            r.cells.push_back(cell(std::to_string(m.days_overdue)));
            o.rows.push_back(std::move(r));
        }
        out.push_back(doc::paragraph(std::vector<doc::Inline>{doc::text(l("Over de deadline en nog niet afgerond:", "Past the deadline and not done:"), doc::bold)}));
        out.push_back(doc::block(std::move(o)));
    }
    // Done measures the answers no longer call for: the plan worked there.
    std::vector<std::string> worked;
    for (const auto& id : p.done)
        if (std::find(c.measures_no_longer.begin(), c.measures_no_longer.end(), id) != c.measures_no_longer.end()) worked.push_back(id);
    if (!worked.empty())
        out.push_back(doc::paragraph(fmt::format(fmt::runtime(l("Afgerond en niet meer nodig volgens de antwoorden: {}.",
                                                                "Done and no longer needed according to the answers: {}.")),
                                                 action_list(ins, worked, lang))));
    return out;
}

} // namespace zs::report
