#include "builders/owners_line.hpp"

#include <fmt/format.h>

#include "util/i18n.hpp"

namespace zs {

std::string owners_sentence(const Instrument& ins, const Question& q, std::string_view lang) {
    // A filter question only routes: whoever answers it, nothing counts.
    if (!ins.risk.scored || !q.scored || !ins.names_owners()) return {};
    // Profile questions describe the service; not knowing them is no risk.
    for (const auto& p : ins.profile.questions)
        if (p.id == q.id) return {};
    const std::string lead = tr(lang, "Wie dit kan weten:", "Who can know this:");
    const std::vector<std::string>* owners = ins.owners_of(q.id);
    if (!owners || ins.names_every_role(*owners)) return fmt::format("{} {}.", lead, tr(lang, "iedereen", "everyone"));
    // Part of another role that knows too, in the author's words.
    const std::string also = q.also_known_by.empty() ? std::string()
                                                     : fmt::format(" {} {}", tr(lang, "en ook", "and also"), q.also_known_by.get(lang));
    // Role labels up to their explanation in brackets: "Leiding", not
    // "Leiding (directie, management, teamleiding)"; a dot between them,
    // since a label may hold "en" itself ("Beleid en advies").
    std::vector<std::string> names;
    for (const auto& id : *owners) {
        const Role* r = ins.find_role(id);
        std::string label = r ? r->label.get(lang) : id;
        if (auto cut = label.find(" ("); cut != std::string::npos) label.resize(cut);
        names.push_back(std::move(label));
    }
    const std::string list = fmt::format("{}", fmt::join(names, " · "));
    return fmt::format("{} {}{}.", lead, list, also);
}

} // namespace zs
