// The answers to a number question in five figures: how many, the mean, the
// median, the lowest and the highest. The results report shows them for
// questionnaires without a risk model.
#pragma once

#include <vector>

namespace zs {

struct NumberSummary {
    int count = 0;
    double mean = 0;
    double median = 0; // with an even count: the mean of the two middle values
    double lowest = 0;
    double highest = 0;
};

// Summarises the values in any order; all figures are 0 when there are none.
// Sums are taken in ascending order, so the result does not depend on the
// order of the respondents.
NumberSummary summarize_numbers(std::vector<double> values);

} // namespace zs
