// Finding the instrument an answer file belongs to.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace zs {

// Folders searched for `<id>.toml`: $ZELFSCAN_INSTRUMENTS (colon-separated),
// ./instruments, and the instruments folder of the source tree.
std::vector<std::string> instrument_search_path();

std::optional<std::string> find_instrument_file(const std::string& id);

// The shipped report template for a language: report-templates/rapport.nl.md
// or report.en.md, searched in $ZELFSCAN_TEMPLATES, ./report-templates and
// the source tree.
std::optional<std::string> find_report_template(const std::string& lang);

} // namespace zs
