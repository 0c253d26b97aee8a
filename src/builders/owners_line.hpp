// "Vooral voor: Leiding · Beleid en advies." The line the paper scan, the
// fillable form and the HTML form print under a theme or a question whose
// owners (the roles expected to know the answer) are not every role, so a
// respondent sees whether their "don't know" counts as a risk.
#pragma once

#include <string>
#include <string_view>

#include "model/instrument.hpp"

namespace zs {

// The theme's line, or "" when every role owns it (or the instrument has
// no risk model, so not knowing is never a risk).
std::string domain_owners_line(const Instrument& ins, const Domain& d, std::string_view lang);
// The question's line where it differs from its theme's ("Voor iedereen."
// when the question opens a theme with owners to every role), else "";
// "" for a filter question.
std::string question_owners_line(const Instrument& ins, const Question& q, const Domain* d, std::string_view lang);

} // namespace zs
