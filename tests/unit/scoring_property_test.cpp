// Properties over random answer sets (fixed seed, so failures replay):
// scores stay within 0..100, a worse answer never lowers a risk, and the
// order of the respondents never changes a byte of the JSON or the plan.
#include <doctest/doctest.h>

#include <algorithm>
#include <random>

#include "cycle/plan_file.hpp"
#include "scoring/plan.hpp"
#include "scoring/plan_export.hpp"
#include "scoring_fixtures.hpp"

using namespace zs;
using namespace zs::test;

namespace {

// Portable draws: std::uniform_int_distribution differs between libraries.
struct Dice {
    std::mt19937 rng;
    explicit Dice(unsigned seed) : rng(seed) {}
    std::size_t operator()(std::size_t n) { return static_cast<std::size_t>(rng() % n); }
};

const std::vector<std::string> jdn = {"ja", "deels", "nee", "weet-niet", "nvt", ""};
const std::vector<std::string> profile = {"minder-dan-1000", "1000-10000", "meer-dan-10000", ""};
const std::vector<std::string> roles = {"leiding", "uitvoering", ""};
const std::vector<std::string> texts = {"", "", "Besluit 2024-12", "Notulen MT", "=SUM(A1)", "Regel \"X\"\nop twee regels"};

Response random_response(Dice& dice, int n) {
    std::vector<Given> gs;
    auto add = [&](const std::string& q, const std::string& o) {
        if (o.empty()) return;
        gs.emplace_back(q, o, texts[dice(texts.size())], o == "nvt" ? "Geen klanten" : "");
    };
    add("P1", profile[dice(profile.size())]);
    add("D1.1", jdn[dice(jdn.size())]);
    std::string gate = jdn[dice(jdn.size())];
    add("D2.0", gate);
    if (gate != "nee" && gate != "nvt") add("D2.1", jdn[dice(jdn.size())]);
    Response r = respond("R" + std::to_string(n), roles[dice(roles.size())], gs);
    for (auto& a : r.answers) a.note = texts[dice(texts.size())];
    if (dice(10) == 0) r.respondent.participants = 4;
    return r;
}

std::vector<Response> random_set(Dice& dice, int n) {
    std::vector<Response> rs;
    for (int i = 0; i < n; ++i) rs.push_back(random_response(dice, i));
    return rs;
}

void check_range(const DomainResult& d) {
    if (!d.risk) return;
    CHECK(*d.risk >= 0);
    CHECK(*d.risk <= 100);
    CHECK(d.likelihood >= 1);
    CHECK(d.likelihood <= 5);
}

double option_risk(const std::string& o) {
    if (o == "ja") return 0;
    if (o == "deels") return 0.5;
    if (o == "weet-niet") return 0.75;
    return 1;
}

} // namespace

TEST_CASE("property: every score lies within 0..100") {
    Dice dice(20261001);
    for (int round = 0; round < 200; ++round) {
        auto rs = random_set(dice, 1 + static_cast<int>(dice(30)));
        Assessment a = assess(example(), rs);
        for (const auto& d : a.domains) check_range(d);
        for (const auto& g : a.groups)
            for (const auto& d : g.domains) check_range(d);
        if (a.overall.risk) {
            CHECK(*a.overall.risk >= 0);
            CHECK(*a.overall.risk <= 100);
        }
        for (const auto& q : a.questions) {
            if (q.mean_risk) {
                CHECK(*q.mean_risk >= 0);
                CHECK(*q.mean_risk <= 1);
            }
            CHECK(q.answered + q.missing == q.respondents);
            CHECK(q.respondents + q.skipped == a.respondents);
        }
        CHECK(a.exposure.level >= 1);
        CHECK(a.exposure.level <= 5);
    }
}

TEST_CASE("property: a worse answer never lowers a risk") {
    // Questions no condition depends on: changing them changes nothing else.
    Dice dice(7);
    for (int round = 0; round < 300; ++round) {
        auto rs = random_set(dice, 1 + static_cast<int>(dice(12)));
        Response& r = rs[dice(rs.size())];
        std::vector<std::size_t> scored;
        for (std::size_t i = 0; i < r.answers.size(); ++i)
            if ((r.answers[i].question == "D1.1" || r.answers[i].question == "D2.1") && r.answers[i].options[0] != "nvt") scored.push_back(i);
        if (scored.empty()) continue;
        Answer& ans = r.answers[scored[dice(scored.size())]];
        Assessment before = assess(one_person(), rs);
        std::vector<std::string> worse;
        for (const auto& o : {"ja", "deels", "weet-niet", "nee"})
            if (option_risk(o) > option_risk(ans.options[0])) worse.push_back(o);
        if (worse.empty()) continue;
        ans.options[0] = worse[dice(worse.size())];
        Assessment after = assess(one_person(), rs);
        for (std::size_t d = 0; d < before.domains.size(); ++d) {
            if (!before.domains[d].risk) continue;
            REQUIRE(after.domains[d].risk);
            CHECK(*after.domains[d].risk >= *before.domains[d].risk - 1e-9);
            CHECK(after.domains[d].likelihood >= before.domains[d].likelihood);
        }
        for (std::size_t q = 0; q < before.questions.size(); ++q)
            if (before.questions[q].mean_risk) CHECK(*after.questions[q].mean_risk >= *before.questions[q].mean_risk - 1e-9);
        CHECK(*after.overall.risk >= *before.overall.risk - 1e-9);
    }
}

static std::string plan_csv(const Plan& p) {
    cycle::PlanFile f = cycle::make_plan_file(one_person(), p, "nl", {});
    f.format = cycle::PlanFormat::csv;
    return cycle::write_plan(f);
}
static std::string plan_toml(const Plan& p) { return cycle::write_plan(cycle::make_plan_file(one_person(), p, "en", {})); }

TEST_CASE("property: the order of the respondents never changes the output") {
    Dice dice(42);
    for (int round = 0; round < 50; ++round) {
        auto rs = random_set(dice, 1 + static_cast<int>(dice(40)));
        Assessment a = assess(example(), rs);
        Plan p = make_plan(example(), a);
        std::string json = assessment_to_json(example(), a, p, "nl");
        std::string csv = plan_csv(p);
        std::shuffle(rs.begin(), rs.end(), dice.rng);
        Assessment b = assess(example(), rs);
        Plan q = make_plan(example(), b);
        CHECK(assessment_to_json(example(), b, q, "nl") == json);
        CHECK(plan_csv(q) == csv);
        CHECK(plan_toml(q) == plan_toml(p));
    }
}

TEST_CASE("property: streaming with Assessor gives what assess gives") {
    Dice dice(99);
    auto rs = random_set(dice, 60);
    Assessor streaming(example());
    for (auto it = rs.rbegin(); it != rs.rend(); ++it) {
        Response copy = *it; // each response may die right after add()
        streaming.add(copy);
    }
    Assessment a = streaming.finish();
    Assessment b = assess(example(), rs);
    CHECK(assessment_to_json(example(), a, make_plan(example(), a), "en") == assessment_to_json(example(), b, make_plan(example(), b), "en"));
}

namespace {

// Five roles (one answers as an attributed session), threshold 5.
const char* five_roles = R"(
[instrument]
id = "rollen"
version = "1.0.0"
languages = ["nl"]
title = "Rollen"
description = "Vijf rollen."
[[scale]]
id = "jn"
  [[scale.option]]
  id = "ja"
  label = "Ja"
  risk = 0.0
  [[scale.option]]
  id = "nee"
  label = "Nee"
  risk = 1.0
[[role]]
id = "a"
label = "A"
[[role]]
id = "b"
label = "B"
[[role]]
id = "c"
label = "C"
[[role]]
id = "d"
label = "D"
[[role]]
id = "s"
label = "S"
attributed = true
[[domain]]
id = "D1"
title = "Thema"
  [[domain.question]]
  id = "D1.1"
  text = "Vraag?"
  scale = "jn"
[risk]
anonymity_threshold = 5
  [[risk.band]]
  id = "laag"
  label = "Laag"
  upto = 100
  colour = "#1a9850"
)";

} // namespace

TEST_CASE("property: no group below the threshold can be derived from the overall figures and the shown groups") {
    Diagnostics diags;
    auto ins = parse_instrument(five_roles, "rollen.toml", diags);
    REQUIRE(ins);
    Dice dice(20261201);
    const std::vector<std::string> role_ids = {"a", "b", "c", "d", "s", ""};
    for (int round = 0; round < 400; ++round) {
        std::vector<Response> rs;
        int n = 0;
        for (const auto& role : role_ids) {
            std::size_t size = dice(role == "s" ? 2 : 9);
            for (std::size_t k = 0; k < size; ++k) {
                Response r = respond("R" + std::to_string(n++), role, {{"D1.1", dice(2) ? "ja" : "nee"}});
                r.instrument = "rollen";
                rs.push_back(r);
            }
        }
        Assessment a = assess(*ins, rs);
        std::vector<const GroupResult*> shown, hidden;
        for (const auto& g : a.groups) (g.suppressed ? hidden : shown).push_back(&g);
        if (hidden.empty()) continue;
        // Every difference "overall minus some shown groups" leaves the
        // hidden groups plus the shown groups not subtracted.
        // (Subtracting nothing is the overall figure itself, of everyone.)
        for (std::size_t mask = 1; mask < (std::size_t{1} << shown.size()); ++mask) {
            int rest = 0;
            for (const auto* g : hidden) rest += g->respondents;
            for (std::size_t k = 0; k < shown.size(); ++k)
                if (!(mask >> k & 1)) rest += shown[k]->respondents;
            if (rest == a.respondents) continue;
            CAPTURE(round);
            CAPTURE(mask);
            CHECK((rest == 0 || rest >= ins->risk.anonymity_threshold));
        }
        for (const auto& g : a.groups)
            if (g.attributed && !g.complementary) CHECK_FALSE(g.suppressed);
    }
}
