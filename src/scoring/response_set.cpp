// Checks on a run's set of responses as a whole: one instrument, one
// version, every respondent code once.
#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "scoring/assessment.hpp"

namespace zs {

namespace {

constexpr std::size_t shown_names = 5;

std::string name_files(const std::vector<std::string>& names, std::size_t files) {
    std::string out = fmt::format("{}", fmt::join(names, ", "));
    if (files > names.size()) out += fmt::format(" and {} more", files - names.size());
    return out;
}

// Patch versions of one instrument have the same questions: they mix.
std::string minor_of(const std::string& v) {
    auto p = parse_version(v);
    return p ? fmt::format("{}.{}", p->major, p->minor) : v;
}

} // namespace

void ResponseSetCheck::add_version(const std::string& path, const std::string& instrument, const std::string& version,
                                   const SourceLocation& where) {
    Group& g = by_version_[{instrument, minor_of(version)}];
    if (g.files++ == 0) {
        g.version = version;
        g.where = where.line ? where : SourceLocation{path, 0, 0};
    }
    if (g.names.size() < shown_names) g.names.push_back(path);
}

void ResponseSetCheck::add_code(const std::string& path, const std::string& code) {
    if (code.empty()) return;
    auto [it, fresh] = codes_.emplace(code, path);
    if (!fresh) repeats_.push_back({path, code, it->second});
}

void ResponseSetCheck::report_versions(Diagnostics& diags) const {
    // More than one group is an error at the first file of each group,
    // naming the others.
    if (!mixed()) return;
    for (const auto& [key, g] : by_version_) {
        std::vector<std::string> others;
        for (const auto& [k2, g2] : by_version_)
            if (k2 != key) others.push_back(fmt::format("'{}' {} ({})", k2.first, g2.version, name_files(g2.names, g2.files)));
        diags.error(g.where,
                    msg("answers to '{}' {} ({}) are mixed with answers to {}", key.first, g.version, name_files(g.names, g.files),
                        fmt::join(others, "; ")),
                    msg("score the answers to one instrument version per run"));
    }
}

void ResponseSetCheck::report_codes(Diagnostics& diags) const {
    for (const auto& r : repeats_)
        diags.error({r.path, 0, 0}, msg("respondent code '{}' is also used in {}", r.code, r.first),
                    msg("every respondent (or session) needs a code of its own; the same file given twice counts too"));
}

void check_response_set(const std::vector<Response>& responses, Diagnostics& diags) {
    std::vector<const Response*> sorted;
    for (const auto& r : responses) sorted.push_back(&r);
    std::stable_sort(sorted.begin(), sorted.end(), [](const Response* a, const Response* b) { return a->path < b->path; });
    ResponseSetCheck check;
    for (const Response* r : sorted) {
        check.add_version(r->path, r->instrument, r->version, r->version_where);
        check.add_code(r->path, r->respondent.code);
    }
    check.report_versions(diags);
    check.report_codes(diags);
}

} // namespace zs
