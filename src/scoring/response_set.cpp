// Checks on a run's set of responses as a whole: one instrument, one
// version, every respondent code once.
#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "scoring/assessment.hpp"

namespace zs {

namespace {

std::string name_files(const std::vector<const Response*>& rs) {
    constexpr std::size_t shown = 5;
    std::vector<std::string_view> names;
    for (std::size_t i = 0; i < rs.size() && i < shown; ++i) names.push_back(rs[i]->path);
    std::string out = fmt::format("{}", fmt::join(names, ", "));
    if (rs.size() > shown) out += fmt::format(" and {} more", rs.size() - shown);
    return out;
}

SourceLocation where_version(const Response& r) { return r.version_where.line ? r.version_where : SourceLocation{r.path, 0, 0}; }

} // namespace

void check_response_set(const std::vector<Response>& responses, Diagnostics& diags) {
    std::vector<const Response*> sorted;
    for (const auto& r : responses) sorted.push_back(&r);
    std::stable_sort(sorted.begin(), sorted.end(), [](const Response* a, const Response* b) { return a->path < b->path; });

    // Group by instrument and version; more than one group is an error at
    // the first file of each group, naming the others.
    std::map<std::pair<std::string, std::string>, std::vector<const Response*>> by_version;
    // Patch versions of one instrument have the same questions: they mix.
    auto minor_of = [](const std::string& v) {
        auto p = parse_version(v);
        return p ? fmt::format("{}.{}", p->major, p->minor) : v;
    };
    for (const Response* r : sorted) by_version[{r->instrument, minor_of(r->version)}].push_back(r);
    if (by_version.size() > 1) {
        for (const auto& [key, files] : by_version) {
            std::vector<std::string> others;
            for (const auto& [k2, f2] : by_version)
                if (k2 != key) others.push_back(fmt::format("'{}' {} ({})", k2.first, f2.front()->version, name_files(f2)));
            diags.error(where_version(*files.front()),
                        msg("answers to '{}' {} ({}) are mixed with answers to {}", key.first, files.front()->version,
                                    name_files(files), fmt::join(others, "; ")),
                        msg("score the answers to one instrument version per run"));
        }
    }

    std::map<std::string, const Response*, std::less<>> codes;
    for (const Response* r : sorted) {
        const std::string& code = r->respondent.code;
        if (code.empty()) continue;
        auto [it, fresh] = codes.emplace(code, r);
        if (!fresh)
            diags.error({r->path, 0, 0}, msg("respondent code '{}' is also used in {}", code, it->second->path),
                        msg("every respondent (or session) needs a code of its own; the same file given twice counts too"));
    }
}

} // namespace zs
