#include "report/companions.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "document/palette.hpp"
#include "report/format.hpp"
#include "util/i18n.hpp"

namespace zs::report {

namespace {

using kainjow::mustache::list;

doc::TableCell cell(std::string s, unsigned style = doc::plain) { return doc::TableCell{{doc::text(std::move(s), style)}}; }

std::string answer_sets(std::string_view lang, long long n) {
    return counted(lang, n, {"antwoordset", "antwoordsets"}, {"answer set", "answer sets"});
}

// "1 = Nooit, 5 = Heel vaak": the ends of a scale with values, lowest first.
std::string scale_ends(const Scale& s, std::string_view lang) {
    const Option* lo = nullptr;
    const Option* hi = nullptr;
    for (const auto& o : s.options) {
        if (!o.value) continue;
        if (!lo || *o.value < *lo->value) lo = &o;
        if (!hi || *o.value > *hi->value) hi = &o;
    }
    if (!lo || lo == hi) return "";
    std::string lang_s(lang);
    return fmt::format("{} = {}, {} = {}", amount(*lo->value, lang), lo->label.get(lang_s), amount(*hi->value, lang),
                       hi->label.get(lang_s));
}

// A role's label without its explanation in brackets, for a narrow column
// head: "Uitvoering (contact met klanten)" -> "Uitvoering".
std::string short_role(const Instrument& ins, const std::string& role, std::string_view lang) {
    std::string label = role_label(ins, role, lang);
    if (auto open = label.find(" ("); open != std::string::npos && open > 0) label.resize(open);
    return label;
}

} // namespace

int companion_minimum(const Instrument& main, const Instrument& companion) {
    return std::max(main.risk.anonymity_threshold, companion.risk.anonymity_threshold);
}

bool companion_shown(const Instrument& main, const CompanionSet& c) {
    return c.assessment->respondents >= companion_minimum(main, *c.instrument);
}

void set_companion_data(Data& d, const Instrument& main, const std::vector<CompanionSet>& companions,
                        std::string_view lang) {
    list items;
    std::string lang_s(lang);
    for (const auto& c : companions) {
        Data x;
        x.set("id", c.instrument->id);
        x.set("title", c.instrument->title.get(lang_s));
        x.set("version", c.instrument->version.text);
        x.set("respondents", std::to_string(c.assessment->respondents));
        x.set("respondents_phrase", answer_sets(lang, c.assessment->respondents));
        x.set("shown", companion_shown(main, c));
        x.set("minimum", std::to_string(companion_minimum(main, *c.instrument)));
        items.push_back(x);
    }
    d.set("companions", items);
    d.set("has_companions", !companions.empty());
}

doc::Blocks companion_withheld(const Instrument& main, const CompanionSet& c, std::string_view lang) {
    std::string lang_s(lang);
    doc::Blocks out;
    doc::Heading h;
    h.level = 2;
    h.text.push_back(doc::text(c.instrument->title.get(lang_s)));
    h.anchor = "companion-" + c.instrument->id;
    out.push_back(doc::block(std::move(h)));
    int n = c.assessment->respondents;
    int min = companion_minimum(main, *c.instrument);
    doc::Paragraph p;
    p.runs.push_back(doc::text(
        is_english(lang)
            ? fmt::format("This questionnaire has {}. Its results are shown only from {} answer sets, so that nobody "
                          "can be recognised by their answers. Ask more people to take part, then make the report again.",
                          answer_sets(lang, n), min)
            : fmt::format("Deze vragenlijst heeft {}. De uitkomsten tonen we pas vanaf {} antwoordsets, zodat niemand "
                          "aan de antwoorden te herkennen is. Vraag meer mensen om mee te doen en maak het rapport daarna opnieuw.",
                          answer_sets(lang, n), min),
        doc::italic));
    p.color = palette::muted;
    out.push_back(doc::block(std::move(p)));
    return out;
}

std::optional<doc::Table> role_means_table(const Instrument& ins, const Assessment& as, const Domain& dom, std::string_view lang,
                                           int min_answers) {
    std::string lang_s(lang);
    std::vector<const GroupResult*> shown;
    for (const auto& g : as.groups)
        if (g.respondents > 0 && !g.suppressed && !g.role.empty()) shown.push_back(&g);
    if (shown.empty()) return std::nullopt;

    doc::Table t;
    doc::TableRow head;
    head.cells.push_back(cell(tr(lang, "Vraag", "Question"), doc::bold));
    head.cells.push_back(cell(tr(lang, "Iedereen", "Everyone"), doc::bold));
    t.columns.push_back({doc::Align::left, 190});
    t.columns.push_back({doc::Align::right, 0});
    for (const auto* g : shown) {
        head.cells.push_back(cell(fmt::format("{} ({})", short_role(ins, g->role, lang), g->respondents), doc::bold));
        t.columns.push_back({doc::Align::right, 0});
    }
    t.rows.push_back(std::move(head));

    // The mean of the values given, from how many chose each option (in
    // scale order, so the sum does not depend on the order of the files);
    // answers without a value ("don't know", "does not apply") are left out.
    // A question withheld for a group (or for everyone) has no counts: "–".
    auto mean = [&](const Scale& s, const std::vector<int>& chosen) -> std::string {
        double sum = 0;
        int n = 0;
        for (std::size_t o = 0; o < chosen.size() && o < s.options.size(); ++o) {
            if (!s.options[o].value || chosen[o] == 0) continue;
            sum += *s.options[o].value * chosen[o];
            n += chosen[o];
        }
        return n > 0 && n >= min_answers ? decimal(sum / n, 1, lang) : "–";
    };
    auto everyone = [&](std::size_t qi) {
        std::vector<int> chosen;
        for (const auto& oc : as.questions[qi].options) chosen.push_back(oc.count);
        return chosen;
    };
    for (const auto& q : dom.questions) {
        if (q.kind != QuestionKind::choice) continue;
        const Scale* s = ins.find_scale(q.scale);
        if (!s || scale_ends(*s, lang).empty()) continue;
        const QuestionResult* result = as.find_question(q.id);
        if (!result) continue;
        const auto qi = static_cast<std::size_t>(result - as.questions.data());
        doc::TableRow row;
        doc::TableCell text;
        text.text.push_back(doc::text(q.id + " ", doc::bold));
        text.text.push_back(doc::text(q.text.get(lang_s)));
        doc::Inline ends = doc::text(fmt::format("\n({})", scale_ends(*s, lang)), doc::italic);
        ends.color = palette::muted;
        text.text.push_back(ends);
        row.cells.push_back(std::move(text));
        row.cells.push_back(cell(mean(*s, everyone(qi))));
        for (const auto* g : shown) row.cells.push_back(cell(mean(*s, qi < g->chosen.size() ? g->chosen[qi] : std::vector<int>{})));
        t.rows.push_back(std::move(row));
    }
    if (t.rows.size() == 1) return std::nullopt;
    return t;
}

doc::Paragraph role_means_caption(const Instrument& ins, const Assessment& as, std::string_view lang) {
    std::vector<std::string> hidden;
    for (const auto& g : as.groups)
        if (g.respondents > 0 && g.suppressed && !g.role.empty()) hidden.push_back("‘" + short_role(ins, g.role, lang) + "’");
    std::string s = tr(lang, "Tussen haakjes staat hoeveel mensen uit de groep meededen.",
                       "In brackets: how many people of the group took part.");
    if (!hidden.empty())
        s += fmt::format(fmt::runtime(tr(lang, " Geen eigen kolom, zodat niemand te herkennen is: {}.",
                                         " No column of their own, so that nobody can be recognised: {}.")),
                         and_list(hidden, lang));
    doc::Paragraph p;
    p.runs.push_back(doc::text(std::move(s), doc::italic));
    p.color = palette::muted;
    return p;
}

} // namespace zs::report
