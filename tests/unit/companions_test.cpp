// Companion questionnaires in the risk report (src/report/companions.cpp):
// shown only from the anonymity minimum, role columns only for groups that
// are shown, and placed in the report by [[companions]].
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "model/load_instrument.hpp"
#include "report/companions.hpp"
#include "report/report.hpp"
#include "scoring/plan.hpp"
#include "scoring_fixtures.hpp"

using namespace zs;

namespace {

const char* survey_toml = R"(
[instrument]
id = "peiling"
version = "1.0.0"
languages = ["nl", "en"]
title = { nl = "Korte peiling", en = "Short survey" }
description = { nl = "Een peiling.", en = "A survey." }

[[scale]]
id = "vaak"
  [[scale.option]]
  id = "nooit"
  label = { nl = "Nooit", en = "Never" }
  value = 1
  [[scale.option]]
  id = "vaak"
  label = { nl = "Vaak", en = "Often" }
  value = 3
  [[scale.option]]
  id = "weet-niet"
  label = { nl = "Weet ik niet", en = "Don't know" }
  kind = "dont-know"

[[role]]
id = "team"
label = { nl = "Teamlid", en = "Team member" }

[[role]]
id = "chef"
label = { nl = "Chef", en = "Boss" }

[[domain]]
id = "P1"
title = { nl = "Sfeer", en = "Climate" }
  [[domain.question]]
  id = "P1.1"
  text = { nl = "Hoe vaak hoorde u een grap over klanten?", en = "How often did you hear a joke about clients?" }
  scale = "vaak"
)";

const Instrument& survey() {
    static const Instrument ins = [] {
        Diagnostics d;
        auto i = parse_instrument(survey_toml, "peiling.toml", d);
        REQUIRE(i);
        return *i;
    }();
    return ins;
}

Response answer(const std::string& code, const std::string& role, const std::string& option) {
    Response r;
    r.instrument = "peiling";
    r.version = "1.0.0";
    r.path = code + ".toml";
    r.respondent.code = code;
    r.respondent.role = role;
    Answer a;
    a.question = "P1.1";
    a.options.push_back(option);
    r.answers.push_back(a);
    return r;
}

// `team` team members who answer "vaak", `chefs` bosses who answer "nooit".
std::vector<Response> answers(int team, int chefs) {
    std::vector<Response> rs;
    for (int i = 0; i < team; ++i) rs.push_back(answer("T" + std::to_string(i), "team", "vaak"));
    for (int i = 0; i < chefs; ++i) rs.push_back(answer("C" + std::to_string(i), "chef", "nooit"));
    return rs;
}

std::string cells_of(const doc::Table& t) {
    std::string s;
    for (const auto& row : t.rows) {
        for (const auto& c : row.cells) s += doc::plain_text(c.text) + " | ";
        s += "\n";
    }
    return s;
}

std::string text_of(const doc::Blocks& blocks) {
    std::string s;
    for (const auto& b : blocks) {
        if (auto* h = std::get_if<doc::Heading>(&b.content)) s += doc::plain_text(h->text) + "\n";
        if (auto* p = std::get_if<doc::Paragraph>(&b.content)) s += doc::plain_text(p->runs) + "\n";
        if (auto* t = std::get_if<doc::Table>(&b.content)) s += cells_of(*t);
        if (auto* g = std::get_if<doc::Group>(&b.content)) s += text_of(g->blocks);
        if (auto* c = std::get_if<doc::Callout>(&b.content)) s += text_of(c->blocks);
        if (auto* l = std::get_if<doc::List>(&b.content))
            for (const auto& item : l->items) s += text_of(item.blocks);
    }
    return s;
}

std::string read(const std::string& path) {
    std::ifstream in(path);
    REQUIRE(in);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

} // namespace

TEST_CASE("the role table shows the mean per role group that is shown") {
    auto rs = answers(6, 5);
    Assessment as = assess(survey(), rs);
    auto t = report::role_means_table(survey(), as, survey().domains[0], "nl");
    REQUIRE(t);
    std::string s = cells_of(*t);
    CAPTURE(s);
    // Everyone: (6 x 3 + 5 x 1) / 11 = 2.09; the team 3, the bosses 1.
    CHECK(s.find("Iedereen") != std::string::npos);
    CHECK(s.find("Teamlid (6)") != std::string::npos);
    CHECK(s.find("Chef (5)") != std::string::npos);
    CHECK(s.find("| 2,1 | 3,0 | 1,0 |") != std::string::npos);
    CHECK(s.find("1 = Nooit, 3 = Vaak") != std::string::npos);
}

TEST_CASE("the role means come from the assessment's counts, whatever the order of the files") {
    auto rs = answers(6, 5);
    auto reversed = rs;
    std::reverse(reversed.begin(), reversed.end());
    Assessment as = assess(survey(), rs), as_reversed = assess(survey(), reversed);
    auto t = report::role_means_table(survey(), as, survey().domains[0], "en");
    auto u = report::role_means_table(survey(), as_reversed, survey().domains[0], "en");
    REQUIRE(t);
    REQUIRE(u);
    CHECK(cells_of(*t) == cells_of(*u));
    CHECK(cells_of(*t).find("| 2.1 | 3.0 | 1.0 |") != std::string::npos);
    // A "don't know" has no value: it is left out of the mean.
    rs.push_back(answer("T9", "team", "weet-niet"));
    auto with_unknown = report::role_means_table(survey(), assess(survey(), rs), survey().domains[0], "en");
    REQUIRE(with_unknown);
    CHECK(cells_of(*with_unknown).find("| 2.1 | 3.0 | 1.0 |") != std::string::npos);
}

TEST_CASE("a role group below the threshold never gets a column, nor the group that would reveal it") {
    // Two bosses are below 5; showing the six team members next to
    // "everyone" would reveal the bosses' mean, so the team is hidden too.
    auto rs = answers(6, 2);
    Assessment as = assess(survey(), rs);
    CHECK_FALSE(report::role_means_table(survey(), as, survey().domains[0], "nl"));
    auto few = answers(4, 2);
    Assessment as_few = assess(survey(), few);
    CHECK_FALSE(report::role_means_table(survey(), as_few, survey().domains[0], "en"));
}

TEST_CASE("a role mean of fewer values than the minimum is not shown") {
    auto rs = answers(6, 5);
    Assessment as = assess(survey(), rs);
    auto t = report::role_means_table(survey(), as, survey().domains[0], "nl", 6);
    REQUIRE(t);
    std::string s = cells_of(*t);
    CAPTURE(s);
    CHECK(s.find("| 2,1 | 3,0 | – |") != std::string::npos);
}

TEST_CASE("a companion is shown only from the larger of the two anonymity thresholds") {
    auto few_rs = answers(3, 1), enough_rs = answers(4, 1);
    Assessment a_few = assess(survey(), few_rs), a_enough = assess(survey(), enough_rs);
    RespondentFacts few = facts_of(few_rs), enough = facts_of(enough_rs);
    CHECK(report::companion_minimum(test::example(), survey()) == 5);
    CHECK_FALSE(report::companion_shown(test::example(), {&survey(), &few, &a_few}));
    CHECK(report::companion_shown(test::example(), {&survey(), &enough, &a_enough}));
    std::string nl = text_of(report::companion_withheld(test::example(), {&survey(), &few, &a_few}, "nl"));
    CHECK(nl.find("Korte peiling") != std::string::npos);
    CHECK(nl.find("4 antwoordsets") != std::string::npos);
    CHECK(nl.find("pas vanaf 5 antwoordsets") != std::string::npos);
    std::string en = text_of(report::companion_withheld(test::example(), {&survey(), &few, &a_few}, "en"));
    CHECK(en.find("4 answer sets") != std::string::npos);
    CHECK(en.find("only from 5 answer sets") != std::string::npos);
}

TEST_CASE("[[companions]] puts each companion's results into the risk report, or only its count") {
    std::string root = std::string(ZELFSCAN_TEST_DATA) + "/../../report-templates/";
    std::vector<Response> main_answers = {test::respond("A", "", {{"D1.1", "ja"}})};
    Assessment main_as = assess(test::example(), main_answers);
    RespondentFacts main_rs = facts_of(main_answers);
    Plan plan = make_plan(test::example(), main_as);
    for (std::string lang : {"nl", "en"}) {
        CAPTURE(lang);
        ReportOptions o;
        o.lang = lang;
        o.template_path = "t.md";
        o.template_text = "# Rapport\n\n{{#companions}}- {{title}}: {{respondents_phrase}}{{^shown}} (minimum {{minimum}}){{/shown}}\n{{/companions}}\n\n[[companions]]\n";
        o.companion_template_path = root + (lang == "en" ? "companion.en.md" : "aanvulling.nl.md");
        o.companion_template_text = read(o.companion_template_path);
        auto shown_rs = answers(6, 5);
        Assessment shown_as = assess(survey(), shown_rs);
        RespondentFacts shown_rs_facts = facts_of(shown_rs);
        o.companions = {{&survey(), &shown_rs_facts, &shown_as}};
        Diagnostics d;
        std::string s = text_of(build_report(test::example(), main_rs, main_as, plan, o, d).blocks);
        CAPTURE(s);
        CHECK_FALSE(d.has_errors());
        CHECK(s.find(lang == "en" ? "Short survey: 11 answer sets" : "Korte peiling: 11 antwoordsets") != std::string::npos);
        CHECK(s.find("P1.1") != std::string::npos);
        CHECK(s.find(lang == "en" ? "Team member (6)" : "Teamlid (6)") != std::string::npos);
        CHECK(s.find(lang == "en" ? "Boss (5)" : "Chef (5)") != std::string::npos);

        // Shown as a whole, but with one group below the threshold: no role columns.
        auto small_group = answers(6, 2);
        Assessment small_as = assess(survey(), small_group);
        RespondentFacts small_group_facts = facts_of(small_group);
        o.companions = {{&survey(), &small_group_facts, &small_as}};
        s = text_of(build_report(test::example(), main_rs, main_as, plan, o, d).blocks);
        CHECK_FALSE(d.has_errors());
        CHECK(s.find("P1.1") != std::string::npos);
        CHECK(s.find(lang == "en" ? "Team member (" : "Teamlid (") == std::string::npos);
        CHECK(s.find(lang == "en" ? "Boss (" : "Chef (") == std::string::npos);

        auto few_rs = answers(2, 1);
        Assessment few_as = assess(survey(), few_rs);
        RespondentFacts few_rs_facts = facts_of(few_rs);
        o.companions = {{&survey(), &few_rs_facts, &few_as}};
        s = text_of(build_report(test::example(), main_rs, main_as, plan, o, d).blocks);
        CHECK_FALSE(d.has_errors());
        CHECK(s.find("(minimum 5)") != std::string::npos);
        CHECK(s.find("P1.1") == std::string::npos);
        CHECK(s.find(lang == "en" ? "3 answer sets" : "3 antwoordsets") != std::string::npos);
    }
}
