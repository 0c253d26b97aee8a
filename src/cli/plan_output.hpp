// The plan file as a command's output: read the file that is there, merge
// the new round's plan into it, keep the old one as FILE~, write atomically.
// Shared by `score --plan` and `report --plan`.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "answers/response.hpp"
#include "cli/output.hpp"
#include "cycle/plan_file.hpp"
#include "model/instrument.hpp"
#include "scoring/assessment.hpp"
#include "scoring/plan.hpp"
#include "util/diagnostics.hpp"

namespace zs {

// The plan file at `path` when there is one. Problems of form are errors
// (the file is then never overwritten); what the team wrote is checked
// with warnings only. nullopt without a diagnostic when there is no file.
std::optional<cycle::PlanFile> read_existing_plan(const std::string& path, const Instrument& ins, Diagnostics& diags);

// Organisation, unit and round date from the answers; `updated` is today
// (SOURCE_DATE_EPOCH).
// Each domain's band from the assessment.
cycle::PlanMeta plan_meta(const RespondentFacts& facts, const Assessment& a);

// What a command writes for the plan at `path`: the new text, merged into
// `previous` when given, with the old file's text to keep as `path~`, or
// `unchanged` when nothing changed (nothing is then written).
struct PlanOutput {
    bool unchanged = false;
    std::string text;
    std::optional<std::string> backup;
};
// nullopt after printing an error.
std::optional<PlanOutput> plan_output(const std::string& path, const Instrument& ins, const Assessment& a, const Plan& plan,
                                      const std::string& lang, const RespondentFacts& facts,
                                      const std::optional<cycle::PlanFile>& previous);

// Writes the plan output of `path` (and `path~`) together, atomically.
// Returns false after printing an error.
bool write_plan_output(const std::string& path, const Instrument& ins, const Assessment& a, const Plan& plan, const std::string& lang,
                       const RespondentFacts& facts, const std::optional<cycle::PlanFile>& previous,
                       const InputFiles& inputs);

} // namespace zs
