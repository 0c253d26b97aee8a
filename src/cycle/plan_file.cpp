#include "cycle/plan_file.hpp"

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "model/toml_reader.hpp"
#include "scoring/plan_export.hpp"
#include "util/i18n.hpp"

namespace zs::cycle {

namespace {

struct StatusName {
    Status status;
    std::string_view id, nl, en;
};
const StatusName status_names[] = {
    {Status::open, "open", "open", "open"},
    {Status::planned, "gepland", "gepland", "planned"},
    {Status::in_progress, "bezig", "bezig", "in progress"},
    {Status::done, "afgerond", "afgerond", "done"},
    {Status::dropped, "vervallen", "vervallen", "dropped"},
};

std::string lower(std::string_view s) {
    std::string out;
    for (char c : s) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    while (!out.empty() && out.back() == ' ') out.pop_back();
    while (!out.empty() && out.front() == ' ') out.erase(0, 1);
    return out;
}

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
int days_in(int y, int m) {
    static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leap(y) ? 29 : d[m - 1];
}

} // namespace

std::string_view status_id(Status s) {
    for (const auto& n : status_names)
        if (n.status == s) return n.id;
    return "open";
}

std::string_view status_label(Status s, std::string_view lang) {
    for (const auto& n : status_names)
        if (n.status == s) return is_english(lang) ? n.en : n.nl;
    return "open";
}

const std::vector<std::string_view>& status_ids() {
    static const std::vector<std::string_view> ids = {"open", "gepland", "bezig", "afgerond", "vervallen"};
    return ids;
}

std::optional<Status> parse_status(std::string_view text) {
    std::string s = lower(text);
    if (s.empty()) return Status::open;
    for (const auto& n : status_names)
        if (s == n.id || s == n.en) return n.status;
    if (s == "planned") return Status::planned;
    if (s == "in-progress" || s == "in uitvoering" || s == "started") return Status::in_progress;
    if (s == "gereed" || s == "klaar" || s == "done" || s == "completed") return Status::done;
    if (s == "dropped" || s == "geschrapt" || s == "cancelled") return Status::dropped;
    return std::nullopt;
}

std::optional<std::string> parse_date(std::string_view text) {
    std::string s = lower(text);
    int y = 0, m = 0, d = 0;
    auto digits = [](std::string_view p) {
        return !p.empty() && p.size() <= 4 && std::all_of(p.begin(), p.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    std::vector<std::string> parts;
    std::string cur;
    for (char c : s) {
        if (c == '-' || c == '/' || c == '.') {
            parts.push_back(cur);
            cur.clear();
        } else cur += c;
    }
    parts.push_back(cur);
    if (parts.size() != 3 || !digits(parts[0]) || !digits(parts[1]) || !digits(parts[2])) return std::nullopt;
    if (parts[0].size() == 4 && parts[1].size() <= 2 && parts[2].size() <= 2) {
        y = std::stoi(parts[0]), m = std::stoi(parts[1]), d = std::stoi(parts[2]);
    } else if (parts[2].size() == 4 && parts[0].size() <= 2 && parts[1].size() <= 2) {
        d = std::stoi(parts[0]), m = std::stoi(parts[1]), y = std::stoi(parts[2]);
    } else return std::nullopt;
    if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1 || d > days_in(y, m)) return std::nullopt;
    return fmt::format("{:04}-{:02}-{:02}", y, m, d);
}

long long day_number(std::string_view iso) {
    if (iso.size() < 10) return 0;
    int y = std::stoi(std::string(iso.substr(0, 4))), m = std::stoi(std::string(iso.substr(5, 2))),
        d = std::stoi(std::string(iso.substr(8, 2)));
    // Days from civil (proleptic Gregorian), 1970-01-01 = 0.
    y -= m <= 2;
    long long era = (y >= 0 ? y : y - 399) / 400;
    long long yoe = y - era * 400;
    long long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

std::string iso_date(long long epoch_seconds) {
    long long z = epoch_seconds / 86400 + 719468;
    long long era = (z >= 0 ? z : z - 146096) / 146097;
    long long doe = z - era * 146097;
    long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long long y = yoe + era * 400;
    long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long long mp = (5 * doy + 2) / 153;
    long long d = doy - (153 * mp + 2) / 5 + 1;
    long long m = mp + (mp < 10 ? 3 : -9);
    return fmt::format("{:04}-{:02}-{:02}", y + (m <= 2), m, d);
}

std::string domain_bands_text(const std::vector<std::pair<std::string, std::string>>& bands) {
    std::string out;
    for (const auto& [d, b] : bands) out += (out.empty() ? "" : " ") + d + "=" + b;
    return out;
}

std::vector<std::pair<std::string, std::string>> parse_domain_bands(std::string_view text) {
    std::vector<std::pair<std::string, std::string>> out;
    std::string word;
    auto flush = [&] {
        auto eq = word.find('=');
        if (eq != std::string::npos && eq > 0) out.emplace_back(word.substr(0, eq), word.substr(eq + 1));
        word.clear();
    };
    for (char c : text) {
        if (c == ' ') flush();
        else word += c;
    }
    flush();
    return out;
}

const PlanRow* PlanFile::find(std::string_view measure) const {
    for (const auto& r : rows)
        if (r.measure == measure) return &r;
    return nullptr;
}

PlanFile make_plan_file(const Instrument& ins, const Plan& plan, std::string_view lang, PlanMeta meta) {
    PlanFile p;
    meta.instrument = ins.id;
    meta.version = ins.version.text;
    meta.language = std::string(lang);
    meta.exposure = plan.exposure;
    p.meta = std::move(meta);
    for (const PlanAction& act : plan.actions) {
        PlanRow row;
        row.measure = act.id;
        row.title = action_title(ins, act, lang);
        row.questions = act.questions;
        row.priority = act.priority;
        row.quadrant = to_string(act.quadrant);
        row.timeframe = to_string(act.timeframe);
        row.effort = to_string(act.effort);
        row.impact = to_string(act.impact);
        if (const Measure* m = ins.find_measure(act.measure)) row.owner = m->owner.get(lang);
        row.status = "open";
        row.since = p.meta.round;
        row.indicator = action_indicator(ins, act, lang);
        row.kind = to_string(act.kind);
        row.basis = basis_text(act, lang);
        row.evidence = act.evidence;
        p.rows.push_back(std::move(row));
    }
    return p;
}

PlanFile merge_plan(const PlanFile& previous, PlanFile fresh) {
    std::map<std::string, const PlanRow*> old;
    for (const auto& r : previous.rows) old.emplace(r.measure, &r);
    fresh.extra_columns = previous.extra_columns;
    fresh.meta.extra = previous.meta.extra;
    if (fresh.meta.organisation.empty()) fresh.meta.organisation = previous.meta.organisation;
    if (fresh.meta.unit.empty()) fresh.meta.unit = previous.meta.unit;
    std::set<std::string> seen;
    for (PlanRow& row : fresh.rows) {
        seen.insert(row.measure);
        auto it = old.find(row.measure);
        if (it == old.end()) continue;
        const PlanRow& was = *it->second;
        row.owner = was.owner;
        row.deadline = was.deadline;
        row.status = was.status;
        row.notes = was.notes;
        if (!was.since.empty()) row.since = was.since;
        row.extra = was.extra;
    }
    for (const PlanRow& was : previous.rows) {
        if (seen.count(was.measure)) continue;
        seen.insert(was.measure);
        PlanRow row = was;
        row.indicated = false;
        fresh.rows.push_back(std::move(row));
    }
    return fresh;
}

void check_plan(const PlanFile& plan, const Instrument* ins, Diagnostics& diags, Severity severity) {
    auto report = [&](SourceLocation where, Message message, Message hint = {}) {
        if (where.file.empty()) where.file = plan.path;
        diags.add(severity, std::move(where), std::move(message), std::move(hint));
    };
    std::map<std::string, SourceLocation> first;
    std::vector<std::string_view> ids = status_ids();
    for (const PlanRow& row : plan.rows) {
        SourceLocation at = row.measure_where.line ? row.measure_where : row.where;
        if (row.measure.empty()) {
            report(row.where, msg("a row without a measure id"), msg("every row names its measure in 'measure'"));
        } else if (auto [it, fresh] = first.emplace(row.measure, at); !fresh) {
            report(at, msg("measure '{}' has a second row; the first is at line {}", row.measure, it->second.line),
                   msg("keep one row per measure"));
        }
        if (!parse_status(row.status)) {
            Message hint = msg("the status is one of: {}", fmt::join(ids, ", "));
            std::string w = lower(row.status);
            std::vector<std::string_view> all = ids;
            for (const auto& n : status_names) all.push_back(n.en);
            for (std::string_view a : {"gereed", "klaar", "planned", "done", "dropped"}) all.push_back(a);
            std::string close = closest_match(w, all);
            if (!close.empty()) {
                auto st = parse_status(close);
                hint = msg("did you mean '{}'? {}", st ? status_id(*st) : std::string_view(close), hint);
            }
            report(row.status_where, msg("'{}' is not a status", row.status), hint);
        }
        if (!row.deadline.empty() && !parse_date(row.deadline))
            report(row.deadline_where, msg("deadline '{}' is not a date", row.deadline),
                   msg("write a date as 2027-03-01 (or 1-3-2027)"));
        if (ins && !row.measure.empty()) {
            std::string_view q = find_out_question(row.measure);
            bool ok = !q.empty() ? ins->find_question(q) != nullptr : ins->find_measure(row.measure) != nullptr;
            if (!ok)
                report(at, msg("'{}' is not a measure of instrument '{}' {}", row.measure, ins->id, ins->version.text),
                       msg("a measure id from the instrument, or find-out:QUESTION"));
        }
    }
    if (!plan.meta.round.empty() && !parse_date(plan.meta.round)) report({plan.path, 0, 0}, msg("round '{}' is not a date", plan.meta.round));
}

} // namespace zs::cycle
