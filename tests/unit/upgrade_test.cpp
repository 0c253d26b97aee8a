// Carrying answers to a new version (answers/upgrade.hpp): roles renamed or
// removed through [[changes.role]], answers a new condition skips left out.
#include <doctest/doctest.h>

#include <string>

#include "answers/load_answers.hpp"
#include "answers/upgrade.hpp"
#include "model/load_instrument.hpp"

using namespace zs;

namespace {

const std::string scale = R"(
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
)";

// Version 1: roles balie, kantoor, panel; G and Q are both always asked.
const std::string old_text = R"([instrument]
id = "mini"
version = "1.0.0"
languages = ["nl", "en"]
title = { nl = "Mini", en = "Mini" }
description = { nl = "Een scan.", en = "A scan." }

[[role]]
id = "balie"
label = { nl = "Balie", en = "Counter" }
[[role]]
id = "kantoor"
label = { nl = "Kantoor", en = "Office" }
[[role]]
id = "panel"
label = { nl = "Panel", en = "Panel" }
)" + scale + R"(
[[domain]]
id = "D1"
title = { nl = "Een", en = "One" }
  [[domain.question]]
  id = "G"
  text = { nl = "Poort?", en = "Gate?" }
  scale = "jn"
  [[domain.question]]
  id = "Q"
  text = { nl = "Vraag?", en = "Question?" }
  scale = "jn"
  [[domain.question]]
  id = "R"
  text = { nl = "Nog een?", en = "Another?" }
  scale = "jn"
)";

// Version 2: kantoor is now backoffice, panel is gone, Q and R hang on G.
const std::string new_text = R"([instrument]
id = "mini"
version = "2.0.0"
languages = ["nl", "en"]
title = { nl = "Mini", en = "Mini" }
description = { nl = "Een scan.", en = "A scan." }

[[role]]
id = "balie"
label = { nl = "Balie", en = "Counter" }
[[role]]
id = "backoffice"
label = { nl = "Backoffice", en = "Back office" }
)" + scale + R"(
[[domain]]
id = "D1"
title = { nl = "Een", en = "One" }
  [[domain.question]]
  id = "G"
  text = { nl = "Poort?", en = "Gate?" }
  scale = "jn"
  [[domain.question]]
  id = "Q"
  text = { nl = "Vraag?", en = "Question?" }
  scale = "jn"
  only_if = { question = "G", answers = ["ja"] }
  [[domain.question]]
  id = "R"
  text = { nl = "Nog een?", en = "Another?" }
  scale = "jn"
  only_if = { question = "Q", answers = ["ja"] }

[[changes]]
from = "1.0.0"
to = "2.0.0"
summary = { nl = "Rollen en poort.", en = "Roles and gate." }
  [[changes.role]]
  old = "kantoor"
  new = "backoffice"
  why = { nl = "Andere naam.", en = "Another name." }
  [[changes.role]]
  old = "panel"
  why = { nl = "Het panel vult de klantvragenlijst in.", en = "The panel fills in the client questionnaire." }
)";

Instrument load(const std::string& text) {
    Diagnostics d;
    auto ins = parse_instrument(text, "mini.toml", d);
    INFO(format(d));
    REQUIRE(ins);
    REQUIRE(!d.has_errors());
    return *ins;
}

Response answers(const Instrument& old, const std::string& role, const std::string& body) {
    Diagnostics d;
    auto r = parse_response("instrument = \"mini\"\nversion = \"1.0.0\"\n[respondent]\ncode = \"A1\"\nrole = \"" + role +
                                "\"\n[answers]\n" + body,
                            "a.toml", old, d);
    INFO(format(d));
    REQUIRE(r);
    return *r;
}

} // namespace

TEST_CASE("upgrade: a renamed role gets its new id, a kept role stays") {
    const Instrument old = load(old_text), now = load(new_text);
    auto path = change_path(now, "1.0.0");
    REQUIRE(path.size() == 1);
    auto up = upgrade_response(answers(old, "kantoor", "G = \"ja\"\nQ = \"ja\"\n"), now, path);
    CHECK(up.removed_role == nullptr);
    CHECK(up.response.respondent.role == "backoffice");
    CHECK(up.skipped.empty());
    CHECK(up.response.answers.size() == 2);
    Diagnostics d;
    validate_response(now, up.response, d);
    CHECK(format(d).empty());
    CHECK(upgrade_response(answers(old, "balie", ""), now, path).response.respondent.role == "balie");
}

TEST_CASE("upgrade: a removed role is reported with the change that removed it") {
    const Instrument old = load(old_text), now = load(new_text);
    auto path = change_path(now, "1.0.0");
    auto up = upgrade_response(answers(old, "panel", "G = \"ja\"\n"), now, path);
    REQUIRE(up.removed_role != nullptr);
    CHECK(up.removed_role->old_id == "panel");
    CHECK(up.removed_role->why.get("nl") == "Het panel vult de klantvragenlijst in.");
    REQUIRE(up.removed_in != nullptr);
    CHECK(up.removed_in->to == "2.0.0");
}

TEST_CASE("upgrade: answers a new condition skips are left out, down the chain") {
    const Instrument old = load(old_text), now = load(new_text);
    auto path = change_path(now, "1.0.0");
    // G 'nee' skips Q, and R through Q.
    auto up = upgrade_response(answers(old, "balie", "G = \"nee\"\nQ = \"ja\"\nR = \"nee\"\n"), now, path);
    CHECK(up.skipped == std::vector<std::string>{"Q", "R"});
    REQUIRE(up.response.answers.size() == 1);
    CHECK(up.response.answers[0].question == "G");
    Diagnostics d;
    validate_response(now, up.response, d);
    CHECK(format(d).empty());
    // G 'ja' opens Q; Q 'nee' skips R only.
    up = upgrade_response(answers(old, "balie", "G = \"ja\"\nQ = \"nee\"\nR = \"ja\"\n"), now, path);
    CHECK(up.skipped == std::vector<std::string>{"R"});
    CHECK(up.response.answers.size() == 2);
    // An unanswered gate decides nothing: Q stays.
    up = upgrade_response(answers(old, "balie", "Q = \"ja\"\n"), now, path);
    CHECK(up.skipped.empty());
    CHECK(up.response.answers.size() == 1);
}

TEST_CASE("changelog roles: mistakes are located, all at once") {
    std::string text = new_text + R"(  [[changes.role]]
  old = "kantoor"
  new = "backofice"
  why = { nl = "Dubbel.", en = "Twice." }
  [[changes.role]]
  old = "balie"
  why = { nl = "Weg.", en = "Gone." }
  [[changes.role]]
  new = "balie"
  why = { nl = "Zonder oud.", en = "No old." }
)";
    Diagnostics d;
    parse_instrument(text, "mini.toml", d);
    const std::string out = format(d);
    INFO(out);
    CHECK(out.find("mini.toml:55:3: error: old role group 'kantoor' is listed twice in the changes to 2.0.0") != std::string::npos);
    CHECK(out.find("new role group 'backofice' is not in this instrument") != std::string::npos);
    CHECK(out.find("did you mean 'backoffice'?") != std::string::npos);
    CHECK(out.find("mini.toml:59:3: error: changes to 2.0.0: role group 'balie' is removed here, but this version has it") !=
          std::string::npos);
    CHECK(out.find("mini.toml:62:3: error: missing required key 'old'") != std::string::npos); // the entry without an old id
    CHECK(d.error_count() >= 4);
}
