// "Wie dit kan weten: Leiding · Beleid en advies." The sentence the paper
// scan, the fillable form and the HTML form print with every scored
// question of an instrument with a risk model, made from the question's
// owners (its own, else its theme's): a respondent sees whether their
// "don't know" counts as a risk. Authors do not write it in the help text,
// so it can never disagree with the owners the scoring uses.
#pragma once

#include <string>
#include <string_view>

#include "model/instrument.hpp"

namespace zs {

// The sentence for `q` ("Wie dit kan weten: iedereen." when every role
// owns it), or "" for a filter question, a profile question, an instrument
// without a risk model (there not knowing is never a risk) and one that
// names no owners anywhere.
std::string owners_sentence(const Instrument& ins, const Question& q, std::string_view lang);

} // namespace zs
