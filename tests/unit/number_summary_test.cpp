// The five figures of a number question (src/scoring/number_summary.cpp).
#include <doctest/doctest.h>

#include "scoring/number_summary.hpp"

using namespace zs;

TEST_CASE("number summary: no values gives zeros") {
    NumberSummary s = summarize_numbers({});
    CHECK(s.count == 0);
    CHECK(s.mean == 0);
    CHECK(s.median == 0);
}

TEST_CASE("number summary: odd count takes the middle value") {
    NumberSummary s = summarize_numbers({90, 45, 120});
    CHECK(s.count == 3);
    CHECK(s.mean == doctest::Approx(85));
    CHECK(s.median == 90);
    CHECK(s.lowest == 45);
    CHECK(s.highest == 120);
}

TEST_CASE("number summary: even count takes the mean of the two middle values") {
    NumberSummary s = summarize_numbers({7, 8, 6, 9});
    CHECK(s.count == 4);
    CHECK(s.median == doctest::Approx(7.5));
    CHECK(s.mean == doctest::Approx(7.5));
    CHECK(s.lowest == 6);
    CHECK(s.highest == 9);
}

TEST_CASE("number summary: one value is its own mean, median, lowest and highest") {
    NumberSummary s = summarize_numbers({0});
    CHECK(s.count == 1);
    CHECK(s.mean == 0);
    CHECK(s.median == 0);
    CHECK(s.lowest == 0);
    CHECK(s.highest == 0);
}

TEST_CASE("number summary: the order of the values does not matter") {
    NumberSummary a = summarize_numbers({0.1, 0.2, 0.3, 1e9, -5});
    NumberSummary b = summarize_numbers({1e9, 0.3, -5, 0.2, 0.1});
    CHECK(a.mean == b.mean);
    CHECK(a.median == b.median);
    CHECK(a.median == doctest::Approx(0.2));
}
