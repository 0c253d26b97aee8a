#include "cycle/compare.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "answers/upgrade.hpp"
#include "scoring/plan.hpp"
#include "util/i18n.hpp"

namespace zs::cycle {

namespace {

struct DomainSpread {
    double se = 0;        // standard error of the domain's risk, 0..1
    double answers = 0;   // mean scored answers per question
};

DomainSpread spread_of(const Round& r, std::string_view domain) {
    double spread = 0, answers = 0;
    int n = 0;
    for (const auto& q : r.questions) {
        if (q.domain != domain || !q.mean_risk) continue;
        spread += q.spread;
        answers += q.scored_answers;
        ++n;
    }
    if (n == 0) return {};
    spread /= n;
    answers /= n;
    return {answers > 0 ? spread / std::sqrt(answers) : 0, answers};
}

std::string dec(double x, int places, std::string_view lang) {
    std::string s = fmt::format("{:.{}f}", x, places);
    if (!is_english(lang)) std::replace(s.begin(), s.end(), '.', ',');
    return s;
}

std::string signed_points(double x, std::string_view lang) {
    std::string s = dec(std::fabs(x), 1, lang);
    return (x > 0.05 ? "+" : x < -0.05 ? "−" : "±") + s;
}

std::string csv_cell(std::string_view s) {
    if (s.find_first_of(",\"\n\r") == std::string_view::npos) return std::string(s);
    std::string out = "\"";
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string opt(const std::optional<double>& v, int places) { return v ? fmt::format("{:.{}f}", *v, places) : ""; }

} // namespace

std::string IdMapping::new_id(std::string_view old) const {
    if (removed.count(old)) return "";
    if (auto it = renamed.find(old); it != renamed.end()) return it->second;
    return std::string(old);
}

IdMapping mapping_from(const Instrument& ins, const std::string& from) {
    IdMapping m;
    // The chain of change sets from `from` to the instrument's version.
    const std::vector<const ChangeSet*> chain = change_path(ins, from);
    if (chain.empty()) return m;
    // Every old id any step names, followed through the chain.
    std::set<std::string> olds;
    for (const ChangeSet* cs : chain)
        for (const auto& c : cs->questions)
            if (!c.old_id.empty()) olds.insert(c.old_id);
    for (const auto& old : olds) {
        std::string id = old;
        for (const ChangeSet* cs : chain) {
            const IdChange* c = cs->find_old_question(id);
            if (!c) continue;
            if (!carries_answers(c->kind) || c->new_ids.empty()) {
                id.clear();
                break;
            }
            id = c->new_ids.front();
        }
        if (id.empty()) m.removed.insert(old);
        else if (id != old) m.renamed[old] = id;
    }
    return m;
}

Comparison compare_rounds(const Round& then, const Round& now, const IdMapping& mapping, const CompareRules& rules) {
    Comparison c;
    c.instrument = now.instrument;
    c.version_then = then.version;
    c.version_now = now.version;
    c.date_then = then.date;
    c.date_now = now.date;
    c.respondents_then = then.respondents;
    c.respondents_now = now.respondents;
    c.overall_then = then.overall_risk;
    c.overall_now = now.overall_risk;
    c.overall_band_then = then.overall_band;
    c.overall_band_now = now.overall_band;

    auto domain_change = [&](const std::string& id, const RoundDomain* a, const RoundDomain* b) {
        DomainChange d;
        d.id = id;
        if (a) d.then = a->risk, d.band_then = a->band;
        if (b) d.now = b->risk, d.band_now = b->band;
        if (d.then && d.now) d.change = *d.now - *d.then;
        DomainSpread sa = spread_of(then, id), sb = spread_of(now, id);
        double gaps = (a ? a->knowledge_gap : 0) + (b ? b->knowledge_gap : 0);
        d.margin = 100 * (2 * std::sqrt(sa.se * sa.se + sb.se * sb.se) + gaps / 4);
        d.enough_answers = sa.answers >= rules.min_answers && sb.answers >= rules.min_answers;
        d.beyond_margin = d.change && d.enough_answers && std::fabs(*d.change) > d.margin;
        return d;
    };
    for (const auto& b : now.domains) c.domains.push_back(domain_change(b.id, then.find_domain(b.id), &b));
    for (const auto& a : then.domains)
        if (!now.find_domain(a.id)) c.domains.push_back(domain_change(a.id, &a, nullptr));

    // Questions matched through the mapping.
    std::map<std::string, const RoundQuestion*> previous; // by this round's id
    for (const auto& q : then.questions) {
        std::string id = mapping.new_id(q.id);
        if (id.empty() || !now.find_question(id)) c.not_compared_then.push_back(q.id);
        else previous.emplace(id, &q);
    }
    for (const auto& q : now.questions) {
        auto it = previous.find(q.id);
        if (it == previous.end()) {
            c.not_compared_now.push_back(q.id);
            if (q.red_flags > 0) c.red_flags_new.push_back(q.id);
            if (q.find_out) c.gaps_new.push_back(q.id);
            continue;
        }
        const RoundQuestion& p = *it->second;
        c.questions.push_back({q.id, p.id, p.withheld ? std::nullopt : p.mean_risk, q.withheld ? std::nullopt : q.mean_risk,
                               p.red_flags, q.red_flags, p.find_out, q.find_out, p.withheld, q.withheld});
        if (p.red_flags > 0 && q.red_flags == 0) c.red_flags_resolved.push_back(q.id);
        if (p.red_flags == 0 && q.red_flags > 0) c.red_flags_new.push_back(q.id);
        if (p.red_flags > 0 && q.red_flags > 0) c.red_flags_still.push_back(q.id);
        if (p.find_out && !q.find_out) c.gaps_closed.push_back(q.id);
        if (!p.find_out && q.find_out) c.gaps_new.push_back(q.id);
    }
    // Plan actions: measure ids are stable; find-out actions follow their question.
    auto mapped_action = [&](const std::string& id) {
        std::string_view asked = find_out_question(id);
        if (asked.empty()) return id;
        std::string q = mapping.new_id(asked);
        return q.empty() ? id : "find-out:" + q;
    };
    std::set<std::string> before, after(now.plan.begin(), now.plan.end());
    for (const auto& id : then.plan) before.insert(mapped_action(id));
    for (const auto& id : then.plan)
        if (!after.count(mapped_action(id))) c.measures_no_longer.push_back(mapped_action(id));
    for (const auto& id : now.plan)
        if (!before.count(id)) c.measures_new.push_back(id);
    return c;
}

void write_comparison(JsonWriter& w, std::string_view key, const Comparison& c) {
    w.begin_object(key);
    w.string("instrument", c.instrument);
    w.string("version_then", c.version_then);
    w.string("version_now", c.version_now);
    w.integer("respondents_then", c.respondents_then);
    w.integer("respondents_now", c.respondents_now);
    w.begin_object("overall");
    w.optional("then", c.overall_then);
    w.optional("now", c.overall_now);
    if (c.overall_then && c.overall_now) w.number("change", *c.overall_now - *c.overall_then);
    else w.null("change");
    w.string("band_then", c.overall_band_then);
    w.string("band_now", c.overall_band_now);
    w.end_object();
    w.begin_array("domains");
    for (const auto& d : c.domains) {
        w.begin_object();
        w.string("id", d.id);
        w.optional("then", d.then);
        w.optional("now", d.now);
        w.optional("change", d.change);
        w.string("band_then", d.band_then);
        w.string("band_now", d.band_now);
        w.number("margin", d.margin);
        w.boolean("enough_answers", d.enough_answers);
        w.boolean("beyond_margin", d.beyond_margin);
        w.end_object();
    }
    w.end_array();
    w.begin_array("questions");
    for (const auto& q : c.questions) {
        w.begin_object();
        w.string("id", q.id);
        if (q.previous_id != q.id) w.string("previous_id", q.previous_id);
        w.optional("then", q.then);
        w.optional("now", q.now);
        if (q.withheld_then) w.boolean("withheld_then", true);
        else w.integer("red_flags_then", q.red_flags_then);
        if (q.withheld_now) w.boolean("withheld_now", true);
        else w.integer("red_flags_now", q.red_flags_now);
        w.boolean("find_out_then", q.find_out_then);
        w.boolean("find_out_now", q.find_out_now);
        w.end_object();
    }
    w.end_array();
    w.strings("red_flags_resolved", c.red_flags_resolved);
    w.strings("red_flags_new", c.red_flags_new);
    w.strings("red_flags_still", c.red_flags_still);
    w.strings("knowledge_gaps_closed", c.gaps_closed);
    w.strings("knowledge_gaps_new", c.gaps_new);
    w.strings("not_compared_then", c.not_compared_then);
    w.strings("not_compared_now", c.not_compared_now);
    w.strings("measures_no_longer_indicated", c.measures_no_longer);
    w.strings("measures_new", c.measures_new);
    w.end_object();
}

std::string comparison_to_json(const Comparison& c) {
    JsonWriter w;
    write_comparison(w, {}, c);
    return w.str();
}

std::string comparison_to_csv(const Comparison& c, std::string_view lang) {
    (void)lang;
    std::string out = "level,id,previous_id,then,now,change,margin,beyond_margin,band_then,band_now,red_flags_then,red_flags_now,"
                      "find_out_then,find_out_now\r\n";
    auto row = [&](std::vector<std::string> cells) {
        for (std::size_t i = 0; i < cells.size(); ++i) out += (i ? "," : "") + csv_cell(cells[i]);
        out += "\r\n";
    };
    auto yes = [](bool b) { return std::string(b ? "true" : "false"); };
    std::optional<double> overall_change;
    if (c.overall_then && c.overall_now) overall_change = *c.overall_now - *c.overall_then;
    row({"overall", "", "", opt(c.overall_then, 1), opt(c.overall_now, 1), opt(overall_change, 1), "", "", c.overall_band_then,
         c.overall_band_now, "", "", "", ""});
    for (const auto& d : c.domains)
        row({"domain", d.id, "", opt(d.then, 1), opt(d.now, 1), opt(d.change, 1), fmt::format("{:.1f}", d.margin), yes(d.beyond_margin),
             d.band_then, d.band_now, "", "", "", ""});
    for (const auto& q : c.questions) {
        std::optional<double> ch;
        if (q.then && q.now) ch = *q.now - *q.then;
        row({"question", q.id, q.previous_id, opt(q.then, 2), opt(q.now, 2), opt(ch, 2), "", "", "", "",
             q.withheld_then ? "" : std::to_string(q.red_flags_then), q.withheld_now ? "" : std::to_string(q.red_flags_now),
             yes(q.find_out_then), yes(q.find_out_now)});
    }
    for (const auto& id : c.not_compared_then) row({"not-compared-then", id, "", "", "", "", "", "", "", "", "", "", "", ""});
    for (const auto& id : c.not_compared_now) row({"not-compared-now", id, "", "", "", "", "", "", "", "", "", "", "", ""});
    return out;
}

std::string comparison_summary(const Comparison& c, std::string_view lang) {
    std::string out;
    auto l = [&](const char* nl, const char* en) { return std::string(tr(lang, nl, en)); };
    out += fmt::format("{} {} {} → {}: {} → {}\n", l("Vergelijking", "Comparison"), c.instrument, c.version_then, c.version_now,
                       counted(lang, c.respondents_then, {"respondent", "respondenten"}, {"respondent", "respondents"}),
                       counted(lang, c.respondents_now, {"respondent", "respondenten"}, {"respondent", "respondents"}));
    if (c.overall_then && c.overall_now)
        out += fmt::format("{}: {} % {} → {} % {} ({})\n", l("Totaal", "Overall"), dec(*c.overall_then, 1, lang), c.overall_band_then,
                           dec(*c.overall_now, 1, lang), c.overall_band_now, signed_points(*c.overall_now - *c.overall_then, lang));
    out += "\n" + l("Thema's (toen → nu, verandering, marge)", "Domains (then → now, change, margin)") + "\n";
    for (const auto& d : c.domains) {
        std::string then = d.then ? dec(*d.then, 1, lang) + " %" : "—";
        std::string now = d.now ? dec(*d.now, 1, lang) + " %" : "—";
        std::string verdict;
        if (!d.change) verdict = l("niet te vergelijken", "cannot be compared");
        else if (!d.enough_answers) verdict = l("te weinig antwoorden om te zeggen", "too few answers to tell");
        else if (d.beyond_margin) verdict = *d.change < 0 ? l("echt lager", "really lower") : l("echt hoger", "really higher");
        else verdict = l("binnen de onzekerheid", "within the uncertainty");
        out += fmt::format("  {:<6} {:>8} → {:>8}  {:>7}  ±{:<5}  {}\n", d.id, then, now, d.change ? signed_points(*d.change, lang) : "",
                           dec(d.margin, 1, lang), verdict);
    }
    auto list = [&](const char* nl, const char* en, const std::vector<std::string>& ids) {
        if (!ids.empty()) out += fmt::format("{}: {}\n", l(nl, en), fmt::join(ids, ", "));
    };
    out += "\n";
    list("Rode vlaggen opgelost", "Red flags resolved", c.red_flags_resolved);
    list("Nieuwe rode vlaggen", "New red flags", c.red_flags_new);
    list("Rode vlaggen nog open", "Red flags still open", c.red_flags_still);
    list("Kennisgaten gesloten", "Knowledge gaps closed", c.gaps_closed);
    list("Nieuwe kennisgaten", "New knowledge gaps", c.gaps_new);
    list("Maatregelen niet meer aangewezen", "Measures no longer indicated", c.measures_no_longer);
    list("Nieuwe maatregelen", "New measures", c.measures_new);
    list("Niet te vergelijken (alleen in de vorige meting)", "Not comparable (only in the previous round)", c.not_compared_then);
    list("Niet te vergelijken (nieuw in deze meting)", "Not comparable (new in this round)", c.not_compared_now);
    return out;
}

} // namespace zs::cycle
