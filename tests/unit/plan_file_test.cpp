// The plan file (src/cycle/plan_file.*, plan_read.cpp, plan_write.cpp):
// written, read back, merged and checked.
#include <doctest/doctest.h>

#include "cycle/plan_file.hpp"
#include "scoring/assessment.hpp"
#include "scoring/plan.hpp"
#include "scoring_fixtures.hpp"

using namespace zs;
using namespace zs::test;
using namespace zs::cycle;

namespace {

Plan round_plan(const std::vector<Given>& answers) {
    return make_plan(one_person(), assess(one_person(), {respond("R1", "uitvoering", answers)}));
}

PlanFile read_ok(const std::string& text, PlanFormat f) {
    Diagnostics d;
    auto p = read_plan(text, "plan", f, d);
    INFO(format(d));
    REQUIRE(p);
    return *p;
}

} // namespace

TEST_CASE("the plan as CSV: columns, the formula guard, one row per action") {
    Plan p = round_plan({{"D1.1", "deels", "=Besluit, \"concept\""}, {"D2.0", "ja"}, {"D2.1", "nee"}});
    PlanMeta meta;
    meta.organisation = "Gemeente Voorbeeld";
    meta.round = "2026-06-01";
    meta.updated = "2026-06-02";
    PlanFile f = make_plan_file(one_person(), p, "nl", meta);
    f.format = PlanFormat::csv;
    std::string csv = write_plan(f);
    CHECK(csv.rfind("measure,title,questions,priority,quadrant,timeframe,effort,impact,owner,deadline,indicator,status,kind,basis,"
                    "evidence,indicated,notes,since,organisation,unit,round,updated,instrument,version,language,exposure,domain_bands\r\n",
                    0) == 0);
    CHECK(csv.find("\r\nM2,Stop met nationaliteit als criterium,D2.1,9.00,quick-win,now,low,high,") != std::string::npos);
    CHECK(csv.find("\"'=Besluit, \"\"concept\"\"\",ja,,2026-06-01,Gemeente Voorbeeld,,2026-06-01,2026-06-02,voorbeeld,1.0.0,nl,3,\r\n") !=
          std::string::npos);
    // Read back: the same rows, the guard taken off.
    PlanFile back = read_ok(csv, PlanFormat::csv);
    REQUIRE(back.rows.size() == 2);
    CHECK(back.rows[1].evidence == std::vector<std::string>{"=Besluit, \"concept\""});
    CHECK(back.meta.organisation == "Gemeente Voorbeeld");
    CHECK(back.meta.round == "2026-06-01");
    CHECK(write_plan(back) == csv);
}

TEST_CASE("a plan saved by Dutch Excel: BOM, semicolons, d-m-yyyy dates") {
    std::string csv = "\xEF\xBB\xBFmeasure;title;owner;deadline;status;Budget\r\n"
                      "M1;Wijs een eigenaar aan;Directeur;1-3-2027;bezig;\"12.000; eenmalig\"\r\n";
    PlanFile p = read_ok(csv, PlanFormat::csv);
    REQUIRE(p.rows.size() == 1);
    CHECK(p.rows[0].owner == "Directeur");
    CHECK(p.extra_columns == std::vector<std::string>{"Budget"});
    CHECK(p.rows[0].extra[0].text == "12.000; eenmalig");
    CHECK(parse_date(p.rows[0].deadline) == "2027-03-01");
    Diagnostics d;
    check_plan(p, &one_person(), d);
    CHECK(d.empty());
}

TEST_CASE("merge keeps what the team wrote, adds new measures, marks solved ones") {
    PlanFile before = make_plan_file(one_person(), round_plan({{"D1.1", "nee"}, {"D2.0", "ja"}, {"D2.1", "nee"}}), "nl", {});
    REQUIRE(before.find("M2"));
    REQUIRE(before.find("M1"));
    for (auto& r : before.rows) {
        r.owner = "Teamleider " + r.measure;
        r.deadline = "2027-01-31";
        r.status = r.measure == "M2" ? "afgerond" : "bezig";
        r.notes = "besproken in MT";
        r.extra.push_back({"budget", "\"5000\""});
    }
    before.extra_columns = {"budget"};
    // Round 2: D2.1 is solved (no more red flag), D1.1 still high.
    PlanFile now = make_plan_file(one_person(), round_plan({{"D1.1", "nee"}, {"D2.0", "ja"}, {"D2.1", "ja"}}), "nl", {});
    REQUIRE_FALSE(now.find("M2"));
    PlanFile merged = merge_plan(before, now);
    const PlanRow* m1 = merged.find("M1");
    const PlanRow* m2 = merged.find("M2");
    REQUIRE(m1);
    REQUIRE(m2);
    CHECK(m1->indicated);
    CHECK(m1->owner == "Teamleider M1");
    CHECK(m1->status == "bezig");
    CHECK(m1->notes == "besproken in MT");
    CHECK(m1->extra.at(0).text == "\"5000\"");
    CHECK_FALSE(m2->indicated);
    CHECK(m2->status == "afgerond");
    CHECK(merged.rows.back().measure == "M2");
    CHECK(merged.extra_columns == std::vector<std::string>{"budget"});
    // As TOML, read back: the same again, the user's key keeps its type.
    std::string toml = write_plan(merged);
    CHECK(toml.find("measure = \"M2\"\nindicated = false\n") != std::string::npos);
    CHECK(toml.find("budget = \"5000\"") != std::string::npos);
    PlanFile back = read_ok(toml, PlanFormat::toml);
    CHECK(write_plan(back) == toml);
    CHECK(write_plan(merge_plan(back, now)) == toml);
}

TEST_CASE("a TOML plan keeps a user's own keys in their order and type") {
    std::string toml = "instrument = \"voorbeeld\"\nversion = \"1.0.0\"\nlanguage = \"nl\"\ncontact = \"a@b.nl\"\n\n"
                       "[[action]]\nmeasure = \"M1\"\nstatus = \"open\"\nzeta = 3\nalpha = true\ndeadline = 2027-03-01\n";
    PlanFile p = read_ok(toml, PlanFormat::toml);
    REQUIRE(p.rows.size() == 1);
    REQUIRE(p.rows[0].extra.size() == 2);
    CHECK(p.rows[0].extra[0].name == "zeta");
    CHECK(p.rows[0].extra[0].text == "3");
    CHECK(p.rows[0].extra[1].text == "true");
    CHECK(p.rows[0].deadline == "2027-03-01");
    CHECK(p.meta.extra.at(0).name == "contact");
    std::string out = write_plan(p);
    CHECK(out.find("contact = \"a@b.nl\"\n") != std::string::npos);
    CHECK(out.find("zeta = 3\nalpha = true\n") != std::string::npos);
}

TEST_CASE("check_plan: located errors for status, dates, measures and duplicates") {
    std::string csv = "measure,status,deadline\n"
                      "M1,gereed,2027-02-30\n"
                      "M9,afgrond,31-12-2026\n"
                      "M1,open,\n"
                      "find-out:D1.1,vervallen,\n"
                      "find-out:X9,,\n";
    PlanFile p = read_ok(csv, PlanFormat::csv);
    Diagnostics d;
    check_plan(p, &one_person(), d);
    std::string text = format(d);
    CHECK(text.find("plan:2:11: error: deadline '2027-02-30' is not a date") != std::string::npos);
    CHECK(text.find("plan:3:1: error: 'M9' is not a measure of instrument 'voorbeeld' 1.0.0") != std::string::npos);
    CHECK(text.find("plan:3:4: error: 'afgrond' is not a status\n  hint: did you mean 'afgerond'?") != std::string::npos);
    CHECK(text.find("plan:4:1: error: measure 'M1' has a second row; the first is at line 2") != std::string::npos);
    CHECK(text.find("plan:6:1: error: 'find-out:X9' is not a measure") != std::string::npos);
    CHECK(d.error_count() == 5);
}

TEST_CASE("statuses and dates") {
    CHECK(parse_status("") == Status::open);
    CHECK(parse_status("Afgerond") == Status::done);
    CHECK(parse_status("gereed") == Status::done);
    CHECK(parse_status("in progress") == Status::in_progress);
    CHECK_FALSE(parse_status("misschien"));
    CHECK(parse_date("2027-3-1") == "2027-03-01");
    CHECK(parse_date("29-02-2028") == "2028-02-29");
    CHECK_FALSE(parse_date("29-02-2027"));
    CHECK_FALSE(parse_date("morgen"));
    CHECK(iso_date(0) == "1970-01-01");
    CHECK(iso_date(1798761600) == "2027-01-01");
    CHECK(day_number("2027-01-01") == 1798761600 / 86400);
}
