// One date parser for answer files, forms and plans: every spelling a
// Dutch or English user writes becomes ISO, real days only.
#include <doctest/doctest.h>

#include "util/dates.hpp"

using namespace zs;

TEST_CASE("dates: ISO, Dutch numeric and written-out spellings all give ISO") {
    CHECK(iso_date("2026-10-01") == "2026-10-01");
    CHECK(iso_date("01-10-2026") == "2026-10-01");
    CHECK(iso_date("1-10-2026") == "2026-10-01");
    CHECK(iso_date("15-09-2025") == "2025-09-15");
    CHECK(iso_date("1/10/2026") == "2026-10-01");
    CHECK(iso_date("1.10.2026") == "2026-10-01");
    CHECK(iso_date("1 oktober 2026") == "2026-10-01");
    CHECK(iso_date("1 Oktober 2026") == "2026-10-01");
    CHECK(iso_date("1 okt. 2026") == "2026-10-01");
    CHECK(iso_date("1 October 2026") == "2026-10-01");
    CHECK(iso_date("October 1, 2026") == "2026-10-01");
    CHECK(iso_date("  3 maart 2026 ") == "2026-03-03");
    CHECK(iso_date("29-02-2028") == "2028-02-29");
}

TEST_CASE("dates: no guessing") {
    CHECK_FALSE(iso_date(""));
    CHECK_FALSE(iso_date("2026-13-01"));
    CHECK_FALSE(iso_date("31-04-2026")); // April has 30 days
    CHECK_FALSE(iso_date("29-02-2026")); // not a leap year
    CHECK_FALSE(iso_date("1-10-26"));    // a two-digit year is ambiguous
    CHECK_FALSE(iso_date("1-10.2026"));  // mixed separators
    CHECK_FALSE(iso_date("1 brumaire 2026"));
    CHECK_FALSE(iso_date("gisteren"));
    CHECK_FALSE(iso_date("2026-10-01T10:00"));
    CHECK_FALSE(iso_date("99999999-1-1"));
}
