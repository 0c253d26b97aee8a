// Shared by the scoring and plan tests: the example instrument and a short
// way to write a response.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include <doctest/doctest.h>

#include "answers/response.hpp"
#include "model/load_instrument.hpp"

namespace zs::test {

inline const Instrument& example() {
    static const Instrument ins = [] {
        Diagnostics d;
        auto i = load_instrument(std::string(ZELFSCAN_TEST_DATA) + "/instruments/voorbeeld.toml", d);
        REQUIRE(i);
        return *i;
    }();
    return ins;
}

// The example instrument with anonymity threshold 1, for the tests of the
// formula on one or a few respondents, whose answers would otherwise be
// withheld (docs/method.md section 5; the anonymity tests use example()).
inline const Instrument& one_person() {
    static const Instrument ins = [] {
        Instrument i = example();
        i.risk.anonymity_threshold = 1;
        return i;
    }();
    return ins;
}

struct Given {
    Given(std::string q, std::string o, std::string e = {}, std::string r = {})
        : question(std::move(q)), option(std::move(o)), evidence(std::move(e)), reason(std::move(r)) {}
    std::string question, option, evidence, reason;
};

inline Response respond(const std::string& code, const std::string& role, const std::vector<Given>& answers) {
    Response r;
    r.instrument = "voorbeeld";
    r.version = "1.0.0";
    r.language = "nl";
    r.path = code + ".toml";
    r.respondent.code = code;
    r.respondent.role = role;
    for (const auto& g : answers) {
        Answer a;
        a.question = g.question;
        a.options.push_back(g.option);
        a.evidence = g.evidence;
        a.reason = g.reason;
        r.answers.push_back(a);
    }
    return r;
}

} // namespace zs::test
