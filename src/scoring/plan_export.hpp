// The plan and the assessment as files for other tools: the plan as TOML or
// CSV (one row per action, with columns to fill in while monitoring), the
// assessment with its plan as JSON. Pure: each returns the file's text; the
// command layer writes it. Same inputs, same bytes.
#pragma once

#include <string>
#include <string_view>

#include "model/instrument.hpp"
#include "scoring/assessment.hpp"
#include "scoring/plan.hpp"

namespace zs {

// The plan's columns, in order: measure, title, questions, priority,
// quadrant, timeframe, effort, impact, owner, deadline, indicator, status,
// kind, basis, evidence. owner, deadline and status are left empty, to be
// filled in; enum values are stable ids ("quick-win", "3-months").
std::string plan_to_csv(const Instrument& ins, const Plan& plan, std::string_view lang);
std::string plan_to_toml(const Instrument& ins, const Plan& plan, std::string_view lang);

// Everything for other tools: the assessment, and the plan.
std::string assessment_to_json(const Instrument& ins, const Assessment& a, const Plan& plan, std::string_view lang);

// The title of an action in `lang`: the measure's title, or "Zoek uit: …" /
// "Find out: …" with the question text.
std::string action_title(const Instrument& ins, const PlanAction& act, std::string_view lang);
std::string action_indicator(const Instrument& ins, const PlanAction& act, std::string_view lang);
// "D2.1: risico 0,25; rode vlag 1 ×; 4 antwoorden" / "D2.1: risk 0.25; red flag 1 ×; 4 answers"
std::string basis_text(const PlanAction& act, std::string_view lang);

} // namespace zs
