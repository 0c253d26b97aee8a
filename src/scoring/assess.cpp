// assess(): one pass over the responses counts, per question and per role
// group, which options were chosen; every figure is then computed from those
// integer counts (collect -> count -> finish). Questions and options are
// resolved to dense indices once, so the per-answer work is a few integer
// operations and, for answers in template order, one string comparison.
#include "scoring/assessment.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <memory>
#include <unordered_map>

namespace zs {

namespace {

constexpr double eps = 1e-9;

// What the counting needs to know about one question, resolved once.
struct QuestionInfo {
    const Question* q = nullptr;
    int domain = -1;
    const Scale* scale = nullptr;
    bool scored = false;
    int gate = -1;             // index of the condition's question, -1 = none
    std::uint64_t allowed = 0; // options of the gate question that show this one
    std::vector<double> risk;  // per option; NaN = no risk value
    std::vector<OptionKind> kind;
    std::vector<int> score_as;   // per option: the option it is scored as without evidence
    struct FlagRule {
        std::uint64_t options = 0;
        std::vector<std::string> roles; // empty = every role
        double share = 0;
    };
    std::vector<FlagRule> flags; // red-flag rules
    int dont_know = -1;          // the scale's "don't know" option
    int lowest = -1, highest = -1; // answer options at the two ends of the scale
    std::vector<int> exposure;   // per option, 0 = none
    std::vector<NumberStep> steps; // number_risk of a number question
};

// Counts for one question (overall, or within one role group).
struct Count {
    int respondents = 0, skipped = 0, answered = 0, missing = 0;
    int people = 0; // behind `respondents`: a group session counts its participants
    int dont_know = 0, not_applicable = 0, unevidenced = 0, missing_as_dont_know = 0;
    int cannot_know = 0;            // unknown answers without risk (not an owner, or "cannot know")
    int owner_gaps = 0, owner_base = 0; // unknown answers and answers (minus n/a) of owning roles
    int red_flags = 0, critical = 0;
    std::vector<int> rule_hits; // per red-flag rule
    std::vector<int> steps;     // per number_risk step
    std::vector<int> chosen; // per option, as given
    std::vector<int> scored; // per option, the option each scored answer counts as
};

// Text respondents wrote and numbers they gave, overall only.
struct Texts {
    std::vector<std::string> reasons, notes, evidence, texts;
    std::vector<double> numbers;
};

bool blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

int find_option(const Scale& s, const std::string& id) {
    for (std::size_t i = 0; i < s.options.size(); ++i)
        if (s.options[i].id == id) return static_cast<int>(i);
    return -1;
}

std::vector<QuestionInfo> index_questions(const Instrument& ins,
                                          const std::unordered_map<std::string_view, int>& qindex) {
    std::vector<QuestionInfo> infos(ins.question_order.size());
    for (std::size_t qi = 0; qi < infos.size(); ++qi) {
        QuestionInfo& info = infos[qi];
        const auto& ref = ins.question_index.find(ins.question_order[qi])->second;
        info.q = ins.find_question(ins.question_order[qi]);
        info.domain = ref.domain;
        const Question& q = *info.q;
        if (q.kind == QuestionKind::choice || q.kind == QuestionKind::multi) info.scale = ins.find_scale(q.scale);
        if (info.scale && info.scale->options.size() > 64) info.scale = nullptr; // the loader forbids this
        if (info.scale) {
            const auto& opts = info.scale->options;
            std::size_t n = opts.size();
            info.risk.assign(n, std::nan(""));
            info.kind.resize(n);
            info.score_as.resize(n);
            info.exposure.assign(n, 0);
            for (std::size_t i = 0; i < n; ++i) {
                info.kind[i] = opts[i].kind;
                if (opts[i].risk && opts[i].kind != OptionKind::not_applicable) info.risk[i] = *opts[i].risk;
                if (opts[i].exposure) info.exposure[i] = *opts[i].exposure;
                info.score_as[i] = static_cast<int>(i);
                if (opts[i].kind == OptionKind::dont_know && info.dont_know < 0) info.dont_know = static_cast<int>(i);
                if (opts[i].kind == OptionKind::answer && opts[i].risk) {
                    if (info.lowest < 0 || *opts[i].risk < info.risk[static_cast<std::size_t>(info.lowest)]) info.lowest = static_cast<int>(i);
                    if (info.highest < 0 || *opts[i].risk > info.risk[static_cast<std::size_t>(info.highest)]) info.highest = static_cast<int>(i);
                }
                if (!std::isnan(info.risk[i])) info.scored = true;
            }
            if (info.domain < 0 || !q.scored) info.scored = false; // the profile sets exposure; filters only route
            for (const auto& rule : q.red_flags) {
                QuestionInfo::FlagRule fr;
                for (const auto& o : rule.options)
                    if (int oi = find_option(*info.scale, o); oi >= 0) fr.options |= std::uint64_t{1} << oi;
                fr.roles = rule.roles;
                fr.share = rule.share;
                info.flags.push_back(std::move(fr));
            }
            // Leniency applies where the question asks for evidence: the
            // scale's own rule, else the instrument's.
            const bool own = !info.scale->unevidenced_option.empty();
            const std::string& lenient = own ? info.scale->unevidenced_option : ins.risk.unevidenced_option;
            const std::string& counted = own ? info.scale->unevidenced_score_as : ins.risk.unevidenced_score_as;
            if (!lenient.empty() && !q.evidence.empty()) {
                int from = find_option(*info.scale, lenient);
                int to = find_option(*info.scale, counted);
                if (from >= 0 && to >= 0 && !std::isnan(info.risk[static_cast<std::size_t>(to)]))
                    info.score_as[static_cast<std::size_t>(from)] = to;
            }
        }
        if (q.kind == QuestionKind::number && !q.number_risk.empty() && info.domain >= 0) {
            info.steps = q.number_risk;
            info.scored = true;
        }
        if (q.condition) {
            auto it = qindex.find(q.condition->question);
            if (it != qindex.end()) {
                info.gate = it->second;
                const Question* gq = ins.find_question(q.condition->question);
                if (const Scale* gs = gq ? ins.find_scale(gq->scale) : nullptr)
                    for (const auto& a : q.condition->answers)
                        if (int o = find_option(*gs, a); o >= 0 && o < 64) info.allowed |= std::uint64_t{1} << o;
            }
        }
    }
    return infos;
}

// One response, resolved to question indices and option bit masks.
struct Resolved {
    std::vector<std::uint32_t> stamp; // == current response number when answered
    std::vector<std::uint64_t> mask;
    std::vector<const Answer*> answer;
};

// The respondent's role, as the counting needs it.
struct Who {
    const std::string* role = nullptr;
    const std::vector<char>* owns = nullptr; // per question: the role owns the topic
    int people = 1; // a group session: its participants
};

int step_of(const std::vector<NumberStep>& steps, double x) {
    for (std::size_t i = 0; i < steps.size(); ++i)
        if (!steps[i].upto || x <= *steps[i].upto + eps) return static_cast<int>(i);
    return static_cast<int>(steps.size()) - 1;
}

void count_response(const Instrument& ins, const std::vector<QuestionInfo>& infos, const Resolved& rs,
                    std::uint32_t stamp, const Who& who, std::vector<Count>& total, std::vector<Count>& group,
                    std::vector<Texts>* texts, bool keep_texts) {
    const RiskModel& model = ins.risk;
    // Questions skipped for this respondent: a question whose gate is
    // skipped is skipped too (conditions chain; a gate comes first).
    std::vector<char> skipped(infos.size(), 0);
    for (std::size_t qi = 0; qi < infos.size(); ++qi) {
        const QuestionInfo& info = infos[qi];
        Count* counts[2] = {&total[qi], &group[qi]};
        if (info.gate >= 0) {
            auto g = static_cast<std::size_t>(info.gate);
            const Condition& cond = *info.q->condition;
            bool skip = false;
            if (cond.on_number()) {
                const Answer* ga = rs.stamp[g] == stamp ? rs.answer[g] : nullptr;
                skip = ga && ga->number && !cond.holds(*ga->number);
            } else {
                bool gate_answered = rs.stamp[g] == stamp && rs.mask[g] != 0;
                skip = gate_answered && (rs.mask[g] & info.allowed) == 0;
            }
            skip = skip || skipped[g];
            if (skip) {
                skipped[qi] = 1;
                for (Count* c : counts) ++c->skipped;
                continue;
            }
        }
        const bool owner = (*who.owns)[qi] != 0;
        for (Count* c : counts) {
            ++c->respondents;
            c->people += who.people;
        }
        bool has = rs.stamp[qi] == stamp && rs.answer[qi]->answered();
        if (!has) {
            for (Count* c : counts) ++c->missing;
            if (info.scored && info.scale && model.missing == MissingPolicy::as_dont_know && info.dont_know >= 0 &&
                !std::isnan(info.risk[static_cast<std::size_t>(info.dont_know)]))
                for (Count* c : counts) {
                    ++c->missing_as_dont_know;
                    if (owner) {
                        ++c->scored[static_cast<std::size_t>(info.dont_know)];
                        ++c->owner_gaps;
                        ++c->owner_base;
                    } else {
                        ++c->cannot_know;
                    }
                }
            continue;
        }
        for (Count* c : counts) ++c->answered;
        const Answer& a = *rs.answer[qi];
        if (texts) {
            Texts& t = (*texts)[qi];
            if (keep_texts) {
                if (!blank(a.reason)) t.reasons.push_back(a.reason);
                if (!blank(a.note)) t.notes.push_back(a.note);
                if (!blank(a.evidence)) t.evidence.push_back(a.evidence);
                if (a.text && !blank(*a.text)) t.texts.push_back(*a.text);
            }
            if (a.number) t.numbers.push_back(*a.number);
        }
        if (!info.steps.empty() && a.number && info.scored) {
            int st = step_of(info.steps, *a.number);
            for (Count* c : counts) ++c->steps[static_cast<std::size_t>(st)];
            continue;
        }
        if (!info.scale) continue;
        std::uint64_t m = rs.mask[qi];
        // The answer's risk is that of its riskiest option (one option for
        // a choice question); not-applicable options carry none.
        int best = -1;
        bool na = false, dk = false, lenient = false;
        for (std::size_t o = 0; o < info.kind.size(); ++o) {
            if (!(m >> o & 1)) continue;
            for (Count* c : counts) ++c->chosen[o];
            if (info.kind[o] == OptionKind::not_applicable) na = true;
            // Only the evidence rule makes an answer lenient; "cannot know"
            // counted as "don't know" is not an answer without evidence.
            const bool unproven = blank(a.evidence) && info.score_as[o] != static_cast<int>(o);
            int as = unproven ? info.score_as[o] : static_cast<int>(o);
            if (info.kind[o] == OptionKind::dont_know || info.kind[o] == OptionKind::cannot_know) {
                dk = true;
                // Not knowing counts as a risk only for a role that owns the
                // topic; "cannot know" from an owner counts as "don't know".
                if (!owner) continue;
                if (info.kind[o] == OptionKind::cannot_know) {
                    if (info.dont_know < 0) continue;
                    as = info.dont_know;
                }
            }
            auto ai = static_cast<std::size_t>(as);
            if (std::isnan(info.risk[ai])) continue;
            if (best < 0 || info.risk[ai] > info.risk[static_cast<std::size_t>(best)]) {
                best = as;
                lenient = unproven && info.kind[o] == OptionKind::answer;
            }
        }
        if (info.scored) {
            bool flagged = false;
            for (std::size_t k = 0; k < info.flags.size(); ++k) {
                const auto& fr = info.flags[k];
                if (!(m & fr.options)) continue;
                if (!fr.roles.empty() && std::find(fr.roles.begin(), fr.roles.end(), *who.role) == fr.roles.end()) continue;
                flagged = true;
                for (Count* c : counts) ++c->rule_hits[k];
            }
            if (flagged)
                for (Count* c : counts) ++c->red_flags;
        }
        if (dk)
            for (Count* c : counts) ++c->dont_know;
        if (owner && !(na && best < 0))
            for (Count* c : counts) {
                ++c->owner_base;
                if (dk && !(best >= 0 && info.kind[static_cast<std::size_t>(best)] == OptionKind::answer)) ++c->owner_gaps;
            }
        if (best < 0) {
            if (na && !dk)
                for (Count* c : counts) ++c->not_applicable;
            else if (dk && info.scored)
                for (Count* c : counts) ++c->cannot_know;
            continue;
        }
        if (!info.scored) continue;
        double r = info.risk[static_cast<std::size_t>(best)];
        bool critical = info.q->weight >= model.critical_weight && r >= model.critical_risk - eps;
        for (Count* c : counts) {
            ++c->scored[static_cast<std::size_t>(best)];
            if (lenient) ++c->unevidenced;
            if (critical) ++c->critical;
        }
    }
}

QuestionResult finish_question(const Instrument& ins, const QuestionInfo& info, const Count& c) {
    const RiskModel& model = ins.risk;
    QuestionResult r;
    r.id = info.q->id;
    r.domain = info.domain;
    r.weight = info.q->weight;
    r.scored = info.scored;
    r.respondents = c.respondents;
    r.people = c.people;
    r.skipped = c.skipped;
    r.answered = c.answered;
    r.missing = c.missing;
    r.dont_know = c.dont_know;
    r.not_applicable = c.not_applicable;
    r.unevidenced = c.unevidenced;
    r.red_flags = c.red_flags;
    r.critical_answers = c.critical;
    r.cannot_know = c.cannot_know;
    r.number_scored = !info.steps.empty() && info.scored;
    if (info.scale) {
        for (std::size_t o = 0; o < c.chosen.size(); ++o) {
            OptionCount oc{info.scale->options[o].id, c.chosen[o], 0};
            if (c.answered > 0) oc.share = static_cast<double>(c.chosen[o]) / c.answered;
            r.options.push_back(oc);
        }
    }
    if (!info.steps.empty()) {
        // A scored number question: each number counts at its step's risk.
        int n = 0;
        double sum = 0;
        for (std::size_t k = 0; k < c.steps.size(); ++k) {
            n += c.steps[k];
            sum += c.steps[k] * info.steps[k].risk;
        }
        r.scored_answers = n;
        if (n > 0) {
            double mean = sum / n, var = 0;
            for (std::size_t k = 0; k < c.steps.size(); ++k)
                var += c.steps[k] * (info.steps[k].risk - mean) * (info.steps[k].risk - mean);
            r.mean_risk = mean;
            r.risk_low = r.risk_high = mean;
            r.spread = std::sqrt(var / n);
            r.disagreement = n >= 2 && r.spread > model.disagreement_spread + eps;
        }
        return r;
    }
    int n = 0, informed = 0, unknown = c.cannot_know;
    double sum = 0, informed_sum = 0;
    for (std::size_t o = 0; o < c.scored.size(); ++o) {
        if (c.scored[o] == 0) continue; // options without a risk are never scored
        n += c.scored[o];
        sum += c.scored[o] * info.risk[o];
        if (info.kind[o] == OptionKind::answer) {
            informed += c.scored[o];
            informed_sum += c.scored[o] * info.risk[o];
        } else {
            unknown += c.scored[o];
        }
    }
    r.scored_answers = n;
    r.unknown = unknown;
    if (info.scored && informed + unknown > 0) {
        double all = informed + unknown;
        r.risk_low = informed_sum / all;
        r.risk_high = (informed_sum + unknown) / all;
    }
    if (n > 0) {
        double mean = sum / n;
        double var = 0;
        for (std::size_t o = 0; o < c.scored.size(); ++o)
            if (c.scored[o]) var += c.scored[o] * (info.risk[o] - mean) * (info.risk[o] - mean);
        r.mean_risk = mean;
        r.spread = std::sqrt(var / n);
        // Opposites: at least disagreement_share of the scored answers at each end.
        auto at_end = [&](int o) {
            int k = c.chosen[static_cast<std::size_t>(o)];
            return k > 0 && static_cast<double>(k) >= model.disagreement_share * n - eps;
        };
        r.opposites = info.lowest >= 0 && info.highest != info.lowest && at_end(info.lowest) && at_end(info.highest);
        r.disagreement = n >= 2 && ((model.disagreement_opposites && r.opposites) || r.spread > model.disagreement_spread + eps);
    }
    int flag_base = c.answered - c.not_applicable;
    for (std::size_t k = 0; k < info.flags.size(); ++k)
        if (c.rule_hits[k] > 0 && static_cast<double>(c.rule_hits[k]) >= info.flags[k].share * flag_base - eps) r.red_flag = true;
    int gaps = c.dont_know + c.missing_as_dont_know;
    int base = c.answered - c.not_applicable + c.missing_as_dont_know;
    if (info.scored && base > 0) {
        r.knowledge_gap = static_cast<double>(gaps) / base;
    }
    if (info.scored && c.owner_base > 0) {
        r.owner_gap = static_cast<double>(c.owner_gaps) / c.owner_base;
        r.find_out = c.owner_gaps > 0 && r.owner_gap >= model.knowledge_gap_share - eps;
    }
    if (info.domain < 0 && info.scale) {
        // Median exposure of the answers; with an even count the higher of
        // the two middle ones (the cautious choice).
        std::vector<int> levels;
        for (std::size_t o = 0; o < c.chosen.size(); ++o)
            if (info.exposure[o] > 0) levels.insert(levels.end(), static_cast<std::size_t>(c.chosen[o]), info.exposure[o]);
        if (!levels.empty()) {
            std::sort(levels.begin(), levels.end());
            r.exposure = levels[levels.size() / 2];
        }
    }
    return r;
}

int band_index(const RiskModel& m, std::string_view id) {
    for (std::size_t i = 0; i < m.bands.size(); ++i)
        if (m.bands[i].id == id) return static_cast<int>(i);
    return -1;
}

// Median exposure levels of the profile questions, combined by `method`:
// the mean rounded half up, or the maximum. 0 when none was answered.
int combine_exposure(const std::vector<int>& levels, ExposureMethod method, double* value = nullptr) {
    int n = 0, sum = 0, max = 0;
    for (int l : levels)
        if (l > 0) {
            ++n;
            sum += l;
            max = std::max(max, l);
        }
    if (n == 0) return 0;
    if (method == ExposureMethod::max) {
        if (value) *value = max;
        return max;
    }
    if (value) *value = static_cast<double>(sum) / n;
    return std::clamp((2 * sum + n) / (2 * n), 1, 5); // rounded half up
}

// The likelihood a band stands for: that of its lowest percentage.
int band_floor_likelihood(const RiskModel& model, int band) {
    if (band <= 0) return 1;
    return std::min(5, static_cast<int>(std::floor(model.bands[static_cast<std::size_t>(band - 1)].upto / 20.0)) + 1);
}

std::vector<DomainResult> finish_domains(const Instrument& ins, const std::vector<QuestionResult>& qs) {
    const RiskModel& model = ins.risk;
    std::vector<DomainResult> out;
    for (std::size_t d = 0; d < ins.domains.size(); ++d) {
        DomainResult dr;
        dr.id = ins.domains[d].id;
        double wsum = 0, wrisk = 0, rsum = 0, rlow = 0, rhigh = 0;
        int gaps = 0, base = 0, skipped = 0, not_applicable = 0;
        bool withheld = false;
        for (const auto& q : qs) {
            if (q.domain != static_cast<int>(d) || !q.scored) continue;
            if (q.red_flag) dr.red_flag_questions.push_back(q.id);
            // The critical lift needs a share of critical answers, not one.
            if (q.critical_answers > 0 &&
                static_cast<double>(q.critical_answers) >= model.critical_share * q.scored_answers - eps)
                dr.critical_questions.push_back(q.id);
            // A withheld question counts only by its red flag and its
            // critical lift, as a red flag does: in the score it could be
            // worked out from the theme and the other questions.
            if (q.withheld) {
                withheld = true;
                continue;
            }
            if (q.weight >= model.critical_weight) {
                dr.critical_answers += q.critical_answers;
                dr.critical_base += q.scored_answers;
            }
            if (q.disagreement) ++dr.disagreements;
            if (q.mean_risk) {
                wsum += q.weight;
                wrisk += q.weight * *q.mean_risk;
            }
            if (q.risk_low) {
                rsum += q.weight;
                rlow += q.weight * *q.risk_low;
                rhigh += q.weight * *q.risk_high;
            }
            gaps += q.dont_know;
            base += q.answered - q.not_applicable;
            skipped += q.skipped;
            not_applicable += q.not_applicable;
        }
        // Missing answers scored as "don't know" count as gaps as well.
        if (model.missing == MissingPolicy::as_dont_know)
            for (const auto& q : qs)
                if (q.domain == static_cast<int>(d) && q.scored && !q.withheld) {
                    int extra = std::max(0, q.unknown - q.dont_know); // missing scored as "don't know"
                    gaps += extra;
                    base += extra;
                }
        if (base > 0) dr.knowledge_gap = static_cast<double>(gaps) / base;
        // Closed by its conditions for everyone, or all "not applicable".
        dr.not_applicable = rsum == 0 && base == 0 && (skipped > 0 || not_applicable > 0) && !withheld;
        dr.withheld = withheld && wsum == 0;
        int idx = -1;
        if (wsum > 0) {
            double pct = std::clamp(wrisk / wsum * 100.0, 0.0, 100.0);
            dr.risk = pct;
            if (const RiskBand* b = model.band_for(pct)) {
                dr.score_band = b->id;
                idx = band_index(model, b->id);
            }
        }
        if (rsum > 0) {
            dr.risk_low = std::clamp(rlow / rsum * 100.0, 0.0, 100.0);
            dr.risk_high = std::clamp(rhigh / rsum * 100.0, 0.0, 100.0);
            if (const RiskBand* b = model.band_for(*dr.risk_low)) dr.band_low = b->id;
            if (const RiskBand* b = model.band_for(*dr.risk_high)) dr.band_high = b->id;
        }
        dr.show_range = dr.risk_low && dr.knowledge_gap >= model.knowledge_gap_range - eps && gaps > 0;
        int lifted = idx;
        if (!dr.critical_questions.empty()) {
            int c = band_index(model, model.critical_band);
            if (c > lifted) {
                lifted = c;
                dr.lifted_critical = true;
            }
        }
        // A red flag is an alert; it moves the band only when the instrument says so.
        if (!dr.red_flag_questions.empty() && model.red_flag_lifts) {
            int c = band_index(model, model.red_flag_band);
            if (c > lifted) {
                lifted = c;
                dr.lifted_red_flag = true;
                dr.lifted_critical = false;
            }
        }
        // A withheld domain has no band: its red flags are listed on their own.
        if (dr.withheld) {
            dr.lifted_critical = dr.lifted_red_flag = false;
            dr.critical_questions.clear();
        } else if (lifted >= 0) {
            dr.band = model.bands[static_cast<std::size_t>(lifted)].id;
        }
        if (dr.risk) {
            dr.likelihood = likelihood_for(*dr.risk);
            // A lifted band lifts the likelihood to that of the band's lowest percentage.
            if (lifted > idx && lifted > 0) dr.likelihood = std::max(dr.likelihood, band_floor_likelihood(model, lifted));
        }
        // The domain's own exposure from its profile questions.
        if (const auto& de = ins.domains[d].exposure) {
            std::vector<int> levels;
            for (const auto& f : de->from)
                for (const auto& q : qs)
                    if (q.id == f && q.domain < 0) levels.push_back(q.exposure);
            dr.exposure = combine_exposure(levels, de->method);
            dr.own_exposure = true;
        }
        out.push_back(std::move(dr));
    }
    return out;
}

Exposure finish_exposure(const Instrument& ins, const std::vector<QuestionResult>& qs) {
    Exposure e;
    std::vector<int> levels;
    for (const auto& q : qs)
        if (q.domain < 0) levels.push_back(q.exposure);
    int level = combine_exposure(levels, ins.profile.method, &e.value);
    if (level == 0) return e;
    e.known = true;
    e.level = level;
    return e;
}

} // namespace

int likelihood_for(double percentage) {
    if (percentage <= 20 + eps) return 1;
    if (percentage <= 40 + eps) return 2;
    if (percentage <= 60 + eps) return 3;
    if (percentage <= 80 + eps) return 4;
    return 5;
}

std::string_view to_string(ConfidenceLevel c) {
    switch (c) {
    case ConfidenceLevel::high: return "high";
    case ConfidenceLevel::medium: return "medium";
    case ConfidenceLevel::low: return "low";
    }
    return "high";
}

const QuestionResult* Assessment::find_question(std::string_view id) const {
    for (const auto& q : questions)
        if (q.id == id) return &q;
    return nullptr;
}

const DomainResult* Assessment::find_domain(std::string_view id) const {
    for (const auto& d : domains)
        if (d.id == id) return &d;
    return nullptr;
}

struct Assessor::State {
    const Instrument& ins;
    ScoringRules rules;
    std::unordered_map<std::string_view, int> qindex;
    std::vector<QuestionInfo> infos;
    std::vector<Count> total;
    std::vector<std::string> roles; // groups (role or pool id) in order of first appearance
    std::vector<std::vector<Count>> groups;
    std::vector<int> group_size;
    std::map<std::string, std::vector<char>, std::less<>> owns; // per respondent role: owns each question
    // Consistency rules: option masks of both sides, and counts.
    struct RuleState {
        int when_q = -1, con_q = -1;
        std::uint64_t when_mask = 0, con_mask = 0;
        Contradiction counts;
    };
    std::vector<RuleState> rules_state;
    std::vector<char> domain_has_owners;
    std::vector<int> domain_owner_respondents; // respondents of an owning role who answered in the domain
    std::vector<Texts> texts;
    Resolved rs;
    std::uint32_t stamp = 0;
    int respondents = 0, sessions = 0;

    State(const Instrument& i, const ScoringRules& r) : ins(i), rules(r) {
        for (std::size_t q = 0; q < ins.question_order.size(); ++q) qindex.emplace(ins.question_order[q], static_cast<int>(q));
        infos = index_questions(ins, qindex);
        std::size_t nq = infos.size();
        total = fresh();
        texts.resize(nq);
        rs.stamp.assign(nq, 0);
        rs.mask.assign(nq, 0);
        rs.answer.assign(nq, nullptr);
        domain_has_owners.assign(ins.domains.size(), 0);
        domain_owner_respondents.assign(ins.domains.size(), 0);
        for (std::size_t d = 0; d < ins.domains.size(); ++d) {
            bool any = !ins.domains[d].owners.empty();
            for (const auto& q : ins.domains[d].questions) any = any || (q.owners && !q.owners->empty());
            domain_has_owners[d] = any ? 1 : 0;
        }
        for (const auto& c : ins.risk.consistency) {
            RuleState st;
            st.counts.rule = c.id;
            auto side = [&](const std::string& q, const std::vector<std::string>& answers, int& qi, std::uint64_t& mask) {
                auto it = qindex.find(q);
                if (it == qindex.end()) return;
                qi = it->second;
                if (const Scale* sc = infos[static_cast<std::size_t>(qi)].scale)
                    for (const auto& a : answers)
                        if (int o = find_option(*sc, a); o >= 0) mask |= std::uint64_t{1} << o;
            };
            side(c.when_question, c.when_answers, st.when_q, st.when_mask);
            side(c.contradicts_question, c.contradicts_answers, st.con_q, st.con_mask);
            rules_state.push_back(std::move(st));
        }
    }

    const std::vector<char>& owns_of(const std::string& role) {
        auto it = owns.find(role);
        if (it != owns.end()) return it->second;
        std::vector<char> v(infos.size());
        for (std::size_t qi = 0; qi < infos.size(); ++qi) v[qi] = ins.owns(infos[qi].q->id, role) ? 1 : 0;
        return owns.emplace(role, std::move(v)).first->second;
    }

    std::vector<Count> fresh() const {
        std::vector<Count> v(infos.size());
        for (std::size_t qi = 0; qi < infos.size(); ++qi) {
            std::size_t n = infos[qi].scale ? infos[qi].scale->options.size() : 0;
            v[qi].chosen.assign(n, 0);
            v[qi].scored.assign(n, 0);
            v[qi].rule_hits.assign(infos[qi].flags.size(), 0);
            v[qi].steps.assign(infos[qi].steps.size(), 0);
        }
        return v;
    }

    std::size_t group_of(const std::string& role) {
        for (std::size_t g = 0; g < roles.size(); ++g)
            if (roles[g] == role) return g;
        roles.push_back(role);
        groups.push_back(fresh());
        group_size.push_back(0);
        return roles.size() - 1;
    }
};

Assessor::Assessor(const Instrument& ins, const ScoringRules& rules) : s_(std::make_unique<State>(ins, rules)) {}
Assessor::~Assessor() = default;

void Assessor::add(const Response& resp) {
    State& s = *s_;
    const std::size_t nq = s.infos.size();
    const auto& order = s.ins.question_order;
    ++s.stamp;
    ++s.respondents;
    if (resp.respondent.is_session()) ++s.sessions;
    std::size_t cursor = 0;
    for (const Answer& a : resp.answers) {
        // Answers mostly come in template order: try the next question first.
        std::size_t qi;
        if (cursor < nq && order[cursor] == a.question) {
            qi = cursor;
        } else {
            auto it = s.qindex.find(a.question);
            if (it == s.qindex.end()) continue;
            qi = static_cast<std::size_t>(it->second);
        }
        cursor = qi + 1;
        s.rs.stamp[qi] = s.stamp;
        s.rs.answer[qi] = &a;
        std::uint64_t m = 0;
        if (const Scale* sc = s.infos[qi].scale)
            for (const auto& o : a.options)
                if (int oi = find_option(*sc, o); oi >= 0) m |= std::uint64_t{1} << oi;
        s.rs.mask[qi] = m;
    }
    std::size_t g = s.group_of(s.ins.group_of(resp.respondent.role));
    ++s.group_size[g];
    Who who{&resp.respondent.role, &s.owns_of(resp.respondent.role), std::max(1, resp.respondent.participants)};
    count_response(s.ins, s.infos, s.rs, s.stamp, who, s.total, s.groups[g], &s.texts, s.rules.keep_texts);
    if (!resp.respondent.role.empty()) {
        std::vector<char> seen(s.ins.domains.size(), 0);
        for (std::size_t qi = 0; qi < nq; ++qi) {
            int d = s.infos[qi].domain;
            if (d < 0 || seen[static_cast<std::size_t>(d)] || !s.domain_has_owners[static_cast<std::size_t>(d)]) continue;
            if ((*who.owns)[qi] && s.rs.stamp[qi] == s.stamp && s.rs.answer[qi]->answered()) {
                seen[static_cast<std::size_t>(d)] = 1;
                ++s.domain_owner_respondents[static_cast<std::size_t>(d)];
            }
        }
    }
    for (auto& st : s.rules_state) {
        auto hit = [&](int qi, std::uint64_t mask) {
            return qi >= 0 && s.rs.stamp[static_cast<std::size_t>(qi)] == s.stamp && (s.rs.mask[static_cast<std::size_t>(qi)] & mask) != 0;
        };
        bool w = hit(st.when_q, st.when_mask), c = hit(st.con_q, st.con_mask);
        if (w) ++st.counts.when;
        if (c) ++st.counts.contradicts;
        if (w && c) ++st.counts.both;
    }
}

Assessment assess(const Instrument& ins, const std::vector<Response>& responses, const ScoringRules& rules) {
    Assessor assessor(ins, rules);
    for (const Response& r : responses) assessor.add(r);
    return assessor.finish();
}

Assessment Assessor::finish() {
    State& s = *s_;
    const Instrument& ins = s.ins;
    const ScoringRules& rules = s.rules;
    const std::vector<QuestionInfo>& infos = s.infos;
    const std::size_t nq = infos.size();
    Assessment out;
    out.instrument = ins.id;
    out.version = ins.version.text;
    out.respondents = s.respondents;
    out.sessions = s.sessions;
    auto& total = s.total;
    auto& texts = s.texts;

    // Role groups: the instrument's roles in order, then unknown ones by id, then "".
    // A pool takes the place of its first role.
    std::vector<std::size_t> by_order;
    for (const auto& r : ins.roles) {
        std::string key = ins.group_of(r.id);
        for (std::size_t g = 0; g < s.roles.size(); ++g)
            if (s.roles[g] == key && std::find(by_order.begin(), by_order.end(), g) == by_order.end()) by_order.push_back(g);
    }
    auto is_pool = [&](const std::string& id) {
        return std::any_of(ins.risk.pools.begin(), ins.risk.pools.end(), [&](const RolePool& p) { return p.id == id; });
    };
    std::vector<std::size_t> extra;
    for (std::size_t g = 0; g < s.roles.size(); ++g)
        if (!s.roles[g].empty() && !ins.find_role(s.roles[g]) && !is_pool(s.roles[g])) extra.push_back(g);
    std::sort(extra.begin(), extra.end(), [&](std::size_t a, std::size_t b) { return s.roles[a] < s.roles[b]; });
    by_order.insert(by_order.end(), extra.begin(), extra.end());
    for (std::size_t g = 0; g < s.roles.size(); ++g)
        if (s.roles[g].empty()) by_order.push_back(g);
    const std::vector<std::string>& roles = s.roles;
    const std::vector<int>& group_size = s.group_size;
    auto& groups = s.groups;

    // Too few answers to show on their own; and too few to call a
    // disagreement, which would say how they were split. The crowd an answer
    // hides in is everyone the question was shown to; a group session's
    // consensus hides its participants.
    auto withhold = [&](QuestionResult& q) {
        bool anonymous = q.domain < 0 || ins.domains[static_cast<std::size_t>(q.domain)].anonymous;
        q.withheld = anonymous && q.answered > 0 && q.people < ins.risk.anonymity_threshold;
        if (q.withheld) q.disagreement = false;
    };
    for (std::size_t qi = 0; qi < nq; ++qi) {
        QuestionResult q = finish_question(ins, infos[qi], total[qi]);
        q.reasons = std::move(texts[qi].reasons);
        q.notes = std::move(texts[qi].notes);
        q.evidence = std::move(texts[qi].evidence);
        std::sort(q.reasons.begin(), q.reasons.end());
        std::sort(q.notes.begin(), q.notes.end());
        q.texts = std::move(texts[qi].texts);
        q.numbers = std::move(texts[qi].numbers);
        std::sort(q.evidence.begin(), q.evidence.end());
        std::sort(q.texts.begin(), q.texts.end());
        std::sort(q.numbers.begin(), q.numbers.end());
        withhold(q);
        out.questions.push_back(std::move(q));
    }
    out.domains = finish_domains(ins, out.questions);
    out.exposure = finish_exposure(ins, out.questions);

    // The overall picture.
    double wsum = 0, wrisk = 0;
    int worst = -1;
    for (std::size_t d = 0; d < out.domains.size(); ++d) {
        const DomainResult& dr = out.domains[d];
        if (dr.risk) {
            wsum += ins.domains[d].weight;
            wrisk += ins.domains[d].weight * *dr.risk;
        }
        worst = std::max(worst, band_index(ins.risk, dr.band));
    }
    if (wsum > 0) {
        out.overall.risk = wrisk / wsum;
        if (const RiskBand* b = ins.risk.band_for(*out.overall.risk)) out.overall.band = b->id;
    }
    if (worst >= 0) out.overall.worst_band = ins.risk.bands[static_cast<std::size_t>(worst)].id;
    for (const auto& dr : out.domains) {
        if (dr.not_applicable) ++out.overall.not_applicable;
        if (dr.own_exposure) out.domain_exposure = true;
    }
    for (const auto& st : s.rules_state)
        if (st.counts.when > 0 && st.counts.contradicts > 0) out.contradictions.push_back(st.counts);
    for (const auto& q : out.questions) {
        if (q.domain < 0) continue;
        if (q.red_flag) ++out.overall.red_flags;
        if (q.critical_answers > 0) ++out.overall.critical;
        if (q.disagreement) ++out.overall.disagreements;
        if (q.find_out) ++out.overall.find_out;
    }

    // Role groups, with complementary suppression: the hidden groups together
    // must reach the threshold, or "total minus the shown groups" would
    // reveal them; so the smallest shown group is hidden too, until they do
    // (or nothing is shown). An attributed session is shown by name whatever
    // its size: it counts as shown.
    const std::vector<std::size_t>& present = by_order;
    const int threshold = ins.risk.anonymity_threshold;
    auto attributed = [&](std::size_t g) {
        const Role* r = ins.find_role(roles[g]);
        return r && r->attributed;
    };
    std::vector<bool> hidden(roles.size(), false), complementary(roles.size(), false);
    int hidden_sum = 0;
    for (std::size_t g : present)
        if (!attributed(g) && group_size[g] < threshold) {
            hidden[g] = true;
            hidden_sum += group_size[g];
        }
    while (hidden_sum > 0 && hidden_sum < threshold) {
        std::size_t pick = roles.size();
        for (std::size_t g : present) {
            if (hidden[g] || attributed(g)) continue;
            if (pick == roles.size() || group_size[g] < group_size[pick] ||
                (group_size[g] == group_size[pick] && roles[g] < roles[pick]))
                pick = g;
        }
        if (pick == roles.size()) {
            // Only attributed sessions are left: "total minus them" would
            // give the hidden groups, so they are not shown either.
            for (std::size_t g : present)
                if (!hidden[g]) {
                    hidden[g] = true;
                    complementary[g] = true;
                }
            break;
        }
        hidden[pick] = true;
        complementary[pick] = true;
        hidden_sum += group_size[pick];
    }
    for (std::size_t g : present) {
        GroupResult gr;
        gr.role = roles[g];
        gr.pool = is_pool(roles[g]);
        gr.attributed = attributed(g);
        gr.respondents = group_size[g];
        gr.suppressed = hidden[g];
        gr.complementary = complementary[g];
        if (!gr.suppressed) {
            std::vector<QuestionResult> qs;
            qs.reserve(nq);
            for (std::size_t qi = 0; qi < nq; ++qi) {
                qs.push_back(finish_question(ins, infos[qi], groups[g][qi]));
                withhold(qs.back());
                // Withheld in the whole, withheld in every group.
                qs.back().withheld = qs.back().withheld || out.questions[qi].withheld;
            }
            gr.domains = finish_domains(ins, qs);
            for (const auto& q : qs) gr.questions.push_back(q.withheld ? std::nullopt : q.mean_risk);
            for (std::size_t qi = 0; qi < nq; ++qi)
                gr.chosen.push_back(qs[qi].withheld ? std::vector<int>{} : groups[g][qi].chosen);
        }
        out.groups.push_back(std::move(gr));
    }

    // Confidence: knowledge gap (among owners), missing answers, share of
    // questions with disagreement, role coverage.
    {
        int gaps = 0, base = 0, missing = 0, shown = 0, questions = 0, disagreements = 0;
        for (std::size_t qi = 0; qi < nq; ++qi) {
            const QuestionResult& q = out.questions[qi];
            if (q.domain < 0 || !q.scored) continue;
            gaps += total[qi].owner_gaps;
            base += total[qi].owner_base;
            missing += q.missing;
            shown += q.answered + q.missing;
            if (q.mean_risk) ++questions;
            if (q.disagreement) ++disagreements;
        }
        Confidence& c = out.confidence;
        c.knowledge_gap = base > 0 ? static_cast<double>(gaps) / base : 0;
        c.missing = shown > 0 ? static_cast<double>(missing) / shown : 0;
        c.disagreement_share = questions > 0 ? static_cast<double>(disagreements) / questions : 0;
        c.few_respondents = out.respondents < ins.risk.anonymity_threshold;
        for (std::size_t d = 0; d < out.domains.size(); ++d) {
            out.domains[d].owners_answered = s.domain_has_owners[d] ? s.domain_owner_respondents[d] : -1;
            if (s.domain_has_owners[d] && s.domain_owner_respondents[d] == 0 && !out.domains[d].not_applicable)
                c.uncovered_domains.push_back(out.domains[d].id);
        }
        if (c.few_respondents || c.knowledge_gap >= rules.confidence_gap_low - eps || c.missing >= rules.confidence_missing_low - eps ||
            c.disagreement_share >= rules.confidence_disagreement_low - eps)
            c.level = ConfidenceLevel::low;
        else if (c.knowledge_gap >= rules.confidence_gap_medium - eps || c.missing >= rules.confidence_missing_medium - eps ||
                 c.disagreement_share >= rules.confidence_disagreement_medium - eps || !c.uncovered_domains.empty())
            c.level = ConfidenceLevel::medium;
    }

    // Marked differences between shown groups, per domain: the lowest and
    // the highest group when they lie far enough apart.
    for (std::size_t d = 0; d < out.domains.size(); ++d) {
        const GroupResult* lo = nullptr;
        const GroupResult* hi = nullptr;
        for (const auto& gr : out.groups) {
            if (gr.suppressed || !gr.domains[d].risk) continue;
            double v = *gr.domains[d].risk;
            if (!lo || v < *lo->domains[d].risk) lo = &gr;
            if (!hi || v > *hi->domains[d].risk) hi = &gr;
        }
        if (lo && hi && *hi->domains[d].risk - *lo->domains[d].risk >= rules.group_difference_points - eps)
            out.differences.push_back({out.domains[d].id, lo->role, hi->role, *lo->domains[d].risk, *hi->domains[d].risk});
    }
    return out;
}

void withhold_small_questions(Assessment& a) {
    for (auto& q : a.questions) {
        if (!q.withheld) continue;
        QuestionResult kept;
        kept.id = std::move(q.id);
        kept.domain = q.domain;
        kept.weight = q.weight;
        kept.scored = q.scored;
        kept.withheld = true;
        kept.respondents = q.respondents;
        kept.people = q.people;
        kept.skipped = q.skipped;
        kept.answered = q.answered;
        kept.missing = q.missing;
        kept.red_flag = q.red_flag;
        kept.find_out = q.find_out;
        kept.number_scored = q.number_scored;
        q = std::move(kept);
    }
}

} // namespace zs
