#include "answers/upgrade.hpp"

#include <algorithm>
#include <filesystem>
#include <map>

#include "answers/load_answers.hpp"
#include "cli/instrument_lookup.hpp"
#include "util/files.hpp"

namespace zs {

namespace fs = std::filesystem;

namespace {
std::string fmt_id(const std::string& question, const std::string& option) { return question + ":" + option; }
} // namespace

std::vector<const ChangeSet*> change_path(const Instrument& to, const std::string& from) {
    std::vector<const ChangeSet*> path;
    std::string at = from;
    for (std::size_t guard = 0; at != to.version.text && guard <= to.changes.size(); ++guard) {
        const ChangeSet* next = nullptr;
        for (const auto& cs : to.changes)
            if (cs.from == at) next = &cs;
        if (!next) return {};
        path.push_back(next);
        at = next->to;
    }
    if (at != to.version.text) return {};
    return path;
}

UpgradedResponse upgrade_response(const Response& old, const Instrument& to, const std::vector<const ChangeSet*>& path) {
    UpgradedResponse out;
    out.response = old;
    out.response.version = to.version.text;
    out.response.answers.clear();
    for (const ChangeSet* cs : path) {
        const RoleChange* rc = cs->find_old_role(out.response.respondent.role);
        if (!rc) continue;
        if (rc->new_id.empty()) {
            out.removed_role = rc;
            out.removed_in = cs;
            break;
        }
        out.response.respondent.role = rc->new_id;
    }
    std::map<std::string, Answer> carried;
    for (Answer a : old.answers) {
        std::string id = a.question;
        bool lost = false;
        for (const ChangeSet* cs : path) {
            const IdChange* c = cs->find_old_question(id);
            if (!c) continue; // not listed: the same question under the same id
            if (!carries_answers(c->kind) || c->new_ids.empty()) {
                lost = true;
                break;
            }
            std::vector<std::string> options;
            for (const auto& o : a.options) {
                auto m = c->answers.find(o);
                if (m == c->answers.end()) options.push_back(o);
                else if (!m->second.empty()) options.push_back(m->second);
                else out.unmapped.push_back(fmt_id(id, o));
            }
            a.options = std::move(options);
            id = c->new_ids.front();
        }
        const Question* q = lost ? nullptr : to.find_question(id);
        if (!q) {
            if (a.answered() || !a.note.empty()) out.dropped.push_back(a.question);
            continue;
        }
        // An option the new scale lacks (the changelog did not map it) is
        // left out rather than carried as an error.
        if (q->kind == QuestionKind::choice || q->kind == QuestionKind::multi) {
            const Scale* s = to.find_scale(q->scale);
            std::vector<std::string> kept;
            for (const auto& o : a.options)
                if (s && s->find(o)) kept.push_back(o);
                else out.unmapped.push_back(fmt_id(a.question, o));
            a.options = std::move(kept);
            if (a.options.empty()) a.reason.clear();
        }
        if (!a.answered() && a.note.empty() && a.evidence.empty()) continue;
        a.question = id;
        carried.emplace(id, std::move(a));
    }
    for (const auto& id : to.question_order)
        if (auto it = carried.find(id); it != carried.end()) out.response.answers.push_back(std::move(it->second));
    // Answers the new conditions skip go; dropping a gate's answer can make
    // a question further on undetermined, never skipped, so one pass in
    // question order settles every chain.
    auto& answers = out.response.answers;
    for (std::size_t i = 0; i < answers.size();) {
        const Question* q = to.find_question(answers[i].question);
        if (q && answers[i].answered() && visibility(*q, out.response, to) == Visibility::skipped) {
            out.skipped.push_back(answers[i].question);
            answers.erase(answers.begin() + static_cast<std::ptrdiff_t>(i));
        } else {
            ++i;
        }
    }
    return out;
}

std::optional<Instrument> find_instrument_version(const std::string& dir, const std::string& id, const std::string& version,
                                                  Diagnostics& diags, const MarkdownValidator& markdown) {
    std::vector<std::string> candidates;
    std::error_code ec;
    if (!dir.empty() && fs::is_directory(dir, ec))
        for (const auto& e : fs::directory_iterator(dir, ec)) {
            std::string p = e.path().string();
            if (e.path().extension() == ".toml" && e.is_regular_file(ec)) candidates.push_back(p);
        }
    std::sort(candidates.begin(), candidates.end());
    if (auto p = find_instrument_file(id)) candidates.push_back(*p);
    // Older versions are kept as archive/<id>-<version>.toml beside the instruments.
    for (const auto& folder : instrument_search_path()) {
        fs::path p = fs::path(folder) / "archive" / (id + "-" + version + ".toml");
        if (fs::is_regular_file(p, ec)) candidates.push_back(p.string());
    }
    for (const auto& c : candidates) {
        auto file = read_file(c, limits::instrument_file);
        if (!file.ok() || looks_like_answer_file(file.data)) continue;
        Diagnostics quiet;
        auto ins = parse_instrument(file.data, c, quiet, markdown);
        if (ins && ins->id == id && ins->version.text == version) {
            diags.append(quiet);
            return ins;
        }
    }
    return std::nullopt;
}

} // namespace zs
