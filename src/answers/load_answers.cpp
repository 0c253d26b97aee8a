#include "answers/load_answers.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include <fmt/format.h>

#include "model/load_instrument.hpp"
#include "model/toml_reader.hpp"
#include "util/dates.hpp"
#include "util/files.hpp"
#include "util/limits.hpp"
#include "util/text.hpp"

namespace zs {

namespace {


class AnswerReader {
  public:
    AnswerReader(TomlReader& r, const Instrument& ins) : r_(r), ins_(ins) {
        for (const auto& id : ins.question_order) ids_.push_back(id);
    }

    Response read(const toml::table& root) {
        Response resp;
        resp.path = r_.path();
        r_.check_keys(root, {"instrument", "version", "language", "respondent", "answers"}, "the answer file");
        resp.instrument = r_.string(root, "instrument", true).value_or("");
        resp.version = r_.string(root, "version", true).value_or("");
        resp.version_where = r_.key_location(root, "version");
        resp.language = r_.string(root, "language", false).value_or("");
        if (const toml::table* t = r_.table(root, "respondent", false)) read_respondent(*t, resp.respondent);
        if (const toml::table* t = r_.table(root, "answers", false)) {
            // Question ids hold dots, so an unquoted key like D1.1 = "ja" is a
            // dotted key in TOML (a table D1 with a key 1). Walk the tree and
            // rebuild the ids, so both spellings work.
            resp.answers.reserve(t->size());
            walk(*t, "", resp);
        } else if (!root.get("answers")) {
            r_.error(r_.at(root), msg("the answer file has no [answers] table"));
        }
        return resp;
    }

  private:
    void read_respondent(const toml::table& t, Respondent& who) {
        r_.check_keys(t, {"code", "role", "organisation", "unit", "date", "participants"}, "[respondent]");
        who.code = r_.string(t, "code", false).value_or("");
        who.role = r_.string(t, "role", false).value_or("");
        if (const toml::node* n = t.get("role")) who.role_where = r_.at(*n);
        who.organisation = r_.string(t, "organisation", false).value_or("");
        who.unit = r_.string(t, "unit", false).value_or("");
        if (const toml::node* d = t.get("date")) {
            if (auto date = d->value<toml::date>(); date && d->is_date()) {
                who.date = fmt::format("{:04}-{:02}-{:02}", date->year, date->month, date->day);
            } else if (d->is_string()) {
                std::string s = trim(d->as_string()->get());
                auto iso = iso_date(s);
                if (!s.empty() && !iso)
                    r_.error(r_.at(*d), msg("date '{}' is not a date", s), msg("write it as 2026-10-01, 1-10-2026 or 1 oktober 2026"));
                who.date = iso.value_or(s);
            } else {
                r_.error(r_.at(*d), msg("'date' must be a date, not {}", toml_type_name(*d)), msg("write it as 2026-10-01, 1-10-2026 or 1 oktober 2026"));
            }
        }
        if (auto p = r_.integer(t, "participants", false)) {
            if (*p < 1 || *p > 1000)
                r_.error(r_.at(*t.get("participants")), msg("the number of participants ({}) is out of range", *p), msg("a session has 1 to 1000 participants"));
            else
                who.participants = static_cast<int>(*p);
        }
    }

    void walk(const toml::table& t, const std::string& prefix, Response& resp) {
        for (const auto& [k, v] : t) {
            std::string id = prefix.empty() ? std::string(k.str()) : prefix + "." + std::string(k.str());
            if (ins_.find_question(id)) {
                read_answer(id, k, v, resp);
            } else if (const toml::table* sub = v.as_table(); sub && !sub->get("answer") && is_prefix(id)) {
                walk(*sub, id, resp);
            } else {
                auto c = closest_match(id, ids_);
                r_.error(r_.at(k), msg("unknown question '{}' in instrument {} {}", id, ins_.id, ins_.version.text),
                         did_you_mean(c));
            }
        }
    }

    bool is_prefix(const std::string& id) const {
        std::string p = id + ".";
        return std::any_of(ids_.begin(), ids_.end(), [&](std::string_view q) { return q.rfind(p, 0) == 0; });
    }

    void read_answer(const std::string& id, const toml::key& k, const toml::node& v, Response& resp) {
        const Question& q = *ins_.find_question(id);
        Answer a;
        a.question = id;
        a.where = r_.at(k);
        const toml::node* value = &v;
        if (const toml::table* t = v.as_table()) {
            r_.check_keys(*t, {"answer", "note", "evidence", "reason"}, fmt::format("the answer to '{}'", id));
            auto str = [&](std::string_view key) { return normalise_newlines(r_.string(*t, key, false).value_or("")); };
            a.note = str("note");
            a.evidence = str("evidence");
            a.reason = str("reason");
            value = t->get("answer");
        }
        if (value) read_value(q, *value, a);
        if (resp.find(id)) {
            r_.error(a.where, msg("question '{}' is answered twice", id));
            return;
        }
        resp.answers.push_back(std::move(a));
    }

    void read_value(const Question& q, const toml::node& v, Answer& a) {
        if (v.is_string() && blank(v.as_string()->get())) return; // left empty
        switch (q.kind) {
        case QuestionKind::choice:
            if (v.is_string()) a.options.push_back(v.as_string()->get());
            else wrong(v, q, msg("one option id in quotes, e.g. \"ja\""));
            break;
        case QuestionKind::multi:
            if (const toml::array* arr = v.as_array()) {
                for (const auto& item : *arr) {
                    if (item.is_string()) a.options.push_back(item.as_string()->get());
                    else wrong(item, q, msg("a list of option ids, e.g. [\"a\", \"b\"]"));
                }
            } else if (v.is_string()) {
                a.options.push_back(v.as_string()->get());
            } else {
                wrong(v, q, msg("a list of option ids, e.g. [\"a\", \"b\"]"));
            }
            break;
        case QuestionKind::text:
            if (v.is_string()) a.text = normalise_newlines(v.as_string()->get());
            else wrong(v, q, msg("a text in quotes"));
            break;
        case QuestionKind::number:
            if (v.is_integer()) a.number = static_cast<double>(v.as_integer()->get());
            else if (v.is_floating_point() && std::isfinite(v.as_floating_point()->get())) a.number = v.as_floating_point()->get();
            else wrong(v, q, v.is_floating_point() ? msg("a finite number, e.g. 12 (not nan or inf)") : msg("a number, e.g. 12"));
            break;
        }
    }

    void wrong(const toml::node& v, const Question& q, const Message& expected) {
        r_.error(r_.at(v), msg("the answer to '{}' ({} question) must be {}, not {}", q.id, to_string(q.kind), expected,
                                       toml_type_name(v)));
    }

    TomlReader& r_;
    const Instrument& ins_;
    std::vector<std::string_view> ids_;
};

} // namespace

bool looks_like_answer_file(std::string_view data) {
    // An instrument file has an [instrument] table; an answer file a
    // top-level instrument key. A cheap textual test, so that check can
    // route a file before parsing it fully.
    std::size_t pos = 0;
    while (pos < data.size()) {
        std::size_t end = data.find('\n', pos);
        if (end == std::string_view::npos) end = data.size();
        std::string_view line = data.substr(pos, end - pos);
        std::size_t first = line.find_first_not_of(" \t");
        if (first != std::string_view::npos) {
            line = line.substr(first);
            if (line.rfind("[instrument]", 0) == 0) return false;
            if (line.rfind("instrument", 0) == 0 && line.find('=') != std::string_view::npos) {
                std::string_view key = line.substr(0, line.find('='));
                key = key.substr(0, key.find_last_not_of(" \t") + 1);
                if (key == "instrument") return true;
            }
        }
        pos = end + 1;
    }
    return false;
}

std::optional<AnswerHeader> read_answer_header(std::string_view data, const std::string& path, Diagnostics& diags) {
    if (auto bad = check_text(data)) {
        diags.error({path, bad->line, bad->column}, verbatim(bad->what));
        return std::nullopt;
    }
    // A plain file has nothing to report here: its header without toml++.
    const bool controls = has_control_characters(data);
    auto h = controls ? std::nullopt : read_plain_header(data, path);
    if (!h) h = read_toml_header(data, path, diags);
    if (h) {
        h->text_checked = true;
        h->controls = controls;
    }
    return h;
}

std::optional<AnswerHeader> read_toml_header(std::string_view data, const std::string& path, Diagnostics& diags) {
    TomlReader r(path, diags);
    auto root = r.parse(data);
    if (!root) return std::nullopt;
    AnswerHeader h;
    h.where = r.at(*root);
    auto id = r.string(*root, "instrument", true);
    auto version = r.string(*root, "version", true);
    if (!id || !version) return std::nullopt;
    if (!is_instrument_id(*id)) {
        r.error(r.at(*root->get("instrument")), msg("'{}' is not an instrument id", *id),
                msg("an instrument id holds lowercase letters, digits and hyphens only, e.g. \"institutioneel-racisme\""));
        return std::nullopt;
    }
    h.instrument = *id;
    h.version = *version;
    h.where = r.key_location(*root, "version");
    return h;
}

std::optional<Response> read_toml_answers(std::string_view data, const std::string& path, const Instrument& ins,
                                          Diagnostics& diags) {
    TomlReader r(path, diags);
    auto root = r.parse(data);
    if (!root) return std::nullopt;
    AnswerReader reader(r, ins);
    return reader.read(*root);
}

std::optional<Response> parse_response(std::string_view data, const std::string& path, const Instrument& ins,
                                       Diagnostics& diags, const AnswerHeader* header) {
    if (!header || !header->text_checked)
        if (auto bad = check_text(data)) {
            diags.error({path, bad->line, bad->column}, verbatim(bad->what));
            return std::nullopt;
        }
    // Most files are plain and valid: the fast reader takes them. Any file
    // it does not take, or that has anything to report, is read again the
    // full way, so diagnostics are always those of the full reader.
    if (!(header && header->text_checked ? header->controls : has_control_characters(data))) {
        if (auto plain = read_plain_answers(data, path, ins)) {
            Diagnostics check;
            validate_response(ins, *plain, check);
            if (check.empty()) return plain;
        }
    }
    Diagnostics local;
    auto resp = read_toml_answers(data, path, ins, local);
    if (!resp) {
        diags.append(local);
        return std::nullopt;
    }
    validate_response(ins, *resp, local);
    local.sort();
    diags.append(local);
    if (local.has_errors()) return std::nullopt;
    return resp;
}

std::optional<Response> load_response(const std::string& path, const Instrument& ins, Diagnostics& diags) {
    auto file = read_file(path, limits::answer_file);
    if (!file.ok()) {
        diags.error({path, 0, 0}, verbatim(file.error));
        return std::nullopt;
    }
    return parse_response(file.data, path, ins, diags);
}

namespace {
Visibility visibility_at(const Question& q, const Response& r, const Instrument& ins, int depth);

bool gate_skipped_at(const Question& q, const Response& r, const Instrument& ins, int depth) {
    if (!q.condition) return false;
    const Question* g = ins.find_question(q.condition->question);
    // The loader refuses cycles; the depth only guards against a bad instrument.
    return g && g->condition && depth < 64 && visibility_at(*g, r, ins, depth + 1) == Visibility::skipped;
}

Visibility visibility_at(const Question& q, const Response& r, const Instrument& ins, int depth) {
    if (!q.condition) return Visibility::shown;
    if (gate_skipped_at(q, r, ins, depth)) return Visibility::skipped;
    const Answer* gate = r.find(q.condition->question);
    if (q.condition->on_number()) {
        if (!gate || !gate->number) return Visibility::undetermined;
        return q.condition->holds(*gate->number) ? Visibility::shown : Visibility::skipped;
    }
    if (!gate || gate->options.empty()) return Visibility::undetermined;
    for (const auto& o : gate->options)
        if (std::find(q.condition->answers.begin(), q.condition->answers.end(), o) != q.condition->answers.end())
            return Visibility::shown;
    return Visibility::skipped;
}
} // namespace

Visibility visibility(const Question& q, const Response& r, const Instrument& ins) { return visibility_at(q, r, ins, 0); }

bool gate_skipped(const Question& q, const Response& r, const Instrument& ins) { return gate_skipped_at(q, r, ins, 0); }

std::size_t count_missing(const Instrument& ins, const Response& r) {
    std::size_t n = 0;
    for (const auto& id : ins.question_order) {
        const Question* q = ins.find_question(id);
        if (visibility(*q, r, ins) == Visibility::skipped) continue;
        const Answer* a = r.find(id);
        if (!a || !a->answered()) ++n;
    }
    return n;
}

bool patch_compatible(std::string_view answers_version, const Version& instrument) {
    auto v = parse_version(answers_version);
    return v && v->major == instrument.major && v->minor == instrument.minor;
}

void note_other_patch_versions(const Instrument& ins, const RespondentFacts& facts, Diagnostics& diags) {
    std::map<std::string, std::pair<int, std::string>> other; // version -> count, first file
    for (const auto& [version, files] : facts.versions)
        if (version != ins.version.text && patch_compatible(version, ins.version)) other[version] = {files.count, files.first};
    for (const auto& [version, seen] : other)
        diags.add(Severity::note, {seen.second, 0, 0},
                  seen.first == 1 ? msg("1 answer file answers version {} of '{}' and the instrument is {}: another patch version has the "
                                        "same questions, so the answers are used as they are",
                                        version, ins.id, ins.version.text)
                                  : msg("{} answer files answer version {} of '{}' and the instrument is {}: another patch version has "
                                        "the same questions, so the answers are used as they are",
                                        seen.first, version, ins.id, ins.version.text));
}

void validate_response(const Instrument& ins, const Response& r, Diagnostics& diags) {
    SourceLocation file{r.path, 0, 0};
    if (!r.instrument.empty() && r.instrument != ins.id)
        diags.error(file, msg("this file answers instrument '{}', not '{}'", r.instrument, ins.id));
    // Another patch version of the same instrument has the same questions
    // and options (docs/instrument-format.md): used as it is, with one note
    // per run (note_other_patch_versions).
    if (!r.version.empty() && r.version != ins.version.text && !patch_compatible(r.version, ins.version))
        diags.error(r.version_where.line ? r.version_where : file,
                    msg("this file answers version {} of '{}', but the instrument is version {}", r.version, ins.id,
                                ins.version.text),
                    msg("use the instrument version the answers were given for, or make a new template"));
    if (!r.language.empty() && std::find(ins.languages.begin(), ins.languages.end(), r.language) == ins.languages.end())
        diags.error(file, msg("language '{}' is not a language of the instrument ({})", r.language, fmt::join(ins.languages, ", ")));
    if (!r.respondent.role.empty() && !ins.find_role(r.respondent.role)) {
        std::vector<std::string_view> roles;
        for (const auto& ro : ins.roles) roles.push_back(ro.id);
        auto c = closest_match(r.respondent.role, roles);
        diags.error(r.respondent.role_where.line ? r.respondent.role_where : file,
                    msg("unknown role group '{}'", r.respondent.role),
                    did_you_mean(c, msg("role groups: {}", fmt::join(roles, ", "))));
    }
    for (const auto& a : r.answers) {
        const Question* q = ins.find_question(a.question);
        if (!q) {
            diags.error(a.where, msg("unknown question '{}'", a.question));
            continue;
        }
        // A respondent's text is bounded (docs/limits.md): a report shows
        // it in full, so a pasted book would make pages without end.
        const std::string none;
        for (const std::string* text : {a.text ? &*a.text : &none, &a.note, &a.evidence, &a.reason}) {
            std::size_t chars = 0;
            for (unsigned char c : *text) chars += (c & 0xC0) != 0x80;
            if (chars > limits::note_chars)
                diags.error(a.where,
                            msg("the text with the answer to '{}' is too long ({} characters; at most {}, see docs/limits.md)",
                                        a.question, chars, limits::note_chars),
                            msg("keep it to a few paragraphs; longer evidence belongs in a document of its own"));
        }
        if (!a.answered()) continue;
        const Visibility vis = visibility(*q, r, ins);
        if (vis == Visibility::skipped && gate_skipped(*q, r, ins)) {
            diags.error(a.where,
                        msg("'{}' is answered, but it is skipped: it depends on '{}', which is skipped itself", q->id,
                                    q->condition->question),
                        msg("remove this answer or change the answer it depends on"));
        } else if (vis == Visibility::skipped && q->condition->on_number()) {
            const Answer* gate = r.find(q->condition->question);
            diags.error(a.where,
                        msg("'{}' is answered, but it is skipped: it applies only when '{}' is {}{}{}, and '{}' was answered {}",
                                    q->id, q->condition->question,
                                    q->condition->min ? fmt::format("at least {}", *q->condition->min) : "",
                                    q->condition->min && q->condition->max ? " and " : "",
                                    q->condition->max ? fmt::format("at most {}", *q->condition->max) : "",
                                    q->condition->question, *gate->number),
                        msg("remove this answer or change the answer it depends on"));
        } else if (vis == Visibility::skipped) {
            const Answer* gate = r.find(q->condition->question);
            diags.error(a.where,
                        msg("'{}' is answered, but it is skipped: it applies only when '{}' is {}, and '{}' was answered '{}'",
                                    q->id, q->condition->question, fmt::join(q->condition->answers, " or "),
                                    q->condition->question, fmt::join(gate->options, ", ")),
                        msg("remove this answer or change the answer it depends on"));
        }
        if (q->kind == QuestionKind::choice || q->kind == QuestionKind::multi) {
            const Scale* s = ins.find_scale(q->scale);
            if (!s) continue;
            if (q->kind == QuestionKind::choice && a.options.size() > 1)
                diags.error(a.where, msg("'{}' takes one answer, not {}", q->id, a.options.size()));
            std::set<std::string> seen;
            for (const auto& o : a.options) {
                const Option* opt = s->find(o);
                if (!opt) {
                    std::vector<std::string_view> ids;
                    for (const auto& x : s->options) ids.push_back(x.id);
                    auto c = closest_match(o, ids);
                    diags.error(a.where, msg("'{}' is not an option of '{}'", o, q->id),
                                did_you_mean(c, msg("options: {}", fmt::join(ids, ", "))));
                    continue;
                }
                if (!seen.insert(o).second) diags.error(a.where, msg("option '{}' is given twice for '{}'", o, q->id));
                if (opt->kind == OptionKind::not_applicable && opt->reason_required && blank(a.reason))
                    diags.error(a.where, msg("'{}' is answered '{}' without a reason", q->id, o),
                                msg("write \"{}\" = {{ answer = \"{}\", reason = \"…\" }}", q->id, o));
            }
        }
        if (q->kind == QuestionKind::number && a.number) {
            if ((q->min && *a.number < *q->min) || (q->max && *a.number > *q->max))
                diags.error(a.where, msg("{} is out of range for '{}'", *a.number, q->id),
                            !q->min   ? msg("expected at most {}", *q->max)
                            : !q->max ? msg("expected at least {}", *q->min)
                                      : msg("expected {} to {}", *q->min, *q->max));
        }
    }
}

} // namespace zs
