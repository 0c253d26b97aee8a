#include "scoring/number_summary.hpp"

#include <algorithm>

namespace zs {

NumberSummary summarize_numbers(std::vector<double> values) {
    NumberSummary s;
    if (values.empty()) return s;
    std::sort(values.begin(), values.end());
    s.count = static_cast<int>(values.size());
    double sum = 0;
    for (double v : values)
        sum += v;
    s.mean = sum / static_cast<double>(values.size());
    std::size_t mid = values.size() / 2;
    s.median = values.size() % 2 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    s.lowest = values.front();
    s.highest = values.back();
    return s;
}

} // namespace zs
