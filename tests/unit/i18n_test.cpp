// The program's own texts in two languages.
#include <doctest/doctest.h>

#include "util/i18n.hpp"

using namespace zs;

TEST_CASE("tr picks the language, Dutch by default") {
    CHECK(std::string(tr("en", "vraag", "question")) == "question");
    CHECK(std::string(tr("nl", "vraag", "question")) == "vraag");
    CHECK(std::string(tr("", "vraag", "question")) == "vraag");
}

TEST_CASE("counted: singular for exactly 1") {
    CHECK(counted("nl", 1, {"vraag", "vragen"}, {"question", "questions"}) == "1 vraag");
    CHECK(counted("nl", 0, {"vraag", "vragen"}, {"question", "questions"}) == "0 vragen");
    CHECK(counted("nl", 3, {"vraag", "vragen"}, {"question", "questions"}) == "3 vragen");
    CHECK(counted("en", 1, {"vraag", "vragen"}, {"question", "questions"}) == "1 question");
    CHECK(counted("en", 12, {"vraag", "vragen"}, {"question", "questions"}) == "12 questions");
}
