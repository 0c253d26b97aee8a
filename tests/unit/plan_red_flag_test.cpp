// Regression: a "do no harm" measure leads the plan only when a red flag was
// actually raised, not merely because its question carries risk.
#include <doctest/doctest.h>

#include "model/load_instrument.hpp"
#include "scoring/assessment.hpp"
#include "scoring/plan.hpp"

using namespace zs;

namespace {

Response respond(const std::string& code, const std::string& gate, const std::string& d21) {
    Response r;
    r.instrument = "voorbeeld";
    r.version = "1.0.0";
    r.path = code + ".toml";
    r.respondent.code = code;
    Answer g;
    g.question = "D2.0";
    g.options = {gate};
    r.answers.push_back(g);
    Answer a;
    a.question = "D2.1";
    a.options = {d21};
    r.answers.push_back(a);
    return r;
}

const PlanAction* find(const Plan& p, const std::string& id) {
    for (const auto& a : p.actions)
        if (a.id == id) return &a;
    return nullptr;
}

} // namespace

TEST_CASE("red-flag measure without a red-flag answer is an ordinary measure") {
    Diagnostics d;
    auto ins = load_instrument(std::string(ZELFSCAN_TEST_DATA) + "/instruments/voorbeeld.toml", d);
    REQUIRE(ins);
    std::vector<Response> partly = {respond("A", "ja", "deels"), respond("B", "ja", "deels")};
    Plan p1 = make_plan(*ins, assess(*ins, partly));
    const PlanAction* m2 = find(p1, "M2");
    REQUIRE(m2);
    CHECK(m2->kind == ActionKind::measure);

    std::vector<Response> flagged = {respond("A", "ja", "deels"), respond("B", "ja", "nee")};
    Plan p2 = make_plan(*ins, assess(*ins, flagged));
    REQUIRE_FALSE(p2.actions.empty());
    CHECK(p2.actions.front().id == "M2");
    CHECK(p2.actions.front().kind == ActionKind::do_no_harm);
    CHECK(p2.actions.front().timeframe == Timeframe::now);
}
