// The assessment with its plan as JSON for other tools, and the texts of a
// plan action that the plan file (cycle/plan_file.hpp) and the report share. Pure: each returns the file's text; the
// command layer writes it. Same inputs, same bytes.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "model/instrument.hpp"
#include "scoring/assessment.hpp"
#include "scoring/json_writer.hpp"
#include "scoring/plan.hpp"

namespace zs {

// Everything for other tools: the assessment, and the plan.
// `more` writes further keys into the outer object before it closes (the
// comparison with a previous round).
std::string assessment_to_json(const Instrument& ins, const Assessment& a, const Plan& plan, std::string_view lang,
                               const std::function<void(JsonWriter&)>& more = {});

// The title of an action in `lang`: the measure's title, or "Zoek uit: …" /
// "Find out: …" with the question text.
std::string action_title(const Instrument& ins, const PlanAction& act, std::string_view lang);
std::string action_indicator(const Instrument& ins, const PlanAction& act, std::string_view lang);
// "D2.1: risico 0,25; rode vlag 1 ×; 4 antwoorden" / "D2.1: risk 0.25; red flag 1 ×; 4 answers"
std::string basis_text(const PlanAction& act, std::string_view lang);

} // namespace zs
