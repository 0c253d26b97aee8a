// Loader tests: each input sits next to the exact diagnostics it must give.
#include <doctest/doctest.h>

#include <string>

#include "model/load_instrument.hpp"
#include "util/files.hpp"

using namespace zs;

namespace {

// A minimal valid instrument in two languages; tests append to it or
// replace parts of it.
const std::string base = R"([instrument]
id = "mini"
version = "1.0.0"
languages = ["nl", "en"]
title = { nl = "Mini", en = "Mini" }
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
  text = { nl = "Vraag?", en = "Question?" }
  scale = "jn"
)";

std::string diagnose(const std::string& text) {
    Diagnostics d;
    parse_instrument(text, "t.toml", d);
    return format(d);
}

std::string replace(std::string s, const std::string& from, const std::string& to) {
    auto pos = s.find(from);
    REQUIRE(pos != std::string::npos);
    return s.replace(pos, from.size(), to);
}

} // namespace

TEST_CASE("a minimal instrument loads") {
    Diagnostics d;
    auto ins = parse_instrument(base, "t.toml", d);
    REQUIRE(ins);
    CHECK(d.empty());
    CHECK(ins->id == "mini");
    CHECK(ins->version.major == 1);
    CHECK(ins->languages == std::vector<std::string>{"nl", "en"});
    CHECK(ins->question_count() == 1);
    CHECK(ins->find_question("D1.1")->text.get("en") == "Question?");
    CHECK(ins->find_scale("jn")->find("nee")->risk == 1.0);
    CHECK_FALSE(ins->risk.scored);
}

TEST_CASE("the worked example of the format document loads") {
    Diagnostics d;
    auto ins = load_instrument(std::string(ZELFSCAN_TEST_DATA) + "/instruments/voorbeeld.toml", d);
    INFO(format(d));
    REQUIRE(ins);
    CHECK(ins->domains.size() == 2);
    CHECK(ins->profile.questions.size() == 1);
    CHECK(ins->question_order == std::vector<std::string>{"P1", "D1.1", "D2.0", "D2.1", "D2.2", "D2.3"});
    CHECK(ins->risk.scored);
    CHECK(ins->risk.bands.size() == 4);
    CHECK(ins->risk.band_for(20)->id == "laag");
    CHECK(ins->risk.band_for(20.5)->id == "matig");
    CHECK(ins->risk.band_for(100)->id == "hoog");
    const Question* q = ins->find_question("D2.1");
    REQUIRE(q->condition);
    CHECK(q->condition->question == "D2.0");
    CHECK(q->red_flag == std::vector<std::string>{"nee"});
    CHECK(ins->find_measure("M2")->red_flag);
    CHECK(ins->find_measure("M1")->timeframe == Timeframe::months3);
}

TEST_CASE("four problems in one file give four diagnostics at once") {
    std::string text = base + R"(
  [[domain.question]]
  id = "D1.1"
  text = { nl = "Nog een vraag?" }
  scale = "nj"
  wieght = 2
)";
    CHECK(diagnose(text) == "t.toml:27:3: error: duplicate question id 'D1.1'\n"
                            "  hint: first defined at line 22\n"
                            "t.toml:27:3: error: question 'D1.1' refers to unknown scale 'nj'\n"
                            "  hint: did you mean 'jn'?\n"
                            "t.toml:29:10: error: 'text' is missing the English text\n"
                            "  hint: add en = \"…\"\n"
                            "t.toml:31:3: error: unknown key 'wieght' in [[domain.question]]\n"
                            "  hint: did you mean 'weight'?\n");
}

TEST_CASE("a TOML syntax error gives its line and column") {
    std::string text = replace(base, "version = \"1.0.0\"", "version = 1.0.0");
    std::string out = diagnose(text);
    CHECK(out.rfind("t.toml:3:14: error: TOML syntax: ", 0) == 0);
}

TEST_CASE("version, id and language checks") {
    CHECK(diagnose(replace(base, "\"1.0.0\"", "\"1.0\"")) ==
          "t.toml:3:11: error: version '1.0' is not a semantic version\n  hint: write three numbers, e.g. \"1.0.0\"\n");
    CHECK(diagnose(replace(base, "id = \"mini\"", "id = \"Mini Scan\"")) ==
          "t.toml:2:6: error: instrument id 'Mini Scan' must be a slug\n"
          "  hint: lowercase letters, digits and hyphens, e.g. \"institutioneel-racisme\"\n");
    CHECK(diagnose(replace(base, "en = \"A scan.\"", "eng = \"A scan.\"")) ==
          "t.toml:6:15: error: 'description' is missing the English text\n  hint: add en = \"…\"\n"
          "t.toml:6:35: error: 'description' has a text in language 'eng', which the instrument does not declare\n"
          "  hint: did you mean 'en'?\n");
}

TEST_CASE("values out of range") {
    std::string text = replace(base, "  risk = 1\n", "  risk = 1.5\n");
    text = replace(text, "  scale = \"jn\"\n", "  scale = \"jn\"\n  weight = 4\n");
    CHECK(diagnose(text) ==
          "t.toml:17:10: error: risk 1.5 of option 'nee' in scale 'jn' is out of range\n"
          "  hint: a risk goes from 0 (safeguard in place) to 1 (no safeguard)\n"
          "t.toml:26:12: error: weight 4 of question 'D1.1' is out of range\n"
          "  hint: expected 1 (supporting), 2 (important) or 3 (critical)\n");
}

TEST_CASE("conditions must point at earlier questions and real options") {
    std::string text = base + R"(
  [[domain.question]]
  id = "D1.2"
  text = { nl = "Vraag 2?", en = "Question 2?" }
  scale = "jn"
  only_if = { question = "D1.3", answers = ["ja"] }
  [[domain.question]]
  id = "D1.3"
  text = { nl = "Vraag 3?", en = "Question 3?" }
  scale = "jn"
  only_if = { question = "D1.1", answers = ["misschien"] }
)";
    CHECK(diagnose(text) ==
          "t.toml:31:13: error: question 'D1.2' depends on 'D1.3', which comes later\n"
          "  hint: a condition can only refer to an earlier question\n"
          "t.toml:36:13: error: question 'D1.3': condition answer 'misschien' is not an option of 'D1.1'\n");
}

TEST_CASE("measures must address existing questions") {
    std::string text = base + R"(
[[measure]]
id = "M1"
title = { nl = "Doe iets", en = "Do something" }
description = { nl = "Uitleg.", en = "Explanation." }
effort = "lo"
impact = "high"
timeframe = "now"
addresses = ["D1.2"]
)";
    CHECK(diagnose(text) == "t.toml:27:1: error: measure 'M1' addresses unknown question 'D1.2'\n"
                            "  hint: did you mean 'D1.1'?\n"
                            "t.toml:31:10: error: unknown effort 'lo'\n"
                            "  hint: did you mean 'low'?\n");
}

TEST_CASE("a scored instrument needs bands in order and risk on its options") {
    std::string text = replace(base, "  risk = 0\n", "") + R"(
[risk]
critical_band = "hoog"
  [[risk.band]]
  id = "laag"
  label = { nl = "Laag", en = "Low" }
  upto = 50
  colour = "green"
  [[risk.band]]
  id = "hoger"
  label = { nl = "Hoger", en = "Higher" }
  upto = 40
  colour = "#d73027"
)";
    CHECK(diagnose(text) == "t.toml:10:3: error: option 'ja' of scale 'jn' has no risk, but scored question 'D1.1' uses it\n"
                            "  hint: add risk = 0 to 1\n"
                            "t.toml:26:1: error: critical_band 'hoog' is not a band\n"
                            "t.toml:32:12: error: colour 'green' is not a colour\n"
                            "  hint: write it as \"#rrggbb\", e.g. \"#d73027\"\n"
                            "t.toml:33:3: error: band 'hoger': upto 40 must be above the previous band's and at most 100\n"
                            "t.toml:33:3: error: the last band 'hoger' must go up to 100\n");
}

TEST_CASE("Markdown problems are reported at the text") {
    Diagnostics d;
    MarkdownValidator md = [](std::string_view s) {
        std::vector<std::string> out;
        if (s.find('<') != std::string_view::npos) out.push_back("raw HTML is not allowed");
        return out;
    };
    parse_instrument(replace(base, "\"Een scan.\"", "\"Een <b>scan</b>.\""), "t.toml", d, md);
    CHECK(format(d) == "t.toml:6:15: error: 'description' (nl): raw HTML is not allowed\n");
}

TEST_CASE("files that are not instruments give a clean error") {
    Diagnostics d;
    CHECK_FALSE(load_instrument("/nonexistent/x.toml", d));
    CHECK(format(d) == "/nonexistent/x.toml: error: no such file\n");
    Diagnostics d2;
    CHECK_FALSE(parse_instrument(std::string("id = \"x\"\n\xff\n"), "b.toml", d2));
    CHECK(format(d2) == "b.toml:2:1: error: invalid UTF-8; save the file as UTF-8\n");
    Diagnostics d3;
    CHECK_FALSE(parse_instrument(std::string("a\0b", 3), "n.toml", d3));
    CHECK(format(d3) == "n.toml:1:2: error: a NUL byte: this looks like a binary file\n");
}


TEST_CASE("owners: a question's own list, else its domain's; every role named is the same as none") {
    std::string text = replace(base, "[[domain]]\nid = \"D1\"", R"x([[role]]
id = "a"
label = { nl = "A (uitleg)", en = "A" }
[[role]]
id = "b"
label = { nl = "B", en = "B" }
[[role]]
id = "c"
label = { nl = "C", en = "C" }

[[domain]]
id = "D1"
owners = ["a", "b"])x");
    text += R"(
  [[domain.question]]
  id = "D1.2"
  text = { nl = "Vraag?", en = "Question?" }
  scale = "jn"
  owners = ["c"]
  [[domain.question]]
  id = "D1.3"
  text = { nl = "Vraag?", en = "Question?" }
  scale = "jn"
  owners = []
  [[domain.question]]
  id = "D1.4"
  text = { nl = "Vraag?", en = "Question?" }
  scale = "jn"
  owners = ["c", "b", "a"]
)";
    Diagnostics d;
    auto ins = parse_instrument(text, "t.toml", d);
    REQUIRE(ins);
    CHECK(format(d) == "");
    REQUIRE(ins->owners_of("D1.1"));
    CHECK(*ins->owners_of("D1.1") == std::vector<std::string>{"a", "b"});
    CHECK(ins->owns("D1.1", "a"));
    CHECK_FALSE(ins->owns("D1.1", "c"));
    REQUIRE(ins->owners_of("D1.2"));
    CHECK(*ins->owners_of("D1.2") == std::vector<std::string>{"c"});
    CHECK_FALSE(ins->owns("D1.2", "a"));
    CHECK(ins->owners_of("D1.3") == nullptr); // [] = every role
    CHECK(ins->owns("D1.3", "c"));
    CHECK(ins->owners_of("D1.4") == nullptr); // all three named
    CHECK(ins->owns("D1.4", "a"));
    CHECK(ins->owns("D1.1", "")); // no role given
    CHECK(ins->names_every_role({}));
    CHECK(ins->names_every_role({"b", "c", "a"}));
    CHECK_FALSE(ins->names_every_role({"a", "b"}));
}

TEST_CASE("respondent details, role question and anonymous domains") {
    Diagnostics d;
    auto ins = parse_instrument(base, "t.toml", d);
    REQUIRE(ins);
    CHECK(ins->respondent.size() == 6); // all by default
    CHECK(ins->asks("code"));
    CHECK(ins->domains[0].anonymous);

    // Given in any order, kept in the block's order.
    std::string text = replace(base, "description = { nl", "respondent = [\"role\", \"date\"]\nrole_question = { nl = \"Welke dienst?\", en = \"Which service?\" }\ndescription = { nl");
    text = replace(text, "title = { nl = \"Een\", en = \"One\" }\n", "title = { nl = \"Een\", en = \"One\" }\nanonymous = false\n");
    Diagnostics d2;
    auto custom = parse_instrument(text, "t.toml", d2);
    REQUIRE(custom);
    CHECK(d2.empty());
    CHECK(custom->respondent == std::vector<std::string>{"date", "role"});
    CHECK_FALSE(custom->asks("code"));
    CHECK(custom->role_question.get("en") == "Which service?");
    CHECK_FALSE(custom->domains[0].anonymous);

    // Unknown and repeated details, all at once, located.
    std::string bad = replace(base, "description = { nl", "respondent = [\"datum\", \"date\", \"date\"]\ndescription = { nl");
    std::string out = diagnose(bad);
    CHECK(out.find("error: unknown respondent detail 'datum'") != std::string::npos);
    CHECK(out.find("error: respondent detail 'date' is listed twice") != std::string::npos);
    CHECK(out.find("t.toml:6:14:") != std::string::npos);
}

TEST_CASE("show_codes: codes by default, numbers on the forms without them") {
    const std::string two = base + R"(
  [[domain.question]]
  id = "D1.2"
  text = { nl = "Nog een?", en = "Another?" }
  scale = "jn"
)";
    Diagnostics d;
    auto ins = parse_instrument(two, "t.toml", d);
    REQUIRE(ins);
    CHECK(ins->show_codes);
    CHECK(ins->shown_name("D1.2") == "D1.2");

    Diagnostics d2;
    auto plain = parse_instrument(replace(two, "description = { nl", "show_codes = false\ndescription = { nl"), "t.toml", d2);
    REQUIRE(plain);
    CHECK(d2.empty());
    CHECK_FALSE(plain->show_codes);
    CHECK(plain->shown_name("D1.1") == "1");
    CHECK(plain->shown_name("D1.2") == "2");
    CHECK(plain->shown_name("X9") == "X9"); // not a question: as given

    std::string out = diagnose(replace(base, "description = { nl", "show_codes = \"nee\"\ndescription = { nl"));
    CHECK(out.find("t.toml:6:") != std::string::npos);
    CHECK(out.find("show_codes") != std::string::npos);
}
