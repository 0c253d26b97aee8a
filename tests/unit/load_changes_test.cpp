// The changelog ([[changes]]): each input next to the diagnostics it gives.
#include <doctest/doctest.h>

#include <string>

#include "model/load_instrument.hpp"
#include "util/files.hpp"

using namespace zs;

namespace {

// Version 2.0.0 with three questions; tests append a changelog to it.
const std::string base = R"([instrument]
id = "mini"
version = "2.0.0"
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
  [[domain.question]]
  id = "D1.2a"
  text = { nl = "Vraag a?", en = "Question a?" }
  scale = "jn"
  [[domain.question]]
  id = "D1.2b"
  text = { nl = "Vraag b?", en = "Question b?" }
  scale = "jn"
)";

std::string diagnose(const std::string& text) {
    Diagnostics d;
    parse_instrument(text, "t.toml", d);
    return format(d);
}

} // namespace

TEST_CASE("a changelog loads with its mapping") {
    std::string text = base + R"(
[[changes]]
from = "1.0.0"
to = "2.0.0"
date = "2026-12-01"
summary = { nl = "Vragen gesplitst.", en = "Questions split." }
  [[changes.question]]
  old = "D1.1"
  new = ["D1.1"]
  change = "reversed"
  answers = { ja = "nee", nee = "ja" }
  why = { nl = "Nu is ja het risico.", en = "Now yes is the risk." }
  [[changes.question]]
  old = "D1.2"
  new = ["D1.2a", "D1.2b"]
  change = "split"
  why = { nl = "Twee vragen in één.", en = "Two questions in one." }
  [[changes.question]]
  old = "D1.3"
  change = "removed"
  why = { nl = "Naar de personeelsenquête.", en = "Moved to the staff survey." }
  [[changes.measure]]
  old = "M0"
  change = "removed"
  why = { nl = "Niet meer nodig.", en = "No longer needed." }
)";
    Diagnostics d;
    auto ins = parse_instrument(text, "t.toml", d);
    REQUIRE(ins);
    CHECK(format(d) == "");
    REQUIRE(ins->changes.size() == 1);
    const ChangeSet& set = ins->changes.front();
    CHECK(set.from == "1.0.0");
    CHECK(set.to == "2.0.0");
    CHECK(set.date == "2026-12-01");
    CHECK(set.summary.get("en") == "Questions split.");
    REQUIRE(set.questions.size() == 3);
    const IdChange* rev = set.find_old_question("D1.1");
    REQUIRE(rev);
    CHECK(rev->kind == ChangeKind::reversed);
    CHECK(carries_answers(rev->kind));
    CHECK(rev->answers.at("ja") == "nee");
    const IdChange* split = set.find_old_question("D1.2");
    REQUIRE(split);
    CHECK(split->new_ids == std::vector<std::string>{"D1.2a", "D1.2b"});
    CHECK_FALSE(carries_answers(split->kind));
    CHECK(set.find_old_question("D1.3")->new_ids.empty());
    CHECK(set.find_old_question("D9.9") == nullptr);
    CHECK(set.old_questions_of("D1.2b") == std::vector<std::string>{"D1.2"});
    REQUIRE(set.measures.size() == 1);
    CHECK(set.find_old_measure("M0")->kind == ChangeKind::removed);
}

TEST_CASE("changelog mistakes are located, all at once") {
    std::string text = base + R"(
[[changes]]
from = "1.0.0"
to = "2.0.0"
summary = { nl = "Wijzigingen.", en = "Changes." }
  [[changes.question]]
  old = "D1.2"
  new = ["D1.2a"]
  change = "splt"
  why = { nl = "X.", en = "X." }
  [[changes.question]]
  old = "D1.3"
  new = ["D1.3"]
  change = "split"
  why = { nl = "X.", en = "X." }
  [[changes.question]]
  old = "D1.1"
  new = ["D1.1"]
  change = "reversed"
  answers = { ja = "misschien" }
  why = { nl = "X.", en = "X." }
  [[changes.question]]
  old = "D1.1"
  new = ["D1.2b"]
  change = "reworded"
)";
    CHECK(diagnose(text) ==
          "t.toml:42:12: error: unknown change 'splt'\n"
          "  hint: did you mean 'split'?\n"
          "t.toml:44:3: error: changes to 2.0.0: new question id 'D1.3' is not in this instrument\n"
          "  hint: did you mean 'D1.1'?\n"
          "t.toml:46:9: error: a 'split' entry needs at least two new ids\n"
          "t.toml:49:3: error: changes to 2.0.0: answer 'ja' of 'D1.1' maps to 'misschien', which is not an option of 'D1.1'\n"
          "t.toml:55:3: error: missing required key 'why'\n"
          "t.toml:55:3: error: old question id 'D1.1' is listed twice in the changes to 2.0.0\n"
          "  hint: first listed at line 49\n");
}

TEST_CASE("changelog versions: in order, and leading to the instrument's version") {
    std::string text = base + R"(
[[changes]]
from = "1.0.0"
to = "1.1.0"
summary = { nl = "Eerst.", en = "First." }

[[changes]]
from = "1.1.0"
to = "1.1.0"
date = "2026-13-01"
summary = { nl = "Dan.", en = "Then." }
  [[changes.question]]
  new = ["D1.1"]
  old = "D1.0"
  change = "added"
  why = { nl = "X.", en = "X." }
)";
    CHECK(diagnose(text) ==
          "t.toml:40:1: error: changes from 1.1.0 to 1.1.0: 'to' must be a later version than 'from'\n"
          "t.toml:40:1: error: changes to 1.1.0 come after changes to 1.1.0\n"
          "  hint: list [[changes]] oldest first\n"
          "t.toml:40:1: error: there are two [[changes]] to version 1.1.0\n"
          "t.toml:40:1: error: the newest [[changes]] lead to 1.1.0, but the instrument is version 2.0.0\n"
          "  hint: add a [[changes]] table with to = the instrument's version\n"
          "t.toml:43:8: error: date '2026-13-01' is not a date\n"
          "  hint: write it as \"YYYY-MM-DD\"\n"
          "t.toml:47:9: error: an 'added' entry has no old id\n"
          "  hint: leave out old = …\n");
}

TEST_CASE("an old id reused for a different question must say so") {
    std::string text = base + R"(
[[changes]]
from = "1.0.0"
to = "2.0.0"
summary = { nl = "X.", en = "X." }
  [[changes.question]]
  old = "D1.1"
  change = "removed"
  why = { nl = "Weg.", en = "Gone." }
  [[changes.question]]
  old = "D1.2"
  new = ["D1.2a"]
  change = "reworded"
  answers = { nvt = "" }
  why = { nl = "X.", en = "X." }
)";
    CHECK(diagnose(text) ==
          "t.toml:39:3: error: changes to 2.0.0: 'D1.1' is 'removed' here, but this version has a question 'D1.1'\n"
          "  hint: list 'D1.1' as a new id of an entry (for example change = \"added\")\n");
}
