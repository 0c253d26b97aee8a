// The report builder with the shipped templates: the text a director reads.
// Example instrument: D1 has one question (D1.1), D2 four.
#include <doctest/doctest.h>

#include <fstream>
#include <functional>
#include <sstream>

#include "report/report.hpp"
#include "scoring/plan.hpp"
#include "scoring_fixtures.hpp"

using namespace zs;
using namespace zs::test;

namespace {

std::string text_of(const doc::Blocks& blocks) {
    std::string s;
    for (const auto& b : blocks) {
        if (auto* p = std::get_if<doc::Paragraph>(&b.content)) s += doc::plain_text(p->runs) + "\n";
        if (auto* c = std::get_if<doc::Callout>(&b.content)) s += text_of(c->blocks);
        if (auto* g = std::get_if<doc::Group>(&b.content)) s += text_of(g->blocks);
        if (auto* t = std::get_if<doc::Table>(&b.content))
            for (const auto& row : t->rows) {
                for (const auto& cell : row.cells) s += doc::plain_text(cell.text) + " | ";
                s += "\n";
            }
    }
    return s;
}

// The report with the shipped template of the language.
doc::Document report_document(const std::vector<Response>& rs, const std::string& lang) {
    ReportOptions o;
    o.lang = lang;
    o.template_path = std::string(ZELFSCAN_TEST_DATA) + "/../../report-templates/" + (lang == "en" ? "report.en.md" : "rapport.nl.md");
    std::ifstream in(o.template_path);
    REQUIRE(in);
    std::stringstream text;
    text << in.rdbuf();
    o.template_text = text.str();
    Assessment a = assess(example(), rs);
    Plan plan = make_plan(example(), a);
    withhold_small_questions(a); // as `zelfscan report` does
    Diagnostics d;
    doc::Document doc = build_report(example(), facts_of(rs), a, plan, o, d);
    INFO(format(d));
    CHECK_FALSE(d.has_errors());
    return doc;
}

// The report's text, with the shipped template of the language.
std::string report_text(const std::vector<Response>& rs, const std::string& lang) {
    return text_of(report_document(rs, lang).blocks);
}

bool has(const std::string& text, const std::string& part) {
    INFO(part);
    return text.find(part) != std::string::npos;
}

} // namespace

TEST_CASE("count phrases in the report: 1 takes the singular") {
    // Regression: "Dit thema heeft 1 vragen", "1 antwoordsets (1 personen)".
    std::vector<Response> one = {respond("R1", "uitvoering", {{"D1.1", "nee"}})};
    std::string nl = report_text(one, "nl");
    CHECK(has(nl, "Dit thema heeft 1 vraag."));
    CHECK(has(nl, "Dit thema heeft 4 vragen."));
    CHECK(has(nl, "1 antwoordset (1 persoon)."));
    CHECK(!has(nl, "verschillen de antwoorden sterk")); // with none, nothing is said
    CHECK(has(nl, "Deelnemers | 1 antwoordset | "));
    std::string en = report_text(one, "en");
    CHECK(has(en, "This theme has 1 question."));
    CHECK(has(en, "This theme has 4 questions."));
    CHECK(has(en, "1 answer set (1 individual)."));
    CHECK(has(en, "Respondents | 1 answer set | "));

    // "ja" with evidence against "nee" (three people, the anonymity
    // threshold): one question where answers differ.
    std::vector<Response> two = {respond("R1", "uitvoering", {{"D1.1", "nee"}}),
                                 respond("R2", "leiding", {{"D1.1", "ja", "Besluit"}}),
                                 respond("R3", "uitvoering", {{"D1.1", "nee"}})};
    nl = report_text(two, "nl");
    CHECK(has(nl, "3 antwoordsets (3 personen)."));
    CHECK(has(nl, "Bij 1 vraag verschillen de antwoorden sterk."));
    en = report_text(two, "en");
    CHECK(has(en, "3 answer sets (3 individuals)."));
    CHECK(has(en, "On 1 question the answers differ widely."));
}

TEST_CASE("the report reads well to a screen reader: key-value cover, chart descriptions") {
    std::vector<Response> rs = {respond("R1", "uitvoering", {{"D1.1", "nee"}, {"D2.1", "ja"}}),
                                respond("R2", "leiding", {{"D1.1", "ja", "Besluit"}})};
    doc::Document doc = report_document(rs, "nl");
    bool cover_table = false;
    int charts = 0;
    std::function<void(const doc::Blocks&)> walk = [&](const doc::Blocks& blocks) {
        for (const auto& b : blocks) {
            if (auto* t = std::get_if<doc::Table>(&b.content); t && t->header_rows == 0) cover_table = t->row_headers;
            if (auto* c = std::get_if<doc::Chart>(&b.content)) {
                // The cover's colour ribbon is decoration without text: an
                // artifact in the tagged PDF, so it has no description.
                if (c->shapes.size() == 1 && c->height <= 8) continue;
                ++charts;
                CAPTURE(c->alt);
                CHECK_FALSE(c->alt.empty());
                CHECK(c->alt.find("; .") == std::string::npos);
                CHECK(c->alt.ends_with("."));
            }
            if (auto* g = std::get_if<doc::Group>(&b.content)) walk(g->blocks);
            if (auto* c = std::get_if<doc::Callout>(&b.content)) walk(c->blocks);
        }
    };
    walk(doc.blocks);
    CHECK(cover_table);
    CHECK(charts >= 3);
}

TEST_CASE("every report directive is documented in docs/report-templates.md") {
    std::ifstream in(std::string(ZELFSCAN_TEST_DATA) + "/../../docs/report-templates.md");
    REQUIRE(in);
    std::stringstream text;
    text << in.rdbuf();
    for (const auto& d : report_directives()) CHECK(has(text.str(), "[[" + d));
}

TEST_CASE("a question answered by fewer than the threshold shows no answers, only that it is withheld") {
    // Threshold 3: D2.1 (behind D2.0) is answered by R1 alone, with a red-flag
    // "nee" and a note that would give the person away.
    std::vector<Response> rs = {respond("R1", "uitvoering", {{"D1.1", "nee"}, {"D2.0", "ja"}, {"D2.1", "nee", "Alleen ik werk met dit model"}}),
                                respond("R2", "uitvoering", {{"D1.1", "nee"}, {"D2.0", "nee"}}),
                                respond("R3", "uitvoering", {{"D1.1", "deels"}, {"D2.0", "nee"}})};
    std::string nl = report_text(rs, "nl");
    CHECK(has(nl, "Te weinig antwoorden om te tonen: minder dan 3."));
    CHECK(has(nl, "Minder dan 3 mensen kregen vraag D2.1."));
    CHECK_FALSE(has(nl, "1 van 1"));
    CHECK_FALSE(has(nl, "Alleen ik werk met dit model"));
    CHECK(has(nl, "rode vlag"));
    std::string en = report_text(rs, "en");
    CHECK(has(en, "Too few answers to show: fewer than 3."));
    CHECK(has(en, "Fewer than 3 people were asked question D2.1."));
    CHECK_FALSE(has(en, "Alleen ik werk met dit model"));
}
