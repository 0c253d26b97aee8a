#include "model/changes.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace zs {

namespace {

constexpr std::array<std::pair<ChangeKind, std::string_view>, 8> kind_names = {{
    {ChangeKind::same, "same"},
    {ChangeKind::reworded, "reworded"},
    {ChangeKind::reversed, "reversed"},
    {ChangeKind::changed, "changed"},
    {ChangeKind::split, "split"},
    {ChangeKind::merged, "merged"},
    {ChangeKind::removed, "removed"},
    {ChangeKind::added, "added"},
}};

const IdChange* find_old(const std::vector<IdChange>& list, std::string_view old_id) {
    auto it = std::find_if(list.begin(), list.end(), [&](const IdChange& c) { return c.old_id == old_id; });
    return it == list.end() ? nullptr : &*it;
}

} // namespace

const IdChange* ChangeSet::find_old_question(std::string_view old_id) const { return find_old(questions, old_id); }
const IdChange* ChangeSet::find_old_measure(std::string_view old_id) const { return find_old(measures, old_id); }

const RoleChange* ChangeSet::find_old_role(std::string_view old_id) const {
    for (const auto& r : roles)
        if (r.old_id == old_id) return &r;
    return nullptr;
}

std::vector<std::string> ChangeSet::old_questions_of(std::string_view new_id) const {
    std::vector<std::string> out;
    for (const auto& c : questions)
        if (!c.old_id.empty() && std::find(c.new_ids.begin(), c.new_ids.end(), new_id) != c.new_ids.end())
            out.push_back(c.old_id);
    return out;
}

bool carries_answers(ChangeKind k) {
    return k == ChangeKind::same || k == ChangeKind::reworded || k == ChangeKind::reversed;
}

std::string_view to_string(ChangeKind k) {
    for (const auto& [kind, name] : kind_names)
        if (kind == k) return name;
    return "same";
}

std::optional<ChangeKind> parse_change_kind(std::string_view s) {
    for (const auto& [kind, name] : kind_names)
        if (name == s) return kind;
    return std::nullopt;
}

} // namespace zs
