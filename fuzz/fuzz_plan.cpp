// The plan file reader (the living plan a team keeps up to date) in both
// formats, the checks of what the team wrote, the merge with a new round
// and the writer. What the reader accepts without error must come back the
// same: read, write, read and write again gives the same text (a team's
// owner, status or notes are never changed by a round trip). A difference
// is a bug, reported as a crash.
#include <cstdlib>

#include "cycle/plan_file.hpp"
#include "harness.hpp"

namespace {

void round_trip(const zs::cycle::PlanFile& plan) {
    std::string once = zs::cycle::write_plan(plan);
    zs::Diagnostics diags;
    auto again = zs::cycle::read_plan(once, plan.path, plan.format, diags);
    if (!again || diags.has_errors()) std::abort();
    if (zs::cycle::write_plan(*again) != once) std::abort();
    // A merge with itself keeps every row and every cell the team kept.
    auto merged = zs::cycle::merge_plan(*again, *again);
    if (merged.rows.size() != again->rows.size()) std::abort();
    (void)zs::cycle::write_plan(merged);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const zs::Instrument& ins = zs::fuzz::example_instrument();
    auto text = zs::fuzz::bytes(data, size);
    (void)zs::cycle::looks_like_plan_file(text);
    for (auto format : {zs::cycle::PlanFormat::toml, zs::cycle::PlanFormat::csv}) {
        zs::Diagnostics diags;
        const char* path = format == zs::cycle::PlanFormat::toml ? "plan.toml" : "plan.csv";
        auto plan = zs::cycle::read_plan(text, path, format, diags);
        if (!plan) continue;
        if (!diags.has_errors()) round_trip(*plan);
        zs::cycle::check_plan(*plan, &ins, diags);
        (void)zs::format(diags);
    }
    return 0;
}
