// Small text helpers: natural id order and typographic quotes.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "util/text.hpp"

using namespace zs;

TEST_CASE("natural order: numbers inside ids compare as numbers") {
    CHECK(natural_less("D6.1", "D10.1"));
    CHECK_FALSE(natural_less("D10.1", "D6.1"));
    CHECK(natural_less("find-out:D6.1", "find-out:D10.1"));
    CHECK(natural_less("M7", "M43"));
    CHECK(natural_less("D1.2", "D1.10"));
    CHECK(natural_less("D1", "D1.1"));  // the shorter id first
    CHECK(natural_less("M", "M1"));
    CHECK(natural_less("A1", "B0"));    // text before numbers decides
    CHECK(natural_less("M99999999999999999999", "M100000000000000000000")); // no overflow
    // Equal in value, different in text: still a strict order.
    CHECK(natural_less("D01", "D1"));
    CHECK_FALSE(natural_less("D1", "D01"));
    CHECK_FALSE(natural_less("D1.1", "D1.1"));
    std::vector<std::string> ids = {"M43", "M7", "find-out:D10.1", "M1.10", "find-out:D6.1", "M1.2", "M1"};
    std::sort(ids.begin(), ids.end(), [](const std::string& a, const std::string& b) { return natural_less(a, b); });
    CHECK(ids == std::vector<std::string>{"M1", "M1.2", "M1.10", "M7", "M43", "find-out:D6.1", "find-out:D10.1"});
}

TEST_CASE("typographic quotes: opening after a space, closing and apostrophes otherwise") {
    CHECK(typographic_quotes("zoals 'geen hoofddoek'?") == "zoals ‘geen hoofddoek’?");
    CHECK(typographic_quotes("over collega's?") == "over collega’s?");
    CHECK(typographic_quotes("the client's situation, 'that group'") == "the client’s situation, ‘that group’");
    CHECK(typographic_quotes("\"Ja\" of (\"nee\")") == "“Ja” of (“nee”)");
    CHECK(typographic_quotes("'tolk nodig'") == "‘tolk nodig’");
    CHECK(typographic_quotes("\"'citaat'\"") == "“‘citaat’”");
    // Dutch elisions take the apostrophe, also at the start.
    CHECK(typographic_quotes("'s avonds en 's-Hertogenbosch, 't Hooft") == "’s avonds en ’s-Hertogenbosch, ’t Hooft");
    CHECK(typographic_quotes("'t' en 'nee'") == "‘t’ en ‘nee’");
    CHECK(typographic_quotes("risico's") == "risico’s");
    CHECK(typographic_quotes("geen aanhalingstekens") == "geen aanhalingstekens");
    CHECK(typographic_quotes("") == "");
}
