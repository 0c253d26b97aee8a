// The plan: triggers, order (do no harm first, then priority, ties by id in
// natural order),
// effort as divisor, quadrants, find-out actions, links to evidence; and the
// exports with their exact text. Example instrument: M1 addresses D1.1
// (effort low, impact high, 3 months); M2 is a red-flag measure for D2.1.
#include <doctest/doctest.h>

#include "scoring/plan.hpp"
#include "scoring/plan_export.hpp"
#include "scoring_fixtures.hpp"

using namespace zs;
using namespace zs::test;

namespace {

std::vector<std::string> ids(const Plan& p) {
    std::vector<std::string> v;
    for (const auto& a : p.actions) v.push_back(a.id);
    return v;
}

Measure extra(const std::string& id, Level effort, Level impact) {
    Measure m = *one_person().find_measure("M1");
    m.id = id;
    m.effort = effort;
    m.impact = impact;
    return m;
}

} // namespace

TEST_CASE("red-flag measures come first, then priority") {
    // No profile answers: exposure 3. M2: 3 x 1 x 3 / 1 = 9; M1: 3 x 1 x 3 / 1 = 9.
    auto a = assess(one_person(), {respond("R1", "uitvoering", {{"D1.1", "nee"}, {"D2.0", "ja"}, {"D2.1", "nee"}})});
    Plan p = make_plan(one_person(), a);
    REQUIRE(ids(p) == std::vector<std::string>{"M2", "M1"});
    CHECK(p.exposure == 3);
    CHECK(p.actions[0].kind == ActionKind::do_no_harm);
    CHECK(p.actions[0].priority == doctest::Approx(9));
    CHECK(p.actions[0].timeframe == Timeframe::now);
    CHECK(p.actions[0].quadrant == Quadrant::quick_win);
    CHECK(p.actions[1].kind == ActionKind::measure);
    CHECK(p.actions[1].priority == doctest::Approx(9));
    CHECK(p.actions[1].timeframe == Timeframe::months3);
    CHECK(p.actions[0].basis[0].red_flags == 1);
}

TEST_CASE("a measure is triggered at mean risk 0.5, by a red flag or by a critical answer") {
    // deels + deels: 0.5, triggered.
    auto a = assess(one_person(), {respond("R1", "uitvoering", {{"D1.1", "deels"}}), respond("R2", "uitvoering", {{"D1.1", "deels"}})});
    CHECK(ids(make_plan(one_person(), a)) == std::vector<std::string>{"M1"});
    // deels + ja with evidence: 0.25, not triggered.
    auto b = assess(one_person(), {respond("R1", "uitvoering", {{"D1.1", "deels"}}), respond("R2", "uitvoering", {{"D1.1", "ja", "Besluit"}})});
    CHECK(make_plan(one_person(), b).actions.empty());
    // One nee of four on a critical question: 0.25, but triggered.
    auto c = assess(one_person(), {respond("R1", "uitvoering", {{"D1.1", "nee"}}), respond("R2", "uitvoering", {{"D1.1", "ja", "x"}}),
                                respond("R3", "uitvoering", {{"D1.1", "ja", "x"}}), respond("R4", "uitvoering", {{"D1.1", "ja", "x"}})});
    Plan pc = make_plan(one_person(), c);
    REQUIRE(ids(pc) == std::vector<std::string>{"M1"});
    CHECK(pc.actions[0].priority == doctest::Approx(0.75 * 3)); // 3 x 0.25 x 3 / 1
    // A lower threshold is a rule of the method, not of the instrument.
    PlanRules rules;
    rules.trigger_risk = 0.25;
    CHECK(ids(make_plan(one_person(), b, rules)) == std::vector<std::string>{"M1"});
}

TEST_CASE("priority is risk addressed x exposure / effort; ties by id") {
    Instrument ins = one_person();
    ins.measures.push_back(extra("A1", Level::low, Level::high));    // ties with M1
    ins.measures.push_back(extra("M3", Level::medium, Level::high)); // 3 x 0.75 x 5 / 2
    ins.measures.push_back(extra("M4", Level::high, Level::low));    // 3 x 0.75 x 5 / 3
    Response r1 = respond("R1", "uitvoering", {{"P1", "meer-dan-10000"}, {"D1.1", "deels", "Concept-besluit"}});
    Response r2 = respond("R2", "uitvoering", {{"D1.1", "nee"}});
    auto a = assess(ins, {r1, r2});
    Plan p = make_plan(ins, a);
    CHECK(p.exposure == 5);
    REQUIRE(ids(p) == std::vector<std::string>{"A1", "M1", "M3", "M4"});
    // All four address D1.1: its risk is split between them (/ 4).
    CHECK(p.actions[0].priority == doctest::Approx(2.81)); // 3 x 0.75 / 4 x 5 / 1 = 2.8125
    CHECK(p.actions[2].priority == doctest::Approx(1.41)); // 1.40625 rounded
    CHECK(p.actions[3].priority == doctest::Approx(0.94));
    CHECK(p.actions[2].quadrant == Quadrant::major_project);
    CHECK(p.actions[3].quadrant == Quadrant::reconsider);
    // Each row keeps its questions and the evidence behind it.
    CHECK(p.actions[1].questions == std::vector<std::string>{"D1.1"});
    CHECK(p.actions[1].evidence == std::vector<std::string>{"Concept-besluit"});
    CHECK(p.actions[1].basis[0].mean_risk == doctest::Approx(0.75));
}

TEST_CASE("equal priorities in natural id order: M9 before M10, M1.2 before M1.10") {
    // Regression: ids compared as text put M10 before M9 and M1.10 before M1.2.
    Instrument ins = one_person();
    for (const char* id : {"M10", "M9", "M1.10", "M1.2"}) ins.measures.push_back(extra(id, Level::low, Level::high));
    auto a = assess(ins, {respond("R1", "uitvoering", {{"D1.1", "nee"}})});
    Plan p = make_plan(ins, a);
    CHECK(ids(p) == std::vector<std::string>{"M1", "M1.2", "M1.10", "M9", "M10"});
    for (const auto& act : p.actions) CHECK(act.priority == doctest::Approx(1.8)); // 3 x 1 / 5 shared x 3 / 1: all equal
}

TEST_CASE("quadrants: medium impact counts as high, medium effort as high") {
    CHECK(quadrant_for(Level::high, Level::low) == Quadrant::quick_win);
    CHECK(quadrant_for(Level::medium, Level::low) == Quadrant::quick_win);
    CHECK(quadrant_for(Level::high, Level::medium) == Quadrant::major_project);
    CHECK(quadrant_for(Level::medium, Level::high) == Quadrant::major_project);
    CHECK(quadrant_for(Level::low, Level::low) == Quadrant::fill_in);
    CHECK(quadrant_for(Level::low, Level::medium) == Quadrant::reconsider);
    CHECK(quadrant_for(Level::low, Level::high) == Quadrant::reconsider);
    CHECK(effort_divisor(Level::low) == 1);
    CHECK(effort_divisor(Level::medium) == 2);
    CHECK(effort_divisor(Level::high) == 3);
}

TEST_CASE("knowledge gaps become find-out actions after the measures") {
    // D1.1: weet-niet and ja with evidence: gap 0.5 >= 0.25; mean 0.375, no measure.
    auto a = assess(one_person(), {respond("R1", "uitvoering", {{"D1.1", "weet-niet"}}), respond("R2", "uitvoering", {{"D1.1", "ja", "Besluit"}})});
    Plan p = make_plan(one_person(), a);
    REQUIRE(ids(p) == std::vector<std::string>{"find-out:D1.1"});
    const PlanAction& f = p.actions[0];
    CHECK(f.kind == ActionKind::find_out);
    CHECK(f.question == "D1.1");
    CHECK(f.priority == doctest::Approx(4.5)); // 3 x 0.5 x 3 / 1
    CHECK(f.timeframe == Timeframe::months3);
    CHECK(f.quadrant == Quadrant::quick_win);
    CHECK(f.evidence == std::vector<std::string>{"Besluit"});
    CHECK(action_title(one_person(), f, "en") == "Find out: Is a named director accountable for equal treatment? (D1.1)");
    // Find-out actions follow the measures whatever their priority: here
    // find-out 3 x 1 x 3 = 9 after M1 3 x 0.75 x 3 = 6.75.
    auto b = assess(one_person(), {respond("R1", "uitvoering", {{"D1.1", "weet-niet"}}), respond("R2", "uitvoering", {{"D2.0", "ja"}, {"D2.1", "nee"}})});
    Plan pb = make_plan(one_person(), b);
    CHECK(ids(pb) == std::vector<std::string>{"M2", "M1", "find-out:D1.1"});
    CHECK(pb.actions[2].priority == doctest::Approx(9));
}

TEST_CASE("the assessment as JSON") {
    auto a = assess(one_person(), {respond("R1", "uitvoering", {{"D1.1", "nee"}})});
    std::string json = assessment_to_json(one_person(), a, make_plan(one_person(), a), "nl");
    CHECK(json.rfind("{\n  \"instrument\": \"voorbeeld\",\n  \"version\": \"1.0.0\",\n  \"language\": \"nl\",\n  \"respondents\": 1,\n", 0) == 0);
    CHECK(json.find("\"id\": \"D1\",\n      \"risk\": 100,\n      \"not_applicable\": false,\n      \"score_band\": \"hoog\",") != std::string::npos);
    CHECK(json.find("\"id\": \"D2\",\n      \"risk\": null,") != std::string::npos);
    CHECK(json.back() == '\n');
}

TEST_CASE("prerequisites come first, and the plan is capped at plan_size") {
    Instrument ins = one_person();
    ins.measures.push_back(extra("A1", Level::low, Level::high));
    ins.measures.push_back(extra("B1", Level::high, Level::high));
    ins.measures.back().prerequisites = {};
    ins.measures[2].prerequisites = {"B1"}; // A1 requires B1 (lower priority)
    auto a = assess(ins, {respond("R1", "uitvoering", {{"D1.1", "nee"}})});
    Plan p = make_plan(ins, a);
    REQUIRE(ids(p) == std::vector<std::string>{"M1", "B1", "A1"});
    CHECK(p.actions[2].after == std::vector<std::string>{"B1"});
    ins.report.plan_size = 2;
    Plan q = make_plan(ins, a);
    CHECK(q.later == 1);
    CHECK(q.actions[2].later);
    CHECK_FALSE(q.actions[1].later);
}
