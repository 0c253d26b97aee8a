// Scoring benchmark: generates N respondents to the full scan in memory
// (fixed seed), assesses them and builds the plan; prints the time of
// assess + plan. bench/score_bench.sh runs it for 10, 1,000 and 100,000
// respondents under /usr/bin/time -v for the peak memory.
//
//   score_bench N [stream|hold] [instrument.toml]
//   stream (default): each respondent is generated, added and dropped (Assessor)
//   hold:             all respondents are generated first, then assess()
#include <chrono>
#include <cstdio>
#include <string>

#include "generator.hpp"
#include "scoring/assessment.hpp"
#include "scoring/plan.hpp"

using namespace zs;

using bench::Generator;

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: score_bench N [stream|hold] [instrument.toml]\n");
        return 2;
    }
    int n = std::stoi(argv[1]);
    bool hold = argc > 2 && std::string(argv[2]) == "hold";
    auto ins = bench::bench_instrument(argc > 3 ? argv[3] : nullptr);
    if (!ins) return 1;
    Generator gen{*ins};
    using clock = std::chrono::steady_clock;
    clock::duration scoring{};
    Assessment a;
    if (hold) {
        std::vector<Response> rs;
        rs.reserve(static_cast<std::size_t>(n));
        for (int i = 0; i < n; ++i) rs.push_back(gen.make(i));
        auto t0 = clock::now();
        a = assess(*ins, rs);
        scoring += clock::now() - t0;
    } else {
        // Each respondent is added right after it is generated, as a reader
        // would add each file as it is parsed. Scoring time = (generate +
        // add) - (generate only, same seed).
        Generator dry{*ins};
        auto g0 = clock::now();
        for (int i = 0; i < n; ++i) {
            Response r = dry.make(i);
            if (r.answers.empty()) std::fprintf(stderr, "-");
        }
        auto generate_only = clock::now() - g0;
        Assessor assessor(*ins);
        auto t1 = clock::now();
        for (int i = 0; i < n; ++i) {
            Response r = gen.make(i);
            assessor.add(r);
        }
        scoring += (clock::now() - t1) - generate_only;
        auto t0 = clock::now();
        a = assessor.finish();
        scoring += clock::now() - t0;
    }
    auto t0 = clock::now();
    Plan plan = make_plan(*ins, a);
    scoring += clock::now() - t0;
    double ms = std::chrono::duration<double, std::milli>(scoring).count();
    std::printf("%s %s: %d respondents, %zu questions: assess+plan %.1f ms (%.2f us per respondent); %zu plan actions\n",
                ins->id.c_str(), hold ? "hold" : "stream", n, ins->question_order.size(), ms, n ? ms * 1000.0 / n : 0.0,
                plan.actions.size());
    return 0;
}
