// assess(): one pass over the responses counts, per question and per role
// group, which options were chosen; every figure is then computed from those
// integer counts (collect -> count -> finish). Questions and options are
// resolved to dense indices once, so the per-answer work is a few integer
// operations and, for answers in template order, one string comparison.
#include "scoring/assessment.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
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
    std::uint64_t red_flag = 0;  // options that raise a red flag
    int dont_know = -1;          // the scale's "don't know" option
    int lowest = -1, highest = -1; // answer options at the two ends of the scale
    std::vector<int> exposure;   // per option, 0 = none
};

// Counts for one question (overall, or within one role group).
struct Count {
    int respondents = 0, skipped = 0, answered = 0, missing = 0;
    int dont_know = 0, not_applicable = 0, unevidenced = 0, missing_as_dont_know = 0;
    int red_flags = 0, critical = 0;
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
                if (std::find(q.red_flag.begin(), q.red_flag.end(), opts[i].id) != q.red_flag.end())
                    info.red_flag |= std::uint64_t{1} << i;
                if (opts[i].kind == OptionKind::answer && opts[i].risk) {
                    if (info.lowest < 0 || *opts[i].risk < info.risk[static_cast<std::size_t>(info.lowest)]) info.lowest = static_cast<int>(i);
                    if (info.highest < 0 || *opts[i].risk > info.risk[static_cast<std::size_t>(info.highest)]) info.highest = static_cast<int>(i);
                }
                if (!std::isnan(info.risk[i])) info.scored = true;
            }
            if (info.domain < 0) info.scored = false; // the profile sets exposure, not risk
            // Leniency applies where the question asks for evidence.
            if (!ins.risk.unevidenced_option.empty() && !q.evidence.empty()) {
                int from = find_option(*info.scale, ins.risk.unevidenced_option);
                int to = find_option(*info.scale, ins.risk.unevidenced_score_as);
                if (from >= 0 && to >= 0 && !std::isnan(info.risk[static_cast<std::size_t>(to)]))
                    info.score_as[static_cast<std::size_t>(from)] = to;
            }
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

void count_response(const Instrument& ins, const std::vector<QuestionInfo>& infos, const Resolved& rs,
                    std::uint32_t stamp, std::vector<Count>& total, std::vector<Count>& group, std::vector<Texts>* texts) {
    const RiskModel& model = ins.risk;
    for (std::size_t qi = 0; qi < infos.size(); ++qi) {
        const QuestionInfo& info = infos[qi];
        Count* counts[2] = {&total[qi], &group[qi]};
        if (info.gate >= 0) {
            auto g = static_cast<std::size_t>(info.gate);
            bool gate_answered = rs.stamp[g] == stamp && rs.mask[g] != 0;
            if (gate_answered && (rs.mask[g] & info.allowed) == 0) {
                for (Count* c : counts) ++c->skipped;
                continue;
            }
        }
        for (Count* c : counts) ++c->respondents;
        bool has = rs.stamp[qi] == stamp && rs.answer[qi]->answered();
        if (!has) {
            for (Count* c : counts) ++c->missing;
            if (info.scored && model.missing == MissingPolicy::as_dont_know && info.dont_know >= 0 &&
                !std::isnan(info.risk[static_cast<std::size_t>(info.dont_know)]))
                for (Count* c : counts) {
                    ++c->missing_as_dont_know;
                    ++c->scored[static_cast<std::size_t>(info.dont_know)];
                }
            continue;
        }
        for (Count* c : counts) ++c->answered;
        const Answer& a = *rs.answer[qi];
        if (texts) {
            Texts& t = (*texts)[qi];
            if (!blank(a.reason)) t.reasons.push_back(a.reason);
            if (!blank(a.note)) t.notes.push_back(a.note);
            if (!blank(a.evidence)) t.evidence.push_back(a.evidence);
            if (a.text && !blank(*a.text)) t.texts.push_back(*a.text);
            if (a.number) t.numbers.push_back(*a.number);
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
            if (info.kind[o] == OptionKind::dont_know) dk = true;
            int as = blank(a.evidence) ? info.score_as[o] : static_cast<int>(o);
            auto ai = static_cast<std::size_t>(as);
            if (std::isnan(info.risk[ai])) continue;
            if (best < 0 || info.risk[ai] > info.risk[static_cast<std::size_t>(best)]) {
                best = as;
                lenient = as != static_cast<int>(o);
            }
        }
        if (m & info.red_flag)
            for (Count* c : counts) ++c->red_flags;
        if (dk)
            for (Count* c : counts) ++c->dont_know;
        if (best < 0) {
            if (na)
                for (Count* c : counts) ++c->not_applicable;
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
    r.skipped = c.skipped;
    r.answered = c.answered;
    r.missing = c.missing;
    r.dont_know = c.dont_know;
    r.not_applicable = c.not_applicable;
    r.unevidenced = c.unevidenced;
    r.red_flags = c.red_flags;
    r.critical_answers = c.critical;
    if (info.scale) {
        for (std::size_t o = 0; o < c.chosen.size(); ++o) {
            OptionCount oc{info.scale->options[o].id, c.chosen[o], 0};
            if (c.answered > 0) oc.share = static_cast<double>(c.chosen[o]) / c.answered;
            r.options.push_back(oc);
        }
    }
    int n = 0;
    double sum = 0;
    for (std::size_t o = 0; o < c.scored.size(); ++o) {
        if (c.scored[o] == 0) continue; // options without a risk are never scored
        n += c.scored[o];
        sum += c.scored[o] * info.risk[o];
    }
    r.scored_answers = n;
    if (n > 0) {
        double mean = sum / n;
        double var = 0;
        for (std::size_t o = 0; o < c.scored.size(); ++o)
            if (c.scored[o]) var += c.scored[o] * (info.risk[o] - mean) * (info.risk[o] - mean);
        r.mean_risk = mean;
        r.spread = std::sqrt(var / n);
        r.opposites = info.lowest >= 0 && info.highest != info.lowest && c.chosen[static_cast<std::size_t>(info.lowest)] > 0 &&
                      c.chosen[static_cast<std::size_t>(info.highest)] > 0;
        r.disagreement = n >= 2 && ((model.disagreement_opposites && r.opposites) || r.spread > model.disagreement_spread + eps);
    }
    int gaps = c.dont_know + c.missing_as_dont_know;
    int base = c.answered - c.not_applicable + c.missing_as_dont_know;
    if (info.scored && base > 0) {
        r.knowledge_gap = static_cast<double>(gaps) / base;
        r.find_out = gaps > 0 && r.knowledge_gap >= model.knowledge_gap_share - eps;
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

std::vector<DomainResult> finish_domains(const Instrument& ins, const std::vector<QuestionResult>& qs) {
    const RiskModel& model = ins.risk;
    std::vector<DomainResult> out;
    for (std::size_t d = 0; d < ins.domains.size(); ++d) {
        DomainResult dr;
        dr.id = ins.domains[d].id;
        double wsum = 0, wrisk = 0;
        int gaps = 0, base = 0;
        for (const auto& q : qs) {
            if (q.domain != static_cast<int>(d) || !q.scored) continue;
            if (q.red_flags > 0) dr.red_flag_questions.push_back(q.id);
            if (q.critical_answers > 0) dr.critical_questions.push_back(q.id);
            if (q.disagreement) ++dr.disagreements;
            if (q.mean_risk) {
                wsum += q.weight;
                wrisk += q.weight * *q.mean_risk;
            }
            gaps += q.dont_know;
            base += q.answered - q.not_applicable;
        }
        // Missing answers scored as "don't know" count as gaps as well.
        if (model.missing == MissingPolicy::as_dont_know)
            for (const auto& q : qs)
                if (q.domain == static_cast<int>(d) && q.scored) {
                    int extra = q.scored_answers - (q.answered - q.not_applicable);
                    gaps += extra;
                    base += extra;
                }
        if (base > 0) dr.knowledge_gap = static_cast<double>(gaps) / base;
        int idx = -1;
        if (wsum > 0) {
            double pct = std::clamp(wrisk / wsum * 100.0, 0.0, 100.0);
            dr.risk = pct;
            if (const RiskBand* b = model.band_for(pct)) {
                dr.score_band = b->id;
                idx = band_index(model, b->id);
            }
        }
        int lifted = idx;
        if (!dr.critical_questions.empty()) {
            int c = band_index(model, model.critical_band);
            if (c > lifted) {
                lifted = c;
                dr.lifted_critical = true;
            }
        }
        if (!dr.red_flag_questions.empty()) {
            int c = band_index(model, model.red_flag_band);
            if (c > lifted) {
                lifted = c;
                dr.lifted_red_flag = true;
                dr.lifted_critical = false;
            }
        }
        if (lifted >= 0) dr.band = model.bands[static_cast<std::size_t>(lifted)].id;
        if (dr.risk) {
            dr.likelihood = likelihood_for(*dr.risk);
            // A lifted band lifts the likelihood to that of the band's lowest percentage.
            if (lifted > idx && lifted > 0)
                dr.likelihood = std::max(dr.likelihood,
                                         std::min(5, static_cast<int>(std::floor(model.bands[static_cast<std::size_t>(lifted - 1)].upto / 20.0)) + 1));
        }
        out.push_back(std::move(dr));
    }
    return out;
}

Exposure finish_exposure(const Instrument& ins, const std::vector<QuestionResult>& qs) {
    Exposure e;
    int n = 0, sum = 0, max = 0;
    for (const auto& q : qs)
        if (q.domain < 0 && q.exposure > 0) {
            ++n;
            sum += q.exposure;
            max = std::max(max, q.exposure);
        }
    if (n == 0) return e;
    e.known = true;
    if (ins.profile.method == ExposureMethod::max) {
        e.value = max;
        e.level = max;
    } else {
        e.value = static_cast<double>(sum) / n;
        e.level = std::clamp((2 * sum + n) / (2 * n), 1, 5); // rounded half up
    }
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
    std::vector<std::string> roles; // in order of first appearance
    std::vector<std::vector<Count>> groups;
    std::vector<int> group_size;
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
    }

    std::vector<Count> fresh() const {
        std::vector<Count> v(infos.size());
        for (std::size_t qi = 0; qi < infos.size(); ++qi) {
            std::size_t n = infos[qi].scale ? infos[qi].scale->options.size() : 0;
            v[qi].chosen.assign(n, 0);
            v[qi].scored.assign(n, 0);
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
    std::size_t g = s.group_of(resp.respondent.role);
    ++s.group_size[g];
    count_response(s.ins, s.infos, s.rs, s.stamp, s.total, s.groups[g], &s.texts);
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
    std::vector<std::size_t> by_order;
    for (const auto& r : ins.roles)
        for (std::size_t g = 0; g < s.roles.size(); ++g)
            if (s.roles[g] == r.id) by_order.push_back(g);
    std::vector<std::size_t> extra;
    for (std::size_t g = 0; g < s.roles.size(); ++g)
        if (!s.roles[g].empty() && !ins.find_role(s.roles[g])) extra.push_back(g);
    std::sort(extra.begin(), extra.end(), [&](std::size_t a, std::size_t b) { return s.roles[a] < s.roles[b]; });
    by_order.insert(by_order.end(), extra.begin(), extra.end());
    for (std::size_t g = 0; g < s.roles.size(); ++g)
        if (s.roles[g].empty()) by_order.push_back(g);
    const std::vector<std::string>& roles = s.roles;
    const std::vector<int>& group_size = s.group_size;
    auto& groups = s.groups;

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
    for (const auto& q : out.questions) {
        if (q.domain < 0) continue;
        if (q.red_flags > 0) ++out.overall.red_flags;
        if (q.critical_answers > 0) ++out.overall.critical;
        if (q.disagreement) ++out.overall.disagreements;
        if (q.find_out) ++out.overall.find_out;
    }

    // Role groups, with complementary suppression: when exactly one group is
    // hidden, the next smallest is hidden too, or total minus the shown
    // groups would reveal it.
    const std::vector<std::size_t>& present = by_order;
    std::vector<bool> hidden(roles.size(), false), complementary(roles.size(), false);
    int n_hidden = 0;
    for (std::size_t g : present)
        if (group_size[g] < ins.risk.anonymity_threshold) {
            hidden[g] = true;
            ++n_hidden;
        }
    if (n_hidden == 1 && present.size() >= 2) {
        std::size_t pick = roles.size();
        for (std::size_t g : present) {
            if (hidden[g]) continue;
            if (pick == roles.size() || group_size[g] < group_size[pick] ||
                (group_size[g] == group_size[pick] && roles[g] < roles[pick]))
                pick = g;
        }
        hidden[pick] = true;
        complementary[pick] = true;
    }
    for (std::size_t g : present) {
        GroupResult gr;
        gr.role = roles[g];
        gr.respondents = group_size[g];
        gr.suppressed = hidden[g];
        gr.complementary = complementary[g];
        if (!gr.suppressed) {
            std::vector<QuestionResult> qs;
            qs.reserve(nq);
            for (std::size_t qi = 0; qi < nq; ++qi) qs.push_back(finish_question(ins, infos[qi], groups[g][qi]));
            gr.domains = finish_domains(ins, qs);
            for (const auto& q : qs) gr.questions.push_back(q.mean_risk);
        }
        out.groups.push_back(std::move(gr));
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

} // namespace zs
