// The report section "Wat is veranderd sinds de vorige meting" / "What
// changed since the last round": placed by the [[changes]] directive, empty
// without a previous round (report --previous).
#pragma once

#include <string>

#include "cycle/compare.hpp"
#include "cycle/plan_file.hpp"
#include "document/document.hpp"
#include "model/instrument.hpp"

namespace zs::report {

struct ChangesInput {
    const cycle::Comparison* comparison = nullptr;
    const cycle::PlanFile* plan = nullptr; // the plan file as the team kept it (before this round's merge)
    std::string today;                      // YYYY-MM-DD
};

doc::Blocks changes_section(const Instrument& ins, const ChangesInput& in, std::string_view lang);

} // namespace zs::report
