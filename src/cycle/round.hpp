// A round: what one measurement found, reduced to what comparing two rounds
// needs. Made from an Assessment (a folder of answers scored now) or read
// back from a `score --json` file, so the previous round can be either.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/instrument.hpp"
#include "scoring/assessment.hpp"
#include "scoring/plan.hpp"
#include "util/diagnostics.hpp"

namespace zs::cycle {

struct RoundQuestion {
    std::string id, domain;
    std::optional<double> mean_risk; // 0..1
    double spread = 0;
    int scored_answers = 0;
    int red_flags = 0;
    double knowledge_gap = 0;
    bool find_out = false;
    // Answered by fewer than the anonymity threshold: compared by its red
    // flag only; a `score --json` file has no figures of it.
    bool withheld = false;
};

struct RoundDomain {
    std::string id, band;
    std::optional<double> risk; // 0..100
    double knowledge_gap = 0;
};

struct Round {
    std::string instrument, version, date;
    int respondents = 0;
    std::optional<double> overall_risk;
    std::string overall_band;
    std::vector<RoundDomain> domains;
    std::vector<RoundQuestion> questions; // domain questions only
    std::vector<std::string> plan;        // action ids, in plan order
    std::string source;                   // the folder or file it came from

    [[nodiscard]] const RoundQuestion* find_question(std::string_view id) const;
    [[nodiscard]] const RoundDomain* find_domain(std::string_view id) const;
};

Round round_from_assessment(const Instrument& ins, const Assessment& a, const Plan& plan);

// Reads a `score --json` file (or a `compare --json` file's round).
std::optional<Round> read_round_json(std::string_view data, const std::string& path, Diagnostics& diags);

} // namespace zs::cycle
