#include "cycle/round.hpp"

#include <fmt/format.h>

#include "util/json_reader.hpp"

namespace zs::cycle {

const RoundQuestion* Round::find_question(std::string_view id) const {
    for (const auto& q : questions)
        if (q.id == id) return &q;
    return nullptr;
}

const RoundDomain* Round::find_domain(std::string_view id) const {
    for (const auto& d : domains)
        if (d.id == id) return &d;
    return nullptr;
}

Round round_from_assessment(const Instrument& ins, const Assessment& a, const Plan& plan) {
    Round r;
    r.instrument = a.instrument;
    r.version = a.version;
    r.respondents = a.respondents;
    r.overall_risk = a.overall.risk;
    r.overall_band = a.overall.band;
    for (const auto& d : a.domains) r.domains.push_back({d.id, d.band, d.risk, d.knowledge_gap});
    for (const auto& q : a.questions) {
        if (q.domain < 0) continue;
        r.questions.push_back({q.id, ins.domains[static_cast<std::size_t>(q.domain)].id, q.mean_risk, q.spread, q.scored_answers,
                               q.red_flags, q.knowledge_gap, q.find_out, q.withheld});
    }
    for (const auto& act : plan.actions) r.plan.push_back(act.id);
    return r;
}

std::optional<Round> read_round_json(std::string_view data, const std::string& path, Diagnostics& diags) {
    JsonError err;
    auto root = parse_json(data, err);
    if (!root) {
        diags.error({path, err.line, err.column}, msg("not valid JSON: {}", err.what),
                    msg("give the output of 'zelfscan score --json' or a folder of answer files"));
        return std::nullopt;
    }
    if (root->kind != JsonValue::Kind::object || root->str("instrument").empty() || !root->get("domains")) {
        diags.error({path, 0, 0}, msg("this JSON file is not the output of 'zelfscan score --json'"),
                    msg("make it with: zelfscan score INSTRUMENT ANSWERS... --json > round.json"));
        return std::nullopt;
    }
    Round r;
    r.source = path;
    r.instrument = root->str("instrument");
    r.version = root->str("version");
    r.date = root->str("round_date");
    r.respondents = static_cast<int>(root->num("respondents"));
    if (const JsonValue* o = root->get("overall")) {
        r.overall_risk = o->opt_num("risk");
        r.overall_band = o->str("band");
    }
    for (const auto& d : root->array("domains")) r.domains.push_back({d.str("id"), d.str("band"), d.opt_num("risk"), d.num("knowledge_gap")});
    for (const auto& q : root->array("questions")) {
        if (q.str("domain") == "profile") continue;
        bool withheld = q.flag("withheld");
        // A withheld question's file keeps only whether a red flag is raised.
        int red_flags = withheld ? (q.flag("red_flag") ? 1 : 0) : static_cast<int>(q.num("red_flags"));
        r.questions.push_back({q.str("id"), q.str("domain"), q.opt_num("mean_risk"), q.num("spread"),
                               static_cast<int>(q.num("scored_answers")), red_flags, q.num("knowledge_gap"), q.flag("find_out"), withheld});
    }
    if (const JsonValue* p = root->get("plan"))
        for (const auto& a : p->array("actions")) r.plan.push_back(a.str("id"));
    return r;
}

} // namespace zs::cycle
