#include "model/load_instrument.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <set>
#include <tuple>

#include <fmt/format.h>

#include "model/load_changes.hpp"
#include "model/toml_reader.hpp"
#include "util/files.hpp"
#include "util/limits.hpp"

namespace zs {

bool is_instrument_id(std::string_view s) {
    if (s.empty() || s.size() > 100) return false;
    auto ok = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; };
    return std::all_of(s.begin(), s.end(), ok) && s.front() != '-' && s.back() != '-';
}

namespace {

bool is_slug(std::string_view s) { return is_instrument_id(s); }

// Ids of questions, domains, measures and options: ASCII letters, digits,
// '.', '-' and '_', starting with a letter or digit.
bool is_id(std::string_view s) {
    if (s.empty()) return false;
    auto ok = [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '.' || c == '-' || c == '_';
    };
    return std::all_of(s.begin(), s.end(), ok) && std::isalnum(static_cast<unsigned char>(s.front()));
}

bool is_colour(std::string_view s) {
    if (s.size() != 7 || s[0] != '#') return false;
    return std::all_of(s.begin() + 1, s.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); });
}

const std::vector<std::string> known_languages = {"nl", "en", "de", "fr", "fy", "pap", "ar", "tr", "pl", "uk"};

class InstrumentLoader {
  public:
    InstrumentLoader(TomlReader& r, const MarkdownValidator& md) : r_(r), md_(md) {}

    Instrument load(const toml::table& root) {
        Instrument ins;
        ins.path = r_.path();
        r_.check_keys(root, {"instrument", "source", "scale", "role", "profile", "domain", "measure", "risk", "changes", "report"},
                      "the instrument file");
        ins_ = &ins;
        if (const toml::table* meta = r_.table(root, "instrument", true)) read_meta(*meta, ins);
        else langs_ = {"nl"};
        for (const auto* t : r_.tables(root, "source")) ins.sources.push_back(read_source(*t));
        for (const auto* t : r_.tables(root, "scale")) ins.scales.push_back(read_scale(*t));
        for (const auto* t : r_.tables(root, "role")) ins.roles.push_back(read_role(*t));
        if (const toml::table* meta = r_.table(root, "instrument", false); meta && meta->get("respondent") && !ins.roles.empty() &&
                                                                          !ins.asks("role"))
            r_.error(r_.at(*meta->get("respondent")), msg("the instrument has role groups, but 'respondent' does not ask for the role"),
                     msg("add \"role\", or remove the [[role]] tables"));
        if (const toml::table* p = r_.table(root, "profile", false)) read_profile(*p, ins.profile);
        for (const auto* t : r_.tables(root, "domain")) ins.domains.push_back(read_domain(*t));
        for (const auto* t : r_.tables(root, "measure")) ins.measures.push_back(read_measure(*t));
        if (const toml::table* rk = r_.table(root, "risk", false)) read_risk(*rk, ins.risk);
        ins.changes = read_changes(r_, root, langs_, md_);
        if (const toml::table* rp = r_.table(root, "report", false)) read_report(*rp, ins.report);
        if (ins.domains.empty())
            r_.error(r_.at(root), msg("the instrument has no domains"), msg("add at least one [[domain]] with questions"));
        ins.build_index();
        if (ins.question_order.size() > limits::questions)
            r_.error(r_.at(root),
                     msg("the instrument has {} questions, more than the {} zelfscan takes (see docs/limits.md)",
                                 ins.question_order.size(), limits::questions));
        check_references(ins);
        check_changes(r_, ins);
        return ins;
    }

  private:
    LocalizedText text(const toml::table& t, std::string_view key, bool required) {
        return r_.text(t, key, required, langs_);
    }

    LocalizedText markdown(const toml::table& t, std::string_view key, bool required) {
        LocalizedText out = text(t, key, required);
        if (!md_) return out;
        const toml::node* n = t.get(key);
        for (const auto& [lang, s] : out.by_lang)
            for (const auto& problem : md_(s))
                r_.error(n ? r_.at(*n) : r_.at(t), msg("'{}' ({}): {}", key, lang, problem));
        return out;
    }

    std::string id(const toml::table& t, const Message& what) {
        auto v = r_.string(t, "id", true);
        if (!v) return {};
        if (!is_id(*v))
            r_.error(r_.at(*t.get("id")), msg("{} id '{}' may only hold letters, digits, '.', '-' and '_'", what, *v),
                     msg("ids are written in answer files and form fields, so keep them plain ASCII"));
        return *v;
    }

    void read_meta(const toml::table& t, Instrument& ins) {
        r_.check_keys(t, {"id", "version", "languages", "title", "subtitle", "description", "instructions",
                          "privacy", "respondent", "role_question", "hand_in_to", "show_codes", "authors", "licence"},
                      "[instrument]");
        // Languages come first: every text is checked against them.
        langs_ = r_.strings(t, "languages");
        if (!t.get("languages")) {
            r_.error(r_.at(t), msg("missing required key 'languages'"), msg("for example languages = [\"nl\", \"en\"]"));
            langs_ = {"nl"};
        } else if (langs_.empty()) {
            r_.error(r_.at(*t.get("languages")), msg("'languages' must name at least one language"));
            langs_ = {"nl"};
        } else {
            std::set<std::string> seen;
            for (const auto& l : langs_) {
                if (!seen.insert(l).second)
                    r_.error(r_.at(*t.get("languages")), msg("language '{}' is listed twice", l));
                if (std::find(known_languages.begin(), known_languages.end(), l) == known_languages.end())
                    r_.error(r_.at(*t.get("languages")), msg("unknown language code '{}'", l),
                             msg("use a two-letter code such as \"nl\" or \"en\""));
            }
        }
        ins.languages = langs_;
        if (auto v = r_.string(t, "id", true)) {
            ins.id = *v;
            if (!is_slug(*v))
                r_.error(r_.at(*t.get("id")), msg("instrument id '{}' must be a slug", *v),
                         msg("lowercase letters, digits and hyphens, e.g. \"institutioneel-racisme\""));
        }
        if (auto v = r_.string(t, "version", true)) {
            if (auto parsed = parse_version(*v))
                ins.version = *parsed;
            else
                r_.error(r_.at(*t.get("version")), msg("version '{}' is not a semantic version", *v),
                         msg("write three numbers, e.g. \"1.0.0\""));
        }
        ins.title = text(t, "title", true);
        ins.subtitle = text(t, "subtitle", false);
        ins.description = markdown(t, "description", true);
        ins.instructions = markdown(t, "instructions", false);
        ins.privacy = markdown(t, "privacy", false);
        ins.hand_in_to = text(t, "hand_in_to", false);
        if (const toml::node* n = t.get("respondent")) {
            static const std::vector<std::string> fields = {"organisation", "unit", "date", "code", "role", "participants"};
            std::vector<std::string> given = r_.strings(t, "respondent");
            std::set<std::string> seen;
            for (const auto& f : given) {
                if (std::find(fields.begin(), fields.end(), f) == fields.end())
                    r_.error(r_.at(*n), msg("unknown respondent detail '{}'", f),
                             msg("choose from organisation, unit, date, code, role, participants"));
                else if (!seen.insert(f).second)
                    r_.error(r_.at(*n), msg("respondent detail '{}' is listed twice", f));
            }
            // Always in the one order of the block, whatever order is given.
            ins.respondent.clear();
            for (const auto& f : fields)
                if (seen.count(f)) ins.respondent.push_back(f);
        }
        ins.role_question = text(t, "role_question", false);
        ins.show_codes = r_.boolean(t, "show_codes").value_or(true);
        ins.authors = r_.strings(t, "authors");
        ins.licence = r_.string(t, "licence", false).value_or("");
    }

    Source read_source(const toml::table& t) {
        r_.check_keys(t, {"id", "authors", "title", "year", "publisher", "url"}, "[[source]]");
        Source s;
        s.where = r_.at(t);
        s.id = id(t, msg("source"));
        s.authors = r_.string(t, "authors", false).value_or("");
        // A title is usually in its original language only.
        if (const toml::node* n = t.get("title"); n && n->is_string())
            for (const auto& l : langs_) s.title.by_lang.emplace(l, n->as_string()->get());
        else
            s.title = text(t, "title", true);
        if (auto y = r_.integer(t, "year", true)) {
            s.year = static_cast<int>(*y);
            if (*y < 1800 || *y > 2100)
                r_.error(r_.at(*t.get("year")), msg("year {} is out of range", *y), msg("expected a year such as 2021"));
        }
        s.publisher = r_.string(t, "publisher", false).value_or("");
        s.url = r_.string(t, "url", false).value_or("");
        if (!s.url.empty() && s.url.rfind("https://", 0) != 0 && s.url.rfind("http://", 0) != 0)
            r_.error(r_.at(*t.get("url")), msg("url '{}' must start with https:// or http://", s.url));
        return s;
    }

    Scale read_scale(const toml::table& t) {
        r_.check_keys(t, {"id", "label", "option", "unevidenced"}, "[[scale]]");
        Scale s;
        s.where = r_.at(t);
        s.id = id(t, msg("scale"));
        s.label = text(t, "label", false);
        for (const auto* o : r_.tables(t, "option")) s.options.push_back(read_option(*o, s.id));
        if (s.options.empty())
            r_.error(r_.at(t), msg("scale '{}' has no options", s.id), msg("add [[scale.option]] tables"));
        if (s.options.size() > limits::options_per_scale)
            r_.error(r_.at(t), msg("scale '{}' has {} options, more than the {} a scale may have (see docs/limits.md)",
                                           s.id, s.options.size(), limits::options_per_scale));
        std::set<std::string> seen;
        for (const auto& o : s.options)
            if (!o.id.empty() && !seen.insert(o.id).second)
                r_.error(o.where, msg("option id '{}' appears twice in scale '{}'", o.id, s.id));
        read_scale_unevidenced(t, s);
        return s;
    }

    // unevidenced = { option = "altijd", score_as = "meestal" } on a scale:
    // both options of this scale, both with a risk, and score_as no safer.
    void read_scale_unevidenced(const toml::table& t, Scale& s) {
        const toml::node* n = t.get("unevidenced");
        if (!n) return;
        const toml::table* u = n->as_table();
        if (!u) {
            r_.error(r_.at(*n), msg("'unevidenced' must be a table"), msg("e.g. unevidenced = {{ option = \"altijd\", score_as = \"meestal\" }}"));
            return;
        }
        r_.check_keys(*u, {"option", "score_as"}, "unevidenced");
        s.unevidenced_option = r_.string(*u, "option", true).value_or("");
        s.unevidenced_score_as = r_.string(*u, "score_as", true).value_or("");
        const Option* from = s.find(s.unevidenced_option);
        const Option* to = s.find(s.unevidenced_score_as);
        for (const auto& [key, id, o] : {std::tuple{"option", &s.unevidenced_option, from}, std::tuple{"score_as", &s.unevidenced_score_as, to}}) {
            if (id->empty()) continue;
            const toml::node* at = u->get(key);
            if (!o)
                r_.error(at ? r_.at(*at) : r_.at(*n), msg("unevidenced {} '{}' is not an option of scale '{}'", key, *id, s.id));
            else if (!o->risk)
                r_.error(at ? r_.at(*at) : r_.at(*n), msg("unevidenced {} '{}' of scale '{}' has no risk", key, *id, s.id),
                         msg("name options that count, e.g. altijd and meestal"));
        }
        if (from && to && from->risk && to->risk && *to->risk < *from->risk)
            r_.error(r_.at(*n), msg("unevidenced on scale '{}': '{}' (risk {}) is safer than '{}' (risk {})", s.id, to->id, *to->risk,
                                            from->id, *from->risk),
                     msg("an answer without evidence counts as a riskier one, not a safer one"));
    }

    Option read_option(const toml::table& t, const std::string& scale) {
        r_.check_keys(t, {"id", "label", "kind", "risk", "value", "exposure", "reason"}, "[[scale.option]]");
        Option o;
        o.where = r_.at(t);
        o.id = id(t, msg("option"));
        o.label = text(t, "label", true);
        if (auto k = r_.string(t, "kind", false)) {
            if (*k == "answer") o.kind = OptionKind::answer;
            else if (*k == "dont-know") o.kind = OptionKind::dont_know;
            else if (*k == "not-applicable") o.kind = OptionKind::not_applicable;
            else if (*k == "cannot-know") o.kind = OptionKind::cannot_know;
            else {
                auto m = closest_match(*k, {"answer", "dont-know", "not-applicable", "cannot-know"});
                r_.error(r_.at(*t.get("kind")), msg("unknown option kind '{}'", *k),
                         did_you_mean(m, msg("expected \"answer\", \"dont-know\", \"not-applicable\" or \"cannot-know\"")));
            }
        }
        if (auto v = r_.number(t, "risk", false)) {
            o.risk = *v;
            if (*v < 0 || *v > 1)
                r_.error(r_.at(*t.get("risk")), msg("risk {} of option '{}' in scale '{}' is out of range", *v, o.id, scale),
                         msg("a risk goes from 0 (safeguard in place) to 1 (no safeguard)"));
            if (o.kind == OptionKind::not_applicable)
                r_.error(r_.at(*t.get("risk")), msg("a \"not-applicable\" option has no risk: it is left out of scores"));
            if (o.kind == OptionKind::cannot_know)
                r_.error(r_.at(*t.get("risk")), msg("a \"cannot-know\" option has no risk: it is a knowledge gap, never a risk"));
        }
        o.value = r_.number(t, "value", false);
        if (auto e = r_.integer(t, "exposure", false)) {
            o.exposure = static_cast<int>(*e);
            if (*e < 1 || *e > 5)
                r_.error(r_.at(*t.get("exposure")), msg("exposure {} is out of range", *e), msg("expected 1 to 5"));
        }
        if (auto b = r_.boolean(t, "reason")) {
            o.reason_required = *b;
            if (*b && o.kind != OptionKind::not_applicable)
                r_.error(r_.at(*t.get("reason")), msg("only a \"not-applicable\" option can require a reason"));
        }
        return o;
    }

    Role read_role(const toml::table& t) {
        r_.check_keys(t, {"id", "label", "attributed"}, "[[role]]");
        Role ro;
        ro.where = r_.at(t);
        ro.id = id(t, msg("role"));
        ro.label = text(t, "label", true);
        ro.attributed = r_.boolean(t, "attributed").value_or(false);
        return ro;
    }

    void read_profile(const toml::table& t, Profile& p) {
        r_.check_keys(t, {"title", "intro", "exposure", "question"}, "[profile]");
        p.title = text(t, "title", false);
        p.intro = markdown(t, "intro", false);
        if (auto m = r_.string(t, "exposure", false)) {
            if (*m == "mean") p.method = ExposureMethod::mean;
            else if (*m == "max") p.method = ExposureMethod::max;
            else r_.error(r_.at(*t.get("exposure")), msg("unknown exposure method '{}'", *m), msg("expected \"mean\" or \"max\""));
        }
        for (const auto* q : r_.tables(t, "question")) p.questions.push_back(read_question(*q, true));
    }

    Domain read_domain(const toml::table& t) {
        r_.check_keys(t, {"id", "title", "intro", "weight", "owners", "exposure", "anonymous", "question"}, "[[domain]]");
        Domain d;
        d.where = r_.at(t);
        d.id = id(t, msg("domain"));
        d.title = text(t, "title", true);
        d.intro = markdown(t, "intro", false);
        if (auto w = r_.number(t, "weight", false)) {
            d.weight = *w;
            if (*w <= 0 || *w > 10)
                r_.error(r_.at(*t.get("weight")), msg("domain weight {} is out of range", *w), msg("expected a number above 0 and at most 10"));
        }
        d.owners = r_.strings(t, "owners");
        d.anonymous = r_.boolean(t, "anonymous").value_or(true);
        check_roles(t, "owners", d.owners);
        if (const toml::node* n = t.get("exposure")) {
            if (const toml::table* e = n->as_table()) {
                r_.check_keys(*e, {"from", "method"}, "exposure");
                DomainExposure de;
                de.where = r_.at(*n);
                de.from = r_.strings(*e, "from");
                if (de.from.empty())
                    r_.error(de.where, msg("domain '{}': exposure needs 'from' with profile question ids", d.id),
                             msg("e.g. exposure = {{ from = [\"P2\", \"P3\"], method = \"max\" }}"));
                if (auto m = r_.string(*e, "method", false)) {
                    if (*m == "mean") de.method = ExposureMethod::mean;
                    else if (*m == "max") de.method = ExposureMethod::max;
                    else r_.error(r_.at(*e->get("method")), msg("unknown exposure method '{}'", *m), msg("expected \"mean\" or \"max\""));
                }
                d.exposure = std::move(de);
            } else {
                r_.error(r_.at(*n), msg("'exposure' of a domain must be a table, not {}", toml_type_name(*n)),
                         msg("e.g. exposure = {{ from = [\"P2\", \"P3\"], method = \"max\" }}"));
            }
        }
        for (const auto* q : r_.tables(t, "question")) d.questions.push_back(read_question(*q, false));
        if (d.questions.empty())
            r_.error(d.where, msg("domain '{}' has no questions", d.id), msg("add [[domain.question]] tables"));
        return d;
    }

    Question read_question(const toml::table& t, bool profile) {
        r_.check_keys(t, {"id", "text", "help", "evidence", "kind", "scale", "weight", "tags", "red_flag",
                          "only_if", "sources", "min", "max", "unit", "lines", "scored", "owners", "also_known_by", "number_risk"},
                      profile ? "[[profile.question]]" : "[[domain.question]]");
        Question q;
        q.where = r_.at(t);
        q.id = id(t, msg("question"));
        q.text = text(t, "text", true);
        q.help = markdown(t, "help", false);
        q.evidence = text(t, "evidence", false);
        if (auto k = r_.string(t, "kind", false)) {
            if (*k == "choice") q.kind = QuestionKind::choice;
            else if (*k == "multi") q.kind = QuestionKind::multi;
            else if (*k == "text") q.kind = QuestionKind::text;
            else if (*k == "number") q.kind = QuestionKind::number;
            else {
                auto m = closest_match(*k, {"choice", "multi", "text", "number"});
                r_.error(r_.at(*t.get("kind")), msg("unknown question kind '{}'", *k),
                         did_you_mean(m, msg("expected \"choice\", \"multi\", \"text\" or \"number\"")));
            }
        }
        q.scale = r_.string(t, "scale", false).value_or("");
        if (auto w = r_.integer(t, "weight", false)) {
            q.weight = static_cast<int>(*w);
            if (*w < 1 || *w > 3)
                r_.error(r_.at(*t.get("weight")), msg("weight {} of question '{}' is out of range", *w, q.id),
                         msg("expected 1 (supporting), 2 (important) or 3 (critical)"));
        }
        q.tags = r_.strings(t, "tags");
        read_red_flags(t, q);
        q.scored = r_.boolean(t, "scored").value_or(true);
        if (t.get("owners")) {
            q.owners = r_.strings(t, "owners");
            check_roles(t, "owners", *q.owners);
        }
        q.also_known_by = text(t, "also_known_by", false);
        read_number_risk(t, q);
        q.sources = r_.strings(t, "sources");
        q.min = r_.number(t, "min", false);
        q.max = r_.number(t, "max", false);
        q.unit = text(t, "unit", false);
        if (auto l = r_.integer(t, "lines", false)) {
            q.lines = static_cast<int>(*l);
            if (*l < 1 || *l > 30)
                r_.error(r_.at(*t.get("lines")), msg("lines {} is out of range", *l), msg("expected 1 to 30"));
        }
        if (const toml::node* n = t.get("only_if")) {
            if (const toml::table* c = n->as_table()) {
                r_.check_keys(*c, {"question", "answers", "min", "max"}, "only_if");
                Condition cond;
                cond.where = r_.at(*n);
                cond.question = r_.string(*c, "question", true).value_or("");
                cond.answers = r_.strings(*c, "answers");
                cond.min = r_.number(*c, "min", false);
                cond.max = r_.number(*c, "max", false);
                if (c->get("answers") && (cond.min || cond.max))
                    r_.error(cond.where, msg("only_if takes 'answers' (for a question with options) or 'min'/'max' (for a number question), not both"));
                else if (!c->get("answers") && !cond.min && !cond.max)
                    r_.error(cond.where, msg("only_if needs 'answers' (or 'min'/'max' for a number question)"),
                             msg("e.g. only_if = {{ question = \"D3.0\", answers = [\"ja\"] }}"));
                else if (cond.min && cond.max && *cond.min > *cond.max)
                    r_.error(cond.where, msg("only_if: min {} is above max {}", *cond.min, *cond.max));
                q.condition = std::move(cond);
            } else {
                r_.error(r_.at(*n), msg("'only_if' must be a table, not {}", toml_type_name(*n)),
                         msg("e.g. only_if = {{ question = \"D3.0\", answers = [\"ja\"] }}"));
            }
        }
        if (profile && q.kind != QuestionKind::choice)
            r_.error(q.where, msg("service profile question '{}' must be a choice question", q.id),
                     msg("its options set the exposure of the service"));
        return q;
    }

    // Role ids named under `key` must be roles of the instrument.
    void check_roles(const toml::table& t, std::string_view key, const std::vector<std::string>& ids) {
        std::vector<std::string_view> known;
        for (const auto& ro : ins_->roles) known.push_back(ro.id);
        for (const auto& rid : ids)
            if (!ins_->find_role(rid)) {
                auto c = closest_match(rid, known);
                r_.error(r_.key_location(t, key), msg("'{}' names unknown role '{}'", key, rid),
                         did_you_mean(c, msg("define it with [[role]]")));
            }
    }

    // red_flag = ["nee"], = { options = [...], roles = [...], share = 0.2 },
    // or a list of such tables.
    void read_red_flags(const toml::table& t, Question& q) {
        const toml::node* n = t.get("red_flag");
        if (!n) return;
        auto rule_from = [&](const toml::table& rt) {
            r_.check_keys(rt, {"options", "roles", "share"}, "red_flag");
            RedFlagRule rule;
            rule.where = r_.at(rt);
            rule.options = r_.strings(rt, "options");
            if (rule.options.empty())
                r_.error(rule.where, msg("question '{}': a red_flag rule needs 'options'", q.id),
                         msg("e.g. red_flag = {{ options = [\"nee\", \"deels\"] }}"));
            rule.roles = r_.strings(rt, "roles");
            check_roles(rt, "roles", rule.roles);
            if (auto v = r_.number(rt, "share", false)) {
                rule.share = *v;
                if (*v < 0 || *v > 1) r_.error(r_.at(*rt.get("share")), msg("red_flag share {} is out of range", *v), msg("expected 0 to 1"));
            }
            q.red_flags.push_back(std::move(rule));
        };
        if (const toml::table* rt = n->as_table()) {
            rule_from(*rt);
        } else if (const toml::array* arr = n->as_array()) {
            bool tables = !arr->empty() && arr->front().is_table();
            if (tables) {
                for (const auto& item : *arr) {
                    if (const toml::table* item_table = item.as_table()) rule_from(*item_table);
                    else r_.error(r_.at(item), msg("red_flag: write either option ids or rule tables, not both"),
                                  msg("e.g. red_flag = [{{ options = [\"nee\"] }}, {{ options = [\"weet-niet\"], roles = [\"beleid\"] }}]"));
                }
            } else {
                RedFlagRule rule;
                rule.where = r_.at(*n);
                rule.options = r_.strings(t, "red_flag");
                if (!rule.options.empty()) q.red_flags.push_back(std::move(rule));
            }
        } else {
            r_.error(r_.at(*n), msg("'red_flag' must be a list of option ids or a table, not {}", toml_type_name(*n)),
                     msg("e.g. red_flag = [\"nee\"] or red_flag = {{ options = [\"nee\", \"deels\"], share = 0.2 }}"));
        }
        for (const auto& rule : q.red_flags)
            for (const auto& o : rule.options)
                if (std::find(q.red_flag.begin(), q.red_flag.end(), o) == q.red_flag.end()) q.red_flag.push_back(o);
    }

    // number_risk = [{ upto = 5, risk = 0.0 }, { risk = 1.0 }]
    void read_number_risk(const toml::table& t, Question& q) {
        const toml::node* n = t.get("number_risk");
        if (!n) return;
        const toml::array* arr = n->as_array();
        if (!arr || arr->empty()) {
            r_.error(r_.at(*n), msg("'number_risk' must be a list of steps"),
                     msg("e.g. number_risk = [{{ upto = 5, risk = 0.0 }}, {{ upto = 20, risk = 0.5 }}, {{ risk = 1.0 }}]"));
            return;
        }
        std::optional<double> prev;
        for (std::size_t i = 0; i < arr->size(); ++i) {
            const toml::node& item = *arr->get(i);
            const toml::table* st = item.as_table();
            if (!st) {
                r_.error(r_.at(item), msg("a number_risk step must be a table such as {{ upto = 5, risk = 0.0 }}"));
                continue;
            }
            r_.check_keys(*st, {"upto", "risk"}, "number_risk");
            NumberStep step;
            step.upto = r_.number(*st, "upto", false);
            if (auto v = r_.number(*st, "risk", true)) {
                step.risk = *v;
                if (*v < 0 || *v > 1) r_.error(r_.at(*st->get("risk")), msg("risk {} is out of range", *v), msg("expected 0 to 1"));
            }
            bool last = i + 1 == arr->size();
            if (last && step.upto)
                r_.error(r_.at(item), msg("the last number_risk step has no 'upto': it takes every higher number"));
            if (!last && !step.upto)
                r_.error(r_.at(item), msg("every number_risk step but the last needs 'upto'"));
            if (step.upto && prev && *step.upto <= *prev)
                r_.error(r_.at(item), msg("number_risk: upto {} must be above the previous step's {}", *step.upto, *prev));
            if (step.upto) prev = step.upto;
            q.number_risk.push_back(step);
        }
    }

    Level level(const toml::table& t, std::string_view key) {
        auto v = r_.string(t, key, true);
        if (!v) return Level::medium;
        if (*v == "low") return Level::low;
        if (*v == "medium") return Level::medium;
        if (*v == "high") return Level::high;
        auto m = closest_match(*v, {"low", "medium", "high"});
        r_.error(r_.at(*t.get(key)), msg("unknown {} '{}'", key, *v),
                 did_you_mean(m, msg("expected \"low\", \"medium\" or \"high\"")));
        return Level::medium;
    }

    Measure read_measure(const toml::table& t) {
        r_.check_keys(t, {"id", "title", "description", "first_step", "owner", "indicator", "effort", "impact",
                          "timeframe", "addresses", "red_flag", "requires", "redress"},
                      "[[measure]]");
        Measure m;
        m.where = r_.at(t);
        m.id = id(t, msg("measure"));
        m.title = text(t, "title", true);
        m.description = markdown(t, "description", true);
        m.first_step = text(t, "first_step", false);
        m.owner = text(t, "owner", false);
        m.indicator = text(t, "indicator", false);
        m.effort = level(t, "effort");
        m.impact = level(t, "impact");
        if (auto v = r_.string(t, "timeframe", true)) {
            if (*v == "now") m.timeframe = Timeframe::now;
            else if (*v == "3-months") m.timeframe = Timeframe::months3;
            else if (*v == "12-months") m.timeframe = Timeframe::months12;
            else {
                auto c = closest_match(*v, {"now", "3-months", "12-months"});
                r_.error(r_.at(*t.get("timeframe")), msg("unknown timeframe '{}'", *v),
                         did_you_mean(c, msg("expected \"now\", \"3-months\" or \"12-months\"")));
            }
        }
        m.addresses = r_.strings(t, "addresses");
        if (m.addresses.empty())
            r_.error(m.where, msg("measure '{}' addresses no questions", m.id),
                     msg("add addresses = [\"D1.1\", …] with the questions it answers"));
        m.red_flag = r_.boolean(t, "red_flag").value_or(false);
        m.prerequisites = r_.strings(t, "requires");
        m.redress = text(t, "redress", false);
        return m;
    }

    void read_risk(const toml::table& t, RiskModel& rm) {
        r_.check_keys(t, {"missing", "anonymity_threshold", "knowledge_gap_share", "critical_weight", "critical_risk",
                          "critical_band", "red_flag_band", "unevidenced", "disagreement", "band", "knowledge_gap_range",
                          "critical_share", "red_flag_lifts", "red_flag_deadline_days", "consistency", "pool"},
                      "[risk]");
        rm.scored = true;
        rm.where = r_.at(t);
        if (auto v = r_.string(t, "missing", false)) {
            if (*v == "ignore") rm.missing = MissingPolicy::ignore;
            else if (*v == "as-dont-know") rm.missing = MissingPolicy::as_dont_know;
            else r_.error(r_.at(*t.get("missing")), msg("unknown value '{}' for 'missing'", *v), msg("expected \"ignore\" or \"as-dont-know\""));
        }
        if (auto v = r_.integer(t, "anonymity_threshold", false)) {
            rm.anonymity_threshold = static_cast<int>(*v);
            if (*v < 2 || *v > 100)
                r_.error(r_.at(*t.get("anonymity_threshold")), msg("anonymity_threshold {} is out of range", *v), msg("expected 2 to 100"));
        }
        auto share = [&](std::string_view key, double& out) {
            if (auto v = r_.number(t, key, false)) {
                out = *v;
                if (*v < 0 || *v > 1) r_.error(r_.at(*t.get(key)), msg("{} {} is out of range", key, *v), msg("expected 0 to 1"));
            }
        };
        share("knowledge_gap_share", rm.knowledge_gap_share);
        share("critical_risk", rm.critical_risk);
        share("knowledge_gap_range", rm.knowledge_gap_range);
        share("critical_share", rm.critical_share);
        rm.red_flag_lifts = r_.boolean(t, "red_flag_lifts").value_or(false);
        if (auto v = r_.integer(t, "red_flag_deadline_days", false)) {
            rm.red_flag_deadline_days = static_cast<int>(*v);
            if (*v < 1 || *v > 365)
                r_.error(r_.at(*t.get("red_flag_deadline_days")), msg("red_flag_deadline_days {} is out of range", *v), msg("expected 1 to 365"));
        }
        for (const auto* c : r_.tables(t, "consistency")) rm.consistency.push_back(read_consistency(*c));
        for (const auto* p : r_.tables(t, "pool")) {
            r_.check_keys(*p, {"id", "label", "roles"}, "[[risk.pool]]");
            RolePool pool;
            pool.where = r_.at(*p);
            pool.id = id(*p, msg("pool"));
            pool.label = text(*p, "label", true);
            pool.roles = r_.strings(*p, "roles");
            check_roles(*p, "roles", pool.roles);
            if (pool.roles.size() < 2)
                r_.error(pool.where, msg("pool '{}' needs at least two roles", pool.id), msg("e.g. roles = [\"leiding\", \"beleid\"]"));
            rm.pools.push_back(std::move(pool));
        }
        if (auto v = r_.integer(t, "critical_weight", false)) {
            rm.critical_weight = static_cast<int>(*v);
            if (*v < 1 || *v > 3) r_.error(r_.at(*t.get("critical_weight")), msg("critical_weight {} is out of range", *v), msg("expected 1 to 3"));
        }
        rm.critical_band = r_.string(t, "critical_band", false).value_or("");
        rm.red_flag_band = r_.string(t, "red_flag_band", false).value_or("");
        if (const toml::node* n = t.get("unevidenced")) {
            if (const toml::table* u = n->as_table()) {
                r_.check_keys(*u, {"option", "score_as"}, "unevidenced");
                rm.unevidenced_option = r_.string(*u, "option", true).value_or("");
                rm.unevidenced_score_as = r_.string(*u, "score_as", true).value_or("");
            } else {
                r_.error(r_.at(*n), msg("'unevidenced' must be a table"), msg("e.g. unevidenced = {{ option = \"ja\", score_as = \"deels\" }}"));
            }
        }
        if (const toml::node* n = t.get("disagreement")) {
            if (const toml::table* d = n->as_table()) {
                r_.check_keys(*d, {"opposites", "spread", "share"}, "disagreement");
                rm.disagreement_opposites = r_.boolean(*d, "opposites").value_or(true);
                if (auto s = r_.number(*d, "share", false)) {
                    rm.disagreement_share = *s;
                    if (*s < 0 || *s > 0.5) r_.error(r_.at(*d->get("share")), msg("disagreement share {} is out of range", *s), msg("expected 0 to 0.5 (a share at each end)"));
                }
                if (auto s = r_.number(*d, "spread", false)) {
                    rm.disagreement_spread = *s;
                    if (*s <= 0 || *s > 1) r_.error(r_.at(*d->get("spread")), msg("spread {} is out of range", *s), msg("expected above 0 and at most 1"));
                }
            } else {
                r_.error(r_.at(*n), msg("'disagreement' must be a table"), msg("e.g. disagreement = {{ opposites = true, spread = 0.35 }}"));
            }
        }
        for (const auto* b : r_.tables(t, "band")) {
            r_.check_keys(*b, {"id", "label", "upto", "colour"}, "[[risk.band]]");
            RiskBand band;
            band.where = r_.at(*b);
            band.id = id(*b, msg("band"));
            band.label = text(*b, "label", true);
            if (auto u = r_.number(*b, "upto", true)) band.upto = *u;
            if (auto c = r_.string(*b, "colour", false)) { // optional: the report draws bands in the one risk ramp
                band.colour = *c;
                if (!is_colour(*c)) r_.error(r_.at(*b->get("colour")), msg("colour '{}' is not a colour", *c), msg("write it as \"#rrggbb\", e.g. \"#d73027\""));
            }
            rm.bands.push_back(std::move(band));
        }
        if (rm.bands.empty()) r_.error(rm.where, msg("the risk model has no bands"), msg("add [[risk.band]] tables, lowest first"));
    }

    ConsistencyRule read_consistency(const toml::table& t) {
        r_.check_keys(t, {"id", "when", "contradicts", "text"}, "[[risk.consistency]]");
        ConsistencyRule c;
        c.where = r_.at(t);
        c.id = id(t, msg("consistency rule"));
        c.text = text(t, "text", true);
        auto side = [&](std::string_view key, std::string& question, std::vector<std::string>& answers) {
            const toml::node* n = t.get(key);
            if (!n) {
                r_.error(c.where, msg("consistency rule '{}' needs '{}'", c.id, key),
                         msg("e.g. {} = {{ question = \"P4\", answers = [\"algoritme\"] }}", key));
                return;
            }
            const toml::table* st = n->as_table();
            if (!st) {
                r_.error(r_.at(*n), msg("'{}' must be a table, not {}", key, toml_type_name(*n)),
                         msg("e.g. {} = {{ question = \"P4\", answers = [\"algoritme\"] }}", key));
                return;
            }
            r_.check_keys(*st, {"question", "answers"}, key);
            question = r_.string(*st, "question", true).value_or("");
            answers = r_.strings(*st, "answers");
            if (answers.empty()) r_.error(r_.at(*n), msg("'{}' needs 'answers'", key));
        };
        side("when", c.when_question, c.when_answers);
        side("contradicts", c.contradicts_question, c.contradicts_answers);
        return c;
    }

    void read_report(const toml::table& t, ReportSettings& rs) {
        r_.check_keys(t, {"plan_size", "agenda_size", "open_answers"}, "[report]");
        auto count = [&](std::string_view key, int& out) {
            if (auto v = r_.integer(t, key, false)) {
                out = static_cast<int>(*v);
                if (*v < 1 || *v > 100) r_.error(r_.at(*t.get(key)), msg("{} {} is out of range", key, *v), msg("expected 1 to 100"));
            }
        };
        count("plan_size", rs.plan_size);
        count("agenda_size", rs.agenda_size);
        count("open_answers", rs.open_answers);
    }

    // ---- cross-references, after everything is read ----

    template <class T>
    void unique_ids(const std::vector<T>& items, const Message& what) {
        std::map<std::string, const T*> seen;
        for (const auto& x : items) {
            if (x.id.empty()) continue;
            auto [it, fresh] = seen.emplace(x.id, &x);
            if (!fresh)
                r_.error(x.where, msg("duplicate {} id '{}'", what, x.id),
                         msg("first defined at line {}", it->second->where.line));
        }
    }

    void check_references(const Instrument& ins) {
        unique_ids(ins.sources, msg("source"));
        unique_ids(ins.scales, msg("scale"));
        unique_ids(ins.roles, msg("role"));
        unique_ids(ins.domains, msg("domain"));
        unique_ids(ins.measures, msg("measure"));
        unique_ids(ins.risk.bands, msg("band"));

        // Question ids are unique across the whole instrument.
        std::map<std::string, const Question*> seen;
        std::vector<const Question*> order;
        for (const auto& q : ins.profile.questions) order.push_back(&q);
        for (const auto& d : ins.domains)
            for (const auto& q : d.questions) order.push_back(&q);
        std::vector<std::string_view> scale_ids;
        for (const auto& s : ins.scales) scale_ids.push_back(s.id);
        std::vector<std::string_view> question_ids;
        for (const auto* q : order) question_ids.push_back(q->id);

        for (const auto* q : order) {
            if (!q->id.empty()) {
                auto [it, fresh] = seen.emplace(q->id, q);
                if (!fresh)
                    r_.error(q->where, msg("duplicate question id '{}'", q->id),
                             msg("first defined at line {}", it->second->where.line));
            }
            check_question(ins, *q, seen, scale_ids, question_ids);
        }
        for (const auto& q : ins.profile.questions)
            if (const Scale* s = ins.find_scale(q.scale))
                for (const auto& o : s->options)
                    if (o.kind == OptionKind::answer && !o.exposure)
                        r_.error(o.where, msg("option '{}' of scale '{}' has no exposure, but profile question '{}' uses it", o.id, s->id, q.id),
                                 msg("add exposure = 1 to 5"));

        std::vector<std::string_view> all_ids;
        for (const auto& [id, ref] : ins.question_index) all_ids.push_back(id);
        for (const auto& m : ins.measures)
            for (const auto& a : m.addresses)
                if (!ins.find_question(a)) {
                    auto c = closest_match(a, all_ids);
                    r_.error(m.where, msg("measure '{}' addresses unknown question '{}'", m.id, a),
                             did_you_mean(c));
                }
        check_measure_order(ins);
        check_domain_exposure(ins);
        check_consistency(ins);
        check_pools(ins);
        check_risk(ins);
    }

    void check_measure_order(const Instrument& ins) {
        std::vector<std::string_view> ids;
        for (const auto& m : ins.measures) ids.push_back(m.id);
        for (const auto& m : ins.measures)
            for (const auto& req : m.prerequisites) {
                if (req == m.id) r_.error(m.where, msg("measure '{}' requires itself", m.id));
                else if (!ins.find_measure(req)) {
                    auto c = closest_match(req, ids);
                    r_.error(m.where, msg("measure '{}' requires unknown measure '{}'", m.id, req),
                             did_you_mean(c));
                }
            }
        // No cycles: depth-first, 0 = new, 1 = on the path, 2 = done.
        std::map<std::string, int, std::less<>> state;
        std::function<bool(const Measure&)> visit = [&](const Measure& m) {
            int& st = state[m.id];
            if (st == 1) return false;
            if (st == 2) return true;
            st = 1;
            for (const auto& req : m.prerequisites)
                if (const Measure* r = ins.find_measure(req); r && r != &m && !visit(*r)) {
                    state[m.id] = 2;
                    return false;
                }
            state[m.id] = 2;
            return true;
        };
        for (const auto& m : ins.measures)
            if (state[m.id] == 0 && !visit(m))
                r_.error(m.where, msg("measure '{}' is part of a cycle of 'requires'", m.id),
                         msg("a measure cannot (indirectly) require itself"));
    }

    void check_domain_exposure(const Instrument& ins) {
        std::vector<std::string_view> profile_ids;
        for (const auto& q : ins.profile.questions) profile_ids.push_back(q.id);
        for (const auto& d : ins.domains) {
            if (!d.exposure) continue;
            for (const auto& f : d.exposure->from) {
                auto it = ins.question_index.find(f);
                if (it == ins.question_index.end() || it->second.domain >= 0) {
                    auto c = closest_match(f, profile_ids);
                    r_.error(d.exposure->where, msg("domain '{}': exposure from '{}', which is not a profile question", d.id, f),
                             did_you_mean(c, msg("name questions of [profile]")));
                }
            }
        }
    }

    void check_consistency(const Instrument& ins) {
        unique_ids(ins.risk.consistency, msg("consistency rule"));
        auto side = [&](const ConsistencyRule& c, const std::string& qid, const std::vector<std::string>& answers) {
            if (qid.empty()) return;
            const Question* q = ins.find_question(qid);
            if (!q) {
                r_.error(c.where, msg("consistency rule '{}' names unknown question '{}'", c.id, qid));
                return;
            }
            const Scale* sc = ins.find_scale(q->scale);
            if (!sc) {
                r_.error(c.where, msg("consistency rule '{}': question '{}' has no options", c.id, qid));
                return;
            }
            for (const auto& a : answers)
                if (!sc->find(a))
                    r_.error(c.where, msg("consistency rule '{}': '{}' is not an option of '{}'", c.id, a, qid),
                             option_hint(*sc));
        };
        for (const auto& c : ins.risk.consistency) {
            side(c, c.when_question, c.when_answers);
            side(c, c.contradicts_question, c.contradicts_answers);
        }
    }

    static Message option_hint(const Scale& sc) {
        std::vector<std::string> ids;
        for (const auto& o : sc.options) ids.push_back(fmt::format("'{}'", o.id));
        return msg("its options are {}", fmt::join(ids, ", "));
    }

    void check_pools(const Instrument& ins) {
        unique_ids(ins.risk.pools, msg("pool"));
        std::map<std::string, std::string> pooled;
        for (const auto& p : ins.risk.pools) {
            if (ins.find_role(p.id))
                r_.error(p.where, msg("pool id '{}' is also a role id", p.id), msg("give the pool its own id, e.g. \"staf\""));
            for (const auto& ro : p.roles) {
                auto [it, fresh] = pooled.emplace(ro, p.id);
                if (!fresh && it->second != p.id)
                    r_.error(p.where, msg("role '{}' is in pool '{}' and in pool '{}'", ro, it->second, p.id),
                             msg("a role can be in one pool only"));
                if (const Role* r = ins.find_role(ro); r && r->attributed)
                    r_.error(p.where, msg("role '{}' answers as an attributed session and cannot be pooled", ro));
            }
        }
    }

    void check_question(const Instrument& ins, const Question& q, const std::map<std::string, const Question*>& earlier,
                        const std::vector<std::string_view>& scale_ids, const std::vector<std::string_view>& question_ids) {
        bool needs_scale = q.kind == QuestionKind::choice || q.kind == QuestionKind::multi;
        const Scale* scale = nullptr;
        if (needs_scale) {
            if (q.scale.empty())
                r_.error(q.where, msg("question '{}' has no scale", q.id), msg("add scale = \"…\" naming a [[scale]]"));
            else if (!(scale = ins.find_scale(q.scale))) {
                auto c = closest_match(q.scale, scale_ids);
                r_.error(q.where, msg("question '{}' refers to unknown scale '{}'", q.id, q.scale),
                         did_you_mean(c, msg("define it with [[scale]]")));
            }
        } else if (!q.scale.empty()) {
            r_.error(q.where, msg("question '{}' is a {} question and takes no scale", q.id, to_string(q.kind)));
        }
        if (q.kind != QuestionKind::number && (q.min || q.max || !q.unit.empty()))
            r_.error(q.where, msg("question '{}': min, max and unit are for number questions", q.id));
        if (q.min && q.max && *q.min > *q.max)
            r_.error(q.where, msg("question '{}': min {} is above max {}", q.id, *q.min, *q.max));
        for (const auto& rule : q.red_flags)
            for (const auto& f : rule.options) {
                if (!needs_scale)
                    r_.error(rule.where, msg("question '{}': only choice questions can have a red flag", q.id));
                else if (scale && !scale->find(f))
                    r_.error(rule.where, msg("question '{}': red flag option '{}' is not on scale '{}'", q.id, f, scale->id),
                             option_hint(*scale));
            }
        if (!q.scored && !q.red_flags.empty())
            r_.error(q.where, msg("question '{}' is not scored (a filter) and cannot raise a red flag", q.id));
        if (!q.scored && !needs_scale)
            r_.error(q.where, msg("question '{}': only choice and multi questions can be set scored = false", q.id),
                     msg("text and number questions without number_risk are never scored"));
        if (!q.number_risk.empty() && q.kind != QuestionKind::number)
            r_.error(q.where, msg("question '{}': number_risk is for number questions", q.id));
        for (const auto& s : q.sources)
            if (!ins.find_source(s))
                r_.error(q.where, msg("question '{}' cites unknown source '{}'", q.id, s), msg("add it as a [[source]]"));
        if (q.condition) {
            const Condition& c = *q.condition;
            auto it = earlier.find(c.question);
            if (c.question == q.id) {
                r_.error(c.where, msg("question '{}' depends on itself", q.id));
            } else if (it == earlier.end()) {
                if (ins.find_question(c.question))
                    r_.error(c.where, msg("question '{}' depends on '{}', which comes later", q.id, c.question),
                             msg("a condition can only refer to an earlier question"));
                else {
                    auto m = closest_match(c.question, question_ids);
                    r_.error(c.where, msg("question '{}' depends on unknown question '{}'", q.id, c.question),
                             did_you_mean(m));
                }
            } else {
                const Question& gate = *it->second;
                const Scale* gs = ins.find_scale(gate.scale);
                if (c.on_number()) {
                    if (gate.kind != QuestionKind::number)
                        r_.error(c.where, msg("question '{}': min/max in only_if need a number question, and '{}' is not one", q.id, gate.id),
                                 msg("use answers = [...] for a question with options"));
                } else if (gate.kind != QuestionKind::choice && gate.kind != QuestionKind::multi)
                    r_.error(c.where, msg("question '{}' depends on '{}', which has no options", q.id, gate.id));
                else if (gs)
                    for (const auto& a : c.answers)
                        if (!gs->find(a))
                            r_.error(c.where, msg("question '{}': condition answer '{}' is not an option of '{}'", q.id, a, gate.id));
            }
        }
        if (q.weight > 0 && needs_scale && scale && ins.risk.scored && q.kind == QuestionKind::choice && q.scored) {
            // A scored instrument needs risk values on the answer options of
            // the scales its domain questions use.
            bool profile = ins.question_index.contains(q.id) && ins.question_index.at(q.id).domain < 0;
            if (!profile)
                for (const auto& o : scale->options)
                    if (o.kind != OptionKind::not_applicable && o.kind != OptionKind::cannot_know && !o.risk) {
                        r_.error(o.where, msg("option '{}' of scale '{}' has no risk, but scored question '{}' uses it", o.id, scale->id, q.id),
                                 msg("add risk = 0 to 1"));
                        break;
                    }
        }
    }

    void check_risk(const Instrument& ins) {
        const RiskModel& rm = ins.risk;
        if (!rm.scored) return;
        double prev = -1;
        for (const auto& b : rm.bands) {
            if (b.upto <= prev || b.upto < 0 || b.upto > 100)
                r_.error(b.where, msg("band '{}': upto {} must be above the previous band's and at most 100", b.id, b.upto));
            prev = b.upto;
        }
        if (!rm.bands.empty() && std::abs(rm.bands.back().upto - 100) > 1e-9)
            r_.error(rm.bands.back().where, msg("the last band '{}' must go up to 100", rm.bands.back().id));
        std::vector<std::string_view> band_ids;
        for (const auto& b : rm.bands) band_ids.push_back(b.id);
        auto band_ref = [&](const std::string& id, std::string_view key) {
            if (!id.empty() && !rm.find_band(id)) {
                auto c = closest_match(id, band_ids);
                r_.error(rm.where, msg("{} '{}' is not a band", key, id), did_you_mean(c));
            }
        };
        band_ref(rm.critical_band, "critical_band");
        band_ref(rm.red_flag_band, "red_flag_band");
        if (!rm.unevidenced_option.empty()) {
            bool found = false;
            for (const auto& s : ins.scales)
                if (s.find(rm.unevidenced_option) && s.find(rm.unevidenced_score_as)) found = true;
            if (!found)
                r_.error(rm.where, msg("unevidenced: no scale has both option '{}' and option '{}'", rm.unevidenced_option, rm.unevidenced_score_as));
        }
    }

    TomlReader& r_;
    const Instrument* ins_ = nullptr;
    const MarkdownValidator& md_;
    std::vector<std::string> langs_;
};

} // namespace

std::optional<Instrument> parse_instrument(std::string_view data, const std::string& path, Diagnostics& diags,
                                           const MarkdownValidator& markdown) {
    Diagnostics local;
    TomlReader reader(path, local);
    if (auto bad = check_text(data)) {
        local.error({path, bad->line, bad->column}, verbatim(bad->what));
        diags.append(local);
        return std::nullopt;
    }
    auto root = reader.parse(data);
    if (!root) {
        diags.append(local);
        return std::nullopt;
    }
    InstrumentLoader loader(reader, markdown);
    Instrument ins = loader.load(*root);
    local.sort();
    diags.append(local);
    if (local.has_errors()) return std::nullopt;
    return ins;
}

std::optional<Instrument> load_instrument(const std::string& path, Diagnostics& diags, const MarkdownValidator& markdown) {
    auto file = read_file(path, limits::instrument_file);
    if (!file.ok()) {
        diags.error({path, 0, 0}, verbatim(file.error));
        return std::nullopt;
    }
    return parse_instrument(file.data, path, diags, markdown);
}

} // namespace zs
