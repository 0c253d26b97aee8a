// The changelog of an instrument: what changed from one version to the next,
// and which question and measure ids of the old version became which ids of
// the new one. Rounds answered with different versions are compared, and old
// answer files upgraded, through this mapping (docs/instrument-format.md,
// "[[changes]]").
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/text.hpp"
#include "util/diagnostics.hpp"

namespace zs {

// How an old id relates to its new ids. Only `same`, `reworded` and
// `reversed` carry an answer over one to one (see carries_answers).
enum class ChangeKind {
    same,     // the same question, perhaps under a new id
    reworded, // new words, same meaning: answers stay comparable
    reversed, // the question is turned around; `answers` maps the options
    changed,  // the meaning changed: answers are not comparable
    split,    // one old question became two or more new ones
    merged,   // two or more old questions became one new one
    removed,  // no new question (the reason says where it went)
    added,    // a new question without an old one
};

struct IdChange {
    std::string old_id;               // empty for `added`
    std::vector<std::string> new_ids; // empty for `removed`
    ChangeKind kind = ChangeKind::same;
    // Old option id -> new option id, for kinds that carry answers. An old
    // option not listed keeps its id; one mapped to "" is dropped (the new
    // question is left unanswered), e.g. "nvt" where the new scale has none.
    std::map<std::string, std::string, std::less<>> answers;
    LocalizedText why;
    SourceLocation where;
};

// A role group of the old version that was renamed (`new_id` set) or
// removed (`new_id` empty). A response of a removed role does not carry
// over: its answers belong in another instrument, which `why` names.
struct RoleChange {
    std::string old_id;
    std::string new_id; // empty: removed
    LocalizedText why;
    SourceLocation where;
};

struct ChangeSet {
    std::string from; // version text, e.g. "1.0.0"
    std::string to;   // version text, e.g. "2.0.0"
    std::string date; // YYYY-MM-DD, optional
    LocalizedText summary; // Markdown
    std::vector<IdChange> questions;
    std::vector<IdChange> measures;
    std::vector<RoleChange> roles;
    SourceLocation where;

    // The entry whose old id is `old_id`, or nullptr when the changelog does
    // not list it (then it is the same question under the same id, if the
    // new version has that id).
    [[nodiscard]] const IdChange* find_old_question(std::string_view old_id) const;
    [[nodiscard]] const IdChange* find_old_measure(std::string_view old_id) const;
    [[nodiscard]] const RoleChange* find_old_role(std::string_view old_id) const;
    // The old ids whose entries name `new_id` (empty: none listed).
    [[nodiscard]] std::vector<std::string> old_questions_of(std::string_view new_id) const;
};

// True for the kinds whose answers carry over to the (single) new id.
bool carries_answers(ChangeKind k);

std::string_view to_string(ChangeKind k);
std::optional<ChangeKind> parse_change_kind(std::string_view s);

} // namespace zs
