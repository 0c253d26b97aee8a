#include "scoring/plan_export.hpp"

#include <fmt/format.h>

#include "scoring/json_writer.hpp"
#include "scoring/number_summary.hpp"
#include "util/i18n.hpp"

namespace zs {

namespace {

bool dutch(std::string_view lang) { return lang != "en"; }

std::string decimal(double x, int places, std::string_view lang) {
    std::string s = fmt::format("{:.{}f}", x, places);
    if (dutch(lang))
        for (char& c : s)
            if (c == '.') c = ',';
    return s;
}

std::string join(const std::vector<std::string>& v, std::string_view sep) { return fmt::format("{}", fmt::join(v, sep)); }

} // namespace

std::string action_title(const Instrument& ins, const PlanAction& act, std::string_view lang) {
    if (act.kind == ActionKind::find_out) {
        const Question* q = ins.find_question(act.question);
        std::string text = q ? q->text.get(lang) : act.question;
        return fmt::format("{} {} ({})", dutch(lang) ? "Zoek uit:" : "Find out:", text, act.question);
    }
    const Measure* m = ins.find_measure(act.measure);
    return m ? m->title.get(lang) : act.measure;
}

std::string action_indicator(const Instrument& ins, const PlanAction& act, std::string_view lang) {
    if (act.kind == ActionKind::find_out)
        return dutch(lang) ? "Het antwoord is bekend en vastgelegd" : "The answer is known and recorded";
    const Measure* m = ins.find_measure(act.measure);
    return m ? m->indicator.get(lang) : "";
}

std::string basis_text(const PlanAction& act, std::string_view lang) {
    bool nl = dutch(lang);
    std::vector<std::string> parts;
    for (const Basis& b : act.basis) {
        std::string s = fmt::format("{}: ", b.question);
        if (b.withheld) {
            parts.push_back(s + (nl ? "te weinig antwoorden om te tonen" : "too few answers to show"));
            continue;
        }
        if (act.kind == ActionKind::find_out)
            s += fmt::format("{} {} %", nl ? "onbekend" : "unknown", decimal(b.knowledge_gap * 100, 0, lang));
        else
            s += fmt::format("{} {}", nl ? "risico" : "risk", decimal(b.mean_risk, 2, lang));
        if (b.red_flags) s += fmt::format("; {} {} ×", nl ? "rode vlag" : "red flag", b.red_flags);
        if (b.critical && !b.red_flags) s += fmt::format("; {} {} ×", nl ? "kritiek" : "critical", b.critical);
        s += "; " + counted(lang, b.answered, {"antwoord", "antwoorden"}, {"answer", "answers"});
        parts.push_back(std::move(s));
    }
    return join(parts, " | ");
}

namespace {

void write_domain(JsonWriter& w, const DomainResult& d) {
    w.begin_object();
    w.string("id", d.id);
    w.optional("risk", d.risk);
    w.boolean("not_applicable", d.not_applicable);
    if (d.withheld) w.boolean("withheld", true);
    w.string("score_band", d.score_band);
    w.string("band", d.band);
    w.optional("risk_low", d.risk_low);
    w.optional("risk_high", d.risk_high);
    w.string("band_low", d.band_low);
    w.string("band_high", d.band_high);
    w.boolean("band_holds", !d.band_low.empty() && d.band_low == d.band_high);
    w.boolean("show_range", d.show_range);
    if (d.own_exposure) w.integer("exposure", d.exposure);
    if (d.owners_answered >= 0) w.integer("owners_answered", d.owners_answered);
    w.boolean("lifted_critical", d.lifted_critical);
    w.boolean("lifted_red_flag", d.lifted_red_flag);
    w.strings("red_flag_questions", d.red_flag_questions);
    w.strings("critical_questions", d.critical_questions);
    w.number("knowledge_gap", d.knowledge_gap);
    w.integer("likelihood", d.likelihood);
    w.integer("disagreements", d.disagreements);
    w.integer("critical_answers", d.critical_answers);
    w.integer("critical_base", d.critical_base);
    w.end_object();
}

} // namespace

std::string assessment_to_json(const Instrument& ins, const Assessment& a, const Plan& plan, std::string_view lang,
                               const std::function<void(JsonWriter&)>& more) {
    JsonWriter w;
    w.begin_object();
    w.string("instrument", a.instrument);
    w.string("version", a.version);
    w.string("language", lang);
    w.integer("respondents", a.respondents);
    w.integer("sessions", a.sessions);
    w.begin_object("exposure");
    w.boolean("known", a.exposure.known);
    w.integer("level", a.exposure.level);
    w.number("value", a.exposure.value);
    w.end_object();
    w.begin_object("overall");
    w.optional("risk", a.overall.risk);
    w.string("band", a.overall.band);
    w.string("worst_band", a.overall.worst_band);
    w.integer("red_flags", a.overall.red_flags);
    w.integer("critical", a.overall.critical);
    w.integer("disagreements", a.overall.disagreements);
    w.integer("find_out", a.overall.find_out);
    w.integer("not_applicable", a.overall.not_applicable);
    w.end_object();
    w.begin_object("confidence");
    w.string("level", to_string(a.confidence.level));
    w.number("knowledge_gap", a.confidence.knowledge_gap);
    w.number("missing", a.confidence.missing);
    w.number("disagreement_share", a.confidence.disagreement_share);
    w.boolean("few_respondents", a.confidence.few_respondents);
    w.strings("uncovered_domains", a.confidence.uncovered_domains);
    w.end_object();
    w.boolean("heat_map", a.domain_exposure);
    w.begin_array("contradictions");
    for (const auto& c : a.contradictions) {
        w.begin_object();
        w.string("rule", c.rule);
        w.integer("when", c.when);
        w.integer("contradicts", c.contradicts);
        w.integer("both", c.both);
        w.end_object();
    }
    w.end_array();
    w.begin_array("domains");
    for (const auto& d : a.domains) write_domain(w, d);
    w.end_array();
    w.begin_array("questions");
    for (const auto& q : a.questions) {
        w.begin_object();
        w.string("id", q.id);
        w.string("domain", q.domain >= 0 ? ins.domains[static_cast<std::size_t>(q.domain)].id : "profile");
        w.integer("weight", q.weight);
        w.integer("respondents", q.respondents);
        w.integer("skipped", q.skipped);
        w.integer("answered", q.answered);
        w.integer("missing", q.missing);
        w.string("kind", to_string(ins.find_question(q.id)->kind));
        w.boolean("scored", q.scored);
        if (q.withheld) {
            // Too few answers: no figure of this question alone.
            w.boolean("withheld", true);
            w.boolean("red_flag", q.red_flag);
            w.boolean("find_out", q.find_out);
            w.end_object();
            continue;
        }
        w.integer("dont_know", q.dont_know);
        w.integer("cannot_know", q.cannot_know);
        w.integer("not_applicable", q.not_applicable);
        w.integer("unevidenced", q.unevidenced);
        w.begin_array("options");
        for (const auto& o : q.options) {
            w.begin_object();
            w.string("option", o.option);
            w.integer("count", o.count);
            w.number("share", o.share);
            w.end_object();
        }
        w.end_array();
        w.integer("scored_answers", q.scored_answers);
        w.optional("mean_risk", q.mean_risk);
        w.number("spread", q.spread);
        w.boolean("opposites", q.opposites);
        w.boolean("disagreement", q.disagreement);
        w.optional("risk_low", q.risk_low);
        w.optional("risk_high", q.risk_high);
        w.integer("red_flags", q.red_flags);
        w.boolean("red_flag", q.red_flag);
        w.integer("critical_answers", q.critical_answers);
        w.number("knowledge_gap", q.knowledge_gap);
        w.number("owner_gap", q.owner_gap);
        if (!q.numbers.empty() || ins.find_question(q.id)->kind == QuestionKind::number) {
            NumberSummary ns = summarize_numbers(q.numbers);
            w.begin_object("numbers");
            w.integer("count", static_cast<long long>(q.numbers.size()));
            if (ns.count > 0) {
                w.number("median", ns.median);
                w.number("lowest", ns.lowest);
                w.number("highest", ns.highest);
                w.number("mean", ns.mean);
            }
            w.end_object();
        }
        w.boolean("find_out", q.find_out);
        if (q.domain < 0) w.integer("exposure", q.exposure);
        w.strings("reasons", q.reasons);
        w.strings("notes", q.notes);
        w.strings("evidence", q.evidence);
        w.end_object();
    }
    w.end_array();
    w.begin_array("groups");
    for (const auto& g : a.groups) {
        w.begin_object();
        w.string("role", g.role);
        if (g.pool) w.boolean("pool", true);
        if (g.attributed) w.boolean("attributed", true);
        w.integer("respondents", g.respondents);
        w.boolean("suppressed", g.suppressed);
        w.boolean("complementary", g.complementary);
        if (!g.suppressed) {
            w.begin_array("domains");
            for (const auto& d : g.domains) write_domain(w, d);
            w.end_array();
            w.begin_object("questions");
            for (std::size_t i = 0; i < g.questions.size(); ++i) w.optional(a.questions[i].id, g.questions[i]);
            w.end_object();
        }
        w.end_object();
    }
    w.end_array();
    w.begin_array("differences");
    for (const auto& d : a.differences) {
        w.begin_object();
        w.string("domain", d.domain);
        w.string("lower_role", d.lower_role);
        w.number("lower", d.lower);
        w.string("higher_role", d.higher_role);
        w.number("higher", d.higher);
        w.end_object();
    }
    w.end_array();
    w.begin_object("plan");
    w.integer("exposure", plan.exposure);
    w.integer("size", ins.report.plan_size);
    w.integer("later", plan.later);
    w.begin_array("actions");
    for (const auto& act : plan.actions) {
        w.begin_object();
        w.string("id", act.id);
        w.string("kind", to_string(act.kind));
        w.string("title", action_title(ins, act, lang));
        w.strings("questions", act.questions);
        w.number("risk_addressed", act.risk_addressed);
        w.number("priority", act.priority);
        w.strings("after", act.after);
        w.boolean("later", act.later);
        w.string("quadrant", to_string(act.quadrant));
        w.string("timeframe", to_string(act.timeframe));
        w.string("effort", to_string(act.effort));
        w.string("impact", to_string(act.impact));
        w.string("indicator", action_indicator(ins, act, lang));
        w.begin_array("basis");
        for (const auto& b : act.basis) {
            w.begin_object();
            w.string("question", b.question);
            if (b.withheld) {
                w.boolean("withheld", true);
                w.end_object();
                continue;
            }
            w.number("mean_risk", b.mean_risk);
            w.integer("red_flags", b.red_flags);
            w.integer("critical", b.critical);
            w.number("knowledge_gap", b.knowledge_gap);
            w.integer("answered", b.answered);
            w.end_object();
        }
        w.end_array();
        w.strings("evidence", act.evidence);
        w.end_object();
    }
    w.end_array();
    w.end_object();
    if (more) more(w);
    w.end_object();
    return w.str();
}

} // namespace zs
