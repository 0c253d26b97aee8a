// Scoring rules, each with a small hand-computed expectation on the example
// instrument (tests/data/instruments/voorbeeld.toml):
//   D1 (weight 1): D1.1 weight 3, asks for evidence
//   D2 (weight 1): D2.0 weight 1; D2.1 weight 3, red flag "nee", only if
//                  D2.0 is ja/deels; D2.2 number; D2.3 text
//   risks ja 0, deels 0.5, nee 1, weet-niet 0.75, nvt none
//   bands laag <=20, matig <=40, verhoogd <=60, hoog <=100
//   anonymity threshold 3, knowledge gap share 0.25, ja without evidence
//   scores as deels, critical (weight 3 at risk 1) lifts to verhoogd, red
//   flag lifts to hoog.
#include <doctest/doctest.h>

#include <algorithm>
#include <optional>
#include <random>
#include <string>

#include "model/load_instrument.hpp"
#include "scoring/assessment.hpp"
#include "scoring/plan.hpp"
#include "scoring_fixtures.hpp"
#include "util/files.hpp"
#include "util/limits.hpp"

using namespace zs;
using namespace zs::test;

namespace {

double risk(const Assessment& a, std::string_view domain) {
    const DomainResult* d = a.find_domain(domain);
    REQUIRE(d);
    REQUIRE(d->risk);
    return *d->risk;
}

const QuestionResult& question(const Assessment& a, std::string_view id) {
    const QuestionResult* q = a.find_question(id);
    REQUIRE(q);
    return *q;
}

} // namespace

TEST_CASE("domain risk is the weighted mean of the question risks") {
    // D2.0 is a filter (scored = false): D2 = 3 x 0.5 / 3 = 50 %
    auto a = assess(one_person(), {respond("R1", "uitvoering", {{"D2.0", "deels"}, {"D2.1", "deels"}, {"D1.1", "ja", "Besluit 12"}})});
    CHECK(risk(a, "D2") == doctest::Approx(50));
    CHECK(a.find_domain("D2")->band == "verhoogd");
    CHECK_FALSE(question(a, "D2.0").mean_risk);
    CHECK_FALSE(question(a, "D2.0").scored);
    CHECK(risk(a, "D1") == doctest::Approx(0));
    CHECK(question(a, "D1.1").unevidenced == 0);
    // Overall: domain weights 1 and 1: (0 + 50) / 2
    REQUIRE(a.overall.risk);
    CHECK(*a.overall.risk == doctest::Approx(25));
    CHECK(a.overall.band == "matig");
}

TEST_CASE("yes without evidence is scored as partly, only where evidence is asked") {
    auto a = assess(one_person(), {respond("R1", "uitvoering", {{"D1.1", "ja"}, {"D2.0", "ja"}, {"D2.1", "ja"}})});
    CHECK(question(a, "D1.1").unevidenced == 1);
    CHECK(*question(a, "D1.1").mean_risk == doctest::Approx(0.5));
    CHECK(risk(a, "D1") == doctest::Approx(50));
    CHECK(a.find_domain("D1")->band == "verhoogd");
    // D2.0 and D2.1 ask for no evidence: no leniency.
    CHECK(risk(a, "D2") == doctest::Approx(0));
    // The distribution shows what was answered, not how it was scored.
    CHECK(question(a, "D1.1").options[0].option == "ja");
    CHECK(question(a, "D1.1").options[0].count == 1);
}

TEST_CASE("don't know scores its risk and is a knowledge gap") {
    auto a = assess(example(), {respond("R1", "uitvoering", {{"D1.1", "weet-niet"}}),
                                respond("R2", "uitvoering", {{"D1.1", "ja", "Notulen"}}),
                                respond("R3", "uitvoering", {{"D1.1", "ja", "Notulen"}}),
                                respond("R4", "uitvoering", {{"D1.1", "ja", "Notulen"}})});
    const auto& q = question(a, "D1.1");
    CHECK(q.dont_know == 1);
    CHECK(*q.mean_risk == doctest::Approx(0.75 / 4));
    CHECK(q.knowledge_gap == doctest::Approx(0.25));
    CHECK(q.find_out); // 0.25 >= 0.25
    CHECK(a.find_domain("D1")->knowledge_gap == doctest::Approx(0.25));
    CHECK(a.overall.find_out == 1);
    // One in five is below the share.
    auto b = assess(example(), {respond("R1", "uitvoering", {{"D1.1", "weet-niet"}}), respond("R2", "uitvoering", {{"D1.1", "ja", "x"}}),
                                respond("R3", "uitvoering", {{"D1.1", "ja", "x"}}), respond("R4", "uitvoering", {{"D1.1", "ja", "x"}}),
                                respond("R5", "uitvoering", {{"D1.1", "ja", "x"}})});
    CHECK_FALSE(question(b, "D1.1").find_out);
}

TEST_CASE("not applicable is excluded from the risk and keeps its reason") {
    auto a = assess(one_person(), {respond("R1", "uitvoering", {{"D2.0", "ja"}, {"D2.1", "nvt", "", "Geen regels"}, {"D1.1", "nee"}}),
                                respond("R2", "uitvoering", {{"D2.0", "ja"}, {"D2.1", "nee"}, {"D1.1", "nee"}})});
    const auto& q = question(a, "D2.1");
    CHECK(q.answered == 2);
    CHECK(q.not_applicable == 1);
    CHECK(q.scored_answers == 1);
    CHECK(*q.mean_risk == doctest::Approx(1.0));
    REQUIRE(q.reasons.size() == 1);
    CHECK(q.reasons[0] == "Geen regels");
    // Only not applicable: no risk at all; the domain is not applicable.
    auto b = assess(one_person(), {respond("R1", "uitvoering", {{"D2.0", "ja"}, {"D2.1", "nvt", "", "Geen regels"}})});
    CHECK_FALSE(question(b, "D2.1").mean_risk);
    CHECK_FALSE(b.find_domain("D2")->risk);
    CHECK(b.find_domain("D2")->not_applicable);
    CHECK(b.find_domain("D2")->band.empty());
    CHECK(b.find_domain("D2")->likelihood == 0);
    // A gate closed for everyone: not applicable, not 0 %.
    auto c = assess(one_person(), {respond("R1", "uitvoering", {{"D2.0", "nee"}}), respond("R2", "leiding", {{"D2.0", "nee"}})});
    CHECK(c.find_domain("D2")->not_applicable);
    CHECK_FALSE(c.find_domain("D2")->risk);
    CHECK(c.overall.not_applicable == 1);
}

TEST_CASE("missing answers: ignored, or scored as don't know") {
    std::vector<Response> rs = {respond("R1", "uitvoering", {{"D1.1", "nee"}}), respond("R2", "uitvoering", {})};
    auto a = assess(one_person(), rs);
    CHECK(question(a, "D1.1").missing == 1);
    CHECK(*question(a, "D1.1").mean_risk == doctest::Approx(1.0));
    CHECK(question(a, "D1.1").knowledge_gap == doctest::Approx(0));

    Instrument ins = one_person();
    ins.risk.missing = MissingPolicy::as_dont_know;
    auto b = assess(ins, rs);
    CHECK(question(b, "D1.1").missing == 1);
    CHECK(*question(b, "D1.1").mean_risk == doctest::Approx((1.0 + 0.75) / 2));
    CHECK(question(b, "D1.1").knowledge_gap == doctest::Approx(0.5));
    CHECK(b.find_domain("D1")->knowledge_gap == doctest::Approx(0.5));
}

TEST_CASE("a question skipped by its condition is not missing") {
    auto a = assess(example(), {respond("R1", "uitvoering", {{"D2.0", "nee"}}), respond("R2", "uitvoering", {{"D2.0", "ja"}}),
                                respond("R3", "uitvoering", {})});
    const auto& q = question(a, "D2.1");
    CHECK(q.skipped == 1);        // R1: D2.0 = nee
    CHECK(q.respondents == 2);    // R2 shown, R3 undetermined (D2.0 unanswered)
    CHECK(q.missing == 2);
    CHECK(question(a, "D2.2").skipped == 1);
    CHECK(question(a, "D2.3").missing == 3); // unconditional text question
}

TEST_CASE("a red flag is an alert; it lifts the band only when the instrument says so") {
    // D2.1 mean = 1/4 = 0.25; D2 = 3 x 0.25 / 3 = 25 %: matig. The red flag
    // (1 of 4) is raised; the critical answers (1 of 4 = 25 % >= 20 %) lift to verhoogd.
    std::vector<Response> rs;
    for (int i = 1; i <= 4; ++i)
        rs.push_back(respond("R" + std::to_string(i), "uitvoering", {{"D2.0", "ja"}, {"D2.1", i == 1 ? "nee" : "ja"}}));
    auto a = assess(example(), rs);
    const DomainResult& d = *a.find_domain("D2");
    CHECK(*d.risk == doctest::Approx(25));
    CHECK(d.score_band == "matig");
    CHECK(d.band == "verhoogd");
    CHECK_FALSE(d.lifted_red_flag);
    CHECK(d.lifted_critical);
    CHECK(d.red_flag_questions == std::vector<std::string>{"D2.1"});
    CHECK(d.critical_questions == std::vector<std::string>{"D2.1"});
    CHECK(question(a, "D2.1").red_flags == 1);
    CHECK(question(a, "D2.1").red_flag);
    // The heat map: 25 % alone is likelihood 2; verhoogd starts above 40 %: 3.
    CHECK(d.likelihood == 3);
    CHECK(a.overall.worst_band == "verhoogd");
    CHECK(a.overall.red_flags == 1);
    // With red_flag_lifts the flag moves the band to the red-flag band.
    Instrument ins = example();
    ins.risk.red_flag_lifts = true;
    auto b = assess(ins, rs);
    CHECK(b.find_domain("D2")->band == "hoog");
    CHECK(b.find_domain("D2")->lifted_red_flag);
    CHECK(b.find_domain("D2")->likelihood == 4);
    // One nee in five (20 %) still lifts; one in six (16.7 %) does not.
    rs.push_back(respond("R5", "uitvoering", {{"D2.0", "ja"}, {"D2.1", "ja"}}));
    CHECK(assess(example(), rs).find_domain("D2")->lifted_critical);
    rs.push_back(respond("R6", "uitvoering", {{"D2.0", "ja"}, {"D2.1", "ja"}}));
    CHECK_FALSE(assess(example(), rs).find_domain("D2")->lifted_critical);
}

TEST_CASE("don't know from a role that does not own the topic is a knowledge gap, not a risk") {
    Instrument ins = one_person();
    ins.domains[0].owners = {"leiding"};
    auto a = assess(ins, {respond("R1", "uitvoering", {{"D1.1", "weet-niet"}}), respond("R2", "leiding", {{"D1.1", "ja", "Besluit"}})});
    const auto& q = question(a, "D1.1");
    CHECK(q.dont_know == 1);
    CHECK(q.cannot_know == 1);
    CHECK(q.scored_answers == 1);
    CHECK(*q.mean_risk == doctest::Approx(0));
    CHECK(q.knowledge_gap == doctest::Approx(0.5));
    CHECK(q.owner_gap == doctest::Approx(0));
    CHECK_FALSE(q.find_out);
    // The range: the unknown answer at 0 or at 1.
    CHECK(*q.risk_low == doctest::Approx(0));
    CHECK(*q.risk_high == doctest::Approx(0.5));
    const DomainResult& d = *a.find_domain("D1");
    CHECK(d.show_range);
    CHECK(d.band_low == "laag");
    CHECK(d.band_high == "verhoogd");
    // From the owner it counts at 0.75 and is a find-out action.
    auto b = assess(ins, {respond("R1", "leiding", {{"D1.1", "weet-niet"}}), respond("R2", "leiding", {{"D1.1", "ja", "Besluit"}})});
    CHECK(*question(b, "D1.1").mean_risk == doctest::Approx(0.375));
    CHECK(question(b, "D1.1").find_out);
}

TEST_CASE("a critical question answered at critical risk lifts to the critical band") {
    // D1.1 (weight 3): one nee, three ja with evidence: 25 % matig, lifted to verhoogd.
    std::vector<Response> rs = {respond("R1", "uitvoering", {{"D1.1", "nee"}})};
    for (int i = 2; i <= 4; ++i) rs.push_back(respond("R" + std::to_string(i), "uitvoering", {{"D1.1", "ja", "Besluit"}}));
    auto a = assess(one_person(), rs);
    const DomainResult& d = *a.find_domain("D1");
    CHECK(*d.risk == doctest::Approx(25));
    CHECK(d.score_band == "matig");
    CHECK(d.band == "verhoogd");
    CHECK(d.lifted_critical);
    CHECK(d.likelihood == 3); // 25 % is 2; verhoogd starts above 40 %: 3
    // A band already above the critical band is not lowered.
    auto b = assess(one_person(), {respond("R1", "uitvoering", {{"D1.1", "nee"}})});
    CHECK(b.find_domain("D1")->band == "hoog");
    CHECK_FALSE(b.find_domain("D1")->lifted_critical);
    CHECK(b.find_domain("D1")->likelihood == 5);
}

TEST_CASE("disagreement: both ends of the scale, or a large spread") {
    // ja, nee, nee: a third at each end (>= 20 %), spread sqrt(2/9) = 0.471.
    auto a = assess(example(), {respond("R1", "uitvoering", {{"D1.1", "ja", "x"}}), respond("R2", "uitvoering", {{"D1.1", "nee"}}),
                                respond("R3", "uitvoering", {{"D1.1", "nee"}})});
    CHECK(question(a, "D1.1").opposites);
    CHECK(question(a, "D1.1").spread == doctest::Approx(0.4714).epsilon(0.001));
    CHECK(question(a, "D1.1").disagreement);
    CHECK(a.find_domain("D1")->disagreements == 1);
    // ja and nee from two: fewer than the anonymity threshold (3), so the
    // question is withheld and no disagreement, though both ends are there.
    auto two = assess(example(), {respond("R1", "uitvoering", {{"D1.1", "ja", "x"}}), respond("R2", "uitvoering", {{"D1.1", "nee"}})});
    CHECK(question(two, "D1.1").opposites);
    CHECK(question(two, "D1.1").withheld);
    CHECK_FALSE(question(two, "D1.1").disagreement);
    // ja, deels, deels: mean 1/3, spread sqrt(1/18) = 0.236 <= 0.35, no opposites.
    auto b = assess(example(), {respond("R1", "uitvoering", {{"D1.1", "ja", "x"}}), respond("R2", "uitvoering", {{"D1.1", "deels"}}),
                                respond("R3", "uitvoering", {{"D1.1", "deels"}})});
    CHECK(question(b, "D1.1").spread == doctest::Approx(0.2357).epsilon(0.001));
    CHECK_FALSE(question(b, "D1.1").disagreement);
    // Without the opposites rule, the spread of ja/nee (0.5 > 0.35) still flags it.
    Instrument ins = example();
    ins.risk.disagreement_opposites = false;
    auto c = assess(ins, {respond("R1", "uitvoering", {{"D1.1", "ja", "x"}}), respond("R2", "uitvoering", {{"D1.1", "nee"}}),
                          respond("R3", "uitvoering", {{"D1.1", "nee"}})});
    CHECK(question(c, "D1.1").disagreement);
    // One answer never disagrees with itself.
    auto d = assess(example(), {respond("R1", "uitvoering", {{"D1.1", "nee"}})});
    CHECK_FALSE(question(d, "D1.1").disagreement);
}

TEST_CASE("exposure: median per profile question, then mean or max") {
    auto a = assess(example(), {respond("R1", "leiding", {{"P1", "1000-10000"}}), respond("R2", "leiding", {{"P1", "meer-dan-10000"}}),
                                respond("R3", "leiding", {{"P1", "meer-dan-10000"}})});
    CHECK(a.exposure.known);
    CHECK(question(a, "P1").exposure == 5);
    CHECK(a.exposure.level == 5);
    // Even count: the higher middle value (3 and 5 -> 5; 1 and 3 -> 3).
    auto b = assess(example(), {respond("R1", "leiding", {{"P1", "minder-dan-1000"}}), respond("R2", "leiding", {{"P1", "1000-10000"}})});
    CHECK(b.exposure.level == 3);
    // No profile answers: unknown, 3 used.
    auto c = assess(example(), {respond("R1", "leiding", {{"D1.1", "nee"}})});
    CHECK_FALSE(c.exposure.known);
    CHECK(c.exposure.level == 3);

    // Two profile questions: medians 1 and 3 -> mean 2, max 3; 5 and 3 and 5 -> 13/3 = 4.33 -> 4.
    Instrument ins = example();
    for (const char* id : {"P2", "P3"}) {
        Question q = ins.profile.questions[0];
        q.id = id;
        ins.profile.questions.push_back(q);
    }
    ins.build_index();
    auto d = assess(ins, {respond("R1", "leiding", {{"P1", "minder-dan-1000"}, {"P2", "1000-10000"}})});
    CHECK(d.exposure.level == 2);
    auto e = assess(ins, {respond("R1", "leiding", {{"P1", "meer-dan-10000"}, {"P2", "1000-10000"}, {"P3", "meer-dan-10000"}})});
    CHECK(e.exposure.value == doctest::Approx(13.0 / 3));
    CHECK(e.exposure.level == 4);
    ins.profile.method = ExposureMethod::max;
    auto f = assess(ins, {respond("R1", "leiding", {{"P1", "minder-dan-1000"}, {"P2", "1000-10000"}})});
    CHECK(f.exposure.level == 3);
}

namespace {

std::vector<Response> groups_of(const std::vector<std::pair<std::string, int>>& sizes) {
    std::vector<Response> rs;
    int n = 0;
    for (const auto& [role, count] : sizes)
        for (int i = 0; i < count; ++i) rs.push_back(respond("R" + std::to_string(++n), role, {{"D1.1", "deels"}}));
    return rs;
}

const GroupResult& group(const Assessment& a, std::string_view role) {
    auto it = std::find_if(a.groups.begin(), a.groups.end(), [&](const GroupResult& g) { return g.role == role; });
    REQUIRE(it != a.groups.end());
    return *it;
}

} // namespace

TEST_CASE("role groups below the anonymity threshold are suppressed") {
    auto a = assess(example(), groups_of({{"leiding", 3}, {"uitvoering", 5}}));
    REQUIRE(a.groups.size() == 2);
    CHECK_FALSE(group(a, "leiding").suppressed);
    CHECK_FALSE(group(a, "uitvoering").suppressed);
    CHECK(*group(a, "leiding").domains[0].risk == doctest::Approx(50));
}

TEST_CASE("suppression is complementary: one hidden group hides the next smallest") {
    // leiding 2 < 3 hidden; total - uitvoering would reveal it, so uitvoering goes too.
    auto a = assess(example(), groups_of({{"leiding", 2}, {"uitvoering", 5}}));
    CHECK(group(a, "leiding").suppressed);
    CHECK_FALSE(group(a, "leiding").complementary);
    CHECK(group(a, "uitvoering").suppressed);
    CHECK(group(a, "uitvoering").complementary);
    CHECK(group(a, "uitvoering").domains.empty());
    // Three groups: the smallest shown one (no role, 4) goes, uitvoering (5) stays.
    auto b = assess(example(), groups_of({{"leiding", 2}, {"uitvoering", 5}, {"", 4}}));
    CHECK(group(b, "").suppressed);
    CHECK(group(b, "").complementary);
    CHECK_FALSE(group(b, "uitvoering").suppressed);
    // Two hidden groups already protect each other.
    auto c = assess(example(), groups_of({{"leiding", 1}, {"uitvoering", 5}, {"", 2}}));
    CHECK(group(c, "leiding").suppressed);
    CHECK(group(c, "").suppressed);
    CHECK_FALSE(group(c, "").complementary);
    CHECK_FALSE(group(c, "uitvoering").suppressed);
    // Ties in size are broken by role id: leiding before uitvoering.
    auto d = assess(example(), groups_of({{"leiding", 4}, {"uitvoering", 4}, {"", 1}}));
    CHECK(group(d, "leiding").complementary);
    CHECK_FALSE(group(d, "uitvoering").suppressed);
}

TEST_CASE("groups that see markedly different risk are a finding") {
    std::vector<Response> rs;
    for (int i = 0; i < 3; ++i) rs.push_back(respond("L" + std::to_string(i), "leiding", {{"D1.1", "ja", "Beleid"}}));
    for (int i = 0; i < 3; ++i) rs.push_back(respond("U" + std::to_string(i), "uitvoering", {{"D1.1", i == 0 ? "ja" : "nee"}}));
    auto a = assess(example(), rs);
    // leiding 0 %; uitvoering (0.5 + 1 + 1) / 3 = 83.3 % (ja without evidence is deels)
    REQUIRE(a.differences.size() == 1);
    CHECK(a.differences[0].domain == "D1");
    CHECK(a.differences[0].lower_role == "leiding");
    CHECK(a.differences[0].higher_role == "uitvoering");
    CHECK(a.differences[0].higher == doctest::Approx(250.0 / 3));
    // 10 points apart is no finding.
    ScoringRules rules;
    rules.group_difference_points = 90;
    CHECK(assess(example(), rs, rules).differences.empty());
}

TEST_CASE("notes and evidence are collected without respondent codes, sorted") {
    Response r1 = respond("R1", "uitvoering", {{"D1.1", "ja", "Zo besloten"}});
    r1.answers[0].note = "Tweede notitie";
    Response r2 = respond("R2", "uitvoering", {{"D1.1", "ja", "Andere bron"}});
    r2.answers[0].note = "Eerste notitie";
    auto a = assess(example(), {r1, r2});
    CHECK(question(a, "D1.1").evidence == std::vector<std::string>{"Andere bron", "Zo besloten"});
    CHECK(question(a, "D1.1").notes == std::vector<std::string>{"Eerste notitie", "Tweede notitie"});
}

TEST_CASE("group sessions are counted") {
    Response r = respond("S1", "uitvoering", {{"D1.1", "nee"}});
    r.respondent.participants = 6;
    auto a = assess(example(), {r});
    CHECK(a.respondents == 1);
    CHECK(a.sessions == 1);
}

TEST_CASE("a response set with duplicate codes or mixed versions is an error") {
    std::vector<Response> rs = {respond("R1", "uitvoering", {}), respond("R1", "leiding", {}), respond("R2", "leiding", {})};
    rs[0].path = "b.toml";
    rs[1].path = "a.toml";
    rs[2].path = "c.toml";
    Diagnostics d;
    check_response_set(rs, d);
    CHECK(format(d) == "b.toml: error: respondent code 'R1' is also used in a.toml\n"
                       "  hint: every respondent (or session) needs a code of its own; the same file given twice counts too\n");

    rs[1].respondent.code = "R3";
    rs[2].version = "1.1.0";
    rs[2].version_where = {"c.toml", 2, 11};
    Diagnostics e;
    check_response_set(rs, e);
    CHECK(format(e) ==
          "a.toml: error: answers to 'voorbeeld' 1.0.0 (a.toml, b.toml) are mixed with answers to 'voorbeeld' 1.1.0 (c.toml)\n"
          "  hint: score the answers to one instrument version per run\n"
          "c.toml:2:11: error: answers to 'voorbeeld' 1.1.0 (c.toml) are mixed with answers to 'voorbeeld' 1.0.0 (a.toml, b.toml)\n"
          "  hint: score the answers to one instrument version per run\n");
}

TEST_CASE("open answers and numbers are collected apart from notes, sorted") {
    Response r1 = respond("R1", "uitvoering", {});
    Answer t1;
    t1.question = "D1.1";
    t1.text = "Tweede";
    t1.note = "Een notitie";
    r1.answers.push_back(t1);
    Response r2 = respond("R2", "uitvoering", {});
    Answer t2;
    t2.question = "D1.1";
    t2.text = "Eerste";
    r2.answers.push_back(t2);
    Response r3 = respond("R3", "uitvoering", {});
    Answer n3;
    n3.question = "D1.1";
    n3.number = 120;
    r3.answers.push_back(n3);
    Response r4 = respond("R4", "uitvoering", {});
    Answer n4;
    n4.question = "D1.1";
    n4.number = 45;
    r4.answers.push_back(n4);
    auto a = assess(example(), {r1, r2, r3, r4});
    CHECK(question(a, "D1.1").texts == std::vector<std::string>{"Eerste", "Tweede"});
    CHECK(question(a, "D1.1").notes == std::vector<std::string>{"Een notitie"});
    CHECK(question(a, "D1.1").numbers == std::vector<double>{45, 120});
    CHECK(question(a, "D1.1").answered == 4);
}

namespace {

// voorbeeld.toml with a line added after the jdn scale's label.
std::optional<Instrument> with_scale_rule(const std::string& rule, Diagnostics& d) {
    std::string text = read_file(std::string(ZELFSCAN_TEST_DATA) + "/instruments/voorbeeld.toml", limits::instrument_file).data;
    const std::string label = "label = { nl = \"Ja / deels / nee\", en = \"Yes / partly / no\" }\n";
    auto at = text.find(label);
    REQUIRE(at != std::string::npos);
    text.insert(at + label.size(), rule + "\n");
    return parse_instrument(text, "v.toml", d);
}

} // namespace

TEST_CASE("a scale's own unevidenced rule replaces the instrument's on that scale") {
    Diagnostics d;
    auto loaded = with_scale_rule("unevidenced = { option = \"ja\", score_as = \"nee\" }", d);
    INFO(format(d));
    REQUIRE(loaded);
    REQUIRE_FALSE(d.has_errors());
    const Instrument& ins = *loaded;
    auto a = assess(ins, {respond("R1", "uitvoering", {{"D1.1", "ja"}})});
    CHECK(question(a, "D1.1").unevidenced == 1);
    CHECK(*question(a, "D1.1").mean_risk == doctest::Approx(1.0)); // not 0.5 as [risk] says
    a = assess(ins, {respond("R1", "uitvoering", {{"D1.1", "ja", "Besluit 12"}})});
    CHECK(*question(a, "D1.1").mean_risk == doctest::Approx(0.0));
}

TEST_CASE("a scale's unevidenced rule: options of the scale, with a risk, never safer") {
    Diagnostics d;
    with_scale_rule("unevidenced = { option = \"ja\", score_as = \"misschien\" }", d);
    CHECK(format(d).find("unevidenced score_as 'misschien' is not an option of scale 'jdn'") != std::string::npos);
    Diagnostics safer;
    with_scale_rule("unevidenced = { option = \"nee\", score_as = \"ja\" }", safer);
    CHECK(format(safer).find("unevidenced on scale 'jdn': 'ja' (risk 0) is safer than 'nee' (risk 1)") != std::string::npos);
    Diagnostics shape;
    with_scale_rule("unevidenced = \"ja\"", shape);
    CHECK(format(shape).find("'unevidenced' must be a table") != std::string::npos);
}

TEST_CASE("'cannot know' from an owner counts as don't know, never as an answer without evidence") {
    Diagnostics d;
    auto loaded = with_scale_rule("[[scale.option]]\nid = \"kan-niet\"\nlabel = { nl = \"Kan ik niet weten\", en = \"Cannot know\" }\n"
                                  "kind = \"cannot-know\"",
                                  d);
    INFO(format(d));
    REQUIRE(loaded);
    REQUIRE_FALSE(d.has_errors());
    Instrument ins = *loaded;
    ins.domains[0].owners = {"leiding"};
    // D1.1 asks for evidence; neither answer names any.
    auto a = assess(ins, {respond("R1", "leiding", {{"D1.1", "kan-niet"}}), respond("R2", "uitvoering", {{"D1.1", "kan-niet"}}),
                          respond("R3", "leiding", {{"D1.1", "ja"}})});
    const auto& q = question(a, "D1.1");
    CHECK(q.unevidenced == 1);  // only R3's 'ja'
    CHECK(q.cannot_know == 1);  // R2, not an owner: no risk
    CHECK(q.scored_answers == 2);
    CHECK(*q.mean_risk == doctest::Approx((0.75 + 0.5) / 2));
}

TEST_CASE("a question answered by fewer than the anonymity threshold is withheld, and counts only by its red flag") {
    // Threshold 3. D2.1 hangs on D2.0: only R1 and R2 get it, so D2.1 is
    // withheld; D1.1 (answered by all four) is not.
    std::vector<Response> rs = {respond("R1", "uitvoering", {{"D1.1", "nee"}, {"D2.0", "ja"}, {"D2.1", "nee"}}),
                                respond("R2", "uitvoering", {{"D1.1", "nee"}, {"D2.0", "ja"}, {"D2.1", "ja"}}),
                                respond("R3", "uitvoering", {{"D1.1", "ja", "Besluit 12"}, {"D2.0", "nee"}}),
                                respond("R4", "uitvoering", {{"D1.1", "ja", "Besluit 12"}, {"D2.0", "nee"}})};
    Assessment a = assess(example(), rs);
    CHECK(question(a, "D2.1").withheld);
    CHECK_FALSE(question(a, "D1.1").withheld);
    // "ja" and "nee" from two people: too few to call a disagreement.
    CHECK_FALSE(question(a, "D2.1").disagreement);
    // The answers raise the red flag ("nee"), but are not in D2's score:
    // D2.1 is D2's only scored question, so D2 has none, and the total is
    // D1's alone (with D2 in it, total and D1 would give D2 away).
    CHECK(question(a, "D2.1").red_flag);
    const DomainResult& d2 = *a.find_domain("D2");
    CHECK(d2.withheld);
    CHECK_FALSE(d2.risk);
    CHECK(d2.band.empty());
    CHECK_FALSE(d2.not_applicable);
    CHECK(d2.likelihood == 0);
    CHECK(d2.red_flag_questions == std::vector<std::string>{"D2.1"});
    CHECK(*a.overall.risk == doctest::Approx(risk(a, "D1")));
    CHECK(a.overall.worst_band == a.find_domain("D1")->band);
    // Other answers from the same two people change nothing that is shown.
    std::vector<Response> other = rs;
    other[1] = respond("R2", "uitvoering", {{"D1.1", "nee"}, {"D2.0", "ja"}, {"D2.1", "deels"}});
    Assessment b = assess(example(), other);
    CHECK(*b.overall.risk == doctest::Approx(*a.overall.risk));
    CHECK_FALSE(b.find_domain("D2")->risk);
    for (const auto& g : b.groups)
        for (const auto& gd : g.domains)
            if (gd.id == "D2") CHECK_FALSE(gd.risk);

    withhold_small_questions(a);
    const QuestionResult& q = question(a, "D2.1");
    CHECK(q.withheld);
    CHECK(q.answered == 2);
    CHECK(q.skipped == 2);
    CHECK(q.red_flag);
    CHECK(q.red_flags == 0); // the count is not shown
    CHECK_FALSE(q.mean_risk);
    CHECK(q.options.empty());
    CHECK(q.notes.empty());
    CHECK(q.spread == 0);
    // The rest is untouched.
    CHECK(question(a, "D1.1").mean_risk);
    CHECK(a.overall.red_flags == 1);
}

TEST_CASE("a withheld question's priority tells no more than that the measure is in the plan") {
    // Threshold 3; D2.1 is shown to R1 and R2 only (withheld). Their answers
    // differ between the two rounds (mean 0.5 against 0.625), both trigger
    // and neither raises a red flag: the plan must be the same.
    auto round = [](const Instrument& ins, const char* second) {
        std::vector<Response> rs = {respond("R1", "uitvoering", {{"D1.1", "nee"}, {"D2.0", "ja"}, {"D2.1", "deels"}}),
                                    respond("R2", "uitvoering", {{"D1.1", "nee"}, {"D2.0", "ja"}, {"D2.1", second}}),
                                    respond("R3", "uitvoering", {{"D1.1", "nee"}, {"D2.0", "nee"}}),
                                    respond("R4", "uitvoering", {{"D1.1", "nee"}, {"D2.0", "nee"}})};
        Assessment a = assess(ins, rs);
        REQUIRE(question(a, "D2.1").withheld == (ins.risk.anonymity_threshold > 2));
        REQUIRE_FALSE(question(a, "D2.1").red_flag);
        return make_plan(ins, a);
    };
    auto priorities = [](const Plan& p) {
        std::vector<std::pair<std::string, double>> out;
        for (const auto& act : p.actions)
            if (act.kind != ActionKind::find_out && std::find(act.questions.begin(), act.questions.end(), "D2.1") != act.questions.end())
                out.emplace_back(act.id, act.priority);
        return out;
    };
    const Instrument& ins = example();
    auto a = priorities(round(ins, "deels")), b = priorities(round(ins, "weet-niet"));
    REQUIRE_FALSE(a.empty());
    CHECK(a == b);
    // Counted at the trigger level, 0.5: weight 3 x 0.5, as 'deels' twice.
    // Not withheld (threshold 2), the two rounds differ, as they should.
    Instrument open = ins;
    open.risk.anonymity_threshold = 2;
    CHECK(priorities(round(open, "deels")) != priorities(round(open, "weet-niet")));
}

TEST_CASE("a group session's answers hide among its participants") {
    // Threshold 3. One session file of 4 participants: nothing withheld.
    // The same file as one person: everything it answered is withheld.
    Response session = respond("S1", "", {{"D1.1", "nee"}, {"D2.0", "ja"}, {"D2.1", "deels"}});
    session.respondent.participants = 4;
    Assessment a = assess(example(), {session});
    CHECK(question(a, "D1.1").respondents == 1);
    CHECK(question(a, "D1.1").people == 4);
    CHECK_FALSE(question(a, "D1.1").withheld);
    CHECK_FALSE(question(a, "D2.1").withheld);
    session.respondent.participants = 2;
    CHECK(question(assess(example(), {session}), "D2.1").withheld); // 2 people
    session.respondent.participants = 0;
    Assessment one = assess(example(), {session});
    CHECK(question(one, "D1.1").people == 1);
    CHECK(question(one, "D1.1").withheld);
}
