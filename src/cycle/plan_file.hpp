// The plan file: the prioritised plan as a living file that a team keeps up
// to date (owner, deadline, status, notes, and any column of their own) and
// that zelfscan reads back, merges with a new round's plan and writes again
// without losing anything. Two formats with the same content: TOML and CSV.
// docs/rounds-and-monitoring.md documents the file for its users.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/instrument.hpp"
#include "scoring/plan.hpp"
#include "util/diagnostics.hpp"

namespace zs::cycle {

enum class PlanFormat { toml, csv };

// The documented status values. Ids are Dutch (the file's users are);
// English words and "gereed" are read as their Dutch id.
enum class Status { open, planned, in_progress, done, dropped };
std::string_view status_id(Status s); // open, gepland, bezig, afgerond, vervallen
std::string_view status_label(Status s, std::string_view lang);
// "" is open. nullopt for anything else.
std::optional<Status> parse_status(std::string_view text);
const std::vector<std::string_view>& status_ids();

// A date as YYYY-MM-DD from "2027-03-01" or the Dutch spreadsheet forms
// "1-3-2027" / "01-03-2027" (d-m-yyyy); nullopt when it is not a real date.
std::optional<std::string> parse_date(std::string_view text);
// Days since 1970-01-01 of a YYYY-MM-DD date.
long long day_number(std::string_view iso);
// The YYYY-MM-DD date of a Unix time.
std::string iso_date(long long epoch_seconds);

// A column or key a user added: kept as it was written. For TOML the
// value's TOML text (so a number stays a number), for CSV the cell text.
struct ExtraValue {
    std::string name;
    std::string text;
};

struct PlanRow {
    std::string measure; // measure id, or "find-out:" + question id
    bool indicated = true; // false: the latest answers no longer call for it
    std::string title;
    std::vector<std::string> questions;
    double priority = 0;
    std::string quadrant, timeframe, effort, impact;
    // Kept by the team; merge never changes these.
    std::string owner, deadline, status, notes;
    std::string since; // the round date when the answers first called for it
    std::string indicator, kind, basis;
    std::vector<std::string> evidence;
    std::vector<ExtraValue> extra; // the user's own columns, in file order
    SourceLocation where;          // the row (CSV line) or [[action]] header
    // Where the user-kept cells are, for located errors.
    SourceLocation status_where, deadline_where, measure_where, indicated_where;
};

struct PlanMeta {
    std::string instrument, version, language;
    std::string organisation, unit;
    std::string round;   // date of the round's answers (YYYY-MM-DD)
    std::string updated; // date the file was last written by zelfscan
    int exposure = 3;
    // Each domain's band in this round (domain id, band id), for the
    // municipality's overview: aggregates only, no respondent's answer.
    std::vector<std::pair<std::string, std::string>> domain_bands;
    std::vector<ExtraValue> extra; // top-level keys a user added (TOML)
};

struct PlanFile {
    PlanFormat format = PlanFormat::toml;
    PlanMeta meta;
    std::vector<std::string> extra_columns; // CSV/TOML user columns, in order of first use
    std::vector<PlanRow> rows;
    std::string path;

    [[nodiscard]] const PlanRow* find(std::string_view measure) const;
};

PlanFormat plan_format_for(std::string_view path); // .csv -> csv, else toml

// True when `data` looks like a TOML plan file (has [[action]] tables).
bool looks_like_plan_file(std::string_view data);

// Reads a plan file in either format; every problem of form is located.
std::optional<PlanFile> read_plan(std::string_view data, const std::string& path, PlanFormat format, Diagnostics& diags);

// Checks what a team wrote: status values, dates, measure ids (against
// `ins` when given), duplicate rows. Problems get `severity`.
void check_plan(const PlanFile& plan, const Instrument* ins, Diagnostics& diags, Severity severity = Severity::error);

// The plan of a round as a fresh file: owner pre-filled with the
// instrument's suggested owner, status open.
PlanFile make_plan_file(const Instrument& ins, const Plan& plan, std::string_view lang, PlanMeta meta);
// "D1=hoog D2=matig" and back (the CSV cell of domain_bands).
std::string domain_bands_text(const std::vector<std::pair<std::string, std::string>>& bands);
std::vector<std::pair<std::string, std::string>> parse_domain_bands(std::string_view text);

// The new round's plan merged into the existing file: every cell the team
// keeps (owner, deadline, status, notes, their own columns) is carried over;
// new measures are added; a measure no longer indicated keeps its row with
// indicated = false and its last status. Rows: the new plan's order, then
// the rows no longer indicated in their old order.
PlanFile merge_plan(const PlanFile& previous, PlanFile fresh);

// The file's text. Same plan, same bytes.
std::string write_plan(const PlanFile& plan);

} // namespace zs::cycle
