// Writing plan files. The TOML file explains itself in a comment; the CSV
// file has one row per measure and repeats the plan's details (organisation,
// round, ...) on every row, so a spreadsheet filter never loses them.
#include <algorithm>

#include <fmt/format.h>

#include "cycle/plan_file.hpp"
#include "util/i18n.hpp"

namespace zs::cycle {

namespace {

std::string toml_string(std::string_view s) {
    std::string out = "\"";
    for (char ch : s) {
        auto c = static_cast<unsigned char>(ch);
        switch (ch) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (c < 0x20 || c == 0x7f) out += fmt::format("\\u{:04X}", c);
            else out += ch;
        }
    }
    return out + "\"";
}

std::string toml_strings(const std::vector<std::string>& v) {
    std::string out = "[";
    for (std::size_t i = 0; i < v.size(); ++i) out += (i ? ", " : "") + toml_string(v[i]);
    return out + "]";
}

// RFC 4180 quoting; text a spreadsheet would run as a formula gets a
// leading apostrophe (respondents' evidence and users' notes are untrusted).
std::string csv_field(std::string_view s) {
    std::string v(s);
    if (!v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@' || v[0] == '\t' || v[0] == '\r')) v = "'" + v;
    if (v.find_first_of(",;\"\n\r") == std::string::npos) return v;
    std::string out = "\"";
    for (char c : v) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string indicated_cell(bool indicated, std::string_view lang) {
    if (indicated) return tr(lang, "ja", "yes");
    return tr(lang, "nee: niet meer aangewezen", "no: no longer indicated");
}

const char* const csv_columns[] = {"measure", "title",     "questions", "priority", "quadrant", "timeframe", "effort",
                                   "impact",  "owner",     "deadline",  "indicator", "status",  "kind",      "basis",
                                   "evidence", "indicated", "notes",    "since", "organisation", "unit", "round",     "updated",
                                   "instrument", "version", "language", "exposure", "domain_bands"};

std::string write_csv(const PlanFile& p) {
    std::string_view lang = p.meta.language;
    std::vector<std::string> head(std::begin(csv_columns), std::end(csv_columns));
    for (const auto& c : p.extra_columns) head.push_back(c);
    std::string out;
    for (std::size_t i = 0; i < head.size(); ++i) out += (i ? "," : "") + csv_field(head[i]);
    out += "\r\n";
    for (const PlanRow& r : p.rows) {
        std::vector<std::string> row = {r.measure,
                                        r.title,
                                        fmt::format("{}", fmt::join(r.questions, " ")),
                                        fmt::format("{:.2f}", r.priority),
                                        r.quadrant,
                                        r.timeframe,
                                        r.effort,
                                        r.impact,
                                        r.owner,
                                        r.deadline,
                                        r.indicator,
                                        r.status,
                                        r.kind,
                                        r.basis,
                                        fmt::format("{}", fmt::join(r.evidence, " | ")),
                                        indicated_cell(r.indicated, lang),
                                        r.notes,
                                        r.since,
                                        p.meta.organisation,
                                        p.meta.unit,
                                        p.meta.round,
                                        p.meta.updated,
                                        p.meta.instrument,
                                        p.meta.version,
                                        p.meta.language,
                                        std::to_string(p.meta.exposure),
                                        domain_bands_text(p.meta.domain_bands)};
        for (const auto& c : p.extra_columns) {
            std::string v;
            for (const auto& e : r.extra)
                if (e.name == c) v = e.text;
            row.push_back(v);
        }
        for (std::size_t i = 0; i < row.size(); ++i) out += (i ? "," : "") + csv_field(row[i]);
        out += "\r\n";
    }
    return out;
}

std::string toml_key(std::string_view k) {
    bool bare = !k.empty() && std::all_of(k.begin(), k.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    });
    return bare ? std::string(k) : toml_string(k);
}

std::string write_toml(const PlanFile& p) {
    std::string_view lang = p.meta.language;
    std::string out;
    out += tr(lang,
              "# Verbeterplan van zelfscan. Houd owner, deadline, status en notes bij; voeg gerust eigen kolommen toe.\n"
              "# status: open, gepland, bezig, afgerond of vervallen. deadline: een datum, zoals 2027-03-01.\n"
              "# Bij een volgende meting voegt zelfscan nieuwe maatregelen toe en houdt alles wat u schreef.\n",
              "# Improvement plan from zelfscan. Keep owner, deadline, status and notes up to date; add columns of your own.\n"
              "# status: open, gepland (planned), bezig (in progress), afgerond (done) or vervallen (dropped). deadline: a date such as 2027-03-01.\n"
              "# At the next round zelfscan adds new measures and keeps everything you wrote.\n");
    out += fmt::format("instrument = {}\nversion = {}\nlanguage = {}\n", toml_string(p.meta.instrument), toml_string(p.meta.version),
                       toml_string(p.meta.language));
    out += fmt::format("organisation = {}\nunit = {}\nround = {}\nupdated = {}\nexposure = {}\n", toml_string(p.meta.organisation),
                       toml_string(p.meta.unit), toml_string(p.meta.round), toml_string(p.meta.updated), p.meta.exposure);
    for (const auto& e : p.meta.extra) out += fmt::format("{} = {}\n", toml_key(e.name), e.text);
    if (!p.meta.domain_bands.empty()) {
        std::string inline_table;
        for (const auto& [d, b] : p.meta.domain_bands) inline_table += fmt::format("{}{} = {}", inline_table.empty() ? "" : ", ", toml_key(d), toml_string(b));
        out += fmt::format("domains = {{ {} }}\n", inline_table);
    }
    for (const PlanRow& r : p.rows) {
        out += "\n[[action]]\n";
        if (!r.indicated)
            out += tr(lang, "# niet meer aangewezen: de laatste antwoorden vragen niet meer om deze maatregel\n",
                      "# no longer indicated: the latest answers no longer call for this measure\n");
        out += fmt::format("measure = {}\n", toml_string(r.measure));
        out += fmt::format("indicated = {}\n", r.indicated ? "true" : "false");
        out += fmt::format("title = {}\n", toml_string(r.title));
        out += fmt::format("questions = {}\n", toml_strings(r.questions));
        out += fmt::format("priority = {:.2f}\n", r.priority);
        out += fmt::format("quadrant = {}\n", toml_string(r.quadrant));
        out += fmt::format("timeframe = {}\n", toml_string(r.timeframe));
        out += fmt::format("effort = {}\n", toml_string(r.effort));
        out += fmt::format("impact = {}\n", toml_string(r.impact));
        out += fmt::format("owner = {}\n", toml_string(r.owner));
        out += fmt::format("deadline = {}\n", toml_string(r.deadline));
        out += fmt::format("status = {}\n", toml_string(r.status));
        out += fmt::format("notes = {}\n", toml_string(r.notes));
        out += fmt::format("since = {}\n", toml_string(r.since));
        out += fmt::format("indicator = {}\n", toml_string(r.indicator));
        out += fmt::format("kind = {}\n", toml_string(r.kind));
        out += fmt::format("basis = {}\n", toml_string(r.basis));
        out += fmt::format("evidence = {}\n", toml_strings(r.evidence));
        for (const auto& e : r.extra) out += fmt::format("{} = {}\n", toml_key(e.name), e.text);
    }
    return out;
}

} // namespace

std::string write_plan(const PlanFile& plan) { return plan.format == PlanFormat::csv ? write_csv(plan) : write_toml(plan); }

} // namespace zs::cycle
