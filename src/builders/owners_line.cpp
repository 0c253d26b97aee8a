#include "builders/owners_line.hpp"

#include <fmt/format.h>

#include "util/i18n.hpp"

namespace zs {

namespace {

// Role labels up to their explanation in brackets: "Leiding", not
// "Leiding (directie, management, teamleiding)".
std::string owners_text(const Instrument& ins, const std::vector<std::string>& owners, std::string_view lang) {
    std::vector<std::string> names;
    for (const auto& id : owners) {
        const Role* r = ins.find_role(id);
        std::string label = r ? r->label.get(lang) : id;
        if (auto cut = label.find(" ("); cut != std::string::npos) label.resize(cut);
        names.push_back(std::move(label));
    }
    return fmt::format("{} {}.", tr(lang, "Vooral voor:", "Mainly for:"), fmt::join(names, " · "));
}

} // namespace

std::string domain_owners_line(const Instrument& ins, const Domain& d, std::string_view lang) {
    if (!ins.risk.scored || ins.names_every_role(d.owners)) return {};
    return owners_text(ins, d.owners, lang);
}

std::string question_owners_line(const Instrument& ins, const Question& q, const Domain* d, std::string_view lang) {
    // A filter question only routes: whoever answers it, nothing counts.
    if (!ins.risk.scored || !q.scored) return {};
    const std::vector<std::string>* owners = ins.owners_of(q.id);
    bool theme_all = !d || ins.names_every_role(d->owners);
    if (!owners) return theme_all ? std::string() : std::string(tr(lang, "Voor iedereen.", "For everyone."));
    if (!theme_all && *owners == d->owners) return {};
    return owners_text(ins, *owners, lang);
}

} // namespace zs
