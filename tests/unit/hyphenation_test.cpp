#include <doctest/doctest.h>

#include "layout/hyphenation.hpp"

using namespace zs::layout;

namespace {
std::string show(std::u32string_view w, const std::vector<std::size_t>& points) {
    std::string s;
    std::size_t k = 0;
    for (std::size_t i = 0; i < w.size(); ++i) {
        if (k < points.size() && points[k] == i) {
            s += '-';
            ++k;
        }
        char32_t c = w[i];
        if (c < 0x80) s += static_cast<char>(c);
        else s += '?';
    }
    return s;
}
} // namespace

TEST_CASE("Dutch hyphenation breaks long compounds") {
    auto nl = Hyphenator::for_language("nl");
    REQUIRE(nl);
    std::u32string w = U"dienstverleningsorganisaties";
    auto p = nl->points(w);
    CHECK(p.size() >= 6);
    std::string s = show(w, p);
    CHECK(s.find("dienst-ver") != std::string::npos);
    CHECK(s.find("-or-ga-") != std::string::npos);
    // Capitals and accented letters do not prevent hyphenation.
    CHECK(nl->points(U"Informatiebeveiliging").size() >= 5);
    CHECK_FALSE(nl->points(U"coöperatie").empty());
    // ĳ is one letter: never split between i and j.
    for (std::size_t at : nl->points(U"ĳsbeerkoude")) CHECK(at != 1);
}

TEST_CASE("English hyphenation") {
    auto en = Hyphenator::for_language("en");
    REQUIRE(en);
    std::u32string w = U"organisations";
    std::string s = show(w, en->points(w));
    CHECK(s.find('-') != std::string::npos);
    CHECK(en->points(U"hyphenation").size() >= 2);
}

TEST_CASE("hyphenation keeps two letters left and three right") {
    auto nl = Hyphenator::for_language("nl");
    for (auto w : {U"organisatie", U"verzekering", U"abcdefghij"}) {
        std::u32string word(w);
        for (std::size_t at : nl->points(word)) {
            CHECK(at >= 2);
            CHECK(at + 3 <= word.size());
        }
    }
    CHECK(nl->points(U"kort").empty());
    CHECK(Hyphenator::for_language("xx") == nullptr);
}
