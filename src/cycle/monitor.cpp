#include "cycle/monitor.hpp"

#include <algorithm>
#include <map>
#include <tuple>

#include <fmt/format.h>

#include "scoring/json_writer.hpp"
#include "util/i18n.hpp"
#include "util/text.hpp"

namespace zs::cycle {

namespace {

using Key = std::tuple<std::string, std::string, std::string>; // organisation, unit, instrument

OrganisationStatus status_of(const MonitorInput& in, const std::string& today, const HighBand& is_high) {
    OrganisationStatus s;
    if (!in.plan) {
        s.organisation = in.folder_name;
        return s;
    }
    const PlanFile& p = *in.plan;
    s.organisation = p.meta.organisation;
    s.unit = p.meta.unit;
    s.instrument = p.meta.instrument;
    s.version = p.meta.version;
    s.path = in.path;
    s.round = p.meta.round;
    s.updated = p.meta.updated;
    s.has_plan = true;
    s.progress = plan_progress(p, today);
    long long now = day_number(today);
    for (const PlanRow& r : p.rows) {
        if (r.kind != "do-no-harm" || !r.indicated) continue;
        auto st = parse_status(r.status);
        if (st == Status::done || st == Status::dropped) continue;
        auto since = parse_date(r.since);
        s.red_flags.push_back({r.measure, r.title, since.value_or(""), since ? now - day_number(*since) : -1});
    }
    for (const auto& [d, b] : p.meta.domain_bands) {
        s.scored_domains.push_back(d);
        if (is_high(p.meta.instrument, b)) s.high_domains.push_back(d);
    }
    return s;
}

} // namespace

Overview build_overview(const std::vector<MonitorInput>& inputs, const std::string& today, const HighBand& is_high) {
    Overview o;
    o.today = today;
    // Every round of every organisation; the latest is its status.
    std::map<Key, std::vector<OrganisationStatus>> rounds;
    std::vector<OrganisationStatus> without;
    for (const auto& in : inputs) {
        OrganisationStatus s = status_of(in, today, is_high);
        if (!s.has_plan) without.push_back(std::move(s));
        else rounds[{s.organisation, s.unit, s.instrument}].push_back(std::move(s));
    }
    std::map<std::string, DomainCount> domains;
    for (auto& [key, list] : rounds) {
        std::stable_sort(list.begin(), list.end(), [](const OrganisationStatus& a, const OrganisationStatus& b) {
            return std::tie(a.round, a.updated) < std::tie(b.round, b.updated);
        });
        const OrganisationStatus& latest = list.back();
        for (std::size_t i = 0; i < 5; ++i) o.by_status[i] += latest.progress.by_status[i];
        o.measures += latest.progress.rows;
        o.overdue += static_cast<int>(latest.progress.overdue.size());
        o.red_flags_open += static_cast<int>(latest.red_flags.size());
        if (list.size() > 1) {
            // One point per round date (a round kept twice, e.g. FILE~, counts once: the later file).
            std::map<std::string, TrendPoint> points;
            for (const auto& s : list)
                points[s.round] = {s.organisation, s.unit, s.round,
                                   s.progress.indicated, s.progress.by_status[static_cast<std::size_t>(Status::done)],
                                   static_cast<int>(s.high_domains.size()), static_cast<int>(s.red_flags.size())};
            if (points.size() > 1)
                for (auto& [r, pt] : points) o.trend.push_back(pt);
        }
        o.organisations.push_back(latest);
    }
    for (const auto& s : o.organisations) {
        for (const auto& d : s.scored_domains) ++domains[d].of;
        for (const auto& d : s.high_domains) ++domains[d].organisations;
    }
    for (auto& [d, c] : domains) {
        c.domain = d;
        if (c.organisations > 0) o.high_domains.push_back(c);
    }
    std::stable_sort(o.high_domains.begin(), o.high_domains.end(), [](const DomainCount& a, const DomainCount& b) {
        if (a.organisations != b.organisations) return a.organisations > b.organisations;
        return natural_less(a.domain, b.domain);
    });
    for (auto& s : without) o.organisations.push_back(std::move(s));
    std::stable_sort(o.organisations.begin(), o.organisations.end(), [](const OrganisationStatus& a, const OrganisationStatus& b) {
        return std::tie(a.organisation, a.unit, a.instrument) < std::tie(b.organisation, b.unit, b.instrument);
    });
    return o;
}

std::string overview_to_json(const Overview& o) {
    JsonWriter w;
    w.begin_object();
    w.string("today", o.today);
    w.integer("organisations_with_plan", std::count_if(o.organisations.begin(), o.organisations.end(), [](const auto& s) { return s.has_plan; }));
    w.integer("organisations_without_plan", std::count_if(o.organisations.begin(), o.organisations.end(), [](const auto& s) { return !s.has_plan; }));
    w.integer("measures", o.measures);
    w.begin_object("by_status");
    for (std::size_t i = 0; i < 5; ++i) w.integer(status_id(static_cast<Status>(i)), o.by_status[i]);
    w.end_object();
    w.integer("overdue", o.overdue);
    w.integer("red_flags_open", o.red_flags_open);
    w.begin_array("organisations");
    for (const auto& s : o.organisations) {
        w.begin_object();
        w.string("organisation", s.organisation);
        w.string("unit", s.unit);
        w.string("instrument", s.instrument);
        w.string("version", s.version);
        w.boolean("has_plan", s.has_plan);
        w.string("plan", s.path);
        w.string("round", s.round);
        w.string("updated", s.updated);
        w.integer("measures", s.progress.rows);
        w.integer("indicated", s.progress.indicated);
        w.begin_object("by_status");
        for (std::size_t i = 0; i < 5; ++i) w.integer(status_id(static_cast<Status>(i)), s.progress.by_status[i]);
        w.end_object();
        w.integer("unknown_status", s.progress.unknown_status);
        w.begin_array("overdue");
        for (const auto& m : s.progress.overdue) {
            w.begin_object();
            w.string("measure", m.measure);
            w.string("deadline", m.deadline);
            w.string("status", m.status);
            w.integer("days_overdue", m.days_overdue);
            w.end_object();
        }
        w.end_array();
        w.begin_array("red_flags_open");
        for (const auto& r : s.red_flags) {
            w.begin_object();
            w.string("measure", r.measure);
            w.string("since", r.since);
            if (r.days_open >= 0) w.integer("days_open", r.days_open);
            else w.null("days_open");
            w.end_object();
        }
        w.end_array();
        w.strings("high_domains", s.high_domains);
        w.end_object();
    }
    w.end_array();
    w.begin_array("high_domains");
    for (const auto& d : o.high_domains) {
        w.begin_object();
        w.string("domain", d.domain);
        w.integer("organisations", d.organisations);
        w.integer("of", d.of);
        w.end_object();
    }
    w.end_array();
    w.begin_array("trend");
    for (const auto& t : o.trend) {
        w.begin_object();
        w.string("organisation", t.organisation);
        w.string("unit", t.unit);
        w.string("round", t.round);
        w.integer("indicated", t.indicated);
        w.integer("done", t.done);
        w.integer("high_domains", t.high_domains);
        w.integer("red_flags_open", t.red_flags_open);
        w.end_object();
    }
    w.end_array();
    w.end_object();
    return w.str();
}

std::string overview_to_csv(const Overview& o, std::string_view lang) {
    (void)lang;
    auto field = [](std::string_view s) {
        std::string v(s);
        if (!v.empty() && std::string_view("=+-@").find(v[0]) != std::string_view::npos) v = "'" + v;
        if (v.find_first_of(",;\"\n\r") == std::string::npos) return v;
        std::string q = "\"";
        for (char c : v) {
            if (c == '"') q += '"';
            q += c;
        }
        return q + "\"";
    };
    std::string out = "organisation,unit,instrument,version,has_plan,round,updated,measures,indicated,open,gepland,bezig,afgerond,"
                      "vervallen,unknown_status,overdue,red_flags_open,longest_red_flag_days,high_domains,plan\r\n";
    for (const auto& s : o.organisations) {
        long long longest = -1;
        for (const auto& r : s.red_flags) longest = std::max(longest, r.days_open);
        std::vector<std::string> row = {s.organisation, s.unit, s.instrument, s.version, s.has_plan ? "true" : "false", s.round, s.updated,
                                        std::to_string(s.progress.rows), std::to_string(s.progress.indicated)};
        for (std::size_t i = 0; i < 5; ++i) row.push_back(std::to_string(s.progress.by_status[i]));
        row.push_back(std::to_string(s.progress.unknown_status));
        row.push_back(std::to_string(s.progress.overdue.size()));
        row.push_back(std::to_string(s.red_flags.size()));
        row.push_back(longest >= 0 ? std::to_string(longest) : "");
        row.push_back(fmt::format("{}", fmt::join(s.high_domains, " ")));
        row.push_back(s.path);
        for (std::size_t i = 0; i < row.size(); ++i) out += (i ? "," : "") + field(row[i]);
        out += "\r\n";
    }
    return out;
}

} // namespace zs::cycle
