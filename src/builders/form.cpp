#include "builders/form.hpp"

#include <cmath>
#include <cerrno>
#include <cstdlib>
#include <set>

#include <fmt/format.h>

#include "answers/load_answers.hpp"
#include "pdf/acroform.hpp"
#include "util/dates.hpp"
#include "pdf/render.hpp"
#include "util/i18n.hpp"
#include "util/text.hpp"

namespace zs {

namespace {

pdf::FormSpec form_spec(const Instrument& ins, const std::string& lang) {
    pdf::FormSpec spec;
    spec.instrument_id = ins.id;
    spec.instrument_version = ins.version.text;
    const char* l = lang.c_str();
    spec.tooltips["respondent.organisation"] = tr(l, "Organisatie", "Organisation");
    spec.tooltips["respondent.unit"] = tr(l, "Afdeling of dienst", "Unit or service");
    spec.tooltips["respondent.date"] = tr(l, "Datum (jjjj-mm-dd)", "Date (yyyy-mm-dd)");
    spec.tooltips["respondent.code"] = tr(l, "Code of schuilnaam, niet uw naam", "Code or pseudonym, not your name");
    spec.tooltips["respondent.role"] = tr(l, "Uw rol", "Your role");
    spec.tooltips["respondent.participants"] = tr(l, "Aantal deelnemers (alleen bij een groepssessie)",
                                                  "Number of participants (group session only)");
    spec.numbers["respondent.participants"] = true;
    for (const auto& id : ins.question_order) {
        const Question* q = ins.find_question(id);
        std::string text = fmt::format("{} {}", id, q->text.get(lang));
        spec.tooltips[id] = text;
        spec.tooltips[note_field(id)] = fmt::format("{} {}: {}", tr(l, "Toelichting bij", "Note on"), id, q->text.get(lang));
        spec.tooltips[evidence_field(id)] = fmt::format("{} {}: {}", tr(l, "Bewijs bij", "Evidence for"), id, q->evidence.get(lang));
        if (q->kind == QuestionKind::number) spec.numbers[id] = true;
    }
    return spec;
}

// Numbers as people type them: "12", "12,5", "1.000" (Dutch thousands).
std::optional<double> parse_number(std::string s) {
    s = trim(s);
    if (s.empty()) return std::nullopt;
    std::string t;
    for (char c : s) {
        if (c == ',') t += '.';
        else if (c != ' ' && c != '\'') t += c;
    }
    // "1.000" with three digits after a single dot is a thousands separator.
    auto dot = t.find('.');
    if (dot != std::string::npos && t.find('.', dot + 1) == std::string::npos && t.size() - dot - 1 == 3 &&
        s.find(',') == std::string::npos)
        t.erase(dot, 1);
    // Decimal digits only: strtod also takes "nan", "inf" and hex, none of
    // which a respondent means as a number.
    if (t.find_first_not_of("0123456789+-.eE") != std::string::npos) return std::nullopt;
    char* end = nullptr;
    errno = 0;
    double v = std::strtod(t.c_str(), &end);
    if (errno != 0 || end == t.c_str() || *end != '\0' || !std::isfinite(v)) return std::nullopt;
    return v;
}

} // namespace

std::string build_form_pdf(const Instrument& ins, const PaperOptions& options, Diagnostics& diags,
                           std::shared_ptr<pdf::DrawingStart> start) {
    PaperOptions po = options;
    po.form = true;
    doc::Document d = build_paper(ins, po, diags);
    if (diags.has_errors()) return {};
    pdf::RenderOptions ro;
    ro.start = std::move(start);
    ro.finish.push_back(pdf::acroform_step(form_spec(ins, po.lang)));
    return pdf::render_pdf(d, ro, diags);
}

std::optional<pdf::FilledForm> read_form(std::string_view bytes, const std::string& path, Diagnostics& diags) {
    return pdf::read_filled_form(bytes, path, diags);
}

std::optional<Response> read_form_response(std::string_view bytes, const std::string& path, const Instrument& ins,
                                           Diagnostics& diags) {
    auto form = read_form(bytes, path, diags);
    if (!form) return std::nullopt;
    return form_response(*form, path, ins, diags);
}

std::optional<Response> form_response(const pdf::FilledForm& filled, const std::string& path, const Instrument& ins,
                                      Diagnostics& diags) {
    const pdf::FilledForm* form = &filled;
    SourceLocation where{path, 0, 0};
    if (form->instrument_id != ins.id || form->instrument_version != ins.version.text) {
        diags.error(where, msg("this form answers {} {}, not {} {}", form->instrument_id, form->instrument_version, ins.id,
                                       ins.version.text),
                    msg("use the instrument version the form was made from"));
        return std::nullopt;
    }
    Response r;
    r.instrument = ins.id;
    r.version = ins.version.text;
    r.path = path;
    std::map<std::string, Answer> answers;
    auto answer = [&](const std::string& id) -> Answer& {
        Answer& a = answers[id];
        a.question = id;
        a.where = where;
        return a;
    };
    for (const auto& f : form->fields) {
        std::string value = normalise_newlines(f.value);
        const std::string& n = f.name;
        if (n.rfind("respondent.", 0) == 0) {
            std::string key = n.substr(11);
            std::string v = trim(value);
            if (key == "code") r.respondent.code = v;
            else if (key == "role") r.respondent.role = v;
            else if (key == "organisation") r.respondent.organisation = v;
            else if (key == "unit") r.respondent.unit = v;
            else if (key == "date" && !v.empty()) {
                if (auto iso = iso_date(v)) r.respondent.date = *iso;
                else diags.warning(where, msg("the date '{}' is not a date; it is left empty", v),
                                   msg("write it as 2026-10-01, 1-10-2026 or 1 oktober 2026"));
            }
            else if (key == "participants" && !v.empty()) {
                auto p = parse_number(v);
                if (!p || *p < 1 || *p != static_cast<int>(*p))
                    diags.error(where, msg("the number of participants '{}' is not a whole number", v));
                else
                    r.respondent.participants = static_cast<int>(*p);
            }
            continue;
        }
        auto suffix = [&](std::string_view s) {
            return n.size() > s.size() && n.compare(n.size() - s.size(), s.size(), s) == 0;
        };
        if (suffix(".note") && ins.find_question(n.substr(0, n.size() - 5))) {
            if (!trim(value).empty()) answer(n.substr(0, n.size() - 5)).note = trim(value);
            continue;
        }
        if (suffix(".evidence") && ins.find_question(n.substr(0, n.size() - 9))) {
            if (!trim(value).empty()) answer(n.substr(0, n.size() - 9)).evidence = trim(value);
            continue;
        }
        if (auto colon = n.rfind(':'); colon != std::string::npos && ins.find_question(n.substr(0, colon))) {
            if (!value.empty()) answer(n.substr(0, colon)).options.push_back(n.substr(colon + 1));
            continue;
        }
        const Question* q = ins.find_question(n);
        if (!q) continue; // a field of a newer layout; ignored
        if (trim(value).empty()) continue;
        switch (q->kind) {
        case QuestionKind::choice: answer(n).options = {value}; break;
        case QuestionKind::multi: answer(n).options.push_back(value); break;
        case QuestionKind::text: answer(n).text = trim(value); break;
        case QuestionKind::number:
            if (auto v = parse_number(value)) answer(n).number = *v;
            else diags.error(where, msg("the answer to {} is not a number: '{}'", n, trim(value)), msg("write for example 12 or 12.5"));
            break;
        }
    }
    // "Not applicable" reasons are written in the note on a form.
    for (const auto& id : ins.question_order) {
        auto it = answers.find(id);
        if (it == answers.end()) continue;
        Answer& a = it->second;
        const Question* q = ins.find_question(id);
        if (const Scale* s = ins.find_scale(q->scale); s && a.options.size() == 1)
            if (const Option* o = s->find(a.options.front()); o && o->reason_required && a.reason.empty()) {
                a.reason = a.note;
                a.note.clear();
            }
        r.answers.push_back(std::move(a));
    }
    // On paper or screen a respondent may tick a question that an earlier
    // answer skips. A TOML author gets an error for that; a form cannot be
    // edited as easily, so the answer is left out with a warning instead.
    std::set<std::string> skipped;
    for (const auto& ans : r.answers) {
        const Question* q = ins.find_question(ans.question);
        if (q && ans.answered() && visibility(*q, r, ins) == Visibility::skipped) {
            const Answer* gate = r.find(q->condition->question);
            if (gate_skipped(*q, r, ins) || !gate) {
                diags.warning(where, msg("{} was answered, but it depends on {}, which is skipped itself; the answer to {} is left out",
                                                 q->id, q->condition->question, q->id));
            } else {
                diags.warning(where, msg("{} was answered, but it only applies when {} is {}; {} was answered '{}', so the answer to {} is left out",
                                                 q->id, q->condition->question, fmt::join(q->condition->answers, " or "),
                                                 q->condition->question, fmt::join(gate->options, ", "), q->id));
            }
            skipped.insert(q->id);
        }
    }
    std::vector<Answer> kept;
    for (auto& ans : r.answers)
        if (!skipped.count(ans.question)) kept.push_back(std::move(ans));
    r.answers = std::move(kept);
    validate_response(ins, r, diags);
    if (diags.has_errors()) return std::nullopt;
    return r;
}

} // namespace zs
