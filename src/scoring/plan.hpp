// The prioritised improvement plan: which measures the answers trigger, in
// which order, and what must be found out first. Pure: built from the
// Instrument and its Assessment. docs/method.md ("The plan") explains it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/instrument.hpp"
#include "scoring/assessment.hpp"

namespace zs {

struct PlanRules {
    // A measure is triggered when a question it addresses has a mean risk
    // at or above this, a red-flag answer, or a critical answer.
    double trigger_risk = 0.5;
};

enum class Quadrant { quick_win, major_project, fill_in, reconsider };

enum class ActionKind {
    do_no_harm, // a red-flag measure: suspend or mitigate at once
    measure,    // an improvement measure
    find_out,   // a knowledge gap: find out how it is
};

// Why a question is in a plan row: the figures behind it.
struct Basis {
    std::string question;
    double mean_risk = 0;
    int red_flags = 0;
    int critical = 0;
    double knowledge_gap = 0;
    int answered = 0;
    bool withheld = false; // too few answers to show the figures above (QuestionResult::withheld)
};

// The question of a knowledge-gap action id ("find-out:D6.3" -> "D6.3"),
// or "" for a measure id.
inline std::string_view find_out_question(std::string_view action_id) {
    constexpr std::string_view prefix = "find-out:";
    return action_id.substr(0, prefix.size()) == prefix ? action_id.substr(prefix.size()) : std::string_view();
}

struct PlanAction {
    ActionKind kind = ActionKind::measure;
    std::string id;      // the measure id, or "find-out:" + question id
    std::string measure; // the measure id; empty for find-out actions
    std::string question; // find-out: the question to find out about
    std::vector<std::string> questions; // questions addressed that have a risk (instrument order)
    std::vector<Basis> basis;           // the triggering questions and their figures
    std::vector<std::string> evidence;  // evidence respondents named for those questions (sorted)
    double risk_addressed = 0;          // sum of weight x mean risk / (triggered measures sharing the question)
    std::vector<std::string> after;     // prerequisites (measure `requires`) that are in the plan; they come first
    bool later = false;                 // beyond the instrument's plan_size: listed under "later"
    double priority = 0;                // risk_addressed x exposure / effort, rounded to 0.01
    Quadrant quadrant = Quadrant::quick_win;
    Timeframe timeframe = Timeframe::months12;
    Level effort = Level::medium;
    Level impact = Level::medium;
};

struct Plan {
    int exposure = 3; // the exposure level the priorities used
    std::vector<PlanAction> actions; // do-no-harm first, then measures, then find-out; each by priority, then id (natural order), prerequisites first
    int later = 0;                   // measures marked later
};

Plan make_plan(const Instrument& ins, const Assessment& a, const PlanRules& rules = {});

// Effort as the divisor of the priority: low 1, medium 2, high 3.
int effort_divisor(Level effort);

// A critical question answered at critical risk by at least the
// instrument's critical_share of its scored answers.
bool critical_share_met(const RiskModel& model, const QuestionResult& q);

// Impact medium or high counts as high; only low effort counts as low.
Quadrant quadrant_for(Level impact, Level effort);

std::string_view to_string(Quadrant q);   // "quick-win", "major-project", "fill-in", "reconsider"
std::string_view to_string(ActionKind k); // "do-no-harm", "measure", "find-out"

} // namespace zs
