#include "model/load_changes.hpp"

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

namespace zs {

namespace {

const std::vector<std::string_view> kind_ids = {"same",  "reworded", "reversed", "changed",
                                                "split", "merged",   "removed",  "added"};

bool is_date(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    for (std::size_t i = 0; i < s.size(); ++i)
        if (i != 4 && i != 7 && !std::isdigit(static_cast<unsigned char>(s[i]))) return false;
    int month = (s[5] - '0') * 10 + (s[6] - '0');
    int day = (s[8] - '0') * 10 + (s[9] - '0');
    return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

bool version_less(const Version& a, const Version& b) {
    return std::tie(a.major, a.minor, a.patch) < std::tie(b.major, b.minor, b.patch);
}

class ChangesReader {
  public:
    ChangesReader(TomlReader& r, const std::vector<std::string>& langs, const MarkdownValidator& md)
        : r_(r), langs_(langs), md_(md) {}

    ChangeSet read_set(const toml::table& t) {
        r_.check_keys(t, {"from", "to", "date", "summary", "question", "measure", "role"}, "[[changes]]");
        ChangeSet set;
        set.where = r_.at(t);
        set.from = version(t, "from");
        set.to = version(t, "to");
        set.date = r_.string(t, "date", false).value_or("");
        if (!set.date.empty() && !is_date(set.date))
            r_.error(r_.at(*t.get("date")), msg("date '{}' is not a date", set.date), msg("write it as \"YYYY-MM-DD\""));
        set.summary = r_.text(t, "summary", true, langs_);
        if (md_) {
            const toml::node* n = t.get("summary");
            for (const auto& [lang, s] : set.summary.by_lang)
                for (const auto& problem : md_(s))
                    r_.error(n ? r_.at(*n) : r_.at(t), msg("'summary' ({}): {}", lang, problem));
        }
        for (const auto* q : r_.tables(t, "question")) set.questions.push_back(read_change(*q, "[[changes.question]]", true));
        for (const auto* m : r_.tables(t, "measure")) set.measures.push_back(read_change(*m, "[[changes.measure]]", false));
        for (const auto* ro : r_.tables(t, "role")) set.roles.push_back(read_role(*ro));
        return set;
    }

  private:
    std::string version(const toml::table& t, std::string_view key) {
        auto v = r_.string(t, key, true);
        if (!v) return {};
        if (!parse_version(*v))
            r_.error(r_.at(*t.get(key)), msg("{} '{}' is not a semantic version", key, *v), msg("write three numbers, e.g. \"1.0.0\""));
        return *v;
    }

    IdChange read_change(const toml::table& t, std::string_view where, bool questions) {
        if (questions) r_.check_keys(t, {"old", "new", "change", "answers", "why"}, where);
        else r_.check_keys(t, {"old", "new", "change", "why"}, where);
        IdChange c;
        c.where = r_.at(t);
        c.old_id = r_.string(t, "old", false).value_or("");
        c.new_ids = r_.strings(t, "new");
        if (auto k = r_.string(t, "change", true)) {
            if (auto kind = parse_change_kind(*k)) {
                c.kind = *kind;
            } else {
                auto m = closest_match(*k, kind_ids);
                r_.error(r_.at(*t.get("change")), msg("unknown change '{}'", *k),
                         did_you_mean(m, msg("expected same, reworded, reversed, changed, split, merged, removed or added")));
            }
        }
        if (const toml::node* n = t.get("answers")) {
            if (const toml::table* a = n->as_table()) {
                for (const auto& [k, v] : *a) {
                    if (auto s = v.value<std::string>(); s && v.is_string())
                        c.answers.emplace(std::string(k.str()), *s);
                    else
                        r_.error(r_.at(v), msg("answer '{}' must map to an option id in quotes", k.str()));
                }
            } else {
                r_.error(r_.at(*n), msg("'answers' must be a table"), msg("e.g. answers = {{ ja = \"nooit\", nee = \"vaak\" }}"));
            }
        }
        c.why = r_.text(t, "why", c.kind != ChangeKind::same, langs_);
        check_shape(t, c);
        return c;
    }

    RoleChange read_role(const toml::table& t) {
        r_.check_keys(t, {"old", "new", "why"}, "[[changes.role]]");
        RoleChange c;
        c.where = r_.at(t);
        c.old_id = r_.string(t, "old", true).value_or("");
        c.new_id = r_.string(t, "new", false).value_or("");
        c.why = r_.text(t, "why", true, langs_);
        return c;
    }

    // What each kind needs: an old id, and how many new ids.
    void check_shape(const toml::table& t, const IdChange& c) {
        auto kind = to_string(c.kind);
        SourceLocation at = t.get("new") ? r_.at(*t.get("new")) : c.where;
        if (c.kind == ChangeKind::added) {
            if (!c.old_id.empty()) r_.error(r_.at(*t.get("old")), msg("an 'added' entry has no old id"), msg("leave out old = …"));
        } else if (c.old_id.empty() && t.get("change")) {
            r_.error(c.where, msg("a '{}' entry needs the old id", kind), msg("add old = \"…\""));
        }
        std::size_t n = c.new_ids.size();
        if (c.kind == ChangeKind::removed && n != 0)
            r_.error(at, msg("a 'removed' entry has no new ids"), msg("write new = [] or leave it out"));
        else if (c.kind == ChangeKind::split && n < 2)
            r_.error(at, msg("a 'split' entry needs at least two new ids"));
        else if (c.kind == ChangeKind::added && n == 0)
            r_.error(at, msg("an 'added' entry needs the new ids"));
        else if (c.kind != ChangeKind::removed && c.kind != ChangeKind::split && c.kind != ChangeKind::added && n != 1)
            r_.error(at, msg("a '{}' entry needs exactly one new id", kind));
        if (!c.answers.empty() && !carries_answers(c.kind))
            r_.error(r_.at(*t.get("answers")), msg("'answers' is only for same, reworded or reversed, not '{}'", kind),
                     msg("answers of a changed, split or merged question do not carry over"));
        if (c.kind == ChangeKind::reversed && c.answers.empty())
            r_.error(c.where, msg("a 'reversed' entry needs 'answers'"), msg("map every old option to its new option, e.g. answers = {{ ja = \"nee\" }}"));
    }

    TomlReader& r_;
    const std::vector<std::string>& langs_;
    const MarkdownValidator& md_;
};

void check_ids(TomlReader& r, const std::vector<IdChange>& list, std::string_view what, const ChangeSet& set,
               const std::vector<std::string_view>& current, bool current_set, const Instrument& ins) {
    std::map<std::string, const IdChange*> olds;
    std::map<std::string, const IdChange*> news;
    for (const auto& c : list) {
        if (!c.old_id.empty()) {
            auto [it, fresh] = olds.emplace(c.old_id, &c);
            if (!fresh)
                r.error(c.where, msg("old {} id '{}' is listed twice in the changes to {}", what, c.old_id, set.to),
                        msg("first listed at line {}", it->second->where.line));
        }
        for (const auto& n : c.new_ids) {
            auto [it, fresh] = news.emplace(n, &c);
            if (!fresh && !(c.kind == ChangeKind::merged && it->second->kind == ChangeKind::merged))
                r.error(c.where, msg("new {} id '{}' is the target of two entries in the changes to {}", what, n, set.to),
                        msg("first at line {}; use change = \"merged\" on both when two old ids became one", it->second->where.line));
            if (current_set && std::find(current.begin(), current.end(), n) == current.end()) {
                auto m = closest_match(n, current);
                r.error(c.where, msg("changes to {}: new {} id '{}' is not in this instrument", set.to, what, n),
                        did_you_mean(m));
            }
        }
        if (current_set && !c.answers.empty() && c.new_ids.size() == 1) {
            const Question* q = ins.find_question(c.new_ids.front());
            const Scale* s = q ? ins.find_scale(q->scale) : nullptr;
            if (s)
                for (const auto& [old_opt, new_opt] : c.answers)
                    if (!new_opt.empty() && !s->find(new_opt))
                        r.error(c.where, msg("changes to {}: answer '{}' of '{}' maps to '{}', which is not an option of '{}'",
                                                     set.to, old_opt, c.old_id, new_opt, q->id));
        }
    }
    if (!current_set) return;
    // An id the old version had, now used for something else, must say so:
    // otherwise an old answer would silently land on a different question.
    for (const auto& [old_id, c] : olds)
        if (std::find(current.begin(), current.end(), old_id) != current.end() && !news.contains(old_id))
            r.error(c->where, msg("changes to {}: '{}' is '{}' here, but this version has a {} '{}'", set.to, old_id,
                                          to_string(c->kind), what, old_id),
                    msg("list '{}' as a new id of an entry (for example change = \"added\")", old_id));
}

// Role entries: each old role once; in the newest set a new role must be a
// role of the instrument and a removed one must not be.
void check_roles(TomlReader& r, const ChangeSet& set, bool current_set, const Instrument& ins) {
    std::map<std::string, const RoleChange*> olds;
    std::vector<std::string_view> roles;
    for (const auto& ro : ins.roles) roles.push_back(ro.id);
    for (const auto& c : set.roles) {
        if (c.old_id.empty()) continue;
        auto [it, fresh] = olds.emplace(c.old_id, &c);
        if (!fresh)
            r.error(c.where, msg("old role group '{}' is listed twice in the changes to {}", c.old_id, set.to),
                    msg("first listed at line {}", it->second->where.line));
        if (!current_set) continue;
        if (!c.new_id.empty() && !ins.find_role(c.new_id)) {
            auto m = closest_match(c.new_id, roles);
            r.error(c.where, msg("changes to {}: new role group '{}' is not in this instrument", set.to, c.new_id),
                    did_you_mean(m, msg("role groups: {}", fmt::join(roles, ", "))));
        } else if (c.new_id.empty() && ins.find_role(c.old_id)) {
            r.error(c.where, msg("changes to {}: role group '{}' is removed here, but this version has it", set.to, c.old_id),
                    msg("leave the entry out, or give new = \"…\" when the role got another id"));
        }
    }
}

} // namespace

std::vector<ChangeSet> read_changes(TomlReader& r, const toml::table& root, const std::vector<std::string>& languages,
                                    const MarkdownValidator& markdown) {
    std::vector<ChangeSet> out;
    ChangesReader reader(r, languages, markdown);
    for (const auto* t : r.tables(root, "changes")) out.push_back(reader.read_set(*t));
    return out;
}

void check_changes(TomlReader& r, const Instrument& ins) {
    if (ins.changes.empty()) return;
    std::vector<std::string_view> questions(ins.question_order.begin(), ins.question_order.end());
    std::vector<std::string_view> measures;
    for (const auto& m : ins.measures) measures.push_back(m.id);
    std::optional<Version> previous;
    std::set<std::string> targets;
    for (const auto& set : ins.changes) {
        auto from = parse_version(set.from);
        auto to = parse_version(set.to);
        if (!from || !to) continue;
        if (!version_less(*from, *to))
            r.error(set.where, msg("changes from {} to {}: 'to' must be a later version than 'from'", set.from, set.to));
        if (version_less(ins.version, *to))
            r.error(set.where, msg("changes to {} are newer than the instrument's version {}", set.to, ins.version.text));
        if (previous && !version_less(*previous, *to))
            r.error(set.where, msg("changes to {} come after changes to {}", set.to, previous->text),
                    msg("list [[changes]] oldest first"));
        if (!targets.insert(to->text).second)
            r.error(set.where, msg("there are two [[changes]] to version {}", set.to));
        previous = to;
        bool current = *to == ins.version;
        check_ids(r, set.questions, "question", set, questions, current, ins);
        check_ids(r, set.measures, "measure", set, measures, current, ins);
        check_roles(r, set, current, ins);
    }
    if (previous && !(*previous == ins.version))
        r.error(ins.changes.back().where,
                msg("the newest [[changes]] lead to {}, but the instrument is version {}", previous->text, ins.version.text),
                msg("add a [[changes]] table with to = the instrument's version"));
}

} // namespace zs
