// How a plan is going: measures per status and the overdue ones, with
// "today" from the one clock seam (SOURCE_DATE_EPOCH). Used by the report's
// "what changed" section and by the municipality's overview.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "cycle/plan_file.hpp"

namespace zs::cycle {

struct OverdueMeasure {
    std::string measure, title, owner, deadline, status;
    long long days_overdue = 0;
};

struct PlanProgress {
    std::array<int, 5> by_status{}; // indexed by Status; every row with a known status
    int unknown_status = 0;
    int rows = 0, indicated = 0, no_longer_indicated = 0;
    int with_owner = 0, with_deadline = 0;
    std::vector<OverdueMeasure> overdue; // deadline passed, not done or dropped; most overdue first
    std::vector<std::string> done;       // measure ids with status afgerond
};

// `today` is YYYY-MM-DD.
PlanProgress plan_progress(const PlanFile& plan, const std::string& today);

} // namespace zs::cycle
