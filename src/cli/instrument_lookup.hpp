// Finding the instrument an answer file belongs to.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace zs {

// Folders searched for `<id>.toml`: $ZELFSCAN_INSTRUMENTS (colon-separated),
// ./instruments, and the shipped instruments (util/data_dirs.hpp).
std::vector<std::string> instrument_search_path();

std::optional<std::string> find_instrument_file(const std::string& id);

// A command's INSTRUMENT argument as a file: an existing file as given; a
// bare id (no folder, no .toml) found on the search path, so an installed
// zelfscan runs `zelfscan paper institutioneel-racisme`; else as given, for
// the loader to report.
std::string instrument_argument(const std::string& arg);

// Which standard report template fits: the risk report for an instrument
// with a risk model, the results report for a questionnaire without one.
// The companion template is one questionnaire's part inside the risk
// report (`report --with`).
enum class ReportKind { risk, results, companion };

// The file name of the standard template: rapport.nl.md / report.en.md
// (risk), uitkomsten.nl.md / results.en.md (results), aanvulling.nl.md /
// companion.en.md (companion).
std::string report_template_name(ReportKind kind, const std::string& lang);

// The shipped report template of that kind for a language, searched in
// $ZELFSCAN_TEMPLATES (colon-separated), ./report-templates and the shipped
// templates (util/data_dirs.hpp).
std::optional<std::string> find_report_template(ReportKind kind, const std::string& lang);

} // namespace zs
