#include "model/load_instrument.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include <fmt/format.h>

#include "model/load_changes.hpp"
#include "model/toml_reader.hpp"
#include "util/files.hpp"

namespace zs {

namespace {

bool is_slug(std::string_view s) {
    if (s.empty()) return false;
    auto ok = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; };
    return std::all_of(s.begin(), s.end(), ok) && s.front() != '-' && s.back() != '-';
}

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
        r_.check_keys(root, {"instrument", "source", "scale", "role", "profile", "domain", "measure", "risk", "changes"},
                      "the instrument file");
        if (const toml::table* meta = r_.table(root, "instrument", true)) read_meta(*meta, ins);
        else langs_ = {"nl"};
        for (const auto* t : r_.tables(root, "source")) ins.sources.push_back(read_source(*t));
        for (const auto* t : r_.tables(root, "scale")) ins.scales.push_back(read_scale(*t));
        for (const auto* t : r_.tables(root, "role")) ins.roles.push_back(read_role(*t));
        if (const toml::table* p = r_.table(root, "profile", false)) read_profile(*p, ins.profile);
        for (const auto* t : r_.tables(root, "domain")) ins.domains.push_back(read_domain(*t));
        for (const auto* t : r_.tables(root, "measure")) ins.measures.push_back(read_measure(*t));
        if (const toml::table* rk = r_.table(root, "risk", false)) read_risk(*rk, ins.risk);
        ins.changes = read_changes(r_, root, langs_, md_);
        if (ins.domains.empty())
            r_.error(r_.at(root), "the instrument has no domains", "add at least one [[domain]] with questions");
        ins.build_index();
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
                r_.error(n ? r_.at(*n) : r_.at(t), fmt::format("'{}' ({}): {}", key, lang, problem));
        return out;
    }

    std::string id(const toml::table& t, std::string_view what) {
        auto v = r_.string(t, "id", true);
        if (!v) return {};
        if (!is_id(*v))
            r_.error(r_.at(*t.get("id")), fmt::format("{} id '{}' may only hold letters, digits, '.', '-' and '_'", what, *v),
                     "ids are written in answer files and form fields, so keep them plain ASCII");
        return *v;
    }

    void read_meta(const toml::table& t, Instrument& ins) {
        r_.check_keys(t, {"id", "version", "languages", "title", "subtitle", "description", "instructions",
                          "privacy", "authors", "licence"},
                      "[instrument]");
        // Languages come first: every text is checked against them.
        langs_ = r_.strings(t, "languages");
        if (!t.get("languages")) {
            r_.error(r_.at(t), "missing required key 'languages'", "for example languages = [\"nl\", \"en\"]");
            langs_ = {"nl"};
        } else if (langs_.empty()) {
            r_.error(r_.at(*t.get("languages")), "'languages' must name at least one language");
            langs_ = {"nl"};
        } else {
            std::set<std::string> seen;
            for (const auto& l : langs_) {
                if (!seen.insert(l).second)
                    r_.error(r_.at(*t.get("languages")), fmt::format("language '{}' is listed twice", l));
                if (std::find(known_languages.begin(), known_languages.end(), l) == known_languages.end())
                    r_.error(r_.at(*t.get("languages")), fmt::format("unknown language code '{}'", l),
                             "use a two-letter code such as \"nl\" or \"en\"");
            }
        }
        ins.languages = langs_;
        if (auto v = r_.string(t, "id", true)) {
            ins.id = *v;
            if (!is_slug(*v))
                r_.error(r_.at(*t.get("id")), fmt::format("instrument id '{}' must be a slug", *v),
                         "lowercase letters, digits and hyphens, e.g. \"institutioneel-racisme\"");
        }
        if (auto v = r_.string(t, "version", true)) {
            if (auto parsed = parse_version(*v))
                ins.version = *parsed;
            else
                r_.error(r_.at(*t.get("version")), fmt::format("version '{}' is not a semantic version", *v),
                         "write three numbers, e.g. \"1.0.0\"");
        }
        ins.title = text(t, "title", true);
        ins.subtitle = text(t, "subtitle", false);
        ins.description = markdown(t, "description", true);
        ins.instructions = markdown(t, "instructions", false);
        ins.privacy = markdown(t, "privacy", false);
        ins.authors = r_.strings(t, "authors");
        ins.licence = r_.string(t, "licence", false).value_or("");
    }

    Source read_source(const toml::table& t) {
        r_.check_keys(t, {"id", "authors", "title", "year", "publisher", "url"}, "[[source]]");
        Source s;
        s.where = r_.at(t);
        s.id = id(t, "source");
        s.authors = r_.string(t, "authors", false).value_or("");
        // A title is usually in its original language only.
        if (const toml::node* n = t.get("title"); n && n->is_string())
            for (const auto& l : langs_) s.title.by_lang.emplace(l, n->as_string()->get());
        else
            s.title = text(t, "title", true);
        if (auto y = r_.integer(t, "year", true)) {
            s.year = static_cast<int>(*y);
            if (*y < 1800 || *y > 2100)
                r_.error(r_.at(*t.get("year")), fmt::format("year {} is out of range", *y), "expected a year such as 2021");
        }
        s.publisher = r_.string(t, "publisher", false).value_or("");
        s.url = r_.string(t, "url", false).value_or("");
        if (!s.url.empty() && s.url.rfind("https://", 0) != 0 && s.url.rfind("http://", 0) != 0)
            r_.error(r_.at(*t.get("url")), fmt::format("url '{}' must start with https:// or http://", s.url));
        return s;
    }

    Scale read_scale(const toml::table& t) {
        r_.check_keys(t, {"id", "label", "option"}, "[[scale]]");
        Scale s;
        s.where = r_.at(t);
        s.id = id(t, "scale");
        s.label = text(t, "label", false);
        for (const auto* o : r_.tables(t, "option")) s.options.push_back(read_option(*o, s.id));
        if (s.options.empty())
            r_.error(r_.at(t), fmt::format("scale '{}' has no options", s.id), "add [[scale.option]] tables");
        std::set<std::string> seen;
        for (const auto& o : s.options)
            if (!o.id.empty() && !seen.insert(o.id).second)
                r_.error(o.where, fmt::format("option id '{}' appears twice in scale '{}'", o.id, s.id));
        return s;
    }

    Option read_option(const toml::table& t, const std::string& scale) {
        r_.check_keys(t, {"id", "label", "kind", "risk", "value", "exposure", "reason"}, "[[scale.option]]");
        Option o;
        o.where = r_.at(t);
        o.id = id(t, "option");
        o.label = text(t, "label", true);
        if (auto k = r_.string(t, "kind", false)) {
            if (*k == "answer") o.kind = OptionKind::answer;
            else if (*k == "dont-know") o.kind = OptionKind::dont_know;
            else if (*k == "not-applicable") o.kind = OptionKind::not_applicable;
            else {
                auto m = closest_match(*k, {"answer", "dont-know", "not-applicable"});
                r_.error(r_.at(*t.get("kind")), fmt::format("unknown option kind '{}'", *k),
                         m.empty() ? "expected \"answer\", \"dont-know\" or \"not-applicable\""
                                   : fmt::format("did you mean '{}'?", m));
            }
        }
        if (auto v = r_.number(t, "risk", false)) {
            o.risk = *v;
            if (*v < 0 || *v > 1)
                r_.error(r_.at(*t.get("risk")), fmt::format("risk {} of option '{}' in scale '{}' is out of range", *v, o.id, scale),
                         "a risk goes from 0 (safeguard in place) to 1 (no safeguard)");
            if (o.kind == OptionKind::not_applicable)
                r_.error(r_.at(*t.get("risk")), "a \"not-applicable\" option has no risk: it is left out of scores");
        }
        o.value = r_.number(t, "value", false);
        if (auto e = r_.integer(t, "exposure", false)) {
            o.exposure = static_cast<int>(*e);
            if (*e < 1 || *e > 5)
                r_.error(r_.at(*t.get("exposure")), fmt::format("exposure {} is out of range", *e), "expected 1 to 5");
        }
        if (auto b = r_.boolean(t, "reason")) {
            o.reason_required = *b;
            if (*b && o.kind != OptionKind::not_applicable)
                r_.error(r_.at(*t.get("reason")), "only a \"not-applicable\" option can require a reason");
        }
        return o;
    }

    Role read_role(const toml::table& t) {
        r_.check_keys(t, {"id", "label"}, "[[role]]");
        Role ro;
        ro.where = r_.at(t);
        ro.id = id(t, "role");
        ro.label = text(t, "label", true);
        return ro;
    }

    void read_profile(const toml::table& t, Profile& p) {
        r_.check_keys(t, {"title", "intro", "exposure", "question"}, "[profile]");
        p.title = text(t, "title", false);
        p.intro = markdown(t, "intro", false);
        if (auto m = r_.string(t, "exposure", false)) {
            if (*m == "mean") p.method = ExposureMethod::mean;
            else if (*m == "max") p.method = ExposureMethod::max;
            else r_.error(r_.at(*t.get("exposure")), fmt::format("unknown exposure method '{}'", *m), "expected \"mean\" or \"max\"");
        }
        for (const auto* q : r_.tables(t, "question")) p.questions.push_back(read_question(*q, true));
    }

    Domain read_domain(const toml::table& t) {
        r_.check_keys(t, {"id", "title", "intro", "weight", "question"}, "[[domain]]");
        Domain d;
        d.where = r_.at(t);
        d.id = id(t, "domain");
        d.title = text(t, "title", true);
        d.intro = markdown(t, "intro", false);
        if (auto w = r_.number(t, "weight", false)) {
            d.weight = *w;
            if (*w <= 0 || *w > 10)
                r_.error(r_.at(*t.get("weight")), fmt::format("domain weight {} is out of range", *w), "expected a number above 0 and at most 10");
        }
        for (const auto* q : r_.tables(t, "question")) d.questions.push_back(read_question(*q, false));
        if (d.questions.empty())
            r_.error(d.where, fmt::format("domain '{}' has no questions", d.id), "add [[domain.question]] tables");
        return d;
    }

    Question read_question(const toml::table& t, bool profile) {
        r_.check_keys(t, {"id", "text", "help", "evidence", "kind", "scale", "weight", "tags", "red_flag",
                          "only_if", "sources", "min", "max", "unit", "lines"},
                      profile ? "[[profile.question]]" : "[[domain.question]]");
        Question q;
        q.where = r_.at(t);
        q.id = id(t, "question");
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
                r_.error(r_.at(*t.get("kind")), fmt::format("unknown question kind '{}'", *k),
                         m.empty() ? "expected \"choice\", \"multi\", \"text\" or \"number\"" : fmt::format("did you mean '{}'?", m));
            }
        }
        q.scale = r_.string(t, "scale", false).value_or("");
        if (auto w = r_.integer(t, "weight", false)) {
            q.weight = static_cast<int>(*w);
            if (*w < 1 || *w > 3)
                r_.error(r_.at(*t.get("weight")), fmt::format("weight {} of question '{}' is out of range", *w, q.id),
                         "expected 1 (supporting), 2 (important) or 3 (critical)");
        }
        q.tags = r_.strings(t, "tags");
        q.red_flag = r_.strings(t, "red_flag");
        q.sources = r_.strings(t, "sources");
        q.min = r_.number(t, "min", false);
        q.max = r_.number(t, "max", false);
        q.unit = text(t, "unit", false);
        if (auto l = r_.integer(t, "lines", false)) {
            q.lines = static_cast<int>(*l);
            if (*l < 1 || *l > 30)
                r_.error(r_.at(*t.get("lines")), fmt::format("lines {} is out of range", *l), "expected 1 to 30");
        }
        if (const toml::node* n = t.get("only_if")) {
            if (const toml::table* c = n->as_table()) {
                r_.check_keys(*c, {"question", "answers"}, "only_if");
                Condition cond;
                cond.where = r_.at(*n);
                cond.question = r_.string(*c, "question", true).value_or("");
                cond.answers = r_.strings(*c, "answers");
                if (!c->get("answers")) r_.error(cond.where, "only_if needs 'answers'", "e.g. only_if = { question = \"D3.0\", answers = [\"ja\"] }");
                q.condition = std::move(cond);
            } else {
                r_.error(r_.at(*n), fmt::format("'only_if' must be a table, not {}", toml_type_name(*n)),
                         "e.g. only_if = { question = \"D3.0\", answers = [\"ja\"] }");
            }
        }
        if (profile && q.kind != QuestionKind::choice)
            r_.error(q.where, fmt::format("service profile question '{}' must be a choice question", q.id),
                     "its options set the exposure of the service");
        return q;
    }

    Level level(const toml::table& t, std::string_view key) {
        auto v = r_.string(t, key, true);
        if (!v) return Level::medium;
        if (*v == "low") return Level::low;
        if (*v == "medium") return Level::medium;
        if (*v == "high") return Level::high;
        auto m = closest_match(*v, {"low", "medium", "high"});
        r_.error(r_.at(*t.get(key)), fmt::format("unknown {} '{}'", key, *v),
                 m.empty() ? "expected \"low\", \"medium\" or \"high\"" : fmt::format("did you mean '{}'?", m));
        return Level::medium;
    }

    Measure read_measure(const toml::table& t) {
        r_.check_keys(t, {"id", "title", "description", "first_step", "owner", "indicator", "effort", "impact",
                          "timeframe", "addresses", "red_flag"},
                      "[[measure]]");
        Measure m;
        m.where = r_.at(t);
        m.id = id(t, "measure");
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
                r_.error(r_.at(*t.get("timeframe")), fmt::format("unknown timeframe '{}'", *v),
                         c.empty() ? "expected \"now\", \"3-months\" or \"12-months\"" : fmt::format("did you mean '{}'?", c));
            }
        }
        m.addresses = r_.strings(t, "addresses");
        if (m.addresses.empty())
            r_.error(m.where, fmt::format("measure '{}' addresses no questions", m.id),
                     "add addresses = [\"D1.1\", …] with the questions it answers");
        m.red_flag = r_.boolean(t, "red_flag").value_or(false);
        return m;
    }

    void read_risk(const toml::table& t, RiskModel& rm) {
        r_.check_keys(t, {"missing", "anonymity_threshold", "knowledge_gap_share", "critical_weight", "critical_risk",
                          "critical_band", "red_flag_band", "unevidenced", "disagreement", "band"},
                      "[risk]");
        rm.scored = true;
        rm.where = r_.at(t);
        if (auto v = r_.string(t, "missing", false)) {
            if (*v == "ignore") rm.missing = MissingPolicy::ignore;
            else if (*v == "as-dont-know") rm.missing = MissingPolicy::as_dont_know;
            else r_.error(r_.at(*t.get("missing")), fmt::format("unknown value '{}' for 'missing'", *v), "expected \"ignore\" or \"as-dont-know\"");
        }
        if (auto v = r_.integer(t, "anonymity_threshold", false)) {
            rm.anonymity_threshold = static_cast<int>(*v);
            if (*v < 2 || *v > 100)
                r_.error(r_.at(*t.get("anonymity_threshold")), fmt::format("anonymity_threshold {} is out of range", *v), "expected 2 to 100");
        }
        auto share = [&](std::string_view key, double& out) {
            if (auto v = r_.number(t, key, false)) {
                out = *v;
                if (*v < 0 || *v > 1) r_.error(r_.at(*t.get(key)), fmt::format("{} {} is out of range", key, *v), "expected 0 to 1");
            }
        };
        share("knowledge_gap_share", rm.knowledge_gap_share);
        share("critical_risk", rm.critical_risk);
        if (auto v = r_.integer(t, "critical_weight", false)) {
            rm.critical_weight = static_cast<int>(*v);
            if (*v < 1 || *v > 3) r_.error(r_.at(*t.get("critical_weight")), fmt::format("critical_weight {} is out of range", *v), "expected 1 to 3");
        }
        rm.critical_band = r_.string(t, "critical_band", false).value_or("");
        rm.red_flag_band = r_.string(t, "red_flag_band", false).value_or("");
        if (const toml::node* n = t.get("unevidenced")) {
            if (const toml::table* u = n->as_table()) {
                r_.check_keys(*u, {"option", "score_as"}, "unevidenced");
                rm.unevidenced_option = r_.string(*u, "option", true).value_or("");
                rm.unevidenced_score_as = r_.string(*u, "score_as", true).value_or("");
            } else {
                r_.error(r_.at(*n), "'unevidenced' must be a table", "e.g. unevidenced = { option = \"ja\", score_as = \"deels\" }");
            }
        }
        if (const toml::node* n = t.get("disagreement")) {
            if (const toml::table* d = n->as_table()) {
                r_.check_keys(*d, {"opposites", "spread"}, "disagreement");
                rm.disagreement_opposites = r_.boolean(*d, "opposites").value_or(true);
                if (auto s = r_.number(*d, "spread", false)) {
                    rm.disagreement_spread = *s;
                    if (*s <= 0 || *s > 1) r_.error(r_.at(*d->get("spread")), fmt::format("spread {} is out of range", *s), "expected above 0 and at most 1");
                }
            } else {
                r_.error(r_.at(*n), "'disagreement' must be a table", "e.g. disagreement = { opposites = true, spread = 0.35 }");
            }
        }
        for (const auto* b : r_.tables(t, "band")) {
            r_.check_keys(*b, {"id", "label", "upto", "colour"}, "[[risk.band]]");
            RiskBand band;
            band.where = r_.at(*b);
            band.id = id(*b, "band");
            band.label = text(*b, "label", true);
            if (auto u = r_.number(*b, "upto", true)) band.upto = *u;
            if (auto c = r_.string(*b, "colour", true)) {
                band.colour = *c;
                if (!is_colour(*c)) r_.error(r_.at(*b->get("colour")), fmt::format("colour '{}' is not a colour", *c), "write it as \"#rrggbb\", e.g. \"#d73027\"");
            }
            rm.bands.push_back(std::move(band));
        }
        if (rm.bands.empty()) r_.error(rm.where, "the risk model has no bands", "add [[risk.band]] tables, lowest first");
    }

    // ---- cross-references, after everything is read ----

    template <class T>
    void unique_ids(const std::vector<T>& items, std::string_view what) {
        std::map<std::string, const T*> seen;
        for (const auto& x : items) {
            if (x.id.empty()) continue;
            auto [it, fresh] = seen.emplace(x.id, &x);
            if (!fresh)
                r_.error(x.where, fmt::format("duplicate {} id '{}'", what, x.id),
                         fmt::format("first defined at line {}", it->second->where.line));
        }
    }

    void check_references(const Instrument& ins) {
        unique_ids(ins.sources, "source");
        unique_ids(ins.scales, "scale");
        unique_ids(ins.roles, "role");
        unique_ids(ins.domains, "domain");
        unique_ids(ins.measures, "measure");
        unique_ids(ins.risk.bands, "band");

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
                    r_.error(q->where, fmt::format("duplicate question id '{}'", q->id),
                             fmt::format("first defined at line {}", it->second->where.line));
            }
            check_question(ins, *q, seen, scale_ids, question_ids);
        }
        for (const auto& q : ins.profile.questions)
            if (const Scale* s = ins.find_scale(q.scale))
                for (const auto& o : s->options)
                    if (o.kind == OptionKind::answer && !o.exposure)
                        r_.error(o.where, fmt::format("option '{}' of scale '{}' has no exposure, but profile question '{}' uses it", o.id, s->id, q.id),
                                 "add exposure = 1 to 5");

        std::vector<std::string_view> all_ids;
        for (const auto& [id, ref] : ins.question_index) all_ids.push_back(id);
        for (const auto& m : ins.measures)
            for (const auto& a : m.addresses)
                if (!ins.find_question(a)) {
                    auto c = closest_match(a, all_ids);
                    r_.error(m.where, fmt::format("measure '{}' addresses unknown question '{}'", m.id, a),
                             c.empty() ? "" : fmt::format("did you mean '{}'?", c));
                }
        check_risk(ins);
    }

    void check_question(const Instrument& ins, const Question& q, const std::map<std::string, const Question*>& earlier,
                        const std::vector<std::string_view>& scale_ids, const std::vector<std::string_view>& question_ids) {
        bool needs_scale = q.kind == QuestionKind::choice || q.kind == QuestionKind::multi;
        const Scale* scale = nullptr;
        if (needs_scale) {
            if (q.scale.empty())
                r_.error(q.where, fmt::format("question '{}' has no scale", q.id), "add scale = \"…\" naming a [[scale]]");
            else if (!(scale = ins.find_scale(q.scale))) {
                auto c = closest_match(q.scale, scale_ids);
                r_.error(q.where, fmt::format("question '{}' refers to unknown scale '{}'", q.id, q.scale),
                         c.empty() ? "define it with [[scale]]" : fmt::format("did you mean '{}'?", c));
            }
        } else if (!q.scale.empty()) {
            r_.error(q.where, fmt::format("question '{}' is a {} question and takes no scale", q.id, to_string(q.kind)));
        }
        if (q.kind != QuestionKind::number && (q.min || q.max || !q.unit.empty()))
            r_.error(q.where, fmt::format("question '{}': min, max and unit are for number questions", q.id));
        if (q.min && q.max && *q.min > *q.max)
            r_.error(q.where, fmt::format("question '{}': min {} is above max {}", q.id, *q.min, *q.max));
        for (const auto& f : q.red_flag) {
            if (!needs_scale)
                r_.error(q.where, fmt::format("question '{}': only choice questions can have a red flag", q.id));
            else if (scale && !scale->find(f))
                r_.error(q.where, fmt::format("question '{}': red flag option '{}' is not on scale '{}'", q.id, f, scale->id));
        }
        for (const auto& s : q.sources)
            if (!ins.find_source(s))
                r_.error(q.where, fmt::format("question '{}' cites unknown source '{}'", q.id, s), "add it as a [[source]]");
        if (q.condition) {
            const Condition& c = *q.condition;
            auto it = earlier.find(c.question);
            if (c.question == q.id) {
                r_.error(c.where, fmt::format("question '{}' depends on itself", q.id));
            } else if (it == earlier.end()) {
                if (ins.find_question(c.question))
                    r_.error(c.where, fmt::format("question '{}' depends on '{}', which comes later", q.id, c.question),
                             "a condition can only refer to an earlier question");
                else {
                    auto m = closest_match(c.question, question_ids);
                    r_.error(c.where, fmt::format("question '{}' depends on unknown question '{}'", q.id, c.question),
                             m.empty() ? "" : fmt::format("did you mean '{}'?", m));
                }
            } else {
                const Question& gate = *it->second;
                const Scale* gs = ins.find_scale(gate.scale);
                if (gate.kind != QuestionKind::choice && gate.kind != QuestionKind::multi)
                    r_.error(c.where, fmt::format("question '{}' depends on '{}', which has no options", q.id, gate.id));
                else if (gs)
                    for (const auto& a : c.answers)
                        if (!gs->find(a))
                            r_.error(c.where, fmt::format("question '{}': condition answer '{}' is not an option of '{}'", q.id, a, gate.id));
            }
        }
        if (q.weight > 0 && needs_scale && scale && ins.risk.scored && q.kind == QuestionKind::choice) {
            // A scored instrument needs risk values on the answer options of
            // the scales its domain questions use.
            bool profile = ins.question_index.contains(q.id) && ins.question_index.at(q.id).domain < 0;
            if (!profile)
                for (const auto& o : scale->options)
                    if (o.kind != OptionKind::not_applicable && !o.risk) {
                        r_.error(o.where, fmt::format("option '{}' of scale '{}' has no risk, but scored question '{}' uses it", o.id, scale->id, q.id),
                                 "add risk = 0 to 1");
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
                r_.error(b.where, fmt::format("band '{}': upto {} must be above the previous band's and at most 100", b.id, b.upto));
            prev = b.upto;
        }
        if (!rm.bands.empty() && std::abs(rm.bands.back().upto - 100) > 1e-9)
            r_.error(rm.bands.back().where, fmt::format("the last band '{}' must go up to 100", rm.bands.back().id));
        std::vector<std::string_view> band_ids;
        for (const auto& b : rm.bands) band_ids.push_back(b.id);
        auto band_ref = [&](const std::string& id, std::string_view key) {
            if (!id.empty() && !rm.find_band(id)) {
                auto c = closest_match(id, band_ids);
                r_.error(rm.where, fmt::format("{} '{}' is not a band", key, id), c.empty() ? "" : fmt::format("did you mean '{}'?", c));
            }
        };
        band_ref(rm.critical_band, "critical_band");
        band_ref(rm.red_flag_band, "red_flag_band");
        if (!rm.unevidenced_option.empty()) {
            bool found = false;
            for (const auto& s : ins.scales)
                if (s.find(rm.unevidenced_option) && s.find(rm.unevidenced_score_as)) found = true;
            if (!found)
                r_.error(rm.where, fmt::format("unevidenced: no scale has both option '{}' and option '{}'", rm.unevidenced_option, rm.unevidenced_score_as));
        }
    }

    TomlReader& r_;
    const MarkdownValidator& md_;
    std::vector<std::string> langs_;
};

} // namespace

std::optional<Instrument> parse_instrument(std::string_view data, const std::string& path, Diagnostics& diags,
                                           const MarkdownValidator& markdown) {
    Diagnostics local;
    TomlReader reader(path, local);
    if (auto bad = check_text(data)) {
        local.error({path, bad->line, bad->column}, bad->what);
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
    auto file = read_file(path);
    if (!file.ok()) {
        diags.error({path, 0, 0}, file.error);
        return std::nullopt;
    }
    return parse_instrument(file.data, path, diags, markdown);
}

} // namespace zs
