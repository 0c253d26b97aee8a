// The paper scan builder: every question kept together with its boxes, the
// right fields, conditional instructions.
#include <doctest/doctest.h>

#include <set>

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
        if (auto* g = std::get_if<doc::Group>(&b.content)) s += text_of(g->blocks);
    }
    return s;
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
    CHECK(rows == std::set<std::string>{"respondent.role", "P1", "D1.1", "D2.0", "D2.1"});
    CHECK(groups_with_question == 5);
    CHECK(doc.info.instrument_id == "voorbeeld");
    CHECK(doc.info.page_mark.find("{page}") != std::string::npos);
}

TEST_CASE("conditional questions say when to answer; the gate says where to go") {
    Diagnostics d;
    PaperOptions o;
    std::string nl = text_of(build_paper(example(), o, d).blocks);
    CHECK(nl.find("Alleen invullen als u bij D2.0 ‘Ja’ of ‘Deels’ hebt geantwoord.") != std::string::npos);
    CHECK(nl.find("Hebt u ‘Nee’, ‘Weet ik niet’ of ‘Niet van toepassing’ geantwoord? Ga dan verder met vraag D2.3.") != std::string::npos);
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
