#include "answers/template_writer.hpp"

#include <fmt/format.h>

#include "util/i18n.hpp"

namespace zs {

namespace {

// Comments are single lines: fold any line breaks in instrument text.
std::string one_line(std::string_view s) {
    std::string out;
    bool space = false;
    for (char c : s) {
        if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

std::string format_number(double v) {
    if (v == static_cast<double>(static_cast<long long>(v))) return fmt::format("{}", static_cast<long long>(v));
    return fmt::format("{}", v);
}

class Writer {
  public:
    Writer(const Instrument& ins, std::string_view lang) : ins_(ins), lang_(lang) {}

    std::pair<std::string, std::string> example() const {
        for (const auto& qid : ins_.question_order) {
            const Question* q = ins_.find_question(qid);
            if (!q || q->kind != QuestionKind::choice) continue;
            if (const Scale* s = ins_.find_scale(q->scale); s && !s->options.empty()) return {q->id, s->options.front().id};
        }
        return {"D1.1", "ja"};
    }
    bool asks_evidence() const {
        for (const auto& d : ins_.domains)
            for (const auto& q : d.questions)
                if (!q.evidence.empty()) return true;
        return false;
    }

    // The comment lines before the first key.
    std::string intro() const {
        const char* l = lang_.c_str();
        std::string out;
        out += fmt::format("# {}\n", one_line(ins_.title.get(lang_)));
        out += fmt::format("# {} {} {}\n", tr(l, "Antwoordbestand voor", "Answer file for"), ins_.id, ins_.version.text);
        // The example is the instrument's own first choice question.
        auto [qid, option] = example();
        out += fmt::format("# {} \"{}\" = \"{}\".\n", tr(l, "Vul bij elke vraag uw antwoord in tussen de aanhalingstekens, bijvoorbeeld",
                                                     "Fill in your answer between the quotes for each question, e.g."),
                           qid, option);
        out += fmt::format("# {} \"{}\" = {{ answer = \"{}\", note = \"…\"{} }}\n", tr(l, "Een toelichting? Schrijf:", "A note? Write:"), qid, option,
                           asks_evidence() ? ", evidence = \"…\"" : "");
        out += fmt::format("# {}\n\n", tr(l, "Laat een antwoord leeg (\"\") als u de vraag overslaat. Controleer het bestand met: zelfscan check BESTAND",
                                          "Leave an answer empty (\"\") to skip the question. Check the file with: zelfscan check FILE"));
        return out;
    }

    // The comment after each [respondent] key, in the order written.
    // With `all`, every detail the answer format knows.
    std::vector<std::pair<std::string, std::string>> field_comments(bool all_fields = false) const {
        const char* l = lang_.c_str();
        std::string roles;
        for (const auto& r : ins_.roles) roles += (roles.empty() ? "" : " | ") + r.id + " = " + one_line(r.label.get(lang_));
        std::vector<std::pair<std::string, std::string>> all = {
            {"code", tr(l, "een schuilnaam of code, niet uw naam", "a pseudonym or code, not your name")},
            {"role", roles.empty() ? std::string(tr(l, "uw rol", "your role")) : roles},
            {"organisation", tr(l, "organisatie", "organisation")},
            {"unit", tr(l, "afdeling of dienst", "unit or service")},
            {"date", tr(l, "datum: jjjj-mm-dd", "date: yyyy-mm-dd")},
            {"participants", tr(l, "alleen bij een groepssessie: het aantal deelnemers", "only for a group session: the number of participants")}};
        // Only the details the instrument asks.
        std::vector<std::pair<std::string, std::string>> asked;
        for (auto& f : all)
            if (all_fields || ins_.asks(f.first)) asked.push_back(std::move(f));
        return asked;
    }

    std::string header(const Respondent* who, std::string_view language) {
        out_ += intro();
        out_ += fmt::format("instrument = {}\nversion = {}\nlanguage = {}\n\n", toml_quote(ins_.id), toml_quote(ins_.version.text),
                            toml_quote(language));
        out_ += "[respondent]\n";
        for (const auto& [key, comment] : field_comments(true)) {
            // A detail the instrument does not ask is written only when the
            // respondent has it (an upgraded file keeps its code).
            bool has = who && (key == "participants" ? who->participants > 0 : !respondent_value(*who, key).empty());
            if (!ins_.asks(key) && !has) continue;
            if (key == "participants") {
                if (who && who->participants > 0) out_ += fmt::format("participants = {}\n", who->participants);
                else out_ += fmt::format("# participants = 0  # {}\n", comment);
                continue;
            }
            field(key, who ? respondent_value(*who, key) : std::string(), comment);
        }
        out_ += "\n[answers]\n";
        return out_;
    }

    static const std::string& respondent_value(const Respondent& who, std::string_view key) {
        return key == "code" ? who.code : key == "role" ? who.role : key == "organisation" ? who.organisation : key == "unit" ? who.unit : who.date;
    }

    void field(std::string_view key, const std::string& value, std::string_view comment) {
        std::string line = fmt::format("{} = {}", key, toml_quote(value));
        // Pad by characters, not bytes, so comments line up after "Ë" too.
        std::size_t chars = 0;
        for (unsigned char c : line)
            if ((c & 0xC0) != 0x80) ++chars;
        line.append(chars < 23 ? 23 - chars : 0, ' ');
        out_ += fmt::format("{} # {}\n", line, comment);
    }

    static std::string section_line(std::string_view title) { return fmt::format("\n# ── {} ──\n", one_line(title)); }
    void section(std::string_view title) { out_ += section_line(title); }

    void question(const Question& q, std::size_t number, const Answer* a) {
        out_ += question_comment(q, number);
        out_ += fmt::format("{} = {}\n", toml_quote(q.id), value(q, a));
    }

    // The comment lines above a question's key: number, text, condition,
    // options and evidence prompt.
    std::string question_comment(const Question& q, std::size_t number) const {
        const char* l = lang_.c_str();
        std::string out;
        out += fmt::format("\n# {}. {}\n", number, one_line(q.text.get(lang_)));
        if (q.condition) {
            const Question* gate = ins_.find_question(q.condition->question);
            std::string answers;
            if (gate)
                if (const Scale* s = ins_.find_scale(gate->scale))
                    for (const auto& id : q.condition->answers) {
                        const Option* o = s->find(id);
                        answers += (answers.empty() ? "" : tr(l, " of ", " or ")) + fmt::format("'{}'", o ? one_line(o->label.get(lang_)) : id);
                    }
            out += fmt::format("#   {} {} {} {}.\n", tr(l, "Alleen invullen als u bij", "Only answer if you answered"),
                                q.condition->question, answers, tr(l, "hebt geantwoord", "there"));
        }
        switch (q.kind) {
        case QuestionKind::choice:
        case QuestionKind::multi:
            if (const Scale* s = ins_.find_scale(q.scale)) {
                std::string opts;
                for (const auto& o : s->options) {
                    opts += (opts.empty() ? "" : " | ") + o.id + " = " + one_line(o.label.get(lang_));
                    if (o.reason_required) opts += tr(l, " (met reden)", " (with reason)");
                }
                out += fmt::format("#   {}: {}\n", q.kind == QuestionKind::multi ? tr(l, "Eén of meer van", "One or more of")
                                                                                  : tr(l, "Kies uit", "Choose from"),
                                    opts);
            }
            break;
        case QuestionKind::text: out += fmt::format("#   {}\n", tr(l, "Vrije tekst.", "Free text.")); break;
        case QuestionKind::number: {
            std::string range;
            if (q.min && q.max) range = fmt::format(" ({} {} {})", format_number(*q.min), tr(l, "tot", "to"), format_number(*q.max));
            std::string unit = q.unit.empty() ? "" : " " + one_line(q.unit.get(lang_));
            out += fmt::format("#   {}{}{}.\n", tr(l, "Een getal", "A number"), range, unit);
            break;
        }
        }
        if (!q.evidence.empty()) out += fmt::format("#   {}: {}\n", tr(l, "Bewijs", "Evidence"), one_line(q.evidence.get(lang_)));
        return out;
    }

    static std::string bare_value(const Question& q, const Answer* a) {
        if (!a || !a->answered()) return q.kind == QuestionKind::multi ? "[]" : "\"\"";
        if (q.kind == QuestionKind::multi) {
            std::string items = "[";
            for (const auto& o : a->options) {
                if (items.size() > 1) items += ", ";
                items += toml_quote(o);
            }
            items += ']';
            return items;
        }
        if (q.kind == QuestionKind::choice) return toml_quote(a->options.front());
        if (q.kind == QuestionKind::text) return toml_quote(*a->text);
        return format_number(*a->number);
    }

    std::string value(const Question& q, const Answer* a) {
        std::string v = bare_value(q, a);
        if (!a || (a->note.empty() && a->evidence.empty() && a->reason.empty())) return v;
        std::string t = "{ answer = " + v;
        if (!a->reason.empty()) t += ", reason = " + toml_quote(a->reason);
        if (!a->note.empty()) t += ", note = " + toml_quote(a->note);
        if (!a->evidence.empty()) t += ", evidence = " + toml_quote(a->evidence);
        return t + " }";
    }

    std::string body(const Response* r) {
        for_each_item([&](const std::string& section_title, const Question* q, std::size_t n) {
            if (q) question(*q, n, r ? r->find(q->id) : nullptr);
            else section(section_title);
        });
        return out_;
    }

    // Sections (q == nullptr) and questions in file order, numbered from 1.
    template <class F> void for_each_item(F&& f) const {
        std::size_t n = 0;
        if (!ins_.profile.questions.empty()) {
            f(ins_.profile.title.empty() ? std::string(tr(lang_, "Over de dienst", "About the service")) : ins_.profile.title.get(lang_),
              nullptr, 0);
            for (const auto& q : ins_.profile.questions) f(std::string(), &q, ++n);
        }
        for (const auto& d : ins_.domains) {
            f(fmt::format("{} {}", d.id, d.title.get(lang_)), nullptr, 0);
            for (const auto& q : d.questions) f(std::string(), &q, ++n);
        }
    }

  private:
    const Instrument& ins_;
    std::string lang_;
    std::string out_;
};

} // namespace

std::string toml_quote(std::string_view s) {
    bool multiline = s.find('\n') != std::string_view::npos;
    std::string out = multiline ? "\"\"\"\n" : "\"";
    int quotes = 0;
    for (char c : s) {
        auto u = static_cast<unsigned char>(c);
        if (c == '"') {
            // In a multi-line literal, three quotes in a row would end it.
            if (multiline && ++quotes == 3) {
                out += "\\\"";
                quotes = 0;
                continue;
            }
            out += multiline ? "\"" : "\\\"";
            continue;
        }
        quotes = 0;
        if (c == '\\') out += "\\\\";
        else if (c == '\n') out += multiline ? "\n" : "\\n";
        else if (c == '\t') out += "\\t";
        else if (u < 0x20 || u == 0x7f) out += fmt::format("\\u{:04X}", u);
        else out += c;
    }
    if (multiline && out.back() == '"') {
        // A quote right before the closing delimiter would merge with it.
        out.pop_back();
        out += "\\\"";
    }
    out += multiline ? "\"\"\"" : "\"";
    return out;
}

AnswerFileSkeleton answer_file_skeleton(const Instrument& ins, std::string_view lang) {
    Writer w(ins, lang);
    AnswerFileSkeleton sk;
    sk.intro = w.intro();
    sk.fields = w.field_comments();
    w.for_each_item([&](const std::string& title, const Question* q, std::size_t n) {
        if (q) sk.items.push_back({q->id, w.question_comment(*q, n)});
        else sk.items.push_back({"", Writer::section_line(title)});
    });
    return sk;
}

std::string write_answer_template(const Instrument& ins, std::string_view lang) {
    Writer w(ins, lang);
    w.header(nullptr, lang);
    return w.body(nullptr);
}

std::string write_answer_file(const Instrument& ins, const Response& r, std::string_view lang) {
    Writer w(ins, lang);
    w.header(&r.respondent, r.language.empty() ? lang : std::string_view(r.language));
    return w.body(&r);
}

} // namespace zs
