#include "builders/answer_table.hpp"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "scoring/json_writer.hpp"

namespace zs {

namespace {

std::string number_text(double v) {
    std::string s = fmt::format("{:.6f}", v);
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
    return s;
}

std::string answer_text(const Answer& a) {
    if (a.text) return *a.text;
    if (a.number) return number_text(*a.number);
    return fmt::format("{}", fmt::join(a.options, " "));
}

std::string csv_field(std::string_view s) {
    std::string v(s);
    // Respondents' text is untrusted: a spreadsheet must not run it.
    if (!v.empty() && std::string_view("=+-@\t\r").find(v[0]) != std::string_view::npos) v = "'" + v;
    if (v.find_first_of(",;\"\n\r") == std::string::npos) return v;
    std::string out = "\"";
    for (char c : v) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

} // namespace

AnswerTable answer_table(const Instrument& ins, const std::vector<Response>& responses, const Assessment& a, bool all) {
    AnswerTable t;
    std::set<std::string> hidden_roles;
    for (const auto& g : a.groups)
        if (g.suppressed) hidden_roles.insert(g.role);
    // Note and evidence columns only where someone wrote one.
    std::set<std::string> with_note, with_evidence, with_reason;
    for (const auto& r : responses)
        for (const auto& ans : r.answers) {
            if (!ans.note.empty()) with_note.insert(ans.question);
            if (!ans.evidence.empty()) with_evidence.insert(ans.question);
            if (!ans.reason.empty()) with_reason.insert(ans.question);
        }
    if (all) t.columns = {"code", "file", "organisation", "unit", "date"};
    t.columns.push_back("role");
    t.columns.push_back("participants");
    for (const auto& id : ins.question_order) {
        t.columns.push_back(id);
        if (with_reason.count(id)) t.columns.push_back(id + " reason");
        if (with_note.count(id)) t.columns.push_back(id + " note");
        if (with_evidence.count(id)) t.columns.push_back(id + " evidence");
    }
    for (const auto& r : responses) {
        std::vector<std::string> row;
        if (all) row = {r.respondent.code, r.path, r.respondent.organisation, r.respondent.unit, r.respondent.date};
        const std::string& role = r.respondent.role;
        row.push_back(!all && hidden_roles.count(role) ? "hidden" : role);
        row.push_back(std::to_string(r.respondent.is_session() ? r.respondent.participants : 1));
        for (const auto& id : ins.question_order) {
            const Answer* ans = r.find(id);
            row.push_back(ans ? answer_text(*ans) : "");
            if (with_reason.count(id)) row.push_back(ans ? ans->reason : "");
            if (with_note.count(id)) row.push_back(ans ? ans->note : "");
            if (with_evidence.count(id)) row.push_back(ans ? ans->evidence : "");
        }
        t.rows.push_back(std::move(row));
    }
    if (!all) std::sort(t.rows.begin(), t.rows.end());
    return t;
}

std::string answer_table_csv(const AnswerTable& t) {
    std::string out;
    auto line = [&](const std::vector<std::string>& cells) {
        for (std::size_t i = 0; i < cells.size(); ++i) out += (i ? "," : "") + csv_field(cells[i]);
        out += "\r\n";
    };
    line(t.columns);
    for (const auto& r : t.rows) line(r);
    return out;
}

std::string answer_table_json(const AnswerTable& t) {
    JsonWriter w;
    w.begin_array();
    for (const auto& r : t.rows) {
        w.begin_object();
        for (std::size_t i = 0; i < t.columns.size() && i < r.size(); ++i) w.string(t.columns[i], r[i]);
        w.end_object();
    }
    w.end_array();
    return w.str();
}

} // namespace zs
