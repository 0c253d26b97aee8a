// Two rounds compared: per domain the risk then and now, whether the change
// is larger than the uncertainty of both rounds (docs/method.md, "Comparing
// two rounds"), red flags resolved and new, knowledge gaps closed and new,
// measures no longer indicated. Pure; the report, `score --json --previous`
// and `zelfscan compare` all use it.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "cycle/round.hpp"
#include "scoring/json_writer.hpp"

namespace zs::cycle {

// How question ids of the previous round's instrument version map to this
// one (from the instrument's changelog); ids not named map to themselves.
struct IdMapping {
    std::map<std::string, std::string, std::less<>> renamed; // old id -> new id
    std::set<std::string, std::less<>> removed;              // old ids without a counterpart
    [[nodiscard]] std::string new_id(std::string_view old) const; // "" when removed
};

// The mapping from answers to version `from` to the instrument's version,
// through its changelog (Instrument::changes), step by step: an old id goes
// to its new id where the change carries answers (same, reworded,
// reversed), and is removed otherwise (changed, split, merged, removed).
// Without a path of change sets from `from`, the mapping is empty (ids map
// to themselves).
IdMapping mapping_from(const Instrument& ins, const std::string& from);

// The fixed rule (docs/method.md): the margin of a domain is
//   100 x (2 x sqrt(se_then^2 + se_now^2) + (gap_then + gap_now) / 4)
// percentage points, with se = mean spread / sqrt(mean number of scored
// answers) of the domain's questions and gap its knowledge gap. A change is
// larger than the uncertainty when it exceeds the margin and both rounds
// have at least `min_answers` scored answers per question on average.
struct CompareRules {
    double min_answers = 3;
};

struct DomainChange {
    std::string id;
    std::optional<double> then, now, change; // percentages; change = now - then
    std::string band_then, band_now;
    double margin = 0;          // percentage points
    bool enough_answers = true; // both rounds have enough answers to tell
    bool beyond_margin = false; // |change| > margin and enough answers
};

struct QuestionChange {
    std::string id, previous_id; // previous_id differs when the changelog renamed it
    std::optional<double> then, now; // mean risk 0..1
    int red_flags_then = 0, red_flags_now = 0;
    bool find_out_then = false, find_out_now = false;
    bool withheld_then = false, withheld_now = false; // too few answers: no figures shown
};

struct Comparison {
    std::string instrument, version_then, version_now, date_then, date_now;
    int respondents_then = 0, respondents_now = 0;
    std::optional<double> overall_then, overall_now;
    std::string overall_band_then, overall_band_now;
    std::vector<DomainChange> domains;     // this round's domain order, then domains only in the previous round
    std::vector<QuestionChange> questions; // questions in both rounds, this round's order
    std::vector<std::string> red_flags_resolved, red_flags_new, red_flags_still; // this round's ids
    std::vector<std::string> gaps_closed, gaps_new;
    std::vector<std::string> not_compared_then; // previous round's questions without a counterpart
    std::vector<std::string> not_compared_now;  // this round's questions that are new
    std::vector<std::string> measures_no_longer, measures_new; // plan action ids
};

Comparison compare_rounds(const Round& then, const Round& now, const IdMapping& mapping = {}, const CompareRules& rules = {});

// As data: JSON (an object, for `score --json --previous` and
// `compare --json`) and CSV (one row per overall/domain/question).
std::string comparison_to_json(const Comparison& c);
void write_comparison(JsonWriter& w, std::string_view key, const Comparison& c);
std::string comparison_to_csv(const Comparison& c, std::string_view lang);
// A readable summary for the terminal, in `lang`.
std::string comparison_summary(const Comparison& c, std::string_view lang);

} // namespace zs::cycle
