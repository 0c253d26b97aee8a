// The paper scan builder: every question kept together with its boxes, the
// right fields, conditional instructions.
#include <doctest/doctest.h>

#include <cmath>
#include <set>

#include <fmt/format.h>

#include "builders/paper.hpp"
#include "layout/layout.hpp"
#include "model/load_instrument.hpp"

using namespace zs;

namespace {

const Instrument& example() {
    static const Instrument ins = [] {
        Diagnostics d;
        auto i = load_instrument(std::string(ZELFSCAN_TEST_DATA) + "/instruments/voorbeeld.toml", d);
        REQUIRE(i);
        return *i;
    }();
    return ins;
}

std::string text_of(const doc::Blocks& blocks) {
    std::string s;
    for (const auto& b : blocks) {
        if (auto* p = std::get_if<doc::Paragraph>(&b.content)) s += doc::plain_text(p->runs) + "\n";
        if (auto* h = std::get_if<doc::Heading>(&b.content)) s += "# " + doc::plain_text(h->text) + "\n";
        if (auto* c = std::get_if<doc::Callout>(&b.content)) s += text_of(c->blocks);
        if (auto* g = std::get_if<doc::Group>(&b.content)) s += text_of(g->blocks);
        if (auto* c = std::get_if<doc::Columns>(&b.content))
            for (const auto& col : c->columns) s += text_of(col);
        if (auto* f = std::get_if<doc::FieldBox>(&b.content))
            s += doc::plain_text(f->label) + " [ ] " + doc::plain_text(f->after) + "\n";
    }
    return s;
}

std::string paper_text(const Instrument& ins, const std::string& lang, bool form = false) {
    Diagnostics d;
    PaperOptions o;
    o.lang = lang;
    o.form = form;
    std::string text = text_of(build_paper(ins, o, d).blocks);
    CHECK_FALSE(d.has_errors());
    return text;
}

bool has(const std::string& text, const std::string& part) {
    INFO(part);
    return text.find(part) != std::string::npos;
}

} // namespace

TEST_CASE("each question is one keep-together group with its answer boxes") {
    Diagnostics d;
    PaperOptions o;
    doc::Document doc = build_paper(example(), o, d);
    CHECK_FALSE(d.has_errors());
    std::set<std::string> rows;
    int groups_with_question = 0;
    for (const auto& b : doc.blocks) {
        auto* g = std::get_if<doc::Group>(&b.content);
        if (!g) continue;
        for (const auto& inner : g->blocks)
            if (auto* row = std::get_if<doc::AnswerRow>(&inner.content)) {
                rows.insert(row->field);
                ++groups_with_question;
            }
    }
    // D2.2 is a number question: its row is the "weet ik niet" box.
    CHECK(rows == std::set<std::string>{"respondent.role", "P1", "D1.1", "D2.0", "D2.1", "D2.2.dontknow"});
    CHECK(groups_with_question == 6);
    CHECK(doc.info.instrument_id == "voorbeeld");
    CHECK(doc.info.page_mark.find("{page}") != std::string::npos);
}

TEST_CASE("conditional questions say when to answer; the gate says where to go") {
    Diagnostics d;
    PaperOptions o;
    std::string nl = text_of(build_paper(example(), o, d).blocks);
    CHECK(nl.find("Alleen invullen als u bij D2.0 ‘Ja’ of ‘Deels’ hebt geantwoord.") != std::string::npos);
    // The page of the question to go to, as laid out.
    auto laid = layout::layout_document(build_paper(example(), o, d), layout::LayoutOptions{}, d);
    int page = 0;
    for (const auto& f : laid.fields)
        if (f.name == "D2.3") page = f.page + 1;
    REQUIRE(page > 0);
    CHECK(has(nl, fmt::format("Hebt u ‘Nee’, ‘Weet ik niet’ of ‘Niet van toepassing’ geantwoord? Ga dan verder met vraag D2.3 (pagina {}).", page)));
    o.lang = "en";
    std::string en = text_of(build_paper(example(), o, d).blocks);
    CHECK(en.find("Only answer if you answered D2.0 ‘Yes’ or ‘Partly’ there.") != std::string::npos);
}

TEST_CASE("the laid-out paper reports a field rectangle for every box") {
    Diagnostics d;
    PaperOptions o;
    doc::Document doc = build_paper(example(), o, d);
    layout::LayoutOptions lo;
    auto laid = layout::layout_document(doc, lo, d);
    INFO(format(d));
    CHECK_FALSE(d.has_errors());
    std::set<std::string> names;
    for (const auto& f : laid.fields) {
        names.insert(f.option.empty() ? f.name : f.name + ":" + f.option);
        CHECK(f.w >= 14.0); // tick boxes at least 5 mm
        CHECK(f.h >= 14.0);
    }
    for (const char* n : {"D1.1:ja", "D1.1:nvt", "D1.1.note", "D1.1.evidence", "D2.2", "D2.3", "respondent.code",
                          "respondent.participants", "respondent.role:leiding"})
        CHECK_MESSAGE(names.count(n), n);
}

TEST_CASE("an instrument without a risk model is a questionnaire, not a scan with a report") {
    // Regression: the built-in texts said "scan", "group session" of the
    // scan and "they count in the report" for every instrument.
    Instrument questionnaire = example();
    questionnaire.risk = RiskModel{};
    REQUIRE_FALSE(questionnaire.risk.scored);
    std::string nl = paper_text(questionnaire, "nl");
    CHECK(has(nl, "VRAGENLIJST · PAPIEREN VERSIE"));
    CHECK(has(nl, "# Zo vult u de vragenlijst in"));
    CHECK(has(nl, "Vult u de vragenlijst samen in, in een groepssessie? Schrijf dan het aantal deelnemers op."));
    CHECK(has(nl, "Lever de ingevulde vragenlijst in bij de coördinator. Zo tellen uw antwoorden mee in de uitkomsten."));
    CHECK(has(nl, "De vierkante code en de hoekjes op elke bladzijde zijn voor de computer die de lijsten inleest."));
    for (std::string scan_only : {"ZELFSCAN", "Zo vult u de scan in", "Vult u de scan", "ingevulde scan", "rapport"})
        CHECK_MESSAGE(!has(nl, scan_only), scan_only);
    std::string en = paper_text(questionnaire, "en");
    CHECK(has(en, "QUESTIONNAIRE · PAPER VERSION"));
    CHECK(has(en, "# How to fill in the questionnaire"));
    CHECK(has(en, "Filling in the questionnaire together in a group session?"));
    CHECK(has(en, "Hand in the completed questionnaire to the coordinator, so that your answers count in the results."));
    for (std::string scan_only : {"SELF-SCAN", "How to fill in the scan", "Filling in the scan", "completed scan", "report"})
        CHECK_MESSAGE(!has(en, scan_only), scan_only);
    std::string form = paper_text(questionnaire, "nl", true);
    CHECK(has(form, "VRAGENLIJST · FORMULIER"));
    CHECK(has(form, "Sla het formulier op en lever het in bij de coördinator."));
    CHECK(!has(form, "van de scan"));
    CHECK(!has(form, "vierkante code")); // a form on screen is not read in

    // Who collects the answers, when the instrument says so.
    Instrument handed = questionnaire;
    handed.hand_in_to.by_lang["nl"] = "de medewerker die u deze lijst gaf";
    CHECK(has(paper_text(handed, "nl"), "Lever de ingevulde vragenlijst in bij de medewerker die u deze lijst gaf."));
    CHECK(has(paper_text(handed, "nl", true), "Sla het formulier op en lever het in bij de medewerker die u deze lijst gaf."));

    // The scored scan keeps its own words.
    std::string scan = paper_text(example(), "nl");
    CHECK(has(scan, "ZELFSCAN · PAPIEREN VERSIE"));
    CHECK(has(scan, "# Zo vult u de scan in"));
    CHECK(has(scan, "Lever de ingevulde scan in bij de coördinator. Zo tellen uw antwoorden mee in het rapport."));
    CHECK(has(paper_text(example(), "en", true), "Save the form and hand it in to the coordinator of the scan."));
}

TEST_CASE("question texts get typographic quotes, as the Markdown help texts do") {
    // Regression: help texts had ‘…’ (Markdown), the bold question texts kept '…'.
    Instrument ins = example();
    Question& q = ins.domains[0].questions[0];
    q.text = localized("Weigert uw dienst eisen zoals 'geen hoofddoek'? En spreekt u collega's aan?",
                       "Does it refuse requirements such as 'no headscarves', in the client's interest?");
    q.help = localized("Bijvoorbeeld 'alleen Nederlands'.", "For example 'Dutch only'.");
    std::string nl = paper_text(ins, "nl");
    CHECK(has(nl, "D1.1  Weigert uw dienst eisen zoals ‘geen hoofddoek’? En spreekt u collega’s aan?"));
    CHECK(has(nl, "Bijvoorbeeld ‘alleen Nederlands’."));
    CHECK(!has(nl, "'"));
    std::string en = paper_text(ins, "en");
    CHECK(has(en, "D1.1  Does it refuse requirements such as ‘no headscarves’, in the client’s interest?"));
    CHECK(has(en, "For example ‘Dutch only’."));
    // Option labels too, also where the skip instruction names them.
    CHECK(has(en, "Did you answer ‘No’, ‘Don’t know’ or ‘Not applicable’? Then go on to question D2.3 (page "));
    CHECK(!has(en, "'"));
}

TEST_CASE("number questions show their range and unit, with a box for 'weet ik niet'") {
    std::string nl = paper_text(example(), "nl");
    CHECK(has(nl, "Getal [ ] "));
    CHECK(has(nl, "van 0 tot en met"));
    CHECK(has(nl, "Weet ik niet"));
    Diagnostics d;
    PaperOptions o;
    auto laid = layout::layout_document(build_paper(example(), o, d), layout::LayoutOptions{}, d);
    bool dont_know = false;
    for (const auto& f : laid.fields) dont_know |= f.name == "D2.2.dontknow" && f.option == "weet-niet";
    CHECK(dont_know);
}

TEST_CASE("the respondent block is on one grid: every write-in box starts at the same left edge") {
    Diagnostics d;
    PaperOptions o;
    auto laid = layout::layout_document(build_paper(example(), o, d), layout::LayoutOptions{}, d);
    std::set<long> edges;
    for (const auto& f : laid.fields)
        if (f.name.rfind("respondent.", 0) == 0 && f.kind == layout::FieldKind::text) edges.insert(std::lround(f.x * 10));
    CHECK(edges.size() == 1);
}

TEST_CASE("copies: the pages repeat per sheet id, with the id in the footer and in the page mark") {
    Diagnostics d;
    PaperOptions o;
    auto one = layout::layout_document(build_paper(example(), o, d), layout::LayoutOptions{}, d);
    o.sheets = {sheet_id(7), sheet_id(8)};
    doc::Document doc = build_paper(example(), o, d);
    CHECK(doc.info.sheets == std::vector<std::string>{"0007", "0008"});
    CHECK(doc.info.page_mark.find("{sheet}") != std::string::npos);
    CHECK(doc.info.registration_marks);
    auto two = layout::layout_document(doc, layout::LayoutOptions{}, d);
    CHECK(two.pages.size() == 2 * one.pages.size());
    std::string dumped = layout::dump(two);
    CHECK(dumped.find("\"vel 0007\"") != std::string::npos);
    CHECK(dumped.find("\"vel 0008\"") != std::string::npos);
    // The fields are those of one copy: a form or a scan reads one layout.
    CHECK(two.fields.size() == one.fields.size());
}
