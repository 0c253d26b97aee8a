// Answer file tests: input next to the exact diagnostics it must give.
#include <doctest/doctest.h>

#include <string>

#include "answers/load_answers.hpp"
#include "answers/template_writer.hpp"
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

std::string diagnose(const std::string& text) {
    Diagnostics d;
    parse_response(text, "a.toml", example(), d);
    return format(d);
}

const std::string head = "instrument = \"voorbeeld\"\nversion = \"1.0.0\"\nlanguage = \"nl\"\n";

} // namespace

TEST_CASE("a complete answer file reads every kind of answer") {
    std::string text = head + R"([respondent]
code = "R07"
role = "uitvoering"
date = 2026-10-01
[answers]
"P1" = "1000-10000"
"D1.1" = { answer = "ja", evidence = "Besluit MT", note = "Regel één\r\nRegel twee" }
D2.0 = "ja"
"D2.1" = { answer = "nvt", reason = "Geen criteria" }
"D2.2" = 12
"D2.3" = "Vrije tekst met **sterretjes**"
)";
    Diagnostics d;
    auto r = parse_response(text, "a.toml", example(), d);
    INFO(format(d));
    REQUIRE(r);
    CHECK(r->respondent.code == "R07");
    CHECK(r->respondent.date == "2026-10-01");
    CHECK(r->answers.size() == 6);
    CHECK(r->find("D1.1")->options == std::vector<std::string>{"ja"});
    CHECK(r->find("D1.1")->note == "Regel één\nRegel twee");
    CHECK(r->find("D2.0")->options == std::vector<std::string>{"ja"}); // unquoted dotted key
    CHECK(r->find("D2.1")->reason == "Geen criteria");
    CHECK(r->find("D2.2")->number == 12.0);
    CHECK(*r->find("D2.3")->text == "Vrije tekst met **sterretjes**");
    CHECK(count_missing(example(), *r) == 0);
}

TEST_CASE("every kind of answer error, all at once") {
    std::string text = R"(instrument = "voorbeeld"
version = "0.9.0"
[respondent]
role = "uitvoerder"
[answers]
"D1.1" = "misschien"
"D1.9" = "ja"
"D2.0" = "nee"
"D2.1" = "ja"
"D2.2" = "twaalf"
"D2.3" = { answer = "x", notes = "y" }
)";
    CHECK(diagnose(text) ==
          "a.toml:2:1: error: this file answers version 0.9.0 of 'voorbeeld', but the instrument is version 1.0.0\n"
          "  hint: use the instrument version the answers were given for, or make a new template\n"
          "a.toml:4:8: error: unknown role group 'uitvoerder'\n"
          "  hint: did you mean 'uitvoering'?\n"
          "a.toml:6:1: error: 'misschien' is not an option of 'D1.1'\n"
          "  hint: options: ja, deels, nee, weet-niet, nvt\n"
          "a.toml:7:1: error: unknown question 'D1.9' in instrument voorbeeld 1.0.0\n"
          "  hint: did you mean 'D1.1'?\n"
          "a.toml:9:1: error: 'D2.1' is answered, but it is skipped: it applies only when 'D2.0' is ja or deels, and 'D2.0' was answered 'nee'\n"
          "  hint: remove this answer or change the answer it depends on\n"
          "a.toml:10:10: error: the answer to 'D2.2' (number question) must be a number, e.g. 12, not a string\n"
          "a.toml:11:26: error: unknown key 'notes' in the answer to 'D2.3'\n"
          "  hint: did you mean 'note'?\n");
}

TEST_CASE("not applicable needs a reason; numbers stay in range") {
    std::string text = head + "[answers]\n\"D1.1\" = \"nvt\"\n\"D2.0\" = \"ja\"\n\"D2.2\" = 5000\n";
    CHECK(diagnose(text) == "a.toml:5:1: error: 'D1.1' is answered 'nvt' without a reason\n"
                            "  hint: write \"D1.1\" = { answer = \"nvt\", reason = \"…\" }\n"
                            "a.toml:7:1: error: 5000 is out of range for 'D2.2'\n"
                            "  hint: expected 0 to 1000\n");
}

TEST_CASE("skipped questions are not missing") {
    Diagnostics d;
    auto r = parse_response(head + "[answers]\n\"D2.0\" = \"nee\"\n", "a.toml", example(), d);
    REQUIRE(r);
    // P1, D1.1 and D2.3 are missing; D2.1 and D2.2 are skipped.
    CHECK(count_missing(example(), *r) == 3);
    CHECK(visibility(*example().find_question("D2.1"), *r, example()) == Visibility::skipped);
}

TEST_CASE("the template is a valid, empty answer file") {
    for (const char* lang : {"nl", "en"}) {
        std::string t = write_answer_template(example(), lang);
        Diagnostics d;
        auto r = parse_response(t, "t.toml", example(), d);
        INFO(format(d));
        REQUIRE(r);
        CHECK(count_missing(example(), *r) == 6);
        CHECK(looks_like_answer_file(t));
    }
    std::string nl = write_answer_template(example(), "nl");
    CHECK(nl.find("# 2. Is er een directeur die verantwoordelijk is voor gelijke behandeling?") != std::string::npos);
    CHECK(nl.find("Alleen invullen als u bij D2.0 'Ja' of 'Deels' hebt geantwoord.") != std::string::npos);
    std::string en = write_answer_template(example(), "en");
    CHECK(en.find("nvt = Not applicable (with reason)") != std::string::npos);
}

TEST_CASE("an answer file written from a response reads back the same") {
    Response r;
    r.instrument = "voorbeeld";
    r.version = "1.0.0";
    r.language = "nl";
    r.respondent.code = "S1";
    r.respondent.participants = 6;
    Answer a;
    a.question = "D1.1";
    a.options = {"ja"};
    a.note = "Eerste regel\nTweede \"regel\" met \\ en \"\"\" drie";
    a.evidence = "Eindigt op een \"";
    r.answers.push_back(a);
    Answer t;
    t.question = "D2.3";
    t.text = "Tab\there";
    r.answers.push_back(t);
    std::string file = write_answer_file(example(), r, "nl");
    Diagnostics d;
    auto back = parse_response(file, "w.toml", example(), d);
    INFO(format(d));
    INFO(file);
    REQUIRE(back);
    CHECK(back->respondent.participants == 6);
    CHECK(back->find("D1.1")->note == a.note);
    CHECK(back->find("D1.1")->evidence == a.evidence);
    CHECK(*back->find("D2.3")->text == "Tab\there");
}

TEST_CASE("the answer file skeleton put together with empty answers is the template") {
    // The HTML form's script assembles answer files from these pieces; they
    // must give the template's bytes.
    for (const char* lang : {"nl", "en"}) {
        AnswerFileSkeleton sk = answer_file_skeleton(example(), lang);
        std::string t = sk.intro + "instrument = \"voorbeeld\"\nversion = \"1.0.0\"\nlanguage = \"" + lang + "\"\n\n[respondent]\n";
        for (const auto& [key, comment] : sk.fields) {
            if (key == "participants") {
                t += "# participants = 0  # " + comment + "\n";
                continue;
            }
            std::string line = key + " = \"\"";
            line.append(23 - line.size(), ' ');
            t += line + " # " + comment + "\n";
        }
        t += "\n[answers]\n";
        for (const auto& item : sk.items) {
            t += item.text;
            if (item.question.empty()) continue;
            const Question* q = example().find_question(item.question);
            REQUIRE(q);
            t += toml_quote(item.question) + " = " + (q->kind == QuestionKind::multi ? "[]" : "\"\"") + "\n";
        }
        CHECK(t == write_answer_template(example(), lang));
    }
}

TEST_CASE("conditions chain: a question whose gate is skipped is skipped too") {
    const std::string text = R"([instrument]
id = "keten"
version = "1.0.0"
languages = ["nl", "en"]
title = { nl = "Keten", en = "Chain" }
description = { nl = "Een scan.", en = "A scan." }

[[scale]]
id = "jn"
  [[scale.option]]
  id = "ja"
  label = { nl = "Ja", en = "Yes" }
  risk = 0
  [[scale.option]]
  id = "nee"
  label = { nl = "Nee", en = "No" }
  risk = 1

[[domain]]
id = "D1"
title = { nl = "Een", en = "One" }
  [[domain.question]]
  id = "D1.1"
  text = { nl = "Poort?", en = "Gate?" }
  scale = "jn"
  [[domain.question]]
  id = "D1.2"
  text = { nl = "Tweede poort?", en = "Second gate?" }
  scale = "jn"
  only_if = { question = "D1.1", answers = ["ja"] }
  [[domain.question]]
  id = "D1.3"
  text = { nl = "Vervolg?", en = "Follow-up?" }
  scale = "jn"
  only_if = { question = "D1.2", answers = ["ja"] }
)";
    Diagnostics d;
    auto ins = parse_instrument(text, "keten.toml", d);
    REQUIRE(ins);
    const std::string h = "instrument = \"keten\"\nversion = \"1.0.0\"\nlanguage = \"nl\"\n[answers]\n";
    // D1.1 = nee skips D1.2, and so D1.3: nothing is missing.
    auto r = parse_response(h + "\"D1.1\" = \"nee\"\n", "a.toml", *ins, d);
    REQUIRE(r);
    CHECK(visibility(*ins->find_question("D1.3"), *r, *ins) == Visibility::skipped);
    CHECK(count_missing(*ins, *r) == 0);
    // D1.1 = ja and D1.2 empty: D1.3 is undetermined, so shown and missing.
    r = parse_response(h + "\"D1.1\" = \"ja\"\n", "a.toml", *ins, d);
    REQUIRE(r);
    CHECK(visibility(*ins->find_question("D1.3"), *r, *ins) == Visibility::undetermined);
    CHECK(count_missing(*ins, *r) == 2);
    // An answer to D1.3 while D1.2 is skipped is an error that says why.
    Diagnostics e;
    r = parse_response(h + "\"D1.1\" = \"nee\"\n\"D1.3\" = \"ja\"\n", "a.toml", *ins, e);
    if (r) validate_response(*ins, *r, e);
    CHECK(format(e).find("'D1.3' is answered, but it is skipped: it depends on 'D1.2', which is skipped itself") != std::string::npos);
}
