// The director's risk report: an Assessment and its Plan, poured into a
// report template (report-templates/), as a document for the PDF or HTML
// backend.
#pragma once

#include <string>
#include <vector>

#include "answers/response.hpp"
#include "cycle/compare.hpp"
#include "cycle/plan_file.hpp"
#include "document/document.hpp"
#include "model/instrument.hpp"
#include "report/companions.hpp"
#include "scoring/assessment.hpp"
#include "scoring/plan.hpp"
#include "util/diagnostics.hpp"

namespace zs {

struct ReportOptions {
    std::string lang = "nl";
    std::string template_path; // the report template (Markdown with placeholders)
    std::string template_text; // its text
    std::string title;         // overrides the template's default title
    std::string organisation;  // overrides the organisation from the answers
    std::string logo;          // PNG or JPEG for the cover
    doc::Paper paper = doc::Paper::a4;
    double text_width = 455;   // for sizing charts
    // Questionnaires whose results the report adds (`report --with`), and
    // the template each is poured into (report-templates/aanvulling.nl.md,
    // companion.en.md); placed by [[companions]].
    std::vector<CompanionSet> companions;
    // In a companion's part: a question answered by fewer people shows no
    // answers (its count only), so that a few people cannot be recognised.
    int min_answers = 0;
    std::string companion_template_path;
    std::string companion_template_text;
    // The previous round, for [[changes]] (report --previous); the plan file
    // as the team kept it, for the plan's progress there.
    const cycle::Comparison* comparison = nullptr;
    const cycle::PlanFile* plan_file = nullptr;
    // [[contents]] with page numbers (PDF); false for HTML, where the
    // contents only links.
    bool page_numbers = true;
};

doc::Document build_report(const Instrument& ins, const RespondentFacts& respondents, const Assessment& as,
                           const Plan& plan, const ReportOptions& options, Diagnostics& diags);

// The placeholder names and directive names a template may use (for
// checking templates and for docs/report-templates.md).
const std::vector<std::string>& report_placeholders();
const std::vector<std::string>& report_directives();

} // namespace zs
