#include "cli/plan_output.hpp"

#include <filesystem>
#include <map>

#include <fmt/format.h>

#include "cli/output.hpp"
#include "util/files.hpp"

namespace zs {

std::optional<cycle::PlanFile> read_existing_plan(const std::string& path, const Instrument& ins, Diagnostics& diags) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) return std::nullopt;
    auto file = read_file(path, limits::plan_file);
    if (!file.ok()) {
        diags.error({path, 0, 0}, verbatim(file.error));
        return std::nullopt;
    }
    std::size_t before = diags.error_count();
    auto plan = cycle::read_plan(file.data, path, cycle::plan_format_for(path), diags);
    if (plan && plan->meta.instrument != ins.id && !plan->meta.instrument.empty())
        diags.error({path, 0, 0}, msg("this is the plan of instrument '{}', not of '{}'", plan->meta.instrument, ins.id),
                    msg("give another --plan file; zelfscan does not overwrite it"));
    if (diags.error_count() > before) {
        diags.add(Severity::note, {path, 0, 0}, msg("the plan file was left as it is: zelfscan merges into a plan only when it can read all of it"));
        return std::nullopt;
    }
    if (plan) cycle::check_plan(*plan, &ins, diags, Severity::warning);
    return plan;
}

cycle::PlanMeta plan_meta(const RespondentFacts& facts, const Assessment& a) {
    cycle::PlanMeta m;
    m.round = facts.last_date;
    // The name most respondents gave (ties: the first in sorted order).
    auto most = [](const std::map<std::string, int>& counts) {
        std::string best;
        int n = 0;
        for (const auto& [k, c] : counts)
            if (c > n) best = k, n = c;
        return best;
    };
    m.organisation = most(facts.organisations);
    m.unit = most(facts.units);
    m.updated = cycle::iso_date(build_epoch());
    if (m.round.empty()) m.round = m.updated;
    for (const auto& d : a.domains)
        if (!d.band.empty()) m.domain_bands.emplace_back(d.id, d.band);
    return m;
}

std::optional<PlanOutput> plan_output(const std::string& path, const Instrument& ins, const Assessment& a, const Plan& plan,
                                      const std::string& lang, const RespondentFacts& facts,
                                      const std::optional<cycle::PlanFile>& previous) {
    cycle::PlanFile fresh = cycle::make_plan_file(ins, plan, lang, plan_meta(facts, a));
    fresh.format = cycle::plan_format_for(path);
    fresh.path = path;
    PlanOutput out;
    if (previous) {
        auto file = read_file(path, limits::plan_file);
        if (!file.ok()) {
            print_error(path, verbatim(file.error));
            return std::nullopt;
        }
        out.backup = std::move(file.data);
        fresh = cycle::merge_plan(*previous, std::move(fresh));
        // The date the file was last changed stays when nothing else changed.
        cycle::PlanFile same = fresh;
        same.meta.updated = previous->meta.updated;
        if (cycle::write_plan(same) == *out.backup) {
            out.unchanged = true;
            return out;
        }
    }
    out.text = cycle::write_plan(fresh);
    return out;
}

bool write_plan_output(const std::string& path, const Instrument& ins, const Assessment& a, const Plan& plan, const std::string& lang,
                       const RespondentFacts& facts, const std::optional<cycle::PlanFile>& previous,
                       const InputFiles& inputs) {
    auto out = plan_output(path, ins, a, plan, lang, facts, previous);
    if (!out) return false;
    if (out->unchanged) return true;
    std::vector<Output> written;
    if (out->backup) written.push_back({path + "~", *out->backup});
    written.push_back({path, out->text});
    return write_outputs(written, inputs);
}

} // namespace zs
