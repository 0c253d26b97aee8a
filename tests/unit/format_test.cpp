// Formatting helpers of the report (src/report/format.cpp).
#include <doctest/doctest.h>

#include "report/format.hpp"

using namespace zs::report;

TEST_CASE("amount: at most one decimal, none when whole, comma in Dutch") {
    CHECK(amount(90, "nl") == "90");
    CHECK(amount(82.44, "nl") == "82,4");
    CHECK(amount(82.44, "en") == "82.4");
    CHECK(amount(7.96, "nl") == "8");
    CHECK(amount(-0.04, "nl") == "0");
    CHECK(amount(-2.5, "en") == "-2.5");
    CHECK(amount(1250, "nl") == "1250");
}
