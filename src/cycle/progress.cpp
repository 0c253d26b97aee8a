#include "cycle/progress.hpp"

#include <algorithm>

namespace zs::cycle {

PlanProgress plan_progress(const PlanFile& plan, const std::string& today) {
    PlanProgress p;
    long long now = day_number(today);
    for (const PlanRow& r : plan.rows) {
        ++p.rows;
        if (r.indicated) ++p.indicated;
        else ++p.no_longer_indicated;
        if (!r.owner.empty()) ++p.with_owner;
        auto status = parse_status(r.status);
        if (!status) ++p.unknown_status;
        else ++p.by_status[static_cast<std::size_t>(*status)];
        if (status == Status::done) p.done.push_back(r.measure);
        auto deadline = parse_date(r.deadline);
        if (deadline) ++p.with_deadline;
        bool finished = status == Status::done || status == Status::dropped;
        if (deadline && !finished && day_number(*deadline) < now)
            p.overdue.push_back({r.measure, r.title, r.owner, *deadline, r.status, now - day_number(*deadline)});
    }
    std::stable_sort(p.overdue.begin(), p.overdue.end(),
                     [](const OverdueMeasure& a, const OverdueMeasure& b) { return a.days_overdue > b.days_overdue; });
    return p;
}

} // namespace zs::cycle
