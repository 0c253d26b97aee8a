#include "scoring/plan.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "util/text.hpp"

namespace zs {

namespace {

constexpr double eps = 1e-9;

double round2(double x) { return std::round(x * 100.0) / 100.0; }

// Equal priorities in natural id order (docs/method.md section 6): M7
// before M43, find-out:D6.1 before find-out:D10.1.
bool by_priority(const PlanAction& a, const PlanAction& b) {
    if (a.priority != b.priority) return a.priority > b.priority;
    return natural_less(a.id, b.id);
}

Basis basis_of(const QuestionResult& q) {
    return {q.id, q.mean_risk.value_or(0), q.red_flags, q.critical_answers, q.knowledge_gap, q.answered, q.withheld};
}

} // namespace

int effort_divisor(Level effort) {
    switch (effort) {
    case Level::low: return 1;
    case Level::medium: return 2;
    case Level::high: return 3;
    }
    return 2;
}

Quadrant quadrant_for(Level impact, Level effort) {
    bool high_impact = impact != Level::low;
    bool low_effort = effort == Level::low;
    if (high_impact) return low_effort ? Quadrant::quick_win : Quadrant::major_project;
    return low_effort ? Quadrant::fill_in : Quadrant::reconsider;
}

std::string_view to_string(Quadrant q) {
    switch (q) {
    case Quadrant::quick_win: return "quick-win";
    case Quadrant::major_project: return "major-project";
    case Quadrant::fill_in: return "fill-in";
    case Quadrant::reconsider: return "reconsider";
    }
    return "";
}

std::string_view to_string(ActionKind k) {
    switch (k) {
    case ActionKind::do_no_harm: return "do-no-harm";
    case ActionKind::measure: return "measure";
    case ActionKind::find_out: return "find-out";
    }
    return "";
}

namespace {

// Sorted by priority, then moved so that every action comes after the
// prerequisites it has in the same list: repeatedly the first action
// whose prerequisites are all placed (or outside the list).
void order_by_prerequisites(std::vector<PlanAction>& part) {
    std::vector<PlanAction> out;
    std::vector<bool> placed(part.size(), false);
    auto index_of = [&](const std::string& id) {
        for (std::size_t i = 0; i < part.size(); ++i)
            if (part[i].id == id) return static_cast<int>(i);
        return -1;
    };
    while (out.size() < part.size()) {
        bool progress = false;
        for (std::size_t i = 0; i < part.size(); ++i) {
            if (placed[i]) continue;
            bool ready = true;
            for (const auto& req : part[i].after)
                if (int j = index_of(req); j >= 0 && !placed[static_cast<std::size_t>(j)]) ready = false;
            if (!ready) continue;
            placed[i] = true;
            out.push_back(part[i]);
            progress = true;
            break;
        }
        if (!progress) // a cycle (the loader forbids it): keep the rest in order
            for (std::size_t i = 0; i < part.size(); ++i)
                if (!placed[i]) {
                    placed[i] = true;
                    out.push_back(part[i]);
                }
    }
    part = std::move(out);
}

} // namespace

bool critical_share_met(const RiskModel& model, const QuestionResult& q) {
    return q.critical_answers > 0 && static_cast<double>(q.critical_answers) >= model.critical_share * q.scored_answers - eps;
}

namespace {

bool triggers(const RiskModel& model, const QuestionResult& q, const PlanRules& rules) {
    return q.mean_risk && (*q.mean_risk >= rules.trigger_risk - eps || q.red_flag || critical_share_met(model, q));
}

// The risk a question brings into a measure's priority: its mean risk; for
// a withheld question (shown to fewer than the anonymity threshold) only
// what the plan shows anyway: 1 with a raised red flag, the trigger level
// when it triggers, else 0. So a priority never gives away how the few
// answered (docs/method.md, section 5).
double plan_risk(const RiskModel& model, const QuestionResult& q, const PlanRules& rules) {
    if (!q.withheld) return q.mean_risk.value_or(0);
    if (q.red_flag) return 1;
    return triggers(model, q, rules) ? rules.trigger_risk : 0;
}

} // namespace

Plan make_plan(const Instrument& ins, const Assessment& a, const PlanRules& rules) {
    Plan plan;
    plan.exposure = a.exposure.level;
    std::vector<PlanAction> harm, measures, find_out;

    // How many triggered measures address each question: its risk is split
    // between them, so a question counts once in the plan.
    std::map<std::string, int> sharing;
    for (const Measure& m : ins.measures) {
        bool triggered = false;
        for (const QuestionResult& q : a.questions)
            if (std::find(m.addresses.begin(), m.addresses.end(), q.id) != m.addresses.end() && triggers(ins.risk, q, rules))
                triggered = true;
        if (!triggered) continue;
        for (const QuestionResult& q : a.questions)
            if (std::find(m.addresses.begin(), m.addresses.end(), q.id) != m.addresses.end() && q.mean_risk) ++sharing[q.id];
    }

    for (const Measure& m : ins.measures) {
        PlanAction act;
        act.kind = ActionKind::measure;
        act.id = m.id;
        act.measure = m.id;
        act.effort = m.effort;
        act.impact = m.impact;
        act.quadrant = quadrant_for(m.impact, m.effort);
        act.timeframe = m.timeframe;
        bool triggered = false, red_flag_raised = false;
        // Addressed questions in instrument order, whatever order the measure lists them in.
        for (const QuestionResult& q : a.questions) {
            if (std::find(m.addresses.begin(), m.addresses.end(), q.id) == m.addresses.end() || !q.mean_risk) continue;
            act.questions.push_back(q.id);
            act.risk_addressed += q.weight * plan_risk(ins.risk, q, rules) / std::max(1, sharing[q.id]);
            if (triggers(ins.risk, q, rules)) {
                triggered = true;
                red_flag_raised = red_flag_raised || q.red_flag;
                act.basis.push_back(basis_of(q));
                // A withheld question's evidence is a few people's words.
                if (!q.withheld) act.evidence.insert(act.evidence.end(), q.evidence.begin(), q.evidence.end());
            }
        }
        if (!triggered) continue;
        // A "do no harm" measure jumps the queue only when a red flag was
        // actually raised; otherwise it is an ordinary measure.
        bool harm_now = m.red_flag && red_flag_raised;
        if (harm_now) {
            act.kind = ActionKind::do_no_harm;
            act.timeframe = Timeframe::now;
        }
        std::sort(act.evidence.begin(), act.evidence.end());
        act.after = m.prerequisites;
        act.priority = round2(act.risk_addressed * plan.exposure / effort_divisor(m.effort));
        (harm_now ? harm : measures).push_back(std::move(act));
    }

    // A knowledge gap is cheap to close and comes before deciding: low
    // effort, medium impact, within 3 months.
    for (const QuestionResult& q : a.questions) {
        if (!q.find_out) continue;
        PlanAction act;
        act.kind = ActionKind::find_out;
        act.id = "find-out:" + q.id;
        act.question = q.id;
        act.questions = {q.id};
        act.basis = {basis_of(q)};
        if (!q.withheld) act.evidence = q.evidence;
        act.effort = Level::low;
        act.impact = Level::medium;
        act.quadrant = quadrant_for(act.impact, act.effort);
        act.timeframe = Timeframe::months3;
        // Withheld: the share that calls for it, not the few owners' own.
        act.risk_addressed = q.weight * (q.withheld ? ins.risk.knowledge_gap_share : q.owner_gap);
        act.priority = round2(act.risk_addressed * plan.exposure / effort_divisor(act.effort));
        find_out.push_back(std::move(act));
    }

    // Prerequisites only count when they are in the plan.
    auto in_plan = [&](const std::string& id) {
        auto has = [&](const std::vector<PlanAction>& v) {
            return std::any_of(v.begin(), v.end(), [&](const PlanAction& x) { return x.id == id; });
        };
        return has(harm) || has(measures);
    };
    for (auto* part : {&harm, &measures})
        for (auto& act : *part) {
            std::vector<std::string> kept;
            for (const auto& req : act.after)
                if (in_plan(req)) kept.push_back(req);
            act.after = std::move(kept);
        }
    for (auto* part : {&harm, &measures, &find_out}) {
        std::sort(part->begin(), part->end(), by_priority);
        order_by_prerequisites(*part);
        plan.actions.insert(plan.actions.end(), std::make_move_iterator(part->begin()), std::make_move_iterator(part->end()));
    }
    // The director's plan: at most plan_size measures; "do no harm" always in it.
    int n = 0;
    for (auto& act : plan.actions) {
        if (act.kind == ActionKind::find_out) continue;
        if (++n > ins.report.plan_size && act.kind != ActionKind::do_no_harm) {
            act.later = true;
            ++plan.later;
        }
    }
    return plan;
}

} // namespace zs
