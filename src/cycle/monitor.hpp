// The municipality's overview across organisations: from the plan files the
// departments keep, which have a plan and when it was last updated, measures
// per status, overdue measures, open red flags and how long they have been
// open, the domains most often high (counted over organisations, never one
// organisation's respondents) and the trend over rounds. Pure; `zelfscan
// monitor` writes it as PDF, HTML, CSV or JSON.
#pragma once

#include <array>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "cycle/plan_file.hpp"
#include "cycle/progress.hpp"

namespace zs::cycle {

struct OpenRedFlag {
    std::string measure, title, since;
    long long days_open = 0; // since the round that first called for it; -1 when unknown
};

// One organisation (organisation + unit + instrument), at its latest round.
struct OrganisationStatus {
    std::string organisation, unit, instrument, version;
    std::string path;              // the latest plan file; "" when the folder has none
    std::string round, updated;    // dates
    bool has_plan = false;
    PlanProgress progress;
    std::vector<OpenRedFlag> red_flags;
    std::vector<std::string> high_domains;   // domain ids in a high band at the latest round
    std::vector<std::string> scored_domains; // domain ids with a band at the latest round
};

struct TrendPoint {
    std::string organisation, unit, round;
    int indicated = 0, done = 0, high_domains = 0, red_flags_open = 0;
};

struct DomainCount {
    std::string domain;
    int organisations = 0; // organisations with the domain in a high band
    int of = 0;            // organisations that scored the domain
};

struct Overview {
    std::string today;
    std::vector<OrganisationStatus> organisations; // by organisation, unit
    std::array<int, 5> by_status{};                // over all latest plans
    int measures = 0, overdue = 0, red_flags_open = 0;
    std::vector<DomainCount> high_domains; // most organisations first
    std::vector<TrendPoint> trend;         // organisations with more than one round, by round
};

// A plan as found by the monitor: the file, or a folder without one.
struct MonitorInput {
    std::string path;
    std::optional<PlanFile> plan; // nullopt: a folder without a plan file
    std::string folder_name;      // for a folder without a plan: its name, as the organisation
};

// `is_high(instrument, band)`: whether a band counts as high.
using HighBand = std::function<bool(const std::string& instrument, const std::string& band)>;

Overview build_overview(const std::vector<MonitorInput>& inputs, const std::string& today, const HighBand& is_high);

std::string overview_to_json(const Overview& o);
// One row per organisation.
std::string overview_to_csv(const Overview& o, std::string_view lang);

} // namespace zs::cycle
