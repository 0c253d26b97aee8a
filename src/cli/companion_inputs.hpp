// The --with inputs of `zelfscan report`: answer files and filled forms of
// companion questionnaires (the staff culture survey, the client
// questionnaire, ...), grouped by the questionnaire they answer, read and
// assessed, for the report's [[companions]] part.
#pragma once

#include <deque>
#include <string>
#include <vector>

#include "answers/response.hpp"
#include "model/instrument.hpp"
#include "report/companions.hpp"
#include "scoring/assessment.hpp"
#include "util/diagnostics.hpp"

namespace zs {

struct CompanionInputs {
    // Deques: CompanionSet points into them.
    std::deque<Instrument> instruments;
    std::deque<RespondentFacts> respondents;
    std::deque<Assessment> assessments;
    std::vector<std::string> paths; // every file read (never to be overwritten by the output)

    [[nodiscard]] std::vector<CompanionSet> sets() const;
};

// `with` holds, in order, instrument files, answer files, filled forms and
// folders (whose .toml and .pdf files are taken, in name order). An answer
// file names its questionnaire; it is found beside a preceding instrument
// file or on the instrument search path. A filled form needs its instrument
// file before it. Every problem goes to `diags`: a file that answers the
// main instrument, a companion with a risk model, an unknown questionnaire.
void load_companions(const Instrument& main, const std::vector<std::string>& with, CompanionInputs& out,
                     Diagnostics& diags);

} // namespace zs
