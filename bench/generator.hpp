// Generated respondents for the benchmarks: a fixed seed, so every run
// scores the same answers. About 5 % of the shown questions are left empty,
// a quarter of the answers name evidence and one in ten open questions has
// a note. Shared by score_bench (in memory) and make_answers (as files).
#pragma once

#include <algorithm>
#include <cstdio>
#include <optional>
#include <random>
#include <string>

#include "answers/response.hpp"
#include "model/instrument.hpp"
#include "model/load_instrument.hpp"

namespace zs::bench {

// The instrument a benchmark runs on: `path`, or the full scan when null.
// Prints the problems and gives nullopt when it does not load.
inline std::optional<Instrument> bench_instrument(const char* path) {
    std::string file = path ? path : std::string(ZELFSCAN_SOURCE_DIR) + "/instruments/institutioneel-racisme.toml";
    Diagnostics diags;
    auto ins = load_instrument(file, diags);
    if (!ins) std::fprintf(stderr, "%s", format(diags).c_str());
    return ins;
}

struct Generator {
    const Instrument& ins;
    std::mt19937 rng{20261001};
    std::size_t pick(std::size_t n) { return static_cast<std::size_t>(rng() % n); }

    Response make(int n) {
        Response r;
        r.instrument = ins.id;
        r.version = ins.version.text;
        r.respondent.code = "R" + std::to_string(n);
        if (!ins.roles.empty()) r.respondent.role = ins.roles[pick(ins.roles.size())].id;
        r.answers.reserve(ins.question_order.size());
        for (const auto& id : ins.question_order) {
            const Question& q = *ins.find_question(id);
            if (q.condition) {
                const Answer* gate = r.find(q.condition->question);
                bool shown = gate && !gate->options.empty() &&
                             std::find(q.condition->answers.begin(), q.condition->answers.end(), gate->options[0]) !=
                                 q.condition->answers.end();
                if (!shown) continue;
            }
            if (pick(20) == 0) continue; // about 5 % missing
            Answer a;
            a.question = id;
            if (const Scale* s = ins.find_scale(q.scale);
                s && (q.kind == QuestionKind::choice || q.kind == QuestionKind::multi)) {
                const Option& o = s->options[pick(s->options.size())];
                a.options.push_back(o.id);
                if (o.kind == OptionKind::not_applicable) a.reason = "n.v.t.";
                if (pick(4) == 0) a.evidence = "Besluit";
            } else if (q.kind == QuestionKind::number) {
                a.number = q.min.value_or(0);
            } else if (pick(10) == 0) {
                a.text = "Toelichting";
            }
            r.answers.push_back(std::move(a));
        }
        return r;
    }
};

} // namespace zs::bench
