#include "cli/instrument_lookup.hpp"

#include <filesystem>

#include "model/load_instrument.hpp"
#include "util/data_dirs.hpp"

namespace zs {

std::vector<std::string> instrument_search_path() {
    return data_search_path("ZELFSCAN_INSTRUMENTS", "instruments");
}

std::optional<std::string> find_instrument_file(const std::string& id) {
    // The id comes from a user's file: only a real id becomes a file name,
    // so "../x" or "/etc/x" is never followed.
    if (!is_instrument_id(id)) return std::nullopt;
    for (const auto& dir : instrument_search_path()) {
        std::filesystem::path p = std::filesystem::path(dir) / (id + ".toml");
        std::error_code ec;
        if (std::filesystem::is_regular_file(p, ec)) return p.string();
    }
    return std::nullopt;
}

std::string instrument_argument(const std::string& arg) {
    std::error_code ec;
    bool bare_id = arg.find('/') == std::string::npos && !arg.ends_with(".toml");
    if (!bare_id || std::filesystem::exists(arg, ec)) return arg;
    if (auto found = find_instrument_file(arg)) return *found;
    return arg;
}

std::string report_template_name(ReportKind kind, const std::string& lang) {
    bool en = lang == "en";
    if (kind == ReportKind::results) return en ? "results.en.md" : "uitkomsten.nl.md";
    if (kind == ReportKind::companion) return en ? "companion.en.md" : "aanvulling.nl.md";
    return en ? "report.en.md" : "rapport.nl.md";
}

std::optional<std::string> find_report_template(ReportKind kind, const std::string& lang) {
    std::vector<std::string> dirs = data_search_path("ZELFSCAN_TEMPLATES", "report-templates");
    std::string name = report_template_name(kind, lang);
    for (const auto& dir : dirs) {
        std::filesystem::path p = std::filesystem::path(dir) / name;
        std::error_code ec;
        if (std::filesystem::is_regular_file(p, ec)) return p.string();
    }
    return std::nullopt;
}

} // namespace zs
